"""Sitemap, robots.txt, page metadata and contact cards for search engines and newsrooms.

Everything here starts from what the public may already see: live public pages, and
for statements ``StatementPage.objects.released()``. A media contact is public once
a released statement has listed it (``released_contacts``); only then does it get a
contact card or appear as a government's press office on another statement's page,
so a contact chosen for a statement under embargo stays unseen until its release.
"""

import datetime
import functools
import json
from dataclasses import dataclass, field

from babel.core import Locale as BabelLocale
from babel.core import UnknownLocaleError, get_global
from babel.dates import get_timezone_location
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import OuterRef, Q, Subquery
from django.http import Http404, HttpResponse
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.http import content_disposition_header
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.models import Page

from statements.models import Government, MediaContact, StatementContact, StatementPage
from statements.templatetags.statements_tags import babel_locale
from statements.timefmt import zone_label

# --- what the public may see -----------------------------------------------------------


def released_contacts():
    """Contacts listed on a released statement (in any language): the public ones."""
    return StatementContact.objects.filter(page__in=StatementPage.objects.released().values("pk"))


def in_language(model, translation_key, language_code):
    """One snippet identity in ``language_code``, else the default language, else any."""
    rows = list(model.objects.filter(translation_key=translation_key).select_related("locale"))
    for code in (language_code, settings.LANGUAGE_CODE):
        for row in rows:
            if row.locale.language_code == code:
                return row
    return rows[0] if rows else None


def language_order():
    return {code: i for i, (code, _name) in enumerate(settings.WAGTAIL_CONTENT_LANGUAGES)}


def x_default(versions):
    """The version search engines offer a reader whose language is not there."""
    return next(
        (p for p in versions if p.locale.language_code == settings.LANGUAGE_CODE), versions[0]
    )


# --- time zones ------------------------------------------------------------------------


def time_zone_label(zone_name, language_code, instant=None):
    """“Tokyo time, JST”: the zone as the page's language names its city, and its
    abbreviation now (office hours are given in local time, which moves with DST)."""
    if not zone_name:
        return ""
    _local, abbreviation = zone_label(instant or timezone.now(), zone_name)
    try:
        city = get_timezone_location(
            zone_name, locale=babel_locale(language_code), return_city=True
        )
    except (LookupError, ValueError, UnknownLocaleError):
        city = ""
    if not city or city == abbreviation:
        return abbreviation
    # Translators: a time zone: its main city, then its abbreviation ("Tokyo time, JST").
    return gettext("%(city)s time, %(abbreviation)s") % {
        "city": city,
        "abbreviation": abbreviation,
    }


def hours_with_zone(hours, zone):
    """“Mon–Fri 09:00–17:00 (Tokyo time, JST)”. The hours are free text in the office's
    local time, so the zone is named rather than the hours converted."""
    if not hours or not zone:
        return hours
    # Translators: an office's opening hours, then the time zone they are given in.
    return gettext("%(hours)s (%(zone)s)") % {"hours": hours, "zone": zone}


# --- page metadata -----------------------------------------------------------------------


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


# --- press offices ---------------------------------------------------------------------


class _Shown:
    """A contact row shown on a page, and whether it is in the page's language
    (the shape ``statements_tags.localized_name`` reads)."""

    def __init__(self, obj, locale_id):
        self.obj = obj
        self.is_fallback = obj.locale_id != locale_id
        self.language_code = obj.locale.language_code

    def __getattr__(self, name):
        if name.startswith("_") or name == "obj":
            raise AttributeError(name)
        return getattr(self.obj, name)


@dataclass
class ListedContact:
    contact: object  # office, department, email, phone, hours, is_fallback, language_code
    key: object  # the contact's translation key, for its card; None if not known
    time_zone: str
    language_code: str

    @functools.cached_property
    def zone(self):
        return time_zone_label(self.time_zone, self.language_code)

    @functools.cached_property
    def vcard_url(self):
        if not self.key:
            return ""
        with translation.override(self.language_code):
            return reverse("contact_card", kwargs={"translation_key": self.key})


@dataclass
class PressOffice:
    """One government's entry in the statement's contacts."""

    government: object  # short_name, official_name, department, code, is_fallback, ...
    time_zone: str = ""
    languages: list = field(default_factory=list)
    contacts: list = field(default_factory=list)


def press_offices(page):
    """Every signatory's press office, the statement's own contacts first and kept.

    A signatory for which the statement lists no contact gets its government's contact
    most recently listed on a released statement. Governments that publish in the
    page's language come first; otherwise the statement's contacts lead, then the
    signatories in their listed order. A fixed number of queries however many
    signatories: the names come from the page (as released, when it was), and at most
    three lookups fill the gaps.
    """
    language = page.locale.language_code
    chosen = page.media_contacts
    offices = {}
    for entry in chosen:
        code = entry["government"].code
        offices.setdefault(code, PressOffice(government=entry["government"]))
    for government in page.issuing_governments:
        offices.setdefault(government.code, PressOffice(government=government))
    if not offices:
        return []

    facts = _government_facts(page, set(offices))
    for code, office in offices.items():
        office.time_zone, office.languages = facts.get(code, ("", []))

    # Cards are served for released statements' contacts; a preview links to none.
    keys = _chosen_contact_keys(page, chosen) if page.live else [None] * len(chosen)
    for entry, key in zip(chosen, keys, strict=True):
        office = offices[entry["government"].code]
        office.contacts.append(ListedContact(entry["contact"], key, office.time_zone, language))

    missing = [code for code, office in offices.items() if not office.contacts]
    for code, contact in _public_press_offices(page, missing).items():
        office = offices[code]
        office.contacts.append(
            ListedContact(contact, contact.translation_key, office.time_zone, language)
        )
    return sorted(offices.values(), key=lambda office: language not in office.languages)


def _government_facts(page, codes):
    """Code to (time zone, languages), from what the page has loaded, else one query."""
    facts = {}
    loaded = [s.government for s in page.__dict__.get("ordered_signatories", [])]
    loaded += [c.contact.government for c in page.__dict__.get("ordered_contacts", [])]
    for government in loaded:
        facts.setdefault(government.code, (government.time_zone, government.languages or []))
    wanted = codes - set(facts)
    if wanted:
        rows = Government.objects.filter(code__in=wanted).values_list(
            "code", "time_zone", "languages"
        )
        for code, zone, languages in rows:
            facts.setdefault(code, (zone, languages or []))
    return facts


def _chosen_contact_keys(page, chosen):
    """Translation keys of the statement's own contacts, for their contact cards.

    Names released with the statement are a frozen copy without keys; the page's
    contact rows (what was released, as only the release publishes) supply them.
    """
    keys = [getattr(entry["contact"], "translation_key", "") or None for entry in chosen]
    if all(keys):
        return keys
    rows = page.ordered_contacts
    by_email = {row.contact.email: row.contact.translation_key for row in rows}
    for i, entry in enumerate(chosen):
        if keys[i]:
            continue
        row = rows[i] if i < len(rows) else None
        if row is not None and row.contact.email == entry["contact"].email:
            keys[i] = row.contact.translation_key
        else:
            keys[i] = by_email.get(entry["contact"].email)
    return keys


def _public_press_offices(page, codes):
    """Government code to the public contact last listed on a released statement."""
    if not codes:
        return {}
    listed = released_contacts()
    last_listed = (
        listed.filter(contact__translation_key=OuterRef("translation_key"))
        .order_by("-page__first_published_at")
        .values("page__first_published_at")[:1]
    )
    rows = (
        MediaContact.objects.filter(government__code__in=codes)
        .filter(translation_key__in=listed.values("contact__translation_key"))
        .filter(Q(locale_id=page.locale_id) | Q(locale__language_code=settings.LANGUAGE_CODE))
        .annotate(last_listed=Subquery(last_listed))
        .select_related("locale", "government")
        .order_by("pk")
    )
    by_key = {}
    for row in rows:
        if row.translation_key not in by_key or row.locale_id == page.locale_id:
            by_key[row.translation_key] = row
    oldest = datetime.datetime.min.replace(tzinfo=datetime.UTC)
    found = {}
    for row in by_key.values():
        code = row.government.code
        current = found.get(code)
        if current is None or (row.last_listed or oldest) > (current.last_listed or oldest):
            found[code] = row
    return {code: _Shown(row, page.locale_id) for code, row in found.items()}


# --- sitemap ---------------------------------------------------------------------------


class PublicSitemap(Sitemap):
    """Every live public page in every language, each with its translations as
    ``hreflang`` alternates and an ``x-default``.

    Wagtail's sitemap lists the descendants of the site's root page, which in a
    multilingual tree is one language only, and gives no alternates; Django's
    ``i18n`` alternates assume one object served under every language prefix, where
    here each language is a page of its own. Statements are listed once released.
    """

    @functools.cached_property
    def _pages(self):
        site = self.get_wagtail_site()
        roots = site.root_page.get_translations(inclusive=True)
        in_site = Q()
        for root in roots:
            in_site |= Q(path__startswith=root.path)
        statements = ContentType.objects.get_for_model(StatementPage)
        pages = (
            Page.objects.live()
            .public()
            .filter(in_site)
            .filter(
                ~Q(content_type=statements)
                | Q(pk__in=StatementPage.objects.released().values("pk"))
            )
            .select_related("locale")
        )
        order = language_order()
        return sorted(pages, key=lambda p: (order.get(p.locale.language_code, len(order)), p.path))

    @functools.cached_property
    def _versions(self):
        order = language_order()
        versions = {}
        for page in sorted(
            self._pages, key=lambda p: order.get(p.locale.language_code, len(order))
        ):
            versions.setdefault(page.translation_key, []).append(page)
        return versions

    @functools.cached_property
    def _latest_statement(self):
        statements = ContentType.objects.get_for_model(StatementPage)
        stamps = [
            p.last_published_at
            for p in self._pages
            if p.content_type_id == statements.pk and p.last_published_at
        ]
        return max(stamps, default=None)

    def items(self):
        return self._pages

    def location(self, obj):
        cache = self.__dict__.setdefault("_locations", {})
        if obj.pk not in cache:
            cache[obj.pk] = obj.get_full_url(self.request)
        return cache[obj.pk]

    def lastmod(self, obj):
        """A listing page changes when a statement is released into it."""
        own = obj.last_published_at or obj.latest_revision_created_at
        statements = ContentType.objects.get_for_model(StatementPage)
        if obj.content_type_id != statements.pk and self._latest_statement:
            return max(filter(None, (own, self._latest_statement)))
        return own

    def _urls(self, page, protocol, domain):
        urls = []
        for item in self.paginator.page(page).object_list:
            if self.location(item) is None:
                continue
            versions = self._versions[item.translation_key]
            versions = [v for v in versions if self.location(v)]
            alternates = [
                {"lang_code": v.locale.language_code, "location": self.location(v)}
                for v in versions
            ]
            alternates.append(
                {"lang_code": "x-default", "location": self.location(x_default(versions))}
            )
            urls.append(
                {
                    "item": item,
                    "location": self.location(item),
                    "lastmod": self.lastmod(item),
                    "changefreq": None,
                    "priority": None,
                    "alternates": alternates,
                }
            )
        stamps = [url["lastmod"] for url in urls]
        if stamps and None not in stamps:
            self.latest_lastmod = max(stamps)
        return urls


def sitemap_xml(request):
    return sitemap(request, {"pages": PublicSitemap})


# --- robots.txt ------------------------------------------------------------------------


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Allow: /",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


# --- contact cards ---------------------------------------------------------------------


def _escape(value):
    return (
        str(value)
        .replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\n", "\\n")
    )


def _fold(line):
    """RFC 6350 §3.2: lines of at most 75 octets, never splitting a character."""
    parts, current, size = [], "", 0
    for char in line:
        width = len(char.encode())
        if size + width > 75:
            parts.append(current)
            current, size = " ", 1
        current += char
        size += width
    parts.append(current)
    return "\r\n".join(parts)


def vcard(contact, government, language_code, url):
    """A vCard 4.0 (RFC 6350) for one media contact, in ``language_code`` where the
    contact and its government are translated into it."""
    contact_language = contact.locale.language_code
    organisation = [
        government.official_name,
        contact.department or government.department,
        contact.office,
    ]
    note = hours_with_zone(
        contact.hours.strip(), time_zone_label(government.time_zone, language_code)
    )
    # Translators: a contact card's name: the press office, then its government.
    name = gettext("%(office)s (%(government)s)") % {
        "office": contact.office,
        "government": government.short_name,
    }
    lines = [
        "BEGIN:VCARD",
        "VERSION:4.0",
        "KIND:org",
        f"UID:urn:uuid:{contact.translation_key}",
        f"FN;LANGUAGE={contact_language}:{_escape(name)}",
        f"ORG;LANGUAGE={contact_language}:{';'.join(_escape(part) for part in organisation)}",
        f"EMAIL;TYPE=work:{_escape(contact.email)}",
    ]
    if contact.phone:
        number = "-".join(contact.phone.split())
        lines.append(f'TEL;VALUE=uri;TYPE="work,voice":tel:{number}')
    for rank, code in enumerate(government.languages or [], start=1):
        lines.append(f"LANG;PREF={rank}:{code}")
    if government.time_zone:
        lines.append(f"TZ:{_escape(government.time_zone)}")
    if note:
        lines.append(f"NOTE;LANGUAGE={contact_language}:{_escape(note)}")
    lines += [f"SOURCE:{url}", "END:VCARD"]
    return "".join(_fold(line) + "\r\n" for line in lines)


def contact_card(request, translation_key):
    """A media contact as a vCard, once a released statement has listed it."""
    if not released_contacts().filter(contact__translation_key=translation_key).exists():
        raise Http404
    language = translation.get_language()
    contact = in_language(MediaContact, translation_key, language)
    if contact is None:
        raise Http404
    government = (
        in_language(Government, contact.government.translation_key, language) or contact.government
    )
    body = vcard(contact, government, language, request.build_absolute_uri(request.path))
    response = HttpResponse(body, content_type="text/vcard; charset=utf-8")
    filename = f"{slugify(contact.office, allow_unicode=True) or 'contact'}.vcf"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


# Outside the language prefix: /sitemap.xml, /robots.txt.
seo_urlpatterns = [
    path("sitemap.xml", sitemap_xml, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
]
# Under each language prefix (/<lang>/...).
localized_seo_urlpatterns = [
    path("contacts/<uuid:translation_key>.vcf", contact_card, name="contact_card"),
]
