"""The statement editor, as a drafter meets it: where the statement's other screens
are, and who will have to sign again before a save voids their sign-off."""

import pytest

from tests.statements.flow_world import TITLE, build_world, save_words, sign

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(site_tree, governments, django_capture_on_commit_callbacks):
    return build_world(site_tree, governments, django_capture_on_commit_callbacks)


def editor(client, user, statement):
    client.force_login(user)
    response = client.get(f"/admin/pages/{statement.pk}/edit/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_editor_names_the_signoffs_a_change_to_the_words_voids(client, world):
    statement, approvers, drafter = world["statement"], world["approvers"], world["drafter"]
    sign(client, approvers["FR"], statement, "FR")
    page = editor(client, drafter, statement)
    assert "Saving a change to the title, summary, body or list of signatories voids" in page
    assert 'data-voids-signoff="France"' in page
    assert "France, signed by approver-fr on" in page
    # Japan has not signed: it has nothing to lose.
    assert 'data-voids-signoff="Japan"' not in page
    # After the change the warning names nobody: France must sign again first.
    save_words(statement, drafter, title=TITLE + ", revised")
    page = editor(client, drafter, statement)
    assert 'data-voids-signoff="France"' not in page
    assert "saving voids no sign-off" in page


def test_the_editor_links_to_the_statements_own_screens(client, world):
    statement, approvers, drafter = world["statement"], world["approvers"], world["drafter"]
    languages = f'href="/admin/statements/{statement.pk}/languages/"'
    signoff = f'href="/admin/statements/{statement.pk}/sign-off/"'
    release = f'href="/admin/statements/{statement.pk}/release/"'
    page = editor(client, drafter, statement)
    for link in (languages, signoff, release):
        assert link in page
    # An approver reviewing in the editor is offered the screens it can use, and not
    # the Languages screen, which would refuse it.
    page = editor(client, approvers["JP"], statement)
    assert signoff in page and release in page
    assert languages not in page
    refused = client.get(f"/admin/statements/{statement.pk}/languages/")
    assert refused.status_code == 403 or refused["Location"] == "/admin/"
    client.force_login(drafter)
    assert client.get(f"/admin/statements/{statement.pk}/languages/").status_code == 200
