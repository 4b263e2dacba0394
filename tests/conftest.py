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


def pytest_report_header(config):
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    redis = "yes" if os.environ.get("REDIS_URL") else "no (service tests skip)"
    return [
        f"communique: database={engine}, redis={redis}, REQUIRE_SERVICES={int(REQUIRE_SERVICES)}"
    ]
