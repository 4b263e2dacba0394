"""Contact cards: a media contact as a vCard, for a journalist's address book.

Served only for a contact a released statement has listed, in the reader's language
where the contact and its government are translated into it.
"""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils import translation
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext

from statements.models import Government, MediaContact

from .office_hours import hours_with_zone, time_zone_label
from .press_offices import released_contacts


def in_language(model, translation_key, language_code):
    """One snippet identity in ``language_code``, else the default language, else any."""
    rows = list(model.objects.filter(translation_key=translation_key).select_related("locale"))
    for code in (language_code, settings.LANGUAGE_CODE):
        for row in rows:
            if row.locale.language_code == code:
                return row
    return rows[0] if rows else None


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
