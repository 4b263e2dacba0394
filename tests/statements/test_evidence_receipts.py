"""Evidence for each government: a receipt for every signature, and a clearance copy.

Through the screens and links people use: an approver signs on the sign-off screen,
gets an e-mail with a link (never the words), opens the receipt and downloads its PDF;
whoever may read the text under sign-off downloads a clearance copy, watermarked with
their name and the time on every page. Text is read back out of the PDFs with pypdf.
"""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from pypdf import PdfReader
from wagtail.models import PageLogEntry

from statements.models import Approval, AuditEntry, StatementPage
from statements.queries.signoff import current_fingerprint
from tests import factories

pytestmark = pytest.mark.django_db

TITLE = "Joint statement on maritime sanctions enforcement"
PARAGRAPHS = [
    "The participating governments condemn ship-to-ship transfers of refined petroleum.",
    "They will share vessel tracking data through the monitoring team.",
    "They call on every flag state to deregister the vessels named in the annex.",
]


def pdf_pages(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/pdf"
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    assert raw[:5] == b"%PDF-"
    return [page.extract_text() for page in PdfReader(io.BytesIO(raw)).pages]


def squeeze(text):
    """pypdf breaks lines where the PDF does: compare words, not line breaks."""
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def world(site_tree, governments, django_capture_on_commit_callbacks):
    ca, fr = governments["CA"], governments["FR"]
    drafter = factories.drafter()
    with django_capture_on_commit_callbacks(execute=True):
        statement = factories.make_statement(
            site_tree["newsrooms"]["en"],
            [ca, fr],
            lead=ca,
            publish=False,
            owner=drafter,
            user=drafter,
            title=TITLE,
            body=[("paragraph", "".join(f"<p>{p}</p>" for p in PARAGRAPHS))],
        )
        factories.submit_for_signoff(statement, drafter)
    signer = factories.approver(ca, first_name="Claire", last_name="Tremblay")
    colleague = factories.approver(ca, username="approver-ca-2")
    french = factories.approver(fr)
    root = get_user_model().objects.create_superuser("root", "root@example.org", "pass")
    outsiders = {
        "approver of a government that does not sign": factories.approver(governments["JP"]),
        "drafter of a government that does not lead": factories.drafter(
            username="drafter-jp", government=governments["JP"]
        ),
        "translator into a language it does not need": factories.translator("ja"),
        "user in no group": factories.UserFactory(username="nobody"),
    }
    return {
        "statement": StatementPage.objects.get(pk=statement.pk),
        "drafter": drafter,
        "signer": signer,
        "colleague": colleague,
        "french": french,
        "translator": factories.translator("fr"),
        "root": root,
        "outsiders": outsiders,
    }


def sign_on_screen(world, user, code, capture):
    """Sign as the sign-off screen does, and return the e-mails it sent."""
    client = Client()
    client.force_login(user)
    statement = world["statement"]
    mail.outbox = []
    with capture(execute=True):
        response = client.post(
            f"/admin/statements/{statement.pk}/sign-off/sign-off-{code.lower()}/",
            {"revision_id": statement.get_latest_revision().pk, "comment": "Agreed in cabinet."},
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    return Approval.objects.get(government_name={"CA": "Canada", "FR": "France"}[code])


def get(user, url):
    client = Client()
    client.force_login(user)
    return client.get(url)


def test_signing_emails_the_signer_a_link_to_the_receipt_and_never_the_words(
    world, django_capture_on_commit_callbacks
):
    approval = sign_on_screen(world, world["signer"], "CA", django_capture_on_commit_callbacks)
    receipts = [m for m in mail.outbox if "receipt" in m.subject.lower()]
    assert [m.to for m in receipts] == [[world["signer"].email]]
    body = receipts[0].body
    assert f"http://testserver/admin/statements/receipts/{approval.pk}/" in body
    assert approval.fingerprint in body
    assert TITLE not in body and TITLE not in receipts[0].subject
    assert not any(p in body for p in PARAGRAPHS)


def test_the_receipt_shows_the_frozen_words_fingerprint_who_when_and_government(
    world, django_capture_on_commit_callbacks
):
    approval = sign_on_screen(world, world["signer"], "CA", django_capture_on_commit_callbacks)
    screen = get(world["signer"], f"/admin/statements/receipts/{approval.pk}/")
    assert screen.status_code == 200
    html = screen.content.decode()
    for expected in (TITLE, *PARAGRAPHS, approval.fingerprint, "Canada", "Claire Tremblay"):
        assert expected in html
    assert f"/admin/statements/receipts/{approval.pk}/receipt.pdf" in html

    pages = pdf_pages(get(world["signer"], f"/admin/statements/receipts/{approval.pk}/receipt.pdf"))
    text = squeeze(" ".join(pages))
    for expected in (TITLE, *PARAGRAPHS, "Canada", "Claire Tremblay", "approver-ca"):
        assert expected in text, expected
    assert all(approval.fingerprint in page for page in pages)
    assert approval.created_at.strftime("%Y-%m-%d %H:%M") in text
    entry = AuditEntry.objects.get(action="sign_off", details__approval=approval.pk)
    assert f"#{entry.seq}" in text and entry.entry_hash in text.replace(" ", "")
    # Numbered paragraphs: the words as signed, one number each.
    for number, paragraph in enumerate(PARAGRAPHS, start=1):
        assert f"{number}. {paragraph}" in text


def test_the_receipt_keeps_the_words_signed_after_the_text_changes(
    world, django_capture_on_commit_callbacks
):
    approval = sign_on_screen(world, world["signer"], "CA", django_capture_on_commit_callbacks)
    latest = world["statement"].get_latest_revision_as_object()
    latest.title = "Joint statement on maritime sanctions (revised)"
    latest.save_revision(user=world["drafter"])
    pages = pdf_pages(get(world["signer"], f"/admin/statements/receipts/{approval.pk}/receipt.pdf"))
    text = squeeze(" ".join(pages))
    assert TITLE in text and "(revised)" not in text
    assert "void" in text.lower()  # and it says what became of the signature


@pytest.mark.parametrize(
    "who", ["signer", "colleague", "drafter", "root"], ids=lambda w: f"{w} may read"
)
def test_who_may_read_a_receipt(world, who, django_capture_on_commit_callbacks):
    approval = sign_on_screen(world, world["signer"], "CA", django_capture_on_commit_callbacks)
    for url in (
        f"/admin/statements/receipts/{approval.pk}/",
        f"/admin/statements/receipts/{approval.pk}/receipt.pdf",
    ):
        response = get(world[who], url)
        assert response.status_code == 200, (who, url)


@pytest.mark.parametrize(
    "who,status",
    [
        ("french", 403),  # signs the statement too, but not for Canada
        ("translator", 403),  # translates it, signs nothing
        ("approver of a government that does not sign", 404),
        ("drafter of a government that does not lead", 404),
        ("translator into a language it does not need", 404),
        ("user in no group", 404),
    ],
)
def test_who_may_not_read_a_receipt(world, who, status, django_capture_on_commit_callbacks):
    approval = sign_on_screen(world, world["signer"], "CA", django_capture_on_commit_callbacks)
    user = world.get(who) or world["outsiders"][who]
    for url in (
        f"/admin/statements/receipts/{approval.pk}/",
        f"/admin/statements/receipts/{approval.pk}/receipt.pdf",
    ):
        response = get(user, url)
        if response.status_code == 302 and who == "user in no group":
            # Wagtail sends a user without admin access to sign in.
            assert response["Location"].startswith("/admin/login/")
        elif response.status_code == 302 and status == 404:
            # Django's LocaleMiddleware answers a 404 with the language-prefixed path,
            # which is a 404 too.
            assert response["Location"] == f"/en{url}"
            assert get(user, response["Location"]).status_code == 404
        elif response.status_code == 302:
            # Wagtail sends an admin user it refuses (403) to the dashboard.
            assert status == 403 and response["Location"] == "/admin/"
        else:
            assert response.status_code == status, (who, url, response.status_code)
        assert TITLE.encode() not in response.content
    # Positive control: the same URL serves the signer.
    assert get(world["signer"], f"/admin/statements/receipts/{approval.pk}/").status_code == 200


def test_the_sign_off_screen_links_each_signature_to_its_receipt_for_its_readers(
    world, django_capture_on_commit_callbacks
):
    approval = sign_on_screen(world, world["signer"], "CA", django_capture_on_commit_callbacks)
    link = f"/admin/statements/receipts/{approval.pk}/"
    url = f"/admin/statements/{world['statement'].pk}/sign-off/"
    assert link in get(world["colleague"], url).content.decode()
    assert link in get(world["drafter"], url).content.decode()
    french_screen = get(world["french"], url)
    assert french_screen.status_code == 200 and link not in french_screen.content.decode()


def test_a_clearance_copy_numbers_the_paragraphs_and_marks_every_page(world):
    # Long enough for several pages: the fingerprint and the watermark are on each.
    statement = world["statement"]
    latest = statement.get_latest_revision_as_object()
    latest.body = [("paragraph", "".join(f"<p>{p}</p>" for p in PARAGRAPHS * 12))]
    latest.save_revision(user=world["drafter"])
    fingerprint = current_fingerprint(StatementPage.objects.get(pk=statement.pk)).fingerprint
    response = get(world["french"], f"/admin/statements/{statement.pk}/clearance-copy.pdf")
    assert "attachment" in response["Content-Disposition"]
    pages = pdf_pages(response)
    assert len(pages) >= 2
    for page in pages:
        assert fingerprint in page
        assert "approver-fr" in page  # the recipient, on every page
    text = squeeze(" ".join(pages))
    assert TITLE in text
    assert f"1. {PARAGRAPHS[0]}" in text and f"36. {PARAGRAPHS[2]}" in text
    entry = PageLogEntry.objects.get(page=statement, action="statements.clearance_copy")
    assert entry.user == world["french"]
    assert entry.data["fingerprint"] == fingerprint
    assert entry.timestamp.strftime("%Y-%m-%d %H:%M") in text  # the watermark's time


def test_each_recipient_gets_a_copy_marked_with_their_own_name(world):
    url = f"/admin/statements/{world['statement'].pk}/clearance-copy.pdf"
    french = squeeze(" ".join(pdf_pages(get(world["french"], url))))
    drafter = squeeze(" ".join(pdf_pages(get(world["drafter"], url))))
    assert "approver-fr" in french and "approver-fr" not in drafter
    assert "drafter" in drafter and "drafter" not in french


def test_a_clearance_copy_in_japanese_keeps_its_characters(site_tree, governments):
    japan = governments["JP"]
    drafter = factories.drafter(username="drafter-jp", government=japan)
    statement = factories.make_statement(
        site_tree["newsrooms"]["en"],
        [japan],
        lead=japan,
        publish=False,
        owner=drafter,
        user=drafter,
        title="制裁監視に関する共同声明",
        body=[("paragraph", "<p>参加国政府は報告書を歓迎する。</p>")],
    )
    pages = pdf_pages(get(drafter, f"/admin/statements/{statement.pk}/clearance-copy.pdf"))
    text = squeeze(" ".join(pages))
    assert "制裁監視に関する共同声明" in text
    assert "参加国政府は報告書を歓迎する。" in text


@pytest.mark.parametrize(
    "who",
    [
        "approver of a government that does not sign",
        "drafter of a government that does not lead",
        "translator into a language it does not need",
        "user in no group",
    ],
)
def test_no_clearance_copy_for_a_user_without_a_role(world, who):
    url = f"/admin/statements/{world['statement'].pk}/clearance-copy.pdf"
    response = get(world["outsiders"][who], url)
    assert response.status_code in (302, 403, 404)
    assert not response.content.startswith(b"%PDF")
    assert not PageLogEntry.objects.filter(action="statements.clearance_copy").exists()
    assert pdf_pages(get(world["french"], url))  # positive control


def test_a_translator_of_the_statement_gets_no_clearance_copy(world):
    """Translators work on the language versions; the copy is of the text under sign-off."""
    url = f"/admin/statements/{world['statement'].pk}/clearance-copy.pdf"
    assert get(world["translator"], url).status_code in (302, 403)
    assert pdf_pages(get(world["drafter"], url))  # positive control
