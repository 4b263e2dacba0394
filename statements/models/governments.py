"""Governments: the identities that sign statements, one row per locale."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ..fields import LanguageListField
from ..validators import validate_time_zone


class Government(TranslatableMixin, index.Indexed, ClusterableModel):
    """A government that can lead or co-sign a statement.

    One identity across locales (its translation key): the code, time zone,
    languages and approver group are synchronised; names and department are
    translated.
    """

    official_name = models.CharField(
        _("official name"),
        max_length=255,
        help_text=_("As it appears in an “issued by” line, e.g. “Government of Canada”."),
    )
    short_name = models.CharField(_("short name"), max_length=100)
    code = models.CharField(
        _("country code"),
        max_length=2,
        help_text=_("ISO 3166-1 alpha-2 code, e.g. “CA”."),
    )
    languages = LanguageListField(
        _("languages"),
        help_text=_("The official languages this government publishes statements in."),
    )
    department = models.CharField(
        _("issuing department"),
        max_length=255,
        help_text=_("Usually the foreign ministry, e.g. “Global Affairs Canada”."),
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        validators=[validate_time_zone],
        help_text=_("IANA time zone of the capital, e.g. “America/Toronto”."),
    )
    emblem = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("emblem"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    duty_email = models.EmailField(
        _("duty officer e-mail"),
        blank=True,
        help_text=_("Receives reminders when this government's sign-off is pending."),
    )
    approver_group = models.ForeignKey(
        "auth.Group",
        verbose_name=_("approver group"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="+",
    )

    panels = [
        FieldPanel("official_name"),
        FieldPanel("short_name"),
        FieldPanel("code"),
        FieldPanel("languages"),
        FieldPanel("department"),
        FieldPanel("time_zone"),
        FieldPanel("emblem"),
        FieldPanel("duty_email"),
        InlinePanel("social_links", label=_("Social media accounts")),
    ]

    translatable_fields = [
        TranslatableField("official_name"),
        TranslatableField("short_name"),
        TranslatableField("department"),
        SynchronizedField("code", overridable=False),
        SynchronizedField("languages", overridable=False),
        SynchronizedField("time_zone", overridable=False),
        SynchronizedField("emblem"),
        SynchronizedField("duty_email", overridable=False),
        SynchronizedField("social_links"),
    ]

    search_fields = [
        index.SearchField("official_name"),
        index.SearchField("short_name"),
        index.SearchField("department"),
        index.FilterField("code"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("government")
        verbose_name_plural = _("governments")
        ordering = ["short_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "locale"], name="unique_government_code_per_locale"
            ),
        ]

    def __str__(self):
        return self.short_name

    def clean(self):
        super().clean()
        self.code = (self.code or "").strip().upper()
        if len(self.code) != 2 or not self.code.isascii() or not self.code.isalpha():
            raise ValidationError(
                {"code": _("Enter the two-letter ISO 3166-1 code, such as “CA” or “JP”.")}
            )
        if self.code and self.locale_id:
            clash = (
                Government.objects.filter(code=self.code, locale_id=self.locale_id)
                .exclude(translation_key=self.translation_key)
                .exists()
            )
            if clash:
                raise ValidationError(
                    {
                        "code": _("Another government already uses the code %(code)s.")
                        % {"code": self.code}
                    }
                )

    def approver_group_name(self):
        """Group names are identifiers in the database, not interface text."""
        return f"Sign-off: {self.short_name}"


class GovernmentSocialLink(Orderable):
    government = ParentalKey(Government, on_delete=models.CASCADE, related_name="social_links")
    label = models.CharField(_("label"), max_length=60, help_text=_("e.g. “X”, “Facebook”."))
    url = models.URLField(_("URL"))

    panels = [FieldPanel("label"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("social media account")
        verbose_name_plural = _("social media accounts")

    def __str__(self):
        return self.label
