"""Writing to the audit log, and walking it.

``record`` is the one way in: every verb that must leave a trace calls it inside its
own transaction, so an action that rolls back leaves no entry (a sign-in, which has no
transaction of its own, gets one here). The corrections and withdrawal verbs call it
with ``AuditEntry.Action.CORRECTION`` and ``WITHDRAWAL``.

Two writers at once must not both chain onto the same entry. On PostgreSQL ``record``
takes a transaction-level advisory lock before reading the head, so the second writer
waits until the first commits (or rolls back) and then chains onto whatever is there;
SQLite's ``IMMEDIATE`` transactions serialise writers already. The unique ``seq``
stands behind both: a fork could only ever be an error, never a second branch.
Appending is three small queries (lock, head, insert) whatever the action.
"""

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.utils import timezone

from .audit_chain import ALGORITHM, GENESIS, first_break, hash_of
from .models import AuditEntry, Government

# pg_advisory_xact_lock(key): any constant of our own; the release clock uses another.
CHAIN_LOCK_KEY = 0x61756469  # "audi"

# What django-otp's device models are called in the log (the session's second factor).
MFA_METHODS = {
    "otp_totp.totpdevice": "totp",
    "otp_static.staticdevice": "recovery_code",
    "django_otp_webauthn.webauthncredential": "passkey",
}


def mfa_method_of(user):
    """The second factor this user's session verified, as django-otp's middleware set it
    on the request's user (``otp_device``): "none" for a session without one, and empty
    when the user does not come from a session at all (the system, a command)."""
    if not hasattr(user, "otp_device"):
        return ""
    device = user.otp_device
    if device is None:
        return "none"
    return MFA_METHODS.get(device._meta.label_lower, device._meta.label_lower)


def _identity(government):
    """A government as the log names it: its identity (translation key), code and
    name in the default language, whichever locale's row is passed."""
    if government is None:
        return {}
    identity = (
        Government.objects.filter(
            translation_key=government.translation_key,
            locale__language_code=settings.LANGUAGE_CODE,
        ).first()
        or government
    )
    return {
        "government_key": str(identity.translation_key),
        "government_code": identity.code,
        "government_name": identity.short_name,
    }


def _statement(page):
    if page is None:
        return {}
    return {"statement_key": str(page.translation_key), "page_id": page.pk}


def record(
    action,
    *,
    actor=None,
    government=None,
    page=None,
    language_code="",
    fingerprint="",
    details=None,
    mfa_method=None,
    at=None,
):
    """Append one entry to the chain and return it.

    ``actor`` is the user acting (None: the system); ``government`` the one they act
    for; ``page`` the statement or translation acted on. ``details`` must be JSON:
    it is stored and hashed as it reads back from the database.
    """
    fields = {
        "action": str(action),
        "actor_id": actor.pk if actor is not None else None,
        "actor": actor.get_username() if actor is not None else "",
        "mfa_method": mfa_method if mfa_method is not None else mfa_method_of(actor),
        "language_code": language_code or "",
        "fingerprint": fingerprint or "",
        "details": json.loads(json.dumps(details or {}, cls=DjangoJSONEncoder)),
        **_identity(government),
        **_statement(page),
    }
    # No savepoint: inside an action's transaction the entry stands or falls with it,
    # and the release's flip is spared two queries.
    with transaction.atomic(savepoint=False):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK_KEY])
        head = AuditEntry.objects.order_by("-seq").values("seq", "entry_hash").first()
        entry = AuditEntry(
            seq=head["seq"] + 1 if head else 1,
            prev_hash=head["entry_hash"] if head else GENESIS,
            at=at or timezone.now(),
            algorithm=ALGORITHM,
            **fields,
        )
        entry.entry_hash = hash_of(entry.content())
        entry.save(force_insert=True)
    return entry


def record_approval(action, approval, *, actor, government=None, details=None):
    """An entry about one ``Approval`` (a sign-off or a language approval): its
    government, page, language and the fingerprint of the words it stands on."""
    if government is None:
        government = (
            Government.objects.filter(translation_key=approval.government_key)
            .order_by("pk")
            .first()
        )
    return record(
        action,
        actor=actor,
        government=government,
        page=approval.page,
        language_code=approval.language_code,
        fingerprint=approval.fingerprint,
        details={"approval": approval.pk, "revision": approval.revision_id, **(details or {})},
    )


def verify_chain(batch=2000):
    """Walk the whole chain in order: (the first ``Break`` or None, entries verified)."""

    def entries():
        last = 0
        while True:
            chunk = list(AuditEntry.objects.filter(seq__gt=last).order_by("seq")[:batch])
            yield from chunk
            if len(chunk) < batch:
                return
            last = chunk[-1].seq

    return first_break(entries())


def head():
    """The newest entry (its number and hash are what an operator writes down)."""
    return AuditEntry.objects.order_by("-seq").first()
