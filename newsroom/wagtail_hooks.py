"""The public channels in the admin: the subscriber list, and files under embargo."""

from django.http import Http404
from wagtail import hooks

from . import subscription_admin  # noqa: F401 - registers the superusers-only subscriber list
from .embargo import document_is_embargoed


@hooks.register("before_serve_document")
def keep_embargoed_documents_private(document, request):
    """A document used only by unreleased statements is not served to the public."""
    if document_is_embargoed(document) and not (
        request.user.is_authenticated and request.user.has_perm("wagtailadmin.access_admin")
    ):
        raise Http404
    return None
