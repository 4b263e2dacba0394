"""Laptop settings: SQLite and the embedded broker unless the environment says otherwise."""

from .base import *

DEBUG = True
SECRET_KEY = ENV_SECRET_KEY or "dev-only-insecure-key-never-used-in-production"
ALLOWED_HOSTS = ENV_ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if ENV_EMAIL_URL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
COMMUNIQUE_DEMO_ALLOWED = True
# The demo accounts sign in with their password alone unless MFA_REQUIRED=1; every
# admin page says so (accounts/templates/wagtailadmin/base.html).
COMMUNIQUE_MFA_REQUIRED = ENV_MFA_REQUIRED is True
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# The laptop's SQLite file and embedded broker live here; create it on first use.
VAR_DIR.mkdir(parents=True, exist_ok=True)
# Development and tests use wagtail-localize's dummy translator, never a real service.
if not ENV_MACHINE_TRANSLATOR:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"
    }
