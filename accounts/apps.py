from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Sign-in for partner governments: MFA, lockout, session limits, CSP (ADR 0010)."""

    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        # Imported once the apps are loaded: these modules read settings and models.
        from django.contrib.auth import get_user_model
        from django.contrib.auth.signals import user_logged_in
        from django_otp.models import Device

        from statements.signals import account_suspended

        from . import revocation
        from .sessions import record_login, stamp_login

        user_logged_in.connect(stamp_login, dispatch_uid="accounts_stamp_login")
        user_logged_in.connect(record_login, dispatch_uid="accounts_audit_login")
        devices = [m for m in self.apps.get_models() if issubclass(m, Device)]
        revocation.connect(devices, get_user_model())
        account_suspended.connect(
            revocation.account_suspended, dispatch_uid="accounts_remember_suspended"
        )
