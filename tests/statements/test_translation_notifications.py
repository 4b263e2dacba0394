"""Translators and approvers get one digest of what awaits them, with links only."""

import pytest
from django.core import mail
from wagtail_localize.models import Translation

from statements import tasks
from tests import factories
from tests.statements.test_translation import translate_everything

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(site_tree, governments):
    drafter = factories.drafter()
    fr_translator = factories.translator("fr")
    fr_translator.email = "fr@example.org"
    fr_translator.save()
    ja_translator = factories.translator("ja")
    ja_translator.email = "ja@example.org"
    ja_translator.save()
    approvers = {
        code: factories.approver(g, email=f"{code.lower()}-approver@example.org")
        for code, g in governments.items()
    }
    return {"drafter": drafter, "approvers": approvers}


def make(site_tree, governments, drafter, slug):
    ca, fr, jp = governments["CA"], governments["FR"], governments["JP"]
    return factories.make_statement(
        site_tree["newsrooms"]["en"],
        [ca, fr, jp],
        lead=ca,
        publish=False,
        user=drafter,
        owner=drafter,
        slug=slug,
        title=f"Secret title {slug}",
    )


def test_translators_get_one_digest_for_several_requests(site_tree, governments, people):
    make(site_tree, governments, people["drafter"], "one")
    make(site_tree, governments, people["drafter"], "two")
    mail.outbox.clear()
    assert tasks.send_translation_digests_task() == 2
    by_address = {m.to[0]: m for m in mail.outbox}
    assert set(by_address) == {"fr@example.org", "ja@example.org"}
    french = by_address["fr@example.org"]
    assert french.body.count("/admin/pages/") == 2
    assert "Secret title" not in french.body + french.subject
    # Nothing new: no second digest.
    mail.outbox.clear()
    assert tasks.send_translation_digests_task() == 0


def test_out_of_date_and_awaiting_review_are_announced(site_tree, governments, people):
    page = make(site_tree, governments, people["drafter"], "three")
    tasks.send_translation_digests_task()
    draft = page.get_latest_revision_as_object()
    draft.title = "Secret title, changed"
    draft.save_revision(user=people["drafter"])
    mail.outbox.clear()
    tasks.send_translation_digests_task()
    assert {m.to[0] for m in mail.outbox} == {"fr@example.org", "ja@example.org"}
    assert "out of date" in mail.outbox[0].body

    from statements.actions.translation import UpdateTranslationsAction

    UpdateTranslationsAction(page, people["drafter"]).execute()
    translate_everything(page, "ja")
    Translation.objects.get(
        source__object_id=page.translation_key, target_locale__language_code="ja"
    ).save_target(publish=False)
    mail.outbox.clear()
    tasks.send_translation_digests_task()
    assert [m.to for m in mail.outbox] == [["jp-approver@example.org"]]
    assert "/language-review/" in mail.outbox[0].body
