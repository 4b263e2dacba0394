"""Scale-out on one machine, as `docker compose up --scale web=2 --scale worker=2
--scale clock=2` runs it: two web servers, two Celery workers and two release clocks,
one beat, against one PostgreSQL database and one Redis.

Two run_newsroom supervisors stand for two hosts: the first runs web, worker, beat and
the release clock; the second the same without beat (beat runs once per deployment).
Statements scheduled at near instants are each released exactly once, by whichever
worker or clock comes first, within the same bound as on one stack; both web servers
answer 404 on every language URL before the instant and 200 after it. Then the
active clock is killed before an instant and the other host's clock, standing by
until then, takes over and releases on time.
"""

import signal
import threading
import time

import pytest
from django.db import connections
from wagtail.models import PageLogEntry

from statements.models import Release
from statements.release_triggers import queue_upcoming
from tests.statements.test_release_faults import (
    assert_released_once,
    bring_instant,
    build_world,
    monotonic_deadline,
    ready_statement,
    versions,
    wait_until_released,
)
from tests.statements.test_supervision import LATE_BOUND_S, Stack, get

# Queue each release's Celery task as scheduling does (queue_trigger), its instant
# ``ahead`` seconds from now by the database's clock, in one process so the instants
# are where the test put them. Test settings run tasks eagerly; this process must not.
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
now = db_now()
for pair in sys.argv[1:]:
    release_id, ahead = pair.split("@")
    instant = now + datetime.timedelta(seconds=float(ahead))
    Release.objects.filter(pk=int(release_id)).update(release_at=instant, queued_for=None)
    assert queue_trigger(int(release_id)), f"queue_trigger declined {release_id}"
    assert Release.objects.get(pk=int(release_id)).queued_for == instant
print("queued", flush=True)
"""


class Readers(threading.Thread):
    """Readers refreshing every language URL on every web server across the instants;
    each answer is kept with the time it was received."""

    def __init__(self, urls):
        super().__init__(daemon=True)
        self.urls = urls
        self.answers = {url: [] for url in urls}
        self.stopping = threading.Event()

    def run(self):
        while not self.stopping.is_set():
            for url in self.urls:
                # The time the answer came back (evaluated after ``get``): a request
                # sent a moment before the instant may rightly be answered 200 after it.
                status = get(url)
                self.answers[url].append((time.time(), status))
            self.stopping.wait(0.1)

    def finish(self):
        self.stopping.set()
        self.join(timeout=30)

    def assert_embargo_then_live(self, url, instant):
        """404 until the release, 200 from then on: nothing else, never back to 404,
        and no 200 before the instant."""
        statuses = [status for _at, status in self.answers[url]]
        assert statuses, url
        assert set(statuses) <= {404, 200}, (url, statuses)
        first = statuses.index(200) if 200 in statuses else len(statuses)
        assert 404 not in statuses[first:], (url, statuses)
        assert 200 in statuses, (url, statuses)
        early = [at for at, status in self.answers[url] if status == 200 and at < instant]
        assert not early, (url, instant, early)


def which(stacks, *parts):
    """The stacks whose output has a line with every one of ``parts``."""
    return [name for name, stack in stacks.items() if stack.count(*parts)]


def wait_for_one_active_clock(stacks, timeout=30):
    deadline = time.monotonic() + timeout
    while not which(stacks, "release clock: active"):
        assert time.monotonic() < deadline, {n: s.tail(2000) for n, s in stacks.items()}
        time.sleep(0.1)
    time.sleep(2)  # two polls of the other clock: it must still be standing by
    active = which(stacks, "release clock: active")
    assert len(active) == 1, {n: s.tail(2000) for n, s in stacks.items()}
    return active[0]


def assert_released_once_by_one_process(stacks, statement, release, active_clock):
    """Released once, in every language, by one worker or clock of one stack, within
    the bound; returns which."""
    assert_released_once(statement, release)
    release.refresh_from_db()
    assert release.released_by in {"worker", "clock"}, release.released_by
    assert 0 <= release.lag_seconds <= LATE_BOUND_S, release.lag_seconds
    released_in = set()
    for code, page in versions(statement).items():
        line = f"released {page.pk} ({code}) via {release.released_by}, "
        deadline = time.monotonic() + 20
        while not which(stacks, line):
            assert time.monotonic() < deadline, (code, release.released_by)
            time.sleep(0.1)
        counts = {name: stack.count(line) for name, stack in stacks.items()}
        assert sorted(counts.values()) == [0, 1], (code, counts)
        released_in |= {name for name, count in counts.items() if count}
    assert len(released_in) == 1, released_in
    (stack_name,) = released_in
    if release.released_by == "clock":
        assert stack_name == active_clock, (stack_name, active_clock)
        assert which(stacks, f"release clock: released release {release.pk}") == [stack_name]
    print(
        f"release {release.pk}: by the {release.released_by} of stack {stack_name}, "
        f"{release.lag_seconds:.3f}s after the instant"
    )
    return stack_name, release.released_by


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_two_stacks_release_each_statement_once_and_a_standby_clock_takes_over(
    require_postgres, redis_url, tmp_path
):
    world = build_world()
    scheduled = [ready_statement(world, slug=f"scale-{n}") for n in range(1, 5)]
    env = {"REDIS_URL": redis_url, "RELEASE_SWEEP_SECONDS": "3600"}
    stacks = {
        "a": Stack(tmp_path / "a", **env),
        "b": Stack(tmp_path / "b", without=("beat",), **env),
    }
    readers = None
    try:
        for stack in stacks.values():
            stack.wait_ready(clock_active=False)
        assert stacks["a"].count("beat: Starting") == 1
        assert not stacks["b"].count("beat: Starting"), "the second stack runs a beat"
        active = wait_for_one_active_clock(stacks)
        standby = next(name for name in stacks if name != active)

        urls = {
            statement.pk: [
                stack.base + page.url
                for page in versions(statement).values()
                for stack in stacks.values()
            ]
            for statement, _release in scheduled
        }
        for statement_urls in urls.values():
            for url in statement_urls:
                assert get(url) == 404, url  # and kept as such in the shared cache
        readers = Readers([url for statement_urls in urls.values() for url in statement_urls])
        readers.start()

        # Three statements at two near instants: each has its ETA task in Redis, which
        # either worker may take, and both clocks poll for it.
        first = scheduled[:3]
        aheads = (7, 7, 8)
        stacks["b"].run(
            QUEUE_SCRIPT, *(f"{r.pk}@{a}" for (_s, r), a in zip(first, aheads, strict=True))
        )
        for _statement, release in first:
            release.refresh_from_db()
            assert release.state == Release.State.SCHEDULED, "released before its instant"
        for _statement, release in first:
            deadline = monotonic_deadline(release.release_at, LATE_BOUND_S)
            released = wait_until_released(release, deadline, *(s.process for s in stacks.values()))
            assert released, {n: s.tail(3000) for n, s in stacks.items()}
        by = [assert_released_once_by_one_process(stacks, *pair, active) for pair in first]

        # The active clock dies before an instant that only a clock will act on (no ETA
        # task, the sweep an hour away): the other host's clock takes over.
        statement, release = scheduled[3]
        instant = bring_instant(release, 5)
        stacks[active].kill("clock")
        stacks[active].process.wait_for("exited: clock (terminated by SIGKILL; not expected)")
        deadline = monotonic_deadline(instant, LATE_BOUND_S)
        released = wait_until_released(release, deadline, *(s.process for s in stacks.values()))
        assert released, {n: s.tail(3000) for n, s in stacks.items()}
        assert stacks[standby].count("release clock: active") == 1
        assert_released_once_by_one_process(stacks, statement, release, standby)
        release.refresh_from_db()
        assert release.released_by == "clock"
        # The killed clock was restarted, and stands by.
        stacks[active].wait_for_count(2, "release clock: polling")
        assert stacks[active].count("release clock: active") == 1
        time.sleep(1)

        readers.finish()
        for statement, release in scheduled:
            release.refresh_from_db()
            for url in urls[statement.pk]:
                readers.assert_embargo_then_live(url, release.release_at.timestamp())
                assert get(url) == 200, url
        assert PageLogEntry.objects.filter(action="statements.release").count() == 4
        stacks[active].assert_only_restarted("clock")
        stacks[standby].assert_only_restarted()
        print("first three released by", by)
    finally:
        if readers is not None:
            readers.finish()
        for stack in stacks.values():
            if stack.process.popen.poll() is None:
                stack.process.popen.send_signal(signal.SIGTERM)
        for stack in stacks.values():
            stack.stop()


@pytest.mark.django_db(transaction=True)
def test_two_sweeps_at_once_queue_each_release_once(require_postgres):
    """Two beats would sweep at the same moment: each release's task is still queued
    once (queue_trigger locks the release row and records what it queued)."""
    world = build_world()
    releases = [ready_statement(world, slug=f"sweep-{n}")[1] for n in range(3)]
    for release in releases:
        bring_instant(release, 60)
    barrier = threading.Barrier(2)
    queued, errors = [], []

    def sweep():
        try:
            barrier.wait(timeout=10)
            queued.append(queue_upcoming())
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
    assert sum(queued) == len(releases), queued
    for release in releases:
        release.refresh_from_db()
        assert release.queued_for == release.release_at
    assert queue_upcoming() == 0
