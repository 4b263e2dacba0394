"""A Redis cache that a Redis outage cannot turn into 500s on public pages.

Django's ``RedisCache`` raises when Redis does not answer, and Wagtail reads every
site's root paths from the default cache on every page it serves, so with Redis down
the whole public site failed while the release clock went on releasing. This backend
answers from a cache in the process's own memory while Redis is unreachable, and
tries Redis again every few seconds. Callers keep Django's semantics (rate limits
count, Wagtail's root paths stay cached), per process.

What cannot be shared between processes must not be served from that fallback: the
rendered-page cache (``newsroom.page_cache``) is purged at a release in every process
at once only through Redis, so it asks ``degraded`` and stays out of the way until
Redis is back. ``/health/`` asks ``ping()``, which bypasses the fallback.
"""

import logging
import threading
import time

import redis
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger("communique.cache")

# Errors that mean "Redis is not there", not "this call was wrong".
UNREACHABLE = (redis.ConnectionError, redis.TimeoutError, OSError)
# After a failure, calls go straight to the fallback for this long: a dead Redis then
# costs one failed connection per process every few seconds, not one per cache call.
RETRY_AFTER_SECONDS = 5.0
# A Redis that hangs rather than refusing must not hold a request for long.
DEFAULT_OPTIONS = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}


# Django makes one cache object per thread; what Redis's absence costs and what the
# fallback holds are the process's, shared by its threads, per Redis location.
_down_until = {}
_lock = threading.Lock()


class FallbackRedisCache(RedisCache):
    def __init__(self, server, params):
        params = {**params, "OPTIONS": {**DEFAULT_OPTIONS, **params.get("OPTIONS", {})}}
        super().__init__(server, params)
        self._location = str(server)
        local = {key: value for key, value in params.items() if key != "OPTIONS"}
        # LocMemCache keeps its entries per name, for the whole process.
        self._local = LocMemCache(f"communique-fallback:{self._location}", local)

    @property
    def degraded(self):
        """True while calls are answered from this process's memory, not from Redis."""
        return time.monotonic() < _down_until.get(self._location, 0.0)

    def ping(self):
        """A real round trip to Redis; raises if it does not answer (for ``/health/``)."""
        try:
            self._cache.get_client(write=True).ping()
        except UNREACHABLE:
            self._mark_down()
            raise
        _down_until.pop(self._location, None)

    def _mark_down(self):
        with _lock:
            if not self.degraded:
                logger.warning(
                    "cache: Redis does not answer; using process memory, retrying in %gs",
                    RETRY_AFTER_SECONDS,
                )
            _down_until[self._location] = time.monotonic() + RETRY_AFTER_SECONDS

    def _call(self, name, *args, **kwargs):
        if not self.degraded:
            try:
                return getattr(super(), name)(*args, **kwargs)
            except UNREACHABLE:
                self._mark_down()
        return getattr(self._local, name)(*args, **kwargs)

    def add(self, *args, **kwargs):
        return self._call("add", *args, **kwargs)

    def get(self, *args, **kwargs):
        return self._call("get", *args, **kwargs)

    def set(self, *args, **kwargs):
        return self._call("set", *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._call("touch", *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._call("delete", *args, **kwargs)

    def get_many(self, *args, **kwargs):
        return self._call("get_many", *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._call("has_key", *args, **kwargs)

    def incr(self, *args, **kwargs):
        return self._call("incr", *args, **kwargs)

    def set_many(self, *args, **kwargs):
        return self._call("set_many", *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._call("delete_many", *args, **kwargs)

    def clear(self):
        self._local.clear()
        return self._call("clear")
