"""Embargo checks for files: a document or image that an unreleased statement uses is
served only to the people with a role in that statement.

Statement text reaches the public only through live pages (see statements.channels).
Files are served from their own URLs, whatever page uses them, so they are checked
here: a file that some unreleased statement uses (in its latest draft) and that no
live page uses yet is under embargo. It is served to anyone once a statement using it
is released, and before that only to users with a role in one of the statements that
use it (``statements.permissions.has_role_in``): an administrator, its drafters, the
approvers of its signatories, its translators.
"""

import json

from django.db.models import Q

from statements.models import StatementPage
from statements.permissions import has_role_in

# The body blocks that hold a file, and the key of the file's id in each.
FILE_BLOCKS = {"document": ("document", "document"), "image": ("image", "image")}


def _files_in(body_json, kind):
    block_type, key = FILE_BLOCKS[kind]
    found = set()

    def walk(value):
        if isinstance(value, dict):
            if value.get("type") == block_type and isinstance(value.get("value"), dict):
                found.add(value["value"].get(key))
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(json.loads(body_json) if isinstance(body_json, str) else body_json)
    return found


def statements_embargoing(file, kind):
    """The unreleased statements that use ``file`` (a document or an image), or none
    once a live page uses it: then it is public."""
    for body in StatementPage.objects.filter(live=True).values_list("body", flat=True):
        raw = body.raw_data if hasattr(body, "raw_data") else body
        if file.pk in _files_in(list(raw), kind):
            return []
    return [
        statement
        for statement in StatementPage.objects.filter(
            Q(live=False) | Q(has_unpublished_changes=True)
        ).select_related("latest_revision")
        if statement.latest_revision
        and file.pk in _files_in(statement.latest_revision.content.get("body", "[]"), kind)
    ]


def may_see_file(user, file, kind):
    """True unless ``file`` is under embargo and ``user`` has a role in none of the
    statements that use it."""
    statements = statements_embargoing(file, kind)
    return not statements or any(has_role_in(user, statement) for statement in statements)


def document_is_embargoed(document):
    return bool(statements_embargoing(document, "document"))
