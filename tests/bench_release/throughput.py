"""Requests per second of a released statement page against a static file, same server.

The static file (WhiteNoise, answered before any of Django's own middleware) is what
the server can do at best; a released page should come close, served from the page
cache. Readers are threads over loopback HTTP, each in a loop for a bounded time.
"""

import concurrent.futures
import http.client
import re
import time

STATIC_CSS = re.compile(rb'href="(/static/css/site[^"]*\.css)"')


def _reader(port, path, until):
    done = errors = 0
    conn = None
    while time.monotonic() < until:
        try:
            if conn is None:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            if response.status == 200:
                done += 1
            else:
                errors += 1
            if response.will_close:
                conn.close()
                conn = None
        except (OSError, http.client.HTTPException):
            errors += 1
            if conn is not None:
                conn.close()
            conn = None
    if conn is not None:
        conn.close()
    return done, errors


def requests_per_second(port, path, seconds, readers):
    """200s answered per second to ``readers`` concurrent loops, and the other answers."""
    until = time.monotonic() + seconds
    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=readers) as pool:
        results = list(pool.map(lambda _i: _reader(port, path, until), range(readers)))
    elapsed = time.monotonic() - started
    return sum(d for d, _e in results) / elapsed, sum(e for _d, e in results)


def static_path(port, page_path):
    """The stylesheet the page links to (its name carries a hash in production)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", page_path)
        found = STATIC_CSS.search(conn.getresponse().read())
    finally:
        conn.close()
    return found.group(1).decode() if found else "/static/css/site.css"


def compare(port, page_path, seconds=5.0, readers=8):
    """``cached_page_vs_static`` and the figures behind it; static first, then the page,
    then the static file again, so a machine busy elsewhere shows as a spread."""
    static = static_path(port, page_path)
    requests_per_second(port, page_path, 1.0, readers)  # warm: stored, workers loaded
    requests_per_second(port, static, 1.0, readers)
    static_before, static_errors = requests_per_second(port, static, seconds, readers)
    page, page_errors = requests_per_second(port, page_path, seconds, readers)
    static_after, more_errors = requests_per_second(port, static, seconds, readers)
    static_rps = (static_before + static_after) / 2
    return {
        "page_rps": round(page, 1),
        "static_rps": round(static_rps, 1),
        "static_spread_rps": round(abs(static_before - static_after), 1),
        "ratio": round(page / static_rps, 2) if static_rps else None,
        "errors": page_errors + static_errors + more_errors,
        "static_path": static,
    }
