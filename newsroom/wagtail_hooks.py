"""The public channels in the admin: the subscriber list, and files under embargo."""

from django.http import Http404
from wagtail import hooks

from . import subscription_admin  # noqa: F401 - registers the superusers-only subscriber list
from .embargo import may_see_file


@hooks.register("before_serve_document")
def keep_embargoed_documents_private(document, request):
    """A document that unreleased statements use is served only to people with a role
    in one of them, until a statement using it is released."""
    if not may_see_file(request.user, document, "document"):
        raise Http404
    return None
