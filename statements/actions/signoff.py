"""Sign-off: each co-signing government signs the exact words, in Wagtail's workflow."""

import datetime
import zoneinfo

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Page, TaskState

from .. import audit, notifications
from ..fingerprint import frozen_copy
from ..models import Approval, AuditEntry, ChangeRequest, SignOffReminder, StatementPage
from ..permissions import approver_group_ids, governments_approved_by, is_approver_of
from ..queries.signoff import (
    author_of_words,
    current_fingerprint,
    describe_change,
    fingerprint_record,
    identity_of,
    in_progress_signoff_task_states,
    is_cleared,
    signed_keys,
    signoff_task_state,
)
from .base import ActionRefused, lock_statement, void_stale

REMINDER_WORKING_HOURS = (9, 17)
REMINDER_INTERVAL = datetime.timedelta(hours=20)
REMINDER_HORIZON = datetime.timedelta(days=3)


class SignOffPermissionError(ActionRefused):
    """The user does not act for the government they would sign for."""


class RequestChangesPermissionError(ActionRefused):
    """The user acts for none of the statement's signatories."""


class WithdrawSignOffPermissionError(ActionRefused):
    """The user does not act for the government whose sign-off they would withdraw."""


def _specific(statement):
    return statement.specific if isinstance(statement, Page) else statement


def _signatory(statement, code):
    return next((g for g in statement.signatory_governments() if g.code == code), None)


class SignOffAction:
    def __init__(self, statement, user, code, comment="", revision_id=None):
        self.statement = _specific(statement)
        self.user = user
        self.code = (code or "").upper()
        self.comment = comment or ""
        self.revision_id = int(revision_id) if revision_id else None

    def check(self):
        if not isinstance(self.statement, StatementPage):
            raise ActionRefused([_("Only statements are signed off.")])
        government = _signatory(self.statement, self.code)
        if government is None:
            raise ActionRefused([_("This government is not a signatory of the statement.")])
        if not is_approver_of(self.user, government):
            raise SignOffPermissionError(
                [
                    _("Only members of %(group)s can sign for %(government)s.")
                    % {
                        "group": government.approver_group_name(),
                        "government": government.short_name,
                    }
                ]
            )
        revision = self.statement.get_latest_revision()
        if revision is None:
            raise ActionRefused([_("The statement has no saved text to sign.")])
        reasons = []
        if self.revision_id and self.revision_id != revision.pk:
            reasons.append(
                _("The text changed after you opened it. Read the new version, then sign.")
            )
        record = fingerprint_record(revision)
        author = record.introduced_by_revision.user
        if author is not None and author.pk == self.user.pk:
            reasons.append(
                _("You wrote the current text, so you cannot sign it: a second person must.")
            )
        if government.translation_key in signed_keys(self.statement, record.fingerprint):
            reasons.append(
                _("%(government)s has already signed this text.")
                % {"government": government.short_name}
            )
        if reasons:
            raise ActionRefused(reasons)
        return government, revision, record

    @transaction.atomic
    def execute(self):
        lock_statement(self.statement)
        government, revision, record = self.check()
        identity = identity_of(government)
        # A valid approval on older words is superseded by this one.
        for old in (
            Approval.objects.for_source(self.statement)
            .valid()
            .filter(government_key=government.translation_key)
        ):
            old.end(Approval.State.VOID, user=self.user, revision=revision, reason="superseded")
        approval = Approval.objects.create(
            page=self.statement,
            subject=Approval.Subject.SOURCE,
            language_code=self.statement.locale.language_code,
            government_key=government.translation_key,
            government_name=identity.short_name,
            user=self.user,
            revision=revision,
            fingerprint=record.fingerprint,
            frozen_content=frozen_copy(revision.as_object()),
            comment=self.comment,
        )
        log(
            instance=self.statement,
            action="statements.sign_off",
            user=self.user,
            revision=revision,
            data={
                "government": identity.short_name,
                "fingerprint": record.fingerprint,
                "comment": self.comment,
            },
        )
        audit.record_approval(
            AuditEntry.Action.SIGN_OFF,
            approval,
            actor=self.user,
            government=government,
            details={"comment": self.comment},
        )
        notifications.signoff_receipt(approval, government)
        CompleteSignOffIfReadyAction(self.statement, self.user).execute()
        return approval


class CompleteSignOffIfReadyAction:
    """Approve the workflow's sign-off step once every signatory has signed the words.

    Runs under the statement's row lock, and approves only a task state still in
    progress, so two last signatures arriving together complete it exactly once.
    """

    def __init__(self, statement, user):
        self.statement = statement
        self.user = user

    @transaction.atomic
    def execute(self):
        lock_statement(self.statement)
        if not is_cleared(self.statement):
            return False
        task_state = signoff_task_state(self.statement, lock=True)
        if task_state is None:
            return False
        task_state.approve(user=self.user, comment="")
        return True


class RequestChangesAction:
    def __init__(self, statement, user, comment=""):
        self.statement = _specific(statement)
        self.user = user
        self.comment = (comment or "").strip()

    def check(self):
        governments = governments_approved_by(self.user, self.statement.signatory_governments())
        if not governments:
            raise RequestChangesPermissionError(
                [_("Only approvers of a signatory government can request changes.")]
            )
        if not self.comment:
            raise ActionRefused([_("Say what should change: a comment is required.")])
        return governments

    @transaction.atomic
    def execute(self):
        lock_statement(self.statement)
        governments = self.check()
        revision = self.statement.get_latest_revision()
        record = fingerprint_record(revision)
        requests = []
        for government in governments:
            identity = identity_of(government)
            requests.append(
                ChangeRequest.objects.create(
                    page=self.statement,
                    language_code=self.statement.locale.language_code,
                    government_key=government.translation_key,
                    government_name=identity.short_name,
                    user=self.user,
                    revision=revision,
                    fingerprint=record.fingerprint,
                    comment=self.comment,
                )
            )
            log(
                instance=self.statement,
                action="statements.request_changes",
                user=self.user,
                revision=revision,
                data={"government": identity.short_name, "comment": self.comment},
            )
        notifications.drafter_alert(self.statement, "changes_requested", governments)
        return requests


class WithdrawSignOffAction:
    def __init__(self, statement, user, code, reason=""):
        self.statement = _specific(statement)
        self.user = user
        self.code = (code or "").upper()
        self.reason = (reason or "").strip()

    def check(self):
        government = _signatory(self.statement, self.code)
        if government is None:
            raise ActionRefused([_("This government is not a signatory of the statement.")])
        if not is_approver_of(self.user, government):
            raise WithdrawSignOffPermissionError(
                [
                    _("Only members of %(group)s can withdraw %(government)s's sign-off.")
                    % {
                        "group": government.approver_group_name(),
                        "government": government.short_name,
                    }
                ]
            )
        reasons = []
        if self.statement.live:
            reasons.append(
                _("The statement has been released; a sign-off can no longer be withdrawn.")
            )
        if not self.reason:
            reasons.append(_("Give a reason for withdrawing."))
        approval = (
            Approval.objects.for_source(self.statement)
            .valid()
            .filter(government_key=government.translation_key)
            .first()
        )
        if approval is None:
            reasons.append(
                _("%(government)s has no valid sign-off to withdraw.")
                % {"government": government.short_name}
            )
        if reasons:
            raise ActionRefused(reasons)
        return government, approval

    @transaction.atomic
    def execute(self):
        lock_statement(self.statement)
        government, approval = self.check()
        approval.end(Approval.State.WITHDRAWN, user=self.user, reason=self.reason)
        log(
            instance=self.statement,
            action="statements.withdraw_sign_off",
            user=self.user,
            data={"government": approval.government_name, "reason": self.reason},
        )
        audit.record_approval(
            AuditEntry.Action.SIGN_OFF_WITHDRAWN,
            approval,
            actor=self.user,
            government=government,
            details={"reason": self.reason},
        )
        notifications.drafter_alert(self.statement, "withdrawn", [government])
        return approval


class VoidSignOffsAction:
    """A saved change to the common words voids every sign-off given on other words."""

    def __init__(self, statement, revision, record):
        self.statement = statement
        self.revision = revision
        self.record = record

    @transaction.atomic
    def execute(self):
        stale = void_stale(
            Approval.objects.for_source(self.statement),
            self.statement,
            self.revision,
            self.record.fingerprint,
            "statements.void_sign_off",
            lambda approval: describe_change(approval.frozen_content, self.record.words),
        )
        if stale:
            # Only governments still signing hear of it: one the edit removed has no
            # role left in the statement. Read from this revision: the page row does
            # not point at it yet while it is being saved.
            signing = {
                s.government.translation_key: s.government
                for s in self.revision.as_object().signatories.select_related("government")
                if s.government_id
            }
            notifications.signoff_voided(
                self.statement,
                [
                    (signing[a.government_key], a.end_reason)
                    for a in stale
                    if a.government_key in signing
                ],
            )
        return stale


class StartSignOffAction:
    """On entering sign-off: tell each government, and complete at once if every
    signatory already holds a valid sign-off on exactly these words."""

    def __init__(self, task_state, user):
        self.task_state = task_state
        self.user = user

    def execute(self):
        statement = self.task_state.workflow_state.content_object.specific
        notifications.signoff_requested(statement, statement.signatory_governments())
        if is_cleared(statement):
            self.task_state.approve(user=self.user, update=False)


class ClearForReleaseAction:
    """Sign-off finished: the statement is cleared for release, and nothing is published."""

    def __init__(self, statement, user=None):
        self.statement = statement
        self.user = user

    def execute(self):
        log(
            instance=self.statement,
            action="statements.cleared",
            user=self.user,
            revision=self.statement.get_latest_revision(),
        )
        notifications.drafter_alert(self.statement, "cleared", [])


class RemindSignatoriesAction:
    """Remind governments still pending, during working hours in their own time zone.

    Driven by the planned release instant: only statements due within a few days
    (or overdue) are reminded about, each government at most once in 20 hours.
    """

    def __init__(self, now=None):
        self.now = now or timezone.now()

    def _due(self, government, statement):
        local = self.now.astimezone(zoneinfo.ZoneInfo(government.time_zone))
        start, end = REMINDER_WORKING_HOURS
        if local.weekday() >= 5 or not start <= local.hour < end:
            return False
        return not SignOffReminder.objects.filter(
            page=statement,
            government_key=government.translation_key,
            sent_at__gt=self.now - REMINDER_INTERVAL,
        ).exists()

    @transaction.atomic
    def execute(self):
        sent = 0
        for task_state in in_progress_signoff_task_states():
            statement = task_state.workflow_state.content_object.specific
            planned = statement.get_latest_revision_as_object().release_at
            if not planned or planned - self.now > REMINDER_HORIZON:
                continue
            signed = signed_keys(statement, current_fingerprint(statement).fingerprint)
            for government in statement.signatory_governments():
                if government.translation_key in signed or not self._due(government, statement):
                    continue
                SignOffReminder.objects.create(
                    page=statement, government_key=government.translation_key, sent_at=self.now
                )
                notifications.reminder(statement, government, government.duty_email)
                sent += 1
        return sent


class SignOffTaskBehaviour:
    """What ``GovernmentSignOffTask`` answers when Wagtail asks it on a person's behalf."""

    def __init__(self, task):
        self.task = task

    @staticmethod
    def statement(obj):
        obj = getattr(obj, "specific", obj)
        return obj if isinstance(obj, StatementPage) else None

    def signing_governments(self, obj, user):
        """The signatories of ``obj`` that ``user`` may sign for, in display order."""
        statement = self.statement(obj)
        if statement is None:
            return []
        return governments_approved_by(user, statement.signatory_governments())

    def user_can_access_editor(self, obj, user):
        return bool(self.signing_governments(obj, user))

    def get_actions(self, obj, user):
        governments = self.signing_governments(obj, user)
        if not governments:
            return []
        statement = self.statement(obj)
        valid = set(
            Approval.objects.for_source(statement).valid().values_list("government_key", flat=True)
        )
        author = author_of_words(statement)
        actions = []
        for government in governments:
            names = {"government": government.short_name}
            code = government.code.lower()
            if government.translation_key in valid:
                label = _("Withdraw our sign-off (%(government)s)") % names
                actions.append((f"withdraw-{code}", label, True))
            elif author is None or author.pk != user.pk:
                actions.append((f"sign-off-{code}", _("Sign off for %(government)s") % names, True))
        actions.append(("request-changes", _("Request changes"), True))
        return actions

    def task_states_user_can_moderate(self, user):
        """In-progress sign-offs of statements whose current signatories include one of
        ``user``'s governments (read from the latest saved words, not the live row)."""
        if not approver_group_ids(user):
            return TaskState.objects.none()
        ids = []
        for task_state in self.task.task_states.filter(status=TaskState.STATUS_IN_PROGRESS):
            statement = self.statement(task_state.workflow_state.content_object)
            if statement and governments_approved_by(user, statement.signatory_governments()):
                ids.append(task_state.pk)
        return self.task.task_states.filter(pk__in=ids)

    def start(self, task_state, user):
        StartSignOffAction(task_state, user).execute()

    def on_action(self, task_state, user, action_name, **data):
        """Wagtail passes the form's data (or JSON from the page editor): take only the
        fields each verb names."""
        statement = self.statement(task_state.workflow_state.content_object)
        if action_name.startswith("sign-off-"):
            SignOffAction(
                statement,
                user,
                action_name.removeprefix("sign-off-"),
                comment=data.get("comment", ""),
                revision_id=data.get("revision_id"),
            ).execute()
        elif action_name.startswith("withdraw-"):
            WithdrawSignOffAction(
                statement, user, action_name.removeprefix("withdraw-"), reason=data.get("reason")
            ).execute()
        elif action_name == "request-changes":
            RequestChangesAction(statement, user, comment=data.get("comment", "")).execute()
