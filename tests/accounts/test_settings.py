"""Production never relaxes MFA; dev relaxes it only by default and says so."""

import os
import subprocess
import sys

from django.conf import settings

PRODUCTION_ENV = {
    "SECRET_KEY": "x" * 60,
    "ALLOWED_HOSTS": "communique.example.org",
    "DATABASE_URL": "postgres://u:p@db.invalid:5432/communique",
}


def read_setting(module, name, **env):
    code = (
        "import django, os; django.setup(); from django.conf import settings; "
        f"print(settings.{name})"
    )
    environment = {
        k: v for k, v in os.environ.items() if k not in {"MFA_REQUIRED", "MFA_REMEMBER_DAYS"}
    }
    environment.update(DJANGO_SETTINGS_MODULE=module, **env)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_requires_mfa_and_refuses_to_turn_it_off():
    result = read_setting("config.settings.production", "COMMUNIQUE_MFA_REQUIRED", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "True"

    refused = read_setting(
        "config.settings.production", "COMMUNIQUE_MFA_REQUIRED", MFA_REQUIRED="0", **PRODUCTION_ENV
    )
    assert refused.returncode != 0
    assert "MFA_REQUIRED cannot be turned off in production" in refused.stderr


def test_dev_relaxes_mfa_unless_asked_and_tests_require_it():
    assert read_setting("config.settings.dev", "COMMUNIQUE_MFA_REQUIRED").stdout.strip() == "False"
    asked = read_setting("config.settings.dev", "COMMUNIQUE_MFA_REQUIRED", MFA_REQUIRED="1")
    assert asked.stdout.strip() == "True"
    assert settings.COMMUNIQUE_MFA_REQUIRED is True


def test_production_remembers_a_browser_for_at_most_30_days():
    default = read_setting(
        "config.settings.production", "COMMUNIQUE_MFA_REMEMBER_DAYS", **PRODUCTION_ENV
    )
    assert default.stdout.strip().splitlines()[-1] == "30", default.stderr
    off = read_setting(
        "config.settings.production",
        "COMMUNIQUE_MFA_REMEMBER_DAYS",
        MFA_REMEMBER_DAYS="0",
        **PRODUCTION_ENV,
    )
    assert off.stdout.strip().splitlines()[-1] == "0", off.stderr

    refused = read_setting(
        "config.settings.production",
        "COMMUNIQUE_MFA_REMEMBER_DAYS",
        MFA_REMEMBER_DAYS="31",
        **PRODUCTION_ENV,
    )
    assert refused.returncode != 0
    assert "MFA_REMEMBER_DAYS cannot be more than 30 in production" in refused.stderr
    # Outside production a longer time is allowed (a test or a laptop).
    dev = read_setting(
        "config.settings.dev", "COMMUNIQUE_MFA_REMEMBER_DAYS", MFA_REMEMBER_DAYS="60"
    )
    assert dev.stdout.strip() == "60", dev.stderr
