"""The press offices a statement lists: each signatory's, its own contacts first.

Journalists call the office of the government they write about, so a signatory the
statement names no contact for still gets one, chosen only from contacts the public
has already seen on a released statement.
"""

import datetime
import functools
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import translation

from statements.models import Government, MediaContact, StatementContact, StatementPage

from .office_hours import time_zone_label


def released_contacts():
    """Contacts listed on a released statement (in any language): the public ones."""
    return StatementContact.objects.filter(page__in=StatementPage.objects.released().values("pk"))


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
