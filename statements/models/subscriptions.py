"""E-mail subscribers and what each one has been sent.

A ``Subscriber`` is personal data: unsubscribing or erasure deletes the row, and its
``Delivery`` rows with it. A ``Delivery`` is claimed before its message is sent, so
its unique (subscriber, release) pair makes every message go out at most once, however
often a task runs or is retried.
"""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.exclude(confirmed_at=None)

    def unconfirmed(self):
        return self.filter(confirmed_at=None)


class Subscriber(models.Model):
    # Stored lowercased, so the unique constraint is case-insensitive.
    email = models.EmailField(_("e-mail address"), unique=True)
    language_code = models.CharField(_("language"), max_length=15)
    governments = models.JSONField(
        _("governments"),
        default=list,
        blank=True,
        help_text=_("Country codes; empty for statements by any government."),
    )
    statement_types = models.JSONField(
        _("types"), default=list, blank=True, help_text=_("Empty for statements of any type.")
    )
    # Names the row in signed links; a new row (after erasure) gets a new key, so old
    # links stop working.
    key = models.UUIDField(_("key"), default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("subscribed at"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("e-mail subscriber")
        verbose_name_plural = _("e-mail subscribers")
        ordering = ["-created_at", "pk"]

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        self.email = (self.email or "").strip().lower()
        super().save(*args, **kwargs)

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None

    def wants(self, government_codes, statement_type):
        """Whether a statement by these governments, of this type, matches the filters."""
        if self.governments and not set(self.governments) & set(government_codes):
            return False
        return not self.statement_types or statement_type in self.statement_types


class Delivery(models.Model):
    """One released statement sent (or being sent) to one subscriber."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    release = models.ForeignKey(
        "statements.Release", on_delete=models.CASCADE, related_name="deliveries"
    )
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    language_code = models.CharField(_("language"), max_length=15)
    claimed_at = models.DateTimeField(_("claimed at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("subscription e-mail")
        verbose_name_plural = _("subscription e-mails")
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "release"], name="one_delivery_per_subscriber_release"
            )
        ]

    def __str__(self):
        return f"{self.subscriber_id} / {self.release_id} ({self.language_code})"
