"""Who is told what, and when. E-mails carry links only, never statement text.

Each function queues a Celery task after the surrounding transaction commits, so no
e-mail announces something that was then rolled back.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse


def _queue(kind, page_id, recipients, context):
    if not recipients and not context.get("extra_addresses"):
        return

    def send():
        from celery import current_app

        current_app.tasks["statements.tasks.send_notification_task"].delay(
            kind, page_id, sorted(recipients), context
        )

    transaction.on_commit(send)


def signoff_url(statement):
    return settings.COMMUNIQUE_BASE_URL.rstrip("/") + reverse(
        "statements_signoff", args=[statement.pk]
    )


def edit_url(statement):
    return settings.COMMUNIQUE_BASE_URL.rstrip("/") + reverse(
        "wagtailadmin_pages:edit", args=[statement.pk]
    )


def approver_ids(government):
    User = get_user_model()
    return set(
        User.objects.filter(groups=government.approver_group_id, is_active=True).values_list(
            "pk", flat=True
        )
    )


def drafter_ids(statement):
    ids = set()
    if statement.owner_id:
        ids.add(statement.owner_id)
    from wagtail.models import WorkflowState

    requested = (
        WorkflowState.objects.filter(base_content_type__model="page", object_id=str(statement.pk))
        .exclude(requested_by=None)
        .order_by("-created_at")
        .values_list("requested_by", flat=True)
        .first()
    )
    if requested:
        ids.add(requested)
    return ids


def signoff_requested(statement, governments):
    for government in governments:
        _queue(
            "signoff_requested",
            statement.pk,
            approver_ids(government),
            {"government": government.short_name, "url": signoff_url(statement)},
        )


def drafter_alert(statement, kind, governments):
    names = ", ".join(g.short_name for g in governments)
    _queue(
        kind,
        statement.pk,
        drafter_ids(statement),
        {"governments": names, "url": edit_url(statement)},
    )


def reminder(statement, government, duty_email=""):
    context = {"government": government.short_name, "url": signoff_url(statement)}
    if duty_email:
        context["extra_addresses"] = [duty_email]
    _queue("signoff_reminder", statement.pk, approver_ids(government), context)
