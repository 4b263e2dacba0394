from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Sign-in for partner governments: MFA, lockout, session limits, CSP (ADR 0010)."""

    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        # Imported once the apps are loaded: the signal handler's module reads settings.
        from django.contrib.auth.signals import user_logged_in

        from .sessions import stamp_login

        user_logged_in.connect(stamp_login, dispatch_uid="accounts_stamp_login")
