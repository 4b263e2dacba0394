"""Translators edit their own language's translations and nothing else (over HTTP)."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail_localize.models import StringTranslation, Translation

from statements.models import StatementPage
from statements.permissions import StatementPermissionTester
from tests import factories, snapshots

pytestmark = pytest.mark.django_db


@pytest.fixture
def access_world(db):
    """Built once per test session (tests/snapshots.py); each test gets its rows back."""
    return snapshots.world("translator access", build_access_world)


@pytest.fixture
def site_tree(access_world):
    return access_world["site_tree"]


@pytest.fixture
def governments(access_world):
    return access_world["governments"]


@pytest.fixture
def pages(access_world):
    return access_world["pages"]


def build_access_world():
    site_tree = factories.build_site()
    governments = factories.standard_governments()
    return {
        "site_tree": site_tree,
        "governments": governments,
        "pages": make_pages(site_tree, governments),
    }


def make_pages(site_tree, governments):
    drafter = factories.drafter()
    ca, fr, jp = governments["CA"], governments["FR"], governments["JP"]
    english = factories.make_statement(
        site_tree["newsrooms"]["en"],
        [ca, fr, jp],
        lead=ca,
        publish=False,
        user=drafter,
        owner=drafter,
        slug="access",
    )
    french_source = factories.make_statement(
        site_tree["newsrooms"]["fr"],
        [fr],
        lead=fr,
        publish=False,
        user=drafter,
        owner=drafter,
        slug="source-francaise",
        title="Déclaration rédigée en français",
    )
    return {
        "english": english,
        "french": english.get_translation(factories.locale("fr")).specific,
        "japanese": english.get_translation(factories.locale("ja")).specific,
        "french_source": french_source,
        "drafter": drafter,
    }


def denied(response):
    return response.status_code == 403 or (
        response.status_code == 302
        and response["Location"].startswith("/admin/")
        and "/edit/" not in response["Location"]
    )


def superuser():
    return get_user_model().objects.create_superuser("root", "root@example.org", "pass")


def allow_publishing_statements(monkeypatch):
    """Nobody may publish a statement by hand, so a positive control for a publish
    denial grants the one permission the product withholds: the same request then
    publishes, which shows it is a real publish and the permission alone refused it."""
    monkeypatch.setattr(StatementPermissionTester, "can_publish", lambda self: True)


def publish_request(route, page):
    """The requests that publish a synced translation in Wagtail 8 with wagtail-localize.

    Wagtail 8 has no ``/admin/pages/<id>/publish/``. For a page that is the target of a
    wagtail-localize translation, the edit URL (and "revert to this revision", the same
    view) serves wagtail-localize's translation editor, whose Publish button posts
    ``action=publish``; the other route is the bulk action.
    """
    if route == "translation-editor":
        return f"/admin/pages/{page.pk}/edit/", {"action": "publish"}
    if route == "revision-revert":
        revision = page.get_latest_revision()
        return f"/admin/pages/{page.pk}/revisions/{revision.pk}/revert/", {"action": "publish"}
    assert route == "bulk-publish"
    return f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}", {"include_descendants": ""}


def edited_pofile(client, translation, text):
    """The translation's PO file as wagtail-localize exports it, one entry retranslated."""
    import polib

    download = client.get(f"/admin/localize/translate/{translation.pk}/pofile/download/")
    assert download.status_code == 200
    po = polib.pofile(download.content.decode())
    po[0].msgstr = text
    return SimpleUploadedFile("translation.po", str(po).encode())


def test_translator_opens_their_languages_translation(client, pages):
    client.force_login(factories.translator("fr"))
    response = client.get(f"/admin/pages/{pages['french'].pk}/edit/")
    assert response.status_code == 200


@pytest.mark.parametrize("target", ["english", "japanese", "french_source"])
def test_translator_cannot_open_other_pages(client, pages, target):
    client.force_login(factories.translator("fr"))
    assert denied(client.get(f"/admin/pages/{pages[target].pk}/edit/"))

    # Control: the same request opens the page for a user who may edit it.
    client.force_login(superuser())
    assert client.get(f"/admin/pages/{pages[target].pk}/edit/").status_code == 200


@pytest.mark.parametrize("route", ["translation-editor", "revision-revert", "bulk-publish"])
def test_translator_cannot_publish(
    client, pages, route, monkeypatch, django_capture_on_commit_callbacks
):
    client.force_login(factories.translator("fr"))
    french = pages["french"]
    url, data = publish_request(route, french)
    # wagtail-localize publishes in on_commit callbacks, which a test's transaction
    # never runs unless asked to: without this a publish would go unseen.
    with django_capture_on_commit_callbacks(execute=True):
        # Wagtail's own page editor field (read if the page stops being synced).
        client.post(f"/admin/pages/{french.pk}/edit/", {"action-publish": "1"})
        client.post(url, data)
    assert not StatementPage.objects.get(pk=french.pk).live

    # Control: allowed to publish, the same translator's same request publishes.
    allow_publishing_statements(monkeypatch)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, data)
    assert StatementPage.objects.get(pk=french.pk).live


def test_translator_cannot_convert_to_alias_or_stop_synchronisation(client, pages):
    client.force_login(factories.translator("fr"))
    french = pages["french"]
    translation = Translation.objects.get(
        source__object_id=french.translation_key, target_locale=french.locale
    )
    assert client.post(f"/admin/localize/page/{french.pk}/convert_to_alias/").status_code == 403
    assert client.post(f"/admin/localize/translate/{translation.pk}/disable/").status_code == 403
    assert Translation.objects.get(pk=translation.pk).enabled
    assert StatementPage.objects.get(pk=french.pk).alias_of_id is None

    # Control: the statement's own editor may, and the same requests do it.
    client.force_login(pages["drafter"])
    assert client.post(f"/admin/localize/translate/{translation.pk}/disable/").status_code == 302
    assert not Translation.objects.get(pk=translation.pk).enabled
    assert client.post(f"/admin/localize/page/{french.pk}/convert_to_alias/").status_code == 302
    assert StatementPage.objects.get(pk=french.pk).alias_of_id == pages["english"].pk


def test_wagtail_localize_update_and_upload_are_closed_for_statements(client, pages, site_tree):
    drafter = pages["drafter"]
    client.force_login(drafter)
    french = pages["french"]
    translation = Translation.objects.get(
        source__object_id=french.translation_key, target_locale=french.locale
    )
    newsroom = factories.synced_translation(site_tree["newsrooms"]["en"], "fr")
    assert client.get(f"/admin/localize/update/{translation.source_id}/").status_code == 403
    upload = edited_pofile(client, translation, "Texte importé")
    assert (
        client.post(
            f"/admin/localize/translate/{translation.pk}/pofile/upload/", {"file": upload}
        ).status_code
        == 403
    )
    assert not StringTranslation.objects.filter(data="Texte importé").exists()

    # Control: for a page that is not a statement the same upload is imported ...
    upload = edited_pofile(client, newsroom, "Texte importé")
    response = client.post(
        f"/admin/localize/translate/{newsroom.pk}/pofile/upload/", {"file": upload}
    )
    assert response.status_code == 302
    assert StringTranslation.objects.filter(data="Texte importé").exists()
    # ... and "Update translations" opens for a user wagtail-localize lets in (the
    # drafter lacks its submit_translation permission), who is refused for a statement.
    client.force_login(superuser())
    assert client.get(f"/admin/localize/update/{newsroom.source_id}/").status_code == 200
    assert client.get(f"/admin/localize/update/{translation.source_id}/").status_code == 403


def test_anonymous_is_sent_to_log_in(client, pages):
    response = client.post(f"/admin/localize/page/{pages['french'].pk}/convert_to_alias/")
    assert response.status_code == 302 and "login" in response["Location"]

    # Control: a logged-in editor of the statement is not sent to log in.
    client.force_login(pages["drafter"])
    response = client.post(f"/admin/localize/page/{pages['french'].pk}/convert_to_alias/")
    assert response.status_code == 302 and "login" not in response["Location"]


def test_agency_account_reaches_only_its_assigned_statements_until_a_date(
    client, pages, site_tree, governments
):
    import datetime

    from django.utils import timezone

    from statements.models import AgencyAssignment

    other = factories.make_statement(
        site_tree["newsrooms"]["en"],
        [governments["CA"], governments["FR"]],
        lead=governments["CA"],
        publish=False,
        user=pages["drafter"],
        slug="unassigned",
        title="Statement the agency was not given",
    )
    other_french = other.get_translation(factories.locale("fr"))
    agency = factories.translator("fr", username="agency-fr")
    assignment = AgencyAssignment.objects.create(
        user=agency,
        statement=pages["english"],
        until=timezone.localdate() + datetime.timedelta(days=1),
    )
    client.force_login(agency)
    assert client.get(f"/admin/pages/{pages['french'].pk}/edit/").status_code == 200
    assert denied(client.get(f"/admin/pages/{other_french.pk}/edit/"))
    status = client.get("/admin/statements/translation-status/").content.decode()
    assert f'data-statement="{pages["english"].pk}"' in status
    assert f'data-statement="{other.pk}"' not in status

    # Control: a translator who is not an agency account reaches the other statement.
    client.force_login(factories.translator("fr"))
    assert client.get(f"/admin/pages/{other_french.pk}/edit/").status_code == 200
    status = client.get("/admin/statements/translation-status/").content.decode()
    assert f'data-statement="{other.pk}"' in status

    client.force_login(agency)
    assignment.until = timezone.localdate() - datetime.timedelta(days=1)
    assignment.save()
    assert denied(client.get(f"/admin/pages/{pages['french'].pk}/edit/"))


def test_translator_cannot_edit_the_snippets_source_rows(client, pages, governments):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    client.force_login(factories.translator("fr"))
    canada = governments["CA"]
    # A complete, valid form, so that only the permission stands between it and a save.
    data = nested_form_data(
        {
            "official_name": "x",
            "short_name": canada.short_name,
            "code": canada.code,
            "department": canada.department,
            "time_zone": canada.time_zone,
            "duty_email": canada.duty_email,
            "social_links": inline_formset([]),
        }
    )
    data["languages"] = canada.languages
    response = client.get(f"/admin/snippets/statements/government/edit/{canada.pk}/")
    assert denied(response)
    response = client.post(f"/admin/snippets/statements/government/edit/{canada.pk}/", data)
    assert denied(response)
    canada.refresh_from_db()
    assert canada.official_name == "Government of Canada"

    # Control: the same requests open and save the row for a user who may. (A save
    # redirects to the listing, which ``denied`` cannot tell from a refusal.)
    client.force_login(superuser())
    assert client.get(f"/admin/snippets/statements/government/edit/{canada.pk}/").status_code == 200
    client.post(f"/admin/snippets/statements/government/edit/{canada.pk}/", data)
    canada.refresh_from_db()
    assert canada.official_name == "x"
