"""Who must verify a second factor: one rule, asked by the middleware and the views."""

from django.conf import settings
from django_otp import user_has_device

from statements.permissions import (
    is_approver_of_any_government,
    is_editor_of_any_statement,
    translator_languages,
)


def mfa_required(user):
    """Administrators, drafters and approvers; translators and agencies by a setting."""
    if not settings.COMMUNIQUE_MFA_REQUIRED or not user.is_authenticated:
        return False
    if user.is_superuser or is_editor_of_any_statement(user):
        return True
    if is_approver_of_any_government(user):
        return True
    return bool(settings.COMMUNIQUE_MFA_FOR_TRANSLATORS and translator_languages(user))


def has_second_factor(user):
    """True once ``user`` has a confirmed device (an app, a passkey or recovery codes)."""
    return user_has_device(user, confirmed=True)
