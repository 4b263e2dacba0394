"""Start web, worker, beat and the release clock as docker-compose.yml would, natively,
and fetch pages.

Runs against the PostgreSQL and Redis named by DATABASE_URL and REDIS_URL, with
production settings. The commands are read from docker-compose.yml, so the file
and CI cannot drift apart.
"""

import os
import re
import secrets
import shlex
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
STATEMENT_PATH = "/en/newsroom/joint-statement-msmt-first-report/"


def compose_commands(path):
    services = yaml.safe_load(Path(path).read_text())["services"]
    return {
        name: shlex.split(services[name]["command"]) for name in ("web", "worker", "beat", "clock")
    }


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(cmd, env):
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, env=env, cwd=ROOT, check=True)


def fetch(url, timeout=10):
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - loopback only
        return response.status, response.read().decode()


def smoke_env(workdir):
    bin_dir = Path(sys.executable).parent
    return {
        **os.environ,
        "PATH": f"{bin_dir}:{os.environ.get('PATH', '')}",
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
    }


def prepare(env):
    python = sys.executable
    run([python, "manage.py", "migrate", "--noinput"], env)
    run([python, "manage.py", "compile_catalogs"], env)
    run([python, "manage.py", "collectstatic", "--noinput", "-v", "0"], env)
    # Demo data is refused under production settings by design; load it with dev settings.
    run(
        [python, "manage.py", "load_demo"], {**env, "DJANGO_SETTINGS_MODULE": "config.settings.dev"}
    )


def commands_for(workdir, port):
    commands = compose_commands(ROOT / "docker-compose.yml")
    web = commands["web"]
    web[web.index("--bind") + 1] = f"127.0.0.1:{port}"
    beat = commands["beat"]
    beat[beat.index("--schedule") + 1] = str(workdir / "celerybeat-schedule")
    clock = [sys.executable if commands["clock"][0] == "python" else commands["clock"][0]]
    clock += commands["clock"][1:]
    return (("web", web), ("worker", commands["worker"]), ("beat", beat), ("clock", clock))


def wait_for_web(base):
    deadline = time.monotonic() + 60
    while True:
        try:
            return fetch(base + "/en/")
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def french_version(base):
    """The French statement's path, as the English page links it: each language has an
    address of its own, made from its own title."""
    _status, body = fetch(base + STATEMENT_PATH)
    found = re.search(r'<link rel="alternate" hreflang="fr" href="[a-z]+://[^/]+(/[^"]*)"', body)
    if found is None:
        raise SystemExit(f"smoke: GET {STATEMENT_PATH} links no French version")
    return found.group(1)


def check_pages(base):
    checks = [
        ("/en/", "Communiqué"),
        ("/fr/", "Communiqué"),
        (STATEMENT_PATH, "Multilateral Sanctions Monitoring Team"),
        (french_version(base), '<html lang="fr"'),
    ]
    for path, expected in checks:
        status, body = fetch(base + path)
        if status != 200 or expected not in body:
            raise SystemExit(f"smoke: GET {path} gave {status} without {expected!r}")
        print(f"smoke: GET {path} -> {status}", flush=True)


def wait_for_worker(env):
    deadline = time.monotonic() + 60
    while True:
        ping = subprocess.run(
            ["celery", "-A", "config", "inspect", "ping", "--timeout", "5"],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        if ping.returncode == 0 and "pong" in ping.stdout:
            print("smoke: worker answers ping", flush=True)
            return
        if time.monotonic() > deadline:
            raise SystemExit(f"smoke: worker did not answer: {ping.stdout}{ping.stderr}")
        time.sleep(1)


def check_processes(processes, logs):
    for name, process in processes.items():
        if process.poll() is not None:
            raise SystemExit(f"smoke: {name} exited early with {process.returncode}")
    logs["beat"].seek(0)
    if "beat: Starting" not in logs["beat"].read():
        raise SystemExit("smoke: beat did not start")
    logs["clock"].seek(0)
    if "release clock: active" not in logs["clock"].read():
        raise SystemExit("smoke: the release clock did not take the advisory lock")


def check_health(base):
    status, body = fetch(base + "/health/")
    if status != 200 or '"status": "ok"' not in body:
        raise SystemExit(f"smoke: /health/ gave {status}: {body}")
    print("smoke: GET /health/ -> 200 ok", flush=True)


def stop(processes):
    for process in processes.values():
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    for process in processes.values():
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def main():
    for name in ("DATABASE_URL", "REDIS_URL"):
        if not os.environ.get(name):
            sys.exit(f"smoke: {name} must be set")
    workdir = Path(tempfile.mkdtemp(prefix="communique-smoke-"))
    port = free_port()
    env = smoke_env(workdir)
    prepare(env)
    started = commands_for(workdir, port)
    logs = {name: open(workdir / f"{name}.log", "w+") for name, _cmd in started}  # noqa: SIM115
    processes = {}
    try:
        for name, cmd in started:
            print("+", " ".join(cmd), flush=True)
            processes[name] = subprocess.Popen(
                cmd, env=env, cwd=ROOT, stdout=logs[name], stderr=subprocess.STDOUT
            )
        base = f"http://127.0.0.1:{port}"
        wait_for_web(base)
        check_pages(base)
        wait_for_worker(env)
        time.sleep(2)
        check_processes(processes, logs)
        check_health(base)
        print(
            "smoke: web, worker, beat and the release clock ran against PostgreSQL and Redis",
            flush=True,
        )
    except BaseException:
        for name, log in logs.items():
            log.seek(0)
            print(f"----- {name} log -----\n{log.read()[-4000:]}", flush=True)
        raise
    finally:
        stop(processes)


if __name__ == "__main__":
    main()
