"""Searching released statements, in each language, with highlighted snippets.

Wagtail's search backends keep one text-search configuration per backend and do not
highlight, and their index is filled by a background task from whatever the row
held at the time. Search here reads the live statement rows themselves, so it finds
exactly what the public can read, and chooses the configuration per row:

- PostgreSQL: ``to_tsvector``/``websearch_to_tsquery`` with the row language's
  configuration (English, French, German, ... stemming; 'simple' for a language
  PostgreSQL has no configuration for), ranked with ``ts_rank`` and highlighted with
  ``ts_headline``. Japanese, Korean and Chinese are not split into words by any
  configuration, so their rows match by substring or by ``pg_trgm`` word similarity.
- SQLite (a laptop): case-insensitive substring matching, done in Python.

Only released statements are searched (``StatementPage.objects.for_listing``): an
unreleased statement or translation adds nothing, not even to a count. A statement
without a version in the searched language is searched, and shown, in the language
it was first written in, as the newsroom lists it.

Snippets are HTML-safe: the source text is escaped first and only then are the
``<mark>`` tags added, from private-use markers that cannot occur in the text.

The reader's query is read in ``query``; each backend (``postgres``, ``substring``)
answers with the ``results`` shapes; ``text``, ``languages`` and ``snippets`` are what
both backends share. :func:`search_statements` is the one way in.
"""

from django.db import connection

from .postgres import PostgresSearchResults
from .query import MAX_QUERY_LENGTH
from .substring import SubstringSearchResults


def search_statements(query, locale, filters=None):
    """Released statements matching ``query``, for a reader of ``locale``'s language.

    ``query`` should come from :func:`~newsroom.search.query.clean_query`; ``filters``
    is a :class:`~statements.models.site_pages.NewsroomFilters` (or None). The results can be
    counted and sliced; each is a :class:`~newsroom.search.results.SearchResult`.
    """
    if len(query) > MAX_QUERY_LENGTH:
        raise ValueError("query too long; check it with clean_query() first")
    if connection.vendor == "postgresql":
        return PostgresSearchResults(query, locale, filters)
    return SubstringSearchResults(query, locale, filters)
