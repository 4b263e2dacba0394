"""What a search answers, whichever backend ran it.

The view pages the results with Django's ``Paginator``, so a backend only has to count
and slice; both start from the newsroom's own listing, so search never finds more
than the newsroom shows.
"""

from dataclasses import dataclass, field

from django.utils.safestring import SafeString

from statements.models import StatementPage
from statements.models.site_pages import listing_entries

from .query import parse_terms


@dataclass
class SearchResult:
    page: StatementPage
    snippet: SafeString
    is_fallback: bool
    languages: list = field(default_factory=list)
    lead: dict | None = None


class SearchResults:
    """Matching statements, best first, sliced lazily (so a Paginator can page them)."""

    def __init__(self, query, locale, filters=None):
        self.query = query
        self.locale = locale
        self.filters = filters
        self.required, self.excluded = parse_terms(query)

    def candidates(self):
        """Released statements of this language (or its fallback), filtered."""
        if not self.required:  # only exclusions: nothing asked for, nothing found
            return StatementPage.objects.none()
        listing = StatementPage.objects.for_listing(self.locale)
        if self.filters is not None:
            listing = self.filters.apply(listing)
        return StatementPage.objects.filter(pk__in=listing.values("pk"))

    def count(self):
        raise NotImplementedError

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        raise NotImplementedError

    def _results(self, pages, snippets):
        entries = listing_entries(pages, self.locale)
        return [
            SearchResult(
                page=entry["page"],
                snippet=snippets[entry["page"].pk],
                is_fallback=entry["is_fallback"],
                languages=entry["languages"],
                lead=entry["lead"],
            )
            for entry in entries
        ]
