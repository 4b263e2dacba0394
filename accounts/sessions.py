"""Session limits: 30 minutes idle, 12 hours at most (GOV.UK Signon; ASVS 5.0 V7.3)."""

import logging
import time

from django.conf import settings

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
