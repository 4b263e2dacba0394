"""What follows a release, delivered after its commit through an outbox.

A release's side effects (Wagtail's publish signals and ours, the newsroom's cache
purges, the subscription e-mails) must happen once each, even when the process that
released dies right after the commit or Redis is down then. So the release writes one
``ReleaseEffect`` row per registered effect inside its own transaction: the rows exist
exactly when the release does. Right after the commit the releasing process tries each
once; whatever fails, or never ran, is retried by ``deliver_due`` from the Celery beat
task and from the release clock, which needs only the database.

An effect is registered by name, by the app that owns it (``newsroom`` registers its
own in its ``ready()``, so ``statements`` never imports it), as a function of the
release and its pages, in the order the release's languages were listed. Delivering
one claims its row (``SELECT … FOR UPDATE SKIP LOCKED``) in a short transaction of its
own, runs the effect and marks the row done in that transaction: two sweepers never
run the same effect at once, and neither waits for the other. A failure rolls back
what the effect wrote, is recorded on the row (attempts, the error, the next attempt,
further off each time) and is logged at ERROR; it never reaches the release, which
has committed. If a process dies while running an effect, the row stays pending and
the effect runs again: every effect is written so that a second run changes nothing
that the first did (a purge purges again; an e-mail claims its ``Delivery`` first).
"""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from wagtail.models import Revision
from wagtail.signals import page_published, published

from .clock import db_now
from .models import Release, ReleasedPage, ReleaseEffect, StatementPage
from .signals import statement_released

logger = logging.getLogger("communique.release")

# An effect pending this long after its release committed is overdue (``/health/``).
OVERDUE_AFTER = datetime.timedelta(minutes=1)
# One sweep looks at this many due effects, the longest-waiting first.
SWEEP_LIMIT = 200

_effects = {}
_last = set()


def register_effect(name, function, last=False):
    """Run ``function(release, pages)`` once after every release from now on.

    The name is stored on the outbox rows: keep it stable. Registering a name again
    replaces its function (an app's ``ready()`` run twice in tests, for instance).
    Effects run in the order registered, those registered ``last`` after all others
    (work that only speeds up what follows, whatever app registers after it).
    """
    _effects[name] = function
    if last:
        _last.add(name)
    else:
        _last.discard(name)


def unregister_effect(name):
    """Releases from now on no longer get this effect; rows already written stay."""
    _last.discard(name)
    return _effects.pop(name, None)


def registered_effects():
    return sorted(_effects, key=lambda name: name in _last)


def record_effects(release, now):
    """Inside the release's transaction: one pending row per registered effect."""
    ReleaseEffect.objects.bulk_create(
        [
            ReleaseEffect(release=release, effect=name, created_at=now, next_attempt_at=now)
            for name in registered_effects()
        ]
    )


def released_pages(release):
    """The release's pages, in its order: the source first, then each language."""
    rows = list(ReleasedPage.objects.filter(release=release).order_by("pk"))
    pages = StatementPage.objects.select_related("locale").in_bulk([row.page_id for row in rows])
    return [pages[row.page_id] for row in rows if row.page_id in pages]


def deliver_release(release_id):
    """Right after the release's commit: try each of its pending effects once.

    Never raises: the release has committed, and what fails here is retried."""
    ids = list(
        ReleaseEffect.objects.pending()
        .filter(release_id=release_id)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return [deliver(effect_id) for effect_id in ids]


def deliver_due(limit=SWEEP_LIMIT):
    """The retry path: every pending effect whose next attempt is due, oldest first.

    Returns how many were done, failed, or skipped (held by another sweeper, or done
    by it meanwhile). An effect that fails waits longer each time, so it never keeps
    the effects of other releases from their turn."""
    counts = {"done": 0, "failed": 0, "skipped": 0}
    ids = (
        ReleaseEffect.objects.due(db_now())
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    for effect_id in list(ids):
        counts[deliver(effect_id)] += 1
    return counts


def deliver(effect_id):
    """Claim one pending, due effect, run it, and mark it done; "skipped" if it is
    done, not due, or being run by another process. Never raises."""
    try:
        with transaction.atomic():
            row = (
                ReleaseEffect.objects.select_for_update(skip_locked=True)
                .filter(pk=effect_id, state=ReleaseEffect.State.PENDING)
                .first()
            )
            if row is None or row.next_attempt_at > db_now():
                return "skipped"
            try:
                with transaction.atomic():
                    _run(row)
            except Exception as exc:  # noqa: BLE001 - recorded, logged and retried
                _record_failure(row, exc)
                return "failed"
            row.state = ReleaseEffect.State.DONE
            row.attempts += 1
            row.done_at = db_now()
            row.save(update_fields=["state", "attempts", "done_at"])
    except Exception:  # one effect's trouble (the database gone) must not stop others
        logger.exception("release effect %s could not be delivered", effect_id)
        return "failed"
    logger.info("after release %s, %s done (attempt %s)", row.release_id, row.effect, row.attempts)
    return "done"


def _run(row):
    function = _effects.get(row.effect)
    if function is None:
        raise LookupError(f"no release effect named {row.effect!r} is registered")
    release = Release.objects.get(pk=row.release_id)
    function(release, released_pages(release))


def retry_delay(attempts):
    """After the n-th failure: RETRY_SECONDS, doubled each time up to the ATTEMPTS-th."""
    exponent = min(attempts, settings.COMMUNIQUE_RELEASE_EFFECT_ATTEMPTS) - 1
    base = settings.COMMUNIQUE_RELEASE_EFFECT_RETRY_SECONDS
    return datetime.timedelta(seconds=base * 2**exponent)


def _record_failure(row, exc):
    row.attempts += 1
    row.last_error = f"{exc.__class__.__name__}: {exc}"[:2000]
    delay = retry_delay(row.attempts)
    row.next_attempt_at = db_now() + delay
    row.save(update_fields=["attempts", "last_error", "next_attempt_at"])
    limit = settings.COMMUNIQUE_RELEASE_EFFECT_ATTEMPTS
    if row.attempts < limit:
        logger.error(
            "after release %s, %s failed (attempt %s of %s; next in %ss): %s",
            row.release_id,
            row.effect,
            row.attempts,
            limit,
            int(delay.total_seconds()),
            row.last_error,
            exc_info=exc,
        )
    else:
        logger.error(
            "after release %s, %s failed %s times and stays pending (retried every %ss); "
            "it needs an operator: %s",
            row.release_id,
            row.effect,
            row.attempts,
            int(delay.total_seconds()),
            row.last_error,
            exc_info=exc,
        )


def overdue_count():
    """Effects pending more than a minute after their release: shown on ``/health/``."""
    return ReleaseEffect.objects.overdue(db_now(), OVERDUE_AFTER).count()


def send_release_signals(release, pages):
    """The "signals" effect: Wagtail's ``page_published`` and ``published`` for each
    page, then ``statement_released``, for listeners outside the outbox.

    Each listener runs whatever another one does; a failing one is logged and not
    retried (a retry would call every other listener again). Work that must not be
    lost registers an effect of its own instead.
    """
    revision_ids = dict(
        ReleasedPage.objects.filter(release=release).values_list("page_id", "revision_id")
    )
    revisions = Revision.objects.in_bulk(revision_ids.values())
    results = []
    for page in pages:
        revision = revisions.get(revision_ids.get(page.pk))
        for signal in (page_published, published):
            results += signal.send_robust(sender=StatementPage, instance=page, revision=revision)
    results += statement_released.send_robust(sender=Release, release=release, pages=pages)
    for receiver, result in results:
        if isinstance(result, Exception):
            logger.error(
                "after release %s, %s failed: %r",
                release.pk,
                getattr(receiver, "__qualname__", receiver),
                result,
            )
