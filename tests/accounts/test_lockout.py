"""Lockout (django-axes): six failures lock an account for an hour; addresses too."""

import logging
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command

from tests import factories
from tests.accounts.helpers import sign_in

pytestmark = pytest.mark.django_db

LOCKED = "locked for an hour"


@pytest.fixture
def translator():
    # A role without MFA by default: the sign-in itself is what is tested here.
    return factories.translator("fr")


def fail(client, username, times, address="192.0.2.10", **headers):
    for _attempt in range(times):
        response = sign_in(client, username, password="wrong", address=address, **headers)
        assert response.status_code in (200, 429)
    return response


def test_six_failures_lock_the_account_even_with_the_right_password(client, translator, caplog):
    caplog.set_level(logging.INFO, logger="axes")
    before_limit = fail(client, "translator-fr", 5)
    assert before_limit.status_code == 200  # the login form again, not locked yet
    assert LOCKED not in before_limit.text

    sixth = fail(client, "translator-fr", 1)
    assert sixth.status_code == 429
    assert LOCKED in sixth.text

    right_password = sign_in(client, "translator-fr")
    assert right_password.status_code == 429
    assert LOCKED in right_password.text
    assert "_auth_user_id" not in client.session
    # ... from another address too: the account itself is locked.
    assert sign_in(client, "translator-fr", address="198.51.100.7").status_code == 429
    # Every failure and the lockout are in the log, with the account and the address.
    logged = caplog.text
    assert "translator-fr" in logged
    assert "192.0.2.10" in logged
    assert "Locking out" in logged
    assert "wrong" not in logged  # never the password


def test_the_lock_ends_after_an_hour(client, translator):
    fail(client, "translator-fr", 6)
    assert sign_in(client, "translator-fr").status_code == 429
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=61)
    )
    assert sign_in(client, "translator-fr").status_code == 302


def test_an_administrator_unlocks_an_account(client, translator):
    fail(client, "translator-fr", 6)
    assert sign_in(client, "translator-fr").status_code == 429
    call_command("axes_reset_username", "translator-fr")
    assert sign_in(client, "translator-fr").status_code == 302


def test_failures_across_accounts_lock_the_address_at_its_own_higher_limit(
    client, translator, settings
):
    settings.COMMUNIQUE_LOGIN_IP_FAILURE_LIMIT = 12
    for n in range(11):
        fail(client, f"nobody-{n}", 1)
    # Eleven failures from one address, none six for one account: still open.
    assert sign_in(client, "translator-fr").status_code == 302
    client.post("/admin/logout/")
    for n in range(12):
        fail(client, f"someone-{n}", 1, address="192.0.2.99")
    assert sign_in(client, "translator-fr", address="192.0.2.99").status_code == 429
    # The same account from elsewhere is not locked: it was the address.
    assert sign_in(client, "translator-fr", address="198.51.100.7").status_code == 302


def test_the_proxy_header_is_ignored_unless_it_is_configured(client, translator, settings):
    forged = {"HTTP_X_FORWARDED_FOR": "203.0.113.5"}
    fail(client, "nobody", 1, address="10.0.0.2", **forged)
    assert AccessAttempt.objects.get().ip_address == "10.0.0.2"

    settings.COMMUNIQUE_CLIENT_IP_HEADER = "X-Forwarded-For"
    AccessAttempt.objects.all().delete()
    # The proxy appends the address it saw; what the client wrote before it is not trusted.
    fail(client, "nobody", 1, address="10.0.0.2", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.5")
    assert AccessAttempt.objects.get().ip_address == "203.0.113.5"


def test_behind_a_configured_proxy_one_locked_client_does_not_lock_the_others(
    client, translator, settings
):
    settings.COMMUNIQUE_CLIENT_IP_HEADER = "X-Forwarded-For"
    settings.COMMUNIQUE_LOGIN_IP_FAILURE_LIMIT = 6
    proxy = "10.0.0.2"
    for n in range(6):
        fail(client, f"nobody-{n}", 1, address=proxy, HTTP_X_FORWARDED_FOR="203.0.113.5")
    blocked = sign_in(client, "translator-fr", address=proxy, HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert blocked.status_code == 429
    other = sign_in(client, "translator-fr", address=proxy, HTTP_X_FORWARDED_FOR="203.0.113.6")
    assert other.status_code == 302


def test_a_superuser_unlocks_an_account_on_the_admin_screen(client, translator, site_tree):
    fail(client, "translator-fr", 6)
    drafter = factories.drafter()
    client.force_login(drafter)
    assert client.get("/admin/locked-sign-ins/").status_code != 200
    client.post("/admin/locked-sign-ins/unlock/", {"username": "translator-fr"})
    assert AccessAttempt.objects.filter(username="translator-fr").exists()

    admin = factories.UserFactory(username="root", is_superuser=True, is_staff=True)
    client.force_login(admin)
    screen = client.get("/admin/locked-sign-ins/")
    assert screen.status_code == 200
    assert "translator-fr" in screen.text
    unlocked = client.post(
        "/admin/locked-sign-ins/unlock/", {"username": "translator-fr"}, follow=True
    )
    assert "translator-fr is unlocked." in unlocked.text
    assert "translator-fr" not in client.get("/admin/locked-sign-ins/").text.split("<main")[1]

    client.post("/admin/logout/")
    assert sign_in(client, "translator-fr").status_code == 302
