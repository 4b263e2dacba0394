"""The release clock: releases what is due, needing nothing but the database.

It polls for due releases (every second by default, ``RELEASE_CLOCK_INTERVAL_MS``)
and releases them through the same actions as the Celery trigger, so a release
happens on time even when Redis or every worker is down. Two threads, each with its
own database connection: the main one prepares each release as its window opens
(which for 24 languages on a busy machine takes seconds), and the flipper does
nothing but wait for the next prepared instant and flip it, so a long preparation
never makes another release late. On PostgreSQL each clock
holds a session advisory lock while it acts, so any number may run (one per host,
for instance) and exactly one is active; the others stand by and take over when it
stops. On SQLite run one clock: SQLite's write lock serialises releases, and the
release's state check makes a second attempt a no-op, but there is no standby.

The active clock also retries the side effects of releases (``statements.outbox``)
every ``RELEASE_EFFECT_RETRY_SECONDS``, so they happen without the worker too. It
does so in a thread with its own connection: a purge that hangs on a CDN must never
keep the clock from its next release.
"""

import logging
import signal
import threading
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import InterfaceError, OperationalError, connection, connections

from statements import outbox
from statements.release_triggers import flip_next, prepare_due, run_due

logger = logging.getLogger("communique.release")

# pg_advisory_lock key: "COMMUNIQ" read as a 64-bit integer would be too large; any
# constant that no other code uses will do.
ADVISORY_LOCK_KEY = 0x436F6D6D756E


def sweep_effects():
    """One retry sweep of the outbox, in the effects thread."""
    try:
        counts = outbox.deliver_due()
        if counts["done"] or counts["failed"]:
            logger.info("release clock: release effects %s", counts)
    except Exception:  # the thread must end cleanly; the next sweep tries again
        logger.exception("release clock: the release effects sweep failed")
    finally:
        connections.close_all()


def use_own_connection():
    """Take this process's database connection out of the pool (DATABASE_POOL_SIZE).

    The advisory lock belongs to the clock's session. A pooled connection closed after
    an error goes back to the pool still holding it, and the clock's next connection
    from that pool would find the lock taken, by itself, and stand by for good. Nor
    can a crowd of readers starve the clock: it is a process of its own, with one
    connection that no request ever borrows.
    """
    if not connection.settings_dict.get("OPTIONS", {}).get("pool"):
        return
    connection.close()
    connection.close_pool()
    options = {k: v for k, v in connection.settings_dict["OPTIONS"].items() if k != "pool"}
    connection.settings_dict = {**connection.settings_dict, "OPTIONS": options}


class Flipper(threading.Thread):
    """Flips each prepared release at its instant, while the clock is the active one."""

    POLL_S = 0.1

    def __init__(self, command):
        super().__init__(name="release-flipper", daemon=True)
        self.command = command

    def run(self):
        try:
            while not self.command.stopping:
                if not self.command.holding:
                    time.sleep(self.POLL_S)
                    continue
                try:
                    outcome = flip_next(via="clock", within_seconds=1.0)
                except (OperationalError, InterfaceError):
                    logger.warning("release clock: database unavailable; retrying", exc_info=True)
                    connection.close()
                    outcome = None
                    time.sleep(1.0)
                except Exception:  # the thread must live on; the next poll retries
                    logger.exception("release clock: a flip failed; retrying")
                    outcome = None
                if outcome is None:
                    time.sleep(self.POLL_S)
                elif outcome.state in ("released", "held"):
                    self.command.report(outcome)
        finally:
            connection.close()


class Command(BaseCommand):
    help = "Run the release clock: release due statements using only the database."

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=float,
            default=None,
            help="Seconds between polls (default: RELEASE_CLOCK_INTERVAL_MS / 1000).",
        )
        parser.add_argument(
            "--once", action="store_true", help="Poll once and exit (as release_due does)."
        )

    def handle(self, *args, interval=None, once=False, **options):
        interval = interval or settings.COMMUNIQUE_RELEASE_CLOCK_INTERVAL
        use_own_connection()
        self.stopping = False
        self.holding = False
        self.effects = None
        self.next_effects_sweep = 0.0

        def stop(signum, frame):
            self.stopping = True

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        self.stdout.write(f"release clock: polling every {interval:g}s", ending="\n")
        self.stdout.flush()
        self.output_lock = threading.Lock()
        flipper = None
        if not once:
            flipper = Flipper(self)
            flipper.start()
        while not self.stopping:
            try:
                if self.acquire():
                    outcomes = run_due(via="clock") if once else prepare_due(via="clock")
                    for outcome in outcomes:
                        self.report(outcome)
                    if once:
                        outbox.deliver_due()
                    else:
                        self.sweep_effects_in_background()
            except (OperationalError, InterfaceError):
                logger.warning("release clock: database unavailable; retrying", exc_info=True)
                self.holding = False
                connection.close()
            if once:
                break
            time.sleep(interval)
        if flipper is not None:
            flipper.join(timeout=5)
        if self.effects is not None:
            self.effects.join(timeout=10)  # an effect cut short stays pending: retried
        self.release_lock()
        self.stdout.write("release clock: stopped")

    def report(self, outcome):
        if outcome.state in ("released", "held"):
            with self.output_lock:
                self.stdout.write(f"release clock: {outcome.state} release {outcome.release.pk}")
                self.stdout.flush()

    def sweep_effects_in_background(self):
        """Start a sweep of the outbox, unless one is still running or ran lately."""
        if self.effects is not None and self.effects.is_alive():
            return
        if time.monotonic() < self.next_effects_sweep:
            return
        self.next_effects_sweep = (
            time.monotonic() + settings.COMMUNIQUE_RELEASE_EFFECT_RETRY_SECONDS
        )
        self.effects = threading.Thread(target=sweep_effects, name="release-effects", daemon=True)
        self.effects.start()

    def acquire(self):
        """True while this clock is the active one."""
        if connection.vendor != "postgresql":
            return True
        if self.holding and connection.connection is not None:
            return True
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [ADVISORY_LOCK_KEY])
            self.holding = bool(cursor.fetchone()[0])
        if self.holding:
            self.stdout.write("release clock: active (holding the advisory lock)")
            self.stdout.flush()
        return self.holding

    def release_lock(self):
        if connection.vendor == "postgresql" and self.holding:
            try:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [ADVISORY_LOCK_KEY])
            except OperationalError:
                pass
