"""What a page says about itself to search engines and social networks: the
description, the OpenGraph locale and a statement's schema.org ``NewsArticle``.

They read these rather than the page, so the JSON-LD is escaped as Django's
``json_script`` escapes: no text in a statement can close its element.
"""

import datetime
import json

from babel.core import Locale as BabelLocale
from babel.core import UnknownLocaleError, get_global
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

from statements.templatetags.statements_tags import babel_locale


def og_locale(language_code):
    """OpenGraph's ``language_TERRITORY`` form (fr_FR, en_GB), else the bare code."""
    name = babel_locale(language_code)
    try:
        parsed = BabelLocale.parse(name)
        if not parsed.territory:
            likely = get_global("likely_subtags").get(parsed.language)
            parsed = BabelLocale.parse(likely) if likely else parsed
    except (ValueError, UnknownLocaleError):
        return language_code
    if not parsed.territory:
        return parsed.language
    return f"{parsed.language}_{parsed.territory}"


def page_description(page):
    return (
        getattr(page, "search_description", "")
        or getattr(page, "summary", "")
        or getattr(page, "intro", "")
        or ""
    )


def news_article(page, request):
    """schema.org ``NewsArticle`` for a statement, with the names as released."""
    url = page.get_full_url(request)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.seo_title or page.title,
        "description": page_description(page),
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": page.locale.language_code,
        "datePublished": _iso(page.first_published_at),
        "dateModified": _iso(page.last_published_at or page.first_published_at),
        "dateline": page.dateline,
        "articleSection": page.get_statement_type_display(),
        "isAccessibleForFree": True,
        "author": [
            {"@type": "Organization", "name": government.official_name}
            for government in page.issuing_governments
        ],
        "publisher": {"@type": "Organization", "name": page.lead.department},
    }
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def _iso(value):
    return value.astimezone(datetime.UTC).isoformat(timespec="seconds") if value else None


_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld_script(data):
    """``<script type="application/ld+json">`` escaped as Django's ``json_script`` does,
    so no text in the data can close the element."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    return mark_safe(  # noqa: S308 - <, > and & are escaped above, nothing else can break out
        f'<script type="application/ld+json">{text.translate(_SCRIPT_ESCAPES)}</script>'
    )
