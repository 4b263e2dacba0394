"""Request gates for accounts: session limits, MFA, and the security headers."""

import logging
import time

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .policy import has_second_factor, mfa_required
from .remember import forget_cookie, use_remembered_browser
from .sessions import session_expired

log = logging.getLogger("communique.accounts")


def is_admin_path(request):
    return request.path_info.startswith(settings.COMMUNIQUE_ADMIN_PATH_PREFIXES)


class SessionLimitsMiddleware:
    """Signs out a session idle for 30 minutes or older than 12 hours."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            reason = session_expired(request.session, int(time.time()))
            if reason is not None:
                log.info("Session ended (%s) for user %s", reason, request.user.pk)
                logout(request)
                if reason == "idle":
                    text = _("You were signed out after 30 minutes without activity.")
                else:
                    text = _("You were signed out: a session lasts at most 12 hours.")
                messages.info(request, text)
        return self.get_response(request)


class MFARequiredMiddleware:
    """Sends an admin request from an unverified account that needs MFA to enrol or verify.

    A remembered browser of that account (accounts.remember) verifies the session
    instead, once its password is accepted. Sign-in, sign-out and the MFA pages
    themselves stay reachable; static files never reach Django's views here
    (WhiteNoise answers them first).
    """

    exempt_url_names = (
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_sprite",
        "wagtailadmin_javascript_catalog",
        # The prefix of every MFA page, passkey ceremonies included.
        "accounts_mfa:enrol",
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._must_verify(request):
            remembered = use_remembered_browser(request)
            if not remembered:
                response = self._redirect(request)
                if remembered is False:
                    forget_cookie(response)
                return response
        return self.get_response(request)

    def _exempt(self, request):
        path = request.path_info
        return any(path.startswith(reverse(name)) for name in self.exempt_url_names)

    def _must_verify(self, request):
        user = request.user
        if not user.is_authenticated or not is_admin_path(request):
            return False
        if user.is_verified() or self._exempt(request):
            return False
        # Whoever set up a factor uses it, required or not (a translator who chose to).
        return mfa_required(user) or has_second_factor(user)

    def _redirect(self, request):
        name = "accounts_mfa:verify" if has_second_factor(request.user) else "accounts_mfa:enrol"
        target = reverse(name)
        if request.method == "GET":
            target += "?" + urlencode({"next": request.get_full_path()})
        return redirect(target)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp with the admin's own policy under the admin's paths (ADR 0010)."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and is_admin_path(request):
            # The admin never asks for a nonce: one would switch its 'unsafe-inline' off.
            return PolicyParts(settings.COMMUNIQUE_ADMIN_CSP, parts.update, parts.replace, None)
        return parts


class PermissionsPolicyMiddleware:
    """Turns off browser features no page here uses; passkeys stay on for this origin."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.COMMUNIQUE_PERMISSIONS_POLICY)
        return response
