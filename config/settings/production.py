"""Production settings: fail fast on missing secrets, no insecure defaults."""

from django.core.exceptions import ImproperlyConfigured

from .base import *

DEBUG = False
COMMUNIQUE_DEMO_ALLOWED = False

if not ENV_SECRET_KEY or len(ENV_SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be set to at least 50 random characters")
SECRET_KEY = ENV_SECRET_KEY
if not ENV_ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must list the host names this site answers to")
if not ENV_DATABASE_URL:
    raise ImproperlyConfigured("DATABASE_URL must point at the production database")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Multi-factor authentication is never relaxed in production.
if ENV_MFA_REQUIRED is False:
    raise ImproperlyConfigured("MFA_REQUIRED cannot be turned off in production")
COMMUNIQUE_MFA_REQUIRED = True
# A remembered browser skips the second factor for at most GOV.UK Signon's 30 days.
if ENV_MFA_REMEMBER_DAYS > 30:
    raise ImproperlyConfigured("MFA_REMEMBER_DAYS cannot be more than 30 in production")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = ENV_SECURE_SSL_REDIRECT
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = ENV_SECURE_HSTS_SECONDS
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not DATABASE_POOL:
    # Without a pool, keep each process's connection for a minute; with one, the pool
    # keeps them (and Django requires CONN_MAX_AGE = 0).
    DATABASES["default"]["CONN_MAX_AGE"] = 60
