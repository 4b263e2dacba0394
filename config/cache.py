"""The Redis cache, made to miss rather than fail while Redis is away.

Django's RedisCache raises when Redis does not answer, and Wagtail reads its site
root paths from the cache for every page that links to another: with Redis down,
every public page would answer 500 while the release clock releases on time. Here
a cache that does not answer is a cache that misses: reads find nothing, writes
are dropped, and the database answers instead. Rate limits kept in the cache do
not count meanwhile (``add`` reports the key stored), so nobody is refused because
Redis is away.

Each failed call costs a connection attempt and redis-py's retries (a tenth of a
second when the port refuses, more when the host does not answer), and a release
publishing seven languages makes many; so after a failure Redis is left alone for
``RETRY_AFTER_S`` and every call misses at once.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger("communique.cache")

RETRY_AFTER_S = 5.0
# One warning per this many seconds of an outage, not one per request.
WARN_EVERY_S = 60.0
_MISSING = object()


class TolerantRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._down_until = 0.0
        self._warned_at = None

    def _attempt(self, operation, miss, method, *args):
        now = time.monotonic()
        if now < self._down_until:
            return miss
        try:
            return method(*args)
        except RedisError as error:
            self._down_until = now + RETRY_AFTER_S
            if self._warned_at is None or now - self._warned_at >= WARN_EVERY_S:
                self._warned_at = now
                logger.warning(
                    "cache %s: Redis does not answer (%s); serving without it", operation, error
                )
            return miss

    def get(self, key, default=None, version=None):
        return self._attempt("get", default, super().get, key, default, version)

    def get_many(self, keys, version=None):
        return self._attempt("get_many", {}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._attempt("has_key", False, super().has_key, key, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._attempt("set", None, super().set, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt("set_many", list(data), super().set_many, data, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt("add", True, super().add, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt("touch", False, super().touch, key, timeout, version)

    def incr(self, key, delta=1, version=None):
        value = self._attempt("incr", _MISSING, super().incr, key, delta, version)
        if value is _MISSING:
            raise ValueError(f"Key '{key}' not found: the cache does not answer")
        return value

    def delete(self, key, version=None):
        return self._attempt("delete", False, super().delete, key, version)

    def delete_many(self, keys, version=None):
        self._attempt("delete_many", None, super().delete_many, keys, version)

    def clear(self):
        return self._attempt("clear", False, super().clear)
