"""Scheduling and releasing: every language at one instant, exactly once, or nothing."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import PageLogEntry

from statements.actions.base import ActionRefused
from statements.actions.release import ReleaseStatementAction
from statements.actions.scheduling import (
    CancelReleaseAction,
    HoldReleaseAction,
    MoveReleaseAction,
    ScheduleReleaseAction,
)
from statements.models import Government, Release, ReleasedPage, StatementPage
from statements.release_triggers import run_due
from statements.timefmt import release_line
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def ready(site_tree, governments, settings):
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES
    statement, drafter, approvers = factories.ready_for_release(
        site_tree["newsrooms"]["en"], governments, lead=governments["CA"], slug="ready"
    )
    return statement, drafter, approvers


def versions(statement):
    return {
        p.locale.language_code: p
        for p in StatementPage.objects.filter(translation_key=statement.translation_key)
    }


def make_due(release):
    """Move the instant into the past, as the clock reaching it would."""
    Release.objects.filter(pk=release.pk).update(
        release_at=timezone.now() - datetime.timedelta(seconds=1)
    )


def test_schedule_then_release_publishes_every_language_at_one_timestamp(ready):
    statement, drafter, _approvers = ready
    release = ScheduleReleaseAction(statement, drafter).execute()
    assert release.state == Release.State.SCHEDULED
    assert not any(p.live for p in versions(statement).values())

    # Not yet due: nothing happens.
    assert ReleaseStatementAction(release.pk).execute().state == "not_due"
    make_due(release)
    outcome = ReleaseStatementAction(release.pk).execute()
    assert outcome.state == "released"
    pages = versions(statement)
    assert set(pages) == {"en", "fr", "ja"}
    assert all(p.live for p in pages.values())
    stamps = {p.first_published_at for p in pages.values()}
    assert len(stamps) == 1
    release.refresh_from_db()
    assert release.state == Release.State.RELEASED
    assert release.released_at == stamps.pop()
    assert not any(p.go_live_at or p.expire_at for p in pages.values())
    # One log entry for the release, as the named system user.
    entries = PageLogEntry.objects.filter(action="statements.release")
    assert entries.count() == 1
    assert entries.get().user.get_full_name() == "Release clock"
    assert not PageLogEntry.objects.filter(action="wagtail.publish", page=statement).exists()

    # A second run, by any trigger, is a no-op.
    assert ReleaseStatementAction(release.pk).execute().state == "noop"
    assert run_due() == []
    assert PageLogEntry.objects.filter(action="statements.release").count() == 1


def test_scheduling_is_refused_with_every_reason(site_tree, governments):
    drafter = factories.drafter()
    statement = factories.make_statement(
        site_tree["newsrooms"]["en"],
        [governments["CA"], governments["FR"], governments["JP"]],
        lead=governments["CA"],
        publish=False,
        user=drafter,
        owner=drafter,
        release_at=timezone.now() - datetime.timedelta(hours=1),
    )
    with pytest.raises(ActionRefused) as refused:
        ScheduleReleaseAction(statement, drafter).execute()
    reasons = " | ".join(str(r) for r in refused.value.reasons)
    assert "must be in the future" in reasons
    for name in ("Canada", "France", "Japan"):
        assert f"{name} has not signed off the current text" in reasons
    assert "French: the translation has not been started" in reasons
    assert "Japanese: the translation has not been started" in reasons
    assert not Release.objects.exists()


def test_only_the_statements_editors_schedule(ready, governments):
    statement, _drafter, approvers = ready
    with pytest.raises(ActionRefused):
        ScheduleReleaseAction(statement, approvers["JP"]).execute()
    assert not Release.objects.exists()


def test_an_unapproved_or_out_of_date_language_blocks_scheduling(ready):
    statement, drafter, _approvers = ready
    japanese = versions(statement)["ja"].get_latest_revision_as_object()
    japanese.title = "修正"
    japanese.save_revision(user=drafter)
    with pytest.raises(ActionRefused) as refused:
        ScheduleReleaseAction(statement, drafter).execute()
    assert any("Japanese: waiting for approval by Japan" in str(r) for r in refused.value.reasons)

    source = StatementPage.objects.get(pk=statement.pk).get_latest_revision_as_object()
    source.summary = "A changed summary."
    source.save_revision(user=drafter)
    with pytest.raises(ActionRefused) as refused:
        ScheduleReleaseAction(statement, drafter).execute()
    reasons = " | ".join(str(r) for r in refused.value.reasons)
    assert "has not signed off the current text" in reasons
    assert "French: the source changed" in reasons


def test_go_no_go_at_the_instant_holds_and_says_what_failed(
    ready, django_capture_on_commit_callbacks
):
    statement, drafter, approvers = ready
    drafter.email = "drafter@example.org"
    drafter.save()
    release = ScheduleReleaseAction(statement, drafter).execute()
    # Japan withdraws its translation approval behind the release's back.
    from statements.models import Approval

    Approval.objects.filter(subject="translation", language_code="ja").update(state="void")
    make_due(release)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        outcome = ReleaseStatementAction(release.pk).execute()
    assert outcome.state == "held"
    assert not any(p.live for p in versions(statement).values())
    release.refresh_from_db()
    assert release.state == Release.State.HELD
    assert release.hold_reason[0]["language"] == "ja"
    message = next(m for m in mail.outbox if "drafter@example.org" in m.to)
    assert "Japanese: waiting for approval by Japan" in message.body
    assert "nothing was published" in message.body
    assert PageLogEntry.objects.filter(action="statements.release_failed").count() == 1


def test_editing_a_scheduled_statement_holds_its_release(ready):
    statement, drafter, _approvers = ready
    release = ScheduleReleaseAction(statement, drafter).execute()
    french = versions(statement)["fr"].get_latest_revision_as_object()
    french.title = "Titre revu"
    french.save_revision(user=drafter)
    release.refresh_from_db()
    assert release.state == Release.State.HELD
    make_due(release)
    assert ReleaseStatementAction(release.pk).execute().state == "noop"
    assert not StatementPage.objects.get(pk=statement.pk).live


def test_hold_move_and_cancel(ready, django_capture_on_commit_callbacks):
    statement, drafter, approvers = ready
    approvers["JP"].email = "jp@example.org"
    approvers["JP"].save()
    release = ScheduleReleaseAction(statement, drafter).execute()
    HoldReleaseAction(release, drafter, "Waiting for the minister").execute()
    release.refresh_from_db()
    assert release.state == Release.State.HELD
    make_due(release)
    assert run_due() == []

    later = timezone.now() + datetime.timedelta(days=1)
    with pytest.raises(ActionRefused):
        MoveReleaseAction(release, approvers["JP"], later).execute()
    with pytest.raises(ActionRefused):
        MoveReleaseAction(
            release, drafter, timezone.now() - datetime.timedelta(minutes=1)
        ).execute()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        MoveReleaseAction(release, drafter, later).execute()
    release.refresh_from_db()
    assert release.release_at == later
    assert any("jp@example.org" in m.to and "confirm" in m.subject for m in mail.outbox)

    # Moving does not put a held release back on: scheduling does, after re-checking.
    ScheduleReleaseAction(statement, drafter, release_at=later).execute()
    release.refresh_from_db()
    assert release.state == Release.State.SCHEDULED

    with django_capture_on_commit_callbacks(execute=True):
        CancelReleaseAction(release, drafter, "Summit postponed").execute()
    release.refresh_from_db()
    assert release.state == Release.State.CANCELLED
    make_due(release)
    assert run_due() == []
    assert not StatementPage.objects.get(pk=statement.pk).live
    with pytest.raises(ActionRefused):
        HoldReleaseAction(release, drafter).execute()


def test_released_names_are_frozen(ready, client, governments):
    statement, drafter, _approvers = ready
    release = ScheduleReleaseAction(statement, drafter).execute()
    make_due(release)
    ReleaseStatementAction(release.pk).execute()
    url = StatementPage.objects.get(pk=statement.pk).url
    assert "Government of Canada" in client.get(url).content.decode()

    Government.objects.filter(translation_key=governments["CA"].translation_key).update(
        official_name="Renamed Government"
    )
    html = client.get(url).content.decode()
    assert "Government of Canada" in html
    assert "Renamed Government" not in html
    assert ReleasedPage.objects.filter(release=release).count() == 3


def test_release_line_names_each_zone_once_across_daylight_saving():
    # 9:00 in Ottawa on the day before and the day after the clocks change.
    before = datetime.datetime(2026, 3, 7, 14, 0, tzinfo=datetime.UTC)
    after = datetime.datetime(2026, 3, 9, 13, 0, tzinfo=datetime.UTC)
    zones = ["America/Toronto", "UTC", "Asia/Tokyo", "America/Toronto"]
    assert release_line(before, zones) == "09:00 EST / 14:00 UTC / 23:00 JST"
    assert release_line(after, zones) == "09:00 EDT / 13:00 UTC / 22:00 JST"


def test_a_dropped_language_is_released_later_on_its_own(ready, governments):
    from statements.actions.translation import DropLanguageAction

    statement, drafter, approvers = ready
    DropLanguageAction(statement, drafter, "ja", "Tokyo publishes on Monday").execute()
    release = ScheduleReleaseAction(statement, drafter).execute()
    make_due(release)
    ReleaseStatementAction(release.pk).execute()
    pages = versions(statement)
    assert pages["en"].live and pages["fr"].live
    assert not pages["ja"].live

    with pytest.raises(ActionRefused):
        ScheduleReleaseAction(statement, drafter, language_code="fr").execute()
    late = ScheduleReleaseAction(
        statement,
        drafter,
        release_at=timezone.now() + datetime.timedelta(hours=1),
        language_code="ja",
    ).execute()
    make_due(late)
    outcome = ReleaseStatementAction(late.pk).execute()
    assert outcome.state == "released"
    assert [p.locale.language_code for p in outcome.pages] == ["ja"]
    assert versions(statement)["ja"].live
    assert PageLogEntry.objects.filter(action="statements.release").count() == 2


def test_the_precheck_tells_who_can_fix_what_once(ready, django_capture_on_commit_callbacks):
    from statements.models import Approval
    from statements.release_triggers import precheck_due

    statement, drafter, approvers = ready
    drafter.email = "drafter@example.org"
    drafter.save()
    for code, user in approvers.items():
        user.email = f"{code.lower()}@example.org"
        user.save()
    release = ScheduleReleaseAction(statement, drafter).execute()
    # Outside the pre-check window nothing is sent.
    with django_capture_on_commit_callbacks(execute=True):
        assert precheck_due() == 0
    Release.objects.filter(pk=release.pk).update(
        release_at=timezone.now() + datetime.timedelta(minutes=10)
    )
    Approval.objects.filter(subject="translation", language_code="ja").update(state="void")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert precheck_due() == 1
    recipients = {address for message in mail.outbox for address in message.to}
    assert {"drafter@example.org", "jp@example.org"} <= recipients
    assert "fr@example.org" not in recipients
    assert all("Japanese: waiting for approval by Japan" in m.body for m in mail.outbox)
    assert all(statement.title not in m.body for m in mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        assert precheck_due() == 0  # once per instant


def test_statement_released_purges_every_language_url_after_commit(
    ready, settings, django_capture_on_commit_callbacks
):
    from statements.signals import statement_released

    settings.WAGTAILFRONTENDCACHE = {
        "recorder": {"BACKEND": "tests.statements.test_release.RecordingBackend"}
    }
    RecordingBackend.purged.clear()
    received = []
    statement_released.connect(
        lambda sender, release, pages, **kw: received.append(len(pages)),
        weak=False,
        dispatch_uid="test-received",
    )
    statement, drafter, _approvers = ready
    release = ScheduleReleaseAction(statement, drafter).execute()
    make_due(release)
    try:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            ReleaseStatementAction(release.pk).execute()
        assert RecordingBackend.purged == []  # nothing before the commit
        for callback in callbacks:
            callback()
    finally:
        statement_released.disconnect(dispatch_uid="test-received")
    assert received == [3]
    purged = " ".join(RecordingBackend.purged)
    for code in ("en", "fr", "ja"):
        assert factories.path_of(statement, code) in purged


class RecordingBackend:
    purged = []

    def __init__(self, params):
        pass

    def purge(self, url):
        self.purged.append(url)

    def purge_batch(self, urls):
        self.purged.extend(urls)

    def invalidates_hostname(self, hostname):
        return True


def test_a_near_release_queues_its_task_just_before_the_instant(
    ready, settings, monkeypatch, django_capture_on_commit_callbacks
):
    """Outside tests Celery is not eager: scheduling queues an ETA task, a few seconds
    ahead so the release can prepare and commit on the instant; far ones wait."""
    from celery import current_app

    from statements.queries.preparation import prepare_window

    del settings.CELERY_TASK_ALWAYS_EAGER
    calls = []
    task = current_app.tasks["statements.tasks.release_statement_task"]
    monkeypatch.setattr(task, "apply_async", lambda args, eta: calls.append((args, eta)))
    statement, drafter, _approvers = ready
    far = ScheduleReleaseAction(statement, drafter).execute()  # two hours ahead
    assert calls == []
    instant = timezone.now() + datetime.timedelta(minutes=5)
    with django_capture_on_commit_callbacks(execute=True):
        release = MoveReleaseAction(far, drafter, instant).execute()
    assert calls == [((release.pk,), instant - prepare_window(release))]


def test_a_release_prepared_early_becomes_public_on_the_instant(ready):
    from statements.clock import db_now

    statement, drafter, _approvers = ready
    release = ScheduleReleaseAction(statement, drafter).execute()
    instant = db_now() + datetime.timedelta(seconds=1.5)
    Release.objects.filter(pk=release.pk).update(release_at=instant)
    outcome = ReleaseStatementAction(release.pk).execute()
    assert outcome.state == "released"
    release.refresh_from_db()
    assert instant <= release.released_at < instant + datetime.timedelta(seconds=1)
    assert all(p.first_published_at == release.released_at for p in versions(statement).values())
