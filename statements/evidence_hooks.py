"""The admin hooks of the evidence (docs/adr/0021): receipts, clearance copies and the
evidence pack, and the history line a clearance copy leaves (imported by
``wagtail_hooks``)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .queries.evidence import CLEARANCE_COPY_ACTION
from .views.evidence import ClearanceCopyView, EvidencePackView, ReceiptPdfView, ReceiptView


@hooks.register("register_admin_urls")
def register_evidence_urls():
    return [
        path(
            "statements/receipts/<int:approval_id>/",
            ReceiptView.as_view(),
            name="statements_receipt",
        ),
        path(
            "statements/receipts/<int:approval_id>/receipt.pdf",
            ReceiptPdfView.as_view(),
            name="statements_receipt_pdf",
        ),
        path(
            "statements/<int:page_id>/clearance-copy.pdf",
            ClearanceCopyView.as_view(),
            name="statements_clearance_copy",
        ),
        path(
            "statements/<int:page_id>/evidence-pack.zip",
            EvidencePackView.as_view(),
            name="statements_evidence_pack",
        ),
    ]


@hooks.register("register_log_actions")
def register_evidence_log_actions(actions):
    actions.register_action(
        CLEARANCE_COPY_ACTION, _("Issue a clearance copy"), _("Clearance copy issued")
    )
