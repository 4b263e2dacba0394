"""Release lag, measured from outside: the instant to each language's first HTTP 200.

On a database and Redis database of its own, this starts what production runs (web
under gunicorn, a Celery worker, the release clock) with production settings, builds
statements signed and translated into seven languages, schedules each for its own
instant a few seconds ahead, and polls every language URL over loopback HTTP. In the
same run it measures Wagtail's default way: ``go_live_at`` on each language of a
plain page, and ``publish_scheduled`` started at each minute as cron would. Last,
through the same gunicorn, it compares the requests per second of a released
statement page (answered from the page cache) with a static file's:
``cached_page_vs_static`` (tests/bench_release/throughput.py).

Needs PostgreSQL (DATABASE_URL) and Redis (REDIS_URL); without them it says why it
skipped. The database named by DATABASE_URL is left alone: the benchmark creates
``communique_bench`` next to it and drops it afterwards, and uses Redis database 7
(BENCH_REDIS_DB) of the same server, emptied before and after.
"""

import concurrent.futures
import contextlib
import datetime
import http.client
import json
import math
import os
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from tests.bench_release.throughput import compare

ROOT = Path(__file__).resolve().parent.parent.parent
BENCH_DATABASE = os.environ.get("BENCH_DATABASE", "communique_bench")
BENCH_REDIS_DB = os.environ.get("BENCH_REDIS_DB", "7")
STATEMENTS = int(os.environ.get("BENCH_RELEASES", "20"))
WAGTAIL_PAGES = int(os.environ.get("BENCH_WAGTAIL_PAGES", "3"))
LEAD_S = 8.0  # first instant, after scheduling starts
STEP_S = 2.0  # between two statements' instants: one statement polled at a time
POLL_S = 0.1  # the poller's interval
PRE_WINDOW_S = 0.3  # polling starts this long before the instant: a 200 then is early
RELEASE_TIMEOUT_S = 60.0
THROUGHPUT_SECONDS = 5.0
THROUGHPUT_READERS = 8
WAGTAIL_TIMEOUT_S = 90.0


class Skipped(Exception):
    """The services the benchmark needs are not there: say so and carry on."""


class BenchFailed(Exception):
    """The benchmark ran and something in the release path did not work."""


# --- small helpers ---------------------------------------------------------------------


def percentile(values, fraction):
    """Nearest-rank percentile: the smallest value with ``fraction`` of values at or below."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def with_path(url, path):
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, path, parts.query, parts.fragment))


def tail(path, chars=3000):
    try:
        return Path(path).read_text(errors="replace")[-chars:]
    except OSError:
        return ""


# --- services ----------------------------------------------------------------------------


def check_services():
    """The bench's own database and Redis URLs, or Skipped with the reason."""
    database_url = os.environ.get("DATABASE_URL", "").strip()
    redis_url = os.environ.get("REDIS_URL", "").strip()
    if not database_url.startswith(("postgres://", "postgresql://")):
        raise Skipped("needs PostgreSQL: set DATABASE_URL=postgres://...")
    if not redis_url.startswith(("redis://", "rediss://")):
        raise Skipped("needs Redis: set REDIS_URL=redis://...")
    try:
        import psycopg
        import redis
    except ImportError as exc:
        raise Skipped(f"{exc.name} is not installed") from exc
    maintenance = with_path(database_url, "/postgres")
    try:
        psycopg.connect(maintenance, connect_timeout=3, autocommit=True).close()
    except psycopg.Error as exc:
        raise Skipped(
            f"PostgreSQL does not answer at {urlsplit(database_url).hostname}: {exc}"
        ) from exc
    bench_redis = with_path(redis_url, f"/{BENCH_REDIS_DB}")
    try:
        redis.Redis.from_url(bench_redis, socket_connect_timeout=3).ping()
    except redis.RedisError as exc:
        raise Skipped(f"Redis does not answer at {urlsplit(redis_url).hostname}: {exc}") from exc
    bin_dir = Path(sys.executable).parent
    for tool in ("gunicorn", "celery"):
        if not (bin_dir / tool).exists():
            raise Skipped(f"{tool} is not installed next to {sys.executable}")
    return maintenance, with_path(database_url, f"/{BENCH_DATABASE}"), bench_redis


def recreate_database(maintenance, drop_only=False):
    import psycopg

    with psycopg.connect(maintenance, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{BENCH_DATABASE}" WITH (FORCE)')
        if not drop_only:
            conn.execute(f'CREATE DATABASE "{BENCH_DATABASE}"')


def flush_redis(url):
    import redis

    redis.Redis.from_url(url, socket_connect_timeout=3).flushdb()


class Services:
    """Subprocesses, each in its own process group, stopped together in ``stop()``."""

    def __init__(self, workdir, env):
        self.workdir = workdir
        self.env = env
        self.processes = {}
        self.logs = {}
        self.handles = []

    def run(self, name, cmd, env=None, timeout=600):
        log = self.workdir / f"{name}.log"
        with open(log, "w") as out:
            result = subprocess.run(
                cmd,
                env=env or self.env,
                cwd=ROOT,
                stdout=out,
                stderr=subprocess.STDOUT,
                timeout=timeout,
            )
        if result.returncode != 0:
            raise BenchFailed(f"{' '.join(cmd)} failed:\n{tail(log)}")
        return log

    def start(self, name, cmd, **kwargs):
        self.logs[name] = self.workdir / f"{name}.log"
        out = open(self.logs[name], "w")  # noqa: SIM115 - closed in stop()
        self.handles.append(out)
        self.processes[name] = subprocess.Popen(
            cmd,
            env=self.env,
            cwd=ROOT,
            stdout=kwargs.pop("stdout", out),
            stderr=out,
            start_new_session=True,
            **kwargs,
        )
        return self.processes[name]

    def log_text(self, name):
        return tail(self.logs[name], 100_000)

    def check_running(self):
        for name, process in self.processes.items():
            if process.poll() is not None and name != "schedule":
                raise BenchFailed(
                    f"{name} exited with {process.returncode}:\n{tail(self.logs[name])}"
                )

    def stop(self):
        for process in self.processes.values():
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        for handle in self.handles:
            handle.close()


class Cron(threading.Thread):
    """``manage.py publish_scheduled`` at the start of every minute, as crontab would."""

    def __init__(self, services):
        super().__init__(daemon=True)
        self.services = services
        self.stopping = threading.Event()
        self.ticks = []  # (start, seconds taken, exit status)

    def run(self):
        log = open(self.services.workdir / "cron.log", "w")  # noqa: SIM115
        with log:
            while True:
                next_minute = (math.floor(time.time() / 60) + 1) * 60
                if self.stopping.wait(max(0.0, next_minute - time.time())):
                    return
                start = time.time()
                try:
                    returncode = subprocess.run(
                        [sys.executable, "manage.py", "publish_scheduled"],
                        env=self.services.env,
                        cwd=ROOT,
                        stdout=log,
                        stderr=subprocess.STDOUT,
                        timeout=55,
                    ).returncode
                except subprocess.TimeoutExpired:
                    returncode = "timeout"
                self.ticks.append((start, time.time() - start, returncode))
                log.flush()

    def stop(self):
        self.stopping.set()
        if self.ident is not None:  # started
            self.join(timeout=60)


# --- the poller -------------------------------------------------------------------------


class Target:
    def __init__(self, kind, group, language, path, instant):
        self.kind = kind  # "release" or "wagtail"
        self.group = group  # statement id, or Wagtail page number
        self.language = language
        self.path = path
        self.instant = instant  # epoch seconds
        self.first_200 = None  # epoch seconds the first 200 was received
        self.last_miss = None  # when the last request before it (not a 200) was sent
        self.requests = 0
        self.errors = 0
        self.odd_statuses = 0  # neither 200 nor 404
        self.wrong_language = False

    @property
    def lag(self):
        """Seconds from the instant to the first 200; infinite if none came in time."""
        return math.inf if self.first_200 is None else self.first_200 - self.instant

    @property
    def timeout(self):
        return RELEASE_TIMEOUT_S if self.kind == "release" else WAGTAIL_TIMEOUT_S

    @property
    def deadline(self):
        return self.instant + self.timeout


class Poller:
    """Every ``POLL_S``: one GET of each pending URL, all at once, over loopback."""

    def __init__(self, port, targets, threads=16):
        self.port = port
        self.targets = targets
        self.local = threading.local()
        self.pool = concurrent.futures.ThreadPoolExecutor(max_workers=threads)
        self.rounds = {"release": [], "wagtail": []}

    def connection(self):
        if getattr(self.local, "conn", None) is None:
            self.local.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        return self.local.conn

    def get(self, target):
        conn = self.connection()
        sent = time.time()
        try:
            conn.request("GET", target.path, headers={"Connection": "keep-alive"})
            response = conn.getresponse()
            body = response.read()
            received = time.time()
        except (OSError, http.client.HTTPException):
            conn.close()
            self.local.conn = None
            target.errors += 1
            return
        target.requests += 1
        if response.status not in (200, 404):
            target.odd_statuses += 1
        if response.status != 200 and target.first_200 is None:
            target.last_miss = sent
        if response.status == 200 and target.first_200 is None:
            target.first_200 = received
            if target.kind == "release" and f'lang="{target.language}"'.encode() not in body:
                target.wrong_language = True

    def run(self, services, until):
        while True:
            now = time.time()
            pending = [t for t in self.targets if t.first_200 is None and now < t.deadline]
            if not pending or now > until:
                return
            due = [t for t in pending if now >= t.instant - PRE_WINDOW_S]
            if due:
                list(self.pool.map(self.get, due))
                for kind in {t.kind for t in due}:
                    self.rounds[kind].append(time.time() - now)
            services.check_running()
            time.sleep(max(0.0, now + POLL_S - time.time()))

    def close(self):
        self.pool.shutdown(wait=True)


# --- the run ---------------------------------------------------------------------------


def wait_until(check, timeout, what, services):
    deadline = time.monotonic() + timeout
    while not check():
        services.check_running()
        if time.monotonic() > deadline:
            raise BenchFailed(f"{what} did not come up in {timeout:.0f}s")
        time.sleep(0.2)


def web_answers(port):
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        conn.request("GET", "/en/")
        ok = conn.getresponse().status == 200
        conn.close()
        return ok
    except OSError:
        return False


def schedule(services, content, log):
    """Start the scheduler, then give it the plan: instants counted from when it is ready."""
    process = services.start(
        "schedule",
        [sys.executable, "-m", "tests.bench_release.data", "schedule"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    if process.stdout.readline().strip() != '"ready"':
        process.wait(timeout=30)
        raise BenchFailed(f"the scheduler did not start:\n{tail(services.logs['schedule'])}")
    base = time.time() + LEAD_S
    plan = [
        {"kind": "release", "id": s["id"], "at": base + i * STEP_S}
        for i, s in enumerate(content["statements"])
    ]
    # Wagtail's pages come due after the last statement, so the two are polled apart.
    after = base + len(plan) * STEP_S
    plan += [
        {"kind": "wagtail", "id": j, "ids": page["ids"], "at": after + j * STEP_S}
        for j, page in enumerate(content["wagtail"])
    ]
    process.stdin.write(json.dumps(plan) + "\n")
    process.stdin.flush()
    targets = []
    for item in plan:
        if item["kind"] == "release":
            urls = next(s["urls"] for s in content["statements"] if s["id"] == item["id"])
        else:
            urls = content["wagtail"][item["id"]]["urls"]
        targets += [
            Target(item["kind"], item["id"], code, path, item["at"]) for code, path in urls.items()
        ]
    scheduled = []

    def read():
        for line in process.stdout:
            entry = json.loads(line)
            if entry == "done":
                return
            scheduled.append(entry)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    log(
        f"release bench: {len(content['statements'])} statements due from "
        f"{datetime.datetime.fromtimestamp(base, datetime.UTC):%H:%M:%S} UTC, "
        f"{STEP_S:g}s apart; {len(content['wagtail'])} Wagtail pages after them"
    )
    return targets, scheduled, reader


def release_rows(database_url):
    import psycopg

    with psycopg.connect(database_url) as conn:
        return conn.execute(
            "SELECT statement_id, state, "
            "EXTRACT(EPOCH FROM release_at)::float8, EXTRACT(EPOCH FROM released_at)::float8, "
            "released_by FROM statements_release"
        ).fetchall()


def summarise(targets, kind):
    """Lag and spread figures; a URL that never answered 200 counts as infinitely late."""
    chosen = [t for t in targets if t.kind == kind]
    lags = [t.lag for t in chosen]
    groups = {}
    for target in chosen:
        groups.setdefault(target.group, []).append(target.first_200)
    spreads = [math.inf if None in times else max(times) - min(times) for times in groups.values()]
    # What the poller proves whatever its resolution: a language was still hidden when
    # its last miss was sent, another already public when its first 200 came back.
    proven = []
    for group in groups:
        members = [t for t in chosen if t.group == group]
        misses = [t.last_miss for t in members if t.last_miss is not None]
        hits = [t.first_200 for t in members if t.first_200 is not None]
        proven.append(max(0.0, max(misses) - min(hits)) if misses and hits else 0.0)
    return {
        "proven_spread_max": max(proven),
        "p50": statistics.median(lags),
        "p99": percentile(lags, 0.99),
        "max": max(lags),
        "spread_max": max(spreads),
        "spread_p50": statistics.median(spreads),
    }


def median(values):
    return statistics.median(values) if values else math.nan


def figure(value):
    """For the JSON line: seconds to the millisecond, or null for "never"."""
    return round(value, 3) if math.isfinite(value) else None


def shown(value, timeout):
    return round(value, 3) if math.isfinite(value) else f"> {timeout:g}"


def bench_env(workdir, port, database_url, redis_url):
    """What production runs with, pointed at the benchmark's own database and folder."""
    bin_dir = Path(sys.executable).parent
    return {
        **os.environ,
        "PATH": f"{bin_dir}:{os.environ.get('PATH', '')}",
        "PYTHONUNBUFFERED": "1",
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "COMMUNIQUE_VAR_DIR": str(workdir),
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "BASE_URL": f"http://127.0.0.1:{port}",
    }


def start_services(services, cron, bin_dir, port):
    """Web, worker, release clock and Wagtail's cron, as production runs them."""
    services.start(
        "web",
        [
            str(bin_dir / "gunicorn"),
            "config.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "3",
            "--timeout",
            "60",
        ],
    )
    services.start(
        "worker",
        [
            str(bin_dir / "celery"),
            "-A",
            "config",
            "worker",
            "--loglevel",
            "INFO",
            "--concurrency",
            "2",
        ],
    )
    services.start("clock", [sys.executable, "manage.py", "release_clock"])
    cron.start()
    wait_until(lambda: web_answers(port), 60, "the web server", services)
    wait_until(lambda: " ready." in services.log_text("worker"), 60, "the worker", services)
    wait_until(
        lambda: "release clock: active" in services.log_text("clock"),
        60,
        "the release clock",
        services,
    )


def bench_warnings(targets, early, wrong, raised, plan_releases, via, cron):
    """What went wrong in a run that still produced figures."""
    problems = []
    if early:
        problems.append(f"{len(early)} URLs answered 200 before their instant")
    if wrong:
        problems.append(f"{len(wrong)} statement URLs answered in another language")
    odd = sum(t.odd_statuses for t in targets)
    errors = sum(t.errors for t in targets)
    if odd or errors:
        problems.append(
            f"{odd} answers were neither 200 nor 404, {errors} requests failed outright"
        )
    if raised:
        problems.append(
            f"ScheduleReleaseAction raised for {len(raised)} of {len(plan_releases)} "
            f"statements (the release was saved; see schedule.log): {raised[0]['error']}"
        )
    if via.get("worker", 0) < len(plan_releases):
        problems.append(
            f"the worker's ETA task released {via.get('worker', 0)} of "
            f"{len(plan_releases)} statements; the rest fell to the release clock"
        )
    if any(rc != 0 for _s, _d, rc in cron.ticks):
        problems.append("publish_scheduled failed (see cron.log)")
    return problems


def throughput_lines(throughput):
    """The released page against a static file, through the same gunicorn."""
    if throughput is None:
        return ["cached page vs static: not measured (no statement was released)"]
    ratio = throughput["ratio"]
    lines = [
        f"Throughput after the releases: {THROUGHPUT_READERS} readers over loopback, "
        f"{THROUGHPUT_SECONDS:g}s each, a released statement page against "
        f"{throughput['static_path']} (measured before and after it)",
        ("released statement page (req/s)", throughput["page_rps"]),
        ("static file (req/s)", throughput["static_rps"]),
        ("static file, before vs after (req/s)", throughput["static_spread_rps"]),
        ("cached_page_vs_static", ratio),
        f"goal (cached_page_vs_static at least 0.5): "
        f"{'met' if ratio is not None and ratio >= 0.5 else 'NOT met'}",
    ]
    if throughput["errors"]:
        lines.append(f"WARNING: {throughput['errors']} throughput requests were not 200")
    return lines


def run_release_bench(log=print):
    """Run the benchmark; returns (results for the JSON line, lines to print, failed).

    ``failed`` when some URL never answered 200 (its figures are then null). Raises
    Skipped without PostgreSQL or Redis, BenchFailed if the run itself broke down.
    """
    maintenance, database_url, redis_url = check_services()
    started = time.monotonic()
    workdir = Path(tempfile.mkdtemp(prefix="communique-bench-"))
    port = free_port()
    bin_dir = Path(sys.executable).parent
    env = bench_env(workdir, port, database_url, redis_url)
    services = Services(workdir, env)
    cron = Cron(services)
    poller = None
    try:
        try:
            recreate_database(maintenance)
        except Exception as exc:
            raise Skipped(f"cannot create the database {BENCH_DATABASE}: {exc}") from exc
        flush_redis(redis_url)
        log(f"release bench: database {BENCH_DATABASE}, Redis db {BENCH_REDIS_DB}, {workdir}")
        services.run("migrate", [sys.executable, "manage.py", "migrate", "--noinput", "-v0"])
        services.run("collectstatic", [sys.executable, "manage.py", "collectstatic", "--noinput"])
        # Fixtures are built with the test settings (fast password hashing, tasks run
        # in-process); everything measured runs with production settings.
        build_log = services.run(
            "build",
            [
                sys.executable,
                "-m",
                "tests.bench_release.data",
                "build",
                f"--statements={STATEMENTS}",
                f"--wagtail={WAGTAIL_PAGES}",
            ],
            env={**env, "DJANGO_SETTINGS_MODULE": "config.settings.test"},
            timeout=900,
        )
        content = json.loads(
            next(line for line in reversed(build_log.read_text().splitlines()) if line[:1] == "{")
        )
        log(
            f"release bench: built {len(content['statements'])} statements in 7 languages "
            f"in {content['build_s']:.0f}s"
        )
        flush_redis(redis_url)

        start_services(services, cron, bin_dir, port)

        targets, scheduled, reader = schedule(services, content, log)
        poller = Poller(port, targets)
        poller.run(services, until=max(t.deadline for t in targets))
        reader.join(timeout=30)
        cron.stop()  # let a publish_scheduled run under way finish, for its timing
        released = [t for t in targets if t.kind == "release" and t.first_200 is not None]
        throughput = (
            compare(port, released[0].path, THROUGHPUT_SECONDS, THROUGHPUT_READERS)
            if released
            else None
        )

        missing = [t for t in targets if t.first_200 is None]
        plan_releases = content["statements"]
        rows = release_rows(database_url)
        states = {}
        for row in rows:
            states[row[1]] = states.get(row[1], 0) + 1
        if len(scheduled) != len(content["statements"]) + len(content["wagtail"]):
            raise BenchFailed(
                f"the scheduler stopped after {len(scheduled)} items; releases by state "
                f"{states}\n--- schedule ---\n{tail(services.logs['schedule'])}"
            )
        release = summarise(targets, "release")
        wagtail = summarise(targets, "wagtail")
        via = {}
        db_lags = []
        for _statement, _state, release_at, released_at, released_by in rows:
            via[released_by or "nobody"] = via.get(released_by or "nobody", 0) + 1
            if released_at is not None:
                db_lags.append(released_at - release_at)
        early = [t for t in targets if t.lag < 0]
        wrong = [t for t in targets if t.wrong_language]
        ahead = [entry["ahead_s"] for entry in scheduled]
        raised = [e for e in scheduled if e.get("error")]
        rounds = poller.rounds["release"]
        lines = [
            f"Release lag: {len(content['statements'])} statements x 7 languages, instants "
            f"{STEP_S:g}s apart, scheduled {min(ahead):.1f}-{max(ahead):.1f}s ahead; "
            f"gunicorn x3, Celery worker x2, release clock; production settings",
            f"poller: every {POLL_S:g}s over loopback HTTP; a round of GETs took "
            f"{statistics.median(rounds) * 1000:.0f} ms median, {max(rounds) * 1000:.0f} ms max",
            ("release lag p50 (s)", shown(release["p50"], RELEASE_TIMEOUT_S)),
            ("release lag p99 (s)", shown(release["p99"], RELEASE_TIMEOUT_S)),
            ("release lag max (s)", shown(release["max"], RELEASE_TIMEOUT_S)),
            ("spread across languages, max (s)", shown(release["spread_max"], RELEASE_TIMEOUT_S)),
            ("spread across languages, p50 (s)", shown(release["spread_p50"], RELEASE_TIMEOUT_S)),
            ("spread the poller proves, max (s)", shown(release["proven_spread_max"], 0)),
            ("release action began, p50 (s after instant)", shown(median(db_lags), 0)),
            ("release action began, max (s after instant)", shown(max(db_lags, default=0), 0)),
            "released by: " + ", ".join(f"{k} {v}" for k, v in sorted(via.items())),
            f"Wagtail's default way: {len(content['wagtail'])} pages x 7 languages, go_live_at "
            f"set and a revision published; publish_scheduled at each minute "
            f"(runs took {', '.join(f'{d:.1f}s' for _s, d, _rc in cron.ticks)})",
            ("wagtail cron lag p50 (s)", shown(wagtail["p50"], WAGTAIL_TIMEOUT_S)),
            ("wagtail cron lag p99 (s)", shown(wagtail["p99"], WAGTAIL_TIMEOUT_S)),
            ("wagtail cron lag max (s)", shown(wagtail["max"], WAGTAIL_TIMEOUT_S)),
            (
                "wagtail spread across languages, max (s)",
                shown(wagtail["spread_max"], WAGTAIL_TIMEOUT_S),
            ),
            ("wagtail spread the poller proves, max (s)", shown(wagtail["proven_spread_max"], 0)),
        ]
        met = release["p99"] < 1.0 and release["spread_max"] < 0.2
        lines.append(f"goal (p99 lag under 1 s, spread under 0.2 s): {'met' if met else 'NOT met'}")
        lines += throughput_lines(throughput)
        problems = bench_warnings(targets, early, wrong, raised, plan_releases, via, cron)
        lines += [f"WARNING: {p}" for p in problems]
        if missing:
            late = {}
            for target in missing:
                late.setdefault((target.kind, target.group), []).append(target.language)
            lines += [
                f"FAILED: {len(missing)} of {len(targets)} URLs never answered 200 within "
                f"{RELEASE_TIMEOUT_S:g}s (statements) or {WAGTAIL_TIMEOUT_S:g}s (Wagtail pages) "
                f"of their instant: {len(late)} of them ({sorted(late)[:6]}...); "
                f"releases by state {states}",
                f"--- worker log ---\n{tail(services.logs['worker'], 1500)}",
                f"--- clock log ---\n{tail(services.logs['clock'], 1500)}",
            ]
        lines.append(f"release bench took {time.monotonic() - started:.0f}s")
        results = {
            "release_lag_p50_s": figure(release["p50"]),
            "release_lag_p99_s": figure(release["p99"]),
            "release_lag_max_s": figure(release["max"]),
            "release_spread_s": figure(release["spread_max"]),
            "wagtail_cron_lag_p99_s": figure(wagtail["p99"]),
            "wagtail_cron_spread_s": figure(wagtail["spread_max"]),
            "cached_page_vs_static": throughput["ratio"] if throughput else None,
            "cached_page_rps": throughput["page_rps"] if throughput else None,
            "static_file_rps": throughput["static_rps"] if throughput else None,
        }
        return results, lines, bool(missing)
    finally:
        if poller is not None:
            poller.close()
        cron.stop()
        services.stop()
        with contextlib.suppress(Exception):
            recreate_database(maintenance, drop_only=True)
        with contextlib.suppress(Exception):
            flush_redis(redis_url)
        if not os.environ.get("BENCH_KEEP"):
            import shutil

            shutil.rmtree(workdir, ignore_errors=True)
