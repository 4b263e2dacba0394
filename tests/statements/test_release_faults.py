"""Faults at the release instant: each ends with every language live exactly once.

The release must not depend on any one moving part. These tests break the parts a
release passes through, for real: no worker, Redis gone, a worker killed in the
middle of a release, the task delivered twice, two sweepers and two release clocks
at once. The release clock and the workers run as separate processes against the
test database, the concurrent callers as threads with their own connections.
"""

import datetime
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.db import connection, connections
from django.test import Client
from wagtail.models import PageLogEntry

from statements.actions.release import PrepareReleaseAction, ReleaseStatementAction
from statements.actions.scheduling import ScheduleReleaseAction
from statements.clock import db_now
from statements.models import Approval, Release, ReleasedPage, StatementPage
from statements.queries.preparation import prepare_window
from statements.release_triggers import precheck_due, run_due
from statements.tasks import FLIP_LEAD_S, release_statement_task, release_sweep_task
from tests import factories
from tests.conftest import skip_or_fail

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = {"en", "fr", "ja"}
# The guarantee: released within 15 seconds of the instant, whatever is down.
GUARANTEE_S = 15.0

# --- helpers ----------------------------------------------------------------------------


def database_url():
    """The test database, for processes started by the test."""
    db = connection.settings_dict
    credentials = db["USER"] or "postgres"
    if db.get("PASSWORD"):
        credentials += f":{db['PASSWORD']}"
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def process_env(**extra):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": database_url(),
        "PYTHONUNBUFFERED": "1",
    }
    env.update(extra)
    return {key: value for key, value in env.items() if value is not None}


class Process:
    """A child process whose output is collected line by line as it comes."""

    def __init__(self, args, env, name, **popen):
        self.name = name
        self.lines = []
        self.popen = subprocess.Popen(
            args,
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            **popen,
        )
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for line in self.popen.stdout:
            self.lines.append(line.rstrip("\n"))

    @property
    def output(self):
        return "\n".join(self.lines)

    def printed(self, text, *more):
        """Whether one line holds ``text`` and every one of ``more``."""
        return any(all(part in line for part in (text, *more)) for line in self.lines)

    def wait_for(self, text, *more, timeout=30):
        deadline = time.monotonic() + timeout
        while not self.printed(text, *more):
            if self.popen.poll() is not None:
                self.reader.join(timeout=5)
                if self.printed(text, *more):
                    return
                pytest.fail(f"{self.name} exited ({self.popen.returncode}):\n{self.tail()}")
            if time.monotonic() > deadline:
                pytest.fail(f"{self.name} did not print {text!r} in {timeout}s:\n{self.tail()}")
            time.sleep(0.05)

    def tail(self, chars=4000):
        return self.output[-chars:]

    def kill(self):
        if self.popen.poll() is None:
            self.popen.send_signal(signal.SIGKILL)
        self.popen.wait(timeout=30)

    def stop(self):
        """Stop it (politely first), however the test went."""
        if self.popen.poll() is None:
            self.popen.terminate()
            try:
                self.popen.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait(timeout=15)
        self.reader.join(timeout=5)


def release_clock(env, interval=0.2):
    return Process(
        [sys.executable, "manage.py", "release_clock", "--interval", str(interval)],
        env,
        "release clock",
    )


def celery_worker(env):
    return Process(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "--pool",
            "solo",
            "--concurrency",
            "1",
            "--without-heartbeat",
            "--without-gossip",
            "--without-mingle",
            "--loglevel",
            "INFO",
        ],
        env,
        "celery worker",
    )


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def own_redis(directory, port=None):
    """A private redis-server on a spare port (or ``port``, to bring one back where it
    was): the test may kill it. Never the shared one."""
    import redis

    if shutil.which("redis-server") is None:
        skip_or_fail("this test needs the redis-server binary on PATH")
    port = port or free_port()
    server = Process(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(directory),
        ],
        os.environ.copy(),
        "redis-server",
    )
    url = f"redis://127.0.0.1:{port}/0"
    deadline = time.monotonic() + 15
    while True:
        try:
            redis.Redis.from_url(url, socket_connect_timeout=1).ping()
            return server, url
        except redis.RedisError:
            if server.popen.poll() is not None or time.monotonic() > deadline:
                server.stop()
                pytest.fail(f"could not start redis-server on port {port}:\n{server.tail()}")
            time.sleep(0.05)


def build_world():
    """The site and the three governments, rebuilt after the last test's flush."""
    return factories.build_site(), factories.standard_governments()


def ready_statement(world=None, slug="faults"):
    """A statement signed and translated (en, fr, ja), its release scheduled two hours
    ahead: each test brings the instant near itself."""
    tree, governments = world or build_world()
    statement, drafter, _approvers = factories.ready_for_release(
        tree["newsrooms"]["en"], governments, lead=governments["CA"], slug=slug
    )
    release = ScheduleReleaseAction(statement, drafter).execute()
    assert release.state == Release.State.SCHEDULED
    return statement, release


def bring_instant(release, seconds):
    """Put the instant ``seconds`` from now by the database's clock; returns it."""
    instant = db_now() + datetime.timedelta(seconds=seconds)
    Release.objects.filter(pk=release.pk).update(release_at=instant, queued_for=None)
    return instant


def versions(statement):
    return {
        page.locale.language_code: page
        for page in StatementPage.objects.filter(translation_key=statement.translation_key)
    }


def assert_nothing_released(statement, release):
    pages = versions(statement)
    assert set(pages) == LANGUAGES
    assert not [code for code, page in pages.items() if page.live], "a language went live"
    assert not ReleasedPage.objects.filter(page__in=pages.values()).exists()
    assert not PageLogEntry.objects.filter(
        page_id=statement.pk, action="statements.release"
    ).exists()
    release.refresh_from_db()
    assert release.state == Release.State.SCHEDULED
    assert release.released_at is None


def assert_released_once(statement, release):
    """Every language live, one ReleasedPage each, one release log entry, all at one time."""
    pages = versions(statement)
    assert set(pages) == LANGUAGES
    assert all(page.live for page in pages.values()), {c: p.live for c, p in pages.items()}
    release.refresh_from_db()
    assert release.state == Release.State.RELEASED
    assert release.released_at is not None
    assert release.released_at >= release.release_at, "released before its instant"
    assert {page.first_published_at for page in pages.values()} == {release.released_at}
    released = ReleasedPage.objects.filter(release=release)
    assert sorted(released.values_list("language_code", flat=True)) == sorted(LANGUAGES)
    assert ReleasedPage.objects.filter(page__in=pages.values()).count() == len(LANGUAGES)
    assert (
        PageLogEntry.objects.filter(page_id=statement.pk, action="statements.release").count() == 1
    )
    assert Release.objects.filter(statement_id=statement.pk).count() == 1


def wait_until_released(release, deadline, *processes):
    """Poll the database until the release is made or the monotonic deadline passes."""
    while time.monotonic() < deadline:
        state = Release.objects.filter(pk=release.pk).values_list("state", flat=True).get()
        if state == Release.State.RELEASED:
            return True
        for process in processes:
            if process.popen.poll() is not None:
                pytest.fail(
                    f"{process.name} exited ({process.popen.returncode}):\n{process.tail()}"
                )
        time.sleep(0.1)
    return False


def monotonic_deadline(instant, slack):
    """The monotonic time at which ``instant`` (a database time) plus ``slack`` passes."""
    return time.monotonic() + (instant - db_now()).total_seconds() + slack


# Queue the release's Celery task as the scheduling path does (queue_trigger), to the
# broker named by REDIS_URL. Test settings run tasks eagerly; this process must not.
QUEUE_SCRIPT = """
import datetime, sys
import django
django.setup()
from django.conf import settings
from config.celery import app
settings.CELERY_TASK_ALWAYS_EAGER = False
app.conf.task_always_eager = False
from statements.models import Release
from statements.clock import db_now
from statements.actions.scheduling import queue_trigger
release_id, ahead = int(sys.argv[1]), float(sys.argv[2])
instant = db_now() + datetime.timedelta(seconds=ahead)
Release.objects.filter(pk=release_id).update(release_at=instant, queued_for=None)
assert queue_trigger(release_id), "queue_trigger declined"
queued = Release.objects.get(pk=release_id).queued_for
assert queued == instant, f"the task was not queued (queued_for={queued})"
print("queued for", instant.isoformat(), flush=True)
"""

# A worker that dies half-way through a release, at one of its two steps, and waits
# there to be killed: "prepare" after staging the first language's text on its row
# (not live), "flip" after every language went live inside the flip's transaction.
HALFWAY_SCRIPT = """
import sys, time
import django
django.setup()
from statements.actions import release as module
point = sys.argv[2]
if point == "prepare":
    original = module.PrepareReleaseAction._stage
    def stall(page, release, statement):
        entry = original(page, release, statement)
        live = module.StatementPage.objects.get(pk=entry["page"]).live
        print("half-way: prepare staged page", entry["page"], "live", live, flush=True)
        time.sleep(600)
    module.PrepareReleaseAction._stage = staticmethod(stall)
else:
    original = module.ReleaseStatementAction._go_live
    def stall(self, release, statement):
        outcome = original(self, release, statement)
        live = all(module.StatementPage.objects.get(pk=pk).live for pk in outcome.pages)
        print("half-way: flip made", len(outcome.pages), "pages live", live, flush=True)
        time.sleep(600)
    module.ReleaseStatementAction._go_live = stall
module.ReleaseStatementAction(int(sys.argv[1]), via="worker").execute()
print("the release finished: it should have been killed", flush=True)
"""


# --- the faults ---------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_worker_down_the_release_clock_releases_on_time(require_postgres):
    """No Celery worker at all: the release clock, needing only the database, releases
    within the guarantee; the task delivered late, when a worker is back, does nothing."""
    statement, release = ready_statement()
    clock = release_clock(process_env())
    try:
        clock.wait_for("release clock: active")
        instant = bring_instant(release, 2)
        assert_nothing_released(statement, release)
        released = wait_until_released(release, monotonic_deadline(instant, GUARANTEE_S), clock)
        assert released, f"not released within {GUARANTEE_S}s of the instant:\n{clock.tail()}"
        clock.wait_for(f"release clock: released release {release.pk}", timeout=10)
    finally:
        clock.stop()
    assert_released_once(statement, release)
    release.refresh_from_db()
    assert release.released_by == "clock"
    assert 0 <= release.lag_seconds <= GUARANTEE_S
    # The worker comes back and runs the task queued for the instant: a no-op.
    assert release_statement_task.apply(args=(release.pk,)).get() == "noop"
    assert_released_once(statement, release)


@pytest.mark.django_db(transaction=True)
def test_redis_down_the_release_clock_releases_on_time(require_postgres, redis_url, tmp_path):
    """The task is queued in Redis (through queue_trigger) and taken by a worker; then
    Redis dies before the instant, and the task with it: the worker, which held it
    for its ETA, loses it. The release clock, configured with the same dead Redis,
    releases on time regardless."""
    statement, release = ready_statement()
    redis_server, private_url = own_redis(tmp_path)
    env = process_env(REDIS_URL=private_url)
    worker = clock = None
    try:
        worker = celery_worker(env)
        clock = release_clock(env)
        worker.wait_for(" ready.", timeout=60)
        clock.wait_for("release clock: active")

        queue = subprocess.run(
            [sys.executable, "-c", QUEUE_SCRIPT, str(release.pk), "6"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert queue.returncode == 0, queue.stdout + queue.stderr
        release.refresh_from_db()
        instant = release.release_at
        assert release.queued_for == instant
        # Celery 5 logs "Task statements.tasks.release_statement_task[<id>] received".
        worker.wait_for("statements.tasks.release_statement_task[", "received", timeout=20)

        redis_server.kill()
        seconds_left = (instant - db_now()).total_seconds()
        assert seconds_left > 0, (
            "Redis must be down before the instant for this test to mean anything"
        )
        assert_nothing_released(statement, release)

        released = wait_until_released(release, monotonic_deadline(instant, GUARANTEE_S), clock)
        assert released, (
            f"not released within {GUARANTEE_S}s of the instant:\n"
            f"--- clock\n{clock.tail()}\n--- worker\n{worker.tail(2000)}"
        )
    finally:
        for process in (clock, worker):
            if process is not None:
                process.stop()
        redis_server.stop()
    assert_released_once(statement, release)
    release.refresh_from_db()
    assert release.released_by == "clock", (release.released_by, worker.tail(3000))
    assert 0 <= release.lag_seconds <= GUARANTEE_S


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("point", "seen"), [("prepare", "live False"), ("flip", "live True")])
def test_worker_killed_half_way_leaves_nothing_partial_and_the_sweep_completes_it(
    require_postgres, point, seen
):
    statement, release = ready_statement()
    bring_instant(release, -1)  # due: the worker has started on it
    worker = Process(
        [sys.executable, "-c", HALFWAY_SCRIPT, str(release.pk), point],
        process_env(),
        "half-way worker",
    )
    try:
        worker.wait_for(f"half-way: {point}", timeout=60)
        assert worker.printed(f"half-way: {point}", seen), worker.tail()
        # Inside the worker's open transaction: nobody sees any of it.
        assert_nothing_released(statement, release)
        client = Client()
        for code, page in versions(statement).items():
            response = client.get(page.url)
            assert response.status_code == 404, (code, page.url, response.status_code)
        worker.kill()
    finally:
        worker.stop()
    assert worker.popen.returncode == -signal.SIGKILL
    assert not worker.printed("the release finished")
    assert_nothing_released(statement, release)

    # The next sweep completes it, once.
    result = release_sweep_task.apply().get()
    assert result["released"] == ["released"]
    assert_released_once(statement, release)
    release.refresh_from_db()
    assert release.released_by == "sweep"
    assert release_sweep_task.apply().get()["released"] == []
    client = Client()
    for code, page in versions(statement).items():
        assert client.get(page.url).status_code == 200, code
    assert_released_once(statement, release)


@pytest.mark.django_db(transaction=True)
def test_the_task_delivered_twice_releases_once(require_postgres):
    """Redis may deliver a task twice (acks_late, visibility timeout): both copies
    arrive just before the instant (within FLIP_LEAD_S), wait for it, and race. Then a
    third comes late."""
    statement, release = ready_statement()
    bring_instant(release, FLIP_LEAD_S * 0.9)
    barrier = threading.Barrier(2)
    results, errors = [], []

    def deliver():
        try:
            barrier.wait(timeout=10)
            # Not inside a task: Celery's "never get() within a task" flag is one per
            # process, and the winner's eager on_commit tasks set it while they run.
            outcome = release_statement_task.apply(args=(release.pk,))
            results.append(outcome.get(disable_sync_subtasks=False))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=deliver) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    assert not errors, errors
    assert sorted(results) == ["noop", "released"]
    assert_released_once(statement, release)
    release.refresh_from_db()
    assert release.released_by == "worker"

    assert release_statement_task.apply(args=(release.pk,)).get() == "noop"
    assert release_statement_task.apply(args=(release.pk,)).get() == "noop"
    assert_released_once(statement, release)


@pytest.mark.django_db(transaction=True)
def test_the_task_prepares_early_and_queues_its_own_flip_for_just_before_the_instant(
    require_postgres, monkeypatch, settings
):
    """A worker's slot is not held through the wait: the task that opens the window
    prepares, queues itself again for FLIP_LEAD_S before the instant, and returns."""
    statement, release = ready_statement()
    instant = bring_instant(release, 3.5)  # inside the least window (RELEASE_PREPARE_MS)
    queued = []
    settings.CELERY_TASK_ALWAYS_EAGER = False  # as in production: queued, not run at once
    monkeypatch.setattr(
        release_statement_task, "apply_async", lambda args, eta: queued.append((args, eta))
    )
    assert release_statement_task.apply(args=(release.pk,)).get() == "prepared"
    release.refresh_from_db()
    assert release.state == Release.State.SCHEDULED
    assert release.prepared["for"] == instant.isoformat()
    assert release.prepared_languages == len(versions(statement))
    [(args, eta)] = queued
    assert args == (release.pk,)
    flip_at = instant - datetime.timedelta(seconds=FLIP_LEAD_S)
    assert abs((eta - flip_at).total_seconds()) < 0.5
    assert_nothing_released(statement, release)

    # Queued earlier than its window now opens (the window is measured again when the
    # task arrives): it comes back when the window opens, having prepared nothing.
    Release.objects.filter(pk=release.pk).update(prepared={})
    instant = bring_instant(release, 20)
    queued.clear()
    assert release_statement_task.apply(args=(release.pk,)).get() == "not_due"
    [(args, eta)] = queued
    release.refresh_from_db()
    assert release.prepared == {}
    opens = instant - prepare_window(release)
    assert abs((eta - opens).total_seconds()) < 0.5


@pytest.mark.django_db(transaction=True)
def test_a_preparation_under_way_elsewhere_is_skipped_not_waited_for(require_postgres):
    """Another process holds the release while it prepares 24 languages: a second
    trigger goes on with its other releases at once, and flips once that is done."""
    import psycopg  # only this test holds a row lock from a second session

    statement, release = ready_statement()
    bring_instant(release, 2)
    with psycopg.connect(database_url()) as other:
        other.execute("SELECT id FROM statements_release WHERE id = %s FOR UPDATE", [release.pk])
        started = time.monotonic()
        assert PrepareReleaseAction(release.pk).execute().state == "busy"
        assert time.monotonic() - started < 1.0
        other.rollback()
    assert PrepareReleaseAction(release.pk).execute().state == "prepared"
    assert ReleaseStatementAction(release.pk).execute().state == "released"
    assert_released_once(statement, release)


@pytest.mark.django_db(transaction=True)
def test_two_sweepers_at_once_release_once(require_postgres, caplog):
    statement, release = ready_statement()
    bring_instant(release, -1)
    barrier = threading.Barrier(2)
    results, errors = [], []

    def sweep():
        try:
            barrier.wait(timeout=10)
            results.append([outcome.state for outcome in run_due(via="sweep")])
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    with caplog.at_level(logging.WARNING, logger="communique.release"):
        threads = [threading.Thread(target=sweep) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    assert not errors, errors
    # run_due logs (rather than raises) a failed release: there must be none.
    failures = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert not failures, [r.getMessage() for r in failures]
    flat = sorted(state for states in results for state in states)
    # The loser either saw the release already made ([]) or waited for the lock ("noop").
    assert flat in (["released"], ["noop", "released"]), results
    assert_released_once(statement, release)
    assert run_due(via="sweep") == []
    assert_released_once(statement, release)


@pytest.mark.django_db(transaction=True)
def test_two_beats_at_once_send_the_precheck_once(require_postgres):
    """Two beats (or a beat and a shell) sweep at the same moment: whoever claims the
    release's pre-check tells the people; the other tells nobody."""
    statement, release = ready_statement()
    bring_instant(release, 600)
    Approval.objects.filter(subject="translation", language_code="ja").update(state="void")
    barrier = threading.Barrier(2)
    told, errors = [], []

    def sweep():
        try:
            barrier.wait(timeout=10)
            told.append(precheck_due())
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=sweep) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    assert sorted(told) == [0, 1]
    assert precheck_due() == 0


@pytest.mark.django_db(transaction=True)
def test_two_release_clocks_one_active_releases_once_and_the_standby_takes_over(
    require_postgres,
):
    """Two clocks on PostgreSQL: one holds the advisory lock and releases; the other
    stands by, and takes over when the active one dies."""
    world = build_world()
    statement, release = ready_statement(world)
    later_statement, later_release = ready_statement(world, slug="faults-later")
    env = process_env()
    clocks = [release_clock(env), release_clock(env)]
    try:
        for clock in clocks:
            clock.wait_for("release clock: polling")
        deadline = time.monotonic() + 15
        while not any(clock.printed("release clock: active") for clock in clocks):
            assert time.monotonic() < deadline, [clock.tail() for clock in clocks]
            time.sleep(0.05)
        time.sleep(1)  # several polls each: the standby must still be standing by
        active = [clock for clock in clocks if clock.printed("release clock: active")]
        assert len(active) == 1, [clock.output for clock in clocks]
        active = active[0]
        standby = next(clock for clock in clocks if clock is not active)

        instant = bring_instant(release, 1.5)
        released = wait_until_released(release, monotonic_deadline(instant, GUARANTEE_S), *clocks)
        assert released, [clock.tail() for clock in clocks]
        active.wait_for(f"release clock: released release {release.pk}", timeout=10)
        assert not standby.printed("release clock: active"), standby.output
        assert not standby.printed("released release"), standby.output

        # The active clock dies without a word; its session ends and the lock with it.
        active.kill()
        standby.wait_for("release clock: active", timeout=GUARANTEE_S)
        later_instant = bring_instant(later_release, 1.5)
        released = wait_until_released(
            later_release, monotonic_deadline(later_instant, GUARANTEE_S), standby
        )
        assert released, standby.tail()
        standby.wait_for(f"release clock: released release {later_release.pk}", timeout=10)
    finally:
        for clock in clocks:
            clock.stop()
    assert_released_once(statement, release)
    assert_released_once(later_statement, later_release)
    assert PageLogEntry.objects.filter(action="statements.release").count() == 2
    assert sum(clock.output.count("release clock: released release") for clock in clocks) == 2


@pytest.mark.django_db(transaction=True)
def test_a_task_run_in_process_early_prepares_once_and_does_not_run_itself_again(
    require_postgres,
):
    """Tasks run in-process (CELERY_TASK_ALWAYS_EAGER) would run a re-queued copy at
    once, which would queue another: the early task prepares and stops there."""
    statement, release = ready_statement()
    bring_instant(release, 3.5)
    assert release_statement_task.apply(args=(release.pk,)).get() == "prepared"
    assert_nothing_released(statement, release)
