"""Highlighting in Python: every snippet on SQLite, and Japanese/Korean on PostgreSQL.

``ts_headline`` cannot find words in text no configuration splits into words, so those
rows are highlighted here, from the same terms the substring matcher looked for.
"""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .languages import is_unsegmented


def _spans(text, terms):
    found = []
    for term in sorted(set(terms), key=len, reverse=True):
        for match in re.finditer(re.escape(term), text, re.IGNORECASE):
            found.append((match.start(), match.end()))
    found.sort()
    merged = []
    for start, end in found:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text, terms, before=80, length=260):
    """An HTML-safe excerpt of ``text`` around the first term found, terms in <mark>."""
    spans = _spans(text, terms)
    start = 0
    if spans and spans[0][0] > before:
        start = spans[0][0] - before
        space = text.find(" ", start, spans[0][0])
        start = space + 1 if space != -1 else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", max(start, spans[0][1] if spans else start), end)
        end = space if space > start else end
    pieces = ["… " if start else ""]
    position = start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        pieces.append(escape(text[position:span_start]))
        pieces.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        position = span_end
    pieces.append(escape(text[position:end]))
    pieces.append(" …" if end < len(text) else "")
    return mark_safe("".join(pieces))  # noqa: S308 - every piece of text is escaped


def snippet(text, terms, language_code):
    """A shorter excerpt in languages whose characters each carry more meaning."""
    if is_unsegmented(language_code):
        return highlight(text, terms, before=30, length=120)
    return highlight(text, terms)
