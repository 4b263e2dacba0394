"""Template helpers for public pages: dates, language names and the issued-by line."""

import zoneinfo

from babel.dates import format_date, format_time
from babel.lists import format_list
from django import template
from django.conf import settings
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info, gettext

from config.languages import interface_language

from ..timefmt import babel_locale, instant_with_zones_html, release_line_html

register = template.Library()


@register.simple_tag
def page_release_line(page):
    """The page's release line in its language, each zone's time isolated, each with
    its date where that is not the dateline's."""
    if not page.release_at:
        return ""
    return release_line_html(
        page.release_at,
        page.release_zones,
        page.locale.language_code,
        reference_date=page.display_date,
    )


@register.filter
def admin_instant(value):
    """An instant on an admin screen, in the viewer's zone and in UTC, each named."""
    if not value:
        return ""
    return instant_with_zones_html(value)


@register.simple_tag
def localized_date(value, language_code):
    """29 May 2025 / 29 mai 2025 / 2025年5月29日, as each language writes it."""
    if not value:
        return ""
    return format_date(value, format="long", locale=babel_locale(language_code))


@register.simple_tag
def localized_time(value, time_zone, language_code):
    if not value:
        return ""
    zone = zoneinfo.ZoneInfo(time_zone or settings.TIME_ZONE)
    return format_time(
        value.astimezone(zone), format="short", tzinfo=zone, locale=babel_locale(language_code)
    )


@register.filter
def language_name(code):
    """The language's own name for itself (Français, 日本語)."""
    try:
        return get_language_info(code)["name_local"]
    except KeyError:
        return code


@register.simple_tag(name="interface_language")
def interface_language_tag():
    """The language the interface is shown in: the page's language where our catalogs
    have it, else the default language (``config.languages``). A screen with no page
    (search, subscribe, errors) is interface text only, so its ``lang`` is this."""
    return interface_language(get_language())


@register.simple_tag
def interface_lang(page_language):
    """`` lang="en"`` on an element of interface text where the interface is not in the
    page's language: a language with no catalog shows the default language's interface,
    whole, and says so (WCAG 3.1.2); nothing where they agree."""
    shown = interface_language(get_language())
    if not shown or shown == page_language:
        return ""
    return format_html(' lang="{}"', shown)


@register.filter
def language_direction(code):
    try:
        return "rtl" if get_language_info(code)["bidi"] else "ltr"
    except KeyError:
        return "ltr"


def _government_name(entry, attribute, page_language):
    name = getattr(entry, attribute)
    if not entry.is_fallback:
        return format_html("{}", name)
    return format_html(
        '<span lang="{}" class="name-fallback">{} <span class="fallback-note">({})</span></span>',
        entry.language_code,
        name,
        gettext("not yet translated"),
    )


@register.simple_tag
def issued_by(page):
    """“Issued by: A, B and C” from the ordered signatories, in the page's language."""
    language = page.locale.language_code
    names = [_government_name(e, "official_name", language) for e in page.issuing_governments]
    if not names:
        return ""
    placeholders = [f"\x00{i}\x00" for i in range(len(names))]
    joined = format_list(placeholders, locale=babel_locale(language))
    parts = []
    for chunk in joined.split("\x00"):
        if chunk.isdigit() and int(chunk) < len(names):
            parts.append(names[int(chunk)])
        else:
            parts.append(format_html("{}", chunk))
    listing = mark_safe("".join(str(p) for p in parts))  # noqa: S308 - every part escaped above
    shown = interface_language(get_language())
    if shown and shown != language:
        # The label is the fallback interface's, the names and their joins the page's.
        listing = format_html('<span lang="{}">{}</span>', language, listing)
        label = format_html(gettext("Issued by: {governments}"), governments=listing)
        return format_html('<span lang="{}">{}</span>', shown, label)
    return format_html(gettext("Issued by: {governments}"), governments=listing)


@register.simple_tag
def localized_name(entry, attribute="short_name"):
    return _government_name(entry, attribute, None)


@register.simple_tag
def alternate_links(page, request):
    """<link rel="alternate" hreflang> for every live language version, plus x-default."""
    translations = language_versions(page)
    if not translations:
        return ""
    default = next(
        (p for p in translations if p.locale.language_code == settings.LANGUAGE_CODE),
        translations[0],
    )
    rows = [(p.locale.language_code, p.get_full_url(request)) for p in translations]
    rows.append(("x-default", default.get_full_url(request)))
    return format_html_join("\n", '<link rel="alternate" hreflang="{}" href="{}">', rows)


@register.simple_tag
def language_versions(page):
    """The page's live language versions, in the configured order, itself included."""
    if page is None:
        return []
    # Asked of the class: ``hasattr`` on the page would hide an error raised inside.
    if getattr(type(page), "live_translations", None) is not None:
        return page.live_translations
    order = {code: i for i, (code, _name) in enumerate(settings.WAGTAIL_CONTENT_LANGUAGES)}
    # A language taken out of LANGUAGES keeps its rows but has no address any more.
    pages = list(
        page.get_translations(inclusive=True)
        .live()
        .public()
        .filter(locale__language_code__in=order)
        .select_related("locale")
    )
    return sorted(pages, key=lambda p: order[p.locale.language_code])


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None
