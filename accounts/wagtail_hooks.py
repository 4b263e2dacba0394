from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import unlock, urls


@hooks.register("register_admin_urls")
def register_account_urls():
    """Under the admin, so Wagtail requires a signed-in admin user before any of them.

    The MFA pages share one prefix, which the MFA middleware leaves open; the unlock
    screen lives outside it, so only a verified superuser reaches it.
    """
    unlock_urls = [
        path("", unlock.locked, name="locked"),
        path("unlock/", unlock.unlock, name="unlock"),
    ]
    return [
        path("mfa/", include(urls, namespace="accounts_mfa")),
        *urls.passkey_urlpatterns,
        path("locked-sign-ins/", include((unlock_urls, "accounts_unlock"))),
    ]


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def register_locked_menu_item():
    return SuperuserMenuItem(
        _("Locked sign-ins"), reverse("accounts_unlock:locked"), icon_name="lock", order=900
    )


@hooks.register("register_account_menu_item")
def register_mfa_account_item(request):
    return {
        "url": reverse("accounts_mfa:enrol"),
        "label": _("Two-step verification"),
        "help_text": _("Your authenticator app, passkeys and recovery codes."),
    }
