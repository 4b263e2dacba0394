"""Embargoed previews: the one exception to the embargo, for named journalists.

The drafter creates a link for one journalist once the release is scheduled (so the
text is the cleared one). The link expires at the release instant or earlier, can be
revoked, is ``noindex``, and every access is recorded. After release it leads to the
public page (served by ``newsroom``). Moving or cancelling the release e-mails every
holder of a live link; cancelling also revokes them.
"""

import uuid

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from ..models import PreviewAccess, PreviewLink, StatementPage
from ..permissions import may_edit_statement
from ..queries.release import scheduled_release, statement_zones
from ..timefmt import release_line
from .base import ActionRefused, lock_statement


class PreviewLinkPermissionError(ActionRefused):
    """Only the statement's own editors make and revoke preview links."""


def preview_url(link, language_code=None):
    args = [link.token]
    path = reverse("statements_embargoed_preview", args=args)
    if language_code:
        path = reverse("statements_embargoed_preview_language", args=[*args, language_code])
    return settings.COMMUNIQUE_BASE_URL.rstrip("/") + path


def live_links(statement):
    return PreviewLink.objects.filter(
        statement_id=statement.pk, revoked_at=None, expires_at__gt=timezone.now()
    )


class CreatePreviewLinkAction:
    def __init__(
        self, statement, user, journalist_name, journalist_email, outlet="", expires_at=None
    ):
        self.statement = statement
        self.user = user
        self.journalist_name = (journalist_name or "").strip()
        self.journalist_email = (journalist_email or "").strip()
        self.outlet = (outlet or "").strip()
        self.expires_at = expires_at

    def check(self):
        if not may_edit_statement(self.user, self.statement):
            raise PreviewLinkPermissionError(
                [_("Only the statement's editors can create preview links.")]
            )
        reasons = []
        release = scheduled_release(self.statement)
        if release is None:
            reasons.append(_("Schedule the release first: previews show the cleared text."))
        if not self.journalist_name or not self.journalist_email:
            reasons.append(_("Name the journalist and give their e-mail address."))
        if release is not None and self.expires_at is not None:
            if self.expires_at > release.release_at:
                reasons.append(_("A preview link must expire at the release instant or earlier."))
            if self.expires_at <= timezone.now():
                reasons.append(_("The expiry must be in the future."))
        if reasons:
            raise ActionRefused(reasons)
        return release

    @transaction.atomic
    def execute(self):
        lock_statement(self.statement)
        release = self.check()
        link = PreviewLink.objects.create(
            statement=self.statement,
            journalist_name=self.journalist_name,
            journalist_email=self.journalist_email,
            outlet=self.outlet,
            key=uuid.uuid4(),
            expires_at=self.expires_at or release.release_at,
            created_by=self.user,
        )
        log(
            instance=self.statement,
            action="statements.preview_link_create",
            user=self.user,
            data={
                "journalist": link.journalist_name,
                "outlet": link.outlet,
                "expires_at": link.expires_at.isoformat(),
            },
        )
        _mail_holders([link], release, "preview_link")
        return link


class RevokePreviewLinkAction:
    def __init__(self, link, user):
        self.link = link
        self.user = user

    @transaction.atomic
    def execute(self):
        statement = StatementPage.objects.get(pk=self.link.statement_id)
        if not may_edit_statement(self.user, statement):
            raise PreviewLinkPermissionError(
                [_("Only the statement's editors can revoke preview links.")]
            )
        link = PreviewLink.objects.select_for_update().get(pk=self.link.pk)
        if link.revoked_at is None:
            link.revoked_at = timezone.now()
            link.revoked_by = self.user
            link.save(update_fields=["revoked_at", "revoked_by"])
            log(
                instance=statement,
                action="statements.preview_link_revoke",
                user=self.user,
                data={"journalist": link.journalist_name},
            )
        return link


class TellPreviewHoldersAction:
    """Moved or cancelled: every holder of a live link is told; a moved release never
    lets a link outlive the new instant, and a cancelled one revokes them all."""

    def __init__(self, statement, release, kind, user=None):
        self.statement = statement
        self.release = release
        self.kind = kind
        self.user = user

    def execute(self):
        links = list(live_links(self.statement))
        if not links:
            return 0
        ids = [link.pk for link in links]
        if self.kind == "release_cancelled":
            PreviewLink.objects.filter(pk__in=ids).update(
                revoked_at=timezone.now(), revoked_by=self.user
            )
        else:
            PreviewLink.objects.filter(pk__in=ids, expires_at__gt=self.release.release_at).update(
                expires_at=self.release.release_at
            )
        _mail_holders(links, self.release, f"preview_{self.kind}")
        return len(links)


def _mail_holders(links, release, kind):
    """Journalists are not users: their e-mail is rendered here, in the statement's
    source language, and sent after the commit. It carries the link, never the text."""
    messages = []
    for link in links:
        statement = StatementPage.objects.get(pk=link.statement_id)
        with translation.override(statement.locale.language_code):
            context = {
                "name": link.journalist_name,
                "url": preview_url(link),
                "release_line": release_line(
                    release.release_at,
                    statement_zones(statement),
                    statement.locale.language_code,
                ),
                "expires_at": link.expires_at,
                "statement_number": statement.pk,
            }
            subject = " ".join(
                render_to_string(f"statements/emails/{kind}_subject.txt", context).split()
            )
            body = render_to_string(f"statements/emails/{kind}.txt", context)
        messages.append((subject, body, link.journalist_email))

    def send():
        for subject, body, address in messages:
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [address])

    transaction.on_commit(send)


class RecordPreviewAccessAction:
    """Every use of a preview link is recorded: when, from where, in which language."""

    def __init__(self, link, address, user_agent, language_code, outcome):
        self.link = link
        self.address = address
        self.user_agent = user_agent
        self.language_code = language_code
        self.outcome = outcome

    def execute(self):
        return PreviewAccess.objects.create(
            link=self.link,
            ip_address=self.address or None,
            user_agent=(self.user_agent or "")[:300],
            language_code=self.language_code or "",
            outcome=self.outcome,
        )
