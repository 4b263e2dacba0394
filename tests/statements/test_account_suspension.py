"""Accounts unused for 45 days are suspended, after one warning a week before."""

import datetime

import pytest
from django.conf import settings
from django.contrib.auth import authenticate, get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from config.celery import app
from statements.actions.accounts import SuspendUnusedAccountsAction
from statements.tasks import suspend_unused_accounts_task
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def idle(username, days, **extra):
    user = UserFactory(username=username, **extra)
    get_user_model().objects.filter(pk=user.pk).update(
        last_login=timezone.now() - datetime.timedelta(days=days)
    )
    return user


def run(capture):
    with capture(execute=True):
        call_command("suspend_unused_accounts", stdout=open("/dev/null", "w"))  # noqa: SIM115


def active(user):
    return get_user_model().objects.get(pk=user.pk).is_active


def test_warned_at_38_days_once_then_suspended_at_45(client, django_capture_on_commit_callbacks):
    user = idle("quiet", 38)
    fresh = idle("busy", 37)
    run(django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox] == [[user.email]]
    assert "suspended" in mail.outbox[0].subject
    run(django_capture_on_commit_callbacks)  # a second beat: no second warning
    assert len(mail.outbox) == 1
    assert active(user) and active(fresh)

    get_user_model().objects.filter(pk=user.pk).update(
        last_login=timezone.now() - datetime.timedelta(days=45, minutes=1)
    )
    run(django_capture_on_commit_callbacks)
    assert not active(user)
    assert active(fresh)
    assert ModelLogEntry.objects.filter(
        action="statements.account_suspend", object_id=str(user.pk)
    ).exists()
    login = reverse("wagtailadmin_login")
    refused = client.post(login, {"username": "quiet", "password": "pass"})
    assert refused.status_code == 200  # the form again, with its error
    request = RequestFactory().post(login)
    assert authenticate(request, username="quiet", password="pass") is None
    # Positive control: the account in use signs in.
    assert client.post(login, {"username": "busy", "password": "pass"}).status_code == 302
    run(django_capture_on_commit_callbacks)  # idempotent
    assert ModelLogEntry.objects.filter(action="statements.account_suspend").count() == 1


def test_two_runs_at_once_claim_the_warning_once(django_capture_on_commit_callbacks):
    idle("quiet", 40)
    first, second = SuspendUnusedAccountsAction(), SuspendUnusedAccountsAction()
    users = list(first.candidates())
    with django_capture_on_commit_callbacks(execute=True):
        # Both found the account before either claimed the warning.
        assert second.execute()["warned"] == 1
        for user in users:
            review = user.account_review
            seen = max(filter(None, [user.seen, review.active_since]))
            assert first.warn(user, review, seen, None) == 0
    assert len(mail.outbox) == 1


def test_never_signed_in_counts_from_joining(django_capture_on_commit_callbacks):
    user = UserFactory(username="invited-long-ago")
    get_user_model().objects.filter(pk=user.pk).update(
        date_joined=timezone.now() - datetime.timedelta(days=46)
    )
    run(django_capture_on_commit_callbacks)
    assert not active(user)


def test_superusers_too_unless_exempt(settings, django_capture_on_commit_callbacks):
    root = idle("root", 50, is_superuser=True)
    glass = idle("break-glass", 50, is_superuser=True)
    settings.ACCOUNT_SUSPEND_EXEMPT = ["break-glass"]
    run(django_capture_on_commit_callbacks)
    assert not active(root)
    assert active(glass)


def test_a_reactivated_account_gets_a_new_45_days(django_capture_on_commit_callbacks):
    user = idle("back", 50)
    run(django_capture_on_commit_callbacks)
    assert not active(user)
    get_user_model().objects.filter(pk=user.pk).update(is_active=True)  # an administrator
    run(django_capture_on_commit_callbacks)
    run(django_capture_on_commit_callbacks)
    assert active(user)
    later = timezone.now() + datetime.timedelta(days=46)
    with django_capture_on_commit_callbacks(execute=True):
        SuspendUnusedAccountsAction(now=later).execute()
    assert not active(user)


def test_beat_runs_the_task():
    entry = next(
        e
        for e in settings.CELERY_BEAT_SCHEDULE.values()
        if e["task"] == "statements.tasks.suspend_unused_accounts_task"
    )
    assert entry["task"] in app.tasks
    assert suspend_unused_accounts_task() == {"warned": 0, "suspended": 0}
