"""Approvals: who approved exactly which words, for which government, and what became of it.

One record serves both the sign-off of a statement's common words and (later) the
language review of a translation. A record is never edited or deleted: its content
is fixed when it is made, and its state moves once, from valid to void or withdrawn.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ApprovalQuerySet(models.QuerySet):
    def valid(self):
        return self.filter(state=Approval.State.VALID)

    def for_source(self, page):
        return self.filter(page_id=page.pk, subject=Approval.Subject.SOURCE)


class Approval(models.Model):
    class Subject(models.TextChoices):
        SOURCE = "source", _("Common words (source text)")
        TRANSLATION = "translation", _("Translation")

    class State(models.TextChoices):
        VALID = "valid", _("Valid")
        VOID = "void", _("Void")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("statement"),
        on_delete=models.PROTECT,
        related_name="approvals",
    )
    subject = models.CharField(_("subject"), max_length=20, choices=Subject.choices)
    language_code = models.CharField(_("language"), max_length=15)
    government_key = models.UUIDField(_("government"), db_index=True)
    government_name = models.CharField(_("government name"), max_length=255)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("approved at"), default=timezone.now)
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("revision"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    fingerprint = models.CharField(_("fingerprint"), max_length=64)
    frozen_content = models.JSONField(_("frozen copy"))
    comment = models.TextField(_("comment"), blank=True)

    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.VALID)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ended by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    voided_by_revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("voided by revision"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    end_reason = models.TextField(_("reason"), blank=True)

    objects = ApprovalQuerySet.as_manager()

    _immutable = (
        "page_id",
        "subject",
        "language_code",
        "government_key",
        "government_name",
        "user_id",
        "created_at",
        "revision_id",
        "fingerprint",
        "frozen_content",
        "comment",
    )

    class Meta:
        verbose_name = _("approval")
        verbose_name_plural = _("approvals")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "subject", "language_code", "government_key"],
                condition=models.Q(state="valid"),
                name="one_valid_approval_per_government_and_subject",
            ),
        ]

    def __str__(self):
        return f"{self.government_name}: {self.get_state_display()} ({self.fingerprint[:8]})"

    def save(self, *args, **kwargs):
        if self.pk:
            stored = Approval.objects.get(pk=self.pk)
            changed = [f for f in self._immutable if getattr(stored, f) != getattr(self, f)]
            if changed:
                raise ValidationError(f"An approval's content cannot change ({', '.join(changed)})")
            if stored.state != Approval.State.VALID and stored.state != self.state:
                raise ValidationError("An approval that has ended cannot change again")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("Approvals are kept for the record and are never deleted")

    def end(self, state, *, user=None, revision=None, reason=""):
        self.state = state
        self.ended_at = timezone.now()
        self.ended_by = user
        self.voided_by_revision = revision
        self.end_reason = reason
        self.save(
            update_fields=["state", "ended_at", "ended_by", "voided_by_revision", "end_reason"]
        )


class ChangeRequest(models.Model):
    """A government asking for changes, with its comment. Does not stop others signing."""

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.PROTECT, related_name="change_requests"
    )
    subject = models.CharField(
        _("subject"),
        max_length=20,
        choices=Approval.Subject.choices,
        default=Approval.Subject.SOURCE,
    )
    language_code = models.CharField(_("language"), max_length=15)
    government_key = models.UUIDField(_("government"), db_index=True)
    government_name = models.CharField(_("government name"), max_length=255)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("requested at"), default=timezone.now)
    revision = models.ForeignKey("wagtailcore.Revision", on_delete=models.PROTECT, related_name="+")
    fingerprint = models.CharField(_("fingerprint"), max_length=64)
    comment = models.TextField(_("comment"))

    class Meta:
        verbose_name = _("change request")
        verbose_name_plural = _("change requests")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.government_name}: {self.comment[:40]}"


class RevisionFingerprint(models.Model):
    """The fingerprint of each saved revision of a statement, and who introduced it.

    Lets the sign-off check "the author of the current words cannot sign them" and
    void signatures on the save that changed the words, without re-reading history.
    """

    revision = models.OneToOneField(
        "wagtailcore.Revision", on_delete=models.CASCADE, related_name="statement_fingerprint"
    )
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    fingerprint = models.CharField(max_length=64, db_index=True)
    introduced_by_revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.CASCADE, related_name="+"
    )
    words = models.JSONField()
    translatable_hash = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("revision fingerprint")
        verbose_name_plural = _("revision fingerprints")

    def __str__(self):
        return self.fingerprint[:12]


class SignOffReminder(models.Model):
    """When a government was last reminded about a pending sign-off (at most daily)."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    government_key = models.UUIDField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("sign-off reminder")
        verbose_name_plural = _("sign-off reminders")
        ordering = ["-sent_at"]

    def __str__(self):
        return f"{self.page_id}/{self.government_key} at {self.sent_at:%Y-%m-%d %H:%M}"
