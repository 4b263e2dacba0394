"""The one clock releases go by, and the windows measured on it."""

import datetime
import time

from django.conf import settings
from django.db import connection
from django.utils import timezone


def db_now():
    """The database's clock: every process agrees on it, whatever its own clock says."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT clock_timestamp()")
            return cursor.fetchone()[0]
    # SQLite lives in a file on this machine: its clock is this machine's clock.
    return timezone.now()


def eta_window():
    """How far ahead a release's Celery task is queued with an ETA."""
    return datetime.timedelta(seconds=settings.COMMUNIQUE_RELEASE_ETA_WINDOW)


def prepare_bounds():
    """(least, most) seconds before the instant a release may start preparing."""
    return (
        settings.COMMUNIQUE_RELEASE_PREPARE_SECONDS,
        settings.COMMUNIQUE_RELEASE_PREPARE_MAX_SECONDS,
    )


# The database is asked the time again this long before the instant, then the last
# moment is slept through on this machine's clock, so the flip starts within a
# millisecond or two of the instant without querying the database in a loop.
FINAL_APPROACH_S = 0.03


def wait_for(instant):
    """Sleep until the database clock reaches ``instant``; return the database time."""
    while True:
        now = db_now()
        remaining = (instant - now).total_seconds()
        if remaining <= 0:
            return now
        if remaining > FINAL_APPROACH_S:
            time.sleep(remaining - FINAL_APPROACH_S)
        else:
            time.sleep(remaining)
