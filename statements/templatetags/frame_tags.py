"""Template helpers for the public frame: identity, breadcrumbs, the language switcher
on every page, list separators, "date modified" and the editors' userbar.

Every helper here answers from what the request already holds (the page's routed
parents, the site's root paths, one cached identity): the frame adds no query per
page (``queries.frame``).
"""

import functools
import json
import zoneinfo

from babel import Locale, UnknownLocaleError
from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.urls import get_script_prefix, translate_url
from django.utils import translation
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar

from ..queries.frame import site_identity as identity_for
from ..timefmt import babel_locale

register = template.Library()

# The site root (a home page) is at depth 2, under Wagtail's root node.
HOME_DEPTH = 2


@register.simple_tag(takes_context=True)
def site_identity(context, language_code):
    return identity_for(context.get("request"), language_code)


@register.simple_tag
def frame_part(template_name, identity, ui_lang):
    """A part of the frame that is the same on every page of a language (the header's
    names, the search form, the footer, the style sheets and feeds in ``<head>``),
    rendered once per process for each language, identity and interface language:
    the template engine spent as long on them as on the statement itself."""
    identity_json = json.dumps(identity, sort_keys=True) if identity else ""
    return _frame_part(
        template_name, identity_json, translation.get_language(), str(ui_lang), get_script_prefix()
    )


@functools.lru_cache(maxsize=512)
def _frame_part(template_name, identity_json, language, ui_lang, script_prefix):
    context = {
        "identity": json.loads(identity_json) if identity_json else None,
        "ui_lang": mark_safe(ui_lang),  # noqa: S308 - made by interface_lang, escaped there
        "LANGUAGE_CODE": language,
    }
    return mark_safe(render_to_string(template_name, context))  # noqa: S308 - our template


@receiver(setting_changed)
def _forget_frame_parts(**kwargs):
    # Languages, catalogs, templates or URLs may differ under the new settings.
    _frame_part.cache_clear()


@register.simple_tag
def breadcrumbs(page, request, language_code):
    """The pages above ``page``, from the home page down, each as (title, URL, is the
    home page). Statements and newsrooms are routed through their parents, which
    Wagtail keeps on the page, so this reads nothing more. A view that is not a page
    (search, subscriptions) sits under the home page; a page not found, under nothing."""
    if not page:
        match = getattr(request, "resolver_match", None)
        if match is None or match.url_name == "wagtail_serve":
            return []
        return [("", f"/{language_code}/", True)]
    trail = []
    node = page
    while node is not None and node.depth > HOME_DEPTH:
        node = node.get_parent()
        if node is not None:
            trail.append((node.title, node.get_url(request), node.depth == HOME_DEPTH))
    return list(reversed(trail))


@register.simple_tag
def language_links(page, versions, request):
    """The language switcher's entries (code, URL, is this page): a page's live
    language versions, or, on a view that is not a page (search, subscriptions),
    the same address under each configured language's prefix, query string kept."""
    if page:
        return [(v.locale.language_code, v.get_url(request), v.pk == page.pk) for v in versions]
    match = getattr(request, "resolver_match", None)
    if request is None or match is None or match.url_name == "wagtail_serve":
        return []
    current = request.get_full_path()
    links = []
    for code, _name in settings.LANGUAGES:
        url = translate_url(current, code)
        links.append((code, url, url == current))
    # A route outside the language prefix has one address for all: no switcher.
    return links if len({url for _code, url, _here in links}) > 1 else []


def list_separator(language_code):
    """What a language puts between the items of a plain list: “、” in Japanese and
    Chinese, “, ” in most others (CLDR's list pattern, through Babel)."""
    try:
        pattern = Locale.parse(babel_locale(language_code)).list_patterns["standard"]["middle"]
    except (UnknownLocaleError, ValueError, KeyError):
        return ", "
    return pattern.replace("{0}", "").replace("{1}", "") or ", "


@register.simple_tag
def join_items(items, language_code, html_format="{}", attribute=""):
    """``items`` (or each one's ``attribute``) written with ``html_format``, escaped,
    and joined with the language's list separator."""
    values = [getattr(item, attribute) if attribute else item for item in items]
    return format_html_join(list_separator(language_code), html_format, ((v,) for v in values))


@register.filter
def separator_for(language_code):
    return list_separator(language_code)


@register.simple_tag
def modified_date(page):
    """The date the page's text was last released (a release or a correction), in its
    release time zone; only ever a time that has passed, read from the live row."""
    when = page.last_published_at if page.live else None
    if when is None:
        return None
    zone = zoneinfo.ZoneInfo(page.release_timezone or settings.TIME_ZONE)
    return when.astimezone(zone).date()


@register.simple_tag(takes_context=True)
def editor_userbar(context):
    """Wagtail's userbar, for a signed-in editor only. A request without a session
    cookie is a reader's, and only such requests are stored in the shared page cache
    (``newsroom.page_cache``): for them the userbar is not even considered, so no
    editor's bar can be rendered into a page that others are served."""
    request = context.get("request")
    if request is None or settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return ""
    return wagtailuserbar(context)
