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


# --- release -------------------------------------------------------------------------


def release_url():
    return settings.COMMUNIQUE_BASE_URL.rstrip("/") + reverse("statements_release_queue")


def administrator_ids():
    User = get_user_model()
    return set(User.objects.filter(is_superuser=True, is_active=True).values_list("pk", flat=True))


def _release_context(release, problems=()):
    return {
        "release_at": release.release_at.isoformat(),
        "release_timezone": release.release_timezone,
        "language": release.language_code,
        "problems": list(problems),
        "url": release_url(),
    }


def release_held(statement, release, problems, failed=False):
    """The release is on hold: the drafter and administrators are told exactly why."""
    kind = "release_failed" if failed else "release_held"
    _queue(
        kind,
        statement.pk,
        drafter_ids(statement) | administrator_ids(),
        _release_context(release, problems),
    )


def release_precheck(statement, release, problems):
    """Some minutes before the instant: what is still missing, to those who can fix it."""
    from .release import signatory_governments

    recipients = drafter_ids(statement)
    codes = {p.get("government_code") for p in problems}
    languages = {p.get("language") for p in problems}
    for government in signatory_governments(statement):
        if government.code in codes or languages & set(government.languages or []):
            recipients |= approver_ids(government)
    _queue("release_precheck", statement.pk, recipients, _release_context(release, problems))


def release_changed(statement, release, kind):
    """Moved or cancelled: every partner government is told and asked to confirm."""
    from .release import signatory_governments

    recipients = set()
    for government in signatory_governments(statement):
        recipients |= approver_ids(government)
    context = _release_context(release)
    context["url"] = settings.COMMUNIQUE_BASE_URL.rstrip("/") + reverse(
        "statements_release_detail", args=[release.pk]
    )
    _queue(kind, statement.pk, recipients | drafter_ids(statement), context)
