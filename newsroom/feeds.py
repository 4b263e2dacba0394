"""RSS 2.0 and Atom feeds of released statements, one per language.

A feed lists what the newsroom lists (``StatementPage.objects.for_listing``, through
the newsroom's own filters), so it can never show more than the public site does:
released statements only, and a statement not yet in the feed's language appears
once, in a language it was released in, marked as such. Each item carries the full
text with the names as they were released (``use_release_snapshot``).
"""

import re
import uuid
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.template.loader import render_to_string
from django.urls import path
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext
from wagtail.models import Locale

from statements.models import HomePage, NewsroomPage, StatementPage, StatementType
from statements.models.site_pages import NewsroomFilters, listing_entries
from statements.templatetags.statements_tags import language_name

FEED_SIZE = 30

# A root-relative URL in rendered HTML; feed readers resolve relative URLs unreliably.
_RELATIVE_URL = re.compile(r'(\s(?:href|src)=")/(?!/)')


class _LanguageMarked:
    """Marks an item whose text is not in the feed's language with ``xml:lang``."""

    def item_attributes(self, item):
        if item.get("item_language"):
            return {"xml:lang": item["item_language"]}
        return {}


class StatementRss(_LanguageMarked, Rss201rev2Feed):
    pass


class StatementAtom(_LanguageMarked, Atom1Feed):
    """Atom with the full text in ``<content>``; ``<summary>`` has the summary only."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("content", item["content"], {"type": "html"})


@dataclass(frozen=True)
class FeedScope:
    """What one request for a feed asks for: its language and filters."""

    request: object
    locale: Locale
    filters: NewsroomFilters
    home: HomePage | None
    newsroom: NewsroomPage | None

    @property
    def language(self):
        return self.locale.language_code

    @property
    def query(self):
        query = self.filters.as_query()
        return f"?{query}" if query else ""


@dataclass(frozen=True)
class FeedEntry:
    """One statement as an item, everything worked out while its language was active."""

    page: StatementPage
    language: str
    is_fallback: bool
    title: str
    link: str
    content: str
    summary: str
    author: str
    categories: tuple


class StatementFeed(Feed):
    """Shared by both formats; the URL's language prefix picks the locale."""

    def get_object(self, request, *args, **kwargs):
        locale = Locale.objects.filter(language_code=translation.get_language()).first()
        if locale is None:
            raise Http404("No content in this language.")
        return FeedScope(
            request=request,
            locale=locale,
            filters=NewsroomFilters.from_query(request.GET, locale),
            home=HomePage.objects.live().public().filter(locale=locale).first(),
            newsroom=NewsroomPage.objects.live().public().filter(locale=locale).first(),
        )

    # --- the feed -------------------------------------------------------------------
    def title(self, scope):
        parts = [page.title for page in (scope.home, scope.newsroom) if page is not None]
        if not parts:
            parts = [gettext("Statements")]
        filters = scope.filters
        if filters.government:
            parts.append(filters.government.short_name)
        if filters.statement_type:
            parts.append(str(StatementType(filters.statement_type).label))
        if filters.topic:
            parts.append(filters.topic.name)
        if filters.year:
            parts.append(str(filters.year))
        return " – ".join(parts)

    def description(self, scope):
        # Translators: the description of the RSS and Atom feeds of statements.
        return gettext("Statements in full, as released, newest first.")

    def link(self, scope):
        for page in (scope.newsroom, scope.home):
            if page is not None:
                url = page.get_full_url(scope.request)
                if url:
                    return url + scope.query
        return scope.request.build_absolute_uri(f"/{scope.language}/")

    def feed_url(self, scope):
        return scope.request.build_absolute_uri(scope.request.path + scope.query)

    def feed_guid(self, scope):
        return self.feed_url(scope)

    def author_name(self, scope):
        return scope.home.title if scope.home is not None else None

    def items(self, scope):
        statements = scope.filters.apply(StatementPage.objects.for_listing(scope.locale))
        entries = []
        for listed in listing_entries(statements[:FEED_SIZE], scope.locale, leads=False):
            entry = self.entry(scope, listed)
            if entry is not None:
                entries.append(entry)
        return entries

    # --- one item ---------------------------------------------------------------------
    def entry(self, scope, listed):
        page = listed["page"]
        parts = page.get_url_parts(scope.request)
        if parts is None:
            return None
        _site_id, root_url, page_path = parts
        page.use_release_snapshot()
        language = page.locale.language_code
        title = page.title
        note = ""
        if listed["is_fallback"]:
            # Translators: an item in another language than the feed, e.g. “Title (English)”.
            title = gettext("%(title)s (%(language)s)") % {
                "title": title,
                "language": language_name(language),
            }
            note = self.fallback_note(scope, listed["languages"])
        with translation.override(language):
            content = render_to_string(
                "newsroom/feeds/item.html",
                {"page": page, "language": language, "fallback_note": note},
            )
            categories = (
                str(page.get_statement_type_display()),
                *(str(g.short_name) for g in page.issuing_governments if g.short_name),
            )
        content = _RELATIVE_URL.sub(lambda m: m.group(1) + root_url.rstrip("/") + "/", content)
        return FeedEntry(
            page=page,
            language=language,
            is_fallback=listed["is_fallback"],
            title=title,
            link=root_url + page_path,
            content=content.strip(),
            summary=page.summary,
            author=str(page.lead.department or page.lead),
            categories=categories,
        )

    def fallback_note(self, scope, codes):
        names = ", ".join(
            f'<span lang="{escape(code)}">{escape(language_name(code))}</span>' for code in codes
        )
        label = escape(gettext("Not available in this language. Available in:"))
        return f'<p class="available-in" lang="{escape(scope.language)}">{label} {names}</p>'

    def item_title(self, entry):
        return entry.title

    def item_link(self, entry):
        return entry.link

    def item_description(self, entry):
        return entry.content

    def item_guid(self, entry):
        """One identity per statement and language, whatever its slug or the host."""
        key = uuid.UUID(str(entry.page.translation_key))
        return f"urn:uuid:{uuid.uuid5(key, entry.language)}"

    item_guid_is_permalink = False

    def item_pubdate(self, entry):
        return entry.page.first_published_at

    def item_updateddate(self, entry):
        return entry.page.last_published_at or entry.page.first_published_at

    def item_author_name(self, entry):
        return entry.author

    def item_categories(self, entry):
        return entry.categories

    def item_extra_kwargs(self, entry):
        return {
            "content": entry.content,
            "item_language": entry.language if entry.is_fallback else None,
        }


class StatementRssFeed(StatementFeed):
    feed_type = StatementRss


class StatementAtomFeed(StatementFeed):
    feed_type = StatementAtom

    def subtitle(self, scope):
        return self.description(scope)

    def item_description(self, entry):
        return escape(entry.summary)


feed_urlpatterns = [
    path("rss/", StatementRssFeed(), name="statements_feed_rss"),
    path("atom/", StatementAtomFeed(), name="statements_feed_atom"),
]
