"""Language review: each government that publishes in a language approves its translation."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from ..actions.base import ActionRefused
from ..actions.translation import ApproveTranslationAction
from ..models import Approval, StatementPage
from ..permissions import governments_approved_by
from ..queries.translation import language_reviewers
from ..workflow_forms import SignOffForm
from .frame import PageScreenMixin


class LanguageReviewView(PageScreenMixin, View):
    template_name = "statements/admin/language_review.html"
    page_title = gettext_lazy("Language review")
    header_icon = "globe"

    def dispatch(self, request, page_id, *args, **kwargs):
        self.page = get_object_or_404(StatementPage, pk=page_id)
        if not self.page.is_translation:
            raise PermissionDenied
        self.reviewers = language_reviewers(self.page)
        self.mine = {g.pk for g in governments_approved_by(request.user, self.reviewers)}
        if not (self.mine or self.page.permissions_for_user(request.user).can_edit()):
            raise PermissionDenied
        return super().dispatch(request, page_id, *args, **kwargs)

    def rows(self):
        approvals = list(
            Approval.objects.filter(
                page_id=self.page.pk, subject=Approval.Subject.TRANSLATION
            ).select_related("user")
        )
        rows = []
        for government in self.reviewers:
            mine = [a for a in approvals if a.government_key == government.translation_key]
            latest = mine[0] if mine else None
            rows.append(
                {
                    "government": government,
                    "approval": latest,
                    "state": latest.state if latest else "pending",
                    "can_approve": government.pk in self.mine
                    and not (latest and latest.state == Approval.State.VALID),
                }
            )
        return rows

    def breadcrumbs_page(self):
        return self.page

    def render(self, form, status=200):
        return self.render_screen(
            {
                "page": self.page,
                "rows": self.rows(),
                "form": form,
                "revision": self.page.get_latest_revision(),
            },
            status=status,
        )

    def get(self, request, page_id):
        return self.render(SignOffForm())

    def post(self, request, page_id):
        form = SignOffForm(request.POST)
        if not form.is_valid():
            return self.render(form, status=400)
        try:
            ApproveTranslationAction(
                self.page, request.user, request.POST.get("government", ""), **form.cleaned_data
            ).execute()
        except ActionRefused as refusal:
            for reason in refusal.reasons:
                form.add_error(None, reason)
            return self.render(form, status=403)
        messages.success(request, _("Your approval of this translation is recorded."))
        return redirect("statements_language_review", self.page.pk)
