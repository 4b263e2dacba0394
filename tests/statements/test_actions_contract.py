"""The action contract (ADR 0007): per-verb permission refusals, named arguments only,
reads that write nothing, and one revision flow that never re-enters itself."""

import pytest
from django.core.exceptions import PermissionDenied
from wagtail.models import Revision, TaskState

from statements.actions import revisions
from statements.actions.base import ActionRefused
from statements.actions.scheduling import ScheduleReleaseAction, ScheduleReleasePermissionError
from statements.actions.signoff import (
    RequestChangesAction,
    RequestChangesPermissionError,
    SignOffAction,
    SignOffPermissionError,
)
from statements.actions.translation import (
    UpdateTranslationsAction,
    UpdateTranslationsPermissionError,
)
from statements.models import Approval, ChangeRequest, Release, RevisionFingerprint, StatementPage
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def statement(site_tree, governments):
    drafter = factories.drafter()
    page = factories.make_statement(
        site_tree["newsrooms"]["en"],
        [governments["CA"], governments["FR"]],
        lead=governments["CA"],
        publish=False,
        owner=drafter,
        user=drafter,
        slug="contract",
    )
    factories.submit_for_signoff(page, drafter)
    return StatementPage.objects.get(pk=page.pk), drafter


def test_a_refusal_for_want_of_a_role_is_the_verbs_own_permission_error(statement, governments):
    page, _drafter = statement
    japan = factories.approver(governments["JP"])
    with pytest.raises(SignOffPermissionError) as refused:
        SignOffAction(page, japan, "CA").check()
    assert isinstance(refused.value, PermissionDenied)
    assert not Approval.objects.filter(page_id=page.pk).exists()
    # Control: Canada's own approver signs for Canada.
    SignOffAction(page, factories.approver(governments["CA"]), "CA").execute()
    assert Approval.objects.filter(page_id=page.pk, government_name="Canada").exists()


def test_other_refusals_are_not_permission_errors(statement, governments):
    page, _drafter = statement
    canada = factories.approver(governments["CA"])
    with pytest.raises(ActionRefused) as refused:
        RequestChangesAction(page, canada, comment="  ").execute()
    assert not isinstance(refused.value, RequestChangesPermissionError)
    assert refused.value.reasons == ["Say what should change: a comment is required."]
    with pytest.raises(RequestChangesPermissionError):
        RequestChangesAction(page, factories.approver(governments["JP"]), comment="x").execute()
    assert not ChangeRequest.objects.exists()
    RequestChangesAction(page, canada, comment="Shorter, please.").execute()
    assert ChangeRequest.objects.filter(page_id=page.pk, comment="Shorter, please.").exists()


def test_editor_verbs_refuse_approvers_with_their_own_errors(statement, governments):
    page, drafter = statement
    canada = factories.approver(governments["CA"])
    with pytest.raises(UpdateTranslationsPermissionError):
        UpdateTranslationsAction(page, canada).execute()
    with pytest.raises(ScheduleReleasePermissionError):
        ScheduleReleaseAction(page, canada).check()
    # Control: the drafter is not refused for want of a role (the release is refused
    # because nothing is signed yet, with its reasons, and nothing is saved).
    assert UpdateTranslationsAction(page, drafter).execute() is not None
    with pytest.raises(ActionRefused) as refused:
        ScheduleReleaseAction(page, drafter).check()
    assert not isinstance(refused.value, ScheduleReleasePermissionError)
    assert any("has not signed off" in str(r) for r in refused.value.reasons)
    assert not Release.objects.exists()


def test_actions_take_named_arguments_only(statement, governments):
    page, _drafter = statement
    with pytest.raises(TypeError):
        SignOffAction(page, factories.approver(governments["CA"]), "CA", publish=True)


def test_the_workflow_passes_only_the_fields_a_verb_names(statement, governments):
    """Wagtail hands the task whatever JSON the editor posted; extra keys are ignored."""
    page, _drafter = statement
    task_state = TaskState.objects.get(
        workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS
    ).specific
    canada = factories.approver(governments["CA"])
    task_state.task.specific.on_action(
        task_state, canada, "sign-off-ca", comment="Agreed.", publish=True, live=True
    )
    approval = Approval.objects.get(page_id=page.pk, government_name="Canada")
    assert approval.comment == "Agreed."
    assert not StatementPage.objects.get(pk=page.pk).live


def test_reading_the_signoff_screen_writes_no_fingerprint(client, statement, governments):
    page, _drafter = statement
    RevisionFingerprint.objects.all().delete()
    client.force_login(factories.approver(governments["CA"]))
    response = client.get(f"/admin/statements/{page.pk}/sign-off/")
    assert response.status_code == 200
    assert not RevisionFingerprint.objects.exists()
    # The fingerprint is still shown: computed for display, not stored.
    assert response.context["signoff"]["fingerprint"]
    # Control: saving the words stores one.
    page.get_latest_revision_as_object().save_revision(user=factories.drafter("drafter2"))
    assert RevisionFingerprint.objects.count() == 1


def test_a_save_runs_the_revision_flow_once_for_each_revision_it_causes(
    site_tree, governments, monkeypatch
):
    seen, depth = [], {"now": 0, "max": 0}
    original = revisions.ProcessSavedRevisionAction._process

    def spy(self, revision):
        depth["now"] += 1
        depth["max"] = max(depth["max"], depth["now"])
        seen.append(revision.pk)
        try:
            return original(self, revision)
        finally:
            depth["now"] -= 1

    monkeypatch.setattr(revisions.ProcessSavedRevisionAction, "_process", spy)
    drafter = factories.drafter()
    page = factories.make_statement(
        site_tree["newsrooms"]["en"],
        [governments["CA"], governments["FR"]],
        lead=governments["CA"],
        publish=False,
        user=drafter,
        slug="flow",
    )
    french = page.get_translation(factories.locale("fr"))
    source_revisions = list(Revision.objects.for_instance(page).order_by("pk"))
    french_revisions = list(Revision.objects.for_instance(french).order_by("pk"))
    assert len(source_revisions) == 1 and french_revisions
    # The source's revision, then the French draft's revisions that setting up
    # translations saved: each handled once, one after the other, never one inside another.
    assert seen == [r.pk for r in source_revisions + french_revisions]
    assert depth["max"] == 1
