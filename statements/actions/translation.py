"""Translation: the languages a statement needs, brought in, updated, dropped and approved."""

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation

from .. import audit, exchange
from ..fingerprint import fingerprint_of, readable_text, translation_words
from ..models import Approval, AuditEntry, LanguageDrop, SourceSync, TranslationNotice
from ..permissions import is_approver_of, may_edit_statement
from ..queries.signoff import identity_of
from ..queries.translation import language_reviewers, source_out_of_date, source_statement_of
from ..wagtail_localize_compat import (
    ensure_translation,
    save_translation_draft,
    source_for,
    sync_source_from_latest_draft,
)
from .base import ActionRefused, lock_statement, void_stale


class UpdateTranslationsPermissionError(ActionRefused):
    """Only the statement's own editors bring a changed source into its translations."""


class DropLanguagePermissionError(ActionRefused):
    """Only the statement's own editors leave a language out of its release."""


class ApproveTranslationPermissionError(ActionRefused):
    """The user does not act for the government that reviews this language."""


class StartTranslationsPermissionError(ActionRefused):
    """Only the statement's own editors bring a language into it."""


class ImportTranslationFilePermissionError(ActionRefused):
    """The user may not edit this translation."""


def _target_exists(translation):
    try:
        translation.get_target_instance()
    except ObjectDoesNotExist:
        return False
    return True


def _note_once(page, code, kind):
    """One unsent notice of each kind per page and language: the digest says it once."""
    exists = TranslationNotice.objects.filter(
        page=page, language_code=code, kind=kind, sent_at=None
    ).exists()
    if not exists:
        TranslationNotice.objects.create(page=page, language_code=code, kind=kind)
    return not exists


class SetUpTranslationsAction:
    """Make sure every required language has a translation, as an unpublished draft.

    Runs when a source statement is saved, so a new statement or a new signatory
    brings its languages in. Existing translations are left alone: bringing a
    changed source into them is "Update translations".
    """

    def __init__(self, statement, user=None, revision=None):
        self.statement = statement
        self.user = user
        self.revision = revision or statement.get_latest_revision()

    @transaction.atomic
    def execute(self):
        codes = self.statement.required_languages(self.revision.as_object())
        if not codes:
            return []
        source = source_for(self.statement) or sync_source_from_latest_draft(
            self.statement, self.revision
        )
        created = []
        for locale in Locale.objects.filter(language_code__in=codes):
            translation, is_new = ensure_translation(source, locale)
            if is_new or not _target_exists(translation):
                save_translation_draft(translation, self.user)
                created.append(locale.language_code)
                TranslationNotice.objects.create(
                    page=self.statement,
                    language_code=locale.language_code,
                    kind=TranslationNotice.Kind.REQUESTED,
                )
        return created


class StartTranslationsAction:
    """Bring chosen languages into a statement by hand, as unpublished drafts.

    What wagtail-localize's "Translate this page" does for other pages, through the
    statement's own flow: only a language the statement needs (an official language of
    a signatory, less dropped ones) is set up, as a draft that goes through translation,
    language review and the release like the others.
    """

    def __init__(self, statement, user, language_codes):
        self.statement = statement
        self.user = user
        self.language_codes = list(language_codes)

    def check(self):
        if not may_edit_statement(self.user, self.statement):
            raise StartTranslationsPermissionError(
                [_("Only the statement's editors can bring in a language.")]
            )
        if not self.language_codes:
            raise ActionRefused([_("Choose a language to translate the statement into.")])
        required = set(self.statement.required_languages())
        reasons = [
            _(
                "%(language)s is not a language of this statement: a statement is "
                "translated into the official languages of its signatories."
            )
            % {"language": code}
            for code in self.language_codes
            if code not in required
        ]
        if reasons:
            raise ActionRefused(reasons)

    @transaction.atomic
    def execute(self):
        lock_statement(self.statement)
        self.check()
        created = SetUpTranslationsAction(self.statement, self.user).execute()
        log(
            instance=self.statement,
            action="statements.start_translation",
            user=self.user,
            data={"languages": created},
        )
        return created


class NoteOutOfDateTranslationsAction:
    """When a save changes the source's translatable text, tell each language once."""

    def __init__(self, statement, record):
        self.statement = statement
        self.record = record

    def execute(self):
        sync = SourceSync.objects.filter(page_id=self.statement.pk).first()
        if sync is None or sync.translatable_hash == self.record.translatable_hash:
            return []
        source = source_for(self.statement)
        codes = (
            source.translations.filter(enabled=True).values_list(
                "target_locale__language_code", flat=True
            )
            if source
            else []
        )
        kind = TranslationNotice.Kind.OUT_OF_DATE
        return [code for code in codes if _note_once(self.statement, code, kind)]


class NoteTranslationAwaitingReviewAction:
    """A translation that is now complete awaits its governments' approval."""

    def __init__(self, page):
        self.page = page

    def execute(self):
        _source, translation = source_statement_of(self.page)
        if translation is None:
            return False
        total, done = translation.get_progress()
        if not total or done < total:
            return False
        code = self.page.locale.language_code
        _note_once(self.page, code, TranslationNotice.Kind.AWAITING_REVIEW)
        return True


class UpdateTranslationsAction:
    """Bring the source's latest saved draft into every translation, as drafts.

    What the public sees of a released translation never changes here: the new text
    goes into a draft revision of each translated page.
    """

    def __init__(self, statement, user):
        self.statement = statement
        self.user = user

    def check(self):
        if not may_edit_statement(self.user, self.statement):
            raise UpdateTranslationsPermissionError(
                [_("Only the statement's editors can update its translations.")]
            )

    @transaction.atomic
    def execute(self):
        lock_statement(self.statement)
        self.check()
        source = sync_source_from_latest_draft(self.statement)
        updated = []
        for translation in source.translations.filter(enabled=True).select_related("target_locale"):
            save_translation_draft(translation, self.user)
            updated.append(translation.target_locale.language_code)
        SetUpTranslationsAction(self.statement, self.user).execute()
        log(
            instance=self.statement,
            action="statements.update_translations",
            user=self.user,
            data={"languages": updated},
        )
        return updated


class DropLanguageAction:
    """Leave one required language out of this statement's release, with a logged reason."""

    def __init__(self, statement, user, language_code, reason=""):
        self.statement = statement
        self.user = user
        self.language_code = language_code
        self.reason = (reason or "").strip()

    def check(self):
        if not may_edit_statement(self.user, self.statement):
            raise DropLanguagePermissionError(
                [_("Only the statement's editors can drop a language.")]
            )
        reasons = []
        if self.language_code not in self.statement.required_languages():
            reasons.append(_("This language is not required for the statement."))
        if not self.reason:
            reasons.append(_("Give the reason for dropping this language."))
        if reasons:
            raise ActionRefused(reasons)

    @transaction.atomic
    def execute(self):
        lock_statement(self.statement)
        self.check()
        drop = LanguageDrop.objects.create(
            page=self.statement,
            language_code=self.language_code,
            reason=self.reason,
            user=self.user,
        )
        log(
            instance=self.statement,
            action="statements.drop_language",
            user=self.user,
            data={"language": self.language_code, "reason": self.reason},
        )
        return drop


class ApproveTranslationAction:
    """A government approves the stored text of the translation into its language."""

    def __init__(self, page, user, code, comment="", revision_id=None):
        self.page = page.specific if isinstance(page, Page) else page
        self.user = user
        self.code = (code or "").upper()
        self.comment = comment or ""
        self.revision_id = int(revision_id) if revision_id else None

    def check(self):
        government = next((g for g in language_reviewers(self.page) if g.code == self.code), None)
        if government is None:
            raise ActionRefused(
                [_("This government does not review translations into this language.")]
            )
        if not is_approver_of(self.user, government):
            raise ApproveTranslationPermissionError(
                [
                    _("Only members of %(group)s can approve for %(government)s.")
                    % {
                        "group": government.approver_group_name(),
                        "government": government.short_name,
                    }
                ]
            )
        reasons = []
        source, translation = source_statement_of(self.page)
        total, done = translation.get_progress()
        if done < total:
            reasons.append(_("The translation is not complete: every segment must be translated."))
        machine = StringTranslation.objects.filter(
            locale_id=self.page.locale_id,
            translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
            translation_of__segments__source_id=translation.source_id,
        ).exists()
        if machine:
            reasons.append(_("Machine-translated segments must be reviewed by a person first."))
        if source_out_of_date(source):
            reasons.append(_("The source changed: update the translation before approving it."))
        revision = self.page.get_latest_revision()
        if self.revision_id and revision and self.revision_id != revision.pk:
            reasons.append(_("The text changed after you opened it. Read the new version."))
        if reasons:
            raise ActionRefused(reasons)
        return government, revision

    @transaction.atomic
    def execute(self):
        lock_statement(self.page)
        government, revision = self.check()
        identity = identity_of(government)
        words = translation_words(revision.as_object())
        for old in Approval.objects.filter(
            page_id=self.page.pk,
            subject=Approval.Subject.TRANSLATION,
            government_key=government.translation_key,
            state=Approval.State.VALID,
        ):
            old.end(Approval.State.VOID, user=self.user, revision=revision, reason="superseded")
        approval = Approval.objects.create(
            page=self.page,
            subject=Approval.Subject.TRANSLATION,
            language_code=self.page.locale.language_code,
            government_key=government.translation_key,
            government_name=identity.short_name,
            user=self.user,
            revision=revision,
            fingerprint=fingerprint_of(words),
            frozen_content={**words, "text": readable_text(words)},
            comment=self.comment,
        )
        log(
            instance=self.page,
            action="statements.approve_translation",
            user=self.user,
            revision=revision,
            data={"government": identity.short_name, "language": approval.language_code},
        )
        audit.record_approval(
            AuditEntry.Action.TRANSLATION_APPROVED,
            approval,
            actor=self.user,
            government=government,
            details={"comment": self.comment},
        )
        return approval


class VoidTranslationApprovalsAction:
    """A saved change to a translation voids that translation's approvals, and only those."""

    def __init__(self, page, revision):
        self.page = page
        self.revision = revision

    @transaction.atomic
    def execute(self):
        return void_stale(
            Approval.objects.filter(page_id=self.page.pk, subject=Approval.Subject.TRANSLATION),
            self.page,
            self.revision,
            fingerprint_of(translation_words(self.revision.as_object())),
            "statements.void_translation_approval",
            lambda approval: "translation changed",
        )


class ImportTranslationFileAction:
    """Import a PO or XLIFF file into one translation: all of it, or nothing.

    A file the translator marks partial changes only the segments it holds, and the
    log says it was partial."""

    def __init__(self, translation_page, user, data, file_format, partial=False):
        self.page = translation_page
        self.user = user
        self.data = data
        self.file_format = file_format
        self.partial = partial

    def check(self):
        if not self.page.permissions_for_user(self.user).can_edit():
            raise ImportTranslationFilePermissionError([_("You cannot edit this translation.")])
        _source, translation = source_statement_of(self.page)
        if translation is None:
            raise ActionRefused([_("This page is not a translation.")])
        try:
            accepted = exchange.validate(translation, self.data, self.file_format, self.partial)
        except exchange.ImportRejected as rejected:
            raise ActionRefused(rejected.problems) from rejected
        return translation, accepted

    @transaction.atomic
    def execute(self):
        lock_statement(self.page)
        translation, accepted = self.check()
        count = exchange.apply(translation, accepted, self.user, f"file:{self.file_format}")
        save_translation_draft(translation, self.user)
        log(
            instance=self.page,
            action="statements.import_translation",
            user=self.user,
            data={"format": self.file_format, "segments": count, "partial": self.partial},
        )
        return count
