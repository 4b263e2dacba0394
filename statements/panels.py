"""The statement editor: its form, its tabs and the sign-off panel.

Admin code, kept out of the page model the way Wagtail's admin keeps the editor of
``Page`` out of ``wagtail.models`` (``wagtail/admin/panels/page_utils.py``): this
module gives ``StatementPage`` its ``base_form_class`` and ``edit_handler`` when the
app is ready, before any editor is built.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import CommentPanel, ObjectList, Panel, TabbedInterface

from .forms import StatementPageForm
from .models import StatementPage
from .permissions import may_edit_statement, may_see_signoff, release_access
from .queries.signoff import signoff_rows, what_a_save_voids
from .queries.translation import statement_of


class SignOffPanel(Panel):
    """Each government's sign-off of the current words, with who, when and what changed."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("Sign-off"))
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "statements/admin/includes/signoff_panel.html"

        def is_shown(self):
            return bool(self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["statement"] = self.instance
            context["signoff"] = signoff_rows(self.instance, self.request.user)
            return context


class StatementScreensPanel(Panel):
    """Links from the editor to the statement's Languages, Sign-off and Release screens,
    each only for a user that screen would serve."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("This statement's screens"))
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "statements/admin/includes/statement_screens_panel.html"

        def is_shown(self):
            return bool(self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            statement = statement_of(self.instance) or self.instance
            user = self.request.user
            context["statement"] = statement
            context["languages"] = may_edit_statement(user, statement)
            context["signoff"] = may_see_signoff(user, statement)
            context["release"] = release_access(user, statement) is not None
            return context


class SaveVoidsPanel(Panel):
    """Before a save: who will have to sign or approve again if the words change."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("What saving voids"))
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "statements/admin/includes/save_voids_panel.html"

        def is_shown(self):
            return bool(self.instance.pk) and not self.instance.is_translation

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context.update(what_a_save_voids(self.instance))
            return context


StatementPage.base_form_class = StatementPageForm
StatementPage.edit_handler = TabbedInterface(
    [
        ObjectList(
            [StatementScreensPanel(), SaveVoidsPanel(), *StatementPage.content_panels],
            heading=_("Content"),
        ),
        ObjectList([SignOffPanel(), CommentPanel()], heading=_("Sign-off")),
        ObjectList(StatementPage.promote_panels, heading=_("Promote")),
    ],
    base_form_class=StatementPageForm,
)
