"""Celery tasks: thin, idempotent, acting on IDs and reloading state.

Each hands its work to one action or notification function, so a task, a command
and a view doing the same thing behave alike.
"""

import datetime
import logging
import smtplib
import time

from celery import shared_task
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from . import notifications, outbox
from .actions.accounts import SuspendUnusedAccountsAction
from .actions.release import PrepareReleaseAction, ReleaseStatementAction
from .actions.rendering import AHEAD_MARGIN_S, render_ahead
from .actions.signoff import RemindSignatoriesAction
from .actions.translation_sync import SyncTranslationsAction, sync_stale_translations
from .clock import db_now, eta_window
from .models import Release
from .queries.preparation import prepare_window
from .release_triggers import precheck_due, queue_upcoming, run_due

RELEASE_EARLY_TOLERANCE_S = 1.0
# The flip is queued this long before the instant, and waits for it in the worker.
FLIP_LEAD_S = 1.0
logger = logging.getLogger("communique.release")


@shared_task(name="statements.tasks.clear_expired_sessions_task")
def clear_expired_sessions_task():
    """Sessions of signed-out approvers and translators should not linger."""
    call_command("clearsessions")


@shared_task(
    name="statements.tasks.send_notification_task",
    autoretry_for=(smtplib.SMTPException, OSError),
    retry_backoff=30,
    max_retries=5,
)
def send_notification_task(kind, page_id, user_ids, context):
    return notifications.send(kind, page_id, user_ids, context)


@shared_task(name="statements.tasks.send_signoff_reminders_task")
def send_signoff_reminders_task():
    return RemindSignatoriesAction().execute()


@shared_task(
    name="statements.tasks.send_translation_digests_task",
    autoretry_for=(smtplib.SMTPException, OSError),
    retry_backoff=30,
    max_retries=5,
)
def send_translation_digests_task():
    return notifications.send_translation_digests()


@shared_task(name="statements.tasks.sync_translations_task")
def sync_translations_task(page_id):
    """After a save changed a source's translatable text: bring it into its translations."""
    return SyncTranslationsAction(page_id).execute()


@shared_task(name="statements.tasks.sync_stale_translations_task")
def sync_stale_translations_task():
    """Every few minutes: the syncs that never ran after their save (the broker away)."""
    return sync_stale_translations()


# --- release triggers -----------------------------------------------------------------


def _queue_again(task, release_id, seconds):
    """Queue the task again ``seconds`` from now by this machine's clock (the delay was
    measured on the database's, so a worker whose clock is off still comes back on
    time). The broker down: the release clock acts instead. Tasks run in-process
    (tests) would run again at once, and again: they are not queued."""
    if getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False):
        return
    try:
        task.apply_async((release_id,), eta=timezone.now() + datetime.timedelta(seconds=seconds))
    except Exception:  # noqa: BLE001 - logged; the clock and the sweep remain
        logger.warning("could not queue release %s again; the release clock will act", release_id)


@shared_task(name="statements.tasks.release_statement_task", acks_late=True, bind=True)
def release_statement_task(self, release_id):
    """Queued for the start of the release's preparation window. It prepares, then
    queues itself again for a moment before the instant, when it waits for the instant
    and flips: a worker's slot is never held through a wait, so releases close together
    never queue behind one another. The window is measured again when it arrives (it
    was estimated when the task was queued): early, it queues itself for the window's
    new start; for a release since moved far or held, it does nothing (the sweep
    queues it again when it is near)."""
    release = Release.objects.filter(pk=release_id).first()
    if release is None or release.state != Release.State.SCHEDULED:
        return "noop"
    now = db_now()
    remaining = (release.release_at - prepare_window(release) - now).total_seconds()
    if remaining > eta_window().total_seconds():
        return "not_due"
    if remaining > RELEASE_EARLY_TOLERANCE_S:
        _queue_again(self, release_id, remaining)
        return "not_due"
    if remaining > 0:
        time.sleep(remaining)
    until_instant = (release.release_at - db_now()).total_seconds()
    # Twice the lead: a worker whose clock runs a little ahead of the database's does
    # not queue itself again and again; it waits those few moments instead.
    if until_instant > 2 * FLIP_LEAD_S:
        outcome = PrepareReleaseAction(release_id, via="worker").execute()
        if outcome.state == "prepared":
            # Rendered while there is time (actions.rendering), then queued to flip.
            render_ahead(release_id, stop_before=FLIP_LEAD_S + AHEAD_MARGIN_S)
            until_instant = (release.release_at - db_now()).total_seconds()
        if outcome.state in ("prepared", "busy"):
            _queue_again(self, release_id, until_instant - FLIP_LEAD_S)
        return outcome.state
    return ReleaseStatementAction(release_id, via="worker").execute().state


@shared_task(name="statements.tasks.release_sweep_task")
def release_sweep_task():
    """Run what is due or overdue, queue what comes up within the ETA window, and send
    the pre-check for releases due soon."""
    released = [o.state for o in run_due(via="sweep")]
    queued = queue_upcoming()
    told = precheck_due()
    return {"released": released, "queued": queued, "prechecked": told}


@shared_task(name="statements.tasks.deliver_release_effects_task")
def deliver_release_effects_task():
    """Retry the side effects of releases that failed or never ran after the commit
    (the outbox); the release clock runs the same sweep without the worker."""
    return outbox.deliver_due()


@shared_task(name="statements.tasks.suspend_unused_accounts_task")
def suspend_unused_accounts_task():
    """Hourly: warn, then suspend, accounts nobody has used for weeks (idempotent)."""
    return SuspendUnusedAccountsAction().execute()
