"""Subscribers in the admin: listed, inspected, exported (CSV) and erased by superusers only.

Subscribers are personal data of the public, so no group permission can open them up:
the permission policy ignores Django permissions and lets superusers view and delete,
nothing more. Nobody adds or edits a subscriber by hand; only the subscriber's own
confirmation makes an address receive statements. Imported from ``wagtail_hooks``.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.utils.translation import gettext_lazy as _
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from statements.models import Subscriber


class SuperusersOnlyPolicy(ModelPermissionPolicy):
    actions = frozenset({"view", "delete"})

    def user_has_permission(self, user, action):
        return bool(user.is_active and user.is_superuser and action in self.actions)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        User = get_user_model()
        if not self.actions & set(actions):
            return User.objects.none()
        return User.objects.filter(is_active=True, is_superuser=True)


class SubscriberViewSet(SnippetViewSet):
    model = Subscriber
    icon = "mail"
    menu_label = _("Subscribers")
    add_to_admin_menu = True
    menu_order = 900
    inspect_view_enabled = True
    list_display = ["email", "language_code", "confirmed_at", "created_at"]
    list_filter = ["language_code"]
    search_fields = ["email"]
    search_backend_name = None
    ordering = ["-created_at"]
    list_export = [
        "email",
        "language_code",
        "governments",
        "statement_types",
        "created_at",
        "confirmed_at",
    ]
    export_filename = "subscribers"

    def get_permissions_to_register(self):
        # Group permissions would not open anything (see SuperusersOnlyPolicy); offering
        # them in the group editor would mislead.
        return Permission.objects.none()


if policy_registry.get_by_type(Subscriber, fallback=False) is None:
    register_permission_policy(Subscriber, SuperusersOnlyPolicy(Subscriber), exact_class=True)
subscriber_viewset = SubscriberViewSet()
register_snippet(subscriber_viewset)
