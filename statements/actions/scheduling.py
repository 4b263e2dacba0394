"""Scheduling a release: schedule, hold, move, cancel, and partners confirming the time.

Only before the instant, and only by the statement's editors (partners confirm).
An edit saved to a scheduled statement, or to one of its languages, holds its release.
"""

import logging

from celery import current_app
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from .. import notifications
from ..clock import db_now, eta_window
from ..models import Release, ReleaseConfirmation, StatementPage
from ..permissions import is_approver_of, may_edit_statement
from ..queries.preparation import prepare_window
from ..queries.release import describe, release_problems
from ..queries.signoff import current_fingerprint
from ..queries.translation import statement_of
from ..validators import RELEASE_MAX_AHEAD
from .base import ActionRefused, lock_statement
from .previews import TellPreviewHoldersAction

logger = logging.getLogger("communique.release")

# Sent by name: the task module is an entry point, above the actions.
RELEASE_TASK = "statements.tasks.release_statement_task"


class ScheduleReleasePermissionError(ActionRefused):
    """Only the statement's own editors schedule its release."""


class ChangeReleasePermissionError(ActionRefused):
    """Only the statement's own editors hold, move or cancel its release."""


class ConfirmReleasePermissionError(ActionRefused):
    """Only a signatory government's approvers confirm a release time."""


def log_data(release, **extra):
    return {
        "release_at": release.release_at.isoformat(),
        "release_timezone": release.release_timezone,
        "language": release.language_code,
        **extra,
    }


def queue_trigger(release_id):
    """Queue the Celery task for a release whose instant is near; later ones wait for
    the sweep, so no far-future ETA outlives the broker's visibility timeout."""
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
        ahead = prepare_window(release)

    def send():
        try:
            current_app.tasks[RELEASE_TASK].apply_async((release_id,), eta=instant - ahead)
        except Exception:  # noqa: BLE001 - the broker is down: the sweep and clock remain
            logger.warning("could not queue release %s; the release clock will act", release_id)
            Release.objects.filter(pk=release_id, queued_for=instant).update(queued_for=None)

    if getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False):
        return True  # in-process tests: the task would run now, before its instant
    transaction.on_commit(send)
    return True


def queue_release_trigger(release_id):
    """After the commit, queue the release's own Celery trigger (if its instant is near)."""
    transaction.on_commit(lambda: queue_trigger(release_id))


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
        if not may_edit_statement(self.user, self.statement):
            raise ScheduleReleasePermissionError([describe({"code": "not_allowed"})])
        problems = []
        if self.release_at is None:
            problems.append({"code": "no_instant"})
        elif self.release_at <= db_now():
            problems.append({"code": "past"})
        elif self.release_at > db_now() + RELEASE_MAX_AHEAD:
            problems.append({"code": "too_far"})
        problems += release_problems(self.statement, self.language_code)
        if problems:
            raise ActionRefused([describe(p) for p in problems])

    @transaction.atomic
    def execute(self):
        lock_statement(self.statement)
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
        release.prepared = {}  # prepared again, for this instant and these words
        release.save()
        log(
            instance=self.statement,
            action="statements.release_schedule",
            user=self.user,
            data=log_data(release),
        )
        queue_release_trigger(release.pk)
        return release


class _PendingReleaseVerb:
    """Hold, move and cancel: only before the instant, by the statement's editors."""

    states = (Release.State.SCHEDULED, Release.State.HELD)

    def __init__(self, release, user):
        self.release = release
        self.user = user
        self.statement = StatementPage.objects.get(pk=release.statement_id)

    def check(self, release):
        if not may_edit_statement(self.user, self.statement):
            raise ChangeReleasePermissionError(
                [_("Only the statement's editors can change its release.")]
            )
        reasons = []
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
            data=log_data(release, reason=self.reason),
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
        elif self.release_at > db_now() + RELEASE_MAX_AHEAD:
            reasons.append(describe({"code": "too_far"}))
        if reasons:
            raise ActionRefused(reasons)
        old = release.release_at
        release.release_at = self.release_at
        release.release_timezone = self.release_timezone
        release.updated_at = timezone.now()
        release.queued_for = None
        release.precheck_sent_for = None
        release.prepared = {}  # prepared again, for this instant and these words
        release.save()
        log(
            instance=self.statement,
            action="statements.release_move",
            user=self.user,
            data=log_data(release, previous=old.isoformat()),
        )
        notifications.release_changed(self.statement, release, "release_moved")
        TellPreviewHoldersAction(self.statement, release, "release_moved", self.user).execute()
        queue_release_trigger(release.pk)
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
            data=log_data(release, reason=self.reason),
        )
        notifications.release_changed(self.statement, release, "release_cancelled")
        TellPreviewHoldersAction(self.statement, release, "release_cancelled", self.user).execute()
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
            (g for g in statement.signatory_governments() if g.code == self.code), None
        )
        if government is None or not is_approver_of(self.user, government):
            raise ConfirmReleasePermissionError(
                [_("Only a signatory government's approvers can confirm.")]
            )
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
            data=log_data(release, government=government.short_name, state=release.state),
        )
        return confirmation


class HoldReleaseAfterEditAction:
    """A saved edit to a scheduled statement, or to one of its languages, holds its release."""

    def __init__(self, page, revision):
        self.page = page
        self.revision = revision

    @transaction.atomic
    def execute(self):
        statement = statement_of(self.page)
        if statement is None:
            return None
        release = (
            Release.objects.select_for_update()
            .filter(statement_id=statement.pk, state=Release.State.SCHEDULED)
            .first()
        )
        if release is None or self.revision.user_id is None:
            return None
        release.state = Release.State.HELD
        release.hold_reason = [{"code": "edited"}]
        release.updated_at = timezone.now()
        release.save()
        log(
            instance=statement,
            action="statements.release_hold",
            user=self.revision.user,
            revision=self.revision if self.page.pk == statement.pk else None,
            data=log_data(release, reason="edited"),
        )
        notifications.release_held(statement, release, release.hold_reason)
        return release
