"""The benchmark's own PostgreSQL database and Redis server, and the processes it runs.

Nothing here touches what belongs to anyone else: the database is created with a name
of this run's own (``communique_bench_<pid>_<random>``) and only that one is dropped;
Redis is a ``redis-server`` of its own on a spare port, stopped at the end. Without a
``redis-server`` binary it falls back to REDIS_URL's server, database ``BENCH_REDIS_DB``,
and only if that database is empty (it is then emptied again afterwards).
"""

import contextlib
import math
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent.parent
BENCH_REDIS_DB = os.environ.get("BENCH_REDIS_DB", "7")


class Skipped(Exception):
    """The services the benchmark needs are not there: say so and carry on."""


class BenchFailed(Exception):
    """The benchmark ran and something in the release path did not work."""


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


class BenchDatabase:
    """A PostgreSQL database of this run's own, next to DATABASE_URL's."""

    def __init__(self, database_url):
        self.name = f"communique_bench_{os.getpid()}_{secrets.token_hex(4)}"
        self.maintenance = with_path(database_url, "/postgres")
        self.url = with_path(database_url, f"/{self.name}")
        self.created = False

    def create(self):
        import psycopg

        with psycopg.connect(self.maintenance, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{self.name}"')
        self.created = True

    def drop(self):
        if not self.created:
            return
        import psycopg

        with psycopg.connect(self.maintenance, autocommit=True) as conn:
            # Ours alone: the name is this run's, so FORCE ends only our own sessions.
            conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        self.created = False


class BenchRedis:
    """A redis-server of the run's own, or an empty database of REDIS_URL's server."""

    def __init__(self, redis_url, workdir):
        self.shared_url = redis_url
        self.workdir = workdir
        self.process = None
        self.url = None
        self.own = shutil.which("redis-server") is not None

    def start(self):
        import redis

        if not self.own:
            self.url = with_path(self.shared_url, f"/{BENCH_REDIS_DB}")
            client = redis.Redis.from_url(self.url, socket_connect_timeout=3)
            if client.dbsize():
                raise Skipped(
                    f"no redis-server here, and Redis database {BENCH_REDIS_DB} of REDIS_URL "
                    "is not empty: set BENCH_REDIS_DB to an unused one"
                )
            return self.url
        port = free_port()
        self.process = subprocess.Popen(
            [
                shutil.which("redis-server"),
                "--port",
                str(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.workdir),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        self.url = f"redis://127.0.0.1:{port}/0"
        deadline = time.monotonic() + 10
        while True:
            try:
                redis.Redis.from_url(self.url, socket_connect_timeout=1).ping()
                return self.url
            except redis.RedisError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise BenchFailed("the benchmark's redis-server did not start") from None
                time.sleep(0.1)

    def flush(self):
        import redis

        if self.url:
            redis.Redis.from_url(self.url, socket_connect_timeout=3).flushdb()

    def stop(self):
        if self.process is not None:
            with contextlib.suppress(ProcessLookupError):
                self.process.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=10)
            self.process = None
        elif self.url:
            with contextlib.suppress(Exception):
                self.flush()


def check_services():
    """DATABASE_URL and REDIS_URL as given, or Skipped with the reason."""
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
    try:
        psycopg.connect(with_path(database_url, "/postgres"), connect_timeout=3).close()
    except psycopg.Error as exc:
        raise Skipped(
            f"PostgreSQL does not answer at {urlsplit(database_url).hostname}: {exc}"
        ) from exc
    if shutil.which("redis-server") is None:
        try:
            redis.Redis.from_url(redis_url, socket_connect_timeout=3).ping()
        except redis.RedisError as exc:
            raise Skipped(
                f"Redis does not answer at {urlsplit(redis_url).hostname}: {exc}"
            ) from exc
    bin_dir = Path(sys.executable).parent
    for tool in ("gunicorn", "celery"):
        if not (bin_dir / tool).exists():
            raise Skipped(f"{tool} is not installed next to {sys.executable}")
    return database_url, redis_url


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
            env=kwargs.pop("env", self.env),
            cwd=ROOT,
            stdout=kwargs.pop("stdout", out),
            stderr=out,
            start_new_session=True,
            **kwargs,
        )
        return self.processes[name]

    def log_text(self, name):
        return tail(self.logs[name], 200_000)

    def check_running(self, allowed=("schedule", "readers")):
        for name, process in self.processes.items():
            if process.poll() is not None and name not in allowed:
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
