"""The admin hooks of a government's people: the People menu item, its screens, the
log actions of invitations and roles, and the dashboard's word to a drafter of no
government (imported by ``wagtail_hooks``)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from laces.components import Component
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .actions.people import LOG_ACTIONS as PEOPLE_LOG_ACTIONS
from .forms import NO_GOVERNMENT_MESSAGE
from .permissions import drafter_government_keys, is_editor_of_any_statement, may_manage_any_people
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


class NoGovernmentPanel(Component):
    """On the dashboard of a drafter with no government: why they see no statements
    (their page permissions count only on statements their government leads)."""

    name = "no_government"
    template_name = "statements/admin/includes/no_government_panel.html"
    order = 80

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        user = self.user
        lost = (
            not user.is_superuser
            and is_editor_of_any_statement(user)
            and not drafter_government_keys(user)
        )
        return {"message": NO_GOVERNMENT_MESSAGE if lost else ""}


@hooks.register("construct_homepage_panels")
def add_no_government_panel(request, panels):
    panels.append(NoGovernmentPanel(request.user))
