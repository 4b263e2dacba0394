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
from .queries.signoff import signoff_rows


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


StatementPage.base_form_class = StatementPageForm
StatementPage.edit_handler = TabbedInterface(
    [
        ObjectList(StatementPage.content_panels, heading=_("Content")),
        ObjectList([SignOffPanel(), CommentPanel()], heading=_("Sign-off")),
        ObjectList(StatementPage.promote_panels, heading=_("Promote")),
    ],
    base_form_class=StatementPageForm,
)
