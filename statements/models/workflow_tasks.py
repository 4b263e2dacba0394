"""The sign-off step of Wagtail's workflow: every co-signing government signs the words.

Wagtail calls the task on a person's behalf (which actions to offer, what happens on
one). The task answers from the rules and verbs above the models: it hands each call
to ``statements.actions.signoff.SignOffTaskBehaviour``.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Task, Workflow, WorkflowTask

from ..workflow_forms import RequestChangesForm, SignOffForm, WithdrawSignOffForm


def _behaviour(task):
    # Wagtail calls the task on a person's behalf; its rules and verbs live in actions.
    from ..actions.signoff import SignOffTaskBehaviour

    return SignOffTaskBehaviour(task)


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

    # --- what Wagtail asks ----------------------------------------------------------
    def user_can_access_editor(self, obj, user):
        return _behaviour(self).user_can_access_editor(obj, user)

    def locked_for_user(self, obj, user):
        # Not locked, so that approvers can save Wagtail comments; the statement's form
        # refuses any change they make to the text itself (StatementPageForm).
        return False

    def get_actions(self, obj, user):
        return _behaviour(self).get_actions(obj, user)

    def get_form_for_action(self, action):
        if action.startswith("sign-off-"):
            return SignOffForm
        if action.startswith("withdraw-"):
            return WithdrawSignOffForm
        return RequestChangesForm

    def get_template_for_action(self, action):
        if action.startswith("sign-off-"):
            return "statements/admin/workflow_sign_off_modal.html"
        return ""

    def get_task_states_user_can_moderate(self, user, **kwargs):
        return _behaviour(self).task_states_user_can_moderate(user)

    def start(self, workflow_state, user=None):
        task_state = super().start(workflow_state, user=user)
        _behaviour(self).start(task_state, user)
        return task_state

    def on_action(self, task_state, user, action_name, **kwargs):
        _behaviour(self).on_action(task_state, user, action_name, **kwargs)
