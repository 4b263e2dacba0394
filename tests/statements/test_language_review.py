"""Each government approves the translation into its own language; edits void it."""

import pytest
from wagtail.models import PageLogEntry

from statements.models import Approval, StatementPage
from tests import factories
from tests.statements.test_translation import status_cells, translate_everything

pytestmark = pytest.mark.django_db


@pytest.fixture
def review(site_tree, governments):
    drafter = factories.drafter()
    ca, fr, jp = governments["CA"], governments["FR"], governments["JP"]
    page = factories.make_statement(
        site_tree["newsrooms"]["en"],
        [ca, fr, jp],
        lead=ca,
        publish=False,
        user=drafter,
        owner=drafter,
        slug="reviewed",
    )
    approvers = {code: factories.approver(g) for code, g in governments.items()}
    for code in ("fr", "ja"):
        translate_everything(page, code)
        translation = page.get_translation(factories.locale(code)).specific
        # The translator saves the finished text into the translated page.
        from wagtail_localize.models import Translation

        Translation.objects.get(
            source__object_id=page.translation_key, target_locale=translation.locale
        ).save_target(publish=False)
    return {
        "page": page,
        "drafter": drafter,
        "approvers": approvers,
        "fr": page.get_translation(factories.locale("fr")).specific,
        "ja": page.get_translation(factories.locale("ja")).specific,
    }


def approve(client, user, page, code):
    client.force_login(user)
    latest = StatementPage.objects.get(pk=page.pk).get_latest_revision()
    return client.post(
        f"/admin/statements/{page.pk}/language-review/",
        {"government": code, "revision_id": latest.pk},
    )


def test_japan_approves_japanese_and_an_edit_voids_it(client, review):
    japanese = review["ja"]
    response = approve(client, review["approvers"]["JP"], japanese, "JP")
    assert response.status_code == 302
    approval = Approval.objects.get(subject="translation", language_code="ja")
    assert approval.government_name == "Japan"
    assert status_cells(client, review["drafter"])[(review["page"].pk, "ja")] == "approved"

    # Editing the French translation leaves the Japanese approval alone.
    french = review["fr"].get_latest_revision_as_object()
    french.title = "Titre corrigé"
    french.save_revision(user=review["drafter"])
    assert Approval.objects.get(pk=approval.pk).state == Approval.State.VALID

    # Editing the Japanese translation voids it, visibly and in the log.
    draft = japanese.get_latest_revision_as_object()
    draft.title = "修正された題名"
    revision = draft.save_revision(user=review["drafter"])
    approval.refresh_from_db()
    assert approval.state == Approval.State.VOID
    assert approval.voided_by_revision == revision
    assert PageLogEntry.objects.filter(
        page=japanese, action="statements.void_translation_approval"
    ).exists()
    assert status_cells(client, review["drafter"])[(review["page"].pk, "ja")] != "approved"


def test_only_that_languages_governments_approve(client, review):
    response = approve(client, review["approvers"]["FR"], review["ja"], "JP")
    assert response.status_code in (302, 403)
    assert not Approval.objects.filter(subject="translation").exists()
    # France is a reviewer of French, but not Japan's approver.
    response = approve(client, review["approvers"]["JP"], review["fr"], "FR")
    assert response.status_code in (302, 403)
    assert not Approval.objects.filter(subject="translation").exists()


def test_both_french_speaking_governments_approve_french(client, review):
    assert approve(client, review["approvers"]["CA"], review["fr"], "CA").status_code == 302
    cells = status_cells(client, review["drafter"])
    assert cells[(review["page"].pk, "fr")] == "translated"
    assert approve(client, review["approvers"]["FR"], review["fr"], "FR").status_code == 302
    assert status_cells(client, review["drafter"])[(review["page"].pk, "fr")] == "approved"


def test_an_incomplete_translation_cannot_be_approved(client, site_tree, governments):
    drafter = factories.drafter()
    jp = governments["JP"]
    page = factories.make_statement(
        site_tree["newsrooms"]["en"],
        [governments["CA"], jp],
        lead=governments["CA"],
        publish=False,
        user=drafter,
        slug="incomplete",
    )
    japanese = page.get_translation(factories.locale("ja")).specific
    response = approve(client, factories.approver(jp), japanese, "JP")
    assert response.status_code == 403
    assert "every segment must be translated" in response.content.decode()


def test_machine_translated_segments_block_approval_until_reviewed(client, site_tree, governments):
    from wagtail_localize.models import StringTranslation, Translation

    drafter = factories.drafter()
    jp = governments["JP"]
    page = factories.make_statement(
        site_tree["newsrooms"]["en"],
        [governments["CA"], jp],
        lead=governments["CA"],
        publish=False,
        user=drafter,
        slug="machine",
    )
    japanese = page.get_translation(factories.locale("ja")).specific
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=japanese.locale
    )
    client.force_login(factories.translator("ja"))
    response = client.post(f"/admin/localize/translate/{translation.pk}/machine_translate/")
    assert response.status_code in (200, 302)
    machine = StringTranslation.objects.filter(
        locale=japanese.locale, translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
    )
    assert machine.exists()
    translation.save_target(publish=False)
    response = approve(client, factories.approver(jp), japanese, "JP")
    assert response.status_code == 403
    assert "Machine-translated segments must be reviewed by a person first." in (
        response.content.decode()
    )
    assert not StatementPage.objects.get(pk=japanese.pk).live
