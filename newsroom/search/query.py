"""What the reader typed, made safe to search for and read as words to find or leave out.

Both backends read a query the same way, so the reader gets the same answer from a
laptop's SQLite as from PostgreSQL, short of stemming.
"""

import re

from django.utils.translation import gettext_lazy as _

MAX_QUERY_LENGTH = 200

_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_WHITESPACE = re.compile(r"\s+")
_TERMS = re.compile(r'(-?)"([^"]+)"|(\S+)')


def clean_query(raw):
    """The query to search for, and a message for the reader when there is none.

    Control characters are dropped (PostgreSQL refuses NUL) and whitespace collapsed.
    """
    query = _WHITESPACE.sub(" ", _CONTROL_CHARACTERS.sub("", raw or "")).strip()
    if not query:
        return "", _("Enter one or more words to search for.")
    if len(query) > MAX_QUERY_LENGTH:
        return query, _("Your search is too long. Use at most %(limit)s characters.") % {
            "limit": MAX_QUERY_LENGTH
        }
    return query, None


def parse_terms(query):
    """Words and "quoted phrases" to find, and those after a minus sign to exclude.

    The substring matcher's reading of the query, close to what PostgreSQL's
    ``websearch_to_tsquery`` understands (an "or" between words is taken as a word).
    """
    required, excluded = [], []
    for match in _TERMS.finditer(query):
        minus, phrase, word = match.groups()
        if phrase is not None:
            term, negated = phrase.strip(), bool(minus)
        else:
            negated = word.startswith("-") and len(word) > 1
            term = word[1:] if negated else word
            term = term.strip('"')
        if term:
            (excluded if negated else required).append(term)
    return required, excluded
