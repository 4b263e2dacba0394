"""/media/: uploaded images, served in every environment through the embargo check.

Wagtail links images and their renditions at their storage URL, under MEDIA_URL, so a
file that only an unreleased statement uses would otherwise be one guess away. This
view is the only way to them: it finds the image the path belongs to (an original or a
rendition of it) and serves it when ``newsroom.embargo.may_see_file`` allows. Paths of
no image are not found, documents among them: documents are served by Wagtail's own
view (/documents/, WAGTAILDOCS_SERVE_METHOD "serve_view"), behind the
``before_serve_document`` hook. Production's web server must pass /media/ to Django,
never serve the directory itself (docs/security.md); with a SENDFILE_BACKEND
configured, the web server sends the bytes after the check, as for documents.
"""

import posixpath

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import Http404
from wagtail.images import get_image_model
from wagtail.utils import sendfile_streaming_backend
from wagtail.utils.sendfile import sendfile

from statements.queries.frame import is_emblem_file

from ..embargo import may_see_file

# The site's emblem is on every page: browsers and CDNs may keep it (a new emblem is a
# new rendition, under another name).
EMBLEM_CACHE_CONTROL = "public, max-age=86400"


def _image_of(name):
    Image = get_image_model()
    image = Image.objects.filter(file=name).first()
    if image is None:
        rendition = Image.get_rendition_model().objects.filter(file=name).first()
        image = rendition.image if rendition is not None else None
    return image


def media(request, path):
    name = posixpath.normpath(path).lstrip("/")
    if name.startswith("..") or name != path:
        raise Http404
    emblem = is_emblem_file(request, name)
    if not emblem:
        image = _image_of(name)
        if image is None or not may_see_file(request.user, image, "image"):
            raise Http404
    if not default_storage.exists(name):
        raise Http404
    options = {}
    if not hasattr(settings, "SENDFILE_BACKEND"):
        options["backend"] = sendfile_streaming_backend.sendfile
    response = sendfile(request, default_storage.path(name), **options)
    # An image under embargo must not stay in a shared cache after a role is taken away.
    response["Cache-Control"] = EMBLEM_CACHE_CONTROL if emblem else "private, no-cache"
    return response
