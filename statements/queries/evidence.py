"""Evidence: who may read a signature's receipt, what a receipt says, and every record
of one statement that its evidence pack carries (docs/adr/0021).

A receipt is read by the signer, the approvers of the government signed for, the
statement's own editors (the lead's drafters) and administrators, and by them only
while they have a role in the statement (``has_role_in``): to anyone else it is
"hidden" (404, as for a signature that does not exist); to someone with another role
in the statement (another government's approver, a translator), "refused" (403).
"""

from django.conf import settings
from wagtail.models import PageLogEntry

from ..audit_chain import utc_iso
from ..fingerprint import numbered_text
from ..models import (
    Approval,
    AuditEntry,
    Government,
    Release,
    ReleasedPage,
    RevisionFingerprint,
    StatementPage,
)
from ..permissions import has_role_in, is_administrator
from .reference import reference_code
from .signoff import receipt_reader
from .translation import source_statement_of

# What an approval's frozen copy keeps for reading beside the words it hashed.
DISPLAY_KEYS = ("text", "signatory_names")
CLEARANCE_COPY_ACTION = "statements.clearance_copy"


def signed_words(frozen):
    """The words a frozen copy's fingerprint covers (the copy without its readable extras)."""
    return {key: value for key, value in frozen.items() if key not in DISPLAY_KEYS}


def receipt_access(user, approval):
    """ "read", "refused" (403) or "hidden" (404) for ``user`` and one signature."""
    if approval.subject != Approval.Subject.SOURCE:
        return "hidden"  # language approvals are in the pack; receipts are for signatures
    statement = approval.page.specific
    if not is_administrator(user) and not has_role_in(user, statement):
        return "hidden"
    return "read" if receipt_reader(user, statement)(approval) else "refused"


def signature_entry(approval):
    """The audit entry that recorded ``approval`` (its hash ties the receipt to the chain)."""
    action = (
        AuditEntry.Action.SIGN_OFF
        if approval.subject == Approval.Subject.SOURCE
        else AuditEntry.Action.TRANSLATION_APPROVED
    )
    return AuditEntry.objects.filter(action=action, details__approval=approval.pk).first()


def government_code(approval):
    government = (
        Government.objects.filter(
            translation_key=approval.government_key, locale__language_code=settings.LANGUAGE_CODE
        ).first()
        or Government.objects.filter(translation_key=approval.government_key).first()
    )
    return government.code if government else ""


def receipt_facts(approval):
    """Everything a receipt shows, from the approval as it was made (never the page now)."""
    frozen = approval.frozen_content
    words = signed_words(frozen)
    statement = approval.page.specific
    signer = approval.user
    return {
        "approval": approval,
        "statement": statement,
        "reference": reference_code(statement),
        "government_name": approval.government_name,
        "government_code": government_code(approval),
        "signer": signer,
        "signer_name": signer.get_full_name() or signer.get_username(),
        "signed_at": approval.created_at,
        "fingerprint": approval.fingerprint,
        "language_code": approval.language_code,
        "title": words.get("title", ""),
        "summary": words.get("summary", ""),
        "paragraphs": numbered_text(words),
        "signatory_names": frozen.get("signatory_names", []),
        "entry": signature_entry(approval),
    }


# --- one statement's records, for its evidence pack ------------------------------------


def source_statement(page_id):
    """The statement a pack is of: its source page (a language version's id leads there)."""
    page = StatementPage.objects.filter(pk=page_id).first()
    if page is not None and page.is_translation:
        return source_statement_of(page)[0] or page
    return page


def _user(user):
    return user.get_username() if user is not None else ""


def versions_of(statement, approvals):
    """Every version of the common words, in the order they were first saved: its
    fingerprint, words, the revisions that held it, who wrote it and when."""
    versions = {}
    records = (
        RevisionFingerprint.objects.filter(page_id=statement.pk)
        .select_related("revision__user")
        .order_by("revision_id")
    )
    for record in records:
        version = versions.setdefault(
            record.fingerprint,
            {
                "fingerprint": record.fingerprint,
                "words": record.words,
                "saved_at": utc_iso(record.revision.created_at),
                "saved_by": _user(record.revision.user),
                "revisions": [],
            },
        )
        version["revisions"].append(record.revision_id)
    # A signature on words no stored record holds (made before records were kept).
    for approval in approvals:
        versions.setdefault(
            approval.fingerprint,
            {
                "fingerprint": approval.fingerprint,
                "words": signed_words(approval.frozen_content),
                "saved_at": utc_iso(approval.revision.created_at),
                "saved_by": _user(approval.revision.user),
                "revisions": [approval.revision_id],
            },
        )
    return list(versions.values())


def approval_record(approval):
    return {
        "id": approval.pk,
        "subject": approval.subject,
        "language_code": approval.language_code,
        "government_key": str(approval.government_key),
        "government_name": approval.government_name,
        "user": approval.user.get_username(),
        "user_name": approval.user.get_full_name(),
        "created_at": utc_iso(approval.created_at),
        "revision": approval.revision_id,
        "fingerprint": approval.fingerprint,
        "words": signed_words(approval.frozen_content),
        "signatory_names": approval.frozen_content.get("signatory_names", []),
        "comment": approval.comment,
        "state": approval.state,
        "ended_at": utc_iso(approval.ended_at) if approval.ended_at else None,
        "ended_by": _user(approval.ended_by),
        "end_reason": approval.end_reason,
        "voided_by_revision": approval.voided_by_revision_id,
    }


def release_record(release):
    pages = ReleasedPage.objects.filter(release=release).order_by("language_code")
    return {
        "id": release.pk,
        "language_code": release.language_code,
        "state": release.state,
        "release_at": utc_iso(release.release_at),
        "release_timezone": release.release_timezone,
        "fingerprint": release.fingerprint,
        "scheduled_by": _user(release.scheduled_by),
        "released_at": utc_iso(release.released_at) if release.released_at else None,
        "released_by": release.released_by,
        "pages": [
            {
                "language_code": page.language_code,
                "page_id": page.page_id,
                "revision": page.revision_id,
                "fingerprint": page.fingerprint,
                "released_at": utc_iso(page.released_at),
            }
            for page in pages
        ],
    }


def statement_records(statement):
    """Every record of ``statement`` (all its language versions) a pack carries, as
    plain data, and the source signatures (whose receipts go in beside it)."""
    key = statement.translation_key
    signatures = list(
        Approval.objects.for_source(statement)
        .select_related("user", "ended_by", "revision__user")
        .order_by("created_at", "pk")
    )
    language_approvals = (
        Approval.objects.filter(subject=Approval.Subject.TRANSLATION, page__translation_key=key)
        .select_related("user", "ended_by")
        .order_by("created_at", "pk")
    )
    entries = AuditEntry.objects.filter(statement_key=str(key)).order_by("seq")
    copies = PageLogEntry.objects.filter(
        page__translation_key=key, action=CLEARANCE_COPY_ACTION
    ).select_related("user")
    versions = StatementPage.objects.filter(translation_key=key).select_related("locale")
    latest = statement.get_latest_revision_as_object()
    return signatures, {
        "statement": {
            "key": str(key),
            "page_id": statement.pk,
            "reference": reference_code(statement),
            "title": latest.title,
            "language_code": statement.locale.language_code,
            "lead_government": latest.lead_government.short_name,
            "signatories": [g.short_name for g in statement.signatory_governments()],
            "languages": [
                {"language_code": p.locale.language_code, "page_id": p.pk, "live": p.live}
                for p in versions.order_by("locale__language_code")
            ],
        },
        "versions": versions_of(statement, signatures),
        "signatures": [approval_record(a) for a in signatures],
        "language_approvals": [approval_record(a) for a in language_approvals],
        "releases": [
            release_record(r)
            for r in Release.objects.filter(statement_id__in=versions.values("pk")).order_by("pk")
        ],
        "corrections": [
            {
                "seq": e.seq,
                "action": e.action,
                "at": utc_iso(e.at),
                "actor": e.actor,
                "fingerprint": e.fingerprint,
                "details": e.details,
            }
            for e in entries
            if e.action in (AuditEntry.Action.CORRECTION, AuditEntry.Action.WITHDRAWAL)
        ],
        "clearance_copies": [
            {"user": _user(c.user), "at": utc_iso(c.timestamp), **c.data} for c in copies
        ],
        "audit_entries": [
            {"id": e.pk, "content": e.content(), "entry_hash": e.entry_hash} for e in entries
        ],
    }
