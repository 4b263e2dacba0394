from django.urls import include, path
from wagtail import hooks

from . import urls


@hooks.register("register_admin_urls")
def register_mfa_urls():
    """Under the admin, so Wagtail requires a signed-in admin user before any of them."""
    return [
        path("mfa/", include(urls, namespace="accounts_mfa")),
        *urls.passkey_urlpatterns,
    ]
