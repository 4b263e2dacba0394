"""Admin panels for the statement editor."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class SignOffPanel(Panel):
    """Each government's sign-off of the current words, with who, when and what changed."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("Sign-off"))
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "statements/includes/signoff_panel.html"

        def is_shown(self):
            return bool(self.instance.pk)

        def get_context_data(self, parent_context=None):
            from .actions import signoff_rows

            context = super().get_context_data(parent_context)
            context["statement"] = self.instance
            context["signoff"] = signoff_rows(self.instance, self.request.user)
            return context
