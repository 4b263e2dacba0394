"""Small pure validators shared by models and forms."""

import zoneinfo
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
