"""Every language URL of a statement, polled at once, every ``POLL_S``.

Each language has its thread and its connection; every thread sends on the same
ticks (the instant minus ``PRE_WINDOW_S``, plus multiples of ``POLL_S``), so at most
one request per language is in flight and the languages are asked together. A
language's lag is the send time of its first request answered 200, minus the instant;
a 200 whose status line arrived before the instant is a leak.
"""

import concurrent.futures
import http.client
import math
import threading
import time

POLL_S = 0.05
PRE_WINDOW_S = 0.3  # polling starts this long before the instant: a 200 then is a leak


class Target:
    def __init__(self, kind, group, language, path, instant, timeout):
        self.kind = kind  # "release", "eu" or "wagtail"
        self.group = group  # statement id, or Wagtail page number
        self.language = language
        self.path = path
        self.instant = instant  # epoch seconds
        self.timeout = timeout
        self.first_200 = None  # send time of the first request answered 200
        self.first_200_answered = None
        self.last_miss = None  # send time of the last request before it that was not a 200
        self.leaks = 0
        self.requests = 0
        self.errors = 0
        self.odd_statuses = 0  # neither 200 nor 404
        self.wrong_language = False

    @property
    def lag(self):
        """Seconds from the instant to the first 200's request; infinite if none came."""
        return math.inf if self.first_200 is None else self.first_200 - self.instant

    @property
    def deadline(self):
        return self.instant + self.timeout


class Poller:
    def __init__(self, port, targets, threads=64):
        self.port = port
        self.targets = sorted(targets, key=lambda t: t.instant)
        self.pool = concurrent.futures.ThreadPoolExecutor(max_workers=threads)
        self.futures = []
        self.stopping = threading.Event()

    def poll(self, target):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        start = target.instant - PRE_WINDOW_S
        tick = 0
        try:
            while not self.stopping.is_set():
                due = start + tick * POLL_S
                now = time.time()
                if now > target.deadline:
                    return
                if due > now:
                    time.sleep(due - now)
                sent = time.time()
                got_200 = self.get(conn, target, sent)
                if got_200 or target.first_200 is not None:
                    return
                # The next tick after this answer: one request in flight at a time.
                tick = max(tick + 1, math.ceil((time.time() - start) / POLL_S))
        finally:
            conn.close()

    def get(self, conn, target, sent):
        try:
            conn.request("GET", target.path, headers={"Accept": "text/html"})
            response = conn.getresponse()
            status_at = time.time()
            body = response.read()
        except (OSError, http.client.HTTPException):
            conn.close()
            target.errors += 1
            return False
        target.requests += 1
        if response.status not in (200, 404):
            target.odd_statuses += 1
        if response.status != 200:
            target.last_miss = sent
            return False
        if status_at < target.instant:
            target.leaks += 1
        target.first_200 = sent
        target.first_200_answered = time.time()
        if target.kind != "wagtail" and f'lang="{target.language}"'.encode() not in body:
            target.wrong_language = True
        return True

    def run(self, services, until):
        """Start each target's thread as it comes due; return when all are done."""
        pending = list(self.targets)
        while pending or any(not f.done() for f in self.futures):
            now = time.time()
            while pending and now >= pending[0].instant - PRE_WINDOW_S - 0.05:
                self.futures.append(self.pool.submit(self.poll, pending.pop(0)))
            for future in [f for f in self.futures if f.done()]:
                future.result()  # a poller thread that broke is the benchmark's failure
            services.check_running()
            if now > until:
                break
            time.sleep(0.02)
        self.stopping.set()

    def close(self):
        self.stopping.set()
        self.pool.shutdown(wait=True)
