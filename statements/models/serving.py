"""A statement as a request serves it, read with one raw query.

Every statement URL is routed through its newsroom, which reads the statement row, its
language and the snapshot of its live revision's release record. Written with the ORM
(a page and its own table, the locale joined, the snapshot a subquery) the query took
Django about as long to write as the database took to answer it, three times over: on
every request, the largest cost a statement page had beyond Wagtail's own floor
(``make bench``: ``render_ratio``). The SQL here is written once, by hand.
"""

import json

from wagtail.models import Locale

# Wagtail's page table, the statement's own, its language and its release record.
SERVING_SQL = """
SELECT p.*, s.*, l.language_code AS served_language_code,
       (SELECT r.snapshot FROM statements_releasedpage r
        WHERE r.page_id = p.id AND r.revision_id = p.live_revision_id
        ORDER BY r.id LIMIT 1) AS served_snapshot
FROM wagtailcore_page p
JOIN statements_statementpage s ON s.page_ptr_id = p.id
JOIN wagtailcore_locale l ON l.id = p.locale_id
WHERE p.depth = %s AND SUBSTR(p.path, 1, %s) = %s AND p.slug = %s
ORDER BY p.id
LIMIT 1
"""


def serving_child(model, parent, slug):
    """The child of ``parent`` with ``slug`` as a statement page (``model``), with its
    locale and ``served_snapshot`` (the release record's snapshot of its live revision,
    or None); None when there is none, as ``child_of(parent).filter(slug=slug)``."""
    params = [parent.depth + 1, len(parent.path), parent.path, slug]
    found = list(model.objects.raw(SERVING_SQL, params))
    if not found:
        return None
    child = found[0]
    child.locale = Locale(id=child.locale_id, language_code=child.served_language_code)
    snapshot = child.__dict__.get("served_snapshot")
    if isinstance(snapshot, (str, bytes)):  # a JSON column is text to a raw cursor
        child.served_snapshot = json.loads(snapshot)
    del child.served_language_code
    return child
