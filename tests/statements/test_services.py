"""The real parts: PostgreSQL, and a Celery worker consuming from Redis.

On a laptop without these services the tests skip and say so; under
REQUIRE_SERVICES=1 (CI) they fail instead.
"""

import datetime
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.utils import timezone

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_suite_runs_on_postgres_when_asked(require_postgres):
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        assert int(cursor.fetchone()[0]) >= 140000


@pytest.mark.filterwarnings("ignore::celery.exceptions.AlwaysEagerIgnored")
@pytest.mark.django_db(transaction=True)
def test_celery_worker_runs_a_task_from_redis(require_postgres, redis_url):
    """A real worker process takes a task from Redis and acts on the database."""
    Session.objects.create(
        session_key="expired" + uuid.uuid4().hex[:20],
        session_data="",
        expire_date=timezone.now() - datetime.timedelta(days=1),
    )
    queue = f"communique-test-{uuid.uuid4().hex[:8]}"
    db = settings.DATABASES["default"]
    database_url = (
        f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
    }
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "-Q",
            queue,
            "--concurrency",
            "1",
            "--pool",
            "solo",
            "--loglevel",
            "INFO",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        from config.celery import app

        # By name, so the message goes through Redis even though tests run tasks eagerly.
        app.send_task("statements.tasks.clear_expired_sessions_task", queue=queue)
        deadline = time.monotonic() + 60
        while Session.objects.exists():
            if worker.poll() is not None or time.monotonic() > deadline:
                break
            time.sleep(0.5)
        remaining = Session.objects.count()
    finally:
        worker.terminate()
        output, _ = worker.communicate(timeout=30)
    assert remaining == 0, output[-3000:]
    assert "clear_expired_sessions_task" in output
