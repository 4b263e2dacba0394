"""Comparisons of two texts for people to read."""

import difflib
import re

# A run of spaces, or a word with its punctuation, or (by character) any one character.
_WORDS = re.compile(r"\s+|\S+")
_CHARACTERS = re.compile(r"\s+|\S")


def _hunks(old_tokens, new_tokens):
    """difflib's opcodes, two changes apart by nothing but a space made one change."""
    matcher = difflib.SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False)
    merged = []
    for opcode in matcher.get_opcodes():
        op, _a1, a2, _b1, b2 = opcode
        if op != "equal" and len(merged) >= 2:
            gap, before = merged[-1], merged[-2]
            if (
                gap[0] == "equal"
                and before[0] != "equal"
                and "".join(old_tokens[gap[1] : gap[2]]).isspace()
            ):
                merged[-2:] = [("replace", before[1], a2, before[3], b2)]
                continue
        merged.append(opcode)
    return merged


def compare_text(old_lines, new_lines, by_character=False):
    """Compare two texts word by word, or character by character for scripts that
    put no space between words (Chinese, Japanese) or are counted per character
    (Korean): one changed word in a Japanese sentence then shows as that word, not
    the sentence struck out and written again.

    Returns (kind, text) runs, kind being same, removed or added; joined in order
    with nothing between them, the runs of kinds same and added are the new text.
    """
    pattern = _CHARACTERS if by_character else _WORDS
    old_tokens = pattern.findall("\n".join(old_lines))
    new_tokens = pattern.findall("\n".join(new_lines))
    runs = []
    for op, a1, a2, b1, b2 in _hunks(old_tokens, new_tokens):
        if op == "equal":
            runs.append(("same", "".join(old_tokens[a1:a2])))
        else:
            if a2 > a1:
                runs.append(("removed", "".join(old_tokens[a1:a2])))
            if b2 > b1:
                runs.append(("added", "".join(new_tokens[b1:b2])))
    return runs
