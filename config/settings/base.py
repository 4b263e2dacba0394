"""Settings shared by every environment.

Every environment variable is read here, once, typed. The other settings modules
only choose defaults and tighten what production needs.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def _env_str(name, default=""):
    return os.environ.get(name, default).strip()


def _env_bool(name, default=False):
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), not {raw!r}")


def _env_int(name, default):
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, not {raw!r}") from exc


def _env_list(name, default=()):
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


# --- Environment (read once) -------------------------------------------------
ENV_VAR_DIR = _env_str("COMMUNIQUE_VAR_DIR")
ENV_DATABASE_URL = _env_str("DATABASE_URL")
ENV_REDIS_URL = _env_str("REDIS_URL")
ENV_SECRET_KEY = _env_str("SECRET_KEY")
ENV_ALLOWED_HOSTS = _env_list("ALLOWED_HOSTS")
ENV_CSRF_TRUSTED_ORIGINS = _env_list("CSRF_TRUSTED_ORIGINS")
ENV_TIME_ZONE = _env_str("TIME_ZONE", "UTC")
ENV_LANGUAGES = _env_list("LANGUAGES", ["en", "fr", "de", "it", "ja", "ko", "nl"])
ENV_EMAIL_URL_HOST = _env_str("EMAIL_HOST")
ENV_EMAIL_PORT = _env_int("EMAIL_PORT", 25)
ENV_EMAIL_HOST_USER = _env_str("EMAIL_HOST_USER")
ENV_EMAIL_HOST_PASSWORD = _env_str("EMAIL_HOST_PASSWORD")
ENV_EMAIL_USE_TLS = _env_bool("EMAIL_USE_TLS", False)
ENV_DEFAULT_FROM_EMAIL = _env_str("DEFAULT_FROM_EMAIL", "Communiqué <newsroom@localhost>")
ENV_MEDIA_ROOT = _env_str("MEDIA_ROOT")
ENV_MEDIA_URL = _env_str("MEDIA_URL", "/media/")
ENV_STATIC_ROOT = _env_str("STATIC_ROOT")
ENV_STATIC_URL = _env_str("STATIC_URL", "/static/")
ENV_BASE_URL = _env_str("BASE_URL", "http://127.0.0.1:8000")
ENV_REQUIRE_SERVICES = _env_bool("REQUIRE_SERVICES", False)
ENV_CELERY_TASK_TIME_LIMIT = _env_int("CELERY_TASK_TIME_LIMIT", 300)
ENV_MACHINE_TRANSLATOR = _env_str("MACHINE_TRANSLATOR").lower()
ENV_MACHINE_TRANSLATOR_KEY = _env_str("MACHINE_TRANSLATOR_KEY")
ENV_MACHINE_TRANSLATOR_URL = _env_str("MACHINE_TRANSLATOR_URL")
ENV_SECURE_SSL_REDIRECT = _env_bool("SECURE_SSL_REDIRECT", True)
ENV_SECURE_HSTS_SECONDS = _env_int("SECURE_HSTS_SECONDS", 31536000)
ENV_RELEASE_PRECHECK_MINUTES = _env_int("RELEASE_PRECHECK_MINUTES", 30)
ENV_RELEASE_CLOCK_INTERVAL_MS = _env_int("RELEASE_CLOCK_INTERVAL_MS", 1000)
ENV_RELEASE_ETA_WINDOW = _env_int("RELEASE_ETA_WINDOW", 1800)
ENV_RELEASE_SWEEP_SECONDS = _env_int("RELEASE_SWEEP_SECONDS", 30)
ENV_RELEASE_PREPARE_MS = _env_int("RELEASE_PREPARE_MS", 3000)
ENV_RELEASE_PREPARE_MAX_MS = _env_int("RELEASE_PREPARE_MAX_MS", 60000)
ENV_RELEASE_PREPARE_FACTOR = _env_int("RELEASE_PREPARE_FACTOR", 4)
ENV_RELEASE_EFFECT_ATTEMPTS = _env_int("RELEASE_EFFECT_ATTEMPTS", 8)
ENV_RELEASE_EFFECT_RETRY_SECONDS = _env_int("RELEASE_EFFECT_RETRY_SECONDS", 10)
ENV_SUBSCRIPTION_CONFIRM_DAYS = _env_int("SUBSCRIPTION_CONFIRM_DAYS", 3)
ENV_HEALTH_TOKEN = _env_str("HEALTH_TOKEN")
ENV_LOG_LEVEL = _env_str("LOG_LEVEL").upper()
ENV_DATABASE_POOL_SIZE = _env_int("DATABASE_POOL_SIZE", 10)
ENV_PUBLIC_CACHE_SECONDS = _env_int("PUBLIC_CACHE_SECONDS", 30)
ENV_RELEASE_WAIT_MS = _env_int("RELEASE_WAIT_MS", 2000)
ENV_ACCOUNT_SUSPEND_AFTER_DAYS = _env_int("ACCOUNT_SUSPEND_AFTER_DAYS", 45)
ENV_ACCOUNT_SUSPEND_WARNING_DAYS = _env_int("ACCOUNT_SUSPEND_WARNING_DAYS", 7)
ENV_ACCOUNT_SUSPEND_EXEMPT = _env_list("ACCOUNT_SUSPEND_EXEMPT")
# Accounts (docs/security.md): unset MFA_REQUIRED means "this environment's default".
ENV_MFA_REQUIRED = _env_bool("MFA_REQUIRED", None)
ENV_MFA_FOR_TRANSLATORS = _env_bool("MFA_FOR_TRANSLATORS", False)
ENV_MFA_REMEMBER_DAYS = _env_int("MFA_REMEMBER_DAYS", 30)
ENV_CLIENT_IP_HEADER = _env_str("CLIENT_IP_HEADER")
ENV_LOGIN_IP_FAILURE_LIMIT = _env_int("LOGIN_IP_FAILURE_LIMIT", 30)
ENV_CSP_FRAME_SRC = _env_list(
    "CSP_FRAME_SRC",
    ["https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
)

# Local state on a laptop: SQLite file, embedded broker, media, beat schedule.
VAR_DIR = Path(ENV_VAR_DIR) if ENV_VAR_DIR else BASE_DIR / "var"

# --- Core ----------------------------------------------------------------------
SECRET_KEY = ENV_SECRET_KEY
DEBUG = False
ALLOWED_HOSTS = ENV_ALLOWED_HOSTS
CSRF_TRUSTED_ORIGINS = ENV_CSRF_TRUSTED_ORIGINS
REQUIRE_SERVICES = ENV_REQUIRE_SERVICES

INSTALLED_APPS = [
    # First: its templates extend Wagtail's admin ones of the same name (the MFA banner).
    "accounts",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "axes",
    "csp",
    # Last, so its ready() runs after Wagtail's admin has connected its signal handlers
    # (statements.wagtail_compat adjusts them). The public channels listen to it.
    "statements",
    "newsroom",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside the page cache, so a page answered from it gets this request's headers.
    "accounts.middleware.ContentSecurityPolicyMiddleware",
    "accounts.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions, locale and auth: a cached page is answered without them (the
    # page was stored with the headers they added), and a request that carries a
    # session cookie is never answered from or stored in the shared cache.
    "newsroom.page_cache.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "config.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Ends an idle or too-old session before anything acts on it, then asks for MFA.
    "accounts.middleware.SessionLimitsMiddleware",
    "accounts.middleware.MFARequiredMiddleware",
    # After auth: an admin URL naming a statement under embargo is refused (403) to a user
    # with no role in it (docs/security.md).
    "statements.admin_embargo.AdminEmbargoMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database ------------------------------------------------------------------
DEFAULT_SQLITE_PATH = VAR_DIR / "communique.sqlite3"
DATABASES = {
    "default": dj_database_url.parse(
        ENV_DATABASE_URL or f"sqlite:///{DEFAULT_SQLITE_PATH}",
        conn_max_age=0,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Every transaction takes SQLite's write lock when it begins, so the worker, beat
    # and release clock of `make run` queue up instead of failing with "locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    INSTALLED_APPS.append("django.contrib.postgres")
USING_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
if ENV_DATABASE_POOL_SIZE < 0:
    raise ImproperlyConfigured("DATABASE_POOL_SIZE must be 0 (no pool) or more")
# Each process borrows connections from a pool of at most DATABASE_POOL_SIZE, so a
# crowd of readers on a threaded server waits for a connection instead of opening one
# each until PostgreSQL refuses everyone ("too many clients"), the release included.
# The release clock keeps a connection of its own outside the pool (its advisory lock
# lives on that session); docs/operations.md has the arithmetic against max_connections.
DATABASE_POOL = (
    {"min_size": 1, "max_size": ENV_DATABASE_POOL_SIZE, "timeout": 10}
    if USING_POSTGRES and ENV_DATABASE_POOL_SIZE
    else None
)
if DATABASE_POOL:
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = DATABASE_POOL
    # Django refuses persistent connections with a pool; the pool checks a connection
    # before lending it, so one PostgreSQL dropped while idle fails no request.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages -----------------------------------------------------------------
# One list configures the site's languages, any BCP 47 tags: adding one is this
# setting plus, for its interface, a catalog under locale/. Names and direction come
# from Django's table, extended for tags it lacks (mt, zh) in config/languages.py; a
# language without a catalog shows the default language's interface whole.
from config import languages as _languages  # noqa: E402

LANGUAGES, LANGUAGES_BIDI = _languages.language_settings(ENV_LANGUAGES)
LANGUAGE_CODE = LANGUAGES[0][0]
_languages.install_interface_fallback()
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# Japanese, Korean, Arabic... titles make slugs in their own script (statements/measures.py);
# Latin-script titles still make ASCII ones.
WAGTAIL_ALLOW_UNICODE_SLUGS = True
USE_I18N = True
LOCALE_PATHS = [BASE_DIR / "locale"]
# Babel locale used for dates on public pages, where the bare language code would
# give a form the press offices do not use ("May 29, 2025" for plain "en").
COMMUNIQUE_DATE_LOCALES = {"en": "en_GB"}

TIME_ZONE = ENV_TIME_ZONE
USE_TZ = True

# --- Static and media ----------------------------------------------------------
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
STATIC_ROOT = Path(ENV_STATIC_ROOT) if ENV_STATIC_ROOT else VAR_DIR / "static"
STATIC_URL = ENV_STATIC_URL
MEDIA_ROOT = Path(ENV_MEDIA_ROOT) if ENV_MEDIA_ROOT else VAR_DIR / "media"
MEDIA_URL = ENV_MEDIA_URL
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- E-mail --------------------------------------------------------------------
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = ENV_EMAIL_URL_HOST or "localhost"
EMAIL_PORT = ENV_EMAIL_PORT
EMAIL_HOST_USER = ENV_EMAIL_HOST_USER
EMAIL_HOST_PASSWORD = ENV_EMAIL_HOST_PASSWORD
EMAIL_USE_TLS = ENV_EMAIL_USE_TLS
DEFAULT_FROM_EMAIL = ENV_DEFAULT_FROM_EMAIL
SERVER_EMAIL = ENV_DEFAULT_FROM_EMAIL

# --- Celery --------------------------------------------------------------------
# Without REDIS_URL an embedded broker (kombu's filesystem transport under var/)
# lets the worker and beat run on a laptop with nothing else installed.
CELERY_BROKER_DIR = VAR_DIR / "celery-broker"
if ENV_REDIS_URL:
    CELERY_BROKER_URL = ENV_REDIS_URL
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
else:
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_BROKER_DIR / "queue"),
        "data_folder_out": str(CELERY_BROKER_DIR / "queue"),
        "processed_folder": str(CELERY_BROKER_DIR / "processed"),
        "store_processed": False,
        # The exchange tables; kombu's default is "control/" in the working directory.
        "control_folder": str(CELERY_BROKER_DIR / "control"),
    }
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TIMEZONE = "UTC"
CELERY_ENABLE_UTC = True
CELERY_TASK_TIME_LIMIT = ENV_CELERY_TASK_TIME_LIMIT
CELERY_TASK_SOFT_TIME_LIMIT = max(ENV_CELERY_TASK_TIME_LIMIT - 30, 10)
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A broker outage must not end the worker: it retries the connection for as long as
# Redis is away (Celery's default gives up after 100 attempts), at start-up too, and
# treats a channel error like a lost connection. The release clock covers the
# outage; the worker resumes when Redis returns (tests/statements/test_supervision.py).
CELERY_BROKER_CONNECTION_RETRY = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_CONNECTION_MAX_RETRIES = None
CELERY_BROKER_CHANNEL_ERROR_RETRY = True
# A release already inside its transaction when Redis drops finishes on time rather
# than being cancelled (Celery 6 would cancel it); its redelivered copy is a no-op.
CELERY_WORKER_CANCEL_LONG_RUNNING_TASKS_ON_CONNECTION_LOSS = False
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
CELERY_BEAT_SCHEDULE = {
    "clear-expired-sessions": {
        "task": "statements.tasks.clear_expired_sessions_task",
        "schedule": 6 * 60 * 60.0,
    },
    "sign-off-reminders": {
        "task": "statements.tasks.send_signoff_reminders_task",
        "schedule": 15 * 60.0,
    },
    "translation-sync-sweep": {
        "task": "statements.tasks.sync_stale_translations_task",
        "schedule": 5 * 60.0,
    },
    "translation-digests": {
        "task": "statements.tasks.send_translation_digests_task",
        "schedule": 10 * 60.0,
    },
    "delete-unconfirmed-subscribers": {
        "task": "newsroom.tasks.delete_unconfirmed_task",
        "schedule": 60 * 60.0,
    },
    "release-sweep": {
        "task": "statements.tasks.release_sweep_task",
        "schedule": float(ENV_RELEASE_SWEEP_SECONDS),
    },
    "release-effects": {
        "task": "statements.tasks.deliver_release_effects_task",
        "schedule": float(ENV_RELEASE_EFFECT_RETRY_SECONDS),
    },
    "suspend-unused-accounts": {
        "task": "statements.tasks.suspend_unused_accounts_task",
        "schedule": 60 * 60.0,
    },
}

# --- Release -------------------------------------------------------------------
# ETA tasks are queued only this far ahead: well inside the broker's visibility
# timeout, after which Redis would deliver a far-future ETA task a second time.
COMMUNIQUE_RELEASE_ETA_WINDOW = ENV_RELEASE_ETA_WINDOW
if (
    ENV_REDIS_URL
    and CELERY_BROKER_TRANSPORT_OPTIONS.get("visibility_timeout", 3600)
    <= COMMUNIQUE_RELEASE_ETA_WINDOW
):
    raise ImproperlyConfigured("RELEASE_ETA_WINDOW must be shorter than the visibility timeout")
COMMUNIQUE_RELEASE_PRECHECK_MINUTES = ENV_RELEASE_PRECHECK_MINUTES
COMMUNIQUE_RELEASE_CLOCK_INTERVAL = ENV_RELEASE_CLOCK_INTERVAL_MS / 1000.0
# A release prepares (checks, stages every language's text, invisibly) ahead of its
# instant, then flips at the instant: it starts preparing FACTOR times as long before
# as preparing its languages is expected to take (measured on recent releases), and
# never less than RELEASE_PREPARE_MS nor more than RELEASE_PREPARE_MAX_MS before.
COMMUNIQUE_RELEASE_PREPARE_SECONDS = ENV_RELEASE_PREPARE_MS / 1000.0
COMMUNIQUE_RELEASE_PREPARE_MAX_SECONDS = max(
    ENV_RELEASE_PREPARE_MAX_MS / 1000.0, COMMUNIQUE_RELEASE_PREPARE_SECONDS
)
COMMUNIQUE_RELEASE_PREPARE_FACTOR = max(1, ENV_RELEASE_PREPARE_FACTOR)
# A release's side effects (purges, subscription e-mails, signals) are rows in an
# outbox, retried after a failure RETRY_SECONDS later, then twice as long each time,
# up to the ATTEMPTS-th; after that they stay pending, retried at that longest
# interval, and every failure is logged at ERROR (statements/outbox.py).
COMMUNIQUE_RELEASE_EFFECT_ATTEMPTS = max(ENV_RELEASE_EFFECT_ATTEMPTS, 1)
COMMUNIQUE_RELEASE_EFFECT_RETRY_SECONDS = max(ENV_RELEASE_EFFECT_RETRY_SECONDS, 1)
# Monitoring may read the health endpoint's details with this token (staff always can).
COMMUNIQUE_HEALTH_TOKEN = ENV_HEALTH_TOKEN
# Unconfirmed subscriptions (and their addresses) are deleted after this many days.
COMMUNIQUE_SUBSCRIPTION_CONFIRM_DAYS = ENV_SUBSCRIPTION_CONFIRM_DAYS

# --- People --------------------------------------------------------------------
# Accounts unused (no sign-in since joining or the last sign-in) for this many days are
# suspended, after a warning e-mail WARNING_DAYS before; every account, superusers
# included, except the usernames in ACCOUNT_SUSPEND_EXEMPT (a break-glass
# administrator). docs/security.md.
if ENV_ACCOUNT_SUSPEND_AFTER_DAYS < 1 or not (
    0 <= ENV_ACCOUNT_SUSPEND_WARNING_DAYS < ENV_ACCOUNT_SUSPEND_AFTER_DAYS
):
    raise ImproperlyConfigured(
        "ACCOUNT_SUSPEND_AFTER_DAYS must be 1 or more and ACCOUNT_SUSPEND_WARNING_DAYS "
        "0 or more and fewer"
    )
ACCOUNT_SUSPEND_AFTER_DAYS = ENV_ACCOUNT_SUSPEND_AFTER_DAYS
ACCOUNT_SUSPEND_WARNING_DAYS = ENV_ACCOUNT_SUSPEND_WARNING_DAYS
ACCOUNT_SUSPEND_EXEMPT = ENV_ACCOUNT_SUSPEND_EXEMPT

# --- Logging -------------------------------------------------------------------
# One console handler in every environment: the process supervisor (run_newsroom's
# supervisord, compose, systemd) collects standard error. `communique.*` logs at INFO
# whatever LOG_LEVEL says, so each released language leaves one line naming
# the trigger that released it and the lag. The Celery worker replaces the root
# handler with its own; these records reach it all the same.
# WARNING by default: INFO from Wagtail and django-tasks runs to thousands of lines
# while the demo loads, and buries what matters.
LOG_LEVEL = ENV_LOG_LEVEL or "WARNING"
if LOG_LEVEL not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
    raise ImproperlyConfigured(
        f"LOG_LEVEL must be DEBUG, INFO, WARNING, ERROR or CRITICAL, not {ENV_LOG_LEVEL!r}"
    )
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # Django's own default sends these to a second console handler in DEBUG.
        "django": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False},
        "communique": {"level": "DEBUG" if LOG_LEVEL == "DEBUG" else "INFO"},
        # Every failed login, lockout and unlock (django-axes), whatever LOG_LEVEL says.
        "axes": {"level": "DEBUG" if LOG_LEVEL == "DEBUG" else "INFO"},
    },
}

# --- Cache ---------------------------------------------------------------------
# Redis, shared by every process; while it does not answer, each process answers from
# its own memory instead of raising (config/cache.py), so public pages still serve.
if ENV_REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "config.cache.FallbackRedisCache",
            "LOCATION": ENV_REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Released pages, listings and feeds are public-cacheable for at most this long, never
# past the next scheduled release instant, and rendered pages are kept in the cache
# above as long (newsroom/page_cache.py); 0 turns both off.
if ENV_PUBLIC_CACHE_SECONDS < 0:
    raise ImproperlyConfigured("PUBLIC_CACHE_SECONDS must be 0 (off) or more")
COMMUNIQUE_PUBLIC_CACHE_SECONDS = ENV_PUBLIC_CACHE_SECONDS
# A public request that arrives once a release is due, and before it commits, waits for
# the commit (at most this long after the instant) rather than answer "not found".
if ENV_RELEASE_WAIT_MS < 0:
    raise ImproperlyConfigured("RELEASE_WAIT_MS must be 0 (off) or more")
COMMUNIQUE_RELEASE_WAIT_SECONDS = ENV_RELEASE_WAIT_MS / 1000.0

# --- Wagtail -------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Communiqué"
WAGTAILADMIN_BASE_URL = ENV_BASE_URL
COMMUNIQUE_BASE_URL = ENV_BASE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Documents only through Wagtail's view, so the embargo hook (before_serve_document)
# sees every download; /media/documents/ is not served (newsroom.views.media).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# An upload Willow recognises but cannot read (a GIF header before HTML) is a form
# error, not a 500 (statements/forms.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "statements.forms.ImageForm"
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Machine translation sends unreleased text to a third party, so it is off unless an
# operator names a service (README: MACHINE_TRANSLATOR). Machine-translated segments
# stay marked until a person edits them, and a language cannot be approved before.
_MACHINE_TRANSLATORS = {
    "": None,
    "dummy": {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"},
    "deepl": {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": ENV_MACHINE_TRANSLATOR_KEY},
    },
    "google": {
        "CLASS": "wagtail_localize.machine_translators.google.GoogleCloudTranslator",
        "OPTIONS": {"CREDENTIALS_PATH": ENV_MACHINE_TRANSLATOR_KEY},
    },
    "libretranslate": {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": ENV_MACHINE_TRANSLATOR_URL,
            "API_KEY": ENV_MACHINE_TRANSLATOR_KEY,
        },
    },
}
if ENV_MACHINE_TRANSLATOR not in _MACHINE_TRANSLATORS:
    raise ImproperlyConfigured(
        f"MACHINE_TRANSLATOR must be one of {sorted(k for k in _MACHINE_TRANSLATORS if k)}"
    )
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = _MACHINE_TRANSLATORS[ENV_MACHINE_TRANSLATOR]
# Finishing a statement's workflow clears it for release; it never publishes
# (docs/adr/0004). Read once when Wagtail's models load, so it lives here.
WAGTAIL_FINISH_WORKFLOW_ACTION = "statements.workflow_finish.finish_workflow"
# Autosave would void signatures while someone types and could rewrite a revision
# that was signed; statements are saved only by a person's explicit save (ADR 0004).
WAGTAIL_AUTOSAVE_INTERVAL = 0
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = False

# Password logins in the admin and on the public site.
LOGIN_URL = "wagtailadmin_login"

# --- Accounts: MFA, lockout, sessions, CSP (docs/security.md, ADR 0010) ----------
# The axes backend first: it refuses a locked-out username or address before the
# password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Administrators, drafters and approvers must verify a second factor in the admin;
# translators (agency accounts among them) too when MFA_FOR_TRANSLATORS is set.
# Production always requires it; dev relaxes it unless MFA_REQUIRED=1 (with a banner).
COMMUNIQUE_MFA_REQUIRED = ENV_MFA_REQUIRED is not False
COMMUNIQUE_MFA_FOR_TRANSLATORS = ENV_MFA_FOR_TRANSLATORS
# GOV.UK Signon's "remembered 30 days": a browser that passed the second factor with
# "Remember this browser" ticked skips it at sign-ins for this many days (the password
# is always asked). 0 turns the checkbox and the skip off; production refuses over 30.
if ENV_MFA_REMEMBER_DAYS < 0:
    raise ImproperlyConfigured("MFA_REMEMBER_DAYS must be 0 (off) or a number of days")
COMMUNIQUE_MFA_REMEMBER_DAYS = ENV_MFA_REMEMBER_DAYS
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
OTP_WEBAUTHN_RP_NAME = WAGTAIL_SITE_NAME
OTP_WEBAUTHN_RP_ID_CALLABLE = "accounts.passkeys.relying_party_id"
# Browsers offer passkeys only to https:// origins and to http://localhost; on a laptop
# served at http://127.0.0.1:8000 they work at http://localhost:8000.
_base = urlsplit(ENV_BASE_URL)
OTP_WEBAUTHN_ALLOWED_ORIGINS = [
    f"https://{_base.netloc}"
    if _base.scheme == "https"
    else f"http://localhost{':' + str(_base.port) if _base.port else ''}"
]
# A passkey is a second factor here, never a way round the password and the lockout.
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False

# GOV.UK Signon's rule: six failed sign-ins lock the account for an hour. An address
# is locked separately after LOGIN_IP_FAILURE_LIMIT failures against any accounts,
# higher so one office behind one address is not locked by a colleague's typos.
AXES_FAILURE_LIMIT = 6
COMMUNIQUE_LOGIN_IP_FAILURE_LIMIT = max(ENV_LOGIN_IP_FAILURE_LIMIT, AXES_FAILURE_LIMIT)
AXES_COOLOFF_TIME = timedelta(hours=1)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
# The log names the account and the address of every failure and lockout (never the
# password): that is what an administrator needs to answer "why am I locked out?".
AXES_SENSITIVE_PARAMETERS = []
AXES_HANDLER = "accounts.lockout.AccountLockoutHandler"
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
# The client's address: REMOTE_ADDR, or the header a trusted proxy sets when
# CLIENT_IP_HEADER names one (its last value: the one that proxy added).
COMMUNIQUE_CLIENT_IP_HEADER = ENV_CLIENT_IP_HEADER
AXES_CLIENT_IP_CALLABLE = "accounts.client_ip.client_ip_address"

# Sessions: 30 minutes idle, 12 hours at most, a new key at login and at MFA.
SESSION_COOKIE_AGE = 12 * 60 * 60
COMMUNIQUE_SESSION_IDLE_SECONDS = 30 * 60
COMMUNIQUE_SESSION_MAX_SECONDS = SESSION_COOKIE_AGE
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Content-Security-Policy: strict on public pages (no inline code at all); the admin's
# policy is what Wagtail 8 needs (COMMUNIQUE_ADMIN_CSP, chosen by path in accounts.middleware).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        # No nonce: rendered pages are cached and replayed (newsroom/page_cache.py), so a
        # nonce in the HTML would not match the next response's header. Script and style
        # come from static files; tests/accounts/test_headers.py keeps templates so.
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF, *ENV_CSP_FRAME_SRC],
        "media-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
COMMUNIQUE_ADMIN_PATH_PREFIXES = ("/admin/",)
COMMUNIQUE_ADMIN_CSP = {
    "default-src": [SELF],
    # Wagtail 8 still writes inline <script> (InlinePanel, date pickers, wagtail-localize's
    # editor, chooser modals' responses) and style="" attributes; a nonce would turn
    # 'unsafe-inline' off, so the admin has none. No 'unsafe-eval'.
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:", "https://www.gravatar.com"],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    # The preview panel frames the admin's own preview; embeds preview their provider.
    "frame-src": [SELF, *ENV_CSP_FRAME_SRC],
    "media-src": [SELF, "blob:"],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [SELF],
}
COMMUNIQUE_PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), "
    "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=(), "
    "browsing-topics=(), publickey-credentials-create=(self), publickey-credentials-get=(self)"
)
