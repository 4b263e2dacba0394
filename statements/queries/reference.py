"""How a statement is named where its words may not go: e-mails and other notices.

“JS-2026-053, lead Japan, 3 signatories, release not yet scheduled”: a reference a
drafter or an approver recognises without opening the statement, made of facts that
are not its words (ADR 0012: no title, summary or body outside the admin). The code is
the type, the year the statement was first saved, and its number (the source page's
id, as the admin's URLs show it), so it never changes once given.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Revision

from ..models import Government, Release
from ..timefmt import release_day, release_line
from .translation import source_statement_of

TYPE_CODES = {
    "statement": "ST",
    "joint_statement": "JS",
    "news_release": "NR",
    "media_advisory": "MA",
    "readout": "RO",
    "backgrounder": "BG",
}


def _source(statement):
    if statement.is_translation:
        return source_statement_of(statement)[0] or statement
    return statement


def reference_code(statement):
    """“JS-2026-053”: type, year first saved (UTC), number."""
    source = _source(statement)
    first = (
        Revision.page_revisions.filter(object_id=str(source.pk))
        .order_by("created_at", "pk")
        .values_list("created_at", flat=True)
        .first()
    )
    year = (first or datetime.datetime.now(datetime.UTC)).astimezone(datetime.UTC).year
    prefix = TYPE_CODES.get(source.statement_type, "ST")
    return f"{prefix}-{year}-{source.pk:03d}"


def reference_facts(statement):
    """What the reference says, independent of the reader's language."""
    source = _source(statement)
    latest = source.get_latest_revision_as_object()
    release = (
        Release.objects.filter(statement_id=source.pk, language_code="")
        .exclude(state=Release.State.CANCELLED)
        .order_by("-pk")
        .first()
    )
    return {
        "code": reference_code(source),
        "lead_key": str(latest.lead_government.translation_key),
        "lead_name": latest.lead_government.short_name,
        "signatories": len(source.signatory_governments()),
        "release_state": release.state if release else "",
        "release_at": (release.release_at if release else latest.release_at),
        "release_timezone": (release.release_timezone if release else latest.release_timezone),
    }


def _lead_name(facts, language_code):
    localized = (
        Government.objects.filter(
            translation_key=facts["lead_key"], locale__language_code=language_code
        )
        .values_list("short_name", flat=True)
        .first()
    )
    return localized or facts["lead_name"]


def _release_text(facts, language_code):
    instant = facts["release_at"]
    state = facts["release_state"]
    if state == Release.State.RELEASED:
        return _("released")
    if instant is None:
        return _("release not yet scheduled")
    zones = [facts["release_timezone"] or settings.TIME_ZONE, "UTC"]
    day = instant.astimezone(zoneinfo.ZoneInfo(zones[0])).date()
    # Translators: a date, then the release instant in each zone.
    line = _("%(date)s, %(times)s") % {
        "date": release_day(instant, zones[0], language_code),
        "times": release_line(instant, zones, language_code, day),
    }
    if state == Release.State.SCHEDULED:
        return _("release scheduled for %(instant)s") % {"instant": line}
    if state == Release.State.HELD:
        return _("release on hold (was %(instant)s)") % {"instant": line}
    return _("release planned for %(instant)s, not yet scheduled") % {"instant": line}


def describe_reference(facts, language_code):
    """The reference written out in the active language."""
    count = facts["signatories"]
    return _("%(code)s, lead %(lead)s, %(signatories)s, %(release)s") % {
        "code": facts["code"],
        "lead": _lead_name(facts, language_code),
        "signatories": ngettext("%(count)d signatory", "%(count)d signatories", count)
        % {"count": count},
        "release": _release_text(facts, language_code),
    }
