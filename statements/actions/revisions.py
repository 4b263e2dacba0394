"""What a saved revision of a statement or of one of its translations sets off, in order.

One named flow, called from one thin ``post_save(Revision)`` handler:

- a source statement: record the fingerprint of its words; hold a scheduled release;
  void the sign-offs given on other words; note which translations are now out of
  date, and queue their sync for after the commit (``translation_sync``); set up the
  translations a new statement or a new signatory needs;
- a translation: hold a scheduled release; void the approvals given on its other
  text; note that it awaits review once complete.

Both hold a scheduled release before voiding anything: the release row is locked
before the audit log's lock (``statements.audit``), in the order the release's flip
takes them, so an edit at the instant and the flip wait for each other, never deadlock.

Setting up translations saves revisions of the translated pages, whose own handler
would run the flow again inside this one. It does not: while a flow runs, the
revisions it causes are queued and handled by the same flow after its own steps.
"""

import contextvars

from django.db import transaction

from ..models import StatementPage
from ..queries.signoff import fingerprint_record
from .scheduling import HoldReleaseAfterEditAction
from .signoff import VoidSignOffsAction
from .translation import (
    NoteOutOfDateTranslationsAction,
    NoteTranslationAwaitingReviewAction,
    SetUpTranslationsAction,
    VoidTranslationApprovalsAction,
)
from .translation_sync import QueueTranslationSyncAction

# The revisions saved while a flow runs in this context, waiting for that flow.
_queued = contextvars.ContextVar("communique_revision_flow", default=None)


def record_fingerprint(revision):
    """Store the fingerprint of a revision's words once, with the revision that
    introduced them."""
    record = fingerprint_record(revision)
    if record.pk is None:
        record.save()
    return record


class ProcessSavedRevisionAction:
    def __init__(self, revision):
        self.revision = revision

    def execute(self):
        queued = _queued.get()
        if queued is not None:
            queued.append(self.revision)
            return
        queued = []
        token = _queued.set(queued)
        try:
            with transaction.atomic():
                self._process(self.revision)
                while queued:
                    self._process(queued.pop(0))
        finally:
            _queued.reset(token)

    def _process(self, revision):
        if revision.content_type.model_class() is not StatementPage:
            return
        page = StatementPage.objects.filter(pk=revision.object_id).first()
        if page is None:
            return
        if page.is_translation:
            self._translation_saved(page, revision)
        else:
            self._source_saved(page, revision)

    @staticmethod
    def _source_saved(statement, revision):
        record = record_fingerprint(revision)
        HoldReleaseAfterEditAction(statement, revision).execute()
        VoidSignOffsAction(statement, revision, record).execute()
        NoteOutOfDateTranslationsAction(statement, record).execute()
        QueueTranslationSyncAction(statement, record).execute()
        SetUpTranslationsAction(statement, revision.user, revision=revision).execute()

    @staticmethod
    def _translation_saved(page, revision):
        # The hold first, as for a source: it locks the release row before a void takes
        # the audit log's lock, the order the release's flip takes them in (no deadlock).
        HoldReleaseAfterEditAction(page, revision).execute()
        VoidTranslationApprovalsAction(page, revision).execute()
        NoteTranslationAwaitingReviewAction(page).execute()
