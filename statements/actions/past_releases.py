"""Releases made before the release action existed, recorded as if it had made them.

The demo loader publishes its historical statements itself (nobody may publish a
statement by hand, and those statements were released years ago), and a newsroom
moving to Communiqué brings statements it released elsewhere. Without a release
record such a statement would be served unlike every other: names read live from
snippets rather than as released, its page rendered in full on every request.
``RecordPastReleaseAction`` writes the one ``Release`` and a ``ReleasedPage`` per live
language, with the snapshot and the stored render the release action would have
written, and leaves the pages themselves as they are.

The release's own renders are made in ``actions.rendering``.

``RenderReleasedPagesAction`` stores the renders again for every live language whose
render was made by other code (``released_render.render_version``): run after a deploy
that changes the templates, so released pages are served from their record again.
"""

from django.db import transaction
from django.db.models import F

from ..models import Release, ReleasedPage, StatementPage
from ..queries.release import snapshot_of
from ..released_render import render_parts, render_version
from .rendering import store_render


class RecordPastReleaseAction:
    """Record ``statement``'s live languages as released at their publication time."""

    def __init__(self, statement, released_by="import"):
        self.statement = statement
        self.released_by = released_by

    @transaction.atomic
    def execute(self):
        statement = self.statement
        if Release.objects.filter(statement=statement, language_code="").exists():
            return None
        pages = list(
            StatementPage.objects.live()
            .filter(translation_key=statement.translation_key)
            .select_related("locale")
        )
        when = statement.first_published_at
        release = Release.objects.create(
            statement=statement,
            release_at=statement.release_at or when,
            release_timezone=statement.release_timezone or "UTC",
            state=Release.State.RELEASED,
            released_at=when,
            released_by=self.released_by,
        )
        ReleasedPage.objects.bulk_create(
            [
                ReleasedPage(
                    release=release,
                    page=page,
                    revision_id=page.live_revision_id,
                    language_code=page.locale.language_code,
                    released_at=page.first_published_at or when,
                    snapshot=released_snapshot(page),
                )
                for page in pages
            ]
        )
        return release


def released_snapshot(page):
    """What the release action stores for a language: the names as shown, and the
    fixed parts rendered (``released_render``)."""
    snapshot = snapshot_of(page)
    snapshot["render"] = render_parts(page)
    return snapshot


class RenderReleasedPagesAction:
    """Store the fixed parts again where the stored render is not this code's.
    Returns how many language versions were rendered."""

    def execute(self):
        version = render_version()
        rows = ReleasedPage.objects.filter(
            page__live=True, page__live_revision=F("revision")
        ).exclude(snapshot__render__version=version)
        done = 0
        for row in rows.iterator():
            page = StatementPage.objects.select_related("locale").get(pk=row.page_id)
            done += store_render(row, page)
        return done
