"""Admin screens for the release: one statement's release and its verbs (one view each),
the queue and the partner kit.

Editors of a statement schedule, hold, move and cancel its release. Approvers of its
signatory governments read the release screen, confirm a new time and download the
partner kit. Everyone else gets 403.
"""

import zipfile
from io import BytesIO
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views import View

from .. import partner_kit
from ..actions.base import ActionRefused
from ..actions.previews import CreatePreviewLinkAction, RevokePreviewLinkAction, preview_url
from ..actions.scheduling import (
    CancelReleaseAction,
    ConfirmReleaseAction,
    HoldReleaseAction,
    MoveReleaseAction,
    ScheduleReleaseAction,
)
from ..clock import db_now
from ..forms import InstantForm
from ..models import PreviewLink, Release, StatementPage
from ..permissions import can_see_release_queue, governments_approved_by, release_access
from ..queries.release import (
    confirmations_of,
    current_release,
    describe,
    language_name,
    late_languages,
    local_times,
    release_problems,
    statement_zones,
)
from ..timefmt import release_line
from .frame import AdminScreenMixin, PageScreenMixin

RECENT_RELEASES = 50


class LateLanguageForm(forms.Form):
    language_code = forms.ChoiceField(label=gettext_lazy("Language"))

    def __init__(self, *args, languages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language_code"].choices = [(c, language_name(c)) for c in languages]


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"), required=False, max_length=500, widget=forms.Textarea
    )


class ConfirmForm(forms.Form):
    government = forms.CharField(max_length=8)


class PreviewLinkForm(forms.Form):
    journalist_name = forms.CharField(label=gettext_lazy("Journalist's name"), max_length=200)
    journalist_email = forms.EmailField(label=gettext_lazy("Journalist's e-mail"))
    outlet = forms.CharField(
        label=gettext_lazy("News organisation"), max_length=200, required=False
    )


def _approver_codes(user, statement):
    return [g.code for g in governments_approved_by(user, statement.signatory_governments())]


def _instant_initial(statement, release):
    draft = statement.get_latest_revision_as_object()
    instant = release.release_at if release else draft.release_at
    zone = (release.release_timezone if release else draft.release_timezone) or settings.TIME_ZONE
    if instant is None:
        return {"release_timezone": zone}
    local = instant.astimezone(ZoneInfo(zone)).replace(tzinfo=None)
    return {"release_at": local, "release_timezone": zone}


# --- one statement's release ------------------------------------------------------------


class ReleaseScreenMixin(PageScreenMixin):
    """The statement behind a release URL, the caller's access to it, and the screen."""

    template_name = "statements/admin/release.html"
    header_icon = "time"
    breadcrumb_label = gettext_lazy("Release")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.statement = get_object_or_404(StatementPage, pk=kwargs["page_id"])
        if self.statement.is_translation:
            raise Http404

    def access(self):
        access = release_access(self.request.user, self.statement)
        if access is None:
            raise PermissionDenied
        return access

    def breadcrumbs_page(self):
        return self.statement

    def get_page_title(self):
        return self.statement.get_latest_revision_as_object().title

    def render(self, access, status=200, **forms_):
        return self.render_screen(self.context(access, **forms_), status=status)

    def context(self, access, **forms_):
        statement = self.statement
        release = current_release(statement)
        pending = release if release and release.state != Release.State.RELEASED else None
        late = list(
            Release.objects.filter(statement_id=statement.pk)
            .exclude(language_code="")
            .exclude(state=Release.State.CANCELLED)
        )
        instant = (
            release.release_at if release else statement.get_latest_revision_as_object().release_at
        )
        problems = [] if statement.live else release_problems(statement)
        return {
            "statement": statement,
            "draft": statement.get_latest_revision_as_object(),
            "access": access,
            "release": release,
            "pending": pending,
            "late_releases": late,
            "instant": instant,
            "local_times": local_times(statement, instant) if instant else [],
            "release_line": (
                release_line(instant, statement_zones(statement), get_language()) if instant else ""
            ),
            "problems": [describe(p) for p in problems],
            "held_because": [describe(p) for p in (release.hold_reason if release else [])],
            "confirmations": confirmations_of(release, statement) if pending else [],
            "my_codes": _approver_codes(self.request.user, statement),
            "kit_refusal": partner_kit.kit_refusal(statement, release) if release else None,
            "kit_languages": self.kit_languages(),
            "late_languages": late_languages(statement),
            "schedule_form": forms_.get("schedule_form")
            or InstantForm(initial=_instant_initial(statement, release)),
            "move_form": forms_.get("move_form")
            or InstantForm(initial=_instant_initial(statement, release)),
            "reason_form": ReasonForm(),
            "late_form": forms_.get("late_form")
            or LateLanguageForm(languages=late_languages(statement)),
            "preview_form": forms_.get("preview_form") or PreviewLinkForm(),
            "preview_links": self.preview_links(access),
            "new_preview_url": self.request.session.pop(f"preview-url-{statement.pk}", None),
        }

    def preview_links(self, access):
        if access != "edit":
            return []
        return list(
            PreviewLink.objects.filter(statement_id=self.statement.pk).prefetch_related("accesses")
        )

    def kit_languages(self):
        codes = [self.statement.locale.language_code, *self.statement.required_languages()]
        return [(code, language_name(code)) for code in codes]


class ReleaseView(ReleaseScreenMixin, View):
    """The release screen. Each of its forms posts to one of the verb views below."""

    def get(self, request, page_id):
        return self.render(self.access())


class ReleaseVerbView(ReleaseScreenMixin, View):
    """One verb of the release screen: it calls one action and goes back to the screen.

    Editors may do every verb; ``partners_may`` opens one to the signatories' approvers
    too. An invalid form shows the screen again with its errors; a refused action goes
    back with the reasons.
    """

    http_method_names = ["post"]
    partners_may = False

    def post(self, request, page_id):
        access = self.access()
        if access != "edit" and not self.partners_may:
            raise PermissionDenied
        try:
            invalid = self.perform()
        except ActionRefused as refused:
            for reason in refused.reasons:
                messages.error(request, reason)
            invalid = None
        if invalid is not None:
            messages.error(request, _("The release was not changed. Correct the errors below."))
            return self.render(access, status=400, **invalid)
        return redirect("statements_release", self.statement.pk)

    def perform(self):
        """Run the verb; return the invalid forms by their name on the screen, or None."""
        raise NotImplementedError

    def pending_release(self):
        release = current_release(self.statement)
        if release is None or release.state not in (Release.State.SCHEDULED, Release.State.HELD):
            raise ActionRefused([_("There is no release to change.")])
        return release


class ScheduleReleaseView(ReleaseVerbView):
    def perform(self):
        form = InstantForm(self.request.POST)
        if not form.is_valid():
            return {"schedule_form": form}
        release = ScheduleReleaseAction(
            self.statement,
            self.request.user,
            release_at=form.instant(),
            release_timezone=form.cleaned_data["release_timezone"],
        ).execute()
        messages.success(
            self.request,
            _("Release scheduled for %(line)s.")
            % {
                "line": release_line(
                    release.release_at, statement_zones(self.statement), get_language()
                )
            },
        )
        return None


class ScheduleLanguageReleaseView(ReleaseVerbView):
    """A language dropped from the release goes out later, on its own."""

    def perform(self):
        form = LateLanguageForm(self.request.POST, languages=late_languages(self.statement))
        instant_form = InstantForm(self.request.POST)
        if not form.is_valid() or not instant_form.is_valid():
            return {"late_form": form, "schedule_form": instant_form}
        ScheduleReleaseAction(
            self.statement,
            self.request.user,
            release_at=instant_form.instant(),
            release_timezone=instant_form.cleaned_data["release_timezone"],
            language_code=form.cleaned_data["language_code"],
        ).execute()
        messages.success(self.request, _("The language's release is scheduled."))
        return None


class HoldReleaseView(ReleaseVerbView):
    def perform(self):
        form = ReasonForm(self.request.POST)
        form.is_valid()
        HoldReleaseAction(
            self.pending_release(), self.request.user, form.cleaned_data.get("reason", "")
        ).execute()
        messages.success(self.request, _("The release is on hold. Nothing will be published."))
        return None


class MoveReleaseView(ReleaseVerbView):
    def perform(self):
        form = InstantForm(self.request.POST)
        if not form.is_valid():
            return {"move_form": form}
        MoveReleaseAction(
            self.pending_release(),
            self.request.user,
            form.instant(),
            form.cleaned_data["release_timezone"],
        ).execute()
        messages.success(
            self.request, _("The release has moved. Every partner is asked to confirm.")
        )
        return None


class CancelReleaseView(ReleaseVerbView):
    def perform(self):
        form = ReasonForm(self.request.POST)
        form.is_valid()
        CancelReleaseAction(
            self.pending_release(), self.request.user, form.cleaned_data.get("reason", "")
        ).execute()
        messages.success(self.request, _("The release is cancelled. Every partner is told."))
        return None


class ConfirmReleaseView(ReleaseVerbView):
    """A partner confirms the release time for its own government; the action refuses
    a government the person does not approve for."""

    partners_may = True

    def perform(self):
        form = ConfirmForm(self.request.POST)
        if not form.is_valid():
            raise PermissionDenied
        release = Release.objects.filter(statement_id=self.statement.pk).order_by("-pk").first()
        if release is None:
            raise ActionRefused([_("There is no release to confirm.")])
        ConfirmReleaseAction(release, self.request.user, form.cleaned_data["government"]).execute()
        messages.success(self.request, _("Thank you: your confirmation is recorded."))
        return None


class CreatePreviewLinkView(ReleaseVerbView):
    def perform(self):
        form = PreviewLinkForm(self.request.POST)
        if not form.is_valid():
            return {"preview_form": form}
        link = CreatePreviewLinkAction(
            self.statement, self.request.user, **form.cleaned_data
        ).execute()
        self.request.session[f"preview-url-{self.statement.pk}"] = preview_url(link)
        messages.success(
            self.request,
            _("Preview link created for %(name)s and sent to them by e-mail.")
            % {"name": link.journalist_name},
        )
        return None


class RevokePreviewLinkView(ReleaseVerbView):
    def perform(self):
        raw = self.request.POST.get("link", "").strip()
        link = PreviewLink.objects.filter(
            pk=int(raw) if raw.isdigit() else None, statement_id=self.statement.pk
        ).first()
        if link is None:
            raise ActionRefused([_("There is no such preview link.")])
        RevokePreviewLinkAction(link, self.request.user).execute()
        messages.success(self.request, _("The preview link no longer works."))
        return None


class ReleaseDetailView(View):
    """A stable link to one release (from e-mails): the statement's release screen."""

    def get(self, request, release_id):
        release = get_object_or_404(Release, pk=release_id)
        return redirect("statements_release", release.statement_id)


# --- the partner kit ----------------------------------------------------------------------


class PartnerKitView(View):
    def get(self, request, page_id, language_code, file_format):
        statement = get_object_or_404(StatementPage, pk=page_id)
        if release_access(request.user, statement) is None:
            raise PermissionDenied
        if file_format not in partner_kit.FORMATS and file_format != "zip":
            raise Http404
        release = current_release(statement)
        refusal = partner_kit.kit_refusal(statement, release)
        if refusal:
            messages.error(request, refusal)
            return redirect("statements_release", statement.pk)
        pages = {statement.locale.language_code: statement}
        for page in StatementPage.objects.filter(
            translation_key=statement.translation_key,
            locale__language_code__in=statement.required_languages(),
        ).select_related("locale"):
            pages[page.locale.language_code] = page
        stem = f"statement-{statement.pk}"
        if file_format == "zip":
            buffer = BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
                for code, page in pages.items():
                    entry = partner_kit.kit_entry(statement, page, release)
                    for fmt, (_type, extension) in partner_kit.FORMATS.items():
                        archive.writestr(
                            f"{stem}-{code}.{extension}", partner_kit.render(entry, fmt)
                        )
            response = HttpResponse(buffer.getvalue(), content_type="application/zip")
            response["Content-Disposition"] = f'attachment; filename="{stem}.zip"'
            return response
        page = pages.get(language_code)
        if page is None:
            raise Http404
        entry = partner_kit.kit_entry(statement, page, release)
        content_type, extension = partner_kit.FORMATS[file_format]
        response = HttpResponse(partner_kit.render(entry, file_format), content_type=content_type)
        response["Content-Disposition"] = (
            f'attachment; filename="{stem}-{language_code}.{extension}"'
        )
        response["Cache-Control"] = "private, no-store"
        return response


# --- the queue --------------------------------------------------------------------------------


def _visible(user, releases):
    if user.is_superuser:
        return releases
    return [
        r for r in releases if release_access(user, StatementPage.objects.get(pk=r.statement_id))
    ]


class ReleaseQueueView(AdminScreenMixin, View):
    template_name = "statements/admin/release_queue.html"
    page_title = gettext_lazy("Release queue")
    header_icon = "time"

    def get(self, request):
        if not can_see_release_queue(request.user):
            raise PermissionDenied
        now = db_now()
        upcoming = _visible(
            request.user,
            list(Release.objects.pending().select_related("statement").order_by("release_at")),
        )
        rows = []
        for release in upcoming:
            statement = StatementPage.objects.get(pk=release.statement_id)
            problems = release_problems(statement, release.language_code)
            rows.append(
                {
                    "release": release,
                    "statement": statement,
                    "title": statement.get_latest_revision_as_object().title,
                    "problems": [describe(p) for p in problems],
                    "held_because": [describe(p) for p in release.hold_reason],
                    "confirmations": confirmations_of(release, statement),
                    "seconds_left": max((release.release_at - now).total_seconds(), 0),
                    "language": language_name(release.language_code)
                    if release.language_code
                    else "",
                }
            )
        recent = _visible(
            request.user,
            list(
                Release.objects.filter(state=Release.State.RELEASED)
                .select_related("statement")
                .order_by("-released_at")[:RECENT_RELEASES]
            ),
        )
        return self.render_screen({"rows": rows, "recent": recent, "now": now})
