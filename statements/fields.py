"""Model fields of our own, kept free of model imports."""

from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .validators import validate_language_codes


def _language_choices():
    return list(settings.WAGTAIL_CONTENT_LANGUAGES)


class LanguageMultipleChoiceField(forms.TypedMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.setdefault("choices", _language_choices)
        super().__init__(**kwargs)


class LanguageListField(models.JSONField):
    """An ordered list of configured language codes, stored as JSON.

    A JSON list rather than a many-to-many to Locale so that wagtail-localize can
    synchronise it across a snippet's translations like any plain value.
    """

    description = _("List of language codes")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    @property
    def validators(self):
        return [*super().validators, validate_language_codes]

    def formfield(self, **kwargs):
        return LanguageMultipleChoiceField(
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            disabled=kwargs.get("disabled", False),
        )


class LanguageCodeField(models.CharField):
    """One configured language code. The choices are read from the settings when a form
    is built, never frozen into a migration: the site's languages are configuration."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 15)
        super().__init__(*args, **kwargs)

    @property
    def validators(self):
        return [*super().validators, _validate_one_language]

    def formfield(self, **kwargs):
        return forms.TypedChoiceField(
            choices=_language_choices,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
        )


def _validate_one_language(value):
    validate_language_codes([value])
