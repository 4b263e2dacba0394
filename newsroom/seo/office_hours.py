"""A press office's hours and time zone, worded for the page's reader.

Shared by the statement page and the contact card, so both name the zone alike.
"""

from babel.core import UnknownLocaleError
from babel.dates import get_timezone_location
from django.utils import timezone
from django.utils.translation import gettext

from statements.templatetags.statements_tags import babel_locale
from statements.timefmt import zone_label


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
