"""The admin hooks of the audit log: its report's URLs and its item in the Reports
menu, shown to administrators only (imported by ``wagtail_hooks``)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .permissions import is_administrator
from .views.audit import AuditLogReportView


class AuditLogMenuItem(MenuItem):
    def is_shown(self, request):
        return is_administrator(request.user)


@hooks.register("register_reports_menu_item")
def register_audit_log_menu_item():
    return AuditLogMenuItem(
        _("Audit log"), reverse("statements_audit_log"), icon_name="list-ul", order=900
    )


@hooks.register("register_admin_urls")
def register_audit_log_urls():
    view = AuditLogReportView
    return [
        path("reports/audit-log/", view.as_view(), name="statements_audit_log"),
        path(
            "reports/audit-log/results/",
            view.as_view(results_only=True),
            name="statements_audit_log_results",
        ),
    ]
