"""Export translation files (one language, or all as a zip) and import them back."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from .. import exchange
from ..actions.base import ActionRefused
from ..actions.translation import ImportTranslationFileAction
from ..models import StatementPage
from ..permissions import may_edit_statement
from ..queries.translation import source_statement_of
from ..wagtail_localize_compat import source_for
from .frame import PageScreenMixin


class TranslationFileForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Translation file"),
        help_text=gettext_lazy("A .po or .xlf/.xliff file exported from this translation."),
    )
    partial = forms.BooleanField(
        label=gettext_lazy("This file is partial"),
        required=False,
        help_text=gettext_lazy(
            "Import only the segments the file holds; the others stay as they are."
        ),
    )


def _format_of(name):
    name = (name or "").lower()
    if name.endswith(".po"):
        return "po"
    if name.endswith((".xlf", ".xliff")):
        return "xliff"
    return None


def _translation_page(request, page_id):
    page = get_object_or_404(StatementPage, pk=page_id)
    if not page.is_translation or not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page


class ExportTranslationView(View):
    def get(self, request, page_id, file_format):
        if file_format not in exchange.FORMATS:
            raise Http404
        page = _translation_page(request, page_id)
        source, translation = source_statement_of(page)
        data = exchange.export_file(translation, source, file_format)
        extension = "xlf" if file_format == "xliff" else "po"
        response = HttpResponse(data, content_type=exchange.FORMATS[file_format])
        response["Content-Disposition"] = (
            f'attachment; filename="statement-{source.pk}-{page.locale.language_code}.{extension}"'
        )
        return response


class ExportAllTranslationsView(View):
    def get(self, request, page_id, file_format):
        if file_format not in exchange.FORMATS:
            raise Http404
        statement = get_object_or_404(StatementPage, pk=page_id)
        # Every language's words in one file: the statement's own editors', not the
        # workflow's reviewers (Wagtail lends them edit rights while they review).
        if statement.is_translation or not may_edit_statement(request.user, statement):
            raise PermissionDenied
        source = source_for(statement)
        translations = (
            list(
                source.translations.filter(enabled=True).select_related(
                    "target_locale", "source__locale"
                )
            )
            if source
            else []
        )
        data = exchange.export_zip(translations, statement, file_format)
        response = HttpResponse(data, content_type="application/zip")
        response["Content-Disposition"] = (
            f'attachment; filename="statement-{statement.pk}-{file_format}.zip"'
        )
        return response


class ImportTranslationView(PageScreenMixin, View):
    template_name = "statements/admin/import_translation.html"
    page_title = gettext_lazy("Import a translation file")
    header_icon = "upload"

    def get(self, request, page_id):
        self.page = _translation_page(request, page_id)
        return self.render(self.page, TranslationFileForm())

    def breadcrumbs_page(self):
        return self.page

    def render(self, page, form, status=200):
        return self.render_screen({"page": page, "form": form}, status=status)

    def post(self, request, page_id):
        page = self.page = _translation_page(request, page_id)
        form = TranslationFileForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(page, form, status=400)
        upload = form.cleaned_data["file"]
        file_format = _format_of(upload.name)
        if file_format is None:
            form.add_error("file", _("Upload a .po or .xlf/.xliff file."))
            return self.render(page, form, status=400)
        if upload.size > exchange.MAX_FILE_BYTES:
            form.add_error("file", _("The file is too large."))
            return self.render(page, form, status=400)
        try:
            count = ImportTranslationFileAction(
                page, request.user, upload.read(), file_format, form.cleaned_data["partial"]
            ).execute()
        except ActionRefused as refusal:
            for reason in refusal.reasons:
                form.add_error(None, reason)
            return self.render(page, form, status=400)
        messages.success(request, _("%(count)s translated segments imported.") % {"count": count})
        return redirect("statements_import_translation", page.pk)
