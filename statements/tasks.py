"""Celery tasks: thin, idempotent, acting on IDs and reloading state."""

from celery import shared_task
from django.core.management import call_command


@shared_task(name="statements.tasks.clear_expired_sessions_task")
def clear_expired_sessions_task():
    """Sessions of signed-out approvers and translators should not linger."""
    call_command("clearsessions")
