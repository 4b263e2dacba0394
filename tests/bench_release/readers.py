"""The crowd at the instant: concurrent readers, in a process of their own.

    python -m tests.bench_release.readers < plan.json > result.json

The plan names the port, how many readers (``readers``, of which ``statement_readers``
ask for statements and the rest for newsroom listings), when to start and stop (epoch
seconds), the statements with their instants and language URLs, and the listing URLs.
Each reader is one connection at a time, asking once a second (at its own offset in
the second): a statement reader asks for a random language of the statement whose
instant is nearest (the one just released or the next one), a listing reader for a
random listing. Requests go over loopback with ``Connection: close``, as gunicorn's
sync workers answer.

What is counted, over the whole run:

- errors: a connection refused or reset, no answer within 10 s, or a status that is
  neither 200 nor 404 (a listing: anything but 200);
- latency: from sending the request to the last byte of its answer;
- leaks: a statement URL answered 200 whose status line arrived before the instant;
- mixed states: a reader that got a statement's page in one language afterwards got a
  404 for it in another (or the same) language, asked after that 200 arrived.

Prints one JSON line with the figures.
"""

import asyncio
import contextlib
import json
import math
import random
import sys
import time

TIMEOUT_S = 10.0


def percentile(values, fraction):
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


async def fetch(port, path):
    """(status, seconds to the status line, seconds to the end, send time)."""
    sent = time.time()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(
            f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n"
            "Accept: text/html\r\n\r\n".encode()
        )
        await writer.drain()
        status_line = await reader.readline()
        first_byte = time.time()
        await reader.read()  # to the end: the server closes
        done = time.time()
    finally:
        writer.close()
        with contextlib.suppress(OSError, ConnectionError):
            await writer.wait_closed()
    parts = status_line.split()
    if len(parts) < 2 or not parts[1].isdigit():
        raise ConnectionError(f"no status line: {status_line[:60]!r}")
    return int(parts[1]), first_byte, done, sent


class Crowd:
    def __init__(self, plan):
        self.plan = plan
        self.port = plan["port"]
        self.statements = sorted(plan["statements"], key=lambda s: s["at"])
        self.instants = {s["id"]: s["at"] for s in self.statements}
        self.latencies = []
        self.requests = 0
        self.errors = []
        self.statuses = {}
        self.leaks = []
        self.mixed = []
        self.first_seen = {}  # (reader, statement) -> when its first 200 arrived

    def nearest(self, now, rng):
        """The statement just released or the next one due, at random."""
        upcoming = [s for s in self.statements if s["at"] > now]
        past = [s for s in self.statements if s["at"] <= now]
        choices = [c for c in (past[-1] if past else None, upcoming[0] if upcoming else None) if c]
        return rng.choice(choices) if choices else None

    async def reader(self, number, offset, statement_reader):
        rng = random.Random(number)
        start, end = self.plan["start"], self.plan["end"]
        tick = start + offset
        while tick < end:
            await asyncio.sleep(max(0.0, tick - time.time()))
            now = time.time()
            statement = self.nearest(now, rng) if statement_reader else None
            if statement is not None:
                language, path = rng.choice(sorted(statement["urls"].items()))
            else:
                language, path = None, rng.choice(self.plan["listings"])
            await self.ask(number, statement, language, path)
            tick += 1.0
            if tick < time.time():  # a slow answer: ask again at once, then keep the beat
                tick = time.time()

    async def ask(self, number, statement, language, path):
        self.requests += 1
        try:
            status, first_byte, done, sent = await asyncio.wait_for(
                fetch(self.port, path), TIMEOUT_S
            )
        except (TimeoutError, OSError, ConnectionError) as exc:
            self.errors.append(f"{path}: {type(exc).__name__} {exc}"[:200])
            return
        self.latencies.append((done - sent) * 1000)
        self.statuses[status] = self.statuses.get(status, 0) + 1
        good = (200, 404) if statement is not None else (200,)
        if status not in good:
            self.errors.append(f"{path}: HTTP {status}")
            return
        if statement is None:
            return
        key = (number, statement["id"])
        if status == 200:
            if first_byte < statement["at"]:
                self.leaks.append(
                    f"{path} ({language}) answered 200 {statement['at'] - first_byte:.3f}s "
                    "before its instant"
                )
            self.first_seen.setdefault(key, done)
        elif key in self.first_seen and sent > self.first_seen[key]:
            self.mixed.append(
                f"reader {number}: {path} ({language}) 404 at {sent:.3f}, "
                f"{sent - self.first_seen[key]:.3f}s after the statement was seen live"
            )

    async def run(self):
        readers = self.plan["readers"]
        statement_readers = self.plan["statement_readers"]
        rng = random.Random(0)
        await asyncio.gather(
            *(
                self.reader(number, rng.random(), number < statement_readers)
                for number in range(readers)
            )
        )
        return {
            "requests": self.requests,
            "answered": len(self.latencies),
            "errors": len(self.errors),
            "error_examples": self.errors[:5],
            "statuses": {str(k): v for k, v in sorted(self.statuses.items())},
            "p50_ms": percentile(self.latencies, 0.5),
            "p95_ms": percentile(self.latencies, 0.95),
            "max_ms": max(self.latencies, default=None),
            "leaks": len(self.leaks),
            "leak_examples": self.leaks[:5],
            "mixed_states": len(self.mixed),
            "mixed_examples": self.mixed[:5],
        }


def main():
    plan = json.loads(sys.stdin.readline())
    print(json.dumps("ready"), flush=True)
    result = asyncio.run(Crowd(plan).run())
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
