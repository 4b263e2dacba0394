"""The release: one instant at which every language of a statement goes live, once.

A ``Release`` is the confirmed plan (instant, state, who scheduled it). The release
action publishes the statement's pages and writes one ``ReleasedPage`` per language
with the displayed values taken from snippets, so a later edit to a government or a
contact does not change what was released. ``ReleaseConfirmation`` records each
partner government's acknowledgement of a moved or cancelled release.
"""

import uuid

from django.conf import settings
from django.core import signing
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

RELEASE_CLOCK_USERNAME = "release-clock"
PREVIEW_TOKEN_SALT = "communique.embargoed-preview"  # noqa: S105 - a signing salt, not a secret


class ReleaseQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(state__in=[Release.State.SCHEDULED, Release.State.HELD])

    def scheduled(self):
        return self.filter(state=Release.State.SCHEDULED)


class Release(models.Model):
    class State(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        HELD = "held", _("On hold")
        CANCELLED = "cancelled", _("Cancelled")
        RELEASED = "released", _("Released")

    statement = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("statement"),
        on_delete=models.PROTECT,
        related_name="releases",
    )
    # Empty for the statement's release; a language code for a dropped language
    # released later on its own.
    language_code = models.CharField(_("language released later"), max_length=15, blank=True)
    release_at = models.DateTimeField(_("release instant"), db_index=True)
    release_timezone = models.CharField(_("release time zone"), max_length=64)
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.SCHEDULED
    )
    hold_reason = models.JSONField(_("why it is on hold"), default=list, blank=True)
    fingerprint = models.CharField(_("fingerprint"), max_length=64, blank=True)
    scheduled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("scheduled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)
    precheck_sent_for = models.DateTimeField(null=True, blank=True)
    queued_for = models.DateTimeField(
        _("trigger queued for"),
        null=True,
        blank=True,
        help_text=_("The instant a Celery task was last queued for."),
    )
    released_at = models.DateTimeField(_("released at"), null=True, blank=True)
    released_by = models.CharField(_("released by"), max_length=40, blank=True)
    # The release is prepared before its instant (every page's text staged on its row,
    # invisible while the row is not live) and flipped at the instant. ``prepared``
    # records what was staged for which instant: revisions, fingerprints, snapshots,
    # and the approvals it was checked against. Costs are measured for the next one.
    prepared = models.JSONField(default=dict, blank=True, editable=False)
    prepare_seconds = models.FloatField(null=True, blank=True, editable=False)
    flip_seconds = models.FloatField(null=True, blank=True, editable=False)
    # How many language pages were prepared (the cost per language sets how early the
    # next release starts preparing), and how many queries the flip ran at the instant.
    prepared_languages = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    flip_queries = models.PositiveIntegerField(null=True, blank=True, editable=False)

    objects = ReleaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("release")
        verbose_name_plural = _("releases")
        ordering = ["release_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "language_code"],
                condition=Q(state__in=["scheduled", "held", "released"]),
                name="one_live_release_per_statement_language",
            )
        ]

    def __str__(self):
        return f"{self.statement_id}{'/' + self.language_code if self.language_code else ''}"

    @property
    def lag_seconds(self):
        if self.released_at is None:
            return None
        return (self.released_at - self.release_at).total_seconds()


class ReleasedPage(models.Model):
    """One language version as released: its revision and its frozen displayed values."""

    release = models.ForeignKey(Release, on_delete=models.PROTECT, related_name="pages")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    revision = models.ForeignKey("wagtailcore.Revision", on_delete=models.PROTECT, related_name="+")
    language_code = models.CharField(max_length=15)
    released_at = models.DateTimeField()
    fingerprint = models.CharField(max_length=64, blank=True)
    snapshot = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("released language version")
        verbose_name_plural = _("released language versions")
        constraints = [
            models.UniqueConstraint(fields=["page", "revision"], name="one_snapshot_per_revision")
        ]

    def __str__(self):
        return f"{self.page_id} ({self.language_code}) at {self.released_at:%Y-%m-%d %H:%M:%S}"


class ReleaseConfirmation(models.Model):
    """A partner government has seen the (new) release instant and confirms it."""

    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="confirmations")
    government_key = models.UUIDField(_("government"))
    government_name = models.CharField(_("government name"), max_length=255)
    release_at = models.DateTimeField(_("confirmed instant"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("confirmed at"), default=timezone.now)

    class Meta:
        verbose_name = _("release confirmation")
        verbose_name_plural = _("release confirmations")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.government_name}: {self.release_at:%Y-%m-%d %H:%M} UTC"


class PreviewLink(models.Model):
    """The one exception to the embargo: a named journalist reads the cleared text early.

    The link carries a signed token naming this row; the row decides whether it still
    works (expiry at the release instant or earlier, revocation). Every access is
    recorded in ``PreviewAccess``.
    """

    statement = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("statement"),
        on_delete=models.CASCADE,
        related_name="preview_links",
    )
    journalist_name = models.CharField(_("journalist"), max_length=200)
    journalist_email = models.EmailField(_("journalist's e-mail"))
    outlet = models.CharField(_("news organisation"), max_length=200, blank=True)
    key = models.UUIDField(_("key"), unique=True)
    expires_at = models.DateTimeField(_("expires at"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("embargoed preview link")
        verbose_name_plural = _("embargoed preview links")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.journalist_name} ({self.statement_id})"

    @property
    def token(self):
        """The signed token in the link's URL; it names this row and nothing else."""
        return signing.dumps({"k": str(self.key)}, salt=PREVIEW_TOKEN_SALT, compress=True)

    @classmethod
    def for_token(cls, token):
        """The link a token names, or None for a forged or mangled token."""
        try:
            data = signing.loads(token, salt=PREVIEW_TOKEN_SALT)
        except signing.BadSignature:
            return None
        try:
            key = uuid.UUID(str(data.get("k", "")))
        except (AttributeError, ValueError):
            return None
        return cls.objects.select_related("statement").filter(key=key).first()


class PreviewAccess(models.Model):
    link = models.ForeignKey(PreviewLink, on_delete=models.CASCADE, related_name="accesses")
    accessed_at = models.DateTimeField(default=timezone.now)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)
    language_code = models.CharField(max_length=15, blank=True)
    outcome = models.CharField(max_length=20)

    class Meta:
        ordering = ["-accessed_at"]

    def __str__(self):
        return f"{self.link_id} {self.accessed_at:%Y-%m-%d %H:%M:%S} {self.outcome}"
