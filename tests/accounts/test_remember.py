"""Remembered browsers: the second factor skipped for 30 days, never the password.

Each sign-in goes through the admin's form; "skipped" means the first admin page
after the password answers at once, "asked" that it sends to /admin/mfa/verify/.
"""

import datetime
import hashlib
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from accounts.models import RememberedBrowser
from accounts.remember import CHOICE_COOKIE_NAME, COOKIE_NAME
from statements.actions.accounts import SuspendUnusedAccountsAction
from tests import factories
from tests.accounts.helpers import current_code, sign_in

pytestmark = pytest.mark.django_db

PAGES = "/admin/pages/"
VERIFY = "/admin/mfa/verify/"
FORGET = "/admin/mfa/remembered-browsers/forget/"
CHECKBOX = 'name="remember"'


def enrol(user):
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    recovery = StaticDevice.objects.create(user=user, name="Recovery codes", confirmed=True)
    recovery.token_set.create(token="rcv12345")
    return device


@pytest.fixture
def drafter(site_tree):
    user = factories.drafter()
    return user, enrol(user)


def verify(client, device, remember):
    data = {"token": current_code(device), "next": PAGES}
    if remember:
        data["remember"] = "on"
    response = client.post(VERIFY, data)
    assert response.status_code == 302, response.content
    assert response["Location"] == PAGES
    return response


def sign_in_and_verify(client, device, remember=True, username="drafter"):
    sign_in(client, username)
    return verify(client, device, remember)


def sign_in_again(client, username="drafter", password="pass", page=PAGES):  # noqa: S107
    """Sign out and in with the password; the first admin page after it."""
    client.post("/admin/logout/")
    sign_in(client, username, password)
    return client.get(page)


def skipped(response):
    return response.status_code == 200


def asked(response):
    return response.status_code == 302 and response["Location"].startswith(VERIFY)


def cookie_cleared(client):
    morsel = client.cookies.get(COOKIE_NAME)
    return morsel is None or morsel.value == "" or morsel["max-age"] == 0


def test_a_remembered_browser_skips_the_second_factor_but_never_the_password(client, drafter):
    _user, device = drafter
    sign_in(client, "drafter")
    page = client.get(VERIFY, {"next": PAGES})
    assert CHECKBOX in page.text
    assert "Remember this browser for 30 days" in page.text
    assert 'type="checkbox"' in page.text and "checked" not in page.text.split(CHECKBOX)[1][:80]
    verify(client, device, remember=True)
    browser = RememberedBrowser.objects.get(user__username="drafter")
    assert browser.last_used_at is None

    client.post("/admin/logout/")
    sign_in(client, "drafter")
    key_after_password = client.cookies["sessionid"].value
    again = client.get(PAGES)
    assert skipped(again)
    assert client.cookies["sessionid"].value != key_after_password  # a new key at MFA
    browser.refresh_from_db()
    assert browser.last_used_at is not None
    assert client.get(VERIFY)["Location"] == "/admin/"  # verified: nothing to ask

    # The password is still asked: a wrong one leaves the browser signed out.
    client.post("/admin/logout/")
    refused = sign_in(client, "drafter", password="wrong")
    assert refused.status_code == 200
    assert client.get(PAGES)["Location"].startswith("/admin/login/")


def test_unticked_the_next_sign_in_asks_again(client, drafter):
    _user, device = drafter
    sign_in_and_verify(client, device, remember=False)
    assert COOKIE_NAME not in client.cookies
    assert not RememberedBrowser.objects.exists()
    assert asked(sign_in_again(client))


def test_an_expired_browser_is_asked_and_its_cookie_cleared(client, drafter, settings):
    _user, device = drafter
    sign_in_and_verify(client, device)
    assert skipped(sign_in_again(client))

    RememberedBrowser.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert asked(sign_in_again(client))
    assert cookie_cleared(client)
    assert not RememberedBrowser.objects.exists()


def test_a_shorter_setting_shortens_browsers_remembered_before(client, drafter, settings):
    _user, device = drafter
    sign_in_and_verify(client, device)
    RememberedBrowser.objects.update(created_at=timezone.now() - datetime.timedelta(days=2))
    assert skipped(sign_in_again(client))

    settings.COMMUNIQUE_MFA_REMEMBER_DAYS = 1
    assert asked(sign_in_again(client))


def test_the_cookie_of_another_user_is_ignored_and_cleared(client, drafter, governments, caplog):
    user, device = drafter
    sign_in_and_verify(client, device)
    assert skipped(sign_in_again(client))  # the drafter's own browser

    approver = factories.approver(governments["CA"], username="approver-ca")
    enrol(approver)
    assert asked(sign_in_again(client, "approver-ca"))
    assert cookie_cleared(client)
    assert f"token of user {user.pk}" in caplog.text  # refused as another's, first
    # The drafter's own record is theirs to forget; it is not the approver's to delete.
    assert RememberedBrowser.objects.filter(user__username="drafter").exists()


def test_a_made_up_cookie_is_asked(client, drafter):
    _user, device = drafter
    sign_in(client, "drafter")
    client.cookies[COOKIE_NAME] = "made-up-token"
    assert asked(client.get(PAGES))
    assert cookie_cleared(client)


def test_only_the_hash_of_the_token_is_stored_and_the_cookie_is_locked_down(
    client, drafter, settings
):
    _user, device = drafter
    response = sign_in_and_verify(client, device)
    cookie = response.cookies[COOKIE_NAME]
    token = cookie.value
    assert len(token) >= 43
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["path"] == "/admin/"
    assert cookie["max-age"] == 30 * 24 * 60 * 60
    assert not cookie["secure"]  # http://testserver, SESSION_COOKIE_SECURE off
    browser = RememberedBrowser.objects.get()
    assert browser.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in json.dumps(list(RememberedBrowser.objects.values()), default=str)
    assert browser.expires_at - browser.created_at == datetime.timedelta(days=30)

    settings.SESSION_COOKIE_SECURE = True
    client.post("/admin/logout/")
    sign_in(client, "drafter")
    client.cookies.pop(COOKIE_NAME)
    StaticDevice.objects.filter(name="Recovery codes").get().token_set.create(token="rcv99999")
    secure = client.post(VERIFY, {"token": "rcv99999", "next": PAGES, "remember": "on"})
    assert secure.cookies[COOKIE_NAME]["secure"] is True


def test_a_new_password_forgets_the_browsers(client, drafter):
    _user, device = drafter
    sign_in_and_verify(client, device)
    assert skipped(sign_in_again(client))

    new = "a-Fresh-passphrase-9"
    # Wagtail's account page, password panel filled, the others as they were.
    changed = client.post(
        "/admin/account/",
        {
            "name_email-first_name": "Dana",
            "name_email-last_name": "Drafter",
            "name_email-email": "drafter@example.org",
            "locale-preferred_language": "en",
            "locale-current_time_zone": "",
            "theme-theme": "system",
            "theme-density": "default",
            "theme-contrast": "system",
            "password-old_password": "pass",
            "password-new_password1": new,
            "password-new_password2": new,
        },
    )
    assert changed.status_code == 302, changed.content
    assert get_user_model().objects.get(username="drafter").check_password(new)
    assert not RememberedBrowser.objects.exists()
    assert asked(sign_in_again(client, password=new))


def test_the_same_password_under_a_new_hash_keeps_the_browsers(client, drafter):
    user, device = drafter
    sign_in_and_verify(client, device)
    user.refresh_from_db()
    user.set_password("pass")  # what Django does when a hasher's cost goes up
    user.save(update_fields=["password"])
    assert skipped(sign_in_again(client))


def test_a_new_factor_forgets_the_browsers(client, drafter):
    _user, device = drafter
    sign_in_and_verify(client, device)
    assert skipped(sign_in_again(client))

    client.get("/admin/mfa/app/")
    second = TOTPDevice.objects.get(user__username="drafter", confirmed=False)
    added = client.post("/admin/mfa/app/", {"token": current_code(second), "next": PAGES})
    assert added.status_code == 200
    assert not RememberedBrowser.objects.exists()
    assert asked(sign_in_again(client))


def test_new_recovery_codes_forget_the_browsers(client, drafter):
    _user, device = drafter
    sign_in_and_verify(client, device)
    assert skipped(sign_in_again(client))
    assert client.post("/admin/mfa/recovery-codes/").status_code == 200
    assert asked(sign_in_again(client))


def test_a_removed_factor_and_a_reset_forget_the_browsers(client, drafter, governments):
    _user, device = drafter
    sign_in_and_verify(client, device)
    StaticDevice.objects.filter(user__username="drafter").delete()
    assert asked(sign_in_again(client))  # its TOTP device is still there

    approver = factories.approver(governments["CA"], username="approver-ca")
    phone = enrol(approver)
    client.post("/admin/logout/")
    sign_in_and_verify(client, phone, username="approver-ca")
    assert skipped(sign_in_again(client, "approver-ca", page="/admin/"))
    call_command("reset_mfa", "approver-ca", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not RememberedBrowser.objects.exists()
    again = sign_in_again(client, "approver-ca", page="/admin/")
    assert again["Location"].startswith("/admin/mfa/?next=")


def test_forget_all_lists_the_browsers_then_forgets_them(client, drafter):
    _user, device = drafter
    sign_in_and_verify(client, device, remember=False)
    settings_page = client.get("/admin/mfa/")
    assert "No browser is remembered" in settings_page.text

    # A second sign-in in the same 30 seconds: the app's code was used, a recovery code works.
    client.post("/admin/logout/")
    sign_in(client, "drafter")
    firefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"
    data = {"token": "rcv12345", "next": PAGES, "remember": "on"}
    client.post(VERIFY, data, HTTP_USER_AGENT=firefox)
    listing = client.get("/admin/mfa/")
    assert "Remembered browsers" in listing.text
    assert "Firefox · Windows" in listing.text
    assert "(this browser)" in listing.text
    assert "Forget all remembered browsers" in listing.text
    assert skipped(sign_in_again(client))

    forgotten = client.post(FORGET)
    assert forgotten["Location"] == "/admin/mfa/"
    assert cookie_cleared(client)
    assert not RememberedBrowser.objects.exists()
    assert asked(sign_in_again(client))


def test_an_unverified_session_can_neither_list_nor_forget(client, drafter):
    _user, device = drafter
    sign_in_and_verify(client, device)
    client.post("/admin/logout/")
    client.cookies[COOKIE_NAME] = "made-up-token"  # this browser is not the remembered one
    sign_in(client, "drafter")
    assert "Remembered browsers" not in client.get("/admin/mfa/").text
    assert client.post(FORGET)["Location"] == "/admin/mfa/"
    assert RememberedBrowser.objects.count() == 1


def test_suspension_deactivation_and_unlock_forget_the_browsers(client, drafter):
    user, device = drafter
    sign_in_and_verify(client, device)
    get_user_model().objects.filter(pk=user.pk).update(
        last_login=timezone.now() - datetime.timedelta(days=46)
    )
    assert RememberedBrowser.objects.filter(user=user).exists()
    assert SuspendUnusedAccountsAction().execute()["suspended"] == 1
    assert not RememberedBrowser.objects.filter(user=user).exists()

    get_user_model().objects.filter(pk=user.pk).update(is_active=True, last_login=timezone.now())
    sign_in(client, "drafter")
    client.post(VERIFY, {"token": "rcv12345", "next": PAGES, "remember": "on"})
    user.refresh_from_db()
    user.is_active = False  # Wagtail's user form: "Active" unticked
    user.save()
    assert not RememberedBrowser.objects.filter(user=user).exists()


def test_a_superuser_unlocking_an_account_forgets_its_browsers(client, drafter):
    _user, device = drafter
    sign_in_and_verify(client, device)
    root = factories.UserFactory(username="root", is_superuser=True, is_staff=True)
    admin = client.__class__()
    admin.force_login(root)
    unlocked = admin.post("/admin/locked-sign-ins/unlock/", {"username": "someone-else"})
    assert unlocked.status_code == 302
    assert RememberedBrowser.objects.count() == 1
    admin.post("/admin/locked-sign-ins/unlock/", {"username": "drafter"})
    assert not RememberedBrowser.objects.exists()
    assert asked(sign_in_again(client))


def test_turned_off_there_is_no_checkbox_and_no_skip(client, drafter, settings):
    _user, device = drafter
    sign_in_and_verify(client, device)
    assert skipped(sign_in_again(client))

    settings.COMMUNIQUE_MFA_REMEMBER_DAYS = 0
    assert asked(sign_in_again(client))
    assert cookie_cleared(client)
    page = client.get(VERIFY, {"next": PAGES})
    assert CHECKBOX not in page.text
    ticked = client.post(VERIFY, {"token": "rcv12345", "next": PAGES, "remember": "on"})
    assert ticked["Location"] == PAGES
    assert COOKIE_NAME not in ticked.cookies
    assert RememberedBrowser.objects.count() == 1  # the one from before; no new one


class FakeWebAuthnHelper:
    """Stands for py_webauthn's check of the passkey's signature, which a test cannot
    produce without an authenticator; everything around it is the real view."""

    def __init__(self, device):
        self.device = device

    def authenticate_complete(self, user, state, data):
        return self.device


@pytest.mark.parametrize("ticked", [True, False])
def test_a_passkey_remembers_the_browser_only_when_ticked(client, drafter, monkeypatch, ticked):
    user, _device = drafter
    passkey = WebAuthnCredential.objects.create(
        user=user, name="key", confirmed=True, credential_id=b"id", public_key=b"key"
    )
    monkeypatch.setattr(
        WebAuthnCredential,
        "get_webauthn_helper",
        classmethod(lambda cls, request: FakeWebAuthnHelper(passkey)),
    )
    sign_in(client, "drafter")
    page = client.get(VERIFY, {"next": PAGES})
    assert "accounts/js/remember-choice.js" in page.text
    session = client.session
    session["otp_webauthn_authentication_state"] = {"challenge": "x"}
    session.save()
    if ticked:
        client.cookies[CHOICE_COOKIE_NAME] = "1"
    done = client.post(
        "/admin/mfa/webauthn/authentication/complete/?next=" + PAGES,
        data="{}",
        content_type="application/json",
    )
    assert done.status_code == 200, done.content
    assert done.json()["redirect_url"] == PAGES
    assert (COOKIE_NAME in done.cookies) is ticked
    assert RememberedBrowser.objects.filter(device_id=passkey.persistent_id).exists() is ticked
    assert skipped(sign_in_again(client)) is ticked
