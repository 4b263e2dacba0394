"""A released page's fixed parts, rendered before its instant or right after it.

``RenderAheadAction`` runs in a process that will flip a prepared release (the
Celery worker's trigger, ``release_due``) while it waits for the instant: it renders
each staged language's fixed parts (``released_render``) into the release's plan, so
the flip copies them into the language's release record and the crowd at the instant
is served from it. It takes no lock while it renders; it writes in a short transaction
that skips a release being flipped, and stops half a second before the instant: nothing it
does outlasts that moment, so the flip never waits for it.

``store_release_renders`` is the release's "render" effect (``statements.outbox``,
registered last): after the commit it renders whatever the plan did not hold. Until it
has run, a released page is rendered in full, as after a deploy; running it again
changes nothing.
"""

import logging
import time

from django.db import transaction

from ..clock import db_now
from ..models import Release, ReleasedPage, StatementPage
from ..released_render import render_parts, render_version

logger = logging.getLogger("communique.release")

# Stop rendering ahead when the instant is this close: the flip comes first.
AHEAD_MARGIN_S = 0.5


class RenderAheadAction:
    """Render a prepared release's languages into its plan before the instant.
    Returns how many languages it stored."""

    def __init__(self, release_id, stop_before=AHEAD_MARGIN_S):
        self.release_id = release_id
        self.stop_before = stop_before  # seconds before the instant

    def execute(self):
        release = Release.objects.filter(pk=self.release_id).first()
        if release is None or release.state != Release.State.SCHEDULED:
            return 0
        plan = release.prepared or {}
        prepared_for = plan.get("for")
        if prepared_for != release.release_at.isoformat() or not plan.get("pages"):
            return 0
        version = render_version()
        left = (release.release_at - db_now()).total_seconds()
        deadline = time.monotonic() + left - self.stop_before
        rendered = {}
        for entry in plan["pages"]:
            if (entry["snapshot"].get("render") or {}).get("version") == version:
                continue
            if time.monotonic() >= deadline:
                break
            page = StatementPage.objects.select_related("locale").get(pk=entry["page"])
            if page.latest_revision_id != entry["revision"]:
                return 0  # edited since: the flip holds it and it is prepared again
            page.live = True  # rendered as it will be served (contact cards are linked)
            rendered[entry["page"]] = render_parts(page)
        return self._store(rendered, prepared_for) if rendered else 0

    def _store(self, rendered, prepared_for):
        with transaction.atomic():
            release = (
                Release.objects.select_for_update(skip_locked=True)
                .filter(pk=self.release_id, state=Release.State.SCHEDULED)
                .first()
            )
            plan = (release.prepared or {}) if release else {}
            if plan.get("for") != prepared_for or release.release_at <= db_now():
                return 0  # being flipped, moved, or due: the effect renders after
            for entry in plan["pages"]:
                if entry["page"] in rendered:
                    entry["snapshot"]["render"] = rendered[entry["page"]]
            release.save(update_fields=["prepared"])
        return len(rendered)


def store_render(row, page):
    """Render ``page``'s fixed parts as served from its release record ``row`` and store
    them there. False (nothing stored) unless ``row`` is what the page shows now: its
    live revision, with the snapshot it is served with."""
    if page.live_revision_id != row.revision_id or not page.use_release_snapshot():
        return False
    page.released_render = {}
    snapshot = dict(row.snapshot)
    snapshot["render"] = render_parts(page)
    ReleasedPage.objects.filter(pk=row.pk).update(snapshot=snapshot)
    return True


def store_release_renders(release, pages):
    """The "render" effect of a release: each language's fixed parts stored with its
    release record, unless rendered ahead by this code."""
    version = render_version()
    rows = {row.page_id: row for row in ReleasedPage.objects.filter(release=release)}
    for page in pages:
        row = rows.get(page.pk)
        if row and (row.snapshot.get("render") or {}).get("version") != version:
            store_render(row, page)


def render_ahead(release_id, stop_before=AHEAD_MARGIN_S):
    """``RenderAheadAction``, never raising: the render only saves later work."""
    try:
        return RenderAheadAction(release_id, stop_before=stop_before).execute()
    except Exception:  # logged; the "render" effect renders after the commit
        logger.exception("release %s: rendering ahead failed", release_id)
        return 0
