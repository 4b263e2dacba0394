"""The site's identity in the public frame: who publishes here, in each language.

A Wagtail site setting, edited by an administrator under Settings: the wordmark or
crest, the ministry's press contact and, for each language, the names shown in the
header and the addresses of the footer's privacy, terms, accessibility and contact
pages (usually the ministry's own). A language without a row of its own shows the
default language's, marked with that language (``queries.frame``).
"""

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable

from ..fields import LanguageCodeField

# Where queries.frame keeps the identity as the frame shows it, for every web process.
IDENTITY_CACHE_KEY = "communique:site-identity"
# The emblem as the header shows it (twice its displayed height, for sharp screens).
EMBLEM_RENDITION = "height-96"


@register_setting(icon="site")
class SiteIdentity(BaseSiteSetting, ClusterableModel):
    emblem = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("wordmark or crest"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown beside the ministry's name in the header of every page."),
    )
    contact_email = models.EmailField(_("press contact e-mail"), blank=True)
    contact_phone = models.CharField(_("press contact telephone"), max_length=40, blank=True)

    panels = [
        FieldPanel("emblem"),
        FieldPanel("contact_email"),
        FieldPanel("contact_phone"),
        InlinePanel("languages", min_num=1),
    ]

    class Meta:
        verbose_name = _("site identity")
        verbose_name_plural = _("site identities")

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)  # commits the language rows too (modelcluster)
        if self.emblem_id:
            self.emblem.get_rendition(EMBLEM_RENDITION)  # made here, by the editor's save
        # The frame reads a cached copy (queries.frame): dropped once all is saved.
        cache.delete(f"{IDENTITY_CACHE_KEY}:{self.site_id}")


class SiteIdentityLanguage(Orderable):
    identity = ParentalKey(SiteIdentity, on_delete=models.CASCADE, related_name="languages")
    language_code = LanguageCodeField(_("language"))
    ministry_name = models.CharField(
        _("ministry name"), max_length=200, help_text=_("e.g. “Global Affairs Canada”.")
    )
    government_name = models.CharField(
        _("government name"),
        max_length=200,
        blank=True,
        help_text=_("Shown above the ministry's name, e.g. “Government of Canada”."),
    )
    contact_url = models.CharField(_("contact page address"), max_length=500, blank=True)
    privacy_url = models.CharField(_("privacy page address"), max_length=500, blank=True)
    terms_url = models.CharField(_("terms page address"), max_length=500, blank=True)
    accessibility_url = models.CharField(
        _("accessibility page address"), max_length=500, blank=True
    )

    panels = [
        FieldPanel("language_code"),
        FieldPanel("ministry_name"),
        FieldPanel("government_name"),
        FieldPanel("contact_url"),
        FieldPanel("privacy_url"),
        FieldPanel("terms_url"),
        FieldPanel("accessibility_url"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("names and links in one language")
        verbose_name_plural = _("names and links in each language")
        constraints = [
            models.UniqueConstraint(
                fields=["identity", "language_code"], name="one_identity_row_per_language"
            )
        ]

    def __str__(self):
        return f"{self.ministry_name} ({self.language_code})"

    def clean(self):
        super().clean()
        for name in ("contact_url", "privacy_url", "terms_url", "accessibility_url"):
            value = (getattr(self, name) or "").strip()
            if value and not value.startswith(("https://", "http://", "/", "mailto:")):
                raise ValidationError(
                    {name: _("Enter a full address (https://…) or a path on this site (/…).")}
                )
