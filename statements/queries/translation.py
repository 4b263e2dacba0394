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

from ..measures import counts_characters, measure
from ..models import (
    Approval,
    Government,
    LanguageDrop,
    RevisionFingerprint,
    SourceSync,
    StatementPage,
)
from .signoff import current_fingerprint

TRANSLATION_LEAD_TIME = datetime.timedelta(hours=24)


def source_statement_of(translation_page):
    """The source statement of a translated page, and its wagtail-localize Translation."""
    translation = (
        Translation.objects.filter(
            source__object_id=translation_page.translation_key,
            target_locale_id=translation_page.locale_id,
        )
        .select_related("source")
        .first()
    )
    if translation is None:
        return None, None
    source = StatementPage.objects.filter(
        translation_key=translation.source.object_id, locale_id=translation.source.locale_id
    ).first()
    return source, translation


def statement_of(page):
    """The source statement a page belongs to: itself, or the source of a translation."""
    if not page.is_translation:
        return page
    source, _translation = source_statement_of(page)
    return source


def source_out_of_date(statement):
    """The source's latest words differ from those its translations were built from."""
    sync = SourceSync.objects.filter(page_id=statement.pk).first()
    record = current_fingerprint(statement)
    return bool(sync and record and record.translatable_hash != sync.translatable_hash)


def language_reviewers(translation_page):
    """The signatory governments that publish in this page's language."""
    source, _translation = source_statement_of(translation_page)
    if source is None:
        return []
    code = translation_page.locale.language_code
    return [g for g in source.signatory_governments() if code in (g.languages or [])]


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


class _MatrixData:
    """Everything the matrix reads, fetched once for all its statements."""

    def __init__(self, statements):
        revision_ids = [s.latest_revision_id for s in statements if s.latest_revision_id]
        self.fingerprints = {
            fp.revision_id: fp
            for fp in RevisionFingerprint.objects.filter(revision_id__in=revision_ids)
        }
        keys = set()
        for record in self.fingerprints.values():
            keys.update(record.words.get("signatories", []))
        self.languages_by_key = {
            str(g.translation_key): g.languages
            for g in Government.objects.filter(
                translation_key__in=keys, locale__language_code=settings.LANGUAGE_CODE
            )
        }
        page_ids = [s.pk for s in statements]
        self.drops = defaultdict(dict)
        for drop in LanguageDrop.objects.filter(page_id__in=page_ids):
            self.drops[drop.page_id][drop.language_code] = drop
        self.syncs = {s.page_id: s for s in SourceSync.objects.filter(page_id__in=page_ids)}
        self.sources = {
            (source.object_id, source.locale_id): source
            for source in TranslationSource.objects.filter(
                object_id__in=[s.translation_key for s in statements]
            ).select_related("locale")
        }
        source_ids = [source.pk for source in self.sources.values()]
        self.translations = defaultdict(dict)
        for translation in Translation.objects.filter(source_id__in=source_ids).select_related(
            "target_locale"
        ):
            code = translation.target_locale.language_code
            self.translations[translation.source_id][code] = translation
        # Every segment with its size, and which (segment, language) pairs are translated;
        # sizes in the source's language: characters for ja, ko and zh, else words.
        languages = {source.pk: source.locale.language_code for source in self.sources.values()}
        self.segments_by_source = defaultdict(list)
        for segment_id, source_id, data in StringSegment.objects.filter(
            source_id__in=source_ids
        ).values_list("id", "source_id", "string__data"):
            size = measure(data, languages[source_id])
            self.segments_by_source[source_id].append((segment_id, size))
        self.translated_pairs = set(
            StringTranslation.objects.filter(
                has_error=False,
                translation_of__segments__source_id__in=source_ids,
                context_id=F("translation_of__segments__context_id"),
            ).values_list("translation_of__segments__id", "locale__language_code")
        )
        self.targets = {
            (page.translation_key, page.locale.language_code): page
            for page in Page.objects.filter(
                translation_key__in=[s.translation_key for s in statements]
            ).select_related("locale")
        }
        self.approved = defaultdict(set)
        for page_id, key, language in Approval.objects.filter(
            subject=Approval.Subject.TRANSLATION,
            state=Approval.State.VALID,
            page_id__in=[p.pk for p in self.targets.values()],
        ).values_list("page_id", "government_key", "language_code"):
            self.approved[(page_id, language)].add(str(key))


def _language_cell(data, statement, code, reviewers, out_of_date):
    """Where one required language of one statement stands."""
    source = data.sources.get((statement.translation_key, statement.locale_id))
    translation = data.translations[source.pk].get(code) if source else None
    target = data.targets.get((statement.translation_key, code))
    segments = data.segments_by_source[source.pk] if source else []
    total = len(segments)
    done = [seg for seg in segments if (seg[0], code) in data.translated_pairs]
    remaining = sum(
        size for seg_id, size in segments if (seg_id, code) not in data.translated_pairs
    )
    if translation is None or not done:
        state = "not_started"
    elif out_of_date:
        state = "out_of_date"
    elif len(done) < total:
        state = "in_progress"
    elif target and reviewers <= data.approved[(target.pk, code)]:
        state = "approved"
    else:
        state = "translated"
    return {
        "state": state,
        "percent": int(round(100 * len(done) / total)) if total else 0,
        "translated": len(done),
        "total": total,
        "to_translate": remaining,
        "measured_in": "characters"
        if source and counts_characters(source.locale.language_code)
        else "words",
        "target": target,
        "translation": translation,
        "due": statement.release_at - TRANSLATION_LEAD_TIME if statement.release_at else None,
    }


def _row(data, statement, configured):
    record = data.fingerprints.get(statement.latest_revision_id)
    governments_by_language = defaultdict(set)
    for key in record.words.get("signatories", []) if record else []:
        for code in data.languages_by_key.get(key, []):
            governments_by_language[code].add(key)
    sync = data.syncs.get(statement.pk)
    out_of_date = bool(
        record
        and sync
        and record.translatable_hash
        and record.translatable_hash != sync.translatable_hash
    )
    cells = {}
    for code in configured:
        if code == statement.locale.language_code:
            cells[code] = {"state": "source"}
        elif code not in governments_by_language:
            cells[code] = {"state": "not_required"}
        elif code in data.drops[statement.pk]:
            cells[code] = {"state": "dropped", "drop": data.drops[statement.pk][code]}
        else:
            reviewers = governments_by_language[code]
            cells[code] = _language_cell(data, statement, code, reviewers, out_of_date)
    return {"statement": statement, "cells": cells, "out_of_date": out_of_date, "sync": sync}


def build_matrix(statements):
    statements = list(statements)
    if not statements:
        return {"rows": [], "languages": []}
    data = _MatrixData(statements)
    configured = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    rows = [
        _row(data, statement, configured)
        for statement in sorted(
            statements, key=lambda s: (s.release_at is None, s.release_at or 0, s.pk)
        )
    ]
    used = {code for row in rows for code, cell in row["cells"].items() if _is_used(cell)}
    return {"rows": rows, "languages": [c for c in configured if c in used]}


def _is_used(cell):
    return cell["state"] not in ("source", "not_required")
