"""What every action shares: refusals, the statement's row lock, the system user."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from wagtail.log_actions import log
from wagtail.models import Page

from .. import audit
from ..models import Approval, AuditEntry
from ..models.release import RELEASE_CLOCK_USERNAME


class ActionRefused(PermissionDenied):
    """Raised with every reason an action was refused, for the person to read.

    A subclass of ``PermissionDenied``, so a refusal that no view catches is a 403.
    Each verb's refusal for want of a role is a subclass of this one (as Wagtail's
    ``PublishPagePermissionError``), so callers can tell them apart.
    """

    def __init__(self, reasons):
        self.reasons = list(reasons)
        super().__init__("; ".join(str(r) for r in self.reasons))


def lock_statement(statement):
    """Lock the statement's row, and read its latest revision as it is now."""
    locked = Page.objects.select_for_update().get(pk=statement.pk)
    statement.latest_revision_id = locked.latest_revision_id
    statement.__dict__.pop("latest_revision", None)
    statement._state.fields_cache.pop("latest_revision", None)
    return locked


def release_clock_user():
    """The named system user that releases are logged as. It cannot sign in."""
    User = get_user_model()
    user = User.objects.filter(username=RELEASE_CLOCK_USERNAME).first()
    if user is None:
        user = User(username=RELEASE_CLOCK_USERNAME, first_name="Release", last_name="clock")
        user.is_active = False
        user.set_unusable_password()
        user.save()
    return user


VOID_ACTIONS = {
    Approval.Subject.SOURCE: AuditEntry.Action.SIGN_OFF_VOID,
    Approval.Subject.TRANSLATION: AuditEntry.Action.TRANSLATION_VOID,
}


def void_stale(approvals, page, revision, fingerprint, log_action, reason_for):
    """Void every valid approval in ``approvals`` given on other words than ``fingerprint``,
    each with the revision that voided it, a log entry and an audit entry."""
    stale = list(approvals.valid().exclude(fingerprint=fingerprint).select_for_update())
    for approval in stale:
        approval.end(
            Approval.State.VOID,
            user=revision.user,
            revision=revision,
            reason=reason_for(approval),
        )
        log(
            instance=page,
            action=log_action,
            user=revision.user,
            revision=revision,
            data={
                "government": approval.government_name,
                "language": approval.language_code,
                "fingerprint": approval.fingerprint,
                "reason": approval.end_reason,
            },
        )
        audit.record_approval(
            VOID_ACTIONS[approval.subject],
            approval,
            actor=revision.user,
            details={
                "reason": approval.end_reason,
                "voided_by_revision": revision.pk,
                "new_fingerprint": fingerprint,
            },
        )
    return stale
