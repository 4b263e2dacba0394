"""Snippet rows shown on a page in the page's language, and the values a release froze."""

from django.conf import settings
from django.db.models import Q
from wagtail.models import Page


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
