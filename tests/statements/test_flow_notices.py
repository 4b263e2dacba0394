"""What people are told as a statement moves between them (issue 14, "the flow").

E-mails name a statement by a reference its readers recognise (never its words), and an
approver whose sign-off an edit voided hears of it, by e-mail and on the dashboard,
with the way to sign again. Nobody hears of a statement they have no role in.
"""

import pytest
from django.core import mail

from tests.statements.flow_world import SUMMARY, TITLE, build_world, reference_of, save_words, sign

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(site_tree, governments, django_capture_on_commit_callbacks):
    return build_world(site_tree, governments, django_capture_on_commit_callbacks)


def to(address):
    return [m for m in mail.outbox if address in m.to]


def test_a_signoff_request_names_the_statement_by_a_reference_not_its_words(world):
    statement = world["statement"]
    reference = reference_of(statement)
    messages = to("approver-fr@example.org")
    assert len(messages) == 1
    message = messages[0]
    assert reference in message.subject
    assert "no. " not in message.subject
    assert (
        f"{reference}, lead Canada, 3 signatories, "
        "release planned for 29 May 2025, 09:00 EDT / 13:00 UTC, not yet scheduled"
    ) in message.body
    for words in (TITLE, SUMMARY):
        assert words not in message.subject
        assert words not in message.body


def test_the_reference_is_written_in_the_readers_language(
    client, world, django_capture_on_commit_callbacks
):
    from wagtail.users.models import UserProfile

    statement, drafter = world["statement"], world["drafter"]
    profile = UserProfile.get_for_user(drafter)
    profile.preferred_language = "fr"
    profile.save()
    save_words(statement, drafter, release_at=None)
    client.force_login(world["approvers"]["JP"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/statements/{statement.pk}/sign-off/request-changes/",
            {"comment": "Paragraph 2 overstates the finding."},
        )
    assert response.status_code == 302
    [message] = to(drafter.email)
    assert reference_of(statement) in message.subject
    assert (
        f"{reference_of(statement)}, chef de file Canada, 3 signataires, "
        "publication pas encore programmée"
    ) in message.body
    assert "Paragraph 2" not in message.body


def test_a_voided_approver_is_told_by_email_with_the_way_to_sign_again(
    client, world, django_capture_on_commit_callbacks
):
    statement, approvers = world["statement"], world["approvers"]
    sign(client, approvers["FR"], statement, "FR")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        save_words(statement, world["drafter"], title=TITLE + ", revised")
    told = to("approver-fr@example.org")
    assert len(told) == 1
    assert reference_of(statement) in told[0].subject
    assert "voided" in told[0].subject
    assert "changed the common words" in told[0].body
    assert f"/admin/statements/{statement.pk}/sign-off/" in told[0].body
    assert TITLE not in told[0].body and TITLE not in told[0].subject
    # Japan had not signed, Germany is no signatory: neither hears of a void.
    for code in ("JP", "DE"):
        assert not [m for m in to(f"approver-{code.lower()}@example.org") if "voided" in m.subject]


def test_a_government_the_edit_removed_is_not_written_to(
    client, world, django_capture_on_commit_callbacks
):
    statement, approvers = world["statement"], world["approvers"]
    sign(client, approvers["FR"], statement, "FR")
    sign(client, approvers["JP"], statement, "JP")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        save_words(statement, world["drafter"], signatories={"CA", "FR"})
    france = to("approver-fr@example.org")
    assert len(france) == 1
    assert "changed the list of signatories" in france[0].body
    assert "2 signatories" in france[0].body
    assert [m.subject for m in to("approver-jp@example.org")] == []


def test_a_voided_signoff_is_on_the_approvers_dashboard_until_signed_again(client, world):
    statement, approvers = world["statement"], world["approvers"]
    sign(client, approvers["FR"], statement, "FR")
    save_words(statement, world["drafter"], title=TITLE + ", revised")
    client.force_login(approvers["FR"])
    dashboard = client.get("/admin/").content.decode()
    assert f'data-voided="{statement.pk}-FR"' in dashboard
    assert "Review and sign again" in dashboard
    assert f'href="/admin/statements/{statement.pk}/sign-off/"' in dashboard
    # Japan's sign-off was never given, so it is pending, not voided; Germany has no
    # role in the statement and sees nothing of it.
    client.force_login(approvers["JP"])
    japan = client.get("/admin/").content.decode()
    assert "data-voided=" not in japan
    assert TITLE in japan
    client.force_login(approvers["DE"])
    germany = client.get("/admin/").content.decode()
    assert "data-voided=" not in germany
    assert TITLE not in germany
    # Signing again clears it.
    sign(client, approvers["FR"], statement, "FR")
    client.force_login(approvers["FR"])
    assert "data-voided=" not in client.get("/admin/").content.decode()


def test_an_owner_who_left_the_press_office_is_no_longer_written_to(
    client, world, django_capture_on_commit_callbacks
):
    from statements.models import GovernmentMember

    statement, drafter = world["statement"], world["drafter"]
    request_changes = f"/admin/statements/{statement.pk}/sign-off/request-changes/"
    client.force_login(world["approvers"]["JP"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(request_changes, {"comment": "Paragraph 2 overstates the finding."})
    assert len(to(drafter.email)) == 1  # the control: the drafter of the lead is told
    GovernmentMember.objects.filter(user=drafter).delete()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(request_changes, {"comment": "And paragraph 3."})
    assert to(drafter.email) == []


def test_an_agency_translator_hears_only_of_the_statements_it_was_given(
    site_tree, governments, world
):
    import datetime

    from django.utils import timezone

    from statements import tasks
    from statements.models import AgencyAssignment
    from tests import factories

    statement = world["statement"]
    other = factories.make_statement(
        site_tree["newsrooms"]["en"],
        [governments["CA"], governments["FR"], governments["JP"]],
        lead=governments["CA"],
        publish=False,
        user=world["drafter"],
        slug="other-statement",
        title="Another statement",
    )
    in_house = factories.translator("ja")
    agency = factories.translator("ja", username="agency-ja")
    AgencyAssignment.objects.create(
        user=agency, statement=other, until=timezone.localdate() + datetime.timedelta(days=1)
    )
    mail.outbox.clear()
    tasks.send_translation_digests_task()
    [agency_digest] = to(agency.email)
    assert reference_of(other) in agency_digest.body
    assert reference_of(statement) not in agency_digest.body
    # The control: a translator who is no agency hears of both.
    [in_house_digest] = to(in_house.email)
    assert reference_of(statement) in in_house_digest.body
    assert reference_of(other) in in_house_digest.body
