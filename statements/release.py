"""The release: every language of a statement live at one instant, exactly once.

Verbs (``Schedule``, ``Hold``, ``Move``, ``Cancel``, ``ConfirmRelease``) follow the
pattern of :mod:`statements.actions`: ``check()`` lists every reason for refusal,
``execute()`` runs in one transaction. ``ReleaseStatementAction`` is the only code
that makes a statement page public. Three triggers call it, and its row lock and
state check make every call after the first a no-op:

- a Celery task queued with an ETA at the instant (only for the near future, inside
  the broker's visibility timeout);
- a periodic Celery sweep that queues what is coming up and runs what is overdue;
- the release clock (``manage.py release_clock``), which needs only the database.
"""

import datetime
import logging
import zoneinfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.log_actions import log

from . import notifications
from .actions import (
    ActionRefused,
    _lock,
    current_fingerprint,
    signatory_governments,
    source_out_of_date,
    translation_words,
)
from .fingerprint import fingerprint_of
from .models import Approval, StatementPage
from .models.release import (
    RELEASE_CLOCK_USERNAME,
    Release,
    ReleaseConfirmation,
    ReleasedPage,
)

logger = logging.getLogger("communique.release")

# Sent after the release's transaction commits: sender=Release, release=, pages=[...].
statement_released = Signal()


# --- time ------------------------------------------------------------------------------


def db_now():
    """The database's clock: every process agrees on it, whatever its own clock says."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT clock_timestamp()")
            return cursor.fetchone()[0]
    # SQLite lives in a file on this machine: its clock is this machine's clock.
    return timezone.now()


def eta_window():
    return datetime.timedelta(seconds=settings.COMMUNIQUE_RELEASE_ETA_WINDOW)


def zone_label(instant, zone_name):
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


def statement_zones(statement, release_timezone=None):
    """The release time zone, UTC, then each signatory's, in signatory order."""
    zones = [release_timezone or statement.release_timezone or settings.TIME_ZONE, "UTC"]
    zones += [g.time_zone for g in signatory_governments(statement)]
    return zones


def local_times(statement, instant):
    """The instant in every signatory's local time, for the admin."""
    rows = []
    for government in signatory_governments(statement):
        local, abbreviation = zone_label(instant, government.time_zone)
        rows.append({"government": government, "local": local, "abbreviation": abbreviation})
    return rows


# --- what stands in the way -----------------------------------------------------------


def language_name(code):
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def describe(problem):
    """One problem, as a sentence in the active language."""
    code = problem["code"]
    language = language_name(problem.get("language", ""))
    texts = {
        "no_instant": lambda: _("Set the planned release instant first."),
        "past": lambda: _("The release instant must be in the future."),
        "released": lambda: _("This statement has already been released."),
        "not_signed": lambda: (
            _("%(government)s has not signed off the current text.")
            % {"government": problem["government"]}
        ),
        "no_signatories": lambda: _("The statement has no signatories."),
        "not_started": lambda: (
            _("%(language)s: the translation has not been started.") % {"language": language}
        ),
        "in_progress": lambda: (
            _("%(language)s: the translation is %(percent)s%% done.")
            % {"language": language, "percent": problem.get("percent", 0)}
        ),
        "translated": lambda: (
            _("%(language)s: waiting for approval by %(governments)s.")
            % {"language": language, "governments": problem.get("governments", "")}
        ),
        "out_of_date": lambda: (
            _(
                "%(language)s: the source changed after the translation was made; "
                "update the translation and approve it again."
            )
            % {"language": language}
        ),
        "approval_stale": lambda: (
            _("%(language)s: an approval does not match the current text of the translation.")
            % {"language": language}
        ),
        "missing_page": lambda: (
            _("%(language)s: there is no translated page.") % {"language": language}
        ),
        "source_not_released": lambda: _(
            "The statement itself must be released before a language is released on its own."
        ),
        "language_live": lambda: _("%(language)s is already public.") % {"language": language},
        "language_not_dropped": lambda: (
            _("%(language)s was not dropped: it is released with the statement.")
            % {"language": language}
        ),
        "not_allowed": lambda: _("Only the statement's editors can schedule its release."),
        "edited": lambda: _("The statement was edited after the release was scheduled."),
        "held_by_user": lambda: _("Held by %(user)s.") % {"user": problem.get("user", "")},
    }
    text = texts.get(code)
    return text() if text else code


def _language_pages(statement):
    return {
        page.locale.language_code: page
        for page in StatementPage.objects.filter(translation_key=statement.translation_key)
        .exclude(pk=statement.pk)
        .select_related("locale", "latest_revision")
    }


def _translation_problems(statement, codes):
    """Every language in ``codes`` must be fully translated and approved on its current text."""
    from .translation_status import build_matrix

    if not codes:
        return []
    statement = StatementPage.objects.select_related("locale", "latest_revision").get(
        pk=statement.pk
    )
    current_fingerprint(statement)
    matrix = build_matrix([statement])
    cells = matrix["rows"][0]["cells"] if matrix["rows"] else {}
    pages = _language_pages(statement)
    reviewers = {}
    for government in signatory_governments(statement):
        for code in government.languages or []:
            reviewers.setdefault(code, []).append(government)
    problems = []
    for code in codes:
        cell = cells.get(code, {})
        state = cell.get("state", "not_started")
        if state in ("not_started", "in_progress", "out_of_date"):
            problems.append({"code": state, "language": code, "percent": cell.get("percent", 0)})
            continue
        page = pages.get(code)
        if page is None:
            problems.append({"code": "missing_page", "language": code})
            continue
        revision = page.get_latest_revision()
        fingerprint = fingerprint_of(translation_words(revision.as_object())) if revision else ""
        approved = set(
            Approval.objects.filter(
                page_id=page.pk,
                subject=Approval.Subject.TRANSLATION,
                state=Approval.State.VALID,
                fingerprint=fingerprint,
            ).values_list("government_key", flat=True)
        )
        missing = [g for g in reviewers.get(code, []) if g.translation_key not in approved]
        if missing:
            stale = Approval.objects.filter(
                page_id=page.pk, subject=Approval.Subject.TRANSLATION, state=Approval.State.VALID
            ).exclude(fingerprint=fingerprint)
            problems.append(
                {"code": "approval_stale", "language": code}
                if stale.exists()
                else {
                    "code": "translated",
                    "language": code,
                    "governments": ", ".join(g.short_name for g in missing),
                }
            )
    return problems


def signoff_problems(statement):
    record = current_fingerprint(statement)
    governments = signatory_governments(statement)
    if not governments:
        return [{"code": "no_signatories"}]
    signed = set()
    if record is not None:
        signed = set(
            Approval.objects.for_source(statement)
            .valid()
            .filter(fingerprint=record.fingerprint)
            .values_list("government_key", flat=True)
        )
    return [
        {"code": "not_signed", "government": g.short_name, "government_code": g.code}
        for g in governments
        if g.translation_key not in signed
    ]


def release_problems(statement, language_code=""):
    """What stands between this statement (or one late language) and its release now."""
    statement = StatementPage.objects.get(pk=statement.pk)
    if language_code:
        problems = []
        if not statement.live:
            problems.append({"code": "source_not_released"})
        if not statement.language_drops.filter(language_code=language_code).exists():
            problems.append({"code": "language_not_dropped", "language": language_code})
        page = _language_pages(statement).get(language_code)
        if page is not None and page.live:
            problems.append({"code": "language_live", "language": language_code})
        return problems + _translation_problems(statement, [language_code])
    if statement.live:
        return [{"code": "released"}]
    problems = signoff_problems(statement)
    codes = statement.required_languages()
    if source_out_of_date(statement):
        problems += [{"code": "out_of_date", "language": code} for code in codes]
        return problems
    return problems + _translation_problems(statement, codes)


# --- the system user ------------------------------------------------------------------


def release_clock_user():
    """The named system user the release is logged as. It cannot sign in."""
    User = get_user_model()
    user = User.objects.filter(username=RELEASE_CLOCK_USERNAME).first()
    if user is None:
        user = User(username=RELEASE_CLOCK_USERNAME, first_name="Release", last_name="clock")
        user.is_active = False
        user.set_unusable_password()
        user.save()
    return user


# --- scheduling verbs -------------------------------------------------------------------


def _may_manage(user, statement):
    from .forms import may_edit_statement

    return user.is_authenticated and user.is_active and may_edit_statement(user, statement)


def parse_instant(value, zone_name):
    """A naive local date and time in ``zone_name`` as an aware UTC instant."""
    if value is None:
        return None
    zone = zoneinfo.ZoneInfo(zone_name or settings.TIME_ZONE)
    if timezone.is_naive(value):
        value = value.replace(tzinfo=zone)
    return value.astimezone(datetime.UTC)


class ScheduleReleaseAction:
    """Confirm the release at the planned instant, if nothing stands in the way."""

    def __init__(self, statement, user, release_at=None, release_timezone=None, language_code=""):
        self.statement = statement
        self.user = user
        self.language_code = language_code or ""
        draft = statement.get_latest_revision_as_object()
        self.release_timezone = release_timezone or draft.release_timezone or settings.TIME_ZONE
        self.release_at = release_at if release_at is not None else draft.release_at

    def check(self):
        problems = []
        if not _may_manage(self.user, self.statement):
            raise ActionRefused([describe({"code": "not_allowed"})])
        if self.release_at is None:
            problems.append({"code": "no_instant"})
        elif self.release_at <= db_now():
            problems.append({"code": "past"})
        problems += release_problems(self.statement, self.language_code)
        if problems:
            raise ActionRefused([describe(p) for p in problems])

    @transaction.atomic
    def execute(self):
        _lock(self.statement)
        self.check()
        record = current_fingerprint(self.statement)
        release = (
            Release.objects.select_for_update()
            .filter(statement_id=self.statement.pk, language_code=self.language_code)
            .pending()
            .first()
        )
        if release is None:
            release = Release(statement_id=self.statement.pk, language_code=self.language_code)
        release.release_at = self.release_at
        release.release_timezone = self.release_timezone
        release.state = Release.State.SCHEDULED
        release.hold_reason = []
        release.fingerprint = record.fingerprint if record else ""
        release.scheduled_by = self.user
        release.updated_at = timezone.now()
        release.queued_for = None
        release.precheck_sent_for = None
        release.save()
        log(
            instance=self.statement,
            action="statements.release_schedule",
            user=self.user,
            data=_log_data(release),
        )
        transaction.on_commit(lambda: queue_trigger(release.pk))
        return release


def _log_data(release, **extra):
    return {
        "release_at": release.release_at.isoformat(),
        "release_timezone": release.release_timezone,
        "language": release.language_code,
        **extra,
    }


class _PendingReleaseVerb:
    """Hold, move and cancel: only before the instant, by the statement's editors."""

    states = (Release.State.SCHEDULED, Release.State.HELD)

    def __init__(self, release, user):
        self.release = release
        self.user = user
        self.statement = StatementPage.objects.get(pk=release.statement_id)

    def check(self, release):
        reasons = []
        if not _may_manage(self.user, self.statement):
            raise ActionRefused([_("Only the statement's editors can change its release.")])
        if release.state not in self.states:
            reasons.append(
                _("This release is %(state)s and can no longer be changed.")
                % {"state": release.get_state_display().lower()}
            )
        elif release.release_at <= db_now() and release.state == Release.State.SCHEDULED:
            reasons.append(_("The release instant has passed: the release is under way."))
        return reasons

    def locked_release(self):
        return Release.objects.select_for_update().get(pk=self.release.pk)


class HoldReleaseAction(_PendingReleaseVerb):
    states = (Release.State.SCHEDULED,)

    def __init__(self, release, user, reason=""):
        super().__init__(release, user)
        self.reason = (reason or "").strip()

    @transaction.atomic
    def execute(self):
        release = self.locked_release()
        reasons = self.check(release)
        if reasons:
            raise ActionRefused(reasons)
        release.state = Release.State.HELD
        release.hold_reason = [
            {"code": "held_by_user", "user": self.user.get_full_name() or self.user.get_username()}
        ]
        if self.reason:
            release.hold_reason[0]["reason"] = self.reason
        release.updated_at = timezone.now()
        release.save()
        log(
            instance=self.statement,
            action="statements.release_hold",
            user=self.user,
            data=_log_data(release, reason=self.reason),
        )
        return release


class MoveReleaseAction(_PendingReleaseVerb):
    """A new instant: re-checked like a new schedule, and every partner asked to confirm."""

    def __init__(self, release, user, release_at, release_timezone=None):
        super().__init__(release, user)
        self.release_timezone = release_timezone or release.release_timezone
        self.release_at = release_at

    @transaction.atomic
    def execute(self):
        release = self.locked_release()
        reasons = self.check(release)
        if self.release_at is None or self.release_at <= db_now():
            reasons.append(describe({"code": "past"}))
        if reasons:
            raise ActionRefused(reasons)
        old = release.release_at
        release.release_at = self.release_at
        release.release_timezone = self.release_timezone
        release.updated_at = timezone.now()
        release.queued_for = None
        release.precheck_sent_for = None
        release.save()
        log(
            instance=self.statement,
            action="statements.release_move",
            user=self.user,
            data=_log_data(release, previous=old.isoformat()),
        )
        notifications.release_changed(self.statement, release, "release_moved")
        from . import previews

        previews.release_changed(self.statement, release, "release_moved", self.user)
        transaction.on_commit(lambda: queue_trigger(release.pk))
        return release


class CancelReleaseAction(_PendingReleaseVerb):
    def __init__(self, release, user, reason=""):
        super().__init__(release, user)
        self.reason = (reason or "").strip()

    @transaction.atomic
    def execute(self):
        release = self.locked_release()
        reasons = self.check(release)
        if reasons:
            raise ActionRefused(reasons)
        release.state = Release.State.CANCELLED
        release.updated_at = timezone.now()
        release.save()
        log(
            instance=self.statement,
            action="statements.release_cancel",
            user=self.user,
            data=_log_data(release, reason=self.reason),
        )
        notifications.release_changed(self.statement, release, "release_cancelled")
        from . import previews

        previews.release_changed(self.statement, release, "release_cancelled", self.user)
        return release


class ConfirmReleaseAction:
    """A partner government confirms that it has the (new) instant."""

    def __init__(self, release, user, code):
        self.release = release
        self.user = user
        self.code = (code or "").upper()

    @transaction.atomic
    def execute(self):
        release = Release.objects.select_for_update().get(pk=self.release.pk)
        statement = StatementPage.objects.get(pk=release.statement_id)
        government = next(
            (g for g in signatory_governments(statement) if g.code == self.code), None
        )
        if (
            government is None
            or not self.user.groups.filter(pk=government.approver_group_id).exists()
        ):
            raise ActionRefused([_("Only a signatory government's approvers can confirm.")])
        if release.state not in (
            Release.State.SCHEDULED,
            Release.State.HELD,
            Release.State.CANCELLED,
        ):
            raise ActionRefused([_("This release has already happened.")])
        confirmation = ReleaseConfirmation.objects.create(
            release=release,
            government_key=government.translation_key,
            government_name=government.short_name,
            release_at=release.release_at,
            user=self.user,
        )
        log(
            instance=statement,
            action="statements.release_confirm",
            user=self.user,
            data=_log_data(release, government=government.short_name, state=release.state),
        )
        return confirmation


def confirmations_of(release, statement=None):
    """Per signatory government: whether it has confirmed the release as it stands now."""
    statement = statement or StatementPage.objects.get(pk=release.statement_id)
    confirmed = {}
    for confirmation in release.confirmations.all():
        if confirmation.release_at == release.release_at:
            confirmed.setdefault(confirmation.government_key, confirmation)
    moved = release.confirmations.exists() or _was_moved(release, statement)
    return [
        {"government": g, "confirmation": confirmed.get(g.translation_key), "asked": moved}
        for g in signatory_governments(statement)
    ]


def _was_moved(release, statement):
    from wagtail.models import PageLogEntry

    return PageLogEntry.objects.filter(
        page_id=statement.pk, action__in=["statements.release_move", "statements.release_cancel"]
    ).exists()


def hold_after_edit(page, revision):
    """A saved edit to a scheduled statement, or to one of its languages, holds its release."""
    from .actions import source_statement_of

    statement = page
    if page.is_translation:
        statement, _translation = source_statement_of(page)
        if statement is None:
            return None
    release = (
        Release.objects.select_for_update()
        .filter(statement_id=statement.pk, state=Release.State.SCHEDULED)
        .first()
    )
    if release is None or revision.user_id is None:
        return None
    release.state = Release.State.HELD
    release.hold_reason = [{"code": "edited"}]
    release.updated_at = timezone.now()
    release.save()
    log(
        instance=statement,
        action="statements.release_hold",
        user=revision.user,
        revision=revision if page.pk == statement.pk else None,
        data=_log_data(release, reason="edited"),
    )
    notifications.release_held(statement, release, release.hold_reason)
    return release


# --- the release itself ---------------------------------------------------------------


class _ReleasePublish(PublishPageRevisionAction):
    """Wagtail's publish, with the go-live fields cleared and the instant on the page."""

    def __init__(self, revision, user, release):
        super().__init__(revision, user=user, changed=True, log_action=False)
        self.object.go_live_at = None
        self.object.expire_at = None
        self.object.release_at = release.release_at
        self.object.release_timezone = release.release_timezone


def snapshot_of(page):
    """The displayed values a page takes from snippets, as they are now."""

    def entry(localized, *fields):
        return {
            **{field: getattr(localized, field, "") or "" for field in fields},
            "is_fallback": localized.is_fallback,
            "language_code": localized.language_code,
        }

    government_fields = ("official_name", "short_name", "department", "code")
    return {
        "issuing_governments": [entry(g, *government_fields) for g in page.issuing_governments],
        "lead": entry(page.lead, *government_fields),
        "lead_social_links": [
            {"url": link.url, "label": link.label} for link in page.lead_social_links
        ],
        "media_contacts": [
            {
                "contact": entry(
                    item["contact"], "office", "department", "email", "phone", "hours"
                ),
                "government": entry(item["government"], *government_fields),
            }
            for item in page.media_contacts
        ],
        "listed_topics": [{"name": topic.name} for topic in page.listed_topics],
        "zones": statement_zones(page),
    }


class ReleaseOutcome:
    def __init__(self, state, release=None, pages=(), problems=()):
        self.state = state  # "released", "held", "not_due", "noop"
        self.release = release
        self.pages = list(pages)
        self.problems = list(problems)

    def __repr__(self):
        return f"<ReleaseOutcome {self.state} {self.release and self.release.pk}>"


class ReleaseStatementAction:
    """Publish the source and every language, or one late language, in one transaction.

    Safe to call any number of times from any number of processes: the release row
    is locked, and only a scheduled, due release is acted on.
    """

    def __init__(self, release_id, via="clock"):
        self.release_id = release_id
        self.via = via

    def execute(self):
        with transaction.atomic():
            release = Release.objects.select_for_update().filter(pk=self.release_id).first()
            if release is None or release.state != Release.State.SCHEDULED:
                return ReleaseOutcome("noop", release)
            if release.release_at - db_now() > prepare_ahead():
                return ReleaseOutcome("not_due", release)
            statement = StatementPage.objects.get(pk=release.statement_id)
            _lock(statement)
            problems = release_problems(statement, release.language_code)
            if problems:
                return self._hold(release, statement, problems)
            pages = self._pages(statement, release)
            outcome = self._publish(release, statement, pages)
        for page in outcome.pages:
            logger.info(
                "released %s (%s) via %s, %.3fs after the instant",
                page.pk,
                page.locale.language_code,
                self.via,
                release.lag_seconds,
            )
        return outcome

    def _pages(self, statement, release):
        languages = _language_pages(statement)
        if release.language_code:
            return [languages[release.language_code]]
        return [statement] + [languages[code] for code in statement.required_languages()]

    def _hold(self, release, statement, problems):
        release.state = Release.State.HELD
        release.hold_reason = problems
        release.updated_at = timezone.now()
        release.save()
        log(
            instance=statement,
            action="statements.release_failed",
            user=release_clock_user(),
            data=_log_data(release, problems=[describe(p) for p in problems], via=self.via),
        )
        notifications.release_held(statement, release, problems, failed=True)
        return ReleaseOutcome("held", release, problems=problems)

    def _publish(self, release, statement, pages):
        """Publish every page inside the open transaction, wait for the instant, then
        stamp one database timestamp and let the commit make them public together.

        The work may start up to ``prepare_ahead()`` before the instant, so the commit,
        which is what makes the pages visible, lands on the instant rather than a
        second or more after it. Until the commit nobody sees any of it, and the row
        locks taken here make any concurrent edit wait until after the release.
        """
        clock = release_clock_user()
        released = []
        for page in pages:
            revision = page.get_latest_revision()
            _ReleasePublish(revision, clock, release).execute(skip_permission_checks=True)
            page = StatementPage.objects.select_related("locale").get(pk=page.pk)
            released.append((page, revision))
        ids = [page.pk for page, _revision in released]
        live = StatementPage.objects.filter(pk__in=ids, live=True).count()
        if live != len(ids):
            raise RuntimeError(f"release {release.pk}: {live} of {len(ids)} pages live")
        now = _wait_for(release.release_at)
        StatementPage.objects.filter(pk__in=ids).update(
            first_published_at=now, last_published_at=now, go_live_at=None, expire_at=None
        )
        for page, revision in released:
            page.first_published_at = page.last_published_at = now
            ReleasedPage.objects.create(
                release=release,
                page=page,
                revision=revision,
                language_code=page.locale.language_code,
                released_at=now,
                fingerprint=(
                    release.fingerprint
                    if page.pk == statement.pk
                    else fingerprint_of(translation_words(revision.as_object()))
                ),
                snapshot=snapshot_of(page),
            )
        release.state = Release.State.RELEASED
        release.released_at = now
        release.released_by = self.via
        release.hold_reason = []
        release.updated_at = timezone.now()
        release.save()
        log(
            instance=statement,
            action="statements.release",
            user=clock,
            revision=statement.get_latest_revision(),
            data=_log_data(
                release,
                languages=[page.locale.language_code for page, _revision in released],
                released_at=now.isoformat(),
                via=self.via,
            ),
        )
        pages_out = [page for page, _revision in released]
        transaction.on_commit(
            lambda: statement_released.send(sender=Release, release=release, pages=pages_out)
        )
        return ReleaseOutcome("released", release, pages=pages_out)


def prepare_ahead():
    """How long before its instant a release may start its (invisible) work."""
    return datetime.timedelta(seconds=settings.COMMUNIQUE_RELEASE_PREPARE_SECONDS)


def _wait_for(instant):
    """Sleep until the database clock reaches ``instant``; return the database time."""
    import time

    while True:
        now = db_now()
        remaining = (instant - now).total_seconds()
        if remaining <= 0:
            return now
        time.sleep(min(remaining, 0.02))


# --- triggers ---------------------------------------------------------------------------


def due_release_ids(now=None):
    """Releases due now, or close enough to their instant to start preparing."""
    horizon = (now or db_now()) + prepare_ahead()
    return list(
        Release.objects.scheduled()
        .filter(release_at__lte=horizon)
        .order_by("release_at")
        .values_list("pk", flat=True)
    )


def run_due(via="clock"):
    """Release everything due or overdue now. Returns the outcomes."""
    outcomes = []
    for release_id in due_release_ids():
        try:
            outcomes.append(ReleaseStatementAction(release_id, via=via).execute())
        except Exception:  # noqa: BLE001 - one failed release must not stop the others
            logger.exception("release %s failed via %s; it stays scheduled", release_id, via)
    return outcomes


def queue_trigger(release_id):
    """Queue the Celery task for a release whose instant is near; later ones wait for
    the sweep, so no far-future ETA outlives the broker's visibility timeout."""
    from celery import current_app

    with transaction.atomic():
        release = Release.objects.select_for_update().filter(pk=release_id).first()
        if release is None or release.state != Release.State.SCHEDULED:
            return False
        if release.queued_for == release.release_at:
            return False
        if release.release_at - db_now() > eta_window():
            return False
        release.queued_for = release.release_at
        release.save(update_fields=["queued_for"])
        instant = release.release_at

    def send():
        try:
            current_app.tasks["statements.tasks.release_statement_task"].apply_async(
                (release_id,), eta=instant - prepare_ahead()
            )
        except Exception:  # noqa: BLE001 - the broker is down: the sweep and clock remain
            logger.warning("could not queue release %s; the release clock will act", release_id)
            Release.objects.filter(pk=release_id, queued_for=instant).update(queued_for=None)

    if getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False):
        return True  # in-process tests: the task would run now, before its instant
    transaction.on_commit(send)
    return True


def queue_upcoming():
    horizon = db_now() + eta_window()
    queued = 0
    for release_id in (
        Release.objects.scheduled().filter(release_at__lte=horizon).values_list("pk", flat=True)
    ):
        queued += bool(queue_trigger(release_id))
    return queued


def precheck_due():
    """Tell drafters and approvers what still blocks releases due within the pre-check window."""
    now = db_now()
    window = datetime.timedelta(minutes=settings.COMMUNIQUE_RELEASE_PRECHECK_MINUTES)
    told = 0
    for release in Release.objects.scheduled().filter(
        release_at__gt=now, release_at__lte=now + window
    ):
        if release.precheck_sent_for == release.release_at:
            continue
        statement = StatementPage.objects.get(pk=release.statement_id)
        problems = release_problems(statement, release.language_code)
        with transaction.atomic():
            Release.objects.filter(pk=release.pk).update(precheck_sent_for=release.release_at)
            if problems:
                notifications.release_precheck(statement, release, problems)
                told += 1
    return told
