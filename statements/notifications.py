"""Who is told what, and when. E-mails carry links only, never statement text.

Each function queues a Celery task after the surrounding transaction commits, so no
e-mail announces something that was then rolled back. The tasks (sent by name, as
they are entry points above this module) call back into ``send`` and
``send_translation_digests`` here, which write each message in its reader's language.
"""

import datetime

from celery import current_app
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale, WorkflowState

from .models import StatementPage, TranslationNotice
from .permissions import (
    administrators,
    approvers_of,
    approvers_of_any,
    has_role_in,
    translators_of,
)
from .queries.reference import describe_reference, reference_facts
from .queries.release import describe
from .queries.translation import language_reviewers, source_statement_of
from .timefmt import release_line

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
    "signoff_voided": "statements/emails/signoff_voided_subject.txt",
    "translations_synced": "statements/emails/translations_synced_subject.txt",
    "signoff_receipt": "statements/emails/signoff_receipt_subject.txt",
}


def _queue(kind, page_id, recipients, context):
    if not recipients and not context.get("extra_addresses"):
        return

    def send_later():
        current_app.tasks["statements.tasks.send_notification_task"].delay(
            kind, page_id, sorted(recipients), context
        )

    transaction.on_commit(send_later)


def signoff_url(statement):
    return settings.COMMUNIQUE_BASE_URL.rstrip("/") + reverse(
        "statements_signoff", args=[statement.pk]
    )


def edit_url(statement):
    return settings.COMMUNIQUE_BASE_URL.rstrip("/") + reverse(
        "wagtailadmin_pages:edit", args=[statement.pk]
    )


def drafter_ids(statement):
    ids = set()
    if statement.owner_id:
        ids.add(statement.owner_id)
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
            approvers_of(government),
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


def signoff_voided(statement, voided):
    """An edit voided these sign-offs: each government's approvers are told, with the
    link to compare the new words with the ones they signed and sign again.

    ``voided`` pairs a government still signing the statement with what changed
    ("words" or "signatories"); a government the edit removed has no role left in the
    statement and is not written to about it."""
    for government, change in voided:
        _queue(
            "signoff_voided",
            statement.pk,
            approvers_of(government),
            {"government": government.short_name, "change": change, "url": signoff_url(statement)},
        )


def translations_synced(statement, pages, counts):
    """The source's latest text is now in these translations: each language's
    translators are told how many segments changed, were added and removed, with the
    link to their translation. ``pages`` maps a language code to its translated page."""
    for code, page in pages.items():
        _queue(
            "translations_synced",
            statement.pk,
            set(translators_of(code).values_list("pk", flat=True)),
            {"language": code, **counts, "url": edit_url(page)},
        )


def signoff_receipt(approval, government):
    """The signer gets a link to the receipt of what they signed (docs/adr/0021): the
    fingerprint and the link, never the words."""
    url = settings.COMMUNIQUE_BASE_URL.rstrip("/") + reverse(
        "statements_receipt", args=[approval.pk]
    )
    _queue(
        "signoff_receipt",
        approval.page_id,
        {approval.user_id},
        {
            "government": government.short_name,
            "fingerprint": approval.fingerprint,
            "signed_at": approval.created_at.isoformat(),
            "url": url,
        },
    )


def reminder(statement, government, duty_email=""):
    context = {"government": government.short_name, "url": signoff_url(statement)}
    if duty_email:
        context["extra_addresses"] = [duty_email]
    _queue("signoff_reminder", statement.pk, approvers_of(government), context)


# --- release -------------------------------------------------------------------------


def release_url():
    return settings.COMMUNIQUE_BASE_URL.rstrip("/") + reverse("statements_release_queue")


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
        drafter_ids(statement) | administrators(),
        _release_context(release, problems),
    )


def release_precheck(statement, release, problems):
    """Some minutes before the instant: what is still missing, to those who can fix it."""
    recipients = drafter_ids(statement)
    codes = {p.get("government_code") for p in problems}
    languages = {p.get("language") for p in problems}
    for government in statement.signatory_governments():
        if government.code in codes or languages & set(government.languages or []):
            recipients |= approvers_of(government)
    _queue("release_precheck", statement.pk, recipients, _release_context(release, problems))


def release_changed(statement, release, kind):
    """Moved or cancelled: every partner government is told and asked to confirm."""
    recipients = set()
    for government in statement.signatory_governments():
        recipients |= approvers_of(government)
    context = _release_context(release)
    context["url"] = settings.COMMUNIQUE_BASE_URL.rstrip("/") + reverse(
        "statements_release_detail", args=[release.pk]
    )
    _queue(kind, statement.pk, recipients | drafter_ids(statement), context)


# --- writing and sending (called by the Celery tasks) ---------------------------------------


def language_of(user):
    profile = getattr(user, "wagtail_userprofile", None)
    language = getattr(profile, "preferred_language", "") if profile else ""
    codes = {code for code, _name in settings.LANGUAGES}
    return language if language in codes else settings.LANGUAGE_CODE


def _release_lines(context):
    """The instant and any problems, written out in the active language."""
    instant = datetime.datetime.fromisoformat(context["release_at"])
    return {
        "release_line": release_line(
            instant, [context.get("release_timezone"), "UTC"], translation.get_language()
        ),
        "problem_lines": [describe(problem) for problem in context.get("problems", [])],
    }


def send(kind, page_id, user_ids, context):
    """Send one notification to each recipient, in the recipient's own language.

    The message names the statement by its reference (“JS-2026-053, lead Japan, 3
    signatories, …”) and links to it; it never quotes the statement's words, which
    are under embargo until release.
    """
    statement = StatementPage.objects.filter(pk=page_id).first()
    if statement is None or kind not in SUBJECTS:
        return 0
    # Asked again as the message is written: a person who has left the statement's
    # governments since it was queued (an owner who left the press office) is not told.
    recipients = [
        (user.email, language_of(user))
        for user in get_user_model().objects.filter(pk__in=user_ids, is_active=True)
        if user.email and has_role_in(user, statement)
    ]
    recipients += [
        (address, settings.LANGUAGE_CODE) for address in context.get("extra_addresses", [])
    ]
    facts = reference_facts(statement)
    sent = 0
    for address, language in recipients:
        with translation.override(language):
            data = {
                **context,
                "reference": facts["code"],
                "statement": describe_reference(facts, language),
            }
            if "release_at" in context:
                data.update(_release_lines(context))
            subject = " ".join(render_to_string(SUBJECTS[kind], data).split())
            body = render_to_string(f"statements/emails/{kind}.txt", data)
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [address])
        sent += 1
    return sent


def _digest_recipients(notice, page, base):
    """Who hears of one notice, the statement it is about, and the link they get."""
    if notice.kind == TranslationNotice.Kind.AWAITING_REVIEW:
        recipients = approvers_of_any(language_reviewers(page))
        url = base + reverse("statements_language_review", args=[page.pk])
        return recipients, source_statement_of(page)[0] or page, url
    target = page.get_translation_or_none(Locale.objects.get(language_code=notice.language_code))
    recipients = translators_of(notice.language_code)
    url = base + (
        reverse("wagtailadmin_pages:edit", args=[target.pk])
        if target
        else reverse("statements_translation_status")
    )
    return recipients, page, url


def _collect_digests():
    """Take every unsent notice (marking them sent) and group them by recipient."""
    base = settings.COMMUNIQUE_BASE_URL.rstrip("/")
    per_user = {}
    with transaction.atomic():
        notices = list(
            TranslationNotice.objects.select_for_update(skip_locked=True)
            .filter(sent_at=None)
            .order_by("created_at")
        )
        if not notices:
            return per_user
        pages = StatementPage.objects.in_bulk({n.page_id for n in notices})
        for notice in notices:
            page = pages.get(notice.page_id)
            if page is None:
                continue
            recipients, source, url = _digest_recipients(notice, page, base)
            for user in recipients:
                # A translator of the language may be an agency given other statements.
                if not has_role_in(user, source):
                    continue
                per_user.setdefault(user, []).append(
                    {
                        "kind": notice.kind,
                        "language": notice.language_code,
                        "number": source.pk,
                        "url": url,
                    }
                )
        TranslationNotice.objects.filter(pk__in=[n.pk for n in notices]).update(
            sent_at=timezone.now()
        )
    return per_user


def send_translation_digests():
    """One e-mail per person for everything new in their languages since the last digest.

    Translators hear of translations requested or gone out of date in their language;
    approvers of translations now awaiting their government's review. Links only.
    """
    sent = 0
    facts = {}
    for user, items in _collect_digests().items():
        if not user.email:
            continue
        language = language_of(user)
        with translation.override(language):
            for item in items:
                if item["number"] not in facts:
                    facts[item["number"]] = reference_facts(
                        StatementPage.objects.get(pk=item["number"])
                    )
                item["reference"] = describe_reference(facts[item["number"]], language)
            subject = " ".join(
                render_to_string(
                    "statements/emails/translation_digest_subject.txt", {"count": len(items)}
                ).split()
            )
            body = render_to_string("statements/emails/translation_digest.txt", {"items": items})
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
        sent += 1
    return sent


# --- people (sent after the commit, rendered here: the link carries a secret) ----------


def _send_after_commit(template, context, language, address):
    with translation.override(language):
        subject = " ".join(
            render_to_string(f"statements/emails/{template}_subject.txt", context).split()
        )
        body = render_to_string(f"statements/emails/{template}.txt", context)
    transaction.on_commit(lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [address]))


def invitation_language(invitation):
    """An invitee with an account reads its own language; a new person the language
    they will translate into, else their government's first interface language."""
    existing = get_user_model().objects.filter(email__iexact=invitation.email).first()
    if existing is not None:
        return language_of(existing)
    codes = {code for code, _name in settings.LANGUAGES}
    wanted = [invitation.language_code, *(invitation.government.languages or [])]
    return next((code for code in wanted if code in codes), settings.LANGUAGE_CODE)


def send_invitation(invitation, token):
    """The invitation with its one-time link. The raw token is in this e-mail only:
    it never goes through the broker and is not stored."""
    url = settings.COMMUNIQUE_BASE_URL.rstrip("/") + reverse(
        "statements_accept_invitation", args=[token]
    )
    language = invitation_language(invitation)
    with translation.override(language):
        context = {
            "government": invitation.government.short_name,
            "role": invitation.get_role_display(),
            "language": translation.get_language_info(invitation.language_code)["name_translated"]
            if invitation.language_code
            else "",
            "inviter": invitation.invited_by.get_full_name() if invitation.invited_by else "",
            "url": url,
            "expires_at": invitation.expires_at,
        }
    _send_after_commit("invitation", context, language, invitation.email)


def send_suspension_warning(user, suspend_on):
    context = {
        "name": user.get_full_name() or user.get_username(),
        "suspend_on": suspend_on,
        "url": settings.COMMUNIQUE_BASE_URL.rstrip("/") + reverse("wagtailadmin_login"),
    }
    _send_after_commit("suspension_warning", context, language_of(user), user.email)
