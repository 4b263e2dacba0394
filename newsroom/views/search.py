"""The public search page, one per language: /<lang>/search/?q=...

Searches released statements only (newsroom/search/), with the newsroom's
filters. An empty or over-long query gets a message, never an error page.
"""

from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.views.decorators.http import require_safe
from wagtail.models import Locale

from statements.models import NewsroomPage
from statements.models.site_pages import NewsroomFilters

from ..search import search_statements
from ..search.query import MAX_QUERY_LENGTH, clean_query

PAGE_SIZE = 10


@require_safe
def search(request):
    try:
        locale = Locale.objects.get_for_language(get_language())
    except (Locale.DoesNotExist, LookupError) as exc:
        raise Http404 from exc
    filters = NewsroomFilters.from_query(request.GET, locale)
    searched = "q" in request.GET
    query, message = clean_query(request.GET.get("q", ""))
    page_obj = None
    if searched and not message:
        paginator = Paginator(search_statements(query, locale, filters), PAGE_SIZE)
        try:
            page_obj = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            page_obj = paginator.page(1)
        except EmptyPage:
            page_obj = paginator.page(paginator.num_pages)
    params = {"q": query}
    filter_query = filters.as_query()
    return TemplateResponse(
        request,
        "newsroom/search.html",
        {
            "query": query,
            "searched": searched,
            "message": message if searched else None,
            "filters": filters,
            "page_obj": page_obj,
            "results": page_obj.object_list if page_obj is not None else [],
            "search_query": urlencode(params) + ("&" + filter_query if filter_query else ""),
            "max_query_length": MAX_QUERY_LENGTH,
            "newsroom": NewsroomPage.objects.live().public().filter(locale=locale).first(),
            "search_locale": locale,
        },
    )
