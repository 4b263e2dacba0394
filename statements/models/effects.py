"""The outbox of a release: one row per side effect, written in the release's own
transaction, so what has to follow a release survives the process that made it.

A ``ReleaseEffect`` is pending until the effect it names (``statements.outbox``) has
run to the end once; then it is done, and never run again. A failure is recorded on
the row (attempts, the last error, when to try again), which stays pending.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ReleaseEffectQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(state=ReleaseEffect.State.PENDING)

    def due(self, now):
        return self.pending().filter(next_attempt_at__lte=now)

    def overdue(self, now, grace):
        """Pending longer than ``grace`` after its release: failing, or nobody ran it."""
        return self.pending().filter(created_at__lt=now - grace)


class ReleaseEffect(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        DONE = "done", _("Done")

    release = models.ForeignKey(
        "statements.Release", on_delete=models.CASCADE, related_name="effects"
    )
    effect = models.CharField(max_length=40)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    done_at = models.DateTimeField(null=True, blank=True)

    objects = ReleaseEffectQuerySet.as_manager()

    class Meta:
        verbose_name = _("release side effect")
        verbose_name_plural = _("release side effects")
        constraints = [
            models.UniqueConstraint(fields=["release", "effect"], name="one_effect_per_release")
        ]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                condition=Q(state="pending"),
                name="release_effects_pending",
            )
        ]

    def __str__(self):
        return f"{self.release_id}/{self.effect} ({self.state})"
