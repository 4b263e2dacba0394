"""Admin forms for statements: the checks a drafter sees as field errors."""

import datetime
import zoneinfo

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .validators import check_signatories, time_zone_choices, validate_time_zone


def interpret_in_zone(naive, zone_name):
    """Read a wall-clock time as given in ``zone_name``; refuse times a DST change skips
    or repeats, since a release must name one instant."""
    zone = zoneinfo.ZoneInfo(zone_name)
    first = naive.replace(tzinfo=zone, fold=0)
    second = naive.replace(tzinfo=zone, fold=1)
    roundtrip = first.astimezone(datetime.UTC).astimezone(zone).replace(tzinfo=None)
    if roundtrip != naive:
        raise forms.ValidationError(
            _("%(time)s does not exist in %(zone)s (the clocks go forward). Choose another time.")
            % {"time": naive.strftime("%Y-%m-%d %H:%M"), "zone": zone_name},
            code="nonexistent_time",
        )
    if first.utcoffset() != second.utcoffset():
        raise forms.ValidationError(
            _("%(time)s happens twice in %(zone)s (the clocks go back). Choose another time.")
            % {"time": naive.strftime("%Y-%m-%d %H:%M"), "zone": zone_name},
            code="ambiguous_time",
        )
    return first.astimezone(datetime.UTC)


class StatementPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "release_timezone" in self.fields:
            self.fields["release_timezone"].widget = forms.Select(
                choices=[("", _("The lead government's time zone")), *time_zone_choices()]
            )
        instance = self.instance
        if not self.is_bound and instance.release_at and instance.release_timezone:
            zone = zoneinfo.ZoneInfo(instance.release_timezone)
            self.initial["release_at"] = instance.release_at.astimezone(zone).replace(tzinfo=None)

    def clean(self):
        cleaned = super().clean()
        lead = cleaned.get("lead_government")
        self._check_signatories(lead)
        release_at = cleaned.get("release_at")
        zone_name = cleaned.get("release_timezone") or (lead.time_zone if lead else "")
        try:
            validate_time_zone(zone_name) if zone_name else None
        except forms.ValidationError as error:
            self.add_error("release_timezone", error)
            return cleaned
        if release_at and zone_name:
            # The widget read the value in the admin user's time zone; take back the
            # wall-clock time they typed and read it in the release time zone.
            naive = timezone.make_naive(release_at)
            try:
                cleaned["release_at"] = interpret_in_zone(naive, zone_name)
                cleaned["release_timezone"] = zone_name
            except forms.ValidationError as error:
                self.add_error("release_at", error)
        return cleaned

    def _check_signatories(self, lead):
        formset = self.formsets.get("signatories")
        if formset is None or lead is None:
            return
        # ClusterForm validates formsets after the form; ask now, so the check sees them.
        if not formset.is_valid():
            return
        keys, names = [], {}
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or not data.get("government"):
                continue
            government = data["government"]
            keys.append(government.translation_key)
            names[government.translation_key] = str(government)
        if not keys:
            self.add_error(None, _("Add at least one signatory: the lead government."))
            return
        for error in check_signatories(lead.translation_key, keys, names):
            field = "lead_government" if error.code == "lead_not_signatory" else None
            self.add_error(field, error)


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
