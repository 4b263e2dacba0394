"""Translation in a real browser: a translator completes German through a CAT file, the
status screen shows 100 %, Japan approves its translation, and an edit voids it."""

import polib
import pytest
from django.core.management import call_command

from statements.models import Approval, StatementPage
from tests.browser import chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

GERMAN = {
    "Joint statement on the second report of the Multilateral Sanctions Monitoring Team": (
        "Gemeinsame Erklärung zum zweiten Bericht des Multilateralen Sanktionsüberwachungsteams"
    ),
}


@pytest.fixture
def demo_site(live_server):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    return live_server.url


def log_in(page, base, username):
    page.context.clear_cookies()
    page.goto(base + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "communique-demo")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")


def test_translator_completes_german_and_japan_approves_japanese(demo_site, tmp_path):
    base = demo_site
    source = StatementPage.objects.get(
        slug="joint-statement-msmt-second-report", locale__language_code="en"
    )
    german = StatementPage.objects.get(
        translation_key=source.translation_key, locale__language_code="de"
    )
    with chromium() as browser:
        context = browser.new_context(accept_downloads=True)
        page = context.new_page()
        log_in(page, base, "translator-de")
        awaiting = page.locator("#awaiting-language-heading").locator("..")
        assert "Multilateral Sanctions Monitoring Team" in awaiting.inner_text()

        page.goto(f"{base}/admin/statements/{german.pk}/translation-file/import/")
        with page.expect_download() as download:
            page.get_by_role("link", name="Export as PO").click()
        exported = tmp_path / "de.po"
        download.value.save_as(exported)
        po = polib.pofile(str(exported))
        for entry in po:  # what a CAT tool does: a German text for every segment
            entry.msgstr = GERMAN.get(entry.msgid, f"DE: {entry.msgid}")
        po.save(str(exported))
        page.set_input_files("#id_file", str(exported))
        page.get_by_role("button", name="Import").click()
        page.wait_for_selector(".messages")
        assert "imported" in page.locator(".messages").inner_text()

        page.goto(f"{base}/admin/statements/translation-status/")
        cell = page.locator(f'tr[data-statement="{source.pk}"] td[data-language="de"]')
        assert cell.get_attribute("data-state") == "translated"
        assert "100 %" in cell.inner_text()

        # Japan's approver approves the Japanese translation of the maritime statement.
        maritime = StatementPage.objects.get(
            slug="statement-maritime-sanctions-enforcement", locale__language_code="ja"
        )
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
    assert (
        StatementPage.objects.get(pk=german.pk).get_latest_revision_as_object().title
        == (GERMAN[source.title])
    )
