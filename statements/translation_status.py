"""Where every language of every statement in progress stands, in a fixed number of queries.

Rows are unreleased source statements, columns their languages. A cell is one of:
not required, dropped, not started, in progress (with a percentage), translated,
approved, or out of date (the source changed since the translations were built).
"""

import datetime
from collections import defaultdict

from django.conf import settings
from django.db.models import Exists, F, OuterRef
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from .models import (
    Approval,
    Government,
    LanguageDrop,
    RevisionFingerprint,
    SourceSync,
    StatementPage,
)
from .models.languages import translator_languages  # noqa: F401 - re-exported for views

TRANSLATION_LEAD_TIME = datetime.timedelta(hours=24)


def statements_in_progress():
    is_translation = Translation.objects.filter(
        source__object_id=OuterRef("translation_key"), target_locale_id=OuterRef("locale_id")
    )
    return (
        StatementPage.objects.filter(live=False)
        .annotate(is_translation=Exists(is_translation))
        .filter(is_translation=False)
        .select_related("locale", "latest_revision")
    )


def limit_to_agency(user, statements):
    """An agency account sees only the statements currently assigned to it."""
    from django.utils import timezone

    from .models import AgencyAssignment

    assignments = AgencyAssignment.objects.filter(user=user)
    if not assignments.exists():
        return statements
    keys = assignments.filter(until__gte=timezone.localdate()).values("statement__translation_key")
    return statements.filter(translation_key__in=keys)


def _words(text):
    return len(text.split())


def build_matrix(statements):
    statements = list(statements)
    if not statements:
        return {"rows": [], "languages": []}
    revision_ids = [s.latest_revision_id for s in statements if s.latest_revision_id]
    fingerprints = {
        fp.revision_id: fp
        for fp in RevisionFingerprint.objects.filter(revision_id__in=revision_ids)
    }
    keys = set()
    for record in fingerprints.values():
        keys.update(record.words.get("signatories", []))
    languages_by_key = {
        str(g.translation_key): g.languages
        for g in Government.objects.filter(
            translation_key__in=keys, locale__language_code=settings.LANGUAGE_CODE
        )
    }
    page_ids = [s.pk for s in statements]
    drops = defaultdict(dict)
    for drop in LanguageDrop.objects.filter(page_id__in=page_ids):
        drops[drop.page_id][drop.language_code] = drop
    syncs = {sync.page_id: sync for sync in SourceSync.objects.filter(page_id__in=page_ids)}
    sources = {
        (source.object_id, source.locale_id): source
        for source in TranslationSource.objects.filter(
            object_id__in=[s.translation_key for s in statements]
        )
    }
    source_ids = [source.pk for source in sources.values()]
    translations = defaultdict(dict)
    for translation in Translation.objects.filter(source_id__in=source_ids).select_related(
        "target_locale"
    ):
        translations[translation.source_id][translation.target_locale.language_code] = translation
    # Every segment with its words, and which (segment, language) pairs are translated.
    segments_by_source = defaultdict(list)
    for segment_id, source_id, data in StringSegment.objects.filter(
        source_id__in=source_ids
    ).values_list("id", "source_id", "string__data"):
        segments_by_source[source_id].append((segment_id, _words(data)))
    translated_pairs = set(
        StringTranslation.objects.filter(
            has_error=False,
            translation_of__segments__source_id__in=source_ids,
            context_id=F("translation_of__segments__context_id"),
        ).values_list("translation_of__segments__id", "locale__language_code")
    )
    targets = {
        (page.translation_key, page.locale.language_code): page
        for page in Page.objects.filter(
            translation_key__in=[s.translation_key for s in statements]
        ).select_related("locale")
    }
    approved = defaultdict(set)
    for page_id, key, language in Approval.objects.filter(
        subject=Approval.Subject.TRANSLATION,
        state=Approval.State.VALID,
        page_id__in=[p.pk for p in targets.values()],
    ).values_list("page_id", "government_key", "language_code"):
        approved[(page_id, language)].add(str(key))

    configured = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    rows = []
    used_languages = set()
    for statement in sorted(
        statements, key=lambda s: (s.release_at is None, s.release_at or 0, s.pk)
    ):
        record = fingerprints.get(statement.latest_revision_id)
        signatory_keys = record.words.get("signatories", []) if record else []
        wanted = set()
        governments_by_language = defaultdict(set)
        for key in signatory_keys:
            for code in languages_by_key.get(key, []):
                wanted.add(code)
                governments_by_language[code].add(key)
        source_code = statement.locale.language_code
        source = sources.get((statement.translation_key, statement.locale_id))
        sync = syncs.get(statement.pk)
        out_of_date = bool(
            record
            and sync
            and record.translatable_hash
            and record.translatable_hash != sync.translatable_hash
        )
        due = statement.release_at - TRANSLATION_LEAD_TIME if statement.release_at else None
        cells = {}
        for code in configured:
            if code == source_code:
                cells[code] = {"state": "source"}
                continue
            if code not in wanted:
                cells[code] = {"state": "not_required"}
                continue
            used_languages.add(code)
            if code in drops[statement.pk]:
                cells[code] = {"state": "dropped", "drop": drops[statement.pk][code]}
                continue
            translation = translations[source.pk].get(code) if source else None
            target = targets.get((statement.translation_key, code))
            mine = segments_by_source[source.pk] if source else []
            total = len(mine)
            done = [seg for seg in mine if (seg[0], code) in translated_pairs]
            remaining_words = sum(
                words for seg_id, words in mine if (seg_id, code) not in translated_pairs
            )
            percent = int(round(100 * len(done) / total)) if total else 0
            if translation is None or not done:
                state = "not_started"
            elif out_of_date:
                state = "out_of_date"
            elif len(done) < total:
                state = "in_progress"
            elif target and governments_by_language[code] <= approved[(target.pk, code)]:
                state = "approved"
            else:
                state = "translated"
            cells[code] = {
                "state": state,
                "percent": percent,
                "translated": len(done),
                "total": total,
                "words_to_translate": remaining_words,
                "target": target,
                "translation": translation,
                "due": due,
            }
        rows.append({"statement": statement, "cells": cells, "out_of_date": out_of_date})
    return {"rows": rows, "languages": [c for c in configured if c in used_languages]}
