"""Translation in a real browser: a translator completes German in wagtail-localize's
editor, the status screen shows 100 %, Japan approves its translation, an edit voids it."""

import pytest
from wagtail.models import Locale
from wagtail_localize.models import Translation

from statements.models import Approval, StatementPage
from tests.browser import chromium, sign_in
from tests.snapshots import load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_site(live_server):
    load_demo()  # once per session; a copy of it for each later test
    return live_server.url


def log_in(page, base, username):
    sign_in(page, base, username, "communique-demo")


def test_translator_completes_german_and_japan_approves_japanese(demo_site):
    base = demo_site
    source = StatementPage.objects.get(
        slug="joint-statement-msmt-second-report", locale__language_code="en"
    )
    german = StatementPage.objects.get(
        translation_key=source.translation_key, locale__language_code="de"
    )
    with chromium() as browser:
        page = browser.new_page()
        log_in(page, base, "translator-de")
        awaiting = page.locator("#awaiting-language-heading").locator("..")
        assert "Multilateral Sanctions Monitoring Team" in awaiting.inner_text()

        # wagtail-localize's editor: translate every segment, one by one.
        page.goto(f"{base}/admin/pages/{german.pk}/edit/")
        buttons = page.get_by_role("button", name="Translate", exact=True)
        buttons.first.wait_for()
        remaining = buttons.count()
        assert remaining == 6
        for number in range(remaining):
            buttons.first.click()
            page.locator("textarea").first.fill(f"Deutscher Text, Segment {number + 1}")
            with page.expect_response(lambda r: "/strings/" in r.url and r.ok):
                page.get_by_role("button", name="Save", exact=True).click()
            page.wait_for_function("document.querySelectorAll('textarea').length === 0")
        assert buttons.count() == 0

        page.goto(f"{base}/admin/statements/translation-status/")
        cell = page.locator(f'tr[data-statement="{source.pk}"] td[data-language="de"]')
        assert cell.get_attribute("data-state") == "translated"
        assert "100 %" in cell.inner_text()

        # Japan's approver approves the Japanese translation of the maritime statement.
        maritime = StatementPage.objects.get(
            slug="statement-maritime-sanctions-enforcement", locale__language_code="en"
        ).get_translation(Locale.objects.get(language_code="ja"))
        log_in(page, base, "approver-jp")
        page.goto(f"{base}/admin/statements/{maritime.pk}/language-review/")
        page.get_by_role("button", name="Approve for Japan").click()
        page.wait_for_selector(".messages")
        row = page.locator('tr.review-row[data-government="JP"]')
        assert row.get_attribute("data-state") == "valid"

    assert (
        Approval.objects.filter(subject="translation", language_code="ja", state="valid").count()
        == 1
    )
    # An edit to the Japanese translation voids that approval.
    draft = maritime.get_latest_revision_as_object()
    draft.title = draft.title + "（改訂）"
    draft.save_revision()
    assert Approval.objects.get(subject="translation", language_code="ja").state == "void"
    translation = Translation.objects.get(
        source__object_id=source.translation_key, target_locale__language_code="de"
    )
    assert translation.get_progress() == (6, 6)
