import os

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client

from newsroom import page_cache as cached_pages
from tests import factories

REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES", "").strip().lower() in {"1", "true", "yes"}


def skip_or_fail(reason):
    """Skip on a laptop; under REQUIRE_SERVICES (CI) a missing service is a failure."""
    if REQUIRE_SERVICES:
        pytest.fail(f"REQUIRE_SERVICES=1 but {reason}")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def force_login_verifies_mfa(monkeypatch):
    """``client.force_login`` stands for a full sign-in: password and second factor.

    The test settings require MFA as production does, so an admin page would send a
    force-logged-in drafter to enrolment. tests/accounts signs in through the forms
    instead and proves what an unverified session may not reach.
    """
    original = Client.force_login

    def force_login(self, user, backend=None):
        original(self, user, backend)
        # Imported here: a fixture of every test, it must not import models at collection.
        from django_otp import DEVICE_ID_SESSION_KEY
        from django_otp.plugins.otp_static.models import StaticDevice

        device, _created = StaticDevice.objects.get_or_create(
            user=user, name="Test second factor", defaults={"confirmed": True}
        )
        session = self.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture
def require_postgres():
    if not settings.USING_POSTGRES:
        skip_or_fail("this test needs PostgreSQL (set DATABASE_URL=postgres://...)")


@pytest.fixture
def redis_url():
    url = os.environ.get("REDIS_URL", "")
    if not url:
        skip_or_fail("this test needs Redis (set REDIS_URL=redis://...)")
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        skip_or_fail(f"Redis at {url} does not answer: {exc}")
    return url


@pytest.fixture
def page_cache(settings):
    """Public pages kept in the cache and sent public-cacheable, as outside tests."""
    settings.COMMUNIQUE_PUBLIC_CACHE_SECONDS = 30
    cache.clear()
    cached_pages.purge()  # and each process's own copies
    yield settings.COMMUNIQUE_PUBLIC_CACHE_SECONDS
    cache.clear()
    cached_pages.purge()


@pytest.fixture
def site_tree(db):
    return factories.build_site()


@pytest.fixture
def governments(db):
    return factories.standard_governments()


# Run on their own, after the rest (``make test``): they start web servers, workers,
# release clocks or Redis, or time a release to the instant, and a second test running
# beside them on a two-core machine would be what they measure.
SERIAL_MODULES = {
    "tests/statements/test_supervision.py",
    "tests/statements/test_scale_out.py",
    "tests/statements/test_release_faults.py",
    "tests/statements/test_run_newsroom.py",
    "tests/statements/test_language_sets.py",
    "tests/statements/test_browser_release.py",
    "tests/statements/test_services.py",
    "tests/statements/test_audit_concurrency.py",
    "tests/statements/test_signoff_concurrency.py",
    "tests/test_database_pool.py",
    "tests/test_compose.py",
}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.nodeid.split("::", 1)[0] in SERIAL_MODULES:
            item.add_marker(pytest.mark.serial)


def pytest_report_header(config):
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    redis = "yes" if os.environ.get("REDIS_URL") else "no (service tests skip)"
    return [
        f"communique: database={engine}, redis={redis}, REQUIRE_SERVICES={int(REQUIRE_SERVICES)}"
    ]
