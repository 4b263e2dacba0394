"""A superuser's screen to unlock an account or address that django-axes has locked."""

import logging

from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Max, Sum
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .remember import revoke

log = logging.getLogger("communique.accounts")


def _superuser_only(request):
    if not request.user.is_superuser:
        raise PermissionDenied


def _recent(request):
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    return AccessAttempt.objects.filter(attempt_time__gte=since)


def locked(request):
    """Accounts with six failures and addresses at their limit, within the last hour."""
    _superuser_only(request)
    recent = _recent(request)
    accounts = (
        recent.values("username")
        .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
        .order_by("-last")
    )
    addresses = (
        recent.values("ip_address")
        .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
        .filter(failures__gte=settings.COMMUNIQUE_LOGIN_IP_FAILURE_LIMIT)
        .order_by("-last")
    )
    context = {"accounts": list(accounts), "addresses": list(addresses)}
    return TemplateResponse(request, "accounts/locked.html", context)


@require_POST
def unlock(request):
    _superuser_only(request)
    username = request.POST.get("username", "").strip()
    address = request.POST.get("ip_address", "").strip()
    if username:
        reset(username=username)
        name = username
        # Someone was trying this account's password: its next sign-in, whoever makes
        # it, asks for the second factor again.
        users = get_user_model().objects.filter(username=username)
        for user_id in users.values_list("pk", flat=True):
            revoke(user_id, f"unlocked by administrator {request.user.pk}")
    elif address:
        reset(ip=address)
        name = address
    else:
        return redirect("accounts_unlock:locked")
    log.warning("Unlocked %s by administrator %s", name, request.user.pk)
    messages.success(request, _("%(name)s is unlocked.") % {"name": name})
    return redirect("accounts_unlock:locked")
