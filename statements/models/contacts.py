"""Press contacts listed on statements."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class MediaContact(TranslatableMixin, index.Indexed, models.Model):
    office = models.CharField(
        _("office"), max_length=255, help_text=_("e.g. “Media Relations Office”.")
    )
    government = models.ForeignKey(
        "statements.Government",
        verbose_name=_("government"),
        on_delete=models.PROTECT,
        related_name="media_contacts",
    )
    department = models.CharField(_("department"), max_length=255, blank=True)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(
        _("telephone"),
        max_length=40,
        blank=True,
        help_text=_("International format, e.g. “+1 343 203 7700”."),
    )
    hours = models.TextField(
        _("hours or notes"),
        blank=True,
        help_text=_("When the office answers, in its local time."),
    )

    panels = [
        FieldPanel("office"),
        FieldPanel("government"),
        FieldPanel("department"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("hours"),
    ]

    translatable_fields = [
        TranslatableField("office"),
        TranslatableField("department"),
        TranslatableField("hours"),
        SynchronizedField("government", overridable=False),
        SynchronizedField("email", overridable=False),
        SynchronizedField("phone", overridable=False),
    ]

    search_fields = [
        index.SearchField("office"),
        index.SearchField("department"),
        index.SearchField("email"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("media contact")
        verbose_name_plural = _("media contacts")
        ordering = ["office"]

    def __str__(self):
        return f"{self.office} ({self.government})" if self.government_id else self.office

    def clean(self):
        super().clean()
        from django.core.exceptions import ValidationError

        phone = (self.phone or "").strip()
        allowed = set("+0123456789 ()-.")
        if phone and (not set(phone) <= allowed or sum(c.isdigit() for c in phone) < 6):
            raise ValidationError(
                {
                    "phone": _(
                        "Enter a telephone number in international format, such as "
                        "“+1 343 203 7700”."
                    )
                }
            )
        self.phone = phone
