"""The parts of a statement page: its signatories, media contacts, topics, related links.

Each names a snippet by its default-language row (one identity); pages show each name
in their own language.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .contacts import MediaContact
from .governments import Government
from .pages import StatementPage, in_default_locale
from .topics import Topic


class StatementSignatory(Orderable):
    page = ParentalKey(StatementPage, on_delete=models.CASCADE, related_name="signatories")
    government = models.ForeignKey(
        Government,
        verbose_name=_("government"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=in_default_locale,
    )

    panels = [FieldPanel("government", widget=forms.Select)]

    class Meta(Orderable.Meta):
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")


class StatementContact(Orderable):
    page = ParentalKey(StatementPage, on_delete=models.CASCADE, related_name="contacts")
    contact = models.ForeignKey(
        MediaContact,
        verbose_name=_("media contact"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=in_default_locale,
    )

    panels = [FieldPanel("contact", widget=forms.Select)]

    class Meta(Orderable.Meta):
        verbose_name = _("media contact")
        verbose_name_plural = _("media contacts")


class StatementTopic(Orderable):
    page = ParentalKey(StatementPage, on_delete=models.CASCADE, related_name="topics")
    topic = models.ForeignKey(
        Topic,
        verbose_name=_("topic"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=in_default_locale,
    )

    panels = [FieldPanel("topic", widget=forms.Select)]

    class Meta(Orderable.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")


class StatementRelatedLink(TranslatableMixin, Orderable):
    page = ParentalKey(StatementPage, on_delete=models.CASCADE, related_name="related_links")
    title = models.CharField(_("title"), max_length=255)
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page on this site"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    url = models.URLField(_("external URL"), blank=True)

    panels = [FieldPanel("title"), FieldPanel("link_page"), FieldPanel("url")]

    translatable_fields = [
        TranslatableField("title"),
        SynchronizedField("link_page"),
        SynchronizedField("url"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("related link")
        verbose_name_plural = _("related links")

    def clean(self):
        super().clean()
        if bool(self.link_page_id) == bool(self.url):
            raise ValidationError(
                _("Give either a page on this site or an external URL for “%(title)s”, not both.")
                % {"title": self.title or _("related link")}
            )

    @property
    def href(self):
        if self.link_page_id:
            return self.link_page.url
        return self.url
