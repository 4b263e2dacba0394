"""Remembered browsers: GOV.UK Signon's "2-step verification remembered 30 days".

A browser that passes the second factor with "Remember this browser" ticked gets a
cookie holding a random token; only the token's SHA-256 is stored (``RememberedBrowser``).
At a later sign-in, once the password is accepted, that cookie marks the session as
verified by the factor that was used, for that user only, until a fixed expiry. It
never replaces the password. ``revoke`` forgets all of a user's browsers; what calls
it is in ``accounts.revocation`` (ADR 0010).
"""

import datetime
import hashlib
import logging
import secrets

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_otp.models import Device

from .models import RememberedBrowser
from .sessions import second_factor_verified

log = logging.getLogger("communique.accounts")

COOKIE_NAME = "communique_mfa_remember"
# Sent with every admin request, never to the public site.
COOKIE_PATH = "/admin/"
# django-otp-webauthn's script posts only the passkey's answer and ``next``, so the
# verify page's script (accounts/js/remember-choice.js) carries the checkbox to the
# passkey view in this short-lived cookie. It is a preference, not a credential.
CHOICE_COOKIE_NAME = "communique_mfa_remember_choice"
CHOICE_COOKIE_PATH = "/admin/mfa/"
# secrets.token_urlsafe(32) is 43 characters; anything much longer is not ours.
MAX_TOKEN_LENGTH = 64

_BROWSERS = (
    ("Edg/", "Edge"),
    ("OPR/", "Opera"),
    ("Firefox/", "Firefox"),
    ("Chrome/", "Chrome"),
    ("Safari/", "Safari"),
)
_SYSTEMS = (
    ("Windows", "Windows"),
    ("iPhone", "iOS"),
    ("iPad", "iPadOS"),
    ("Android", "Android"),
    ("CrOS", "ChromeOS"),
    ("Mac OS X", "macOS"),
    ("Linux", "Linux"),
)


def remember_days():
    """How long a browser is remembered; 0 when the feature is off."""
    return max(settings.COMMUNIQUE_MFA_REMEMBER_DAYS, 0)


def _digest(token):
    return hashlib.sha256(token.encode()).hexdigest()


def browser_summary(user_agent):
    """A User-Agent as "Firefox · Windows": enough to recognise the browser in a list."""
    browser = next((name for mark, name in _BROWSERS if mark in user_agent), "")
    system = next((name for mark, name in _SYSTEMS if mark in user_agent), "")
    summary = " · ".join(part for part in (browser, system) if part)
    return summary or user_agent.strip()[:100]


def _secure(request):
    return settings.SESSION_COOKIE_SECURE or request.is_secure()


def remember_browser(request, response, device):
    """After ``device`` verified: remember this browser for ``request.user``.

    Call it only at the moment a factor has just been verified; an older verified
    session cannot mint a remembered browser.
    """
    days = remember_days()
    if not days:
        return None
    now = timezone.now()
    token = secrets.token_urlsafe(32)
    previous = request.COOKIES.get(COOKIE_NAME, "")
    with transaction.atomic():
        stale = RememberedBrowser.objects.filter(user=request.user, expires_at__lte=now)
        if previous:
            stale |= RememberedBrowser.objects.filter(
                user=request.user, token_hash=_digest(previous[:MAX_TOKEN_LENGTH])
            )
        stale.delete()
        browser = RememberedBrowser.objects.create(
            user=request.user,
            token_hash=_digest(token),
            device_id=device.persistent_id,
            created_at=now,
            expires_at=now + datetime.timedelta(days=days),
            user_agent=browser_summary(request.headers.get("User-Agent", "")),
        )
    response.set_cookie(
        COOKIE_NAME,
        token,
        max_age=days * 24 * 60 * 60,
        path=COOKIE_PATH,
        secure=_secure(request),
        httponly=True,
        samesite="Lax",
    )
    log.info(
        "Browser remembered for user %s for %d days (browser %s, %s)",
        request.user.pk,
        days,
        browser.pk,
        browser.user_agent,
    )
    return browser


def forget_cookie(response):
    response.delete_cookie(COOKIE_NAME, path=COOKIE_PATH, samesite="Lax")


def _refusal(browser, user, now, days):
    """Why ``browser`` may not stand for ``user``'s second factor now, or None."""
    if browser is None:
        return "unknown token"
    if browser.user_id != user.pk:
        return f"token of user {browser.user_id}"
    # The creation time counts too: lowering MFA_REMEMBER_DAYS shortens every browser.
    if browser.expires_at <= now or browser.created_at <= now - datetime.timedelta(days=days):
        return "expired"
    return None


def use_remembered_browser(request):
    """For a signed-in session that has not verified a factor yet: True when this
    browser's cookie is a remembered browser of this user (the session is then
    verified, with a new key), False when a cookie was there but is refused (clear
    it with ``forget_cookie``), None when there is no cookie."""
    token = request.COOKIES.get(COOKIE_NAME)
    if not token:
        return None
    days = remember_days()
    if not days or len(token) > MAX_TOKEN_LENGTH:
        return False
    now = timezone.now()
    browser = RememberedBrowser.objects.filter(token_hash=_digest(token)).first()
    reason = _refusal(browser, request.user, now, days)
    device = None
    if reason is None:
        device = Device.from_persistent_id(browser.device_id)
        if device is None or device.user_id != request.user.pk or not device.confirmed:
            reason = "its second factor is gone"
    if reason is not None:
        log.warning("Remembered browser refused for user %s: %s", request.user.pk, reason)
        if browser is not None and browser.user_id == request.user.pk:
            browser.delete()
        return False
    RememberedBrowser.objects.filter(pk=browser.pk).update(last_used_at=now)
    # As when a factor is typed (accounts.views._verified): a new session key (ASVS V7.2.4).
    second_factor_verified(request, device, remembered=True)
    log.info(
        "Second factor skipped for user %s: remembered browser %s (%s)",
        request.user.pk,
        browser.pk,
        type(device).__name__,
    )
    return True


def current_browser_id(request):
    """The id of the remembered browser this request comes from, for "This browser"."""
    token = request.COOKIES.get(COOKIE_NAME, "")
    if not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    return (
        RememberedBrowser.objects.filter(user=request.user, token_hash=_digest(token))
        .values_list("pk", flat=True)
        .first()
    )


def revoke(user_id, reason):
    """Forget every remembered browser of the user ``user_id``; logged when any was."""
    count, _by_model = RememberedBrowser.objects.filter(user_id=user_id).delete()
    if count:
        log.warning("Remembered browsers forgotten for user %s: %s (%d)", user_id, reason, count)
    return count
