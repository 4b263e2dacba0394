"""Gates in front of Wagtail's and wagtail-localize's own admin views, for statements.

config/urls.py puts these before the admin's URLs. For any other page each gate hands
the request to the view it stands in front of.

- "Translate this page" (wagtail-localize) makes a new translation of a live page live
  at once. For a statement it is routed to ``StartTranslationsAction``: a draft that
  goes through translation, review and the release.
- "Unpublish" takes one language of a released statement down by hand. A statement is
  withdrawn in every language at once, by the release; until that flow exists the
  admin refuses, and says so.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext as _
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.pages.unpublish import UnpublishView
from wagtail.models import Locale, Page
from wagtail_localize.views.submit_translations import SubmitPageTranslationView

from ..actions.base import ActionRefused
from ..actions.translation import StartTranslationsAction, StartTranslationsPermissionError
from ..models import StatementPage
from ..queries.translation import statement_of


def _statement(page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    return page if isinstance(page, StatementPage) else None


@require_admin_access
def submit_translation(request, page_id):
    page = _statement(page_id)
    if page is None:
        return SubmitPageTranslationView.as_view()(request, page_id=page_id)
    statement = statement_of(page) or page
    if request.method != "POST":
        messages.info(
            request,
            _(
                "A statement is translated into the languages of its signatories; "
                "its translations are set up and followed here."
            ),
        )
        return redirect("statements_languages", statement.pk)
    ids = [value for value in request.POST.getlist("locales") if value.isdigit()]
    codes = Locale.objects.filter(pk__in=ids).values_list("language_code", flat=True)
    try:
        created = StartTranslationsAction(statement, request.user, codes).execute()
    except StartTranslationsPermissionError:
        raise
    except ActionRefused as refusal:
        for reason in refusal.reasons:
            messages.error(request, reason)
        return redirect("statements_languages", statement.pk)
    if created:
        messages.success(
            request,
            _(
                "Translation drafts set up: %(languages)s. Each is translated, reviewed "
                "by its governments and released with the statement."
            )
            % {"languages": ", ".join(created)},
        )
    else:
        messages.info(request, _("These languages are already set up for this statement."))
    return redirect("statements_languages", statement.pk)


@require_admin_access
def unpublish(request, page_id):
    page = _statement(page_id)
    if page is None:
        return UnpublishView.as_view()(request, page_id=page_id)
    messages.error(
        request,
        _(
            "A statement cannot be unpublished one language at a time. A released "
            "statement is withdrawn in every language at once, through the release; "
            "withdrawal is not available yet."
        ),
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


def gated_admin_urls():
    return [
        path("admin/localize/submit/page/<int:page_id>/", submit_translation),
        path("admin/pages/<int:page_id>/unpublish/", unpublish),
    ]
