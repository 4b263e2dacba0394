"""Test settings: the same stack as dev, made fast and deterministic."""

from .base import *

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run in-process in tests; the service tests send to a real worker by name.
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
MEDIA_ROOT = VAR_DIR / "test-media"
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
