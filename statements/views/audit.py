"""The audit log report: read-only, for administrators only.

Entries name statements of every government, so a government's own people do not get
it: the product brief gives the audit trail to administrators. Nothing here writes;
there is no add, change or delete view for entries anywhere (``AuditEntry`` has no
model permissions and no viewset).
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

from ..models import AuditEntry
from ..permissions import is_administrator


class AuditLogReportView(ReportView):
    page_title = _("Audit log")
    header_icon = "list-ul"
    index_url_name = "statements_audit_log"
    index_results_url_name = "statements_audit_log_results"
    model = AuditEntry
    permission_policy = None
    paginate_by = 100
    columns = [
        Column("seq", label=_("number")),
        DateColumn("at", label=_("time")),
        Column("get_action_display", label=_("action")),
        Column("actor", label=_("actor")),
        Column("mfa_method", label=_("second factor")),
        Column("government_name", label=_("government")),
        Column("page_id", label=_("statement")),
        Column("language_code", label=_("language")),
        Column("fingerprint", label=_("fingerprint")),
        Column("entry_hash", label=_("hash")),
    ]
    # The export carries everything a hash covers, so it can be checked offline.
    list_export = [
        "seq",
        "at",
        "action",
        "actor_id",
        "actor",
        "mfa_method",
        "government_key",
        "government_code",
        "government_name",
        "statement_key",
        "page_id",
        "language_code",
        "fingerprint",
        "details",
        "algorithm",
        "prev_hash",
        "entry_hash",
    ]

    def dispatch(self, request, *args, **kwargs):
        if not is_administrator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return AuditEntry.objects.order_by("-seq")

    def get_filename(self):
        return "audit-log"
