"""The release benchmark's figures, the goals of issue 11 beside them, and the table."""

import math
import statistics

from tests.bench_release.poller import POLL_S
from tests.bench_release.services import tail

GOALS = {
    # key: (test, how the goal reads)
    "release_lag_p99_s": (lambda v: v is not None and v < 0.1, "under 0.1 s"),
    "release_spread_s": (lambda v: v is not None and v < 0.05, "under 0.05 s"),
    "release_leaks": (lambda v: v == 0, "0"),
    "eu_release_lag_p99_s": (lambda v: v is not None and v < 0.1, "under 0.1 s"),
    "eu_release_spread_s": (lambda v: v is not None and v < 0.05, "under 0.05 s"),
    "release_queries_per_language": (lambda v: v is not None and v <= 5, "at most 5"),
    "release_queries_24_minus_7": (
        lambda v: v is not None and v <= 2,
        "at most 2 (independent of the number of languages)",
    ),
    "readers_errors": (lambda v: v == 0, "0"),
    "readers_p95_ms": (lambda v: v is not None and v < 1000, "under 1000 ms"),
    "readers_mixed_states": (lambda v: v == 0, "0"),
    "cached_page_vs_static": (lambda v: v is not None and v >= 0.5, "at least 0.5"),
}


def percentile(values, fraction):
    """Nearest-rank percentile: the smallest value with ``fraction`` of values at or below."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def figure(value, places=3):
    """For the JSON line: rounded, or null for "never"."""
    return round(value, places) if value is not None and math.isfinite(value) else None


def summarise(targets, kind):
    """Lag and spread figures; a URL that never answered 200 counts as infinitely late."""
    chosen = [t for t in targets if t.kind == kind]
    if not chosen:
        return None
    groups = {}
    for target in chosen:
        groups.setdefault(target.group, []).append(target)
    spreads, proven = [], []
    for members in groups.values():
        sends = [t.first_200 for t in members]
        spreads.append(math.inf if None in sends else max(sends) - min(sends))
        # What the poller proves whatever its resolution: one language still hidden
        # when its last miss was sent, another already public when its 200 was sent.
        misses = [t.last_miss for t in members if t.last_miss is not None]
        hits = [t.first_200 for t in members if t.first_200 is not None]
        proven.append(max(0.0, max(misses) - min(hits)) if misses and hits else 0.0)
    lags = [t.lag for t in chosen]
    answered = [
        math.inf if t.first_200_answered is None else t.first_200_answered - t.instant
        for t in chosen
    ]
    return {
        "answered_p50": statistics.median(answered),
        "answered_p99": percentile(answered, 0.99),
        "count": len(groups),
        "languages": len(chosen) // len(groups),
        "p50": statistics.median(lags),
        "p99": percentile(lags, 0.99),
        "max": max(lags),
        "spread_max": max(spreads),
        "spread_p50": statistics.median(spreads),
        "proven_spread_max": max(proven),
        "leaks": sum(t.leaks for t in chosen),
        "wrong_language": sum(t.wrong_language for t in chosen),
        "errors": sum(t.errors for t in chosen),
        "odd_statuses": sum(t.odd_statuses for t in chosen),
    }


def shown(value, never="never"):
    if value is None:
        return never
    if isinstance(value, float):
        return round(value, 3) if math.isfinite(value) else never
    return value


def releases_by_kind(plan, rows):
    """The database's own record of each release, by the plan's kind."""
    kinds = {item["id"]: item["kind"] for item in plan if item["kind"] != "wagtail"}
    by_kind = {"release": [], "eu": []}
    for statement, state, release_at, released_at, by, prepare_s, flip_s, queries, n in rows:
        if statement in kinds:
            by_kind[kinds[statement]].append(
                {
                    "state": state,
                    "began": None if released_at is None else released_at - release_at,
                    "via": by or "nobody",
                    "prepare_s": prepare_s,
                    "flip_s": flip_s,
                    "queries": queries,
                    "languages": n,
                }
            )
    return by_kind


def median_of(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def release_lines(label, summary, records):
    via = {}
    for record in records:
        via[record["via"]] = via.get(record["via"], 0) + 1
    return [
        f"{label}: {summary['count']} statements x {summary['languages']} languages",
        ("  lag p50 (s)", shown(summary["p50"])),
        ("  lag p99 (s)", shown(summary["p99"])),
        ("  lag max (s)", shown(summary["max"])),
        ("  first 200 received, p50 (s after instant)", shown(summary["answered_p50"])),
        ("  first 200 received, p99 (s after instant)", shown(summary["answered_p99"])),
        ("  spread across languages, max (s)", shown(summary["spread_max"])),
        ("  spread across languages, p50 (s)", shown(summary["spread_p50"])),
        ("  spread the poller proves, max (s)", shown(summary["proven_spread_max"])),
        ("  leaks (200 before the instant)", summary["leaks"]),
        ("  release stamped, p50 (s after instant)", shown(median_of(r["began"] for r in records))),
        ("  preparation, median (s)", shown(median_of(r["prepare_s"] for r in records))),
        ("  flip transaction, median (s)", shown(median_of(r["flip_s"] for r in records))),
        ("  flip queries, median", shown(median_of(r["queries"] for r in records))),
        "  released by: " + ", ".join(f"{k} {v}" for k, v in sorted(via.items())),
    ]


def goal_lines(results):
    lines = ["Goals (issue 11):"]
    for key, (test, reads) in GOALS.items():
        value = results.get(key)
        lines.append(f"  {key} = {value}: goal {reads}: {'met' if test(value) else 'NOT met'}")
    return lines


def report(*, targets, plan, scheduled, rows, crowd, cron, throughput, services):
    release = summarise(targets, "release")
    eu = summarise(targets, "eu")
    wagtail = summarise(targets, "wagtail")
    records = releases_by_kind(plan, rows)
    queries_7 = median_of(r["queries"] for r in records["release"])
    queries_24 = median_of(r["queries"] for r in records["eu"])
    leaks = release["leaks"] + (eu["leaks"] if eu else 0) + crowd["leaks"]
    lines = [
        f"Release lag: compose's commands (gunicorn, Celery worker, beat, release clock), "
        f"production settings; every language URL polled at once every {POLL_S * 1000:.0f} ms; "
        f"lag = send time of the first request answered 200, minus the instant",
        f"Readers: {crowd['requests']} requests from the crowd, {crowd['answered']} answered; "
        f"statuses {crowd['statuses']}",
    ]
    lines += release_lines("Seven languages", release, records["release"])
    if eu:
        lines += release_lines("EU: 27 governments", eu, records["eu"])
    lines += [
        ("readers: errors", crowd["errors"]),
        ("readers: p50 (ms)", shown(crowd["p50_ms"])),
        ("readers: p95 (ms)", shown(crowd["p95_ms"])),
        ("readers: max (ms)", shown(crowd["max_ms"])),
        ("readers: mixed states", crowd["mixed_states"]),
        ("readers: leaks", crowd["leaks"]),
    ]
    lines += [f"  e.g. {e}" for e in crowd["error_examples"] + crowd["mixed_examples"]]
    lines += [f"  e.g. {e}" for e in crowd["leak_examples"]]
    if wagtail:
        lines += [
            f"Wagtail's default way: {wagtail['count']} pages x {wagtail['languages']} languages, "
            f"go_live_at set; publish_scheduled at each minute "
            f"(runs took {', '.join(f'{d:.1f}s' for _s, d, _rc in cron.ticks)})",
            ("  wagtail cron lag p50 (s)", shown(wagtail["p50"])),
            ("  wagtail cron lag p99 (s)", shown(wagtail["p99"])),
            ("  wagtail spread across languages, max (s)", shown(wagtail["spread_max"])),
        ]
    results = {
        "release_lag_p50_s": figure(release["p50"]),
        "release_lag_p99_s": figure(release["p99"]),
        "release_lag_max_s": figure(release["max"]),
        "release_spread_s": figure(release["spread_max"]),
        "release_answered_p99_s": figure(release["answered_p99"]),
        "release_leaks": leaks,
        "eu_release_lag_p50_s": figure(eu["p50"]) if eu else None,
        "eu_release_lag_p99_s": figure(eu["p99"]) if eu else None,
        "eu_release_spread_s": figure(eu["spread_max"]) if eu else None,
        "eu_release_answered_p99_s": figure(eu["answered_p99"]) if eu else None,
        "release_flip_queries_7": queries_7,
        "release_flip_queries_24": queries_24,
        "release_queries_per_language": figure(queries_7 / 7, 2) if queries_7 else None,
        "release_queries_24_minus_7": (
            queries_24 - queries_7 if queries_7 is not None and queries_24 is not None else None
        ),
        "readers_requests": crowd["requests"],
        "readers_errors": crowd["errors"],
        "readers_p95_ms": figure(crowd["p95_ms"], 1),
        "readers_mixed_states": crowd["mixed_states"],
        "wagtail_cron_lag_p99_s": figure(wagtail["p99"]) if wagtail else None,
        "wagtail_cron_spread_s": figure(wagtail["spread_max"]) if wagtail else None,
        "cached_page_vs_static": throughput["ratio"] if throughput else None,
        "cached_page_rps": throughput["page_rps"] if throughput else None,
        "static_file_rps": throughput["static_rps"] if throughput else None,
    }
    lines += throughput_lines(throughput)
    lines += goal_lines(results)
    lines += [f"WARNING: {p}" for p in warnings(targets, scheduled, records, cron)]
    missing = [t for t in targets if t.first_200 is None]
    if missing:
        late = sorted({(t.kind, t.group) for t in missing})
        lines += [
            f"FAILED: {len(missing)} of {len(targets)} URLs never answered 200 in time: {late[:6]}",
            f"--- worker log ---\n{tail(services.logs['worker'], 1500)}",
            f"--- clock log ---\n{tail(services.logs['clock'], 1500)}",
        ]
    return results, lines, bool(missing)


def throughput_lines(throughput):
    if throughput is None:
        return ["cached page vs static: not measured (no statement was released)"]
    lines = [
        f"Throughput after the releases: a released statement page against "
        f"{throughput['static_path']} (measured before and after it), same gunicorn",
        ("released statement page (req/s)", throughput["page_rps"]),
        ("static file (req/s)", throughput["static_rps"]),
        ("static file, before vs after (req/s)", throughput["static_spread_rps"]),
    ]
    if throughput["errors"]:
        lines.append(f"WARNING: {throughput['errors']} throughput requests were not 200")
    return lines


def warnings(targets, scheduled, records, cron):
    problems = []
    wrong = [t for t in targets if t.wrong_language]
    if wrong:
        problems.append(f"{len(wrong)} statement URLs answered in another language")
    odd = sum(t.odd_statuses for t in targets)
    errors = sum(t.errors for t in targets)
    if odd or errors:
        problems.append(f"poller: {odd} answers neither 200 nor 404, {errors} requests failed")
    raised = [e for e in scheduled if e.get("error")]
    if raised:
        problems.append(
            f"ScheduleReleaseAction raised for {len(raised)} statements (see schedule.log): "
            f"{raised[0]['error']}"
        )
    all_records = records["release"] + records["eu"]
    by_worker = sum(r["via"] == "worker" for r in all_records)
    if by_worker < len(all_records):
        problems.append(
            f"the worker's ETA task released {by_worker} of {len(all_records)} statements; "
            "the rest fell to the clock or the sweep"
        )
    if any(rc != 0 for _s, _d, rc in cron.ticks):
        problems.append("publish_scheduled failed (see cron.log)")
    return problems
