"""A changed source brought into every translation by itself, after the save's commit.

A save of a source statement whose translatable text differs from what its
translations were built from queues ``SyncTranslationsAction`` (a Celery task) once
the save has committed: the save neither waits for it nor fails with it. The task
reads everything again, so a save undone by the next one before it ran syncs nothing,
and running it twice changes nothing the first run did not. A sync that never ran (the
broker away at the commit, a worker gone in the middle) is done by the sweep,
``sync_stale_translations``, from Celery beat.

What it does is "Update translations" (``UpdateTranslationsAction``) without a
person: the source's latest saved revision becomes the translations' source, and each
enabled translation is written into its page as a draft. Segments whose source
string is unchanged keep their translation (wagtail-localize finds it by the string);
changed and added ones await translation. A released translation's public row never
changes (``save_translation_draft``). Each translator of each language is then told,
by reference, how many segments changed (``notifications.translations_synced``).
"""

import logging

from celery import current_app
from django.db import transaction
from django.db.models import Exists, OuterRef
from wagtail.log_actions import log

from .. import notifications
from ..models import (
    LanguageDrop,
    RevisionFingerprint,
    SourceSync,
    StatementPage,
    TranslationNotice,
)
from ..wagtail_localize_compat import (
    count_changes,
    save_translation_draft,
    source_changes,
    source_for,
    sync_source_from_latest_draft,
    translatable_hash,
)
from .base import lock_statement

logger = logging.getLogger("communique.translation")

TASK = "statements.tasks.sync_translations_task"
# One sweep syncs at most this many statements; the next takes the rest.
SWEEP_LIMIT = 50


class QueueTranslationSyncAction:
    """In a source's revision flow: after the commit, sync the translations if this
    revision changed the translatable text they were built from."""

    def __init__(self, statement, record):
        self.statement = statement
        self.record = record

    def execute(self):
        sync = SourceSync.objects.filter(page_id=self.statement.pk).first()
        if sync is None or sync.translatable_hash == self.record.translatable_hash:
            return False
        page_id = self.statement.pk

        def queue():
            # The save has committed and must neither wait nor fail now: a broker that
            # is away is not retried but logged; the out-of-date notice stands, and
            # "Update translations" remains.
            try:
                current_app.tasks[TASK].apply_async((page_id,), retry=False)
            except Exception:
                logger.exception("could not sync the translations of statement %s", page_id)

        transaction.on_commit(queue, robust=True)
        return True


class SyncTranslationsAction:
    """Bring the source's latest saved revision into every enabled translation."""

    def __init__(self, page_id):
        self.page_id = page_id

    @transaction.atomic
    def execute(self):
        statement = StatementPage.objects.filter(pk=self.page_id).first()
        if statement is None or statement.is_translation:
            return []
        lock_statement(statement)
        latest = statement.get_latest_revision()
        sync = SourceSync.objects.filter(page_id=statement.pk).first()
        if latest is None or sync is None or source_for(statement) is None:
            return []
        if translatable_hash(latest.as_object()) == sync.translatable_hash:
            return []  # nothing translatable changed, or another run synced it already
        counts = count_changes(source_changes(statement))
        # The refreshed source: its translations read their source's content from it.
        source = sync_source_from_latest_draft(statement, latest)
        dropped = set(
            LanguageDrop.objects.filter(page_id=statement.pk).values_list(
                "language_code", flat=True
            )
        )
        updated = {}
        for translation in source.translations.filter(enabled=True).select_related("target_locale"):
            save_translation_draft(translation, latest.user)
            code = translation.target_locale.language_code
            if code not in dropped:
                updated[code] = translation.get_target_instance()
        # The e-mail below says it, with the counts: no digest says "out of date" again.
        TranslationNotice.objects.filter(
            page=statement, kind=TranslationNotice.Kind.OUT_OF_DATE, sent_at=None
        ).delete()
        log(
            instance=statement,
            action="statements.sync_translations",
            user=latest.user,
            data={"languages": sorted(updated), **counts},
        )
        notifications.translations_synced(statement, updated, counts)
        return sorted(updated)


def sync_stale_translations(limit=SWEEP_LIMIT):
    """The sweep: sync each statement whose latest saved revision has other translatable
    text than its translations were built from. Returns the statements it synced."""
    newer = (
        RevisionFingerprint.objects.filter(revision_id=OuterRef("page__latest_revision_id"))
        .exclude(translatable_hash="")
        .exclude(translatable_hash=OuterRef("translatable_hash"))
    )
    stale = SourceSync.objects.filter(Exists(newer)).order_by("synced_at")
    page_ids = list(stale.values_list("page_id", flat=True)[:limit])
    return [page_id for page_id in page_ids if SyncTranslationsAction(page_id).execute()]
