"""Small pure validators shared by models and forms."""

import datetime
import re
import zoneinfo
from collections.abc import Iterable
from functools import cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


@cache
def _known_time_zones():
    return frozenset(zoneinfo.available_timezones())


def validate_time_zone(value):
    if value not in _known_time_zones():
        raise ValidationError(
            _("“%(value)s” is not a known IANA time zone, such as “America/Toronto”."),
            code="unknown_time_zone",
            params={"value": value},
        )


def time_zone_choices():
    return [(name, name) for name in sorted(_known_time_zones())]


def configured_language_codes():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def validate_language_codes(value):
    if not isinstance(value, list):
        raise ValidationError(_("Languages must be a list of language codes."), code="invalid")
    known = configured_language_codes()
    unknown = [code for code in value if code not in known]
    if unknown:
        raise ValidationError(
            _("Unknown language(s): %(codes)s. Configured languages: %(known)s."),
            code="unknown_language",
            params={"codes": ", ".join(map(str, unknown)), "known": ", ".join(known)},
        )
    if len(set(value)) != len(value):
        raise ValidationError(_("A language is listed twice."), code="duplicate_language")


def check_signatories(lead_key, signatory_keys, names=None):
    """Return the errors in a list of signatories, given as translation keys.

    Shared by the page model's clean() and the admin form, so a statement saved from
    code and one saved from the editor are refused for the same reasons.
    """
    names = names or {}
    errors = []
    seen = set()
    duplicates = []
    for key in signatory_keys:
        if key in seen and key not in duplicates:
            duplicates.append(key)
        seen.add(key)
    for key in duplicates:
        errors.append(
            ValidationError(
                _("%(government)s is listed more than once as a signatory."),
                code="duplicate_signatory",
                params={"government": names.get(key, key)},
            )
        )
    if lead_key is not None and lead_key not in seen:
        errors.append(
            ValidationError(
                _("The lead government must also be one of the signatories."),
                code="lead_not_signatory",
            )
        )
    return errors


# C0 controls but tab, line feed and carriage return; DEL; C1 controls; and the two
# code points XML can never carry. None belongs in a statement, and XML exports break on them.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def control_character_in(text):
    """The first control character in ``text``, written as U+XXXX, or None."""
    found = _CONTROL.search(text or "")
    return f"U+{ord(found.group()):04X}" if found else None


def strings_in(value):
    """Every string inside a form or block value: lists, dicts, stream and rich text."""
    if isinstance(value, str):
        yield value
    elif isinstance(getattr(value, "source", None), str):
        yield value.source  # rich text
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif hasattr(value, "block_type") and hasattr(value, "value"):
        yield from strings_in(value.value)  # a block of a stream
    elif isinstance(value, Iterable) and not isinstance(value, bytes):
        for item in value:
            yield from strings_in(item)


# A release instant is set at least this far ahead, and at most this far.
RELEASE_MIN_AHEAD = datetime.timedelta(minutes=1)
RELEASE_MAX_AHEAD = datetime.timedelta(days=731)


def release_instant_problem(instant, now):
    """ "past", "too_soon" or "too_far" for an instant a release cannot be set to, or None."""
    if instant <= now:
        return "past"
    if instant < now + RELEASE_MIN_AHEAD:
        return "too_soon"
    if instant > now + RELEASE_MAX_AHEAD:
        return "too_far"
    return None
