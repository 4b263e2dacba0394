"""A released language version's fixed parts, rendered once, right after its release.

What a statement page shows from its own revision is fixed at release: the heading,
dateline and body, the contacts, the links to follow, the topics; the names in them
come from the release's snapshot (``queries.release.snapshot_of``). They are rendered
once, never inside the preparation or the flip, which must be on time: ahead of the
instant by the process waiting to flip, else by the release's last outbox effect
(``actions.rendering``), and stored in the language's release record (the row the page
reads for its snapshot anyway). From then on a reader is
served that HTML plus the few parts that can change after release, rendered live:

- related links, which name other statements only once those are released;
- the language list and the metadata in ``<head>``;
- a body with a link to another page (``linktype="page"``: it loses its address while
  the page it points to is unreleased) is left unrendered here and rendered live.

The contacts are stored as released, like the names: a signatory with no contact of
its own on the statement is listed with the press office the public had last seen on
any released statement *at the release* (docs/adr/0013).

A stored render is used only by the code that made it: ``render_version()`` is a digest
of the templates, modules and catalogs its HTML comes from. After a deploy that changes
any of them the page renders live, as a preview does, and the next release stores
renders again (``manage.py render_released`` stores them for pages released before).
"""

import functools
import hashlib
import json
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

TOP = "statements/includes/statement_top.html"
BOTTOM = "statements/includes/statement_bottom.html"

# Everything the two parts' HTML depends on besides the page: change one and the stored
# renders are no longer used. Paths relative to BASE_DIR; a glob may match several.
SOURCES = (
    "statements/templates/statements/includes/statement_top.html",
    "statements/templates/statements/includes/statement_bottom.html",
    "statements/templates/statements/blocks/*.html",
    "statements/templatetags/*.py",
    "statements/blocks.py",
    "statements/timefmt.py",
    "statements/released_render.py",
    "newsroom/templatetags/seo_tags.py",
    "newsroom/seo/*.py",
    "locale/*/LC_MESSAGES/django.po",
)

PAGE_LINK = 'linktype=\\"page\\"'  # as a rich-text page link appears in StreamField JSON


@functools.cache
def render_version():
    """A digest of every source a stored render depends on (see ``SOURCES``)."""
    digest = hashlib.sha256()
    base = Path(settings.BASE_DIR)
    for pattern in SOURCES:
        for path in sorted(base.glob(pattern)):
            digest.update(str(path.relative_to(base)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def body_links_to_pages(page):
    """True when the body links to another page: such a link shows its address only
    while the page it points to is released, so the body is rendered live."""
    return PAGE_LINK in json.dumps(list(page.body.raw_data), default=str)


def render_parts(page):
    """The fixed parts of ``page`` as released, in its language: ``{"version", "top",
    "bottom"}``, a part left empty when it must be rendered live (see the module)."""
    context = {"page": page}
    with translation.override(page.locale.language_code):
        top = "" if body_links_to_pages(page) else render_to_string(TOP, context)
        bottom = render_to_string(BOTTOM, context)
    return {"version": render_version(), "top": top, "bottom": bottom}


def stored_parts(snapshot):
    """The parts stored with a release record, marked safe, if this code made them."""
    stored = (snapshot or {}).get("render") or {}
    if stored.get("version") != render_version():
        return {}
    return {
        part: mark_safe(stored[part])  # noqa: S308 - rendered by our own templates, escaped there
        for part in ("top", "bottom")
        if stored.get(part)
    }
