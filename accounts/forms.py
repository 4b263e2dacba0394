from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


class TokenForm(forms.Form):
    """A six-digit code from an authenticator app, or one recovery code."""

    token = forms.CharField(
        label=_("Code"),
        max_length=16,
        strip=True,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}
        ),
    )

    def clean_token(self):
        return self.cleaned_data["token"].replace(" ", "").lower()


class VerifyForm(TokenForm):
    """The second step of signing in, with "Remember this browser" unless it is off."""

    remember = forms.BooleanField(
        required=False,
        help_text=_("Only on a device that is yours alone. Your password is still asked."),
    )

    def __init__(self, *args, remember_days=0, **kwargs):
        super().__init__(*args, **kwargs)
        if not remember_days:
            del self.fields["remember"]
            return
        self.fields["remember"].label = ngettext(
            "Remember this browser for %(days)s day",
            "Remember this browser for %(days)s days",
            remember_days,
        ) % {"days": remember_days}
