"""A release's side effects: written with the release, delivered after it, each once.

The release writes one outbox row per effect (Wagtail's and our signals, the page and
front-end cache purge, the subscription e-mails) in its own transaction. These tests
break what follows the commit: the cache raising, the broker gone, the releasing
process dying before it ran anything, two sweepers at once, an effect run twice.
"""

import collections
import datetime
import io
import logging
import threading
import time

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connections
from django.test import Client
from django.utils import timezone

from newsroom import page_cache
from statements import outbox
from statements.actions.release import ReleaseStatementAction
from statements.actions.scheduling import ScheduleReleaseAction
from statements.models import Delivery, Release, ReleaseEffect, StatementPage, Subscriber
from statements.release_triggers import run_due
from statements.signals import statement_released
from statements.tasks import deliver_release_effects_task
from tests import factories
from tests.statements.test_release_faults import (
    bring_instant,
    process_env,
    ready_statement,
    release_clock,
)

EFFECTS = ["signals", "purge", "subscriptions", "render"]
LANGUAGES = {"en", "fr", "ja"}


class RecordingBackend:
    """A front-end cache that records what it is asked to purge."""

    purged = []

    def __init__(self, params):
        pass

    def purge(self, url):
        self.purged.append(url)

    def purge_batch(self, urls):
        self.purged.extend(urls)

    def invalidates_hostname(self, hostname):
        return True


class BrokenCache:
    """Django's cache with Redis gone, for the page cache's purge."""

    def __getattr__(self, name):
        def fail(*args, **kwargs):
            raise ConnectionError("Redis is down")

        return fail


@pytest.fixture
def frontend_cache(settings):
    settings.WAGTAILFRONTENDCACHE = {
        "recorder": {"BACKEND": "tests.statements.test_release_outbox.RecordingBackend"}
    }
    RecordingBackend.purged = []
    return RecordingBackend.purged


@pytest.fixture
def ready(site_tree, governments, settings):
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES
    statement, drafter, _approvers = factories.ready_for_release(
        site_tree["newsrooms"]["en"], governments, lead=governments["CA"], slug="outbox"
    )
    return statement, ScheduleReleaseAction(statement, drafter).execute()


@pytest.fixture
def announced():
    """What ``statement_released`` was sent with, by release."""
    received = []
    statement_released.connect(
        lambda sender, release, pages, **kw: received.append((release.pk, len(pages))),
        weak=False,
        dispatch_uid="test-outbox-announced",
    )
    yield received
    statement_released.disconnect(dispatch_uid="test-outbox-announced")


def subscribers(*addresses):
    confirmed = timezone.now() - datetime.timedelta(minutes=5)
    return [
        Subscriber.objects.create(email=address, language_code="en", confirmed_at=confirmed)
        for address in addresses
    ]


def release_now(release, capture, execute=True):
    """Release at once; ``execute=False`` is a process that dies right after the commit."""
    Release.objects.filter(pk=release.pk).update(
        release_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    with capture(execute=execute):
        outcome = ReleaseStatementAction(release.pk).execute()
    assert outcome.state == "released"
    return outcome


def effects(release):
    return {row.effect: row for row in ReleaseEffect.objects.filter(release=release)}


def assert_released(statement, release):
    release.refresh_from_db()
    assert release.state == Release.State.RELEASED
    pages = StatementPage.objects.filter(translation_key=statement.translation_key)
    assert {p.locale.language_code for p in pages if p.live} == LANGUAGES


def make_due(release):
    """Time passes: every pending effect's next attempt comes."""
    ReleaseEffect.objects.filter(release=release).update(
        next_attempt_at=timezone.now() - datetime.timedelta(seconds=1)
    )


def purges_of(purged, statement):
    """How often each language's URL of the statement was purged from the front end."""
    paths = {
        page.url for page in StatementPage.objects.filter(translation_key=statement.translation_key)
    }
    urls = [url for url in purged if url.endswith(tuple(paths))]
    counts = collections.Counter(urls)
    assert len(counts) >= len(LANGUAGES)
    return set(counts.values())


@pytest.mark.django_db
def test_a_failing_purge_leaves_the_release_released_and_a_later_sweep_purges_once(
    ready, frontend_cache, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    statement, release = ready
    monkeypatch.setattr(page_cache, "cache", BrokenCache())
    with caplog.at_level(logging.ERROR, logger="communique.release"):
        release_now(release, django_capture_on_commit_callbacks)

    assert_released(statement, release)
    rows = effects(release)
    assert sorted(rows) == sorted(EFFECTS)
    purge = rows["purge"]
    assert purge.state == ReleaseEffect.State.PENDING
    assert purge.attempts == 1
    assert "Redis is down" in purge.last_error
    assert purge.next_attempt_at > timezone.now()
    assert rows["signals"].state == rows["subscriptions"].state == ReleaseEffect.State.DONE
    assert frontend_cache == []  # the page cache is purged first, and that raised
    logged = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert any(f"release {release.pk}" in m and "purge" in m for m in logged), logged

    # Redis is back; the next attempt is not due yet, then it is.
    monkeypatch.undo()
    assert deliver_release_effects_task()["done"] == 0
    make_due(release)
    assert deliver_release_effects_task() == {"done": 1, "failed": 0, "skipped": 0}
    purge.refresh_from_db()
    assert purge.state == ReleaseEffect.State.DONE and purge.attempts == 2
    assert purge.done_at is not None
    assert purges_of(frontend_cache, statement) == {1}

    make_due(release)
    assert deliver_release_effects_task()["done"] == 0
    assert purges_of(frontend_cache, statement) == {1}


@pytest.mark.django_db
def test_effects_outlive_a_process_that_dies_after_the_commit(
    ready, frontend_cache, announced, django_capture_on_commit_callbacks
):
    statement, release = ready
    subscribers("one@example.org", "two@example.org")
    mail.outbox.clear()
    release_now(release, django_capture_on_commit_callbacks, execute=False)

    assert_released(statement, release)
    rows = effects(release)
    assert sorted(rows) == sorted(EFFECTS)
    assert {row.state for row in rows.values()} == {ReleaseEffect.State.PENDING}
    assert {row.attempts for row in rows.values()} == {0}
    assert announced == [] and frontend_cache == [] and mail.outbox == []

    # An operator's (or cron's) release_due delivers what the dead process did not.
    out = io.StringIO()
    call_command("release_due", stdout=out)
    assert f"release effects: {len(EFFECTS)} done, 0 failed" in out.getvalue()
    assert {row.state for row in effects(release).values()} == {ReleaseEffect.State.DONE}
    assert announced == [(release.pk, len(LANGUAGES))]
    assert purges_of(frontend_cache, statement) == {1}
    assert sorted(m.to[0] for m in mail.outbox) == ["one@example.org", "two@example.org"]

    # Any later sweep does nothing again.
    make_due(release)
    assert deliver_release_effects_task()["done"] == 0
    call_command("release_due", stdout=io.StringIO())
    assert announced == [(release.pk, len(LANGUAGES))]
    assert len(mail.outbox) == 2


@pytest.mark.django_db(transaction=True)
def test_the_release_clock_delivers_effects_without_the_worker(require_postgres, monkeypatch):
    statement, release = ready_statement(slug="clock-effects")
    subscribers("one@example.org")
    bring_instant(release, -1)
    # The releasing process dies after the commit: nothing after it runs.
    monkeypatch.setattr(outbox, "deliver_release", lambda release_id: [])
    assert ReleaseStatementAction(release.pk).execute().state == "released"
    monkeypatch.undo()
    assert {row.state for row in effects(release).values()} == {ReleaseEffect.State.PENDING}

    clock = release_clock(process_env(RELEASE_EFFECT_RETRY_SECONDS="1"), interval=0.2)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if not ReleaseEffect.objects.pending().filter(release=release).exists():
                break
            if clock.popen.poll() is not None:
                pytest.fail(f"the release clock exited:\n{clock.tail()}")
            time.sleep(0.2)
    finally:
        clock.stop()
    rows = effects(release)
    assert {row.state for row in rows.values()} == {ReleaseEffect.State.DONE}, clock.tail()
    assert {row.attempts for row in rows.values()} == {1}
    assert list(
        Delivery.objects.filter(release=release).values_list("subscriber__email", flat=True)
    ) == ["one@example.org"]
    assert Delivery.objects.get(release=release).sent_at is not None
    assert_released(statement, release)


@pytest.mark.django_db
def test_with_the_broker_down_the_emails_wait_for_it_and_go_out_once(
    ready, monkeypatch, django_capture_on_commit_callbacks
):
    from celery import current_app
    from kombu.exceptions import OperationalError

    statement, release = ready
    subscribers("one@example.org")
    task = current_app.tasks["newsroom.tasks.deliver_release_task"]

    def broker_down(*args, **kwargs):
        raise OperationalError("Error 111 connecting to redis:6379. Connection refused.")

    monkeypatch.setattr(task, "delay", broker_down)
    mail.outbox.clear()
    release_now(release, django_capture_on_commit_callbacks)
    assert_released(statement, release)
    subscriptions = effects(release)["subscriptions"]
    assert subscriptions.state == ReleaseEffect.State.PENDING
    assert "Connection refused" in subscriptions.last_error
    assert mail.outbox == []

    monkeypatch.undo()
    make_due(release)
    assert deliver_release_effects_task()["done"] == 1
    assert [m.to for m in mail.outbox] == [["one@example.org"]]


@pytest.mark.django_db
def test_subscription_emails_go_out_once_even_if_the_effect_runs_twice(
    ready, django_capture_on_commit_callbacks
):
    statement, release = ready
    subscribers("one@example.org", "two@example.org")
    mail.outbox.clear()
    release_now(release, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2

    # A process that sent the e-mails died before it marked the effect done: it runs again.
    ReleaseEffect.objects.filter(release=release, effect="subscriptions").update(
        state=ReleaseEffect.State.PENDING, done_at=None
    )
    make_due(release)
    assert deliver_release_effects_task()["done"] == 1
    assert sorted(m.to[0] for m in mail.outbox) == ["one@example.org", "two@example.org"]
    assert Delivery.objects.filter(release=release).count() == 2


@pytest.mark.django_db
def test_an_effect_that_keeps_failing_stays_pending_logged_and_on_health(
    ready, settings, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    settings.COMMUNIQUE_HEALTH_TOKEN = "s3cret"
    settings.COMMUNIQUE_RELEASE_EFFECT_ATTEMPTS = 3
    settings.COMMUNIQUE_RELEASE_EFFECT_RETRY_SECONDS = 10
    statement, release = ready
    monkeypatch.setattr(page_cache, "cache", BrokenCache())
    with caplog.at_level(logging.ERROR, logger="communique.release"):
        release_now(release, django_capture_on_commit_callbacks)
        delays = [(effects(release)["purge"].next_attempt_at - timezone.now()).total_seconds()]
        for _attempt in range(3):
            make_due(release)
            assert deliver_release_effects_task()["failed"] == 1
            purge = effects(release)["purge"]
            delays.append((purge.next_attempt_at - timezone.now()).total_seconds())
    # 10 s, doubled after each failure up to the third, and no further.
    assert [round(d / 10) * 10 for d in delays] == [10, 20, 40, 40]
    assert purge.state == ReleaseEffect.State.PENDING and purge.attempts == 4
    failures = [
        r
        for r in caplog.records
        if r.name == "communique.release" and "purge failed" in r.getMessage()
    ]
    assert len(failures) == 4 and all(r.levelno == logging.ERROR for r in failures)
    assert "needs an operator" in failures[-1].getMessage()
    assert "needs an operator" not in failures[1].getMessage()
    assert_released(statement, release)

    client = Client()
    assert (
        client.get("/health/", HTTP_AUTHORIZATION="Bearer s3cret").json()["checks"][
            "overdue_release_effects"
        ]
        == 0
    )  # not yet a minute
    ReleaseEffect.objects.filter(release=release).update(
        created_at=timezone.now() - datetime.timedelta(minutes=2)
    )
    response = client.get("/health/", HTTP_AUTHORIZATION="Bearer s3cret")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"]["overdue_release_effects"] == 1


@pytest.mark.django_db(transaction=True)
def test_releases_due_at_one_instant_are_all_flipped_before_any_side_effect():
    world = factories.build_site(), factories.standard_governments()
    _statement, first = ready_statement(world, slug="one-instant-1")
    _other, second = ready_statement(world, slug="one-instant-2")
    seen = []

    def probe(release, pages):
        seen.append(
            sorted(
                Release.objects.filter(pk__in=[first.pk, second.pk]).values_list("state", flat=True)
            )
        )

    outbox.register_effect("probe", probe)
    try:
        Release.objects.filter(pk__in=[first.pk, second.pk]).update(
            release_at=timezone.now() - datetime.timedelta(seconds=1)
        )
        outcomes = run_due(via="clock")
    finally:
        outbox.unregister_effect("probe")
    assert sorted(o.state for o in outcomes) == ["released", "released"]
    assert seen == [["released", "released"]] * 2
    assert not ReleaseEffect.objects.pending().exists()


# --- two sweepers -------------------------------------------------------------------------

SLOW_S = 1.0


@pytest.mark.django_db(transaction=True)
def test_two_sweeps_at_once_deliver_each_effect_once_without_waiting_for_each_other(
    require_postgres, monkeypatch
):
    ran = {"slow-1": [], "slow-2": []}

    def slow(name):
        def effect(release, pages):
            ran[name].append(threading.get_ident())
            time.sleep(SLOW_S)

        return effect

    for name in ran:
        outbox.register_effect(name, slow(name))
    try:
        _statement, release = ready_statement(slug="two-sweeps")
        subscribers("one@example.org")
        bring_instant(release, -1)
        # The releasing process dies after the commit: nothing after it runs.
        monkeypatch.setattr(outbox, "deliver_release", lambda release_id: [])
        assert ReleaseStatementAction(release.pk).execute().state == "released"
        monkeypatch.undo()
        mail.outbox.clear()
        assert len(effects(release)) == len(EFFECTS) + 2

        barrier = threading.Barrier(2)
        results, errors = [], []

        def sweep():
            try:
                barrier.wait(timeout=10)
                results.append(deliver_release_effects_task())
            except Exception as exc:  # noqa: BLE001 - reported below
                errors.append(exc)
            finally:
                connections.close_all()

        started = time.monotonic()
        threads = [threading.Thread(target=sweep) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        elapsed = time.monotonic() - started
    finally:
        for name in ran:
            outbox.unregister_effect(name)

    assert not errors, errors
    assert {name: len(threads_) for name, threads_ in ran.items()} == {"slow-1": 1, "slow-2": 1}
    assert sum(result["done"] for result in results) == len(EFFECTS) + 2
    assert sum(result["failed"] for result in results) == 0
    rows = effects(release)
    assert {row.state for row in rows.values()} == {ReleaseEffect.State.DONE}
    assert {row.attempts for row in rows.values()} == {1}
    assert [m.to for m in mail.outbox] == [["one@example.org"]]
    # Each sweeper skipped what the other held: the slow effects ran side by side.
    assert ran["slow-1"] != ran["slow-2"]
    assert elapsed < 2 * SLOW_S, elapsed
