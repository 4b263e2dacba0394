"""Embargo checks for files: a document attached to an unreleased statement is private.

Statement text reaches the public only through live pages (see statements.channels).
Documents are served by Wagtail from their own URL, whatever page uses them, so they
are checked here: a document that some unreleased statement uses (in its latest
draft) and that no live page uses yet is not served.
"""

import json

from statements.models import StatementPage


def _documents_in(body_json):
    found = set()

    def walk(value):
        if isinstance(value, dict):
            if value.get("type") == "document" and isinstance(value.get("value"), dict):
                found.add(value["value"].get("document"))
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(json.loads(body_json) if isinstance(body_json, str) else body_json)
    return found


def document_is_embargoed(document):
    live_bodies = StatementPage.objects.filter(live=True).values_list("body", flat=True)
    for body in live_bodies:
        raw = body.raw_data if hasattr(body, "raw_data") else body
        if document.pk in _documents_in(list(raw)):
            return False
    for statement in StatementPage.objects.filter(live=False).select_related("latest_revision"):
        revision = statement.latest_revision
        if revision and document.pk in _documents_in(revision.content.get("body", "[]")):
            return True
    return False
