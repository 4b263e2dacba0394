"""Workarounds for Wagtail itself, kept in one place to delete when no longer needed.

Wagtail's frontend cache purges each page as it is published. The release publishes
every language inside one transaction, so a purge from there could reach the cache
before the commit and let it fetch the old "not found" again. Statements are purged
from ``statement_released`` instead, after the commit, every language at once.

Wagtail e-mails the workflow's submitter and superusers when a workflow is submitted,
approved or rejected, quoting the page's title. A statement's title is under embargo
until release, and its sign-off has notifications of its own that carry links only
(``statements.notifications``). So Wagtail's workflow e-mails are kept for other
pages and skipped for statements.

Wagtail e-mails a page's comment subscribers and the people in its comment threads when
comments change, whatever they may do with the page now: an approver whose government
was taken off the signatories, or whose role was withdrawn, would go on receiving the
title and the comments of a statement they no longer have a part in. Comment e-mails
about a statement go only to people with a role in it (``permissions.has_role_in``).

Wagtail's revision comparison groups letters and digits into words and means to keep
CJK characters apart, but ``str.isalnum()`` is true for them: a Japanese sentence is
one "word", and a one-word edit strikes out and re-inserts all of it. Text with
Chinese, Japanese or Korean characters is compared character by character instead
(``textdiff.compare_text``), as on the sign-off panel.

Wagtail works out a page's address afresh each time it is asked (the site's root paths,
then a ``reverse`` inside the page's language), and a statement page asks for each of
its language versions' addresses four times: the switcher, the alternate links, the
canonical and OpenGraph links, the JSON-LD. Within one request the answer is remembered,
per page, path, language and active language, so each is worked out once.
"""

from django.http import HttpRequest
from django.utils import translation
from django.utils.encoding import force_str
from wagtail.admin import compare as wagtail_compare
from wagtail.admin import signal_handlers as wagtail_admin_signals
from wagtail.admin.views.pages import edit as wagtail_page_edit
from wagtail.contrib.frontend_cache import signal_handlers as frontend_cache_signals
from wagtail.models import Page, WorkflowState
from wagtail.signals import (
    page_published,
    page_unpublished,
    workflow_approved,
    workflow_rejected,
    workflow_submitted,
)

from .measures import has_character_script
from .models import StatementPage
from .permissions import has_role_in
from .textdiff import compare_text

_WORKFLOW_NOTIFIERS = [
    (
        workflow_submitted,
        wagtail_admin_signals.workflow_submission_email_notifier,
        "workflow_state_submitted_email_notification",
    ),
    (
        workflow_rejected,
        wagtail_admin_signals.workflow_rejection_email_notifier,
        "workflow_state_rejected_email_notification",
    ),
    (
        workflow_approved,
        wagtail_admin_signals.workflow_approval_email_notifier,
        "workflow_state_approved_email_notification",
    ),
]


def _is_statement(workflow_state):
    obj = workflow_state.content_object
    return isinstance(getattr(obj, "specific", obj), StatementPage)


def _unless_statement(notifier):
    def notify(sender, instance, **kwargs):
        if _is_statement(instance):
            return None
        return notifier(sender=sender, instance=instance, **kwargs)

    return notify


def keep_statement_titles_out_of_wagtail_emails():
    for signal, notifier, dispatch_uid in _WORKFLOW_NOTIFIERS:
        signal.disconnect(sender=WorkflowState, dispatch_uid=dispatch_uid)
        signal.connect(
            _unless_statement(notifier),
            sender=WorkflowState,
            dispatch_uid=f"{dispatch_uid}_unless_statement",
            weak=False,
        )


def purge_statements_after_release_only():
    page_published.disconnect(
        frontend_cache_signals.page_published_signal_handler, sender=StatementPage
    )
    page_unpublished.disconnect(
        frontend_cache_signals.page_unpublished_signal_handler, sender=StatementPage
    )


def send_comment_emails_only_to_people_with_a_role():
    """Wrap the page editor's ``send_notification``: for a statement, recipients of the
    comment e-mails are narrowed to the people with a role in it."""
    original = getattr(wagtail_page_edit.send_notification, "__wrapped__", None)
    original = original or wagtail_page_edit.send_notification

    def send_notification(recipient_users, notification, extra_context):
        page = (extra_context or {}).get("page")
        if isinstance(getattr(page, "specific", page), StatementPage):
            recipient_users = [user for user in recipient_users if has_role_in(user, page)]
            if not recipient_users:
                return True  # as Wagtail answers when there is nobody to tell
        return original(recipient_users, notification, extra_context)

    send_notification.__wrapped__ = original
    wagtail_page_edit.send_notification = send_notification


_WAGTAIL_DIFF_KINDS = {"same": "equal", "removed": "deletion", "added": "addition"}


def compare_cjk_text_per_character():
    """Wrap ``wagtail.admin.compare.diff_text``, which every field and block comparison
    of that module calls by name."""
    original = getattr(wagtail_compare.diff_text, "__wrapped__", None)
    original = original or wagtail_compare.diff_text

    def diff_text(a, b):
        a, b = force_str(a or ""), force_str(b or "")
        if not (has_character_script(a) or has_character_script(b)):
            return original(a, b)
        runs = compare_text([a], [b], by_character=True)
        return wagtail_compare.TextDiff([(_WAGTAIL_DIFF_KINDS[k], text) for k, text in runs])

    diff_text.__wrapped__ = original
    wagtail_compare.diff_text = diff_text


def remember_page_addresses_per_request():
    """Wrap ``Page.get_url_parts`` (every ``url``, ``full_url`` and ``get_url`` asks
    it) to answer each page once per request. The key holds all the answer depends on
    besides the request's site root paths, which Wagtail itself keeps per request."""
    original = getattr(Page.get_url_parts, "__wrapped__", Page.get_url_parts)

    def get_url_parts(self, request=None):
        if not isinstance(request, HttpRequest):
            return original(self, request=request)
        memo = request.__dict__.setdefault("_communique_url_parts", {})
        key = (self.pk, self.url_path, self.locale_id, translation.get_language())
        if key not in memo:
            memo[key] = original(self, request=request)
        return memo[key]

    get_url_parts.__wrapped__ = original
    Page.get_url_parts = get_url_parts
