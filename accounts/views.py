"""MFA pages in the admin's frame: enrol (app or passkey), recovery codes, verify,
and forgetting remembered browsers."""

import base64
import logging
from io import BytesIO

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import remember
from .forms import TokenForm, VerifyForm
from .models import RememberedBrowser
from .policy import has_second_factor, mfa_required
from .sessions import second_factor_verified

log = logging.getLogger("communique.accounts")

RECOVERY_CODE_COUNT = 10
RECOVERY_DEVICE_NAME = "Recovery codes"


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


def _verified(request, device):
    """A second factor passed: a new session key, the session marked, the audit entry."""
    second_factor_verified(request, device)
    log.info("Second factor verified for user %s (%s)", request.user.pk, type(device).__name__)


def _may_add_device(request):
    """Someone with a factor already must use it first, or a stolen password adds one."""
    return request.user.is_verified() or not has_second_factor(request.user)


def _new_recovery_codes(user):
    with transaction.atomic():
        device, _created = StaticDevice.objects.get_or_create(
            user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
        )
        device.token_set.all().delete()
        # New codes are a change of factor: every remembered browser asks again.
        remember.revoke(user.pk, "recovery codes made anew")
        codes = [StaticToken.random_token() for _i in range(RECOVERY_CODE_COUNT)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


def _qr_svg(url):
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode()


def enrol(request):
    """Where enrolment starts: the two kinds of second factor, and what is set up."""
    context = {
        "next": _next_url(request),
        "required": mfa_required(request.user),
        "devices": list(devices_for_user(request.user)),
        "may_add": _may_add_device(request),
    }
    if request.user.is_verified():
        context["browsers"] = list(RememberedBrowser.objects.filter(user=request.user))
        context["this_browser"] = remember.current_browser_id(request)
    return TemplateResponse(request, "accounts/enrol.html", context)


@require_POST
def forget_browsers(request):
    """The user's own "Forget all remembered browsers"; a verified session only."""
    if not request.user.is_verified():
        return redirect(reverse("accounts_mfa:enrol"))
    count = remember.revoke(request.user.pk, "forgotten by the user")
    if not count:
        log.info("No remembered browser to forget for user %s", request.user.pk)
    messages.success(
        request, _("Every remembered browser is forgotten: each asks for the second step again.")
    )
    response = redirect(reverse("accounts_mfa:enrol"))
    remember.forget_cookie(response)
    return response


@sensitive_post_parameters("token")
def enrol_totp(request):
    """An authenticator app: scan, type a code to prove it works, keep the recovery codes."""
    if not _may_add_device(request):
        return redirect(reverse("accounts_mfa:verify") + "?next=" + reverse("accounts_mfa:enrol"))
    device = (
        TOTPDevice.objects.filter(user=request.user, confirmed=False).order_by("-pk").first()
    ) or TOTPDevice.objects.create(user=request.user, name=_("Authenticator app"), confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            _verified(request, device)
            codes = _new_recovery_codes(request.user)
            context = {"codes": codes, "next": _next_url(request), "first": True}
            return TemplateResponse(request, "accounts/recovery_codes.html", context)
        log.warning("Authenticator enrolment code refused for user %s", request.user.pk)
        form.add_error("token", _("That code is not right. Check the clock of your device."))
    secret = base64.b32encode(device.bin_key).decode()
    context = {
        "form": form,
        "qr_svg": _qr_svg(device.config_url),
        "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        "next": _next_url(request),
    }
    return TemplateResponse(request, "accounts/enrol_totp.html", context)


def enrol_passkey(request):
    """A passkey or security key, registered by django-otp-webauthn's script."""
    if not _may_add_device(request):
        return redirect(reverse("accounts_mfa:verify") + "?next=" + reverse("accounts_mfa:enrol"))
    context = {"next": _next_url(request)}
    return TemplateResponse(request, "accounts/enrol_passkey.html", context)


def recovery_codes(request):
    """A fresh set of ten single-use codes; the old set stops working."""
    if not request.user.is_verified():
        return redirect(reverse("accounts_mfa:enrol"))
    if request.method == "POST":
        codes = _new_recovery_codes(request.user)
        log.info("New recovery codes for user %s", request.user.pk)
        context = {"codes": codes, "next": _next_url(request), "first": False}
        return TemplateResponse(request, "accounts/recovery_codes.html", context)
    device = StaticDevice.objects.filter(user=request.user, name=RECOVERY_DEVICE_NAME).first()
    context = {"remaining": device.token_set.count() if device else 0, "next": _next_url(request)}
    return TemplateResponse(request, "accounts/recovery_codes.html", context)


def _match(user, token):
    """The app or recovery-code device that accepts ``token``; each counts its failures."""
    with transaction.atomic():
        for device in devices_for_user(user, for_verify=True):
            if isinstance(device, TOTPDevice | StaticDevice) and device.verify_token(token):
                return device
    return None


@sensitive_post_parameters("token")
def verify(request):
    """The second step of signing in: a code, a recovery code or a passkey."""
    if not has_second_factor(request.user):
        return redirect(reverse("accounts_mfa:enrol"))
    remembered = None if request.user.is_verified() else remember.use_remembered_browser(request)
    if request.user.is_verified():
        return redirect(_next_url(request))
    days = remember.remember_days()
    form = VerifyForm(request.POST or None, remember_days=days)
    if request.method == "POST" and form.is_valid():
        device = _match(request.user, form.cleaned_data["token"])
        if device is not None:
            _verified(request, device)
            if isinstance(device, StaticDevice):
                left = device.token_set.count()
                messages.warning(
                    request,
                    _("You used a recovery code; %(count)s are left.") % {"count": left},
                )
            response = redirect(_next_url(request))
            if form.cleaned_data.get("remember"):
                remember.remember_browser(request, response, device)
            return response
        log.warning("Second factor refused for user %s", request.user.pk)
        form.add_error("token", _("That code is not right, or it was used already."))
    has_passkey = any(
        type(d).__name__ == "WebAuthnCredential" for d in devices_for_user(request.user)
    )
    context = {
        "form": form,
        "next": _next_url(request),
        "has_passkey": has_passkey,
        "remember_days": days,
    }
    response = TemplateResponse(request, "accounts/verify.html", context)
    if remembered is False:
        remember.forget_cookie(response)
    return response
