"""Instants in time zones: reading a typed local time, and writing one for people."""

import datetime
import zoneinfo

from django.conf import settings
from django.utils import timezone


def zone_label(instant, zone_name):
    """The instant in ``zone_name`` and the zone's abbreviation there (“EDT”, “UTC+9”)."""
    local = instant.astimezone(zoneinfo.ZoneInfo(zone_name))
    abbreviation = local.tzname() or zone_name
    if abbreviation.startswith(("+", "-")):
        abbreviation = "UTC" + abbreviation
    return local, abbreviation


def release_line(instant, zones):
    """“09:00 EDT / 13:00 UTC / 22:00 JST”: the instant in each zone, once per offset."""
    parts, seen = [], set()
    for zone_name in zones:
        if not zone_name:
            continue
        local, abbreviation = zone_label(instant, zone_name)
        key = (local.utcoffset(), abbreviation)
        if key in seen:
            continue
        seen.add(key)
        parts.append(f"{local:%H:%M} {abbreviation}")
    return " / ".join(parts)


def parse_instant(value, zone_name):
    """A naive local date and time in ``zone_name`` as an aware UTC instant."""
    if value is None:
        return None
    zone = zoneinfo.ZoneInfo(zone_name or settings.TIME_ZONE)
    if timezone.is_naive(value):
        value = value.replace(tzinfo=zone)
    return value.astimezone(datetime.UTC)
