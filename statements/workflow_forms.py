"""The forms of the sign-off step: Wagtail's workflow asks its task for them.

Plain forms with no rules of their own, so the workflow task (a model) can name them.
"""

from django import forms
from django.utils.translation import gettext_lazy as _


class SignOffForm(forms.Form):
    """Sign off: bound to the revision the approver read, so a later save cannot slip in."""

    revision_id = forms.IntegerField(widget=forms.HiddenInput, required=False)
    comment = forms.CharField(
        label=_("Comment (optional)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class RequestChangesForm(forms.Form):
    comment = forms.CharField(
        label=_("What should change?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The drafter receives this comment. Other governments can still sign."),
    )


class WithdrawSignOffForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for withdrawing"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The drafter is alerted at once and the statement cannot be released."),
    )
