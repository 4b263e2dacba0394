"""Wagtail's page permission policy, narrowed for drafters to their own government.

The "Drafters" group holds add and change on every home page, so Wagtail's own policy
would hand a drafter of Japan every statement of Canada: in page search, the admin
API, the page-type listing, the workflow and site-history reports. This policy
(registered for ``Page`` in ``StatementsConfig.ready``, as Wagtail's
``register_permission_policy`` allows) keeps the group's rights on every other page and,
on a statement, counts them only for a drafter of its lead government, as the page's
permission tester does (``permissions.StatementPermissionTester``). A superuser is never
narrowed. ADR 0014.
"""

from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import StatementPage
from .permissions import drafter_government_keys


def statements_not_drafted_by(user):
    """The statements (every language version) whose lead ``user`` does not draft for."""
    return StatementPage.objects.exclude(
        lead_government__translation_key__in=drafter_government_keys(user)
    ).values("pk")


class StatementPagePermissionPolicy(PagePermissionPolicy):
    def instances_user_has_any_permission_for(self, user, actions):
        pages = super().instances_user_has_any_permission_for(user, actions)
        if not user.is_active or user.is_superuser:
            return pages
        return pages.exclude(pk__in=statements_not_drafted_by(user))


def register():
    register_permission_policy(Page, StatementPagePermissionPolicy(Page))
