"""Release lag, measured from outside: the instant to each language's first HTTP 200,
with a crowd of readers at the door.

On a PostgreSQL database and a Redis server of its own (tests/bench_release/services),
this starts what production runs, with compose's commands and production settings:
gunicorn, a Celery worker, Celery beat and the release clock. It builds statements
signed and translated into seven languages, and statements of the EU's 27 governments
in 24 languages, schedules each for its own instant, and polls every language URL of
each at once every 50 ms (tests/bench_release/poller). From 30 s before the first
instant to 30 s after the last, 200 readers (tests/bench_release/readers) ask once a
second each for a language of the statement nearest its instant (170) or a newsroom
listing (30). Then, as the anchor, Wagtail's own way: ``go_live_at`` on each language
of a plain page, and ``publish_scheduled`` at each minute as cron would. Last, through
the same gunicorn, a released statement page's requests per second against a static
file's (tests/bench_release/throughput).

Needs PostgreSQL (DATABASE_URL) and Redis (a ``redis-server`` binary, or REDIS_URL);
without them it says why it skipped.
"""

import contextlib
import datetime
import json
import os
import secrets
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from tests.bench_release.data import ALL_LANGUAGES
from tests.bench_release.poller import Poller, Target
from tests.bench_release.report import report
from tests.bench_release.services import (
    BenchDatabase,
    BenchFailed,
    BenchRedis,
    Cron,
    Services,
    Skipped,
    check_services,
    free_port,
    tail,
)
from tests.bench_release.throughput import compare

ROOT = Path(__file__).resolve().parent.parent.parent
STATEMENTS = int(os.environ.get("BENCH_RELEASES", "20"))
EU_STATEMENTS = int(os.environ.get("BENCH_EU_RELEASES", "5"))
WAGTAIL_PAGES = int(os.environ.get("BENCH_WAGTAIL_PAGES", "3"))
READERS = int(os.environ.get("BENCH_READERS", "200"))
STATEMENT_READERS = READERS * 170 // 200
CROWD_S = 30.0  # the readers come this long before the first instant, and stay as long
LEAD_S = CROWD_S + 8.0  # first instant, after scheduling starts
STEP_S = 2.0  # between two seven-language statements' instants
EU_STEP_S = 3.0
RELEASE_TIMEOUT_S = 60.0
WAGTAIL_TIMEOUT_S = 90.0
THROUGHPUT_SECONDS = 5.0
THROUGHPUT_READERS = 8


def wait_until(check, timeout, what, services):
    deadline = time.monotonic() + timeout
    while not check():
        services.check_running()
        if time.monotonic() > deadline:
            raise BenchFailed(f"{what} did not come up in {timeout:.0f}s")
        time.sleep(0.2)


def web_answers(port):
    import http.client

    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        conn.request("GET", "/en/")
        ok = conn.getresponse().status == 200
        conn.close()
        return ok
    except OSError:
        return False


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
        "LANGUAGES": ",".join(ALL_LANGUAGES),
        "COMMUNIQUE_VAR_DIR": str(workdir),
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "BASE_URL": f"http://127.0.0.1:{port}",
    }


def compose_command(service, **replace):
    """The service's command in docker-compose.yml, with ``replace`` for its arguments
    that name a place in the container (where it listens, where beat keeps its file)."""
    import yaml

    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    command = compose["services"][service]["command"].split()
    for flag, value in replace.items():
        command[command.index(flag) + 1] = value
    bin_dir = Path(sys.executable).parent
    if command[0] == "python":
        return [sys.executable, *command[1:]]
    return [str(bin_dir / command[0]), *command[1:]]


def start_services(services, cron, port, workdir):
    """Web, worker, beat, release clock and Wagtail's cron, as production runs them."""
    services.start("web", compose_command("web", **{"--bind": f"127.0.0.1:{port}"}))
    services.start("worker", compose_command("worker"))
    services.start(
        "beat", compose_command("beat", **{"--schedule": str(workdir / "celerybeat-schedule")})
    )
    services.start("clock", compose_command("clock"))
    cron.start()
    wait_until(lambda: web_answers(port), 60, "the web server", services)
    wait_until(lambda: " ready." in services.log_text("worker"), 60, "the worker", services)
    wait_until(
        lambda: "release clock: active" in services.log_text("clock"), 60, "the clock", services
    )


def plan_of(content, base):
    """Instants: the seven-language statements STEP_S apart, then the EU's, then
    Wagtail's pages after the crowd has gone."""
    plan = [
        {"kind": "release", "id": s["id"], "at": base + i * STEP_S, "urls": s["urls"]}
        for i, s in enumerate(content["statements"])
    ]
    eu_base = base + len(plan) * STEP_S + 1.0
    plan += [
        {"kind": "eu", "id": s["id"], "at": eu_base + i * EU_STEP_S, "urls": s["urls"]}
        for i, s in enumerate(content["eu"])
    ]
    after = plan[-1]["at"] + CROWD_S + STEP_S
    plan += [
        {"kind": "wagtail", "id": j, "ids": p["ids"], "at": after + j * STEP_S, "urls": p["urls"]}
        for j, p in enumerate(content["wagtail"])
    ]
    return plan


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
    plan = plan_of(content, base)
    process.stdin.write(json.dumps([{k: v for k, v in i.items() if k != "urls"} for i in plan]))
    process.stdin.write("\n")
    process.stdin.flush()
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
        f"release bench: {len(content['statements'])} statements in 7 languages due from "
        f"{datetime.datetime.fromtimestamp(base, datetime.UTC):%H:%M:%S} UTC, {STEP_S:g}s "
        f"apart, then {len(content['eu'])} in 24 languages {EU_STEP_S:g}s apart; "
        f"{len(content['wagtail'])} Wagtail pages after them"
    )
    return plan, scheduled, reader


def start_crowd(services, port, plan, listings):
    """The readers, from CROWD_S before the first statement's instant to CROWD_S after
    the last one's."""
    statements = [i for i in plan if i["kind"] in ("release", "eu")]
    crowd = {
        "port": port,
        "readers": READERS,
        "statement_readers": STATEMENT_READERS,
        "start": statements[0]["at"] - CROWD_S,
        "end": statements[-1]["at"] + CROWD_S,
        "statements": [{"id": i["id"], "at": i["at"], "urls": i["urls"]} for i in statements],
        "listings": listings,
    }
    process = services.start(
        "readers",
        [sys.executable, "-m", "tests.bench_release.readers"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    process.stdin.write(json.dumps(crowd) + "\n")
    process.stdin.flush()
    if process.stdout.readline().strip() != '"ready"':
        raise BenchFailed(f"the readers did not start:\n{tail(services.logs['readers'])}")
    return process, crowd


def crowd_result(process, crowd):
    try:
        out, _err = process.communicate(timeout=max(30.0, crowd["end"] - time.time() + 30))
    except subprocess.TimeoutExpired as exc:
        raise BenchFailed("the readers did not finish") from exc
    lines = [line for line in out.splitlines() if line.startswith("{")]
    if not lines:
        raise BenchFailed(f"the readers printed no result (exit {process.returncode})")
    return json.loads(lines[-1])


def release_rows(database_url):
    import psycopg

    with psycopg.connect(database_url) as conn:
        return conn.execute(
            "SELECT statement_id, state, "
            "EXTRACT(EPOCH FROM release_at)::float8, EXTRACT(EPOCH FROM released_at)::float8, "
            "released_by, prepare_seconds, flip_seconds, flip_queries, prepared_languages "
            "FROM statements_release"
        ).fetchall()


def build_content(services, env, log):
    build_log = services.run(
        "build",
        [
            sys.executable,
            "-m",
            "tests.bench_release.data",
            "build",
            f"--statements={STATEMENTS}",
            f"--eu={EU_STATEMENTS}",
            f"--wagtail={WAGTAIL_PAGES}",
        ],
        # Fixtures are built with test settings (fast hashing, Wagtail's index tasks
        # recorded, not run) and without waiting for the disk on each commit;
        # everything measured runs with production settings.
        env={
            **env,
            "DJANGO_SETTINGS_MODULE": "tests.bench_release.build_settings",
            "PGOPTIONS": "-c synchronous_commit=off",
        },
        timeout=900,
    )
    content = json.loads(
        next(line for line in reversed(build_log.read_text().splitlines()) if line[:1] == "{")
    )
    log(
        f"release bench: built {len(content['statements'])} statements in 7 languages and "
        f"{len(content['eu'])} in 24 in {content['build_s']:.0f}s"
    )
    return content


def run_release_bench(log=print):
    """Run the benchmark; returns (results for the JSON line, lines to print, failed).

    ``failed`` when some URL never answered 200 (its figures are then null). Raises
    Skipped without PostgreSQL or Redis, BenchFailed if the run itself broke down.
    """
    database_url, redis_url = check_services()
    started = time.monotonic()
    workdir = Path(tempfile.mkdtemp(prefix="communique-bench-"))
    port = free_port()
    database = BenchDatabase(database_url)
    redis = BenchRedis(redis_url, workdir)
    services = cron = poller = None
    try:
        try:
            database.create()
        except Exception as exc:
            raise Skipped(f"cannot create the database {database.name}: {exc}") from exc
        env = bench_env(workdir, port, database.url, redis.start())
        services = Services(workdir, env)
        cron = Cron(services)
        log(f"release bench: database {database.name}, Redis {redis.url}, {workdir}")
        services.run("migrate", [sys.executable, "manage.py", "migrate", "--noinput", "-v0"])
        services.run("collectstatic", [sys.executable, "manage.py", "collectstatic", "--noinput"])
        content = build_content(services, env, log)
        redis.flush()
        start_services(services, cron, port, workdir)

        plan, scheduled, schedule_reader = schedule(services, content, log)
        crowd_process, crowd = start_crowd(services, port, plan, content["listings"])
        targets = [
            Target(
                item["kind"],
                item["id"],
                code,
                path,
                item["at"],
                WAGTAIL_TIMEOUT_S if item["kind"] == "wagtail" else RELEASE_TIMEOUT_S,
            )
            for item in plan
            for code, path in item["urls"].items()
        ]
        poller = Poller(port, targets)
        poller.run(services, until=max(t.deadline for t in targets))
        crowd_figures = crowd_result(crowd_process, crowd)
        schedule_reader.join(timeout=30)
        cron.stop()  # let a publish_scheduled run under way finish, for its timing
        released = [t for t in targets if t.kind == "release" and t.first_200 is not None]
        throughput = (
            compare(port, released[0].path, THROUGHPUT_SECONDS, THROUGHPUT_READERS)
            if released
            else None
        )
        if len(scheduled) != len(plan):
            raise BenchFailed(
                f"the scheduler stopped after {len(scheduled)} of {len(plan)} items\n"
                f"--- schedule ---\n{tail(services.logs['schedule'])}"
            )
        results, lines, failed = report(
            targets=targets,
            plan=plan,
            scheduled=scheduled,
            rows=release_rows(database.url),
            crowd=crowd_figures,
            cron=cron,
            throughput=throughput,
            services=services,
        )
        lines.append(f"release bench took {time.monotonic() - started:.0f}s")
        return results, lines, failed
    finally:
        if poller is not None:
            poller.close()
        if cron is not None:
            cron.stop()
        if services is not None:
            services.stop()
        redis.stop()
        with contextlib.suppress(Exception):
            database.drop()
        if not os.environ.get("BENCH_KEEP"):
            import shutil

            shutil.rmtree(workdir, ignore_errors=True)
