"""`make run`'s last step on a laptop: web, worker and beat in one command, with the
embedded broker (no Redis), and Ctrl-C stopping everything."""

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
        stack.send_signal(signal.SIGINT)
        try:
            code = stack.wait(timeout=40)
        except subprocess.TimeoutExpired:
            os.killpg(stack.pid, signal.SIGKILL)
            raise
        log.seek(0)
        output = log.read()

    assert code == 0, output[-3000:]
    assert "Demo logins" in output
    assert "release clock: polling" in output
    assert "Stopped web, worker, beat and the release clock." in output
    # Nothing is left behind: the whole process group is gone.
    time.sleep(1)
    try:
        os.killpg(stack.pid, 0)
        leftover = True
    except ProcessLookupError:
        leftover = False
    assert not leftover, "a child of run_newsroom survived Ctrl-C"
