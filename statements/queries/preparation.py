"""How early each release starts preparing: measured, not guessed.

Preparing stages every language's text on its page row (Wagtail's save, reference and
search index updates): its cost grows with the number of languages and with how busy
the machine is. Each release records how long its preparation took and for how many
languages; the next one starts ``RELEASE_PREPARE_FACTOR`` times its expected cost
before its instant, within ``RELEASE_PREPARE_MS`` and ``RELEASE_PREPARE_MAX_MS``. An
early start costs nothing visible: the prepared rows stay not live, no lock outlives
the preparation's own transaction, and an edit after it still holds the release.
"""

import datetime
import statistics

from django.conf import settings
from wagtail.models import Page

from ..clock import db_now, prepare_bounds
from ..models import Release

# Until a release has been prepared here, a language is expected to take this long.
DEFAULT_SECONDS_PER_LANGUAGE = 0.25
RECENT = 20


def seconds_per_language():
    """The median cost of preparing one language, over the most recent preparations."""
    recent = (
        Release.objects.exclude(prepare_seconds=None)
        .filter(prepared_languages__gt=0)
        .order_by("-pk")
        .values_list("prepare_seconds", "prepared_languages")[:RECENT]
    )
    costs = [seconds / languages for seconds, languages in recent]
    return statistics.median(costs) if costs else DEFAULT_SECONDS_PER_LANGUAGE


def languages_of(release):
    """How many pages the release makes live: one, or the source and every language."""
    if release.language_code:
        return 1
    key = Page.objects.filter(pk=release.statement_id).values("translation_key")
    return Page.objects.filter(translation_key__in=key).count() or 1


def prepare_window(release, cost=None):
    """How long before its instant ``release`` starts preparing, as a timedelta."""
    least, most = prepare_bounds()
    cost = seconds_per_language() if cost is None else cost
    expected = cost * languages_of(release) * settings.COMMUNIQUE_RELEASE_PREPARE_FACTOR
    return datetime.timedelta(seconds=min(most, max(least, expected)))


def due_release_ids(now=None):
    """Releases due now, or close enough to their instant to start preparing."""
    now = now or db_now()
    _least, most = prepare_bounds()
    candidates = (
        Release.objects.scheduled()
        .filter(release_at__lte=now + datetime.timedelta(seconds=most))
        .order_by("release_at")
    )
    cost = None
    due = []
    for release in candidates:
        if cost is None:
            cost = seconds_per_language()
        if release.release_at - now <= prepare_window(release, cost):
            due.append(release.pk)
    return due
