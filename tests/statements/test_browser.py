"""Each role's main path in a real browser (Debian's Chromium through Playwright)."""

import pytest
from wagtail.models import Locale

from statements.models import NewsroomPage, StatementPage
from tests.browser import chromium, sign_in
from tests.snapshots import load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_site(live_server):
    load_demo()  # once per session; a copy of it for each later test
    return live_server.url


def test_journalist_reads_the_joint_statement_in_french(demo_site):
    french = StatementPage.objects.get(
        slug="joint-statement-msmt-first-report", locale__language_code="en"
    ).get_translation(Locale.objects.get(language_code="fr"))
    french_title = french.title
    with chromium() as browser:
        page = browser.new_page()
        page.goto(demo_site + "/en/")
        assert page.locator("html").get_attribute("lang") == "en"
        page.get_by_role("navigation", name="Languages").get_by_role(
            "link", name="français"
        ).click()
        page.wait_for_url("**/fr/")
        assert page.locator("html").get_attribute("lang") == "fr"
        page.get_by_role("link", name=french_title).first.click()
        page.wait_for_url(f"**{french.url}")
        assert page.get_by_role("heading", level=1).inner_text() == french_title
        assert "29 mai 2025" in page.locator(".dateline").inner_text()


def test_drafter_creates_a_draft_statement(demo_site):
    newsroom = NewsroomPage.objects.get(locale__language_code="en")
    with chromium() as browser:
        page = browser.new_page()
        sign_in(page, demo_site, "drafter", "communique-demo")

        page.goto(f"{demo_site}/admin/pages/add/statements/statementpage/{newsroom.pk}/")
        page.fill("#id_title", "Statement on humanitarian access")
        page.select_option("#id_statement_type", "statement")
        page.fill("#id_dateline", "Ottawa, Ontario")
        page.fill("#id_summary", "Canada calls for unhindered humanitarian access.")
        page.select_option("#id_lead_government", label="Canada")
        page.select_option("#id_signatories-0-government", label="Canada")
        page.locator(
            "[data-streamfield-stream-container] button[title='Insert a block']"
        ).first.click()
        page.get_by_role("option", name="Paragraph").click()
        editor = page.locator(".public-DraftEditor-content").first
        editor.click()
        page.keyboard.type("Canada calls on all parties to allow humanitarian access.")
        page.keyboard.press("Tab")  # Draftail writes its value back when it loses focus
        page.wait_for_timeout(300)
        page.get_by_role("button", name="Save draft").click()
        page.wait_for_url("**/admin/pages/*/edit/")

    created = StatementPage.objects.get(
        title="Statement on humanitarian access", locale__language_code="en"
    )
    assert created.live is False
    assert created.owner.username == "drafter"
    assert [s.government.code for s in created.ordered_signatories] == ["CA"]
    assert "humanitarian access" in str(created.get_latest_revision_as_object().body)
    # Canada publishes in French too: the French translation was set up, unpublished.
    french = StatementPage.objects.get(
        translation_key=created.translation_key, locale__language_code="fr"
    )
    assert french.live is False
