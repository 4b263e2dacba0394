"""Admin screens for sign-off: the status of each government, and the three verbs.

Reachable by the statement's editors and by approvers of its signatory governments;
an approver of any other government gets 403, as does everyone else.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views import View

from ..actions.base import ActionRefused
from ..actions.signoff import RequestChangesAction, SignOffAction, WithdrawSignOffAction
from ..fingerprint import readable_text
from ..models import StatementPage
from ..permissions import may_see_signoff
from ..queries.signoff import current_fingerprint, signoff_rows
from ..workflow_forms import RequestChangesForm, SignOffForm, WithdrawSignOffForm


def visible_statement(request, page_id):
    statement = get_object_or_404(StatementPage, pk=page_id)
    if not may_see_signoff(request.user, statement):
        raise PermissionDenied
    return statement


class SignOffView(View):
    def get(self, request, page_id):
        statement = visible_statement(request, page_id)
        return TemplateResponse(
            request,
            "statements/admin/signoff.html",
            {"statement": statement, "signoff": signoff_rows(statement, request.user)},
        )


class SignOffActionView(View):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        action = kwargs["action"]
        if action.startswith("sign-off-"):
            self.verb, self.code, self.form_class = "sign", action[9:].upper(), SignOffForm
        elif action.startswith("withdraw-"):
            self.verb, self.code, self.form_class = (
                "withdraw",
                action[9:].upper(),
                WithdrawSignOffForm,
            )
        elif action == "request-changes":
            self.verb, self.code, self.form_class = "request", "", RequestChangesForm
        else:
            raise Http404

    def label(self):
        government = next(
            (g for g in self.statement.signatory_governments() if g.code == self.code), None
        )
        name = government.short_name if government else self.code
        if self.verb == "sign":
            return _("Sign off for %(government)s") % {"government": name}
        if self.verb == "withdraw":
            return _("Withdraw our sign-off (%(government)s)") % {"government": name}
        return _("Request changes")

    def render(self, request, form, status=200):
        record = current_fingerprint(self.statement)
        return TemplateResponse(
            request,
            "statements/admin/signoff_action.html",
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

    def get(self, request, page_id, action):
        self.statement = visible_statement(request, page_id)
        return self.render(request, self.form_class())

    def post(self, request, page_id, action):
        self.statement = visible_statement(request, page_id)
        form = self.form_class(request.POST)
        if not form.is_valid():
            return self.render(request, form, status=400)
        data = form.cleaned_data
        try:
            if self.verb == "sign":
                SignOffAction(self.statement, request.user, self.code, **data).execute()
                messages.success(request, _("Your sign-off is recorded."))
            elif self.verb == "withdraw":
                WithdrawSignOffAction(self.statement, request.user, self.code, **data).execute()
                messages.warning(request, _("Your sign-off is withdrawn; the drafter is alerted."))
            else:
                RequestChangesAction(self.statement, request.user, **data).execute()
                messages.success(request, _("Your request for changes was sent to the drafter."))
        except ActionRefused as refusal:
            for reason in refusal.reasons:
                form.add_error(None, reason)
            return self.render(request, form, status=403)
        return redirect("statements_signoff", self.statement.pk)
