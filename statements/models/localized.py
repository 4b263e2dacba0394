"""Snippet rows shown on a page in the page's language, and the values a release froze."""

from django.conf import settings
from django.db import connection
from django.db.models import Q
from wagtail.models import Locale, Page


class Frozen:
    """A displayed value kept with a released revision (see ``use_release_snapshot``)."""

    def __init__(self, values):
        self.__dict__.update(values)

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return ""

    def __str__(self):
        return self.__dict__.get("short_name") or self.__dict__.get("name") or ""


class Localized:
    """A snippet row shown on a page, and whether it is in the page's language."""

    def __init__(self, obj, locale):
        self.obj = obj
        self.is_fallback = obj.locale_id != locale.id
        self.language_code = obj.locale.language_code

    def __getattr__(self, name):
        return getattr(self.obj, name)

    def __str__(self):
        return str(self.obj)


def localize_by_key(model, keys, locale):
    """Map translation key to the row in ``locale``, else in the default language.

    One query however many keys; callers keep their own row as a last resort.
    """
    if not keys:
        return {}
    rows = (
        model.objects.filter(translation_key__in=keys)
        .filter(Q(locale_id=locale.id) | Q(locale__language_code=settings.LANGUAGE_CODE))
        .select_related("locale")
    )
    found = {}
    for row in rows:
        if row.translation_key not in found or row.locale_id == locale.id:
            found[row.translation_key] = row
    return found


# What a link to a page (its URL, its language) needs from the page's row.
LINK_FIELDS = (
    "id",
    "path",
    "depth",
    "url_path",
    "translation_key",
    "locale__id",
    "locale__language_code",
    "live",
    "expired",
    "content_type_id",
    "title",
)


class ReleasedLink:
    """A related link as released, read as a ``StatementRelatedLink`` is: its title,
    its external URL or the page it points to (while that page is live)."""

    def __init__(self, title, url="", link_page=None):
        self.title = title
        self.url = url
        self.link_page = link_page
        self.link_page_id = link_page.pk if link_page is not None else None

    @property
    def href(self):
        return self.link_page.url if self.link_page is not None else self.url


def released_links(entries):
    """The related links a release froze; a link to a page that is not live (an
    unreleased statement) is left out, so it names nothing under embargo."""
    page_ids = [entry["page"] for entry in entries if entry.get("page")]
    live = {}
    if page_ids:
        rows = Page.objects.filter(pk__in=page_ids, live=True, expired=False).only(*LINK_FIELDS)
        live = {row.pk: row for row in rows}
    links = []
    for entry in entries:
        if not entry.get("page"):
            links.append(ReleasedLink(entry["title"], url=entry["url"]))
        elif entry["page"] in live:
            links.append(ReleasedLink(entry["title"], link_page=live[entry["page"]]))
    return links


# The live versions of a page, less those under a view restriction on themselves or a
# page above them (its path begins theirs): ``Page.objects.live().public()``.
LIVE_TRANSLATIONS_SQL = """
SELECT p.id, p.path, p.depth, p.url_path, p.translation_key, p.locale_id, p.live,
       p.expired, p.content_type_id, p.title, l.language_code AS language_code
FROM wagtailcore_page p JOIN wagtailcore_locale l ON l.id = p.locale_id
WHERE p.live = %s AND p.translation_key = %s AND NOT EXISTS (
    SELECT 1 FROM wagtailcore_pageviewrestriction r
    JOIN wagtailcore_page rp ON rp.id = r.page_id
    WHERE SUBSTR(p.path, 1, LENGTH(rp.path)) = rp.path
)
"""


def live_versions(translation_key):
    """Every live, public version of a page (``translation_key``), in configured order:
    plain ``Page`` rows with what a link to each needs, read with one raw query."""
    order = {code: i for i, (code, _name) in enumerate(settings.WAGTAIL_CONTENT_LANGUAGES)}
    key = Page._meta.get_field("translation_key").get_db_prep_value(translation_key, connection)
    pages = list(Page.objects.raw(LIVE_TRANSLATIONS_SQL, [True, key]))
    for page in pages:
        page.locale = Locale(id=page.locale_id, language_code=page.language_code)
    # A language taken out of LANGUAGES keeps its rows but has no address any more.
    pages = [p for p in pages if p.locale.language_code in order]
    return sorted(pages, key=lambda p: order[p.locale.language_code])
