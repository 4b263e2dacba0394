"""Instants in time zones: reading a typed local time, and writing one for people.

One place formats an instant for a zone and a language: the time as the language
writes it (Babel), the zone by the name the language gives it, and the local date
beside any zone where the day differs from the reference day (the dateline's).
"""

import datetime
import functools
import zoneinfo

from babel.core import Locale, UnknownLocaleError
from babel.dates import format_skeleton, format_time, get_timezone_name
from django.conf import settings
from django.utils import timezone
from django.utils.html import format_html, format_html_join


def babel_locale(language_code):
    """The Babel locale for a language code (``COMMUNIQUE_DATE_LOCALES`` may override),
    parsed once per name: a page asks for it a dozen times. Where Babel knows no such
    locale the name itself, and Babel's formatters raise as they would have."""
    overrides = getattr(settings, "COMMUNIQUE_DATE_LOCALES", {})
    return _parsed_locale(overrides.get(language_code, language_code).replace("-", "_"))


@functools.lru_cache(maxsize=512)
def _parsed_locale(name):
    try:
        return Locale.parse(name)
    except (ValueError, TypeError, UnknownLocaleError):
        return name


def _offset_name(local):
    """“UTC+9”, “UTC−3:30”: a zone without a name of its own."""
    minutes = int(local.utcoffset().total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def zone_label(instant, zone_name):
    """The instant in ``zone_name`` and the zone's abbreviation there (“EDT”, “UTC+9”)."""
    local = instant.astimezone(zoneinfo.ZoneInfo(zone_name))
    abbreviation = local.tzname() or zone_name
    if abbreviation.startswith(("+", "-")):
        abbreviation = _offset_name(local)
    return local, abbreviation


def _is_english(language_code):
    return not language_code or language_code.split("-")[0] == "en"


def local_zone_name(local, zone_name, language_code=None):
    """The zone's short name in ``language_code`` at that moment: the tz database's
    abbreviation in English (“EDT”, “JST”, as press offices print them), the
    language's own where it has one (“MESZ”, “TU”), else the offset (“UTC−4”)."""
    _local, abbreviation = zone_label(local, zone_name)
    if _is_english(language_code):
        return abbreviation
    try:
        name = get_timezone_name(local, width="short", locale=babel_locale(language_code))
    except (LookupError, ValueError, UnknownLocaleError):
        name = ""
    if not name or name[0] in "+-" or name.startswith(("GMT", "UTC+", "UTC-")):
        return _offset_name(local) if zone_name != "UTC" else "UTC"
    return name


def _time_text(local, language_code):
    if not language_code:
        return f"{local:%H:%M}"
    return format_time(local, format="short", locale=babel_locale(language_code))


def _date_text(local, language_code):
    """“30 May”, “30 mai”, “5月30日”: the day, for a zone where it is not the dateline's."""
    return format_skeleton("MMMd", local, locale=babel_locale(language_code or "en"))


def release_parts(instant, zones, language_code=None, reference_date=None):
    """The instant in each zone, once per offset and name, each with its own date
    when that differs from ``reference_date`` (by default the first zone's date)."""
    parts, seen = [], set()
    for zone_name in zones:
        if not zone_name:
            continue
        local = instant.astimezone(zoneinfo.ZoneInfo(zone_name))
        name = local_zone_name(local, zone_name, language_code)
        key = (local.utcoffset(), name)
        if key in seen:
            continue
        seen.add(key)
        if reference_date is None:
            reference_date = local.date()
        text = f"{_time_text(local, language_code)} {name}"
        if local.date() != reference_date:
            text = f"{text} ({_date_text(local, language_code)})"
        parts.append(text)
    return parts


def release_line(instant, zones, language_code=None, reference_date=None):
    """“09:00 EDT / 13:00 UTC / 22:00 JST”, “20:00 EST / 01:00 UTC (8 Dec)”."""
    return " / ".join(release_parts(instant, zones, language_code, reference_date))


def release_day(instant, zone_name, language_code=None):
    """“7 Dec 2026”, “2026年12月7日”: the instant's date in ``zone_name``, written in full."""
    local = instant.astimezone(zoneinfo.ZoneInfo(zone_name))
    return format_skeleton("yMMMd", local, locale=babel_locale(language_code or "en"))


def release_line_html(instant, zones, language_code=None, reference_date=None):
    """The release line for a page: each zone's time isolated in ``<bdi>``, so that a
    right-to-left page keeps every time whole and the zones in their order."""
    parts = release_parts(instant, zones, language_code, reference_date)
    return format_html_join(" / ", "<bdi>{}</bdi>", ((part,) for part in parts))


def instant_with_zones(instant, zone_name=None):
    """“2026-12-07 20:00 EST (2026-12-08 01:00 UTC)”: an admin time, in the viewer's
    zone (the active one by default) and in UTC, each named."""
    zone_name = zone_name or timezone.get_current_timezone_name()
    local, name = zone_label(instant, zone_name)
    text = f"{local:%Y-%m-%d %H:%M} {name}"
    utc = instant.astimezone(datetime.UTC)
    if local.utcoffset() or name != "UTC":
        text = f"{text} ({utc:%Y-%m-%d %H:%M} UTC)"
    return text


def instant_with_zones_html(instant, zone_name=None):
    return format_html(
        '<time datetime="{}">{}</time>',
        instant.astimezone(datetime.UTC).isoformat(),
        instant_with_zones(instant, zone_name),
    )


def parse_instant(value, zone_name):
    """A naive local date and time in ``zone_name`` as an aware UTC instant."""
    if value is None:
        return None
    zone = zoneinfo.ZoneInfo(zone_name or settings.TIME_ZONE)
    if timezone.is_naive(value):
        value = value.replace(tzinfo=zone)
    return value.astimezone(datetime.UTC)
