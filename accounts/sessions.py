"""Session limits: 30 minutes idle, 12 hours at most (GOV.UK Signon; ASVS 5.0 V7.3)."""

import logging
import time

from django.conf import settings
from django_otp import login as otp_login

from statements import audit
from statements.models import AuditEntry

from .client_ip import client_ip_address

LOGIN_AT = "accounts_login_at"
SEEN_AT = "accounts_seen_at"
# The last-seen time is written at most this often, so a page view rarely saves the session.
SEEN_RESOLUTION = 60

log = logging.getLogger("communique.accounts")


def stamp_login(sender, request, user, **kwargs):
    """Connected to ``user_logged_in``: the clock of the 12 hours starts here."""
    now = int(time.time())
    request.session[LOGIN_AT] = now
    request.session[SEEN_AT] = now


def record_login(sender, request, user, **kwargs):
    """Connected to ``user_logged_in``: the password step, in the audit log. No second
    factor is verified yet; ``second_factor_verified`` records that step."""
    audit.record(
        AuditEntry.Action.LOGIN,
        actor=user,
        mfa_method="none",
        details={"address": client_ip_address(request) if request is not None else ""},
    )


def second_factor_verified(request, device, remembered=False):
    """Every way a session passes its second step ends here: a new session key (ASVS
    V7.2.4), django-otp marks the session, and the audit log records which factor."""
    request.session.cycle_key()
    otp_login(request, device)
    audit.record(
        AuditEntry.Action.SECOND_FACTOR,
        actor=request.user,
        details={"address": client_ip_address(request), "remembered_browser": remembered},
    )


def session_expired(session, now):
    """Why this session has ended ("idle" or "absolute"), or None; stamps it as seen."""
    login_at = session.get(LOGIN_AT)
    seen_at = session.get(SEEN_AT)
    if login_at is None or seen_at is None:
        # A session from before these limits: its 12 hours start now.
        session[LOGIN_AT] = login_at or now
        session[SEEN_AT] = now
        return None
    if now - login_at >= settings.COMMUNIQUE_SESSION_MAX_SECONDS:
        return "absolute"
    if now - seen_at >= settings.COMMUNIQUE_SESSION_IDLE_SECONDS:
        return "idle"
    if now - seen_at >= SEEN_RESOLUTION:
        session[SEEN_AT] = now
    return None
