"""Celery tasks: thin, idempotent, acting on IDs and reloading state."""

import datetime
import smtplib
import zoneinfo

from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.core.management import call_command
from django.template.loader import render_to_string
from django.utils import timezone, translation

SUBJECTS = {
    "signoff_requested": "statements/emails/signoff_requested_subject.txt",
    "signoff_reminder": "statements/emails/signoff_reminder_subject.txt",
    "changes_requested": "statements/emails/changes_requested_subject.txt",
    "withdrawn": "statements/emails/withdrawn_subject.txt",
    "cleared": "statements/emails/cleared_subject.txt",
    "release_held": "statements/emails/release_held_subject.txt",
    "release_failed": "statements/emails/release_failed_subject.txt",
    "release_precheck": "statements/emails/release_precheck_subject.txt",
    "release_moved": "statements/emails/release_moved_subject.txt",
    "release_cancelled": "statements/emails/release_cancelled_subject.txt",
}
REMINDER_WORKING_HOURS = (9, 17)
REMINDER_INTERVAL = datetime.timedelta(hours=20)
REMINDER_HORIZON = datetime.timedelta(days=3)


@shared_task(name="statements.tasks.clear_expired_sessions_task")
def clear_expired_sessions_task():
    """Sessions of signed-out approvers and translators should not linger."""
    call_command("clearsessions")


def _language_of(user):
    profile = getattr(user, "wagtail_userprofile", None)
    language = getattr(profile, "preferred_language", "") if profile else ""
    codes = {code for code, _name in settings.LANGUAGES}
    return language if language in codes else settings.LANGUAGE_CODE


@shared_task(
    name="statements.tasks.send_notification_task",
    autoretry_for=(smtplib.SMTPException, OSError),
    retry_backoff=30,
    max_retries=5,
)
def send_notification_task(kind, page_id, user_ids, context):
    """Send one notification to each recipient, in the recipient's own language.

    The message names the statement by number and type and links to it; it never
    quotes the statement's words, which are under embargo until release.
    """
    from statements.models import StatementPage

    statement = StatementPage.objects.filter(pk=page_id).first()
    if statement is None or kind not in SUBJECTS:
        return 0
    recipients = [
        (user.email, _language_of(user))
        for user in get_user_model().objects.filter(pk__in=user_ids, is_active=True)
        if user.email
    ]
    recipients += [
        (address, settings.LANGUAGE_CODE) for address in context.get("extra_addresses", [])
    ]
    sent = 0
    for address, language in recipients:
        with translation.override(language):
            data = {
                **context,
                "statement_number": statement.pk,
                "statement_type": statement.get_statement_type_display(),
            }
            if "release_at" in context:
                data.update(_release_lines(context))
            subject = " ".join(render_to_string(SUBJECTS[kind], data).split())
            body = render_to_string(f"statements/emails/{kind}.txt", data)
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [address])
        sent += 1
    return sent


@shared_task(name="statements.tasks.send_signoff_reminders_task")
def send_signoff_reminders_task():
    """Remind governments still pending, during working hours in their own time zone.

    Driven by the planned release instant: only statements due within a few days
    (or overdue) are reminded about, each government at most once in 20 hours.
    """
    from statements import actions, notifications
    from statements.models import Approval, SignOffReminder

    now = timezone.now()
    sent = 0
    for task_state in actions.in_progress_signoff_task_states():
        statement = task_state.workflow_state.content_object.specific
        planned = statement.get_latest_revision_as_object().release_at
        if not planned or planned - now > REMINDER_HORIZON:
            continue
        record = actions.current_fingerprint(statement)
        signed = set(
            Approval.objects.for_source(statement)
            .valid()
            .filter(fingerprint=record.fingerprint)
            .values_list("government_key", flat=True)
        )
        for government in actions.signatory_governments(statement):
            if government.translation_key in signed:
                continue
            local = now.astimezone(zoneinfo.ZoneInfo(government.time_zone))
            start, end = REMINDER_WORKING_HOURS
            if local.weekday() >= 5 or not start <= local.hour < end:
                continue
            recent = SignOffReminder.objects.filter(
                page=statement,
                government_key=government.translation_key,
                sent_at__gt=now - REMINDER_INTERVAL,
            ).exists()
            if recent:
                continue
            SignOffReminder.objects.create(
                page=statement, government_key=government.translation_key, sent_at=now
            )
            notifications.reminder(statement, government, government.duty_email)
            sent += 1
    return sent


@shared_task(
    name="statements.tasks.send_translation_digests_task",
    autoretry_for=(smtplib.SMTPException, OSError),
    retry_backoff=30,
    max_retries=5,
)
def send_translation_digests_task():
    """One e-mail per person for everything new in their languages since the last digest.

    Translators hear of translations requested or gone out of date in their language;
    approvers of translations now awaiting their government's review. Links only.
    """
    from django.db import transaction
    from django.urls import reverse

    from statements.actions import language_reviewers, source_statement_of
    from statements.models import StatementPage, TranslationNotice

    base = settings.COMMUNIQUE_BASE_URL.rstrip("/")
    User = get_user_model()
    with transaction.atomic():
        notices = list(
            TranslationNotice.objects.select_for_update(skip_locked=True)
            .filter(sent_at=None)
            .order_by("created_at")
        )
        if not notices:
            return 0
        pages = StatementPage.objects.in_bulk({n.page_id for n in notices})
        per_user = {}
        for notice in notices:
            page = pages.get(notice.page_id)
            if page is None:
                continue
            if notice.kind == TranslationNotice.Kind.AWAITING_REVIEW:
                target = page
                recipients = User.objects.filter(
                    groups__in=[g.approver_group_id for g in language_reviewers(page)],
                    is_active=True,
                )
                url = base + reverse("statements_language_review", args=[page.pk])
            else:
                target = page.get_translation_or_none(
                    page.locale.__class__.objects.get(language_code=notice.language_code)
                )
                recipients = User.objects.filter(
                    groups__name=f"Translators: {notice.language_code}", is_active=True
                )
                url = base + (
                    reverse("wagtailadmin_pages:edit", args=[target.pk])
                    if target
                    else reverse("statements_translation_status")
                )
            source = (
                page
                if notice.kind != TranslationNotice.Kind.AWAITING_REVIEW
                else (source_statement_of(page)[0] or page)
            )
            for user in recipients.distinct():
                per_user.setdefault(user, []).append(
                    {
                        "kind": notice.kind,
                        "language": notice.language_code,
                        "number": source.pk,
                        "type": source.statement_type,
                        "url": url,
                    }
                )
        TranslationNotice.objects.filter(pk__in=[n.pk for n in notices]).update(
            sent_at=timezone.now()
        )
    sent = 0
    from statements.models import StatementType

    for user, items in per_user.items():
        if not user.email:
            continue
        with translation.override(_language_of(user)):
            for item in items:
                item["type_label"] = StatementType(item["type"]).label
            subject = " ".join(
                render_to_string(
                    "statements/emails/translation_digest_subject.txt", {"count": len(items)}
                ).split()
            )
            body = render_to_string("statements/emails/translation_digest.txt", {"items": items})
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
        sent += 1
    return sent


def _release_lines(context):
    """The instant and any problems, written out in the active language."""
    import datetime as _datetime

    from statements.release import describe, release_line

    instant = _datetime.datetime.fromisoformat(context["release_at"])
    return {
        "release_line": release_line(instant, [context.get("release_timezone"), "UTC"]),
        "problem_lines": [describe(problem) for problem in context.get("problems", [])],
    }


# --- release triggers -----------------------------------------------------------------

RELEASE_EARLY_TOLERANCE_S = 5.0


@shared_task(name="statements.tasks.release_statement_task", acks_late=True)
def release_statement_task(release_id):
    """Queued with an ETA a moment before the instant (the release prepares, then
    commits on the instant). Early by a moment (clocks differ by a little) it waits;
    early by more, or for a release since moved or held, it does nothing: the
    release's own trigger, the sweep or the clock acts then."""
    import time

    from statements.models import Release
    from statements.release import ReleaseStatementAction, db_now, prepare_ahead

    release = Release.objects.filter(pk=release_id).first()
    if release is None or release.state != Release.State.SCHEDULED:
        return "noop"
    remaining = (release.release_at - prepare_ahead() - db_now()).total_seconds()
    if 0 < remaining <= RELEASE_EARLY_TOLERANCE_S:
        time.sleep(remaining)
    return ReleaseStatementAction(release_id, via="worker").execute().state


@shared_task(name="statements.tasks.release_sweep_task")
def release_sweep_task():
    """Run what is due or overdue, queue what comes up within the ETA window, and send
    the pre-check for releases due soon."""
    from statements.release import precheck_due, queue_upcoming, run_due

    released = [o.state for o in run_due(via="sweep")]
    queued = queue_upcoming()
    told = precheck_due()
    return {"released": released, "queued": queued, "prechecked": told}
