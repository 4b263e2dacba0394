"""Where wagtail-localize works against the product's rules, and how we close the gap.

Delete a function here when wagtail-localize does the right thing itself.

- wagtail-localize extracts a page's source text from the page row, which for an
  unreleased statement is stale: the words are in the latest revision. We extract
  from the latest saved revision.
- ``Translation.save_target()`` publishes by default, and wagtail-localize publishes
  translations in ``on_commit`` callbacks. Statements are published only by the
  release, so every call here saves a draft.
"""

import hashlib
import json

from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments


def translatable_hash(instance):
    """A hash of the text wagtail-localize would send for translation."""
    strings = sorted(
        (segment.path, segment.string.data)
        for segment in extract_segments(instance)
        if isinstance(segment, StringSegmentValue)
    )
    return hashlib.sha256(json.dumps(strings, ensure_ascii=False).encode()).hexdigest()


def source_for(statement):
    return TranslationSource.objects.filter(
        object_id=statement.translation_key, locale_id=statement.locale_id
    ).first()


def sync_source_from_latest_draft(statement, revision=None):
    """Refresh the statement's TranslationSource from its latest saved revision."""
    from .models import SourceSync

    revision = revision or statement.get_latest_revision()
    draft = revision.as_object()
    source, _created = TranslationSource.update_or_create_from_instance(draft)
    SourceSync.objects.update_or_create(
        page_id=statement.pk,
        defaults={"revision": revision, "translatable_hash": translatable_hash(draft)},
    )
    return source


def save_translation_draft(translation, user=None):
    """Write the translation into its target page as a draft revision; never publish."""
    translation.save_target(user=user, publish=False)


def ensure_translation(source, locale):
    translation, created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    return translation, created
