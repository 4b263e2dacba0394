"""Playwright driving Debian's Chromium. Never downloads a browser."""

import os
import secrets
import shutil
from contextlib import contextmanager

from tests.conftest import skip_or_fail

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@contextmanager
def chromium():
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        skip_or_fail(f"browser tests need Debian's chromium at {CHROMIUM}")
    # Playwright's sync API runs an event loop in this thread; the Django calls the
    # test makes between browser steps are still synchronous and safe.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def sign_in(page, base, username, password):
    """Sign in through the admin's own forms, the password and then the second factor,
    as a person does. The second factor is a recovery code made for this sign-in (a
    one-time code, so signing in twice within an authenticator's 30 s works too)."""
    from django.contrib.auth import get_user_model
    from django_otp.plugins.otp_static.models import StaticDevice

    user = get_user_model().objects.get(username=username)
    device, _created = StaticDevice.objects.get_or_create(user=user, name="browser sign-in")
    code = secrets.token_hex(4)
    device.token_set.create(token=code)
    page.context.clear_cookies()
    page.goto(base + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/mfa/verify/**")
    page.fill("#id_token", code)
    page.get_by_role("button", name="Verify").click()
    page.wait_for_url("**/admin/")
