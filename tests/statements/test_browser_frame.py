"""The public frame in a real browser: each script drawn by its own language's font,
the page as printed, and "Copy link"."""

import pytest

from statements.models import StatementPage
from tests.browser import chromium
from tests.snapshots import load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MSMT_SLUG = "joint-statement-msmt-first-report"

# Two spans of the same Han characters, one Japanese and one Korean (Hanja), added to
# a Japanese page: each must be drawn by its own language's font.
ADD_HAN = """() => {
  for (const lang of ["ja", "ko"]) {
    const span = document.createElement("span");
    span.id = "han-" + lang;
    span.lang = lang;
    span.textContent = "外交部直線骨";
    document.querySelector("main").append(span);
  }
}"""


@pytest.fixture
def demo_site(live_server):
    load_demo()  # once per session; a copy of it for each later test
    return live_server.url


def statement_url(code):
    """Each language has a slug of its own: find the translation by its key."""
    source = StatementPage.objects.get(slug=MSMT_SLUG, locale__language_code="en")
    return StatementPage.objects.get(
        translation_key=source.translation_key, locale__language_code=code
    ).url


def drawn_with(page, selector):
    """The fonts Chromium actually drew an element's text with (DevTools protocol)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return [font["familyName"] for font in fonts]


def test_the_frame_in_a_browser(demo_site):
    """One load, every check: loading the demo is the slow part."""
    with chromium() as browser:
        check_korean_hanja_keep_korean_forms_on_a_japanese_page(browser, demo_site)
        check_the_printed_statement_keeps_the_words_and_drops_the_controls(browser, demo_site)
        check_copy_link_copies_the_statements_address(browser, demo_site)


def check_korean_hanja_keep_korean_forms_on_a_japanese_page(browser, demo_site):
    page = browser.new_page()
    page.goto(demo_site + statement_url("ja"))
    page.evaluate(ADD_HAN)
    japanese, korean = drawn_with(page, "#han-ja"), drawn_with(page, "#han-ko")
    assert japanese and korean
    assert all("JP" in name for name in japanese), japanese
    assert all("KR" in name for name in korean), korean
    # And the language switcher's own Korean name, on the Japanese page.
    assert all("KR" in n for n in drawn_with(page, ".language-switcher a[lang=ko]"))


def check_the_printed_statement_keeps_the_words_and_drops_the_controls(browser, demo_site):
    page = browser.new_page()
    page.goto(demo_site + statement_url("en"))
    page.emulate_media(media="print")
    assert page.locator(".site-identity").is_visible()
    assert page.locator("h1").is_visible()
    assert page.locator(".date-modified").is_visible()
    for control in (".header-search", ".language-switcher", ".breadcrumbs", ".share"):
        assert not page.locator(control).is_visible(), control
    page.emulate_media(media="screen")
    for control in (".header-search", ".language-switcher", ".breadcrumbs", ".share"):
        assert page.locator(control).is_visible(), control


def check_copy_link_copies_the_statements_address(browser, demo_site):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(demo_site + statement_url("ja"))
    link = page.locator("a.copy-link")
    address = link.get_attribute("href")
    assert address.endswith(statement_url("ja"))
    link.click()
    assert page.locator(".copy-status").inner_text() == "リンクをコピーしました。"
    assert page.evaluate("() => navigator.clipboard.readText()") == address
    assert page.url == demo_site + statement_url("ja")  # copied, not followed
    context.close()
