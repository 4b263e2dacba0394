"""Faults at the release instant, through the supervisor `make run` uses.

test_release_faults.py breaks the parts of a release one process at a time; here the
whole stack runs as `make run` runs it (run_newsroom: supervisord over gunicorn, a
Celery worker, beat and the release clock, with dev settings) against the test
database, and a part of it dies: the worker in the middle of a release, the release
clock just before an instant, Redis before an instant. Each ends with every language
live exactly once soon after the instant, one release log entry, one log line per
language, the public pages answering 200 throughout, and nothing but the broken part
restarted.
"""

import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import psycopg
import pytest
from django.db import DatabaseError, transaction

from statements.management.commands.release_clock import ADVISORY_LOCK_KEY
from statements.models import Release
from tests.statements.test_release_faults import (
    QUEUE_SCRIPT,
    ROOT,
    Process,
    assert_released_once,
    bring_instant,
    build_world,
    database_url,
    free_port,
    monotonic_deadline,
    own_redis,
    process_env,
    ready_statement,
    versions,
    wait_until_released,
)
from tests.statements.test_run_newsroom import session_processes

# How late after its instant a release may land here. The release itself takes about
# a second; the bound is for a loaded CI machine booting Django in a restarted child.
LATE_BOUND_S = 10.0
PROGRAMS = ("web", "worker", "beat", "clock")


class Stack:
    """run_newsroom in a session of its own, on a spare port, against the test database."""

    def __init__(self, tmp_path, without=(), **env):
        """``without`` leaves programs out (run_newsroom --without), as a second
        stack against the same database and Redis leaves out beat."""
        self.programs = [name for name in PROGRAMS if name not in without]
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = process_env(
            DJANGO_SETTINGS_MODULE="config.settings.dev",
            COMMUNIQUE_VAR_DIR=str(tmp_path),
            BASE_URL=self.base,
            **env,
        )
        self.process = Process(
            [
                sys.executable,
                "manage.py",
                "run_newsroom",
                "--port",
                str(self.port),
                *(f"--without={name}" for name in without),
            ],
            self.env,
            "run_newsroom",
            start_new_session=True,
        )

    def pids(self, name):
        """Every pid supervisord started ``name`` with, first to last."""
        pattern = re.compile(rf"spawned: '{name}' with pid (\d+)")
        return [int(m.group(1)) for line in self.process.lines for m in pattern.finditer(line)]

    def count(self, *parts):
        return sum(all(part in line for part in parts) for line in self.process.lines)

    def wait_for_count(self, count, *parts, timeout=60):
        deadline = time.monotonic() + timeout
        while self.count(*parts) < count:
            if time.monotonic() > deadline:
                pytest.fail(f"{parts!r} not printed {count} times in {timeout}s:\n{self.tail()}")
            time.sleep(0.1)

    def wait_ready(self, clock_active=True):
        for name in self.programs:
            self.process.wait_for(f"success: {name} entered RUNNING state", timeout=90)
        self.process.wait_for("celery@", "ready.", timeout=90)
        if "beat" in self.programs:
            self.process.wait_for("beat: Starting", timeout=60)
        self.process.wait_for("release clock: polling", timeout=60)
        if clock_active:
            self.process.wait_for("release clock: active", timeout=30)
        deadline = time.monotonic() + 60
        while get(self.base + "/en/") != 200:
            assert time.monotonic() < deadline, f"gunicorn does not answer:\n{self.tail()}"
            time.sleep(0.2)

    def kill(self, name):
        """SIGKILL a program and everything it started (its own process group)."""
        os.killpg(self.pids(name)[-1], signal.SIGKILL)

    def assert_only_restarted(self, *restarted):
        """Each program started once but those named, which were started again after
        exiting; nothing else ever exited."""
        for name in self.programs:
            if name in restarted:
                assert len(self.pids(name)) >= 2, f"{name} was not restarted:\n{self.tail()}"
            else:
                assert len(self.pids(name)) == 1, f"{name} was restarted:\n{self.tail()}"
                assert not self.count(f"exited: {name} "), f"{name} exited:\n{self.tail()}"

    def run(self, script, *args):
        """A script in the stack's environment (its settings, broker and database)."""
        done = subprocess.run(
            [sys.executable, "-c", script, *map(str, args)],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr

    def tail(self, chars=6000):
        return self.process.tail(chars)

    def stop(self):
        """SIGTERM, as a process manager would; then nothing of the session may remain."""
        popen = self.process.popen
        if popen.poll() is None:
            popen.send_signal(signal.SIGTERM)
            try:
                popen.wait(timeout=90)
            except subprocess.TimeoutExpired:
                for pid in session_processes(popen.pid):
                    os.kill(pid, signal.SIGKILL)
                pytest.fail(f"run_newsroom did not stop:\n{self.tail()}")
        self.process.reader.join(timeout=5)
        deadline = time.monotonic() + 10
        while session_processes(popen.pid):
            assert time.monotonic() < deadline, session_processes(popen.pid)
            time.sleep(0.2)


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except (urllib.error.URLError, OSError) as error:
        return repr(error)


class Reader(threading.Thread):
    """Fetches public pages over and over, as readers waiting for a statement do."""

    def __init__(self, urls):
        super().__init__(daemon=True)
        self.urls = urls
        self.answers = []
        self.stopping = threading.Event()

    def run(self):
        while not self.stopping.is_set():
            for url in self.urls:
                self.answers.append((url, get(url)))
            self.stopping.wait(0.2)

    def finish(self):
        self.stopping.set()
        self.join(timeout=30)
        failed = [(url, status) for url, status in self.answers if status != 200]
        assert len(self.answers) > 2 * len(self.urls), self.answers
        assert not failed, (
            f"{len(failed)} of {len(self.answers)} answers were not 200: {failed[:5]}"
        )


def public_pages(stack, tree):
    pages = [*tree["homes"].values(), *tree["newsrooms"].values()]
    return [stack.base + page.url for page in pages]


def assert_released_once_and_logged(stack, statement, release, via):
    assert_released_once(statement, release)
    release.refresh_from_db()
    assert release.released_by == via, (release.released_by, stack.tail())
    assert 0 <= release.lag_seconds <= LATE_BOUND_S, release.lag_seconds
    print(f"released by the {via} {release.lag_seconds:.3f}s after the instant")
    for code, page in versions(statement).items():
        # Logged after the commit's own callbacks, which may wait on a broker that is down.
        stack.wait_for_count(1, f"released {page.pk} ({code}) via", timeout=20)
        lines = [line for line in stack.process.lines if f"released {page.pk} ({code}) via" in line]
        assert len(lines) == 1, (code, lines)
        assert f"via {via}, " in lines[0], lines[0]
        assert stack.count("communique.release", f"released {page.pk} ({code}) via") == 1
        assert get(stack.base + page.url) == 200, (code, page.url)


def release_row_locked(release):
    """Whether a release's transaction (which holds its row) is open somewhere now."""
    try:
        with transaction.atomic():
            list(Release.objects.select_for_update(nowait=True).filter(pk=release.pk))
    except DatabaseError:
        return True
    return False


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_worker_killed_during_a_release_is_restarted_and_the_clock_releases(
    require_postgres, tmp_path
):
    """The worker takes the release's ETA task, starts the release (every language
    published inside its transaction, waiting for the instant) and is killed, pool and
    all. Nothing is public; supervisord starts a new worker, and the release clock,
    standing by until then, releases on time. Web, beat and clock never stop.

    So that it is the worker that is inside the release, the test holds the clock's
    advisory lock until then, as a second clock on another host would."""
    world = build_world()
    tree = world[0]
    statement, release = ready_statement(world)
    other_clock = psycopg.connect(database_url(), autocommit=True)
    other_clock.execute("SELECT pg_advisory_lock(%s)", [ADVISORY_LOCK_KEY])
    stack = Stack(tmp_path, REDIS_URL=None)
    reader = None
    try:
        stack.wait_ready(clock_active=False)
        reader = Reader(public_pages(stack, tree))
        reader.start()
        stack.run(QUEUE_SCRIPT, release.pk, 8)
        release.refresh_from_db()
        instant = release.release_at
        stack.process.wait_for("statements.tasks.release_statement_task[", "received")
        deadline = monotonic_deadline(instant, 0)
        while not release_row_locked(release):
            assert time.monotonic() < deadline, f"the worker never began:\n{stack.tail()}"
            time.sleep(0.05)

        stack.kill("worker")
        assert monotonic_deadline(instant, 0) > time.monotonic(), "killed after the instant"
        release.refresh_from_db()
        assert release.state == Release.State.SCHEDULED, "released before the kill"
        other_clock.close()  # that host dies too: its lock goes with its session

        released = wait_until_released(release, monotonic_deadline(instant, LATE_BOUND_S))
        assert released, f"not released within {LATE_BOUND_S}s:\n{stack.tail()}"
        stack.process.wait_for("exited: worker (terminated by SIGKILL; not expected)")
        stack.wait_for_count(2, "celery@", "ready.", timeout=60)
        reader.finish()
        assert_released_once_and_logged(stack, statement, release, "clock")
        stack.assert_only_restarted("worker")
    finally:
        other_clock.close()
        stack.stop()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_release_clock_killed_before_the_instant_is_restarted_and_releases(
    require_postgres, tmp_path
):
    """The release clock is killed five seconds before an instant that only it will
    act on (no ETA task, the sweep an hour away): supervisord starts it again and the
    new clock releases soon after the instant. Nothing else stops."""
    world = build_world()
    tree = world[0]
    statement, release = ready_statement(world)
    stack = Stack(tmp_path, REDIS_URL=None, RELEASE_SWEEP_SECONDS="3600")
    try:
        stack.wait_ready()
        reader = Reader(public_pages(stack, tree))
        reader.start()
        instant = bring_instant(release, 5)
        stack.kill("clock")
        stack.process.wait_for("exited: clock (terminated by SIGKILL; not expected)")

        released = wait_until_released(release, monotonic_deadline(instant, LATE_BOUND_S))
        assert released, f"not released within {LATE_BOUND_S}s:\n{stack.tail()}"
        assert stack.count("release clock: polling") == 2
        reader.finish()
        assert_released_once_and_logged(stack, statement, release, "clock")
        stack.assert_only_restarted("clock")
    finally:
        stack.stop()


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_redis_stopped_before_the_instant_the_clock_releases_and_the_worker_reconnects(
    require_postgres, redis_url, tmp_path
):
    """The stack runs on a private Redis; the worker holds the release's ETA task when
    Redis dies ten seconds before the instant. The release clock releases on time; the
    worker neither exits nor is restarted (Celery 5.7.0 exited here, docs/adr/0008), and
    runs tasks again once Redis is back."""
    world = build_world()
    tree = world[0]
    statement, release = ready_statement(world)
    redis_server, private_url = own_redis(tmp_path)
    port = int(private_url.rsplit(":", 1)[1].split("/")[0])
    stack = Stack(tmp_path, REDIS_URL=private_url)
    try:
        stack.wait_ready()
        assert stack.count("Connected to redis://") == 1
        reader = Reader(public_pages(stack, tree))
        reader.start()
        stack.run(QUEUE_SCRIPT, release.pk, 12)
        release.refresh_from_db()
        instant = release.release_at
        stack.process.wait_for("statements.tasks.release_statement_task[", "received")

        redis_server.kill()
        assert monotonic_deadline(instant, 0) - time.monotonic() > 8, "Redis died too late"
        released = wait_until_released(release, monotonic_deadline(instant, LATE_BOUND_S))
        assert released, f"not released within {LATE_BOUND_S}s:\n{stack.tail()}"
        reader.finish()
        assert_released_once_and_logged(stack, statement, release, "clock")

        redis_server, _url = own_redis(tmp_path, port=port)
        stack.wait_for_count(2, "Connected to redis://", timeout=60)
        stack.run(
            "import django; django.setup(); "
            "from statements.tasks import clear_expired_sessions_task as t; t.delay()"
        )
        stack.process.wait_for("clear_expired_sessions_task[", "succeeded", timeout=30)
        assert not stack.count("Unrecoverable error"), stack.tail()
        assert len(stack.pids("worker")) == 1, f"the worker exited:\n{stack.tail()}"
        assert not stack.count("exited: worker "), stack.tail()
    finally:
        stack.stop()
        redis_server.stop()
