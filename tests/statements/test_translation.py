"""Required languages, translations set up as drafts, and the translation status screen."""

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageLogEntry

from statements.actions.translation import UpdateTranslationsAction
from statements.models import StatementPage
from tests import factories, snapshots
from tests.factories import translate_everything

pytestmark = pytest.mark.django_db


def build_translation_world(with_statement):
    world = {"site_tree": factories.build_site(), "governments": factories.standard_governments()}
    if with_statement:
        drafter = factories.drafter()
        governments = world["governments"]
        ca, fr, jp = governments["CA"], governments["FR"], governments["JP"]
        world["statement"] = (
            factories.make_statement(
                world["site_tree"]["newsrooms"]["en"],
                [ca, fr, jp],
                lead=ca,
                publish=False,
                user=drafter,
                owner=drafter,
                slug="translated",
                title="Joint statement on monitoring",
            ),
            drafter,
        )
    return world


@pytest.fixture
def translation_world(request, db):
    """The site, the governments and, if the test asks for it, the statement: each built
    once per test session (tests/snapshots.py); each test gets its rows back."""
    with_statement = "statement" in request.fixturenames
    return snapshots.world(
        f"translation:{with_statement}", lambda: build_translation_world(with_statement)
    )


@pytest.fixture
def site_tree(translation_world):
    return translation_world["site_tree"]


@pytest.fixture
def governments(translation_world):
    return translation_world["governments"]


@pytest.fixture
def statement(translation_world):
    return translation_world["statement"]


def test_required_languages_follow_the_signatories(statement):
    page, _drafter = statement
    assert page.required_languages() == ["fr", "ja"]


def test_translations_are_set_up_as_unpublished_drafts(statement):
    page, _drafter = statement
    versions = StatementPage.objects.filter(translation_key=page.translation_key)
    assert sorted(v.locale.language_code for v in versions) == ["en", "fr", "ja"]
    assert not any(v.live for v in versions)


def test_a_new_signatory_brings_its_language(statement, governments):
    page, drafter = statement
    germany = factories.GovernmentFactory(code="DE", short_name="Germany", languages=["de"])
    from statements.models import StatementSignatory

    draft = page.get_latest_revision_as_object()
    draft.signatories.add(StatementSignatory(government=germany))
    draft.save_revision(user=drafter)
    codes = set(
        StatementPage.objects.filter(translation_key=page.translation_key).values_list(
            "locale__language_code", flat=True
        )
    )
    assert "de" in codes


def test_dropping_a_language_needs_a_reason_and_is_logged(client, statement):
    page, drafter = statement
    client.force_login(drafter)
    url = f"/admin/statements/{page.pk}/languages/drop/"
    assert client.post(url, {"language": "ja", "reason": ""}).status_code == 400
    assert page.required_languages() == ["fr", "ja"]
    response = client.post(url, {"language": "ja", "reason": "Tokyo will issue its own text."})
    assert response.status_code == 302
    assert page.required_languages() == ["fr"]
    entry = PageLogEntry.objects.get(page=page, action="statements.drop_language")
    assert entry.data["reason"] == "Tokyo will issue its own text."


def assert_denied(response, page):
    """Refused: 403, or Wagtail's redirect to the dashboard, never back to the screen."""
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] != f"/admin/statements/{page.pk}/languages/"


def test_only_editors_drop_languages(client, statement):
    page, drafter = statement
    url = f"/admin/statements/{page.pk}/languages/drop/"
    client.force_login(factories.translator("ja"))
    assert_denied(client.post(url, {"language": "ja", "reason": "x"}), page)
    assert page.required_languages() == ["fr", "ja"]
    client.force_login(drafter)
    assert client.post(url, {"language": "ja", "reason": "x"}).status_code == 302
    assert page.required_languages() == ["fr"]


def test_only_editors_update_translations(client, statement):
    page, drafter = statement
    url = f"/admin/statements/{page.pk}/languages/update/"
    client.force_login(factories.translator("ja"))
    assert_denied(client.post(url), page)
    assert not PageLogEntry.objects.filter(
        page=page, action="statements.update_translations"
    ).exists()
    client.force_login(drafter)
    response = client.post(url)
    assert response["Location"] == f"/admin/statements/{page.pk}/languages/"
    entry = PageLogEntry.objects.get(page=page, action="statements.update_translations")
    assert sorted(entry.data["languages"]) == ["fr", "ja"]


def test_the_languages_screen_itself_takes_no_verbs(client, statement):
    page, drafter = statement
    client.force_login(drafter)
    response = client.post(
        f"/admin/statements/{page.pk}/languages/", {"language": "ja", "reason": "x"}
    )
    assert response.status_code == 405
    assert page.required_languages() == ["fr", "ja"]


def status_cells(client, user):
    from bs4 import BeautifulSoup

    client.force_login(user)
    response = client.get("/admin/statements/translation-status/")
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    return {
        (int(row["data-statement"]), cell["data-language"]): cell["data-state"]
        for row in html.select("tr[data-statement]")
        for cell in row.select("td[data-language]")
    }


def test_status_screen_shows_each_languages_state(client, statement):
    page, drafter = statement
    cells = status_cells(client, drafter)
    assert cells[(page.pk, "fr")] == "not_started"
    assert cells[(page.pk, "ja")] == "not_started"
    translate_everything(page, "fr")
    cells = status_cells(client, drafter)
    assert cells[(page.pk, "fr")] == "translated"
    # The source changes: the French translation is out of date until updated.
    draft = page.get_latest_revision_as_object()
    draft.title = "Joint statement on monitoring, revised"
    draft.save_revision(user=drafter)
    assert status_cells(client, drafter)[(page.pk, "fr")] == "out_of_date"
    UpdateTranslationsAction(page, drafter).execute()
    assert status_cells(client, drafter)[(page.pk, "fr")] == "in_progress"


def test_update_translations_never_publishes(statement):
    page, drafter = statement
    translate_everything(page, "fr")
    UpdateTranslationsAction(page, drafter).execute()
    assert not StatementPage.objects.filter(
        translation_key=page.translation_key, live=True
    ).exists()


def test_translator_sees_awaiting_your_language(client, statement):
    page, _drafter = statement
    client.force_login(factories.translator("ja"))
    dashboard = client.get("/admin/").content.decode()
    assert "Awaiting your language" in dashboard
    assert "Joint statement on monitoring" in dashboard
    client.force_login(factories.translator("de", username="translator-de"))
    assert "Awaiting your language" not in client.get("/admin/").content.decode()


def test_people_without_a_role_do_not_see_the_status_screen(client, statement):
    outsider = factories.UserFactory(username="outsider")
    outsider.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client.force_login(outsider)
    response = client.get("/admin/statements/translation-status/")
    assert response.status_code in (302, 403)


def test_status_screen_query_count_does_not_grow(client, site_tree, governments):
    drafter = factories.drafter()
    ca, fr, jp = governments["CA"], governments["FR"], governments["JP"]

    def make(n):
        for i in range(n):
            factories.make_statement(
                site_tree["newsrooms"]["en"],
                [ca, fr, jp],
                lead=ca,
                publish=False,
                user=drafter,
                slug=f"qc-{n}-{i}",
            )

    client.force_login(drafter)
    make(2)
    client.get("/admin/statements/translation-status/")
    with CaptureQueriesContext(connection) as few:
        client.get("/admin/statements/translation-status/")
    make(4)
    with CaptureQueriesContext(connection) as more:
        response = client.get("/admin/statements/translation-status/")
    assert response.content.decode().count("<tr data-statement=") == 6
    assert len(more) == len(few), (len(few), len(more))


def test_updates_after_release_go_to_drafts_not_to_the_public(client, site_tree, governments):
    drafter = factories.drafter()
    ca, fr = governments["CA"], governments["FR"]
    page = factories.make_statement(
        site_tree["newsrooms"]["en"],
        [ca, fr],
        lead=ca,
        user=drafter,
        slug="released",
        title="Released statement",
    )
    french = factories.translate_statement(page, "fr", title="Déclaration publiée")
    assert client.get(french.url).status_code == 200
    draft = page.get_latest_revision_as_object()
    draft.title = "Released statement, corrected draft"
    draft.save_revision(user=drafter)
    UpdateTranslationsAction(page, drafter).execute()
    public = client.get(french.url).content.decode()
    assert "Déclaration publiée" in public
    french.refresh_from_db()
    assert french.live and french.title == "Déclaration publiée"
    assert french.has_unpublished_changes


def test_changed_source_segments_are_shown_before_and_after(client, statement):
    page, drafter = statement
    draft = page.get_latest_revision_as_object()
    draft.title = "Joint statement on monitoring, revised"
    draft.save_revision(user=drafter)
    client.force_login(drafter)
    html = client.get(f"/admin/statements/{page.pk}/languages/").content.decode()
    assert "Changed in the source since the translations were built" in html
    assert "<td>Joint statement on monitoring</td>" in html
    assert "<td>Joint statement on monitoring, revised</td>" in html
    client.post(f"/admin/statements/{page.pk}/languages/update/")
    html = client.get(f"/admin/statements/{page.pk}/languages/").content.decode()
    assert "Changed in the source since" not in html


def test_editors_see_a_translation_summary_on_the_dashboard(client, statement):
    _page, drafter = statement
    client.force_login(drafter)
    dashboard = client.get("/admin/").content.decode()
    assert "Translations of statements in progress" in dashboard
    assert 'data-state="not_started"' in dashboard
