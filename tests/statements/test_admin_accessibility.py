"""Our own admin screens (translation status, release, release queue, sign-off, the
translator's dashboard) checked with axe-core in a real browser, as the public pages
are (test_accessibility): a serious or critical violation fails. Wagtail's own chrome
around them (menu, header) is Wagtail's; the check covers the screen's content, which
is ours."""

import pytest

from tests import factories
from tests.browser import chromium, sign_in
from tests.statements.test_accessibility import AXE_OPTIONS, FAILING_IMPACTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "pass"
# Wagtail 8 puts a screen's own content in <main>; everything outside it is Wagtail's.
OUR_CONTENT = {"include": [["main"]]}
PLANT_UNNAMED_IMAGE = (
    "document.querySelector('main')"
    ".insertAdjacentHTML('beforeend', '<img src=\"/static/none.png\">')"
)


@pytest.fixture
def screens(live_server):
    tree = factories.build_site()
    governments = factories.standard_governments()
    drafter = factories.drafter()
    ca, fr, jp = governments["CA"], governments["FR"], governments["JP"]
    statement = factories.make_statement(
        tree["newsrooms"]["en"],
        [ca, fr, jp],
        lead=ca,
        publish=False,
        user=drafter,
        owner=drafter,
        slug="admin-axe",
        title="Joint statement on monitoring",
    )
    approver = factories.approver(jp)
    factories.submit_for_signoff(statement, drafter)
    return {
        "url": live_server.url,
        "statement": statement,
        "drafter": drafter,
        "approver": approver,
    }


def problems_on(axe, page, where):
    result = axe.run(page, context=OUR_CONTENT, options=AXE_OPTIONS).response
    found = []
    for violation in result["violations"]:
        if violation["impact"] in FAILING_IMPACTS:
            targets = "; ".join(", ".join(node["target"]) for node in violation["nodes"])
            found.append(f"{where}: {violation['id']} ({violation['impact']}) -> {targets}")
    return found


def test_our_admin_screens_pass_axe(screens):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    base, statement = screens["url"], screens["statement"]
    visits = {
        screens["drafter"].username: [
            "/admin/statements/translation-status/",
            f"/admin/statements/{statement.pk}/release/",
            "/admin/statements/releases/",
            f"/admin/statements/{statement.pk}/sign-off/",
            f"/admin/statements/{statement.pk}/languages/",
        ],
        screens["approver"].username: [
            "/admin/",
            f"/admin/statements/{statement.pk}/sign-off/",
        ],
    }
    problems, checked = [], 0
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for username, paths in visits.items():
            sign_in(page, base, username, PASSWORD)
            for path in paths:
                response = page.goto(base + path)
                assert response.status == 200, (username, path, response.status)
                assert page.locator("main").count() == 1, (username, path)
                problems += problems_on(axe, page, f"{username} {path}")
                checked += 1
        # The check itself sees a fault put into our content (an image with no text).
        page.evaluate(PLANT_UNNAMED_IMAGE)
        planted = problems_on(axe, page, "planted")
    assert checked == 7
    assert not problems, "\n".join(problems)
    assert any("image-alt" in line for line in planted), planted
