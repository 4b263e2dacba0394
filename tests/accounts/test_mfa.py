"""MFA in the admin: who must enrol, enrolment, verification, recovery codes."""

import json

import pytest
from django.core.management import call_command
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests import factories
from tests.accounts.helpers import current_code, sign_in

pytestmark = pytest.mark.django_db

PAGES = "/admin/pages/"


def session_key(client):
    return client.cookies["sessionid"].value


def test_a_drafter_without_a_device_is_sent_to_enrolment_and_cannot_reach_pages(client, site_tree):
    factories.drafter()
    assert sign_in(client, "drafter").status_code == 302

    response = client.get(PAGES)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/mfa/?next=")

    enrol = client.get(response["Location"])
    assert enrol.status_code == 200
    assert "Use an authenticator app" in enrol.text
    # Neither another admin screen nor a passkey shortcut gets round it.
    assert client.get("/admin/").status_code == 302
    assert client.get("/admin/images/").status_code == 302


@pytest.fixture
def no_wait_after_a_wrong_code(settings):
    """django-otp makes each wrong code double the wait before the next; the tests that
    follow a wrong code with the right one turn it off (the wait has its own test)."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


def test_after_enrolling_an_authenticator_app_the_drafter_reaches_pages(
    client, site_tree, no_wait_after_a_wrong_code
):
    factories.drafter()
    sign_in(client, "drafter")
    before = session_key(client)

    page = client.get("/admin/mfa/app/", {"next": PAGES})
    assert page.status_code == 200
    device = TOTPDevice.objects.get(user__username="drafter", confirmed=False)
    assert "<svg" in page.text

    wrong = client.post("/admin/mfa/app/", {"token": "000000", "next": PAGES})
    assert "That code is not right" in wrong.text
    assert client.get(PAGES).status_code == 302

    done = client.post("/admin/mfa/app/", {"token": current_code(device), "next": PAGES})
    assert done.status_code == 200
    codes = StaticToken.objects.filter(device__user__username="drafter")
    assert codes.count() == 10
    assert all(token.token in done.text for token in codes)
    assert session_key(client) != before  # a new session key at MFA
    assert client.get(PAGES).status_code == 200


@pytest.fixture
def enrolled_drafter(site_tree):
    user = factories.drafter()
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    recovery = StaticDevice.objects.create(user=user, name="Recovery codes", confirmed=True)
    recovery.token_set.create(token="rcv12345")
    return user, device


def test_an_enrolled_drafter_verifies_with_the_app_at_each_sign_in(
    client, enrolled_drafter, no_wait_after_a_wrong_code
):
    _user, device = enrolled_drafter
    sign_in(client, "drafter")
    response = client.get(PAGES)
    assert response["Location"].startswith("/admin/mfa/verify/?next=")

    refused = client.post("/admin/mfa/verify/", {"token": "123456", "next": PAGES})
    assert refused.status_code == 200
    assert "That code is not right" in refused.text
    assert client.get(PAGES).status_code == 302

    before = session_key(client)
    accepted = client.post("/admin/mfa/verify/", {"token": current_code(device), "next": PAGES})
    assert accepted.status_code == 302
    assert accepted["Location"] == PAGES
    assert session_key(client) != before
    assert client.get(PAGES).status_code == 200


def test_a_wrong_code_makes_the_next_one_wait(client, enrolled_drafter):
    _user, device = enrolled_drafter
    sign_in(client, "drafter")
    client.post("/admin/mfa/verify/", {"token": "123456", "next": PAGES})
    too_soon = client.post("/admin/mfa/verify/", {"token": current_code(device), "next": PAGES})
    assert too_soon.status_code == 200
    assert client.get(PAGES).status_code == 302


def test_a_recovery_code_works_once(client, enrolled_drafter):
    sign_in(client, "drafter")
    first = client.post("/admin/mfa/verify/", {"token": "RCV1 2345", "next": PAGES})
    assert first["Location"] == PAGES
    assert client.get(PAGES).status_code == 200

    client.post("/admin/logout/")
    sign_in(client, "drafter")
    again = client.post("/admin/mfa/verify/", {"token": "rcv12345", "next": PAGES})
    assert again.status_code == 200
    assert client.get(PAGES).status_code == 302


def test_a_stolen_password_cannot_add_a_device_to_an_enrolled_account(client, enrolled_drafter):
    sign_in(client, "drafter")
    response = client.get("/admin/mfa/app/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/mfa/verify/")
    assert not TOTPDevice.objects.filter(confirmed=False).exists()
    # Positive control: once verified, the same person may add a second app.
    _user, device = enrolled_drafter
    client.post("/admin/mfa/verify/", {"token": current_code(device)})
    assert client.get("/admin/mfa/app/").status_code == 200


def test_administrators_and_approvers_must_enrol(client, site_tree, governments):
    factories.UserFactory(username="root", is_superuser=True, is_staff=True)
    factories.approver(governments["CA"], username="approver-ca")
    for username in ("root", "approver-ca"):
        client.post("/admin/logout/")
        sign_in(client, username)
        assert client.get("/admin/")["Location"].startswith("/admin/mfa/"), username


def test_translators_need_mfa_only_when_the_setting_says(client, site_tree, settings):
    factories.translator("fr")
    sign_in(client, "translator-fr")
    assert client.get("/admin/").status_code == 200

    settings.COMMUNIQUE_MFA_FOR_TRANSLATORS = True
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/mfa/")


def test_a_translator_who_chose_a_factor_is_asked_for_it(client, site_tree):
    user = factories.translator("fr")
    sign_in(client, "translator-fr")
    assert client.get("/admin/").status_code == 200
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    assert client.get("/admin/")["Location"].startswith("/admin/mfa/verify/")


def test_relaxed_settings_let_a_drafter_in_and_every_admin_page_says_so(
    client, site_tree, settings
):
    factories.drafter()
    sign_in(client, "drafter")
    assert "switched off by the development settings" not in client.get("/admin/mfa/").text

    settings.COMMUNIQUE_MFA_REQUIRED = False
    response = client.get(PAGES)
    assert response.status_code == 200
    assert "switched off by the development settings" in response.text


def test_enrolment_speaks_the_interface_language_and_offers_passkeys(client, site_tree):
    factories.drafter()
    sign_in(client, "drafter")
    french = client.get("/admin/mfa/", HTTP_ACCEPT_LANGUAGE="fr")
    assert "Utiliser une application d’authentification" in french.text
    passkey = client.get("/admin/mfa/passkey/")
    assert passkey.status_code == 200
    assert 'id="otp_webauthn_config"' in passkey.text
    assert "/admin/mfa/webauthn/registration/begin/" in passkey.text
    assert "django_otp_webauthn/otp_webauthn_register.js" in passkey.text


def test_reset_mfa_lets_someone_who_lost_everything_enrol_again(client, enrolled_drafter):
    sign_in(client, "drafter")
    assert client.get(PAGES)["Location"].startswith("/admin/mfa/verify/")
    call_command("reset_mfa", "drafter")
    assert client.get(PAGES)["Location"].startswith("/admin/mfa/?next=")
    assert client.get("/admin/mfa/app/").status_code == 200


def test_the_passkey_script_speaks_every_interface_language(client, site_tree):
    factories.drafter()
    sign_in(client, "drafter")
    expected = {"fr": "Enregistrer une clé d’accès", "ja": "パスキーを登録", "de": "Passkey"}
    for code, text in expected.items():
        catalog = client.get("/admin/mfa/webauthn/jsi18n/", HTTP_ACCEPT_LANGUAGE=code)
        assert catalog.status_code == 200
        assert json.dumps(text)[1:-1] in catalog.text, code
