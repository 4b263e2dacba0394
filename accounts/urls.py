from django.urls import include, path

from . import views
from .passkeys import webauthn_urlpatterns

app_name = "accounts_mfa"

urlpatterns = [
    path("", views.enrol, name="enrol"),
    path("app/", views.enrol_totp, name="enrol_totp"),
    path("passkey/", views.enrol_passkey, name="enrol_passkey"),
    path("recovery-codes/", views.recovery_codes, name="recovery_codes"),
    path("verify/", views.verify, name="verify"),
    path("remembered-browsers/forget/", views.forget_browsers, name="forget_browsers"),
]

# django-otp-webauthn's template tags reverse these by its own namespace.
passkey_urlpatterns = [path("mfa/webauthn/", include((webauthn_urlpatterns, "otp_webauthn")))]
