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


def prepare_ahead():
    """How long before its instant a release may start its (invisible) work."""
    return datetime.timedelta(seconds=settings.COMMUNIQUE_RELEASE_PREPARE_SECONDS)


def wait_for(instant):
    """Sleep until the database clock reaches ``instant``; return the database time."""
    while True:
        now = db_now()
        remaining = (instant - now).total_seconds()
        if remaining <= 0:
            return now
        time.sleep(min(remaining, 0.02))
