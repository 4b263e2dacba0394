"""The audit log: an append-only chain of who did what, as which government, on which
words, with which second factor.

Entries name people, governments and statements by value (ids, usernames, codes,
translation keys), not by foreign key: deleting an account or a page must neither
cascade into the log nor be refused by it. On PostgreSQL a trigger (migration
``0015_audit_log``) refuses every UPDATE and DELETE; everywhere, the model refuses to
save an entry twice or delete one, and ``verify_audit_log`` walks the hash chain.
"""

from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..audit_chain import ALGORITHM, utc_iso


class AuditEntry(models.Model):
    class Action(models.TextChoices):
        SIGN_OFF = "sign_off", _("Sign-off")
        SIGN_OFF_WITHDRAWN = "sign_off.withdraw", _("Sign-off withdrawn")
        SIGN_OFF_VOID = "sign_off.void", _("Sign-off void (words changed)")
        TRANSLATION_APPROVED = "translation.approve", _("Language approved")
        TRANSLATION_VOID = "translation.void", _("Language approval void (translation changed)")
        RELEASE = "release", _("Release")
        # Written by the correction and withdrawal verbs (issue 13, items 1 and 2).
        CORRECTION = "correction", _("Correction")
        WITHDRAWAL = "withdrawal", _("Withdrawal")
        LOGIN = "login", _("Sign-in (password)")
        SECOND_FACTOR = "login.second_factor", _("Sign-in (second factor)")
        ROLE_GRANTED = "role.grant", _("Role granted")
        ROLE_REMOVED = "role.remove", _("Role removed")

    seq = models.PositiveBigIntegerField(_("number"), unique=True)
    at = models.DateTimeField(_("time"))
    action = models.CharField(_("action"), max_length=40, choices=Action.choices)
    actor_id = models.BigIntegerField(null=True, blank=True)
    actor = models.CharField(_("actor"), max_length=150, blank=True)
    mfa_method = models.CharField(_("second factor"), max_length=40, blank=True)
    government_key = models.CharField(max_length=36, blank=True)
    government_code = models.CharField(_("government"), max_length=10, blank=True)
    government_name = models.CharField(max_length=255, blank=True)
    statement_key = models.CharField(max_length=36, blank=True)
    page_id = models.BigIntegerField(null=True, blank=True)
    language_code = models.CharField(_("language"), max_length=15, blank=True)
    fingerprint = models.CharField(_("fingerprint"), max_length=64, blank=True)
    details = models.JSONField(default=dict, blank=True)
    algorithm = models.CharField(max_length=20, default=ALGORITHM)
    prev_hash = models.CharField(max_length=64)
    entry_hash = models.CharField(_("hash"), max_length=64, unique=True)

    class Meta:
        ordering = ["seq"]
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")
        default_permissions = ()

    def __str__(self):
        return f"#{self.seq} {self.action} {self.actor}"

    def save(self, *args, **kwargs):
        if self.pk is not None or not self._state.adding:
            raise PermissionDenied("audit log entries are never changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied("audit log entries are never deleted")

    def content(self):
        """Everything the entry's hash covers: every field but the id and the hash."""
        return {
            "seq": self.seq,
            "at": utc_iso(self.at),
            "action": self.action,
            "actor_id": self.actor_id,
            "actor": self.actor,
            "mfa_method": self.mfa_method,
            "government_key": self.government_key,
            "government_code": self.government_code,
            "government_name": self.government_name,
            "statement_key": self.statement_key,
            "page_id": self.page_id,
            "language_code": self.language_code,
            "fingerprint": self.fingerprint,
            "details": self.details,
            "algorithm": self.algorithm,
            "prev_hash": self.prev_hash,
        }
