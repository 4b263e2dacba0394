"""No editor button, bulk action, copy or translation tool makes a statement public."""

import pytest
from django.contrib.auth import get_user_model
from wagtail_localize.models import Translation

from statements.models import StatementPage
from statements.permissions import NewsroomPermissionTester, StatementPermissionTester
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def root_client(client, db):
    user = get_user_model().objects.create_superuser("root", "root@example.org", "pass")
    client.force_login(user)
    return client


@pytest.fixture
def statement(site_tree, governments):
    drafter = factories.drafter()
    return factories.make_statement(
        site_tree["newsrooms"]["en"],
        [governments["CA"], governments["FR"]],
        lead=governments["CA"],
        publish=False,
        user=drafter,
        slug="unreleased",
        title="Unreleased statement",
    )


def is_live(page):
    return StatementPage.objects.get(pk=page.pk).live


def allow_publishing_statements(monkeypatch):
    """Nobody may publish a statement by hand, so a positive control for a publish
    denial grants the one permission the product withholds: the same request then
    publishes, which shows it is a real publish and the permission alone refused it."""
    monkeypatch.setattr(StatementPermissionTester, "can_publish", lambda self: True)


def test_the_editor_offers_no_publish_button_even_to_a_superuser(
    root_client, statement, monkeypatch
):
    html = root_client.get(f"/admin/pages/{statement.pk}/edit/").content.decode()
    assert 'name="action-publish"' not in html

    # Control: with publishing allowed, this is how the button appears.
    allow_publishing_statements(monkeypatch)
    html = root_client.get(f"/admin/pages/{statement.pk}/edit/").content.decode()
    assert 'name="action-publish"' in html


def test_posting_publish_from_the_editor_does_not_publish(root_client, statement, monkeypatch):
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    data = nested_form_data(
        {
            "title": statement.title,
            "slug": statement.slug,
            "statement_type": statement.statement_type,
            "dateline": statement.dateline,
            "summary": statement.summary,
            "lead_government": statement.lead_government_id,
            "signatories": inline_formset(
                [{"government": s.government_id} for s in statement.signatories.all()]
            ),
            "body": streamfield([("paragraph", rich_text("<p>Words.</p>"))]),
            "related_links": inline_formset([]),
            "contacts": inline_formset([]),
            "topics": inline_formset([]),
            "comments": inline_formset([]),
            "release_at": "",
            "release_timezone": "",
            "action-publish": "action-publish",
        }
    )
    root_client.post(f"/admin/pages/{statement.pk}/edit/", data)
    assert not is_live(statement)

    # Control: with publishing allowed, the same form publishes (so it is valid).
    allow_publishing_statements(monkeypatch)
    root_client.post(f"/admin/pages/{statement.pk}/edit/", data)
    assert is_live(statement)


def test_bulk_publish_does_not_publish(root_client, statement, monkeypatch):
    url = "/admin/bulk/wagtailcore/page/publish/"
    root_client.post(f"{url}?id={statement.pk}", {"include_descendants": ""})
    assert not is_live(statement)

    # Control: with publishing allowed, the same bulk action publishes.
    allow_publishing_statements(monkeypatch)
    root_client.post(f"{url}?id={statement.pk}", {"include_descendants": ""})
    assert is_live(statement)


def test_publishing_a_copy_into_the_newsroom_is_not_offered(
    root_client, site_tree, governments, monkeypatch
):
    newsroom = site_tree["newsrooms"]["en"]
    released = factories.make_statement(
        newsroom, [governments["CA"]], lead=governments["CA"], slug="released-one"
    )
    data = {
        "new_title": "Copied statement",
        "new_slug": "copied-statement",
        "new_parent_page": newsroom.pk,
        "publish_copies": "on",
    }
    root_client.post(f"/admin/pages/{released.pk}/copy/", data)
    copy = StatementPage.objects.filter(slug="copied-statement").first()
    assert copy is None or not copy.live

    # Control: were publishing into the newsroom allowed, the same copy would be live.
    monkeypatch.setattr(NewsroomPermissionTester, "can_publish_subpage", lambda self: True)
    root_client.post(f"/admin/pages/{released.pk}/copy/", data)
    assert StatementPage.objects.get(slug="copied-statement").live


def test_the_translation_editor_cannot_publish(
    root_client, statement, monkeypatch, django_capture_on_commit_callbacks
):
    french = statement.get_translation(factories.locale("fr"))
    translation = Translation.objects.get(
        source__object_id=statement.translation_key, target_locale=french.locale
    )
    # wagtail-localize publishes in on_commit callbacks, which a test's transaction
    # never runs unless asked to: without this a publish would go unseen.
    with django_capture_on_commit_callbacks(execute=True):
        root_client.post(f"/admin/pages/{french.pk}/edit/", {"action": "publish"})
        root_client.post(f"/admin/localize/translate/{translation.pk}/preview/")
    assert not is_live(french)
    html = root_client.get(f"/admin/pages/{french.pk}/edit/").content.decode()
    assert '"canPublish": true' not in html.replace("&quot;", '"')

    # Control: with publishing allowed, the editor offers it and the same post publishes.
    allow_publishing_statements(monkeypatch)
    html = root_client.get(f"/admin/pages/{french.pk}/edit/").content.decode()
    assert '"canPublish": true' in html.replace("&quot;", '"')
    with django_capture_on_commit_callbacks(execute=True):
        root_client.post(f"/admin/pages/{french.pk}/edit/", {"action": "publish"})
    assert is_live(french)


def test_finishing_the_workflow_does_not_publish(statement, governments):
    from wagtail.models import WorkflowState

    from statements.actions.signoff import SignOffAction
    from statements.queries.signoff import is_cleared

    drafter = factories.drafter(username="drafter2")
    workflow_state = factories.submit_for_signoff(statement, drafter)
    for code in ("CA", "FR"):
        SignOffAction(statement, factories.approver(governments[code]), code).execute()
    assert not is_live(statement)

    # Control: the workflow did finish (the point where Wagtail would publish).
    workflow_state.refresh_from_db()
    assert workflow_state.status == WorkflowState.STATUS_APPROVED
    assert is_cleared(StatementPage.objects.get(pk=statement.pk))


def test_update_translations_with_publish_does_not_publish(
    root_client, statement, site_tree, django_capture_on_commit_callbacks
):
    """wagtail-localize's "Update translations" offers to publish them: refused."""
    from wagtail.models import Page

    french = statement.get_translation(factories.locale("fr"))
    translation = Translation.objects.get(
        source__object_id=statement.translation_key, target_locale=french.locale
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = root_client.post(
            f"/admin/localize/update/{translation.source_id}/", {"publish_translations": "on"}
        )
    assert response.status_code == 403
    assert not is_live(french)
    assert not is_live(statement)

    # Control: for a page that is not a statement, the same request publishes.
    newsroom = factories.synced_translation(site_tree["newsrooms"]["en"], "fr")
    site_tree["newsrooms"]["fr"].unpublish()
    with django_capture_on_commit_callbacks(execute=True):
        response = root_client.post(
            f"/admin/localize/update/{newsroom.source_id}/", {"publish_translations": "on"}
        )
    assert response.status_code == 302
    assert Page.objects.get(pk=site_tree["newsrooms"]["fr"].pk).live


def test_signing_to_clearance_over_http_does_not_publish(client, statement, governments):
    """The workflow's finish, reached through the sign-off screens, clears and stops."""
    drafter = factories.drafter(username="drafter3")
    factories.submit_for_signoff(statement, drafter)
    for code in ("CA", "FR"):
        client.force_login(factories.approver(governments[code]))
        latest = StatementPage.objects.get(pk=statement.pk).get_latest_revision()
        response = client.post(
            f"/admin/statements/{statement.pk}/sign-off/sign-off-{code.lower()}/",
            {"revision_id": latest.pk, "comment": ""},
        )
        assert response.status_code == 302
    from statements.queries.signoff import is_cleared

    assert is_cleared(StatementPage.objects.get(pk=statement.pk))
    assert not is_live(statement)
    assert client.get(statement.url or "/en/newsroom/unreleased/").status_code == 404

    # Control: the same address serves the statement once it is published.
    StatementPage.objects.get(pk=statement.pk).get_latest_revision().publish()
    assert client.get(statement.url or "/en/newsroom/unreleased/").status_code == 200


def test_translated_page_editor_publish_after_release_changes_nothing_public(
    root_client, site_tree, governments, client, monkeypatch, django_capture_on_commit_callbacks
):
    """After release, wagtail-localize's editor saves drafts: the public text stays."""
    from django.utils import timezone

    from statements.actions.release import ReleaseStatementAction
    from statements.actions.scheduling import ScheduleReleaseAction
    from statements.models import Release

    statement, drafter, _approvers = factories.ready_for_release(
        site_tree["newsrooms"]["en"],
        {"CA": governments["CA"], "FR": governments["FR"]},
        slug="released-then-edited",
    )
    release = ScheduleReleaseAction(statement, drafter).execute()
    Release.objects.filter(pk=release.pk).update(release_at=timezone.now())
    ReleaseStatementAction(release.pk).execute()
    french = statement.get_translation(factories.locale("fr"))
    before = client.get(french.url).content.decode()
    translation = Translation.objects.get(
        source__object_id=statement.translation_key, target_locale=french.locale
    )
    from wagtail_localize.models import StringTranslation

    StringTranslation.objects.filter(locale=french.locale).update(data="Texte modifié")
    # wagtail-localize publishes in on_commit callbacks: run them, or nothing could show.
    with django_capture_on_commit_callbacks(execute=True):
        root_client.post(f"/admin/localize/translate/{translation.pk}/preview/")
        root_client.post(f"/admin/pages/{french.pk}/edit/", {"action": "publish"})
    after = client.get(french.url).content.decode()
    assert "Texte modifié" not in after
    assert before.count("[fr]") == after.count("[fr]")

    # Control: with publishing allowed, the same post puts the new text in public.
    allow_publishing_statements(monkeypatch)
    with django_capture_on_commit_callbacks(execute=True):
        root_client.post(f"/admin/pages/{french.pk}/edit/", {"action": "publish"})
    # Published, the new title keeps the released address.
    assert "Texte modifié" in client.get(french.url).content.decode()
