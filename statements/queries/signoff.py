"""What is signed: the fingerprint of the current words, and each government's state."""

from django.conf import settings
from django.db.models import Exists, OuterRef
from wagtail.models import TaskState

from ..fingerprint import common_words, fingerprint_of, readable_text
from ..measures import counts_characters
from ..models import (
    Approval,
    ChangeRequest,
    Government,
    GovernmentSignOffTask,
    RevisionFingerprint,
    StatementPage,
)
from ..permissions import (
    approver_group_ids,
    governments_approved_by,
    has_role_in,
    is_administrator,
    may_edit_statement,
)
from ..textdiff import compare_text
from ..wagtail_localize_compat import translatable_hash

SIGNED_FIELDS = ("title", "summary", "body")


def fingerprint_record(revision):
    """The fingerprint of a revision's words: the stored record, or one computed now.

    A computed record is not saved (a read never writes); the revision flow stores one
    for every saved revision (``statements.actions.revisions``).
    """
    stored = (
        RevisionFingerprint.objects.filter(revision=revision)
        .select_related("introduced_by_revision__user")
        .first()
    )
    if stored is not None:
        return stored
    statement = revision.as_object()
    words = common_words(statement)
    fingerprint = fingerprint_of(words)
    previous = (
        RevisionFingerprint.objects.filter(page_id=revision.object_id, revision__pk__lt=revision.pk)
        .select_related("introduced_by_revision")
        .order_by("-revision__pk")
        .first()
    )
    introduced_by = (
        previous.introduced_by_revision
        if previous is not None and previous.fingerprint == fingerprint
        else revision
    )
    return RevisionFingerprint(
        revision=revision,
        page_id=int(revision.object_id),
        fingerprint=fingerprint,
        introduced_by_revision=introduced_by,
        words=words,
        translatable_hash=translatable_hash(statement),
    )


def current_fingerprint(statement):
    """The fingerprint record of the statement's latest saved words, or None."""
    revision = statement.get_latest_revision()
    if revision is None:
        return None
    return fingerprint_record(revision)


def signed_keys(statement, fingerprint):
    """Translation keys of the governments holding a valid sign-off on ``fingerprint``."""
    return set(
        Approval.objects.for_source(statement)
        .valid()
        .filter(fingerprint=fingerprint)
        .values_list("government_key", flat=True)
    )


def is_cleared(statement):
    """Every signatory holds a valid sign-off on the current words."""
    record = current_fingerprint(statement)
    if record is None:
        return False
    keys = {g.translation_key for g in statement.signatory_governments()}
    return bool(keys) and keys <= signed_keys(statement, record.fingerprint)


def author_of_words(statement):
    """Who wrote the current words (the revision that introduced them), or None."""
    record = current_fingerprint(statement)
    return record.introduced_by_revision.user if record else None


def signoff_task_state(statement, lock=False):
    states = TaskState.objects.filter(
        workflow_state__base_content_type__model="page",
        workflow_state__object_id=str(statement.pk),
        status=TaskState.STATUS_IN_PROGRESS,
        task__content_type__model=GovernmentSignOffTask._meta.model_name,
    )
    if lock:
        states = states.select_for_update()
    state = states.first()
    return state.specific if state else None


def in_progress_signoff_task_states():
    return (
        TaskState.objects.filter(
            status=TaskState.STATUS_IN_PROGRESS,
            task__content_type__model=GovernmentSignOffTask._meta.model_name,
            workflow_state__base_content_type__model="page",
        )
        .select_related("workflow_state")
        .order_by("pk")
    )


def identity_of(government):
    """The default-language row of a government: the identity the approvals name."""
    return (
        Government.objects.filter(
            translation_key=government.translation_key,
            locale__language_code=settings.LANGUAGE_CODE,
        ).first()
        or government
    )


def describe_change(old_words, new_words):
    """“signatories” when only the list of signatories changed, else “words”."""
    same_words = all(old_words.get(f) == new_words.get(f) for f in SIGNED_FIELDS)
    if same_words and old_words.get("signatories") != new_words.get("signatories"):
        return "signatories"
    return "words"


def receipt_reader(user, statement):
    """A test of which of ``statement``'s signatures ``user`` may read the receipt of
    (docs/adr/0021), asked once for a whole sign-off table: administrators; with a role
    in the statement, its editors (the lead's drafters), the signer and the approvers
    of the government signed for."""
    if is_administrator(user):
        return lambda approval: True
    if not has_role_in(user, statement):
        return lambda approval: False
    if may_edit_statement(user, statement):
        return lambda approval: True
    acting_for = set(
        Government.objects.filter(approver_group_id__in=approver_group_ids(user)).values_list(
            "translation_key", flat=True
        )
    )
    return lambda approval: approval.user_id == user.pk or approval.government_key in acting_for


def _state_of(record, mine, request):
    """One government's sign-off state against the current words."""
    latest = mine[0] if mine else None
    valid = next((a for a in mine if a.state == Approval.State.VALID), None)
    if valid and record and valid.fingerprint == record.fingerprint:
        return "signed"
    if (
        request
        and (latest is None or request.created_at > latest.created_at)
        and (record and request.fingerprint == record.fingerprint)
    ):
        return "changes_requested"
    if latest and latest.state == Approval.State.WITHDRAWN:
        return "withdrawn"
    if latest and latest.state == Approval.State.VOID:
        return "void"
    return "pending"


def signoff_rows(statement, user):
    """Each signatory government's sign-off state, for the panel and the dashboard."""
    record = current_fingerprint(statement)
    current_words = record.words if record else None
    governments = statement.signatory_governments()
    approvals = list(Approval.objects.for_source(statement).select_related("user", "revision"))
    requests = list(ChangeRequest.objects.filter(page_id=statement.pk).select_related("user"))
    mine = {g.pk for g in governments_approved_by(user, governments)}
    author = record.introduced_by_revision.user if record else None
    is_author = author is not None and author.pk == user.pk
    reads_receipt = receipt_reader(user, statement)
    rows = []
    for government in governments:
        given = [a for a in approvals if a.government_key == government.translation_key]
        latest = given[0] if given else None
        request = next(
            (r for r in requests if r.government_key == government.translation_key), None
        )
        state = _state_of(record, given, request)
        comparison = None
        only_list_changed = False
        if latest and current_words and latest.fingerprint != record.fingerprint:
            old_words = {k: latest.frozen_content.get(k) for k in SIGNED_FIELDS}
            new_words = {k: current_words.get(k) for k in SIGNED_FIELDS}
            only_list_changed = old_words == new_words
            comparison = compare_text(
                latest.frozen_content.get("text", []),
                readable_text(current_words),
                by_character=counts_characters(statement.locale.language_code),
            )
        member = government.pk in mine
        rows.append(
            {
                "government": government,
                "state": state,
                "approval": latest,
                "change_request": request,
                "comparison": comparison,
                "only_list_changed": only_list_changed,
                "can_sign": member and state != "signed" and not is_author,
                "is_author": member and is_author,
                "can_withdraw": member and state == "signed" and not statement.live,
                "member": member,
                "receipt": latest if latest and reads_receipt(latest) else None,
            }
        )
    return {
        "rows": rows,
        "fingerprint": record.fingerprint if record else "",
        "revision": record.revision if record else None,
        "cleared": bool(rows) and all(r["state"] == "signed" for r in rows),
        "signatory_names": [g.short_name for g in governments],
        "in_sign_off": signoff_task_state(statement) is not None,
        "user_is_approver": any(r["member"] for r in rows),
    }


def awaiting_governments_of(user):
    """Statements in sign-off that still need a signature from one of ``user``'s governments."""
    if not approver_group_ids(user):
        return []
    items = []
    for task_state in in_progress_signoff_task_states():
        statement = task_state.workflow_state.content_object.specific
        mine = governments_approved_by(user, statement.signatory_governments())
        if not mine:
            continue
        signed = signed_keys(statement, current_fingerprint(statement).fingerprint)
        pending = [g for g in mine if g.translation_key not in signed]
        if pending:
            items.append({"statement": statement, "governments": pending})
    return items


def voided_signoffs_of(user):
    """Sign-offs of ``user``'s governments that an edit voided and nobody has given
    again since: what they must review and sign again, newest first.

    Only for governments still signing the statement (read from its latest words): a
    government the edit removed has no role left in it."""
    groups = approver_group_ids(user)
    if not groups:
        return []
    keys = Government.objects.filter(approver_group_id__in=groups).values("translation_key")
    newer = Approval.objects.filter(
        page_id=OuterRef("page_id"),
        subject=Approval.Subject.SOURCE,
        government_key=OuterRef("government_key"),
        created_at__gt=OuterRef("created_at"),
    )
    voided = (
        Approval.objects.filter(
            subject=Approval.Subject.SOURCE,
            state=Approval.State.VOID,
            government_key__in=keys,
            voided_by_revision__isnull=False,
        )
        .exclude(Exists(newer))
        .order_by("-ended_at", "-pk")
    )
    statements = StatementPage.objects.in_bulk({a.page_id for a in voided})
    items, seen = [], set()
    for approval in voided:
        statement = statements.get(approval.page_id)
        if statement is None or (approval.page_id, approval.government_key) in seen:
            continue
        seen.add((approval.page_id, approval.government_key))
        mine = governments_approved_by(user, statement.signatory_governments())
        government = next((g for g in mine if g.translation_key == approval.government_key), None)
        if government is not None:
            items.append(
                {
                    "statement": statement,
                    "government": government,
                    "change": approval.end_reason,
                    "voided_at": approval.ended_at,
                }
            )
    return items


def what_a_save_voids(statement):
    """What a saved change to the common words would void: the valid sign-offs, and
    the valid approvals of its translations (void once they follow the new words)."""
    signoffs = list(
        Approval.objects.for_source(statement)
        .valid()
        .select_related("user")
        .order_by("government_name")
    )
    translations = list(
        Approval.objects.filter(
            subject=Approval.Subject.TRANSLATION,
            state=Approval.State.VALID,
            page__translation_key=statement.translation_key,
        )
        .select_related("user")
        .order_by("language_code", "government_name")
    )
    return {"signoffs": signoffs, "translations": translations}
