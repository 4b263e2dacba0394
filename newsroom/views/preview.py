"""The embargoed preview a journalist opens from their link."""

from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation

from statements.actions.previews import RecordPreviewAccessAction, preview_url
from statements.models import PreviewLink, StatementPage
from statements.queries.release import scheduled_release, statement_zones
from statements.timefmt import release_line


def record_access(link, request, language_code, outcome):
    # The connecting address; behind a proxy, configure it to pass the client's.
    RecordPreviewAccessAction(
        link,
        request.META.get("REMOTE_ADDR"),
        request.META.get("HTTP_USER_AGENT", ""),
        language_code,
        outcome,
    ).execute()


def _closed(request, link, language, reason, status):
    record_access(link, request, language, reason)
    with translation.override(language):
        response = TemplateResponse(
            request,
            "newsroom/embargoed_preview_closed.html",
            {"reason": reason, "language": language},
            status=status,
        )
        response.render()
    return _private(response)


def _private(response):
    response["X-Robots-Tag"] = "noindex, nofollow, noarchive"
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


def embargoed_preview(request, token, language_code=None):
    link = PreviewLink.for_token(token)
    if link is None:
        raise Http404
    statement = StatementPage.objects.get(pk=link.statement_id)
    versions = {
        page.locale.language_code: page
        for page in StatementPage.objects.filter(
            translation_key=statement.translation_key,
            locale__language_code__in=[
                statement.locale.language_code,
                *statement.required_languages(),
            ],
        ).select_related("locale")
    }
    language = language_code or statement.locale.language_code
    page = versions.get(language)
    if page is None:
        raise Http404
    if page.live:
        record_access(link, request, language, "released")
        return redirect(page.url)
    if link.revoked_at is not None:
        return _closed(request, link, language, "revoked", 410)
    release = scheduled_release(statement)
    if link.expires_at <= timezone.now() or release is None:
        return _closed(request, link, language, "expired", 410)
    record_access(link, request, language, "read")
    draft = page.get_latest_revision_as_object()
    with translation.override(language):
        response = TemplateResponse(
            request,
            "newsroom/embargoed_preview.html",
            {
                "page": draft,
                "self": draft,
                "embargo_line": release_line(
                    release.release_at, statement_zones(statement), language
                ),
                "release_at": release.release_at,
                "journalist": link.journalist_name,
                "other_languages": [
                    (code, preview_url(link, code)) for code in versions if code != language
                ],
            },
        )
        response.render()
    return _private(response)
