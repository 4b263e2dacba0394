"""Comparisons of two texts for people to read."""

import difflib


def compare_text(old_lines, new_lines):
    """Word-level comparison of two texts, as (kind, text) runs: same, removed, added."""
    old_words = " \n ".join(old_lines).split(" ")
    new_words = " \n ".join(new_lines).split(" ")
    runs = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            runs.append(("same", " ".join(old_words[a1:a2])))
        else:
            if a2 > a1:
                runs.append(("removed", " ".join(old_words[a1:a2])))
            if b2 > b1:
                runs.append(("added", " ".join(new_words[b1:b2])))
    return runs
