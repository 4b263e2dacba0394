"""`make bench`: server-side render cost of a statement against Wagtail's own floor,
then the release lag, and a released page's requests per second against a static file's.

The render figures run in one process on whatever database DATABASE_URL names, inside
a throwaway test database, so ratios compare like with like; the statement and the bare
page are asked in turn. The statement is served as a released one is, with the parts
fixed at its release read from its record (statements.released_render); the same page
rendered in full is measured too. The release lag
(tests/bench_release) needs PostgreSQL and Redis: it starts the web server, a Celery
worker and the release clock on a database of its own, releases statements in seven
languages at instants a few seconds ahead and polls every language URL, and does the
same with Wagtail's go-live date and `publish_scheduled` run each minute. Without
PostgreSQL and Redis it is skipped, and says why.

Prints a table and, last, one JSON line (also written to var/bench.json). Not part of
`make test`.
"""

import json
import os
import statistics
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ITERATIONS = int(os.environ.get("BENCH_ITERATIONS", "40"))


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def medians_ms(client, urls, iterations=ITERATIONS):
    """The median time of each URL, asked in turn (one of each, then again), so that a
    change in the machine's load weighs on every URL alike and the ratio holds."""
    for url in urls:
        for _ in range(3):
            client.get(url)
    times = {url: [] for url in urls}
    for _ in range(iterations):
        for url in urls:
            start = time.perf_counter()
            response = client.get(url)
            times[url].append((time.perf_counter() - start) * 1000)
            if response.status_code != 200:
                raise SystemExit(f"bench: {url} answered {response.status_code}")
    return [statistics.median(times[url]) for url in urls]


def count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


def run():
    from django.core.management import call_command
    from django.test import Client
    from wagtail.models import Page

    from statements.models import NewsroomPage, StatementPage
    from tests import factories

    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    client = Client()
    statement = StatementPage.objects.get(
        slug="joint-statement-msmt-first-report", locale__language_code="en"
    )
    newsroom = NewsroomPage.objects.get(locale__language_code="en")
    bare = Page(title="Bare page", slug="bare-page", locale=newsroom.locale)
    newsroom.get_parent().add_child(instance=bare)
    bare.save_revision().publish()

    statement_ms, bare_ms = medians_ms(client, [statement.url, bare.url])
    # The same page with its stored parts unused (as after a deploy that changed a
    # template, until `render_released`): every part rendered on the request.
    from statements import released_render

    stored_version = released_render.render_version
    released_render.render_version = lambda: "not-this-code"
    try:
        full_ms, full_bare_ms = medians_ms(client, [statement.url, bare.url])
    finally:
        released_render.render_version = stored_version

    counts = {}
    for size in (3, 30):
        governments = [factories.GovernmentFactory() for _ in range(size)]
        contacts = [factories.MediaContactFactory(government=g) for g in governments]
        page = factories.make_statement(
            newsroom, governments, contacts=contacts, slug=f"bench-{size}-signatories"
        )
        counts[size] = count_queries(client, page.url)

    return {
        "statement_render_ms": round(statement_ms, 2),
        "bare_page_render_ms": round(bare_ms, 2),
        "render_ratio": round(statement_ms / bare_ms, 2),
        "statement_full_render_ms": round(full_ms, 2),
        "full_render_ratio": round(full_ms / full_bare_ms, 2),
        "queries_3_signatories": counts[3],
        "queries_30_signatories": counts[30],
    }


def main():
    setup_django()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        results = run()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    print(f"Communiqué benchmark ({engine}, median of {ITERATIONS} requests each, in turn)")
    print(f"{'measure':<34}{'value':>12}")
    rows = [
        ("statement page render (ms)", results["statement_render_ms"]),
        ("bare Wagtail page render (ms)", results["bare_page_render_ms"]),
        ("ratio statement / bare", results["render_ratio"]),
        ("statement, rendered in full (ms)", results["statement_full_render_ms"]),
        ("ratio, rendered in full / bare", results["full_render_ratio"]),
        ("queries, 3 signatories", results["queries_3_signatories"]),
        ("queries, 30 signatories", results["queries_30_signatories"]),
    ]
    for label, value in rows:
        print(f"{label:<34}{value:>12}")
    ratio = results["render_ratio"]
    print(f"goal (render_ratio at most 1.5): {'met' if ratio <= 1.5 else 'NOT met'}")
    sys.stdout.flush()

    failed = release_lag(results)
    out = ROOT / "var" / "bench.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results) + "\n")
    print(json.dumps(results))
    if failed:
        sys.exit(1)


def release_lag(results):
    """Add the release-lag figures to ``results``; True if the release path failed."""
    from tests.bench_release.run import BenchFailed, Skipped, run_release_bench

    print()
    try:
        release, lines, failed = run_release_bench(log=lambda line: print(line, flush=True))
    except Skipped as skipped:
        print(f"release lag benchmark SKIPPED: {skipped}")
        return False
    except BenchFailed as failure:
        print(f"release lag benchmark FAILED: {failure}")
        return True
    except Exception:  # noqa: BLE001 - the render figures above still stand
        print("release lag benchmark FAILED with an error:")
        traceback.print_exc(file=sys.stdout)
        return True
    for line in lines:
        if isinstance(line, str):
            print(line)
        else:
            print(f"{line[0]:<46}{line[1]:>10}")
    results.update(release)
    return failed


if __name__ == "__main__":
    main()
