"""The Redis cache answers from the process's memory, rather than failing, while Redis
does not answer: Wagtail reads site root paths from it on every public page
(test_supervision.py and tests/newsroom/test_page_cache.py have the pages)."""

import logging
import time
import uuid

import pytest

from config import cache as fallback
from config.cache import FallbackRedisCache
from tests.statements.test_release_faults import free_port, own_redis


@pytest.fixture(autouse=True)
def fresh_state():
    """What Redis's absence costs is kept per process; each test starts from none."""
    fallback._down_until.clear()
    yield
    fallback._down_until.clear()


def cache_at(url):
    return FallbackRedisCache(url, {"KEY_PREFIX": f"test-cache-{uuid.uuid4().hex}"})


def test_without_redis_the_cache_answers_from_memory_and_one_warning_says_so(caplog):
    cache = cache_at(f"redis://127.0.0.1:{free_port()}/0")
    with caplog.at_level(logging.WARNING, logger="communique.cache"):
        assert cache.get("root-paths", "default") == "default"
        cache.set("root-paths", ["/en/"], 30)
        assert cache.get("root-paths") == ["/en/"]
        assert cache.get_many(["root-paths", "b"]) == {"root-paths": ["/en/"]}
        assert cache.has_key("root-paths")
        assert cache.add("counter", 1, 60) is True
        assert cache.add("counter", 1, 60) is False  # rate limits still count
        assert cache.incr("counter") == 2
        assert cache.delete("root-paths") is True
        assert cache.get_or_set("x", 5) == 5
    assert cache.degraded
    warnings = [r for r in caplog.records if r.name == "communique.cache"]
    assert len(warnings) == 1, [r.getMessage() for r in warnings]
    assert "Redis does not answer" in warnings[0].getMessage()
    with pytest.raises(fallback.UNREACHABLE):
        cache.ping()  # what /health/ asks: a real round trip, never the fallback


def test_after_a_failure_it_does_not_wait_on_redis_for_every_call():
    cache = cache_at(f"redis://127.0.0.1:{free_port()}/0")
    assert cache.get("a") is None  # the one attempt
    started = time.monotonic()
    for _ in range(200):
        assert cache.get("a", "missed") == "missed"
    assert time.monotonic() - started < 0.5


def test_with_redis_it_is_the_ordinary_redis_cache(redis_url):
    cache = cache_at(redis_url)
    try:
        cache.set("a", {"value": 1}, 30)
        assert cache.get("a") == {"value": 1}
        assert cache.add("counter", 1, 30) is True
        assert cache.add("counter", 1, 30) is False
        assert cache.incr("counter") == 2
        assert cache.delete("a") is True
        assert cache.get("a", "gone") == "gone"
        assert not cache.degraded
        cache.ping()
    finally:
        cache.delete_many(["a", "counter"])


def test_when_redis_returns_the_cache_is_used_again(tmp_path, monkeypatch):
    monkeypatch.setattr(fallback, "RETRY_AFTER_SECONDS", 0.3)
    server, url = own_redis(tmp_path)
    port = int(url.rsplit(":", 1)[1].split("/")[0])
    cache = cache_at(url)
    try:
        cache.set("a", 1, 30)
        assert cache.get("a") == 1
        server.kill()
        assert cache.get("a", "missed") == "missed"  # not in this process's memory
        assert cache.degraded
        server, _url = own_redis(tmp_path, port=port)
        time.sleep(0.4)
        cache.set("a", 2, 30)
        assert cache.get("a") == 2
        assert not cache.degraded
    finally:
        server.stop()
