"""Public pages served from Django's cache, and cacheable by anyone, but never across an
instant.

At a release everyone arrives at once for the same few URLs; rendering each of them
per request put hundreds of connections on PostgreSQL and answered 30 requests a
second. Released statements, the newsroom and home listings, feeds, the sitemap and
robots.txt are therefore kept, rendered, in the default cache (Redis, shared by every
web process), and sent with ``Cache-Control: public, max-age``, an ``ETag`` and 304 to
a matching ``If-None-Match``.

The embargo decides every lifetime:

- What a public page shows changes when a release commits (or an editor publishes,
  which purges), and a release commits on its instant or after it. So a page is kept
  with the release horizon read before it was rendered (the next scheduled instant,
  and how many releases are due then): before that instant it is true; from the
  instant on it is true only while the horizon is unchanged, which is read from the
  database afresh for every answer. The crowd that arrives at the instant is answered
  from the cache until the release commits, and not a moment after, even if no purge
  ever runs (the releasing process may die after its commit).
- Nobody else can be asked like that, so the ``max-age`` sent never reaches past the
  next instant, and is ``no-cache`` (revalidate, answered 304) once it is due.
- A 404 is stored by nobody else (``no-store``): an unreleased statement's URL must
  answer 200 the moment it is released, and no purge reaches a browser. We keep a
  statement URL's 404 (readers refresh it before the instant) under the same rule as
  any page, so it is never served past the instant either.
- Every stored page is dropped at once (a new generation; ``purge``) after the commit
  of a release (before the front-end cache is purged, so a CDN that asks again gets
  the new page), of a release scheduled or moved (pages kept until then were bounded
  by the instants known before), and of any publish or unpublish.

At the instant itself a reader is never told "not found" about what is being released
that very moment: a request that arrives once a release is due and before it commits
waits for the commit (polling the horizon every few milliseconds, for at most
``RELEASE_WAIT_MS`` after the instant), and is then answered as after the release.
Every language therefore appears to every reader in the same moment. If the release
does not commit in that time (it was held, or every trigger is down), requests are
answered at once again, from what is known.

Requests that carry a session cookie (editors, anyone who logged in) are never
answered from the cache nor stored, and their pages are marked private; previews,
search, subscriptions, the API and the admin are never stored. While the cache is
degraded to process memory (Redis down, ``config.cache``) the server-side part stays
off, since a purge could not reach the other processes; the headers are unchanged.
"""

import collections
import hashlib
import math
import threading
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count
from django.http import HttpResponse
from django.utils.cache import get_conditional_response

from statements.models import Release

# The routes whose pages are the same for every anonymous reader and change only at a
# release (or an editor's publish, seen within the lifetime).
CACHEABLE_ROUTES = frozenset(
    {
        "wagtail_serve",
        "statements_feed_rss",
        "statements_feed_atom",
        "sitemap",
        "robots_txt",
    }
)
KEY_PREFIX = "communique:page:"
GENERATION_KEY = "communique:page-generation"
# Headers that belong to the request that rendered a page, not to the page.
NOT_STORED = frozenset({"set-cookie", "cache-control", "expires", "age", "date", "etag"})
# Cache-Control counts whole seconds: a shorter lifetime is sent as no-cache (and still
# kept here, to the fraction of a second, for the crowd just before an instant).
MIN_PUBLIC_SECONDS = 1
# How long a process trusts the generation it last read, and how many pages it keeps
# a copy of (a statement page is some 20 kB).
GENERATION_SECONDS = 1.0
PROCESS_COPIES = 200


def release_horizon():
    """(instant of the next scheduled release in epoch seconds, how many are scheduled
    for that instant), due or not; None when none is scheduled. It changes when one of
    those releases commits (or a sooner one is scheduled), and only then."""
    row = (
        Release.objects.scheduled()
        .values("release_at")
        .annotate(releases=Count("pk"))
        .order_by("release_at")
        .first()
    )
    return (row["release_at"].timestamp(), row["releases"]) if row else None


class _Horizon:
    """The release horizon as this process last read it: before a page's instant it is
    trusted for ``GENERATION_SECONDS``; from the instant on it is read afresh for every
    page served, so a page outlives its instant only while the release is uncommitted."""

    def __init__(self):
        self.value, self.read_at = None, -math.inf

    def current(self, fresh=False):
        if fresh or time.monotonic() - self.read_at >= GENERATION_SECONDS:
            self.value, self.read_at = release_horizon(), time.monotonic()
        return self.value


_horizon = _Horizon()


def _pause(seconds):
    time.sleep(seconds)


WAIT_POLL_SECONDS = 0.005


def wait_for_due_release():
    """Hold a request that arrives while a release is due but not committed until it
    commits, for at most ``RELEASE_WAIT_MS`` after its instant. Returns the seconds
    waited."""
    limit = settings.COMMUNIQUE_RELEASE_WAIT_SECONDS
    horizon = _horizon.current()
    now = time.time()
    if limit <= 0 or horizon is None or not horizon[0] <= now < horizon[0] + limit:
        return 0.0
    began = now
    while True:
        horizon = _horizon.current(fresh=True)
        now = time.time()
        if horizon is None or horizon[0] > now or now >= horizon[0] + limit:
            return now - began
        _pause(WAIT_POLL_SECONDS)


def still_true(entry, now):
    """Whether a stored page is what a render would give now.

    Before the instant that bounded it, it is (unless purged): a release commits on its
    instant or after it. From the instant on, it is while that release has not
    committed: the crowd that arrives at the instant is answered from the cache until
    the commit, and not a moment after, whether or not any purge ever runs.
    """
    if now >= entry["expires"]:
        return False
    instant = entry["horizon"][0] if entry["horizon"] else None
    return _horizon.current(fresh=instant is not None and now >= instant) == entry["horizon"]


class _ProcessCopy:
    """The pages this process served last, and the generation as read from the shared
    cache at most ``GENERATION_SECONDS`` ago: a page served again and again is answered
    without a round trip to Redis, and a purge reaches every process within that time.
    """

    def __init__(self):
        self.lock = threading.Lock()
        self.entries = collections.OrderedDict()
        self.generation = None
        self.read_at = -math.inf

    def fresh_generation(self):
        if time.monotonic() - self.read_at < GENERATION_SECONDS:
            return self.generation
        return None

    def remember_generation(self, generation):
        with self.lock:
            self.generation, self.read_at = generation, time.monotonic()

    def get(self, key, generation):
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None and entry["generation"] == generation:
                self.entries.move_to_end(key)
                return entry
        return None

    def put(self, key, entry):
        with self.lock:
            self.entries[key] = entry
            self.entries.move_to_end(key)
            while len(self.entries) > PROCESS_COPIES:
                self.entries.popitem(last=False)

    def forget(self):
        with self.lock:
            self.entries.clear()
            self.generation, self.read_at = None, -math.inf


_process = _ProcessCopy()


def purge():
    """Drop every stored page at once, in every process: a page is kept under the
    generation it was rendered in, and only served while that is the current one."""
    generation = uuid.uuid4().hex
    cache.set(GENERATION_KEY, generation, timeout=None)
    _process.forget()
    _process.remember_generation(generation)


def _shared_generation(found):
    generation = found.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        generation = cache.get(GENERATION_KEY)
    _process.remember_generation(generation)
    return generation


def _lookup(key):
    """(the stored page or None, the current generation); (None, None) when the cache
    has fallen back to process memory, where a purge would not reach."""
    generation = _process.fresh_generation()
    entry = _process.get(key, generation) if generation else None
    if entry is None:
        found = cache.get_many([key, GENERATION_KEY])
        if getattr(cache, "degraded", False):
            _process.forget()
            return None, None
        generation = _shared_generation(found)
        entry = found.get(key)
        if entry is not None and entry["generation"] == generation:
            _process.put(key, entry)
        else:
            entry = None
    return entry, generation


def _key(request):
    url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return KEY_PREFIX + hashlib.sha256(url.encode()).hexdigest()


def _etag(content):
    return '"' + hashlib.sha256(content).hexdigest()[:32] + '"'


def _public_lifetime(expires, horizon):
    """What others may keep a page for: never past the instant, which no purge of ours
    can stretch to a browser."""
    until = min(expires, horizon[0]) if horizon else expires
    return until - time.time()


def _public(response, lifetime):
    if lifetime >= MIN_PUBLIC_SECONDS:
        response["Cache-Control"] = f"public, max-age={int(lifetime)}"
    else:
        response["Cache-Control"] = "no-cache"


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.COMMUNIQUE_PUBLIC_CACHE_SECONDS
        shared = (
            seconds > 0
            and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        )
        if not shared:
            return self.mark(request, self.get_response(request), seconds)
        wait_for_due_release()
        stored = None
        if not getattr(cache, "degraded", False):
            key = _key(request)
            entry, generation = _lookup(key)
            now = time.time()
            if entry is not None and still_true(entry, now):
                return self.replay(request, entry, now)
            if generation is not None:
                stored = (key, generation)
        started = time.time()
        horizon = _horizon.current(fresh=True)
        expires = started + seconds
        response = self.get_response(request)
        if not self.cacheable(request, response):
            return self.mark(request, response, seconds)
        etag = _etag(response.content) if response.status_code == 200 else ""
        if stored and request.method == "GET":
            key, generation = stored
            entry = {
                "generation": generation,
                "horizon": horizon,
                "status": response.status_code,
                "content": response.content,
                "headers": [(k, v) for k, v in response.items() if k.lower() not in NOT_STORED],
                "etag": etag,
                "stored": started,
                "expires": expires,
            }
            cache.set(key, entry, timeout=math.ceil(expires - time.time()))
            _process.put(key, entry)
        return self.send(request, response, etag, _public_lifetime(expires, horizon))

    @staticmethod
    def cacheable(request, response):
        match = getattr(request, "resolver_match", None)
        if (
            match is None
            or match.url_name not in CACHEABLE_ROUTES
            or response.streaming
            or response.cookies
            or response.has_header("Cache-Control")
        ):
            return False
        if response.status_code == 200:
            return True
        # A statement's URL before its release, which readers ask again and again: kept
        # here until the instant like any page, and sent no-store (``send``).
        return (
            response.status_code == 404
            and match.url_name == "wagtail_serve"
            and not request.META.get("QUERY_STRING")
        )

    @staticmethod
    def send(request, response, etag, lifetime):
        """A page goes out public and conditional; a 404 is stored by nobody else."""
        if response.status_code != 200:
            response["Cache-Control"] = "no-store"
            return response
        response["ETag"] = etag
        _public(response, lifetime)
        return get_conditional_response(request, etag=etag, response=response)

    def mark(self, request, response, seconds):
        """Headers for what is not shared: a 404 is kept by nobody; an editor's page
        only by the editor's browser."""
        if response.has_header("Cache-Control"):
            return response
        if response.status_code in (404, 410):
            response["Cache-Control"] = "no-store"
        elif seconds > 0 and self.cacheable(request, response):
            response["Cache-Control"] = "private, no-cache"
        return response

    def replay(self, request, entry, now):
        response = HttpResponse(entry["content"], status=entry["status"])
        for header, value in entry["headers"]:
            response[header] = value
        response["Age"] = str(max(0, int(now - entry["stored"])))
        lifetime = _public_lifetime(entry["expires"], entry["horizon"])
        return self.send(request, response, entry["etag"], lifetime)
