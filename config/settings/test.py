"""Test settings: the same stack as dev, made fast and deterministic."""

import os
from urllib.parse import urlsplit, urlunsplit


def _redis_url_of_worker(url, worker):
    """Under pytest-xdist each worker (gw0, gw1, ...) has a Redis database of its own,
    as it has a test database of its own: the web, worker and clock processes a service
    test starts inherit it, so one worker's Celery never takes another's tasks."""
    parts = urlsplit(url)
    base = int(parts.path.strip("/") or 0)
    return urlunsplit(parts._replace(path=f"/{base + 1 + int(worker[2:])}"))


_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if _WORKER.startswith("gw") and os.environ.get("REDIS_URL"):
    os.environ["REDIS_URL"] = _redis_url_of_worker(os.environ["REDIS_URL"], _WORKER)

from .base import *  # noqa: E402 - read after the worker's Redis database is set

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run in-process in tests; the service tests send to a real worker by name.
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
MEDIA_ROOT = VAR_DIR / f"test-media{'-' + _WORKER if _WORKER else ''}"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Off unless a test turns it on (the ``page_cache`` fixture): many tests publish pages
# by hand, inside a transaction that never commits, under URLs they have just read,
# where a release purges the cache after its commit.
COMMUNIQUE_PUBLIC_CACHE_SECONDS = 0
COMMUNIQUE_DEMO_ALLOWED = True
# As in production: tests/conftest.py verifies a second factor for force_login.
COMMUNIQUE_MFA_REQUIRED = True
WAGTAILADMIN_BASE_URL = "http://testserver"
COMMUNIQUE_BASE_URL = "http://testserver"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Development and tests use wagtail-localize's dummy translator, never a real service.
if not ENV_MACHINE_TRANSLATOR:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"
    }
