"""Translators edit their own language's translations and nothing else (over HTTP)."""

import pytest
from wagtail_localize.models import Translation

from statements.models import StatementPage
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(site_tree, governments):
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


def test_translator_opens_their_languages_translation(client, pages):
    client.force_login(factories.translator("fr"))
    response = client.get(f"/admin/pages/{pages['french'].pk}/edit/")
    assert response.status_code == 200


@pytest.mark.parametrize("target", ["english", "japanese", "french_source"])
def test_translator_cannot_open_other_pages(client, pages, target):
    client.force_login(factories.translator("fr"))
    assert denied(client.get(f"/admin/pages/{pages[target].pk}/edit/"))


def test_translator_cannot_publish(client, pages):
    client.force_login(factories.translator("fr"))
    french = pages["french"]
    client.post(f"/admin/pages/{french.pk}/edit/", {"action-publish": "1"})
    client.post(f"/admin/pages/{french.pk}/publish/")
    assert not StatementPage.objects.get(pk=french.pk).live


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


def test_wagtail_localize_update_and_upload_are_closed_for_statements(client, pages):
    drafter = pages["drafter"]
    client.force_login(drafter)
    french = pages["french"]
    translation = Translation.objects.get(
        source__object_id=french.translation_key, target_locale=french.locale
    )
    assert client.get(f"/admin/localize/update/{translation.source_id}/").status_code == 403
    assert (
        client.post(f"/admin/localize/translate/{translation.pk}/pofile/upload/").status_code == 403
    )


def test_anonymous_is_sent_to_log_in(client, pages):
    response = client.post(f"/admin/localize/page/{pages['french'].pk}/convert_to_alias/")
    assert response.status_code == 302 and "login" in response["Location"]


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

    assignment.until = timezone.localdate() - datetime.timedelta(days=1)
    assignment.save()
    assert denied(client.get(f"/admin/pages/{pages['french'].pk}/edit/"))


def test_translator_cannot_edit_the_snippets_source_rows(client, pages, governments):
    client.force_login(factories.translator("fr"))
    canada = governments["CA"]
    response = client.get(f"/admin/snippets/statements/government/edit/{canada.pk}/")
    assert denied(response)
    response = client.post(
        f"/admin/snippets/statements/government/edit/{canada.pk}/", {"official_name": "x"}
    )
    assert denied(response)
    canada.refresh_from_db()
    assert canada.official_name == "Government of Canada"
