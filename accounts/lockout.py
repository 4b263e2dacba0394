"""Lockout (django-axes): six failures per account, a higher limit per address, one page."""

import logging

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.db.models import Sum
from django.shortcuts import render
from django.utils.translation import gettext as _

log = logging.getLogger("communique.accounts")


class AccountLockoutHandler(AxesDatabaseHandler):
    """Axes' database handler, with the address counted against its own, higher limit.

    Axes compares the largest count over AXES_LOCKOUT_PARAMETERS (username, then
    address) with one limit; the address's count is scaled so that it reaches that
    limit only at COMMUNIQUE_LOGIN_IP_FAILURE_LIMIT failures.
    """

    def get_failures(self, request, credentials=None):
        by_username, by_address = (
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        limit = settings.AXES_FAILURE_LIMIT
        return max(by_username, by_address * limit // settings.COMMUNIQUE_LOGIN_IP_FAILURE_LIMIT)


def lockout_response(request, original_response=None, credentials=None):
    """The admin's sign-in frame with a message a locked-out person can act on."""
    log.warning(
        "Sign-in refused: locked out (username %r, address %s)",
        (credentials or {}).get("username") or request.POST.get("username", ""),
        getattr(request, "axes_ip_address", ""),
    )
    message = _(
        "Too many failed sign-in attempts: this account or address is locked for an hour. "
        "Try again later, or ask an administrator to unlock it."
    )
    return render(request, "accounts/locked_out.html", {"message": message}, status=429)
