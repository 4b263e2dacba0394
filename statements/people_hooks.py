"""The admin hooks of a government's people: the People menu item, its screens and
the log actions of invitations and roles (imported by ``wagtail_hooks``)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .actions.people import LOG_ACTIONS as PEOPLE_LOG_ACTIONS
from .permissions import may_manage_any_people
from .views.people import people_admin_urls


class PeopleMenuItem(MenuItem):
    def is_shown(self, request):
        return may_manage_any_people(request.user)


@hooks.register("register_admin_menu_item")
def register_people_menu_item():
    return PeopleMenuItem(_("People"), reverse("statements_people"), icon_name="group", order=270)


hooks.register("register_admin_urls", people_admin_urls)


@hooks.register("register_log_actions")
def register_people_log_actions(actions):
    for name, label, message in PEOPLE_LOG_ACTIONS:
        actions.register_action(name, label, message)
