"""Admin screens for translation: the status of every language, dropping a language,
and bringing a changed source into the translations."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from ..actions.base import ActionRefused
from ..actions.translation import DropLanguageAction, UpdateTranslationsAction
from ..forms import DropLanguageForm, TranslationStatusFilterForm
from ..models import StatementPage
from ..permissions import (
    can_see_translation_status,
    limit_to_agency,
    may_edit_statement,
    statements_hidden_from,
    translator_languages,
)
from ..queries.translation import build_matrix, statement_of, statements_in_progress
from ..wagtail_localize_compat import source_changes
from .frame import AdminScreenMixin, PageScreenMixin


class TranslationStatusView(AdminScreenMixin, View):
    template_name = "statements/admin/translation_status.html"
    page_title = gettext_lazy("Translation status")
    header_icon = "globe"

    def get(self, request):
        if not can_see_translation_status(request.user):
            raise PermissionDenied
        mine = translator_languages(request.user)
        form = TranslationStatusFilterForm(request.GET or None, my_languages=mine)
        statements = statements_in_progress().exclude(
            pk__in=statements_hidden_from(request.user).values("pk")
        )
        languages_filter = None
        if form.is_valid():
            data = form.cleaned_data
            if data.get("government"):
                statements = statements.filter(
                    signatories__government__translation_key=data["government"].translation_key
                ).distinct()
            if data.get("released_from"):
                start = datetime.datetime.combine(data["released_from"], datetime.time.min)
                statements = statements.filter(release_at__gte=start)
            if data.get("released_until"):
                end = datetime.datetime.combine(data["released_until"], datetime.time.max)
                statements = statements.filter(release_at__lte=end)
            if data.get("mine") and mine:
                languages_filter = set(mine)
        statements = limit_to_agency(request.user, statements)
        matrix = build_matrix(statements)
        if languages_filter is not None:
            matrix["languages"] = [c for c in matrix["languages"] if c in languages_filter]
            matrix["rows"] = [
                row
                for row in matrix["rows"]
                if any(
                    row["cells"][c]["state"] not in ("not_required", "source")
                    for c in matrix["languages"]
                )
            ]
        return self.render_screen({"matrix": matrix, "form": form, "my_languages": mine})


class StatementLanguagesMixin(PageScreenMixin):
    """The languages screen of one statement, for those who may edit the statement."""

    template_name = "statements/admin/statement_languages.html"
    page_title = gettext_lazy("Languages")
    header_icon = "globe"

    def dispatch(self, request, page_id, *args, **kwargs):
        page = get_object_or_404(StatementPage, pk=page_id)
        # A translation's languages are its source's: run as a source, "Update
        # translations" would translate the translation back over the released source.
        self.statement = statement_of(page) or page
        # The statement's own editors: not the approvers Wagtail's workflow lends edit
        # rights to while they review.
        if not may_edit_statement(request.user, self.statement):
            raise PermissionDenied
        return super().dispatch(request, page_id, *args, **kwargs)

    def breadcrumbs_page(self):
        return self.statement

    def render(self, form, status=200):
        return self.render_screen(
            {
                "statement": self.statement,
                "form": form,
                "required": self.statement.required_languages(),
                "dropped": self.statement.language_drops.all(),
                "source_changes": source_changes(self.statement),
            },
            status=status,
        )


class StatementLanguagesView(StatementLanguagesMixin, View):
    """The required and dropped languages and what changed in the source; its two
    forms post to the views below."""

    def get(self, request, page_id):
        return self.render(DropLanguageForm(statement=self.statement))


class UpdateTranslationsView(StatementLanguagesMixin, View):
    http_method_names = ["post"]

    def post(self, request, page_id):
        try:
            updated = UpdateTranslationsAction(self.statement, request.user).execute()
        except ActionRefused as refusal:
            for reason in refusal.reasons:
                messages.error(request, reason)
            return redirect("statements_languages", self.statement.pk)
        messages.success(
            request,
            _("Translations updated from the latest saved text: %(languages)s.")
            % {"languages": ", ".join(updated) or "-"},
        )
        return redirect("statements_languages", self.statement.pk)


class DropLanguageView(StatementLanguagesMixin, View):
    """Drop a required language, with a reason; an invalid form or a refusal shows the
    screen again with the reasons."""

    http_method_names = ["post"]

    def post(self, request, page_id):
        form = DropLanguageForm(request.POST, statement=self.statement)
        if not form.is_valid():
            return self.render(form, status=400)
        try:
            DropLanguageAction(
                self.statement,
                request.user,
                form.cleaned_data["language"],
                form.cleaned_data["reason"],
            ).execute()
        except ActionRefused as refusal:
            for reason in refusal.reasons:
                form.add_error(None, reason)
            return self.render(form, status=403)
        messages.success(request, _("The language is dropped from this statement's release."))
        return redirect("statements_languages", self.statement.pk)
