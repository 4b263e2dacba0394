"""The subscribe and preferences forms, with choices in the reader's language.

The choices are read when a form is made, not when the module loads, so a government
added or renamed since shows at once, named in the language of the page.
"""

from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import get_language_info, gettext_lazy
from wagtail.models import Locale

from statements.models import Government, StatementType
from statements.models.site_pages import localized_snippets


def current_locale():
    return (
        Locale.objects.filter(language_code=translation.get_language()).first()
        or Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    )


def government_choices():
    """One choice per government identity, named in the active language where it can be."""
    locale = current_locale()
    if locale is None:
        return []
    return [(g.code, g.short_name) for g in localized_snippets(Government, locale, "short_name")]


def language_choices():
    return [(code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES]


class PreferencesForm(forms.Form):
    language = forms.ChoiceField(
        label=gettext_lazy("Language of the e-mails"),
        help_text=gettext_lazy(
            "Statements come in this language when they are released in it, "
            "otherwise in the language they were written in."
        ),
    )
    governments = forms.MultipleChoiceField(
        label=gettext_lazy("Governments"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Leave all unticked for statements by any government."),
    )
    statement_types = forms.MultipleChoiceField(
        label=gettext_lazy("Types"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Leave all unticked for statements of any type."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = language_choices()
        self.fields["governments"].choices = government_choices()
        self.fields["statement_types"].choices = StatementType.choices


class SubscribeForm(PreferencesForm):
    email = forms.EmailField(
        label=gettext_lazy("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    field_order = ["email", "language", "governments", "statement_types"]

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()
