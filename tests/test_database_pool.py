"""A crowd of readers waits for a pooled connection instead of exhausting PostgreSQL.

``make run`` serves with Django's threaded server: one thread per reader, and before
the pool one PostgreSQL connection per thread, until PostgreSQL refused everyone. A
real server process here, with DATABASE_POOL_SIZE=3, takes many more concurrent
readers than that, and PostgreSQL never sees more than three of its connections.
"""

import concurrent.futures
import http.client
import sys
import threading
import time

import psycopg
import pytest

from tests import factories
from tests.statements.test_release_faults import Process, database_url, free_port, process_env

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

POOL_SIZE = 3
READERS = 40
REQUESTS = 120
APPLICATION = "communique-pool-test"


def get(port, path):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        return response.status
    except OSError as exc:
        return exc.__class__.__name__
    finally:
        conn.close()


def wait_for_server(server, port, timeout=60):
    deadline = time.monotonic() + timeout
    while get(port, "/en/") != 200:
        if server.popen.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"the server did not come up:\n{server.tail()}")
        time.sleep(0.2)


class PeakConnections(threading.Thread):
    """The most connections the server held at once, sampled from pg_stat_activity."""

    def __init__(self, url):
        super().__init__(daemon=True)
        self.url = url
        self.peak = 0
        self.stopping = threading.Event()

    def run(self):
        with psycopg.connect(self.url, autocommit=True) as conn:
            while not self.stopping.is_set():
                count = conn.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE application_name = %s",
                    [APPLICATION],
                ).fetchone()[0]
                self.peak = max(self.peak, count)
                time.sleep(0.01)

    def stop(self):
        self.stopping.set()
        self.join(timeout=10)


def test_a_crowd_of_readers_waits_for_the_pool_and_every_one_is_served(
    require_postgres, site_tree, governments
):
    page = factories.make_statement(
        site_tree["newsrooms"]["en"], [governments["CA"]], slug="crowded-statement"
    )
    port = free_port()
    env = process_env(
        DATABASE_URL=f"{database_url()}?application_name={APPLICATION}",
        DATABASE_POOL_SIZE=str(POOL_SIZE),
    )
    server = Process(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        env,
        "runserver",
    )
    sampler = PeakConnections(database_url())
    try:
        wait_for_server(server, port)
        sampler.start()
        with concurrent.futures.ThreadPoolExecutor(max_workers=READERS) as readers:
            statuses = list(readers.map(lambda _i: get(port, page.url), range(REQUESTS)))
        sampler.stop()
    finally:
        sampler.stopping.set()
        server.stop()
    assert statuses == [200] * REQUESTS, {s: statuses.count(s) for s in set(statuses)}
    assert 0 < sampler.peak <= POOL_SIZE, sampler.peak
