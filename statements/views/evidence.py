"""Evidence screens (docs/adr/0021): a signature's receipt and its PDF, a clearance copy
of the text under sign-off, and a statement's evidence pack for administrators.

A receipt is hidden (404) from anyone without a role in its statement and refused
(403) to one with another role there (``statements.queries.evidence``). A clearance
copy goes to whoever may open the sign-off screen; the pack to administrators only.
Every file is sent ``private, no-store``: the words are under embargo.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from ..actions.evidence import IssueClearanceCopyAction
from ..evidence.documents import receipt_context, receipt_pdf
from ..evidence.pack import build_pack
from ..models import Approval
from ..permissions import is_administrator
from ..queries.evidence import receipt_access, source_statement
from ..queries.reference import reference_code
from .frame import PageScreenMixin
from .signoff import visible_statement


def readable_approval(request, approval_id):
    approval = get_object_or_404(Approval.objects.select_related("user", "page"), pk=approval_id)
    access = receipt_access(request.user, approval)
    if access == "hidden":
        raise Http404
    if access == "refused":
        raise PermissionDenied
    return approval


def download(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


class ReceiptView(PageScreenMixin, View):
    template_name = "statements/admin/receipt.html"
    header_icon = "doc-full"

    def get_page_title(self):
        return _("Sign-off receipt %(number)s") % {"number": self.approval.pk}

    def breadcrumbs_page(self):
        return self.statement

    def screen_breadcrumbs(self):
        signoff = reverse("statements_signoff", args=[self.statement.pk])
        return [
            {"url": signoff, "label": _("Sign-off")},
            {"url": None, "label": self.get_page_title()},
        ]

    def get(self, request, approval_id):
        self.approval = readable_approval(request, approval_id)
        self.statement = self.approval.page.specific
        context = receipt_context(self.approval, request.user, timezone.now())
        response = self.render_screen(context)
        response["Cache-Control"] = "private, no-store"
        return response


class ReceiptPdfView(View):
    def get(self, request, approval_id):
        approval = readable_approval(request, approval_id)
        pdf = receipt_pdf(approval, request.user, timezone.now())
        name = f"receipt-{reference_code(approval.page.specific)}-{approval.pk}.pdf"
        return download(pdf, "application/pdf", name)


class ClearanceCopyView(View):
    def get(self, request, page_id):
        statement = visible_statement(request, page_id)
        pdf = IssueClearanceCopyAction(statement, request.user).execute()
        stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
        name = f"clearance-copy-{reference_code(statement)}-{request.user.get_username()}-{stamp}"
        return download(pdf, "application/pdf", f"{name}.pdf")


class EvidencePackView(View):
    def get(self, request, page_id):
        if not is_administrator(request.user):
            raise PermissionDenied
        statement = source_statement(page_id)
        if statement is None:
            raise Http404
        filename, data = build_pack(statement, request.user)
        return download(data, "application/zip", filename)
