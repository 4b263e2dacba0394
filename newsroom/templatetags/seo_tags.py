"""Template helpers for what search engines, social networks and newsrooms read:
canonical links, OpenGraph and Twitter cards, JSON-LD, and the press offices."""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from statements.templatetags.statements_tags import localized_name

from ..seo import metadata
from ..seo import press_offices as offices

register = template.Library()


@register.simple_tag
def page_meta(page, request, versions):
    """The values ``newsroom/seo/head.html`` shows, computed once per page.

    A page the public cannot see (a journalist's embargoed preview of a draft) gets a
    description only: no canonical address, no cards for sharing.
    """
    language = page.locale.language_code
    others = [v for v in versions if v.pk != page.pk]
    return {
        "canonical": page.get_full_url(request) if page.live else "",
        "title": page.seo_title or page.title,
        "description": metadata.page_description(page),
        "locale": metadata.og_locale(language),
        "alternate_locales": [metadata.og_locale(v.locale.language_code) for v in others],
    }


@register.filter
def og_locale(language_code):
    return metadata.og_locale(language_code)


@register.simple_tag
def news_article_json_ld(page, request):
    return metadata.json_ld_script(metadata.news_article(page, request))


@register.simple_tag
def press_offices(page):
    return offices.press_offices(page)


@register.simple_tag
def contact_hours(listed):
    """The office's hours, marked if not yet translated, and its time zone."""
    hours_html = localized_name(listed.contact, "hours")
    if not listed.zone:
        return hours_html
    # Translators: an office's opening hours, then the time zone they are given in.
    text = gettext("%(hours)s (%(zone)s)")
    return mark_safe(  # noqa: S308 - the format and both values are escaped
        conditional_escape(text)
        % {
            "hours": conditional_escape(hours_html),
            "zone": mark_safe(  # noqa: S308 - escaped here
                f'<span class="time-zone">{conditional_escape(listed.zone)}</span>'
            ),
        }
    )
