"""The languages a statement needs, and where each translation stands against its source."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class LanguageDrop(models.Model):
    """A required language the drafter left out of this statement's release, and why.

    The one way a language is left out; it is released later on its own.
    """

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.PROTECT, related_name="language_drops"
    )
    language_code = models.CharField(_("language"), max_length=15)
    reason = models.TextField(_("reason"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("dropped at"), default=timezone.now)

    class Meta:
        verbose_name = _("dropped language")
        verbose_name_plural = _("dropped languages")
        constraints = [
            models.UniqueConstraint(fields=["page", "language_code"], name="one_drop_per_language")
        ]

    def __str__(self):
        return f"{self.page_id}: {self.language_code}"


class SourceSync(models.Model):
    """Which saved revision of a source statement its translations were last built from.

    A translation is out of date when the source's latest revision has different
    translatable text from the revision recorded here. The counts say what that sync
    brought in since the one before (segments changed, added, removed): what a
    translator's dashboard shows.
    """

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="source_sync"
    )
    revision = models.ForeignKey("wagtailcore.Revision", on_delete=models.CASCADE, related_name="+")
    translatable_hash = models.CharField(max_length=64)
    synced_at = models.DateTimeField(default=timezone.now)
    changed = models.PositiveIntegerField(default=0)
    added = models.PositiveIntegerField(default=0)
    removed = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("source synchronisation")
        verbose_name_plural = _("source synchronisations")

    def __str__(self):
        return f"{self.page_id} @ {self.revision_id}"


class TranslationNotice(models.Model):
    """Something a translator or approver should hear about, sent later in one digest."""

    class Kind(models.TextChoices):
        REQUESTED = "requested", _("Translation requested")
        OUT_OF_DATE = "out_of_date", _("Translation out of date")
        AWAITING_REVIEW = "awaiting_review", _("Translation awaiting review")

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    language_code = models.CharField(max_length=15)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("translation notice")
        verbose_name_plural = _("translation notices")
        indexes = [models.Index(fields=["sent_at", "language_code"])]

    def __str__(self):
        return f"{self.kind} {self.language_code} {self.page_id}"


class AgencyAssignment(models.Model):
    """Limits an agency translator to the statements assigned to it, until a date.

    A translator with any assignment is an agency account: it sees and edits only the
    translations of statements assigned to it, and only until the assignment ends.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("agency account"),
        on_delete=models.CASCADE,
        related_name="agency_assignments",
    )
    statement = models.ForeignKey(
        "statements.StatementPage",
        verbose_name=_("statement"),
        on_delete=models.CASCADE,
        related_name="agency_assignments",
    )
    until = models.DateField(_("until"), help_text=_("The last day the agency may work on it."))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("agency assignment")
        verbose_name_plural = _("agency assignments")
        constraints = [
            models.UniqueConstraint(fields=["user", "statement"], name="one_assignment_per_agency")
        ]

    def __str__(self):
        return f"{self.user} → {self.statement_id} (until {self.until})"
