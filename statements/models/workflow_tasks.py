"""The sign-off step of Wagtail's workflow: every co-signing government signs the words."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Task, TaskState

from .signoff import Approval


def _governments_of(user):
    """The government identities (one row each) whose approver group ``user`` is in."""
    from .governments import Government

    if not user.is_authenticated:
        return Government.objects.none()
    return Government.objects.filter(
        approver_group__in=user.groups.all(), locale__language_code=_default_language()
    )


def _default_language():
    from django.conf import settings

    return settings.LANGUAGE_CODE


class GovernmentSignOffTask(Task):
    """Needs one valid sign-off from each of the statement's co-signing governments.

    Only members of a government's approver group sign for it; a superuser is not a
    government. The task completes when every signatory holds a valid sign-off on
    the current words, and not before, whatever order they sign in.
    """

    admin_form_fields = Task.admin_form_fields

    class Meta:
        verbose_name = _("Government sign-off")
        verbose_name_plural = _("Government sign-offs")

    @classmethod
    def ensure_default_workflow(cls):
        """The "Statement sign-off" workflow, made again if it is missing.

        Migration 0003 creates it; a flushed database (transactional tests) or an
        operator who deleted it gets it back on the next demo load.
        """
        from wagtail.models import Workflow, WorkflowTask

        task = cls.objects.filter(active=True).order_by("pk").first()
        if task is None:
            task = cls.objects.create(name="Government sign-off")
        workflow = Workflow.objects.filter(workflow_tasks__task=task, active=True).first()
        if workflow is None:
            workflow = Workflow.objects.create(name="Statement sign-off")
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        return workflow

    @classmethod
    def get_description(cls):
        return _("Each co-signing government's approvers sign off the exact words")

    # --- who ----------------------------------------------------------------
    def _statement(self, obj):
        from .pages import StatementPage

        obj = getattr(obj, "specific", obj)
        return obj if isinstance(obj, StatementPage) else None

    def signing_governments(self, obj, user):
        """The signatories of ``obj`` that ``user`` may sign for, in display order."""
        statement = self._statement(obj)
        if statement is None or not user.is_authenticated:
            return []
        mine = {g.translation_key for g in _governments_of(user)}
        latest = statement.get_latest_revision_as_object()
        return [
            s.government for s in latest.signatories.all() if s.government.translation_key in mine
        ]

    def user_can_access_editor(self, obj, user):
        return bool(self.signing_governments(obj, user))

    def locked_for_user(self, obj, user):
        # Not locked, so that approvers can save Wagtail comments; the statement's form
        # refuses any change they make to the text itself (StatementPageForm).
        return False

    def get_actions(self, obj, user):
        statement = self._statement(obj)
        actions = []
        governments = self.signing_governments(obj, user)
        if not governments:
            return actions
        valid = set(
            Approval.objects.for_source(statement).valid().values_list("government_key", flat=True)
        )
        author = self._author(statement)
        for government in governments:
            if government.translation_key in valid:
                actions.append(
                    (
                        f"withdraw-{government.code.lower()}",
                        _("Withdraw our sign-off (%(government)s)")
                        % {"government": government.short_name},
                        True,
                    )
                )
            elif author is None or author.pk != user.pk:
                actions.append(
                    (
                        f"sign-off-{government.code.lower()}",
                        _("Sign off for %(government)s") % {"government": government.short_name},
                        True,
                    )
                )
        actions.append(("request-changes", _("Request changes"), True))
        return actions

    @staticmethod
    def _author(statement):
        from .signoff import RevisionFingerprint

        revision = statement.get_latest_revision()
        record = (
            RevisionFingerprint.objects.filter(revision=revision)
            .select_related("introduced_by_revision__user")
            .first()
        )
        return record.introduced_by_revision.user if record else None

    def get_form_for_action(self, action):
        from ..forms import RequestChangesForm, SignOffForm, WithdrawSignOffForm

        if action.startswith("sign-off-"):
            return SignOffForm
        if action.startswith("withdraw-"):
            return WithdrawSignOffForm
        return RequestChangesForm

    def get_template_for_action(self, action):
        if action.startswith("sign-off-"):
            return "statements/workflow_sign_off_modal.html"
        return ""

    def get_task_states_user_can_moderate(self, user, **kwargs):
        """In-progress sign-offs of statements whose current signatories include one of
        ``user``'s governments (read from the latest saved words, not the live row)."""
        groups = set(user.groups.values_list("pk", flat=True)) if user.is_authenticated else set()
        if not groups:
            return TaskState.objects.none()
        ids = []
        for task_state in self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS):
            statement = self._statement(task_state.workflow_state.content_object)
            if statement is None:
                continue
            latest = statement.get_latest_revision_as_object()
            if any(s.government.approver_group_id in groups for s in latest.signatories.all()):
                ids.append(task_state.pk)
        return self.task_states.filter(pk__in=ids)

    # --- what -----------------------------------------------------------------
    def start(self, workflow_state, user=None):
        task_state = super().start(workflow_state, user=user)
        from ..actions import StartSignOffAction

        StartSignOffAction(task_state, user).execute()
        return task_state

    def on_action(self, task_state, user, action_name, **kwargs):
        from ..actions import RequestChangesAction, SignOffAction, WithdrawSignOffAction

        statement = self._statement(task_state.workflow_state.content_object)
        if action_name.startswith("sign-off-"):
            code = action_name.removeprefix("sign-off-").upper()
            SignOffAction(statement, user, code, **kwargs).execute()
        elif action_name.startswith("withdraw-"):
            code = action_name.removeprefix("withdraw-").upper()
            WithdrawSignOffAction(statement, user, code, **kwargs).execute()
        elif action_name == "request-changes":
            RequestChangesAction(statement, user, **kwargs).execute()
