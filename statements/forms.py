"""Admin forms for statements: the checks a drafter sees as field errors."""

import datetime
import zoneinfo

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .fingerprint import normalize_block
from .models import Government
from .permissions import may_edit_statement
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


def _pk(value):
    return getattr(value, "pk", value) if value not in ("", None) else None


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
        self._refuse_changes_by_approvers(cleaned)
        return cleaned

    def _refuse_changes_by_approvers(self, cleaned):
        """Approvers reach the editor through their sign-off task to read and comment.

        They may save comments (Wagtail saves them with a revision of the same text)
        but never change the statement they are asked to sign. The comparison is of
        content, not of raw form values, which differ in formatting alone.
        """
        user = getattr(self, "for_user", None)
        if user is None or not self.instance.pk or may_edit_statement(user, self.instance):
            return
        submitted, current = self._content_from_form(cleaned), self._content_of_instance()
        changed = [str(self._label(key)) for key in current if submitted.get(key) != current[key]]
        if changed:
            self.add_error(
                None,
                _(
                    "Approvers can comment on the text but not change it. "
                    "Undo your changes to: %(fields)s."
                )
                % {"fields": ", ".join(changed)},
            )

    def _label(self, key):
        if key in self.fields:
            return self.fields[key].label or key
        relation = self.instance._meta.get_field(key)
        return relation.related_model._meta.verbose_name_plural

    _PLAIN_FIELDS = (
        "title",
        "slug",
        "statement_type",
        "summary",
        "dateline",
        "release_timezone",
        "seo_title",
        "search_description",
    )
    _CHILDREN = {
        "signatories": ("government",),
        "contacts": ("contact",),
        "topics": ("topic",),
        "related_links": ("title", "link_page", "url"),
    }

    def _content_of_instance(self):
        page = self.instance
        content = {name: getattr(page, name) or "" for name in self._PLAIN_FIELDS}
        content["lead_government"] = page.lead_government_id
        content["release_at"] = page.release_at
        content["body"] = [normalize_block(b.block_type, b.value) for b in page.body]
        for relation, fields in self._CHILDREN.items():
            children = sorted(getattr(page, relation).all(), key=lambda c: c.sort_order or 0)
            content[relation] = [
                tuple(_pk(getattr(child, field)) for field in fields) for child in children
            ]
        return content

    def _content_from_form(self, cleaned):
        content = {name: cleaned.get(name) or "" for name in self._PLAIN_FIELDS}
        content["lead_government"] = _pk(cleaned.get("lead_government"))
        content["release_at"] = cleaned.get("release_at")
        body = cleaned.get("body") or []
        content["body"] = [normalize_block(b.block_type, b.value) for b in body]
        for relation, fields in self._CHILDREN.items():
            formset = self.formsets.get(relation)
            if formset is None or not formset.is_valid():
                continue
            forms_kept = [
                f for f in formset.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")
            ]
            forms_kept.sort(key=lambda f: f.cleaned_data.get("ORDER") or 0)
            content[relation] = [
                tuple(_pk(f.cleaned_data.get(field)) for field in fields) for f in forms_kept
            ]
        return content

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


class TranslationStatusFilterForm(forms.Form):
    mine = forms.BooleanField(label=_("Only my languages"), required=False)
    government = forms.ModelChoiceField(
        label=_("Government"), queryset=None, required=False, empty_label=_("All governments")
    )
    released_from = forms.DateField(
        label=_("Release from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    released_until = forms.DateField(
        label=_("Release until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, my_languages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["government"].queryset = Government.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE
        )
        if not my_languages:
            del self.fields["mine"]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("released_from"), cleaned.get("released_until")
        if start and end and start > end:
            raise forms.ValidationError(_("The first release date must not be after the last."))
        return cleaned


class DropLanguageForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"))
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Recorded in the statement's history. The language is released later."),
    )

    def __init__(self, *args, statement, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [
            (code, get_language_info(code)["name_local"]) for code in statement.required_languages()
        ]
