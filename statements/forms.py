"""Admin forms for statements: the checks a drafter sees as field errors."""

import datetime
import json
import re
import zoneinfo

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from .clock import db_now
from .fingerprint import normalize_block
from .models import Government
from .permissions import drafter_government_keys, may_edit_statement
from .queries.release import describe
from .timefmt import parse_instant
from .validators import (
    RELEASE_MAX_AHEAD,
    check_signatories,
    control_character_in,
    release_instant_problem,
    strings_in,
    time_zone_choices,
    validate_time_zone,
)

NO_GOVERNMENT_MESSAGE = _(
    "You are not recorded as a drafter of any government's press office, so you can "
    "neither see nor write statements. Ask an administrator to give you the drafter "
    "role of your government."
)
# Planned release times before this are typing mistakes (released ones are all later).
EARLIEST_PLANNED_YEAR = 2000
_EMPTY_RICH_TEXT = json.dumps({"blocks": [], "entityMap": {}})
_STREAM_TYPE_KEY = re.compile(r"^body-(\d+)-type$")


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


def planned_release_problem(naive, instant=None):
    """Why a planned release time is refused, as a message, or None; ``naive`` is the
    wall-clock time typed, checked before any conversion that a year-9999 or year-1
    time would overflow."""
    latest = timezone.now() + RELEASE_MAX_AHEAD
    too_far = _("The planned release is more than two years ahead.")
    if naive.year < EARLIEST_PLANNED_YEAR:
        return _("The planned release must be after the year %(year)s.") % {
            "year": EARLIEST_PLANNED_YEAR
        }
    if naive > latest.replace(tzinfo=None) + datetime.timedelta(days=1):
        return too_far
    if instant is not None and instant > latest:
        return too_far
    return None


class StatementPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._unreadable_rich_text = self._set_aside_unreadable_rich_text()
        if "release_timezone" in self.fields:
            self.fields["release_timezone"].widget = forms.Select(
                choices=[("", _("The lead government's time zone")), *time_zone_choices()]
            )
        instance = self.instance
        if not self.is_bound and instance.release_at and instance.release_timezone:
            zone = zoneinfo.ZoneInfo(instance.release_timezone)
            self.initial["release_at"] = instance.release_at.astimezone(zone).replace(tzinfo=None)

    def _set_aside_unreadable_rich_text(self):
        """Rich text the editor did not write (not its JSON) would make the widget fail
        while reading the form: replace it with an empty value before any field reads
        it, and report the paragraph in clean()."""
        field = self.fields.get("body")
        if not self.is_bound or field is None:
            return []
        converter = field.block.child_blocks["paragraph"].field.widget.converter
        unreadable = []
        for key, block_type in self.data.items():
            match = _STREAM_TYPE_KEY.match(key)
            if not match or block_type != "paragraph":
                continue
            value_key = f"body-{match.group(1)}-value"
            try:
                converter.to_database_format(self.data.get(value_key, ""))
            except Exception:  # noqa: BLE001 - any failure to read it is the user's input
                unreadable.append(value_key)
        if unreadable:
            self.data = self.data.copy()
            for value_key in unreadable:
                self.data[value_key] = _EMPTY_RICH_TEXT
        return unreadable

    def clean(self):
        cleaned = super().clean()
        if self._unreadable_rich_text:
            self.add_error(
                None,
                _(
                    "A paragraph of the body could not be read (it is not the editor's "
                    "format). Type or paste the text again."
                ),
            )
        self._refuse_control_characters(cleaned)
        lead = cleaned.get("lead_government")
        self._check_lead(lead)
        self._check_signatories(lead)
        release_at = cleaned.get("release_at")
        zone_name = cleaned.get("release_timezone") or (lead.time_zone if lead else "")
        try:
            validate_time_zone(zone_name) if zone_name else None
        except forms.ValidationError as error:
            self.add_error("release_timezone", error)
            return cleaned
        if release_at and zone_name:
            self._read_release_at(cleaned, release_at, zone_name)
        self._refuse_changes_by_approvers(cleaned)
        return cleaned

    def _read_release_at(self, cleaned, release_at, zone_name):
        # The widget read the value in the admin user's time zone; take back the
        # wall-clock time they typed (without converting it, which could overflow)
        # and read it in the release time zone.
        naive = release_at.replace(tzinfo=None) if timezone.is_aware(release_at) else release_at
        problem = planned_release_problem(naive)
        if problem:
            self.add_error("release_at", problem)
            return
        try:
            instant = interpret_in_zone(naive, zone_name)
        except forms.ValidationError as error:
            self.add_error("release_at", error)
            return
        problem = planned_release_problem(naive, instant)
        if problem:
            self.add_error("release_at", problem)
            return
        cleaned["release_at"] = instant
        cleaned["release_timezone"] = zone_name

    def _check_lead(self, lead):
        """A drafter writes for its own press office: a new statement, or a new lead,
        is one of the governments it drafts for (an administrator may choose any)."""
        user = getattr(self, "for_user", None)
        if user is None or user.is_superuser or lead is None:
            return
        if self.instance.pk and lead.pk == self.instance.lead_government_id:
            return
        keys = drafter_government_keys(user)
        if lead.translation_key in keys:
            return
        if not keys:
            self.add_error("lead_government", NO_GOVERNMENT_MESSAGE)
            return
        names = {}  # each government's name in the lead's language where it has one
        for government in Government.objects.filter(translation_key__in=keys):
            if government.translation_key not in names or government.locale_id == lead.locale_id:
                names[government.translation_key] = government.short_name
        self.add_error(
            "lead_government",
            _(
                "You draft for %(governments)s: a statement you write is led by one of "
                "them, not by %(lead)s."
            )
            % {"governments": ", ".join(sorted(names.values())), "lead": lead.short_name},
        )

    def _refuse_control_characters(self, cleaned):
        """Control characters are never text; they break the XML exports and feeds."""
        places = [(name, self.fields[name].label, value) for name, value in cleaned.items()]
        for formset in self.formsets.values():
            if not formset.is_valid():
                continue
            model = formset.model
            places += [(None, model._meta.verbose_name, f.cleaned_data) for f in formset.forms]
        for name, label, value in places:
            character = next(filter(None, map(control_character_in, strings_in(value))), None)
            if character is None:
                continue
            message = _(
                "%(field)s holds a control character (%(character)s), which is not text. "
                "Remove it and save again."
            ) % {"field": label or name, "character": character}
            in_field = name is not None and name != "body" and name in cleaned
            self.add_error(name if in_field else None, message)

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


class InstantForm(forms.Form):
    release_at = forms.DateTimeField(
        label=_("Release date and time"),
        widget=forms.DateTimeInput(
            attrs={"type": "datetime-local", "step": "1"}, format="%Y-%m-%dT%H:%M:%S"
        ),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"],
        help_text=_("Local time in the release time zone."),
    )
    release_timezone = forms.CharField(
        label=_("Release time zone"),
        validators=[validate_time_zone],
        widget=forms.Select(choices=time_zone_choices),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("release_at") is None or not cleaned.get("release_timezone"):
            return cleaned
        # Bounded before any conversion: year 9999 or year 1 overflows once converted.
        naive = self._typed()
        if naive - timezone.now().replace(tzinfo=None) > RELEASE_MAX_AHEAD + self._a_day:
            problem = "too_far"
        elif timezone.now().replace(tzinfo=None) - naive > self._a_day:
            problem = "past"
        else:
            problem = release_instant_problem(self.instant(), db_now())
        if problem:
            self.add_error("release_at", describe({"code": problem}))
        return cleaned

    _a_day = datetime.timedelta(days=1)  # more than any two time zones differ by

    def _typed(self):
        # The widget read the value in the server's time zone: take back the wall-clock
        # time typed, without converting it.
        value = self.cleaned_data["release_at"]
        return value.replace(tzinfo=None) if timezone.is_aware(value) else value

    def instant(self):
        # The typed time is local to the chosen zone, whatever the server's zone is.
        return parse_instant(self._typed(), self.cleaned_data["release_timezone"])


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


class CheckedImageField(WagtailImageField):
    """Wagtail checks an image's format by its first bytes only; a file that starts
    like a GIF and goes on as HTML then fails in Willow while the form is validated."""

    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
            with PILImage.open(f) as image:
                image.verify()
        except forms.ValidationError:
            raise
        except Exception as exc:  # whatever fails to read it, it is no image
            raise forms.ValidationError(
                _("This file is not an image that can be read. Upload a GIF, JPEG, PNG or WebP."),
                code="invalid_image",
            ) from exc
        finally:
            if hasattr(f, "seek"):
                f.seek(0)


class ImageForm(BaseImageForm):
    file = CheckedImageField(label=_("File"))
