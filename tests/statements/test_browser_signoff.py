"""Sign-off in a real browser: three governments, an edit that voids, and clearance."""

import pytest
from wagtail.models import WorkflowState

from statements.models import Approval
from tests import factories
from tests.browser import chromium, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "pass"


@pytest.fixture
def signoff(live_server):
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
        slug="browser-signoff",
        title="Joint statement on monitoring",
    )
    approvers = {code: factories.approver(g) for code, g in governments.items()}
    factories.submit_for_signoff(statement, drafter)
    return {
        "url": live_server.url,
        "statement": statement,
        "drafter": drafter,
        "approvers": approvers,
    }


def log_in(page, base, username):
    sign_in(page, base, username, PASSWORD)


def sign_as(page, base, statement, username, government):
    log_in(page, base, username)
    page.goto(f"{base}/admin/statements/{statement.pk}/sign-off/")
    page.get_by_role("link", name=f"Sign off for {government}").click()
    page.get_by_role("button", name=f"Sign off for {government}").click()
    page.wait_for_url(f"**/admin/statements/{statement.pk}/sign-off/")


def state_of(page, code):
    return page.locator(f'tr.signoff-row[data-government="{code}"]').get_attribute("data-state")


def test_three_approvers_an_edit_that_voids_and_clearance(signoff):
    base, statement = signoff["url"], signoff["statement"]
    with chromium() as browser:
        page = browser.new_page()
        sign_as(page, base, statement, "approver-fr", "France")
        sign_as(page, base, statement, "approver-jp", "Japan")
        assert state_of(page, "FR") == "signed"
        assert state_of(page, "JP") == "signed"

        # The drafter edits the words between the second and third signature.
        log_in(page, base, "drafter")
        page.goto(f"{base}/admin/pages/{statement.pk}/edit/")
        page.fill("#id_title", "Joint statement on monitoring, as amended")
        page.get_by_role("button", name="Save draft").click()
        page.wait_for_selector(".messages")

        log_in(page, base, "approver-ca")
        page.goto(f"{base}/admin/statements/{statement.pk}/sign-off/")
        assert state_of(page, "FR") == "void"
        assert state_of(page, "JP") == "void"
        page.get_by_text("Compare what France signed with the current text").click()
        assert "amended" in page.locator(".signoff-diff ins").first.inner_text()

        sign_as(page, base, statement, "approver-ca", "Canada")
        sign_as(page, base, statement, "approver-fr", "France")
        sign_as(page, base, statement, "approver-jp", "Japan")
        assert page.get_by_text(
            "Cleared: every signatory has signed the current text."
        ).is_visible()

    assert Approval.objects.valid().count() == 3
    assert Approval.objects.filter(state="void").count() == 2
    assert WorkflowState.objects.get().status == WorkflowState.STATUS_APPROVED
    statement.refresh_from_db()
    assert statement.live is False


def test_approver_can_save_comments_but_not_change_the_words(signoff):
    base, statement = signoff["url"], signoff["statement"]
    before = statement.get_latest_revision()
    with chromium() as browser:
        page = browser.new_page()
        log_in(page, base, "approver-fr")
        page.goto(f"{base}/admin/pages/{statement.pk}/edit/")
        page.get_by_role("button", name="Save draft").click()
        page.wait_for_selector(".messages")
        assert "could not be saved" not in page.locator(".messages").inner_text()

        page.fill("#id_title", "A title the approver prefers")
        page.get_by_role("button", name="Save draft").click()
        page.wait_for_selector(".messages")
        assert "Approvers can comment on the text but not change it" in page.content()

    statement.refresh_from_db()
    latest = statement.get_latest_revision()
    assert latest.as_object().title == "Joint statement on monitoring"
    # A save without changes made a revision of the same words: nothing to void.
    assert latest.pk != before.pk
    assert not Approval.objects.exists() or not Approval.objects.filter(state="void").exists()
