"""Each revision turned into a page object once, while a preparation runs.

Preparing a release reads every language's latest revision three times over (the
go/no-go check of its approvals, the text it stages, the signatories its snapshot
names), and ``Revision.as_object()`` rebuilds the page and all its child rows from
JSON each time: a tenth of a second per language. Inside ``remembering_revisions()``
the first object built for a revision is handed to every later reader.
"""

import contextlib
import contextvars

_objects = contextvars.ContextVar("communique_revision_objects", default=None)


@contextlib.contextmanager
def remembering_revisions():
    token = _objects.set({})
    try:
        yield
    finally:
        _objects.reset(token)


def remembering():
    return _objects.get() is not None


def revision_object(revision):
    """``revision.as_object()``, built once per revision inside ``remembering_revisions``."""
    remembered = _objects.get()
    if remembered is None:
        return revision.as_object()
    if revision.pk not in remembered:
        remembered[revision.pk] = revision.as_object()
    return remembered[revision.pk]
