"""One class per verb. Admin views, workflow tasks, commands and Celery tasks call these.

``check()`` gathers every reason the verb cannot happen; ``execute()`` runs it in one
transaction, locking the statement's row so that two people acting at the same
moment are serialised, and queues side effects (e-mail) for after the commit.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Page, TaskState

from . import notifications
from .fingerprint import common_words, fingerprint_of, frozen_copy
from .models import (
    Approval,
    ChangeRequest,
    Government,
    GovernmentSignOffTask,
    LanguageDrop,
    RevisionFingerprint,
    StatementPage,
    TranslationNotice,
)
from .wagtail_localize_compat import (
    ensure_translation,
    save_translation_draft,
    source_for,
    sync_source_from_latest_draft,
    translatable_hash,
)


class ActionRefused(PermissionDenied):
    """Raised with every reason an action was refused, for the person to read."""

    def __init__(self, reasons):
        self.reasons = list(reasons)
        super().__init__("; ".join(str(r) for r in self.reasons))


def record_fingerprint(revision):
    """Fingerprint a statement revision once, noting which revision introduced the words."""
    existing = RevisionFingerprint.objects.filter(revision=revision).first()
    if existing:
        return existing
    statement = revision.as_object()
    words = common_words(statement)
    fingerprint = fingerprint_of(words)
    previous = (
        RevisionFingerprint.objects.filter(page_id=revision.object_id, revision__pk__lt=revision.pk)
        .order_by("-revision__pk")
        .first()
    )
    introduced_by = (
        previous.introduced_by_revision
        if previous is not None and previous.fingerprint == fingerprint
        else revision
    )
    return RevisionFingerprint.objects.create(
        revision=revision,
        page_id=int(revision.object_id),
        fingerprint=fingerprint,
        introduced_by_revision=introduced_by,
        words=words,
        translatable_hash=translatable_hash(statement),
    )


def current_fingerprint(statement):
    revision = statement.get_latest_revision()
    if revision is None:
        return None
    return record_fingerprint(revision)


def signatory_governments(statement):
    """The signatories of the latest saved words, in display order."""
    latest = statement.get_latest_revision_as_object()
    # Display order; rows made in code may lack one, then creation order decides.
    signatories = sorted(
        latest.signatories.all(),
        key=lambda s: (s.sort_order is None, s.sort_order or 0, s.pk or 0),
    )
    return [s.government for s in signatories if s.government_id]


def signoff_task_state(statement, lock=False):
    states = TaskState.objects.filter(
        workflow_state__base_content_type__model="page",
        workflow_state__object_id=str(statement.pk),
        status=TaskState.STATUS_IN_PROGRESS,
        task__content_type__model=GovernmentSignOffTask._meta.model_name,
    )
    if lock:
        states = states.select_for_update()
    state = states.first()
    return state.specific if state else None


def in_progress_signoff_task_states():
    return (
        TaskState.objects.filter(
            status=TaskState.STATUS_IN_PROGRESS,
            task__content_type__model=GovernmentSignOffTask._meta.model_name,
            workflow_state__base_content_type__model="page",
        )
        .select_related("workflow_state")
        .order_by("pk")
    )


def is_cleared(statement):
    record = current_fingerprint(statement)
    if record is None:
        return False
    keys = {g.translation_key for g in signatory_governments(statement)}
    signed = set(
        Approval.objects.for_source(statement)
        .valid()
        .filter(fingerprint=record.fingerprint)
        .values_list("government_key", flat=True)
    )
    return bool(keys) and keys <= signed


def _lock(statement):
    """Lock the statement's row, and read its latest revision as it is now."""
    locked = Page.objects.select_for_update().get(pk=statement.pk)
    statement.latest_revision_id = locked.latest_revision_id
    statement.__dict__.pop("latest_revision", None)
    statement._state.fields_cache.pop("latest_revision", None)
    return locked


def _identity(government):
    """The default-language row of a government: the identity the approvals name."""
    from django.conf import settings

    return (
        Government.objects.filter(
            translation_key=government.translation_key,
            locale__language_code=settings.LANGUAGE_CODE,
        ).first()
        or government
    )


class SignOffAction:
    def __init__(self, statement, user, code, comment="", revision_id=None, **kwargs):
        self.statement = statement.specific if isinstance(statement, Page) else statement
        self.user = user
        self.code = (code or "").upper()
        self.comment = comment or ""
        self.revision_id = int(revision_id) if revision_id else None

    def government(self):
        for government in signatory_governments(self.statement):
            if government.code == self.code:
                return government
        return None

    def check(self):
        reasons = []
        if not isinstance(self.statement, StatementPage):
            raise ActionRefused([_("Only statements are signed off.")])
        government = self.government()
        if government is None:
            reasons.append(_("This government is not a signatory of the statement."))
        elif (
            not self.user.is_authenticated
            or not self.user.groups.filter(pk=government.approver_group_id).exists()
        ):
            reasons.append(
                _("Only members of %(group)s can sign for %(government)s.")
                % {"group": government.approver_group_name(), "government": government.short_name}
            )
        revision = self.statement.get_latest_revision()
        if revision is None:
            reasons.append(_("The statement has no saved text to sign."))
            raise ActionRefused(reasons)
        if self.revision_id and self.revision_id != revision.pk:
            reasons.append(
                _("The text changed after you opened it. Read the new version, then sign.")
            )
        record = record_fingerprint(revision)
        author = record.introduced_by_revision.user
        if author is not None and author.pk == self.user.pk:
            reasons.append(
                _("You wrote the current text, so you cannot sign it: a second person must.")
            )
        if (
            government is not None
            and Approval.objects.for_source(self.statement)
            .valid()
            .filter(government_key=government.translation_key, fingerprint=record.fingerprint)
            .exists()
        ):
            reasons.append(
                _("%(government)s has already signed this text.")
                % {"government": government.short_name}
            )
        if reasons:
            raise ActionRefused(reasons)
        return government, revision, record

    @transaction.atomic
    def execute(self):
        _lock(self.statement)
        government, revision, record = self.check()
        identity = _identity(government)
        # A valid approval on older words is superseded by this one.
        for old in (
            Approval.objects.for_source(self.statement)
            .valid()
            .filter(government_key=government.translation_key)
        ):
            old.end(Approval.State.VOID, user=self.user, revision=revision, reason="superseded")
        approval = Approval.objects.create(
            page=self.statement,
            subject=Approval.Subject.SOURCE,
            language_code=self.statement.locale.language_code,
            government_key=government.translation_key,
            government_name=identity.short_name,
            user=self.user,
            revision=revision,
            fingerprint=record.fingerprint,
            frozen_content=frozen_copy(revision.as_object()),
            comment=self.comment,
        )
        log(
            instance=self.statement,
            action="statements.sign_off",
            user=self.user,
            revision=revision,
            data={
                "government": identity.short_name,
                "fingerprint": record.fingerprint,
                "comment": self.comment,
            },
        )
        CompleteSignOffIfReadyAction(self.statement, self.user).execute()
        return approval


class CompleteSignOffIfReadyAction:
    """Approve the workflow's sign-off step once every signatory has signed the words.

    Runs under the statement's row lock, and approves only a task state still in
    progress, so two last signatures arriving together complete it exactly once.
    """

    def __init__(self, statement, user):
        self.statement = statement
        self.user = user

    @transaction.atomic
    def execute(self):
        _lock(self.statement)
        if not is_cleared(self.statement):
            return False
        task_state = signoff_task_state(self.statement, lock=True)
        if task_state is None:
            return False
        task_state.approve(user=self.user, comment="")
        return True


class RequestChangesAction:
    def __init__(self, statement, user, comment="", **kwargs):
        self.statement = statement.specific if isinstance(statement, Page) else statement
        self.user = user
        self.comment = (comment or "").strip()

    def check(self):
        reasons = []
        governments = [
            g
            for g in signatory_governments(self.statement)
            if self.user.is_authenticated
            and self.user.groups.filter(pk=g.approver_group_id).exists()
        ]
        if not governments:
            reasons.append(_("Only approvers of a signatory government can request changes."))
        if not self.comment:
            reasons.append(_("Say what should change: a comment is required."))
        if reasons:
            raise ActionRefused(reasons)
        return governments

    @transaction.atomic
    def execute(self):
        _lock(self.statement)
        governments = self.check()
        revision = self.statement.get_latest_revision()
        record = record_fingerprint(revision)
        requests = []
        for government in governments:
            identity = _identity(government)
            requests.append(
                ChangeRequest.objects.create(
                    page=self.statement,
                    language_code=self.statement.locale.language_code,
                    government_key=government.translation_key,
                    government_name=identity.short_name,
                    user=self.user,
                    revision=revision,
                    fingerprint=record.fingerprint,
                    comment=self.comment,
                )
            )
            log(
                instance=self.statement,
                action="statements.request_changes",
                user=self.user,
                revision=revision,
                data={"government": identity.short_name, "comment": self.comment},
            )
        notifications.drafter_alert(self.statement, "changes_requested", governments)
        return requests


class WithdrawSignOffAction:
    def __init__(self, statement, user, code, reason="", **kwargs):
        self.statement = statement.specific if isinstance(statement, Page) else statement
        self.user = user
        self.code = (code or "").upper()
        self.reason = (reason or "").strip()

    def check(self):
        reasons = []
        government = next(
            (g for g in signatory_governments(self.statement) if g.code == self.code), None
        )
        if government is None:
            raise ActionRefused([_("This government is not a signatory of the statement.")])
        if not (
            self.user.is_authenticated
            and self.user.groups.filter(pk=government.approver_group_id).exists()
        ):
            reasons.append(
                _("Only members of %(group)s can withdraw %(government)s's sign-off.")
                % {"group": government.approver_group_name(), "government": government.short_name}
            )
        if self.statement.live:
            reasons.append(
                _("The statement has been released; a sign-off can no longer be withdrawn.")
            )
        if not self.reason:
            reasons.append(_("Give a reason for withdrawing."))
        approval = (
            Approval.objects.for_source(self.statement)
            .valid()
            .filter(government_key=government.translation_key)
            .first()
        )
        if approval is None:
            reasons.append(
                _("%(government)s has no valid sign-off to withdraw.")
                % {"government": government.short_name}
            )
        if reasons:
            raise ActionRefused(reasons)
        return government, approval

    @transaction.atomic
    def execute(self):
        _lock(self.statement)
        government, approval = self.check()
        approval.end(Approval.State.WITHDRAWN, user=self.user, reason=self.reason)
        log(
            instance=self.statement,
            action="statements.withdraw_sign_off",
            user=self.user,
            data={"government": approval.government_name, "reason": self.reason},
        )
        notifications.drafter_alert(self.statement, "withdrawn", [government])
        return approval


def _void_stale(approvals, page, revision, fingerprint, log_action, reason_for):
    """Void every valid approval in ``approvals`` given on other words than ``fingerprint``,
    each with the revision that voided it and a log entry."""
    stale = list(approvals.valid().exclude(fingerprint=fingerprint).select_for_update())
    for approval in stale:
        approval.end(
            Approval.State.VOID,
            user=revision.user,
            revision=revision,
            reason=reason_for(approval),
        )
        log(
            instance=page,
            action=log_action,
            user=revision.user,
            revision=revision,
            data={
                "government": approval.government_name,
                "language": approval.language_code,
                "fingerprint": approval.fingerprint,
                "reason": approval.end_reason,
            },
        )
    return stale


class VoidSignOffsAction:
    """A saved change to the common words voids every sign-off given on other words."""

    def __init__(self, statement, revision):
        self.statement = statement
        self.revision = revision

    @transaction.atomic
    def execute(self):
        record = record_fingerprint(self.revision)
        return _void_stale(
            Approval.objects.for_source(self.statement),
            self.statement,
            self.revision,
            record.fingerprint,
            "statements.void_sign_off",
            lambda approval: describe_change(approval.frozen_content, record.words),
        )


def describe_change(old_words, new_words):
    """“signatories” when only the list of signatories changed, else “words”."""
    fields = ("title", "summary", "body")
    same_words = all(old_words.get(f) == new_words.get(f) for f in fields)
    if same_words and old_words.get("signatories") != new_words.get("signatories"):
        return "signatories"
    return "words"


class StartSignOffAction:
    """On entering sign-off: fingerprint the words, tell each government, and complete at
    once if every signatory already holds a valid sign-off on exactly these words."""

    def __init__(self, task_state, user):
        self.task_state = task_state
        self.user = user

    def execute(self):
        statement = self.task_state.workflow_state.content_object.specific
        record_fingerprint(self.task_state.revision)
        notifications.signoff_requested(statement, signatory_governments(statement))
        if is_cleared(statement):
            self.task_state.approve(user=self.user, update=False)


def compare_text(old_lines, new_lines):
    """Word-level comparison of two texts, as (kind, text) runs: same, removed, added."""
    import difflib

    old_words = " \n ".join(old_lines).split(" ")
    new_words = " \n ".join(new_lines).split(" ")
    runs = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            runs.append(("same", " ".join(old_words[a1:a2])))
        else:
            if a2 > a1:
                runs.append(("removed", " ".join(old_words[a1:a2])))
            if b2 > b1:
                runs.append(("added", " ".join(new_words[b1:b2])))
    return runs


def signoff_rows(statement, user):
    """Each signatory government's sign-off state, for the panel and the dashboard."""
    from .fingerprint import readable_text

    record = current_fingerprint(statement)
    current_words = record.words if record else None
    governments = signatory_governments(statement)
    approvals = list(Approval.objects.for_source(statement).select_related("user", "revision"))
    requests = list(ChangeRequest.objects.filter(page_id=statement.pk).select_related("user"))
    user_groups = set(user.groups.values_list("pk", flat=True)) if user.is_authenticated else set()
    author = record.introduced_by_revision.user if record else None
    rows = []
    for government in governments:
        mine = [a for a in approvals if a.government_key == government.translation_key]
        latest = mine[0] if mine else None
        valid = next((a for a in mine if a.state == Approval.State.VALID), None)
        request = next(
            (r for r in requests if r.government_key == government.translation_key), None
        )
        if valid and record and valid.fingerprint == record.fingerprint:
            state = "signed"
        elif (
            request
            and (latest is None or request.created_at > latest.created_at)
            and (record and request.fingerprint == record.fingerprint)
        ):
            state = "changes_requested"
        elif latest and latest.state == Approval.State.WITHDRAWN:
            state = "withdrawn"
        elif latest and latest.state == Approval.State.VOID:
            state = "void"
        else:
            state = "pending"
        comparison = None
        only_list_changed = False
        if latest and current_words and latest.fingerprint != record.fingerprint:
            old_words = {k: latest.frozen_content.get(k) for k in ("title", "summary", "body")}
            new_words = {k: current_words.get(k) for k in ("title", "summary", "body")}
            only_list_changed = old_words == new_words
            comparison = compare_text(
                latest.frozen_content.get("text", []), readable_text(current_words)
            )
        member = government.approver_group_id in user_groups
        rows.append(
            {
                "government": government,
                "state": state,
                "approval": latest,
                "change_request": request,
                "comparison": comparison,
                "only_list_changed": only_list_changed,
                "can_sign": member
                and state != "signed"
                and not (author is not None and author.pk == user.pk),
                "is_author": member and author is not None and author.pk == user.pk,
                "can_withdraw": member and state == "signed" and not statement.live,
                "member": member,
            }
        )
    return {
        "rows": rows,
        "fingerprint": record.fingerprint if record else "",
        "revision": record.revision if record else None,
        "cleared": bool(rows) and all(r["state"] == "signed" for r in rows),
        "signatory_names": [g.short_name for g in governments],
        "in_sign_off": signoff_task_state(statement) is not None,
        "user_is_approver": any(r["member"] for r in rows),
    }


def awaiting_governments_of(user):
    """Statements in sign-off that still need a signature from one of ``user``'s governments."""
    if not user.is_authenticated:
        return []
    groups = set(user.groups.values_list("pk", flat=True))
    items = []
    for task_state in in_progress_signoff_task_states():
        statement = task_state.workflow_state.content_object.specific
        mine = [g for g in signatory_governments(statement) if g.approver_group_id in groups]
        if not mine:
            continue
        record = current_fingerprint(statement)
        signed = set(
            Approval.objects.for_source(statement)
            .valid()
            .filter(fingerprint=record.fingerprint)
            .values_list("government_key", flat=True)
        )
        pending = [g for g in mine if g.translation_key not in signed]
        if pending:
            items.append({"statement": statement, "governments": pending})
    return items


# --- translation ---------------------------------------------------------------------


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
        from wagtail.models import Locale

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


class NoteOutOfDateTranslationsAction:
    """When a save changes the source's translatable text, tell each language once."""

    def __init__(self, statement, revision):
        self.statement = statement
        self.revision = revision

    def execute(self):
        from .models import SourceSync

        sync = SourceSync.objects.filter(page_id=self.statement.pk).first()
        record = record_fingerprint(self.revision)
        if sync is None or sync.translatable_hash == record.translatable_hash:
            return []
        source = source_for(self.statement)
        codes = (
            list(
                source.translations.filter(enabled=True).values_list(
                    "target_locale__language_code", flat=True
                )
            )
            if source
            else []
        )
        fresh = []
        for code in codes:
            already = TranslationNotice.objects.filter(
                page=self.statement,
                language_code=code,
                kind=TranslationNotice.Kind.OUT_OF_DATE,
                sent_at=None,
            ).exists()
            if not already:
                TranslationNotice.objects.create(
                    page=self.statement,
                    language_code=code,
                    kind=TranslationNotice.Kind.OUT_OF_DATE,
                )
                fresh.append(code)
        return fresh


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
        exists = TranslationNotice.objects.filter(
            page=self.page,
            language_code=code,
            kind=TranslationNotice.Kind.AWAITING_REVIEW,
            sent_at=None,
        ).exists()
        if not exists:
            TranslationNotice.objects.create(
                page=self.page, language_code=code, kind=TranslationNotice.Kind.AWAITING_REVIEW
            )
        return True


def _target_exists(translation):
    from django.core.exceptions import ObjectDoesNotExist

    try:
        translation.get_target_instance()
    except ObjectDoesNotExist:
        return False
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
        from .forms import may_edit_statement

        if not may_edit_statement(self.user, self.statement):
            raise ActionRefused([_("Only the statement's editors can update its translations.")])

    @transaction.atomic
    def execute(self):
        self.check()
        _lock(self.statement)
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
        from .forms import may_edit_statement

        reasons = []
        if not may_edit_statement(self.user, self.statement):
            reasons.append(_("Only the statement's editors can drop a language."))
        if self.language_code not in self.statement.required_languages():
            reasons.append(_("This language is not required for the statement."))
        if not self.reason:
            reasons.append(_("Give the reason for dropping this language."))
        if reasons:
            raise ActionRefused(reasons)

    @transaction.atomic
    def execute(self):
        _lock(self.statement)
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


# --- language review -----------------------------------------------------------------


def translation_words(page):
    """The stored text of one language version: what its approvers approve."""
    words = common_words(page, include_signatories=False)
    words["dateline"] = (page.dateline or "").strip()
    return words


def source_statement_of(translation_page):
    from wagtail_localize.models import Translation

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


def source_out_of_date(statement):
    """The source's latest words differ from those its translations were built from."""
    from .models import SourceSync

    sync = SourceSync.objects.filter(page_id=statement.pk).first()
    record = current_fingerprint(statement)
    return bool(sync and record and record.translatable_hash != sync.translatable_hash)


def language_reviewers(translation_page):
    """The signatory governments that publish in this page's language."""
    source, _translation = source_statement_of(translation_page)
    if source is None:
        return []
    code = translation_page.locale.language_code
    return [g for g in signatory_governments(source) if code in (g.languages or [])]


class ApproveTranslationAction:
    """A government approves the stored text of the translation into its language."""

    def __init__(self, page, user, code, comment="", revision_id=None, **kwargs):
        self.page = page.specific if isinstance(page, Page) else page
        self.user = user
        self.code = (code or "").upper()
        self.comment = comment or ""
        self.revision_id = int(revision_id) if revision_id else None

    def check(self):
        from wagtail_localize.models import StringTranslation

        reasons = []
        government = next((g for g in language_reviewers(self.page) if g.code == self.code), None)
        if government is None:
            raise ActionRefused(
                [_("This government does not review translations into this language.")]
            )
        if not self.user.groups.filter(pk=government.approver_group_id).exists():
            reasons.append(
                _("Only members of %(group)s can approve for %(government)s.")
                % {"group": government.approver_group_name(), "government": government.short_name}
            )
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
        _lock(self.page)
        government, revision = self.check()
        identity = _identity(government)
        draft = revision.as_object()
        words = translation_words(draft)
        fingerprint = fingerprint_of(words)
        for old in Approval.objects.filter(
            page_id=self.page.pk,
            subject=Approval.Subject.TRANSLATION,
            government_key=government.translation_key,
            state=Approval.State.VALID,
        ):
            old.end(Approval.State.VOID, user=self.user, revision=revision, reason="superseded")
        from .fingerprint import readable_text

        approval = Approval.objects.create(
            page=self.page,
            subject=Approval.Subject.TRANSLATION,
            language_code=self.page.locale.language_code,
            government_key=government.translation_key,
            government_name=identity.short_name,
            user=self.user,
            revision=revision,
            fingerprint=fingerprint,
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
        return approval


class VoidTranslationApprovalsAction:
    """A saved change to a translation voids that translation's approvals, and only those."""

    def __init__(self, page, revision):
        self.page = page
        self.revision = revision

    @transaction.atomic
    def execute(self):
        return _void_stale(
            Approval.objects.filter(page_id=self.page.pk, subject=Approval.Subject.TRANSLATION),
            self.page,
            self.revision,
            fingerprint_of(translation_words(self.revision.as_object())),
            "statements.void_translation_approval",
            lambda approval: "translation changed",
        )


class ImportTranslationFileAction:
    """Import a PO or XLIFF file into one translation: all of it, or nothing."""

    def __init__(self, translation_page, user, data, file_format):
        self.page = translation_page
        self.user = user
        self.data = data
        self.file_format = file_format

    @transaction.atomic
    def execute(self):
        from . import exchange

        if not self.page.permissions_for_user(self.user).can_edit():
            raise ActionRefused([_("You cannot edit this translation.")])
        _source, translation = source_statement_of(self.page)
        if translation is None:
            raise ActionRefused([_("This page is not a translation.")])
        try:
            accepted = exchange.validate(translation, self.data, self.file_format)
        except exchange.ImportRejected as rejected:
            raise ActionRefused(rejected.problems) from rejected
        count = exchange.apply(translation, accepted, self.user, f"file:{self.file_format}")
        save_translation_draft(translation, self.user)
        log(
            instance=self.page,
            action="statements.import_translation",
            user=self.user,
            data={"format": self.file_format, "segments": count},
        )
        return count
