"""What calls the release, and when. Three triggers; whichever comes first releases.

- a Celery task queued with an ETA at the instant (only for the near future, inside
  the broker's visibility timeout), queued by ``actions.scheduling.queue_trigger``;
- a periodic Celery sweep that queues what is coming up and runs what is overdue;
- the release clock (``manage.py release_clock``), which needs only the database.
"""

import datetime
import logging
import threading

from django.conf import settings
from django.db import connection, transaction

from . import notifications, outbox
from .actions.release import PrepareReleaseAction, ReleaseStatementAction
from .actions.scheduling import queue_trigger
from .clock import db_now, eta_window
from .models import Release, StatementPage
from .queries.preparation import due_release_ids
from .queries.release import release_problems

logger = logging.getLogger("communique.release")


def run_due(via="clock"):
    """Release everything due or overdue now. Returns the outcomes.

    Every release due soon is prepared first, then each is flipped at its instant, so
    one release waiting for its instant never makes the next one start its work late;
    the side effects of each (purges, e-mails) follow once all are flipped, so none
    waits for another's purge either.
    """
    outcomes, ready = [], []
    for release_id in due_release_ids():
        try:
            prepared = PrepareReleaseAction(release_id, via=via).execute()
        except Exception:  # one failed release must not stop the others (logged)
            logger.exception("release %s could not be prepared via %s", release_id, via)
            continue
        if prepared.state == "prepared":
            ready.append(release_id)
        elif prepared.state == "held":
            outcomes.append(prepared)
    for release_id in ready:
        try:
            action = ReleaseStatementAction(release_id, via=via, deliver_effects=False)
            outcomes.append(action.execute())
        except Exception:  # one failed release must not stop the others (logged)
            logger.exception("release %s failed via %s; it stays scheduled", release_id, via)
    for outcome in outcomes:
        if outcome.state == "released":
            outbox.deliver_release(outcome.release.pk)  # never raises; retried if it fails
    return outcomes


def prepare_due(via="clock"):
    """Prepare every release whose window has opened (one being prepared elsewhere is
    left to that process); the flips are ``flip_next``'s. Returns the held outcomes."""
    held = []
    for release_id in due_release_ids():
        try:
            outcome = PrepareReleaseAction(release_id, via=via).execute()
        except Exception:  # one failed release must not stop the others (logged)
            logger.exception("release %s could not be prepared via %s", release_id, via)
            continue
        if outcome.state == "held":
            held.append(outcome)
    return held


def next_prepared(within_seconds):
    """The soonest scheduled release that is prepared for its instant and due within
    ``within_seconds`` (or overdue), or None."""
    now = db_now()
    rows = (
        Release.objects.scheduled()
        .filter(release_at__lte=now + datetime.timedelta(seconds=within_seconds))
        .filter(prepared__has_key="pages")
        .order_by("release_at")
        .values_list("pk", "release_at", "prepared__for")
    )
    for pk, release_at, prepared_for in rows:
        if prepared_for == release_at.isoformat():
            return pk
    return None


def flip_next(via="clock", within_seconds=1.0):
    """Flip the next prepared release at its instant; None if none is that close.

    Its side effects are delivered by a thread of their own, so that a slow purge or
    mail server never makes the next flip late (a failure is retried by the sweep)."""
    release_id = next_prepared(within_seconds)
    if release_id is None:
        return None
    outcome = ReleaseStatementAction(release_id, via=via, deliver_effects=False).flip_at_instant()
    if outcome.state == "released":
        threading.Thread(
            target=_deliver_in_thread, args=(release_id,), name="release-effects", daemon=True
        ).start()
    return outcome


def _deliver_in_thread(release_id):
    try:
        outbox.deliver_release(release_id)  # never raises; what fails is retried
    finally:
        connection.close()


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
            # Claimed by a conditional update: a second sweep at the same moment (two
            # beats, a beat and a shell) finds it claimed and tells nobody twice.
            claimed = (
                Release.objects.filter(pk=release.pk)
                .exclude(precheck_sent_for=release.release_at)
                .update(precheck_sent_for=release.release_at)
            )
            if claimed and problems:
                notifications.release_precheck(statement, release, problems)
                told += 1
    return told
