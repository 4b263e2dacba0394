"""The hand publish paths the admin walk found, each closed, each with its control:
wagtail-localize's "Translate this page", Wagtail's unpublish (single and bulk),
converting a live translation to an alias, and a released translation's live revision
kept when its source is brought into a draft."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from wagtail.models import Page

from statements.actions.translation import UpdateTranslationsAction
from statements.models import StatementPage
from statements.permissions import StatementPermissionTester
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def root_client(client, db):
    client.force_login(get_user_model().objects.create_superuser("root", "r@example.org", "x"))
    return client


@pytest.fixture
def released(site_tree, governments):
    """A live statement of Canada and Japan whose French is live and whose Japanese
    translation is missing (as after a signatory joined)."""
    drafter = factories.drafter()
    page = factories.make_statement(
        site_tree["newsrooms"]["en"],
        [governments["CA"], governments["JP"]],
        lead=governments["CA"],
        user=drafter,
        slug="released",
    )
    factories.translate_statement(page, "fr", title="Déclaration publiée")
    page.get_translation(factories.locale("ja")).delete()
    return page


def live_pages():
    return set(StatementPage.objects.filter(live=True).values_list("pk", flat=True))


def texts(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_translate_this_page_makes_a_draft_of_a_needed_language_only(
    root_client, released, django_capture_on_commit_callbacks
):
    before = live_pages()
    url = f"/admin/localize/submit/page/{released.pk}/"
    with django_capture_on_commit_callbacks(execute=True):
        response = root_client.post(url, {"locales": [factories.locale("it").pk]})
    assert response["Location"] == f"/admin/statements/{released.pk}/languages/"
    assert any("it is not a language of this statement" in t for t in texts(response))
    assert not released.get_translations().filter(locale__language_code="it").exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = root_client.post(url, {"locales": [factories.locale("ja").pk]})
    japanese = released.get_translation(factories.locale("ja"))
    assert not japanese.live
    assert any("Translation drafts set up: ja" in t for t in texts(response))
    assert live_pages() == before


def test_translate_this_page_still_works_for_other_pages(
    root_client, site_tree, django_capture_on_commit_callbacks
):
    """Control: for a page that is not a statement, wagtail-localize's own view runs,
    and publishes the new translation of a live page at once."""
    home = site_tree["homes"]["en"]
    italian = factories.locale("it")
    with django_capture_on_commit_callbacks(execute=True):
        root_client.post(f"/admin/localize/submit/page/{home.pk}/", {"locales": [italian.pk]})
    assert home.get_translation(italian).live


def test_unpublishing_a_statement_is_refused_with_a_message(root_client, released):
    french = released.get_translation(factories.locale("fr"))
    for page in (released, french):
        response = root_client.post(f"/admin/pages/{page.pk}/unpublish/")
        assert response["Location"] == f"/admin/pages/{page.pk}/edit/"
        assert any("cannot be unpublished" in t for t in texts(response))
        assert Page.objects.get(pk=page.pk).live
    html = root_client.get(f"/admin/pages/{released.pk}/edit/").content.decode()
    assert f"/admin/pages/{released.pk}/unpublish/" not in html

    # Control: another page is unpublished by the same request.
    newsroom = Page.objects.get(slug="newsroom", locale__language_code="fr")
    root_client.post(f"/admin/pages/{newsroom.pk}/unpublish/")
    assert not Page.objects.get(pk=newsroom.pk).live


def test_bulk_unpublish_leaves_statements_live(root_client, released, monkeypatch):
    url = f"/admin/bulk/wagtailcore/page/unpublish/?id={released.pk}"
    root_client.post(url, {"include_descendants": ""})
    assert Page.objects.get(pk=released.pk).live

    # Control: were statements unpublishable, the same bulk action would unpublish.
    monkeypatch.setattr(StatementPermissionTester, "can_unpublish", lambda self: True)
    root_client.post(url, {"include_descendants": ""})
    assert not Page.objects.get(pk=released.pk).live


def test_a_live_translation_is_not_turned_into_an_alias(root_client, released):
    french = released.get_translation(factories.locale("fr"))
    response = root_client.post(f"/admin/localize/page/{french.pk}/convert_to_alias/")
    assert response.status_code == 403
    assert Page.objects.get(pk=french.pk).alias_of_id is None


def test_updating_translations_twice_keeps_the_released_text_public(client, released):
    """Each update puts the released text back on the live page; that needs the page
    to keep knowing its live revision, or the second update shows the draft."""
    french = released.get_translation(factories.locale("fr"))
    live_revision = Page.objects.get(pk=french.pk).live_revision_id
    drafter = get_user_model().objects.get(username="drafter")
    for title in ("Corrected once", "Corrected twice"):
        draft = released.get_latest_revision_as_object()
        draft.title = title
        draft.save_revision(user=drafter)
        UpdateTranslationsAction(StatementPage.objects.get(pk=released.pk), drafter).execute()
    french = StatementPage.objects.get(pk=french.pk)
    assert french.live_revision_id == live_revision
    assert french.title == "Déclaration publiée"
    assert "Déclaration publiée" in client.get(french.url).content.decode()


def test_the_languages_screen_of_a_translation_is_its_sources(root_client, released):
    french = released.get_translation(factories.locale("fr"))
    english_revision = Page.objects.get(pk=released.pk).live_revision_id
    root_client.post(f"/admin/statements/{french.pk}/languages/update/")
    english = StatementPage.objects.get(pk=released.pk)
    assert english.live_revision_id == english_revision
    assert not english.is_translation
