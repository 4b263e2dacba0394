"""The search backend for SQLite, which has no text search of its own worth using.

Matching in Python keeps a laptop's search close to production's (the same terms, the
same released rows) without a second implementation in SQL.
"""

import datetime

from django.utils.functional import cached_property

from statements.models import StatementPage

from .results import SearchResults
from .snippets import snippet
from .text import body_text

_MIN_DATE = datetime.date.min
_MIN_TIME = datetime.datetime.min.replace(tzinfo=datetime.UTC)


class SubstringSearchResults(SearchResults):
    """Case-insensitive substring matching in Python: the database backend on SQLite.

    One query reads the candidates' text; a second loads the statements of the
    page of results asked for.
    """

    @cached_property
    def _matches(self):
        rows = self.candidates().values_list(
            "pk",
            "title",
            "summary",
            "dateline",
            "body",
            "display_date",
            "first_published_at",
            "locale__language_code",
        )
        required = [t.casefold() for t in self.required]
        excluded = [t.casefold() for t in self.excluded]
        matches = []
        for pk, title, summary, dateline, body, display_date, published, language in rows:
            text = " ".join(p for p in (summary, body_text(body)) if p)
            haystack = f"{title} {dateline} {text}".casefold()
            if any(t in haystack for t in excluded) or not all(t in haystack for t in required):
                continue
            score = sum(
                (3 if t in title.casefold() else 0) + (2 if t in summary.casefold() else 0) + 1
                for t in required
            )
            matches.append(
                (score, display_date or _MIN_DATE, published or _MIN_TIME, pk, text, language)
            )
        matches.sort(key=lambda m: m[:3], reverse=True)
        return matches

    def count(self):
        return len(self._matches)

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0]
        chosen = self._matches[key]
        pages = StatementPage.objects.filter(pk__in=[m[3] for m in chosen]).select_related("locale")
        by_pk = {page.pk: page for page in pages}
        ordered = [by_pk[m[3]] for m in chosen if m[3] in by_pk]
        snippets = {m[3]: snippet(m[4], self.required, m[5]) for m in chosen}
        return self._results(ordered, snippets)
