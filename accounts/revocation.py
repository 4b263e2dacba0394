"""What forgets a user's remembered browsers, wherever it is done.

A remembered browser stands for a second factor, so it goes when the user's secrets
or standing change: a new password, a factor added, confirmed, disabled or removed
(``reset_mfa`` among them), an account deactivated (Wagtail's user form) or suspended
(``statements.account_suspended``: the suspension updates rows without saving models).
Recovery codes made anew, a superuser's unlock and the user's own "Forget all" call
``revoke`` directly (accounts.views, accounts.unlock). Connected in ``AccountsConfig``.
"""

from django.contrib.auth.hashers import check_password
from django.db.models.signals import post_delete, post_save, pre_save

from .remember import revoke

_USER_STATE = "_accounts_revoke_reasons"
_DEVICE_STATE = "_accounts_confirmed_before"


def user_pre_save(sender, instance, update_fields=None, **kwargs):
    """Notes whether this save changes the password or deactivates the account."""
    if instance.pk is None:
        return
    if update_fields is not None and not {"password", "is_active"} & set(update_fields):
        return  # the sign-in's last_login, among others
    old = sender._default_manager.filter(pk=instance.pk).values("password", "is_active").first()
    if old is None:
        return
    reasons = []
    if old["password"] != instance.password:
        raw = getattr(instance, "_password", None)
        # Django re-hashes a password at sign-in when its hasher's cost goes up: the same
        # password under a new hash is not a new password.
        if raw is None or not check_password(raw, old["password"]):
            reasons.append("password changed")
    if old["is_active"] and not instance.is_active:
        reasons.append("account deactivated")
    instance.__dict__[_USER_STATE] = reasons


def user_post_save(sender, instance, **kwargs):
    reasons = instance.__dict__.pop(_USER_STATE, None)
    if reasons:
        revoke(instance.pk, ", ".join(reasons))


def account_suspended(sender, user, **kwargs):
    revoke(user.pk, "account suspended")


def device_pre_save(sender, instance, update_fields=None, **kwargs):
    """Notes whether this save confirms or disables the factor (each use saves it too)."""
    if instance.pk is None:
        return
    if update_fields is not None and "confirmed" not in update_fields:
        return
    before = (
        sender._default_manager.filter(pk=instance.pk).values_list("confirmed", flat=True).first()
    )
    instance.__dict__[_DEVICE_STATE] = before


def device_post_save(sender, instance, created, **kwargs):
    before = instance.__dict__.pop(_DEVICE_STATE, None)
    if created and instance.confirmed:
        revoke(instance.user_id, f"second factor added ({sender.__name__})")
    elif before is not None and before != instance.confirmed:
        change = "confirmed" if instance.confirmed else "disabled"
        revoke(instance.user_id, f"second factor {change} ({sender.__name__})")


def device_post_delete(sender, instance, **kwargs):
    revoke(instance.user_id, f"second factor removed ({sender.__name__})")


def connect(device_models, user_model):
    for model in device_models:
        uid = f"accounts_remember_{model._meta.label_lower}"
        pre_save.connect(device_pre_save, sender=model, dispatch_uid=uid)
        post_save.connect(device_post_save, sender=model, dispatch_uid=uid)
        post_delete.connect(device_post_delete, sender=model, dispatch_uid=uid)
    pre_save.connect(user_pre_save, sender=user_model, dispatch_uid="accounts_remember_user")
    post_save.connect(user_post_save, sender=user_model, dispatch_uid="accounts_remember_user")
