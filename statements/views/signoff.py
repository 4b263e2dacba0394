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

from ..actions import (
    ActionRefused,
    RequestChangesAction,
    SignOffAction,
    WithdrawSignOffAction,
    current_fingerprint,
    signatory_governments,
)
from ..fingerprint import readable_text
from ..forms import RequestChangesForm, SignOffForm, WithdrawSignOffForm
from ..models import StatementPage


def visible_statement(request, page_id):
    statement = get_object_or_404(StatementPage, pk=page_id)
    user = request.user
    can_edit = statement.permissions_for_user(user).can_edit()
    groups = set(user.groups.values_list("pk", flat=True))
    is_approver = any(g.approver_group_id in groups for g in signatory_governments(statement))
    if not (can_edit or is_approver):
        raise PermissionDenied
    return statement


class SignOffView(View):
    def get(self, request, page_id):
        from ..actions import signoff_rows

        statement = visible_statement(request, page_id)
        return TemplateResponse(
            request,
            "statements/signoff.html",
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
            (g for g in signatory_governments(self.statement) if g.code == self.code), None
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
            "statements/signoff_action.html",
            {
                "statement": self.statement,
                "form": form,
                "action": self.verb,
                "action_label": self.label(),
                "fingerprint": record.fingerprint if record else "",
                "revision": record.revision if record else None,
                "text": readable_text(record.words) if record else [],
                "signatory_names": [g.short_name for g in signatory_governments(self.statement)],
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
