"""``/health/`` for monitoring: can releases happen on time?"""

import datetime
import hmac

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse

from .. import outbox
from ..clock import db_now
from ..models import Release

OVERDUE_AFTER = datetime.timedelta(seconds=15)


def _check_database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return True, ""
    except Exception as exc:  # noqa: BLE001 - reported, not raised
        return False, exc.__class__.__name__


def _check_broker():
    from celery import current_app

    try:
        with current_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return True, ""
    except Exception as exc:  # noqa: BLE001 - reported, not raised
        return False, exc.__class__.__name__


def _check_cache():
    """Whether the shared cache answers. A cache in process memory (no REDIS_URL) always
    does; the Redis one answers from process memory while Redis is down, so public pages
    still serve, uncached (``config.cache``), and only a real round trip tells."""
    ping = getattr(cache, "ping", None)
    if ping is None:
        return True, ""
    try:
        ping()
        return True, ""
    except Exception as exc:  # noqa: BLE001 - reported, not raised
        return False, exc.__class__.__name__


def _may_read_details(request):
    token = settings.COMMUNIQUE_HEALTH_TOKEN
    given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    if token and given and hmac.compare_digest(token, given):
        return True
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated and (user.is_staff or user.is_superuser))


def health(request):
    """200 when releases can happen on time, 503 when they cannot.

    Anyone gets the overall status; details (which part failed, how many releases and
    release side effects are overdue) go to staff and to monitoring that presents ``HEALTH_TOKEN``.
    """
    database_ok, database_error = _check_database()
    broker_ok, broker_error = _check_broker()
    cache_ok, cache_error = _check_cache()
    overdue = overdue_effects = None
    if database_ok:
        overdue = (
            Release.objects.scheduled().filter(release_at__lt=db_now() - OVERDUE_AFTER).count()
        )
        overdue_effects = outbox.overdue_count()
    if not database_ok or overdue:
        status = "failing"
    elif not broker_ok or not cache_ok or overdue_effects:
        # Releases still happen through the release clock; public pages still serve,
        # rendered for every request. A released statement whose purge or e-mails are
        # still pending a minute on is public, but not everywhere it should be yet.
        status = "degraded"
    else:
        status = "ok"
    body = {"status": status}
    if _may_read_details(request):
        body["checks"] = {
            "database": {"ok": database_ok, "error": database_error},
            "broker": {"ok": broker_ok, "error": broker_error},
            "cache": {"ok": cache_ok, "error": cache_error},
            "overdue_releases": overdue,
            "overdue_release_effects": overdue_effects,
        }
    response = JsonResponse(body, status=503 if status == "failing" else 200)
    response["Cache-Control"] = "no-store"
    return response
