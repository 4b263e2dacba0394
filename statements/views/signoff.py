"""Admin screens for sign-off: the status of each government, and the three verbs.

Reachable by the statement's editors and by approvers of its signatory governments;
an approver of any other government gets 403, as does everyone else.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from ..actions.base import ActionRefused
from ..actions.signoff import RequestChangesAction, SignOffAction, WithdrawSignOffAction
from ..fingerprint import readable_text
from ..models import StatementPage
from ..permissions import is_administrator, may_see_signoff
from ..queries.signoff import current_fingerprint, signoff_rows
from ..workflow_forms import RequestChangesForm, SignOffForm, WithdrawSignOffForm
from .frame import PageScreenMixin


def visible_statement(request, page_id):
    statement = get_object_or_404(StatementPage, pk=page_id)
    if not may_see_signoff(request.user, statement):
        raise PermissionDenied
    return statement


class SignOffView(PageScreenMixin, View):
    template_name = "statements/admin/signoff.html"
    header_icon = "clipboard-list"
    breadcrumb_label = gettext_lazy("Sign-off")

    def breadcrumbs_page(self):
        return self.statement

    def get_page_title(self):
        return self.statement.get_latest_revision_as_object().title

    def get(self, request, page_id):
        self.statement = visible_statement(request, page_id)
        return self.render_screen(
            {
                "statement": self.statement,
                "signoff": signoff_rows(self.statement, request.user),
                "may_export_evidence": is_administrator(request.user),
            }
        )


class SignOffVerbView(PageScreenMixin, View):
    """One sign-off verb on one statement: a page to read and confirm it (GET), then
    the verb's one action (POST). A refusal shows the page again with the reasons."""

    template_name = "statements/admin/signoff_action.html"
    header_icon = "clipboard-list"
    form_class = None
    verb = ""  # what the page shows: "sign" shows the exact words being signed

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.code = kwargs.get("code", "").upper()

    def government_name(self):
        government = next(
            (g for g in self.statement.signatory_governments() if g.code == self.code), None
        )
        return government.short_name if government else self.code

    def label(self):
        raise NotImplementedError

    def get_page_title(self):
        return self.label()

    def breadcrumbs_page(self):
        return self.statement

    def screen_breadcrumbs(self):
        return [
            {
                "url": reverse("statements_signoff", args=[self.statement.pk]),
                "label": _("Sign-off"),
            },
            {"url": None, "label": self.label()},
        ]

    def perform(self, data):
        """Run the verb's action with the form's data and say what happened."""
        raise NotImplementedError

    def render(self, request, form, status=200):
        record = current_fingerprint(self.statement)
        return self.render_screen(
            {
                "statement": self.statement,
                "form": form,
                "action": self.verb,
                "action_label": self.label(),
                "fingerprint": record.fingerprint if record else "",
                "revision": record.revision if record else None,
                "text": readable_text(record.words) if record else [],
                "signatory_names": [g.short_name for g in self.statement.signatory_governments()],
            },
            status=status,
        )

    def get(self, request, page_id, **kwargs):
        self.statement = visible_statement(request, page_id)
        return self.render(request, self.form_class())

    def post(self, request, page_id, **kwargs):
        self.statement = visible_statement(request, page_id)
        form = self.form_class(request.POST)
        if not form.is_valid():
            return self.render(request, form, status=400)
        try:
            self.perform(form.cleaned_data)
        except ActionRefused as refusal:
            for reason in refusal.reasons:
                form.add_error(None, reason)
            return self.render(request, form, status=403)
        return redirect("statements_signoff", self.statement.pk)


class SignOffForGovernmentView(SignOffVerbView):
    form_class = SignOffForm
    verb = "sign"

    def label(self):
        return _("Sign off for %(government)s") % {"government": self.government_name()}

    def perform(self, data):
        SignOffAction(self.statement, self.request.user, self.code, **data).execute()
        messages.success(self.request, _("Your sign-off is recorded."))


class WithdrawSignOffView(SignOffVerbView):
    form_class = WithdrawSignOffForm
    verb = "withdraw"

    def label(self):
        return _("Withdraw our sign-off (%(government)s)") % {"government": self.government_name()}

    def perform(self, data):
        WithdrawSignOffAction(self.statement, self.request.user, self.code, **data).execute()
        messages.warning(self.request, _("Your sign-off is withdrawn; the drafter is alerted."))


class RequestChangesView(SignOffVerbView):
    form_class = RequestChangesForm
    verb = "request"

    def label(self):
        return _("Request changes")

    def perform(self, data):
        RequestChangesAction(self.statement, self.request.user, **data).execute()
        messages.success(self.request, _("Your request for changes was sent to the drafter."))
