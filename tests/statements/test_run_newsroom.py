"""`make run`'s last step on a laptop: web (gunicorn), worker, beat and the release clock
under supervisord in one command, with the embedded broker (no Redis), and Ctrl-C
stopping everything. The faults it survives are in test_supervision.py."""

import datetime
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def session_processes(session):
    """Every live process in a session. supervisord puts each child in a process group
    of its own, so a process group says nothing; the session holds them all."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # it ended while we looked
        # After the command: state, parent, process group, session.
        if int(fields[3]) == session and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


def test_run_newsroom_serves_runs_tasks_without_redis_and_stops_on_ctrl_c(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(DJANGO_SETTINGS_MODULE="config.settings.dev", COMMUNIQUE_VAR_DIR=str(tmp_path))
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "-v", "0"], cwd=ROOT, env=env, check=True)
    database = tmp_path / "communique.sqlite3"
    expired = (datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=1)).isoformat()
    with sqlite3.connect(database) as db:
        db.execute(
            "INSERT INTO django_session (session_key, session_data, expire_date) VALUES (?, ?, ?)",
            ("expiredsessionforthetest", "", expired),
        )

    port = free_port()
    log = open(tmp_path / "run.log", "w+")  # noqa: SIM115
    stack = subprocess.Popen(
        [*manage, "run_newsroom", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/admin/login/") as response:
                    assert response.status == 200
                break
            except (urllib.error.URLError, ConnectionError):
                assert stack.poll() is None, "run_newsroom exited early"
                assert time.monotonic() < deadline, "web server did not start"
                time.sleep(0.5)

        subprocess.run(
            [
                *manage,
                "shell",
                "-c",
                "from statements.tasks import clear_expired_sessions_task as t; t.delay()",
            ],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
        deadline = time.monotonic() + 60
        while True:
            with sqlite3.connect(database) as db:
                left = db.execute("SELECT count(*) FROM django_session").fetchone()[0]
            if left == 0:
                break
            assert time.monotonic() < deadline, "the worker never ran the task"
            time.sleep(0.5)
    finally:
        # Ctrl-C in a terminal reaches the whole foreground process group.
        os.killpg(stack.pid, signal.SIGINT)
        try:
            code = stack.wait(timeout=60)
        except subprocess.TimeoutExpired:
            for pid in session_processes(stack.pid):
                os.kill(pid, signal.SIGKILL)
            raise
        log.seek(0)
        output = log.read()

    assert code == 0, output[-3000:]
    assert "Demo logins" in output
    assert "Starting gunicorn" in output, "the web server is not gunicorn"
    assert "release clock: polling" in output
    for name in ("web", "worker", "beat", "clock"):
        assert f"spawned: '{name}'" in output, name
        assert f"stopped: {name}" in output, name
    assert "not expected" not in output, "a child exited of its own accord"
    assert "spawned: 'web'" in (tmp_path / "log" / "supervisord.log").read_text()
    assert "Stopped web, worker, beat and the release clock." in output
    # Nothing is left behind: no process of the session survives.
    deadline = time.monotonic() + 10
    while session_processes(stack.pid):
        assert time.monotonic() < deadline, f"left running: {session_processes(stack.pid)}"
        time.sleep(0.2)
