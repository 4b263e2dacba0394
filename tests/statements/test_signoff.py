"""Per-government sign-off of the exact words, through the screens approvers use."""

import pytest
from django.core import mail
from wagtail.models import PageLogEntry, TaskState, WorkflowState

from statements.models import Approval, ChangeRequest, StatementPage
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(site_tree, governments, django_capture_on_commit_callbacks):
    ca, fr, jp = governments["CA"], governments["FR"], governments["JP"]
    drafter = factories.drafter()
    statement = factories.make_statement(
        site_tree["newsrooms"]["en"],
        [ca, fr, jp],
        lead=ca,
        publish=False,
        owner=drafter,
        user=drafter,
        slug="signoff-statement",
        title="Joint statement on sanctions",
    )
    revision = statement.get_latest_revision()
    approvers = {code: factories.approver(g) for code, g in governments.items()}
    for user in approvers.values():
        user.email = f"{user.username}@example.org"
        user.save()
    with django_capture_on_commit_callbacks(execute=True):
        factories.submit_for_signoff(statement, drafter)
    return {
        "statement": StatementPage.objects.get(pk=statement.pk),
        "drafter": drafter,
        "approvers": approvers,
        "governments": governments,
        "revision": revision,
    }


def sign(client, user, statement, code, **data):
    client.force_login(user)
    latest = StatementPage.objects.get(pk=statement.pk).get_latest_revision()
    return client.post(
        f"/admin/statements/{statement.pk}/sign-off/sign-off-{code.lower()}/",
        {"revision_id": latest.pk, "comment": "", **data},
    )


def assert_denied(response, statement):
    """Refused: Wagtail answers 403, or sends the user back to the dashboard or login."""
    if response.status_code == 302:
        assert response["Location"] != f"/admin/statements/{statement.pk}/sign-off/"
        assert response["Location"].startswith(("/admin/login/", "/admin/"))
    else:
        assert response.status_code == 403


def edit_title(statement, user, title):
    latest = statement.get_latest_revision_as_object()
    latest.title = title
    return latest.save_revision(user=user)


def workflow_state(statement):
    return WorkflowState.objects.get(object_id=str(statement.pk))


def test_entering_signoff_emails_each_government_links_only(setup):
    recipients = sorted(address for m in mail.outbox for address in m.to)
    assert recipients == [
        "approver-ca@example.org",
        "approver-fr@example.org",
        "approver-jp@example.org",
    ]
    for message in mail.outbox:
        assert f"/admin/statements/{setup['statement'].pk}/sign-off/" in message.body
        assert "Joint statement on sanctions" not in message.body
        assert "Joint statement on sanctions" not in message.subject


def test_completes_only_when_every_government_has_signed(
    client, setup, django_capture_on_commit_callbacks
):
    statement, approvers = setup["statement"], setup["approvers"]
    setup["drafter"].email = "drafter@example.org"
    setup["drafter"].save()
    assert sign(client, approvers["FR"], statement, "FR").status_code == 302
    assert sign(client, approvers["JP"], statement, "JP").status_code == 302
    assert workflow_state(statement).status == WorkflowState.STATUS_IN_PROGRESS
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert sign(client, approvers["CA"], statement, "CA").status_code == 302
    # The signer's receipt (docs/adr/0021), and the drafter told that all have signed.
    assert [m.to for m in mail.outbox] == [["approver-ca@example.org"], ["drafter@example.org"]]
    assert "sign-off receipt" in mail.outbox[0].subject
    assert "All governments have signed" in mail.outbox[1].subject
    state = workflow_state(statement)
    assert state.status == WorkflowState.STATUS_APPROVED
    statement.refresh_from_db()
    assert statement.live is False, "finishing sign-off must never publish"
    assert PageLogEntry.objects.filter(page=statement, action="statements.cleared").count() == 1
    assert PageLogEntry.objects.filter(page=statement, action="statements.sign_off").count() == 3
    approval = Approval.objects.get(government_name="Japan")
    assert approval.frozen_content["title"] == "Joint statement on sanctions"
    assert approval.user == approvers["JP"]
    assert approval.revision == statement.get_latest_revision()


def test_japan_cannot_sign_for_canada_even_by_forging_the_form(client, setup):
    statement, approvers = setup["statement"], setup["approvers"]
    response = sign(client, approvers["JP"], statement, "CA")
    assert response.status_code == 403
    assert "Only members of Sign-off: Canada can sign for Canada." in response.content.decode()
    # The same verb through Wagtail's own workflow action URL.
    task_state = TaskState.objects.get(status="in_progress")
    response = client.post(
        f"/admin/pages/workflow/action/{statement.pk}/sign-off-ca/{task_state.pk}/",
        {"comment": "", "revision_id": statement.get_latest_revision().pk},
    )
    assert_denied(response, statement)
    assert not Approval.objects.exists()


def test_user_in_no_approver_group_cannot_sign(client, setup):
    outsider = factories.UserFactory(username="outsider")
    assert_denied(sign(client, outsider, setup["statement"], "CA"), setup["statement"])
    assert not Approval.objects.exists()


def test_superuser_is_not_a_government(client, setup):
    root = factories.UserFactory(username="root", is_superuser=True, is_staff=True)
    response = sign(client, root, setup["statement"], "CA")
    assert response.status_code == 403
    assert not Approval.objects.exists()


def test_author_of_the_current_words_cannot_sign(client, setup):
    statement, drafter = setup["statement"], setup["drafter"]
    drafter.groups.add(setup["governments"]["CA"].approver_group)
    response = sign(client, drafter, statement, "CA")
    assert response.status_code == 403
    assert "You wrote the current text" in response.content.decode()
    assert not Approval.objects.exists()


def test_other_governments_approver_cannot_open_the_statement(client, setup, governments):
    korea = factories.GovernmentFactory(code="KR", short_name="Korea")
    korean = factories.approver(korea)
    client.force_login(korean)
    statement = setup["statement"]
    assert_denied(client.get(f"/admin/statements/{statement.pk}/sign-off/"), statement)
    assert_denied(client.get(f"/admin/pages/{statement.pk}/edit/"), statement)
    assert "Joint statement on sanctions" not in client.get("/admin/").content.decode()


def test_each_signoff_verb_refuses_another_government_and_serves_its_own(client, setup):
    """Korea is no signatory: its approver is refused each verb that France's may do."""
    statement, approvers = setup["statement"], setup["approvers"]
    korean = factories.approver(factories.GovernmentFactory(code="KR", short_name="Korea"))
    revision_id = statement.get_latest_revision().pk
    base = f"/admin/statements/{statement.pk}/sign-off/"
    verbs = [
        ("sign-off-fr/", {"revision_id": revision_id, "comment": ""}, Approval.objects.valid),
        (
            "withdraw-fr/",
            {"reason": "New facts came to light."},
            Approval.objects.filter(state=Approval.State.WITHDRAWN).all,
        ),
        ("request-changes/", {"comment": "Shorter, please."}, ChangeRequest.objects.all),
    ]
    for path, data, done in verbs:
        client.force_login(korean)
        assert_denied(client.post(base + path, data), statement)
        assert not done().exists(), path
        client.force_login(approvers["FR"])
        response = client.post(base + path, data)
        assert response.status_code == 302 and response["Location"] == base, path
        assert done().exists(), path


def test_anonymous_reaches_none_of_it(client, setup):
    statement = setup["statement"]
    for url in (
        f"/admin/statements/{statement.pk}/sign-off/",
        f"/admin/statements/{statement.pk}/sign-off/sign-off-ca/",
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    response = client.post(f"/admin/statements/{statement.pk}/sign-off/sign-off-ca/", {})
    assert response.status_code == 302
    assert not Approval.objects.exists()


def test_approver_sees_the_statement_on_the_dashboard_and_in_the_editor(client, setup):
    statement, approvers = setup["statement"], setup["approvers"]
    client.force_login(approvers["JP"])
    dashboard = client.get("/admin/").content.decode()
    assert "Awaiting your government" in dashboard
    assert "Joint statement on sanctions" in dashboard
    editor = client.get(f"/admin/pages/{statement.pk}/edit/")
    assert editor.status_code == 200
    assert editor.context["autosave_enabled"] is False
    assert "Sign off for Japan" in editor.content.decode()


def test_a_change_to_the_words_voids_signatures_visibly_and_in_the_log(client, setup):
    statement, approvers = setup["statement"], setup["approvers"]
    sign(client, approvers["FR"], statement, "FR")
    revision = edit_title(statement, setup["drafter"], "Joint statement on sanctions, revised")
    approval = Approval.objects.get(government_name="France")
    assert approval.state == Approval.State.VOID
    assert approval.voided_by_revision == revision
    assert PageLogEntry.objects.filter(page=statement, action="statements.void_sign_off").exists()
    client.force_login(approvers["FR"])
    panel = client.get(f"/admin/statements/{statement.pk}/sign-off/").content.decode()
    assert 'data-government="FR" data-state="void"' in panel
    assert "<del>sanctions</del>" in panel or "<ins>" in panel


def test_a_save_that_keeps_the_words_voids_nothing(client, setup):
    statement, approvers = setup["statement"], setup["approvers"]
    sign(client, approvers["FR"], statement, "FR")
    latest = statement.get_latest_revision_as_object()
    latest.dateline = "Paris"
    latest.signatories.set(list(reversed(list(latest.signatories.all()))))
    latest.save_revision(user=setup["drafter"])
    assert Approval.objects.get(government_name="France").state == Approval.State.VALID


def test_a_changed_list_of_signatories_voids_and_is_reconfirmed_in_one_click(client, setup):
    statement, approvers = setup["statement"], setup["approvers"]
    sign(client, approvers["FR"], statement, "FR")
    latest = statement.get_latest_revision_as_object()
    latest.signatories.set([s for s in latest.signatories.all() if s.government.code != "JP"])
    latest.save_revision(user=setup["drafter"])
    assert Approval.objects.get(government_name="France").state == Approval.State.VOID
    client.force_login(approvers["FR"])
    panel = client.get(f"/admin/statements/{statement.pk}/sign-off/").content.decode()
    assert "Only the list of signatories changed" in panel
    assert "Confirm for France" in panel
    assert sign(client, approvers["FR"], statement, "FR").status_code == 302
    assert Approval.objects.valid().get().government_name == "France"


def test_signing_an_outdated_view_is_refused(client, setup):
    statement, approvers = setup["statement"], setup["approvers"]
    opened = statement.get_latest_revision().pk
    edit_title(statement, setup["drafter"], "Another title")
    response = sign(client, approvers["FR"], statement, "FR", revision_id=opened)
    assert response.status_code == 403
    assert "The text changed after you opened it" in response.content.decode()


def test_request_changes_needs_a_comment_and_alerts_the_drafter(
    client, setup, django_capture_on_commit_callbacks
):
    statement, approvers = setup["statement"], setup["approvers"]
    setup["drafter"].email = "drafter@example.org"
    setup["drafter"].save()
    client.force_login(approvers["JP"])
    url = f"/admin/statements/{statement.pk}/sign-off/request-changes/"
    assert client.post(url, {"comment": "  "}).status_code == 400
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert (
            client.post(url, {"comment": "Paragraph 2 overstates the finding."}).status_code == 302
        )
    assert [m.to for m in mail.outbox] == [["drafter@example.org"]]
    assert PageLogEntry.objects.filter(page=statement, action="statements.request_changes").exists()
    # Others can still sign.
    assert sign(client, approvers["FR"], statement, "FR").status_code == 302
    client.force_login(approvers["JP"])
    panel = client.get(f"/admin/statements/{statement.pk}/sign-off/").content.decode()
    assert 'data-government="JP" data-state="changes_requested"' in panel


def test_withdrawal_needs_a_reason_and_alerts_the_drafter_at_once(
    client, setup, django_capture_on_commit_callbacks
):
    statement, approvers = setup["statement"], setup["approvers"]
    setup["drafter"].email = "drafter@example.org"
    setup["drafter"].save()
    sign(client, approvers["FR"], statement, "FR")
    url = f"/admin/statements/{statement.pk}/sign-off/withdraw-fr/"
    assert client.post(url, {"reason": ""}).status_code == 400
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"reason": "New facts came to light."}).status_code == 302
    approval = Approval.objects.get(government_name="France")
    assert approval.state == Approval.State.WITHDRAWN
    assert approval.end_reason == "New facts came to light."
    assert [m.to for m in mail.outbox] == [["drafter@example.org"]]
    client.force_login(approvers["JP"])
    assert (
        client.post(
            f"/admin/statements/{statement.pk}/sign-off/withdraw-fr/", {"reason": "x"}
        ).status_code
        == 403
    )


def test_approvals_are_never_edited_or_deleted(client, setup):
    from django.core.exceptions import ValidationError

    sign(client, setup["approvers"]["FR"], setup["statement"], "FR")
    approval = Approval.objects.get()
    approval.fingerprint = "0" * 64
    with pytest.raises(ValidationError):
        approval.save()
    with pytest.raises(ValidationError):
        Approval.objects.get().delete()


def test_translations_do_not_inherit_the_signoff_workflow(setup):
    statement = setup["statement"]
    # Canada and France publish in French, Japan in Japanese: both are set up as drafts.
    french = statement.get_translation(factories.locale("fr")).specific
    japanese = statement.get_translation(factories.locale("ja")).specific
    assert not french.live and not japanese.live
    assert french.get_workflow() is None
    assert japanese.get_workflow() is None
    assert statement.get_workflow() is not None


def test_signing_through_wagtails_workflow_menu(client, setup):
    statement, approvers = setup["statement"], setup["approvers"]
    client.force_login(approvers["FR"])
    task_state = TaskState.objects.get(status="in_progress")
    url = f"/admin/pages/workflow/action/{statement.pk}/sign-off-fr/{task_state.pk}/"
    modal = client.get(url)
    assert modal.status_code == 200
    revision_id = StatementPage.objects.get(pk=statement.pk).latest_revision_id
    assert f'name="revision_id" value="{revision_id}"' in modal.json()["html"]
    response = client.post(url, {"revision_id": revision_id, "comment": "Agreed."})
    assert response.status_code == 302
    assert Approval.objects.valid().get().comment == "Agreed."


def test_a_person_in_two_groups_signs_for_each_explicitly(client, setup):
    statement, governments = setup["statement"], setup["governments"]
    both = factories.approver(governments["FR"], username="fr-and-jp")
    both.groups.add(governments["JP"].approver_group)
    client.force_login(both)
    panel = client.get(f"/admin/statements/{statement.pk}/sign-off/").content.decode()
    assert "Sign off for France" in panel and "Sign off for Japan" in panel
    assert sign(client, both, statement, "FR").status_code == 302
    assert list(Approval.objects.valid().values_list("government_name", flat=True)) == ["France"]
    assert sign(client, both, statement, "JP").status_code == 302
    assert Approval.objects.valid().count() == 2


def test_signoffs_voids_and_requests_are_in_the_page_history(client, setup):
    statement, approvers = setup["statement"], setup["approvers"]
    sign(client, approvers["FR"], statement, "FR")
    edit_title(statement, setup["drafter"], "Joint statement on sanctions (v2)")
    client.force_login(approvers["JP"])
    client.post(
        f"/admin/statements/{statement.pk}/sign-off/request-changes/", {"comment": "Shorter."}
    )
    client.force_login(setup["drafter"])
    history = client.get(f"/admin/pages/{statement.pk}/history/").content.decode()
    for label in ("Signed off", "Sign-off voided", "Changes requested"):
        assert label in history


def test_approvers_find_no_other_statements_in_admin_search(client, setup, governments):
    korea = factories.GovernmentFactory(code="KR", short_name="Korea")
    client.force_login(factories.approver(korea))
    results = client.get("/admin/pages/search/", {"q": "sanctions"})
    assert "Joint statement on sanctions" not in results.content.decode()
