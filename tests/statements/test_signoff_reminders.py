"""Reminders go to governments still pending, at a reasonable hour in their own zone."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from statements import tasks
from statements.actions.signoff import SignOffAction
from tests import factories

pytestmark = pytest.mark.django_db

# Tuesday 2026-12-01 15:00 UTC: 10:00 in Toronto, 16:00 in Paris, 00:00 (Wed) in Tokyo.
NOW = datetime.datetime(2026, 12, 1, 15, 0, tzinfo=datetime.UTC)


@pytest.fixture
def pending(site_tree, governments, monkeypatch, django_capture_on_commit_callbacks):
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    drafter = factories.drafter()
    ca, fr, jp = governments["CA"], governments["FR"], governments["JP"]
    ca.duty_email = "duty@international.gc.ca"
    ca.save()
    statement = factories.make_statement(
        site_tree["newsrooms"]["en"],
        [ca, fr, jp],
        lead=ca,
        publish=False,
        user=drafter,
        slug="reminders",
        release_at=NOW + datetime.timedelta(days=2),
    )
    approvers = {}
    for code, government in governments.items():
        approvers[code] = factories.approver(government, email=f"{code.lower()}@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        factories.submit_for_signoff(statement, drafter)
        SignOffAction(statement, approvers["FR"], "FR").execute()
    mail.outbox.clear()
    return statement


def run_reminders(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return tasks.send_signoff_reminders_task()


def test_pending_governments_in_working_hours_are_reminded_once(
    pending, django_capture_on_commit_callbacks
):
    assert run_reminders(django_capture_on_commit_callbacks) == 1
    recipients = sorted(address for message in mail.outbox for address in message.to)
    # Canada (10:00 in Toronto) is reminded, with its duty officer; France has signed;
    # Japan is pending but it is midnight in Tokyo.
    assert recipients == ["ca@example.org", "duty@international.gc.ca"]
    assert all(pending.title not in m.body + m.subject for m in mail.outbox)
    mail.outbox.clear()
    assert run_reminders(django_capture_on_commit_callbacks) == 0
    assert mail.outbox == []


def test_no_reminders_far_from_the_release(pending, django_capture_on_commit_callbacks):
    draft = pending.get_latest_revision_as_object()
    draft.release_at = NOW + datetime.timedelta(days=20)
    draft.save_revision()
    assert run_reminders(django_capture_on_commit_callbacks) == 0
