"""Passkeys (django-otp-webauthn): the relying party and the views that rotate the session."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.urls import path
from django.views.i18n import JavaScriptCatalog
from django_otp_webauthn import views as webauthn_views

from . import remember
from .sessions import second_factor_verified


def relying_party_id(request):
    """The host of the one allowed origin (from BASE_URL): passkeys are bound to it."""
    return urlsplit(settings.OTP_WEBAUTHN_ALLOWED_ORIGINS[0]).hostname


class CompletePasskeyRegistrationView(webauthn_views.CompleteCredentialRegistrationView):
    """Registering a first passkey verifies the session, so it gets a new key (ASVS V7.2.4)."""

    def post(self, *args, **kwargs):
        was_verified = self.request.user.is_verified()
        response = super().post(*args, **kwargs)
        if not was_verified and self.request.user.is_verified():
            second_factor_verified(self.request, self.request.user.otp_device)
        return response


class CompletePasskeyAuthenticationView(webauthn_views.CompleteCredentialAuthenticationView):
    """A second factor for the signed-in user only; a new session key once verified.

    The verify page's "Remember this browser" reaches here in a cookie its script sets
    (accounts.remember.CHOICE_COOKIE_NAME): the package's script sends nothing else.
    """

    verified_device = None

    def complete_auth(self, device):
        if not self.request.user.is_authenticated or device.user_id != self.request.user.pk:
            raise PermissionDenied
        second_factor_verified(self.request, device)
        self.verified_device = device

    def post(self, *args, **kwargs):
        response = super().post(*args, **kwargs)
        if self.verified_device is not None:
            if self.request.COOKIES.get(remember.CHOICE_COOKIE_NAME) == "1":
                remember.remember_browser(self.request, response, self.verified_device)
            response.delete_cookie(
                remember.CHOICE_COOKIE_NAME, path=remember.CHOICE_COOKIE_PATH, samesite="Strict"
            )
        return response


webauthn_urlpatterns = [
    path(
        "registration/begin/",
        webauthn_views.BeginCredentialRegistrationView.as_view(),
        name="credential-registration-begin",
    ),
    path(
        "registration/complete/",
        CompletePasskeyRegistrationView.as_view(),
        name="credential-registration-complete",
    ),
    path(
        "authentication/begin/",
        webauthn_views.BeginCredentialAuthenticationView.as_view(),
        name="credential-authentication-begin",
    ),
    path(
        "authentication/complete/",
        CompletePasskeyAuthenticationView.as_view(),
        name="credential-authentication-complete",
    ),
    path(
        "jsi18n/",
        # Django adds LOCALE_PATHS: locale/*/djangojs.po completes the package's catalog,
        # which ships only de, it and nl.
        JavaScriptCatalog.as_view(packages=["django_otp_webauthn"]),
        name="js-i18n-catalog",
    ),
]
