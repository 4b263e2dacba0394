"""One gate in front of every admin URL that names a page: a statement under embargo is
refused (403, as Wagtail's own admin refusals) to a user with no role in it
(``statements.permissions.has_role_in``).

Wagtail's own page views check edit and publish rights, but several of them show a
page's title before they do (a move confirmation, a bulk action's list of the pages one
may not touch, the chooser's "chosen" answer), and wagtail-localize's translation views
and Communiqué's release screens name a statement through other ids. Rather than a
gate per view, this middleware reads the ids the resolved URL names, and the ``id``
list bulk actions and choosers take, and asks once. Listings without an id are
filtered where they are built (statements.wagtail_hooks, wagtail_localize_compat).
"""

from django.core.exceptions import PermissionDenied
from wagtail_localize.models import Translation, TranslationSource

from .models import Release
from .permissions import statements_hidden_from

PAGE_KWARGS = ("page_id", "parent_page_id", "page_to_move_id", "destination_id")
# Routes whose ``pk`` is a page's, and those that take pages as ``?id=``.
PAGE_PK_ROUTES = ("admin/pages/", "admin/api/main/^pages/")
ID_LIST_ROUTES = ("admin/bulk/", "admin/choose-page/chosen-multiple/", "admin/api/main/^pages/")


def _ids(values):
    return {int(value) for value in values if str(value).isdigit()}


def named_statements(request, route, kwargs):
    """(page ids, translation keys) that the request names."""
    pages = _ids(kwargs[name] for name in PAGE_KWARGS if name in kwargs)
    if "pk" in kwargs and route.startswith(PAGE_PK_ROUTES):
        pages |= _ids([kwargs["pk"]])
    if route.startswith(ID_LIST_ROUTES):
        pages |= _ids(request.GET.getlist("id") + request.POST.getlist("id"))
    keys = set()
    if "translation_id" in kwargs:
        keys |= set(
            Translation.objects.filter(pk=kwargs["translation_id"]).values_list(
                "source__object_id", flat=True
            )
        )
    if "translation_source_id" in kwargs:
        keys |= set(
            TranslationSource.objects.filter(pk=kwargs["translation_source_id"]).values_list(
                "object_id", flat=True
            )
        )
    if "release_id" in kwargs:
        pages |= set(
            Release.objects.filter(pk=kwargs["release_id"]).values_list("statement_id", flat=True)
        )
    return pages, keys


class AdminEmbargoMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        route = match.route if match is not None else ""
        if not route.startswith("admin/") or not request.user.is_authenticated:
            return None
        pages, keys = named_statements(request, route, view_kwargs)
        if not pages and not keys:
            return None
        hidden = statements_hidden_from(request.user)
        if hidden.filter(pk__in=pages).exists() or hidden.filter(translation_key__in=keys).exists():
            raise PermissionDenied
        return None
