"""Where wagtail-localize works against the product's rules, and how we close the gap.

Delete a function here when wagtail-localize does the right thing itself.

- wagtail-localize extracts a page's source text from the page row, which for an
  unreleased statement is stale: the words are in the latest revision. We extract
  from the latest saved revision.
- ``Translation.save_target()`` publishes by default, and wagtail-localize publishes
  translations in ``on_commit`` callbacks. Statements are published only by the
  release, so every call here saves a draft.
- Its translation editor offers "Convert to alias page", "Upload PO file" and "Stop
  Synced translation" to everyone; for a statement the gates below refuse them (403)
  to most people or all. The editor hides the buttons its user would be refused
  (``editor_without_refused_buttons``).
"""

import hashlib
import json

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import JsonResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail_localize.locales.components import LOCALE_COMPONENTS
from wagtail_localize.models import LocaleSynchronization, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.views import convert, edit_translation, report, update_translations
from wagtail_localize.views.edit_translation import edit_translation as translation_editor

from .models import SourceSync, StatementPage
from .permissions import may_edit_statement, statements_hidden_from
from .validators import control_character_in


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
    """Refresh the statement's TranslationSource from its latest saved revision, and
    record how many segments changed, were added and were removed since the last time."""
    revision = revision or statement.get_latest_revision()
    draft = revision.as_object()
    source, _created = TranslationSource.update_or_create_from_instance(draft)
    previous = SourceSync.objects.filter(page_id=statement.pk).select_related("revision").first()
    counts = {"changed": 0, "added": 0, "removed": 0}
    if previous is not None and previous.revision_id != revision.pk:
        counts = count_changes(_changes_between(previous.revision, revision))
    SourceSync.objects.update_or_create(
        page_id=statement.pk,
        defaults={
            "revision": revision,
            "translatable_hash": translatable_hash(draft),
            "synced_at": timezone.now(),
            **counts,
        },
    )
    return source


def ensure_parent_pages(page, locale):
    """The page's ancestors in ``locale`` as pages of their own, never aliases.

    wagtail-localize copies the untranslated parents of a page it translates as
    aliases of the source: live at once, the source language's words served under the
    new language's address and ``lang`` (WCAG 3.1.1). Each missing parent becomes a
    draft translation instead, listed for translators like any other, and public only
    once someone translates and publishes it; until then the release holds the
    language back (queries.release).
    """
    missing = []
    parent = page.get_parent()
    while parent is not None and parent.depth > 1:
        if parent.get_translation_or_none(locale) is not None:
            break
        missing.append(parent.specific)
        parent = parent.get_parent()
    for ancestor in reversed(missing):
        ancestor.copy_for_translation(locale, copy_parents=False, alias=False)
        source, _created = TranslationSource.get_or_create_from_instance(ancestor)
        ensure_translation(source, locale)


def drop_locale_synchronisation():
    """Take "Synchronise content from another locale" off the admin's locale form: it
    fills a language with alias copies of another language's pages (see above)."""
    LOCALE_COMPONENTS[:] = [c for c in LOCALE_COMPONENTS if c["model"] is not LocaleSynchronization]


def save_translation_draft(translation, user=None):
    """Write the translation into its target page as a draft revision; never publish.

    ``save_target(publish=False)`` still saves the new text onto the page row, and a
    live page's row is what the public sees. So for a live page the released text is
    put back on the row afterwards: the new text stays in the draft revision only.
    """
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist:
        target = None
        source = translation.source.get_source_instance()
        if isinstance(source, Page):
            ensure_parent_pages(source, translation.target_locale)
    live_revision = target.live_revision if target is not None and target.live else None
    last_published_at = target.last_published_at if live_revision is not None else None
    translation.save_target(user=user, publish=False)
    if live_revision is not None:
        released = live_revision.as_object()
        # The revision's content holds the page as it was before that revision was
        # published: without these the row would lose its live revision, and the next
        # draft would no longer know which text is released.
        released.live_revision_id = live_revision.pk
        released.last_published_at = last_published_at
        released.save(clean=False, update_fields=None)


def ensure_translation(source, locale):
    translation, created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    return translation, created


# --- gates in front of wagtail-localize's own views ------------------------------------
#
# wagtail-localize lets anyone who can edit a translated page stop its synchronisation
# or convert it to an alias, and its "update translations" and PO upload can publish
# or accept unvalidated files. For statements these belong to the statement's own
# editors, through Communiqué's screens; config/urls.py puts these gates first.


def _statement_of_translation(translation_id):
    translation = Translation.objects.select_related("source").filter(pk=translation_id).first()
    if translation is None:
        return None
    return StatementPage.objects.filter(
        translation_key=translation.source.object_id, locale_id=translation.source.locale_id
    ).first()


def _refuse_unless(check):
    def decorator(view):
        def gated(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not request.user.has_perm("wagtailadmin.access_admin") or not check(
                request.user, **kwargs
            ):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return gated

    return decorator


def _own_editor_of_unreleased_page(user, page_id, **kwargs):
    """An alias shows its source's words at the translation's address: for a live page
    that would put other words in public without a release."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return False
    if isinstance(page.specific, StatementPage) and page.live:
        return False
    return may_edit_statement(user, page.specific)


def _own_editor_of_source(user, translation_id, **kwargs):
    statement = _statement_of_translation(translation_id)
    if statement is None:
        return True  # not a statement: wagtail-localize's own checks apply
    return may_edit_statement(user, statement)


def _not_a_statement_source(user, translation_source_id, **kwargs):
    source = TranslationSource.objects.filter(pk=translation_source_id).first()
    if source is None:
        return True
    return not StatementPage.objects.filter(
        translation_key=source.object_id, locale_id=source.locale_id
    ).exists()


def _not_a_statement_translation(user, translation_id, **kwargs):
    return _statement_of_translation(translation_id) is None


def _refuse_control_characters(view):
    """The translation editor saves each segment as typed: a control character would
    be stored and break the next XML export, as in an imported file."""

    def gated(request, *args, **kwargs):
        if request.method == "PUT" and request.user.is_authenticated:
            request.body  # noqa: B018 - kept, so the view behind can parse it again
            method, request.method = request.method, "POST"
            try:
                value = request.POST.get("value", "")
            finally:
                request.method = method
            character = control_character_in(value)
            if character:
                message = _(
                    "The translation holds a control character (%(character)s), which "
                    "is not text. Remove it and save again."
                ) % {"character": character}
                return JsonResponse({"value": [message]}, status=400)
        return view(request, *args, **kwargs)

    return gated


class TranslationsReportView(report.TranslationsReportView):
    """wagtail-localize's report lists every translation, whoever asks: it leaves out
    statements under embargo that the user has no role in."""

    def get_queryset(self):
        hidden = statements_hidden_from(self.request.user).values("translation_key")
        return super().get_queryset().exclude(source__object_id__in=hidden)


def gated_urls():
    return [
        path("admin/localize/reports/translations/", TranslationsReportView.as_view()),
        path(
            "admin/localize/reports/translations/results/",
            TranslationsReportView.as_view(results_only=True),
        ),
        path(
            "admin/localize/translate/<int:translation_id>/strings/<int:string_segment_id>/edit/",
            _refuse_control_characters(edit_translation.edit_string_translation),
        ),
        path(
            "admin/localize/page/<int:page_id>/convert_to_alias/",
            _refuse_unless(_own_editor_of_unreleased_page)(convert.convert_to_alias),
        ),
        path(
            "admin/localize/translate/<int:translation_id>/disable/",
            _refuse_unless(_own_editor_of_source)(edit_translation.stop_translation),
        ),
        path(
            "admin/localize/update/<int:translation_source_id>/",
            _refuse_unless(_not_a_statement_source)(
                update_translations.UpdateTranslationsView.as_view()
            ),
        ),
        path(
            "admin/localize/translate/<int:translation_id>/pofile/upload/",
            _refuse_unless(_not_a_statement_translation)(edit_translation.upload_pofile),
        ),
    ]


def _strings_by_path(instance):
    return {
        segment.path: segment.string.data
        for segment in extract_segments(instance)
        if isinstance(segment, StringSegmentValue)
    }


def source_changes(statement):
    """Segments whose source text changed since the translations were last built:
    (path, old text, new text), old or new empty where a segment was added or removed."""
    sync = SourceSync.objects.filter(page_id=statement.pk).select_related("revision").first()
    latest = statement.get_latest_revision()
    if sync is None or latest is None or sync.revision_id == latest.pk:
        return []
    return _changes_between(sync.revision, latest)


def _changes_between(old_revision, new_revision):
    old = _strings_by_path(old_revision.as_object())
    new = _strings_by_path(new_revision.as_object())
    changes = []
    for key in list(old) + [p for p in new if p not in old]:
        if old.get(key) != new.get(key):
            changes.append((key, old.get(key, ""), new.get(key, "")))
    return changes


def count_changes(changes):
    """{"changed", "added", "removed"}: how many of ``source_changes``'s segments are which."""
    added = sum(1 for _path, old, _new in changes if not old)
    removed = sum(1 for _path, old, new in changes if old and not new)
    return {"changed": len(changes) - added - removed, "added": added, "removed": removed}


# What the React editor renders for each refused button, found by the URL it uses.
_BUTTON_SELECTORS = {
    "convert_to_alias": '.js-translation-editor a[href*="/convert_to_alias/"]',
    "upload_pofile": '.js-translation-editor .w-tabs__panel:has(form[action*="/pofile/upload/"])',
    "stop_translation": '.js-translation-editor button[data-w-action-url-value*="/disable/"]',
}


def refused_editor_buttons(user, page, translation):
    """The buttons of wagtail-localize's editor that the gates above would refuse
    ``user`` on this translated statement page."""
    refused = []
    if not _own_editor_of_unreleased_page(user, page.pk):
        refused.append("convert_to_alias")
    if not _not_a_statement_translation(user, translation.pk):
        refused.append("upload_pofile")
    if not _own_editor_of_source(user, translation.pk):
        refused.append("stop_translation")
    return refused


def editor_without_refused_buttons(request, page):
    """wagtail-localize's editor of a translated statement, without the buttons that
    would only answer 403. None for anything else (wagtail-localize's hook answers)."""
    if request.method != "GET" or page.alias_of_id or not isinstance(page.specific, StatementPage):
        return None  # wagtail-localize's hook: its alias screen, its POST verbs
    translation = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()
    if translation is None:
        return None
    response = translation_editor(request, translation, page)
    refused = refused_editor_buttons(request.user, page, translation)
    if refused and response.status_code == 200 and b"</head>" in response.content:
        # Constant selectors, not escaped: entities are not decoded inside <style>.
        rules = "\n".join(
            f"{_BUTTON_SELECTORS[b]} {{ display: none !important; }}" for b in refused
        )
        style = f'<style data-refused="{" ".join(refused)}">{rules}</style>'
        response.content = response.content.replace(b"</head>", style.encode() + b"</head>", 1)
    return response
