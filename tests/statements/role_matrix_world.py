"""The world of the role matrix (tests/statements/test_role_matrix.py), and each of its
actions: the request, what "allowed" means for it and what state it changes.

Three unreleased statements of Canada (the lead) and France, with Japan signing none
(its approver and its press office's drafter are the outsiders):
- IN_SIGNOFF, with the sign-off on Canada and France, a French translation done but not
  approved, and a document that only it uses;
- READY, signed and translated, not scheduled;
- SCHEDULED, ready and scheduled;
a draft of Japan alone (JAPANS_TITLE), the positive control of Japan's drafter; and a
released statement of Canada, the public URL row's control.
"""

import datetime
import zoneinfo
from dataclasses import dataclass

import polib
from django.contrib.messages import get_messages
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail_localize.models import StringTranslation, Translation

from statements import exchange
from statements.actions.scheduling import ScheduleReleaseAction
from statements.models import (
    Approval,
    GovernmentAdministrator,
    Invitation,
    Release,
    StatementPage,
)
from statements.queries.translation import source_statement_of
from tests import factories

ROLES = (
    "anonymous",
    "translator of another language",
    "approver of a non-signatory",
    "approver of a signatory",
    "drafter",
    "drafter of another government",
    "government administrator",
    "administrator",
)

IN_SIGNOFF_TITLE = "Joint statement on matrix signing"
READY_TITLE = "Joint statement on matrix readiness"
SCHEDULED_TITLE = "Joint statement on matrix scheduling"
JAPANS_TITLE = "Statement on matrix ownership"
IMPORTED = "Marqueur importé par la matrice"


class World:
    """Built once per module (the test file rolls it back at the end)."""

    def __init__(self, capture):
        site = factories.build_site()
        governments = factories.standard_governments()
        self.governments = governments
        newsroom = site["newsrooms"]["en"]
        ca_fr = {"CA": governments["CA"], "FR": governments["FR"]}
        with capture(execute=True):
            ready, _d, approvers = factories.ready_for_release(
                newsroom, ca_fr, title=READY_TITLE, slug="matrix-ready"
            )
            scheduled, drafter, _a = factories.ready_for_release(
                newsroom, ca_fr, title=SCHEDULED_TITLE, slug="matrix-scheduled"
            )
            ScheduleReleaseAction(scheduled, drafter).execute()
        self.document = get_document_model().objects.create(
            title="Matrix annex", file=ContentFile(b"annex words", name="matrix-annex.txt")
        )
        with capture(execute=True):
            in_signoff = factories.make_statement(
                newsroom,
                list(ca_fr.values()),
                publish=False,
                user=drafter,
                owner=drafter,
                title=IN_SIGNOFF_TITLE,
                slug="matrix-signing",
                body=[
                    ("paragraph", "<p>The partners will sign this in the matrix.</p>"),
                    ("document", {"document": self.document, "title": "Annex"}),
                ],
            )
            factories.submit_for_signoff(in_signoff, drafter)
            factories.translate_everything(in_signoff, "fr")
            Translation.objects.get(
                source__object_id=in_signoff.translation_key, target_locale__language_code="fr"
            ).save_target(publish=False)
        self.in_signoff = StatementPage.objects.get(pk=in_signoff.pk)
        self.french = self.in_signoff.get_translation(factories.locale("fr")).specific
        self.ready = StatementPage.objects.get(pk=ready.pk)
        self.scheduled = StatementPage.objects.get(pk=scheduled.pk)
        self.po_file = self._filled_po()
        released = factories.make_statement(newsroom, [governments["CA"]], slug="matrix-out")
        self.released_url = released.get_url()

        the_drafter = factories.drafter(username="matrix-drafter", government=governments["CA"])
        japans_drafter = factories.drafter(
            username="matrix-drafter-jp", government=governments["JP"]
        )
        self.japans = factories.make_statement(
            newsroom,
            [governments["JP"]],
            publish=False,
            user=japans_drafter,
            title=JAPANS_TITLE,
            slug="matrix-japan",
        )
        delegated = factories.UserFactory(username="matrix-admin-ca")
        GovernmentAdministrator.objects.create(
            user=delegated,
            government=governments["CA"],
            may_grant_approver=True,
            may_grant_drafter=True,
            may_grant_translator=True,
        )
        self.users = {
            "anonymous": None,
            "translator of another language": factories.translator("ja"),
            "approver of a non-signatory": factories.approver(governments["JP"]),
            "approver of a signatory": approvers["CA"],
            "drafter": the_drafter,
            "drafter of another government": japans_drafter,
            "government administrator": delegated,
            "administrator": factories.UserFactory(
                username="matrix-root", is_superuser=True, is_staff=True
            ),
        }

    def _filled_po(self):
        """The French translation as a PO file, one segment changed to IMPORTED."""
        source, translation = source_statement_of(self.french)
        po = polib.pofile(exchange.export_file(translation, source, "po").decode())
        entry = next(e for e in po if e.msgid == IN_SIGNOFF_TITLE)
        entry.msgstr = IMPORTED
        return str(po).encode()


# --- what "allowed" and "denied" mean over HTTP ------------------------------------------


def refused(response):
    """Denied: 403 or 404; or, as Wagtail answers a PermissionDenied in the admin and an
    anonymous visitor, a redirect to the sign-in page or to the dashboard with an error."""
    if response.status_code in (403, 404):
        return True
    if response.status_code != 302:
        return False
    location = response["Location"]
    if location.startswith("/admin/login/"):
        return True
    errors = [m for m in get_messages(response.wsgi_request) if m.level_tag == "error"]
    return location == "/admin/" and bool(errors)


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


@dataclass
class Action:
    """One row of the matrix. ``url(world)``; ``data(world)`` for a POST; ``ok(response,
    world)`` says the request succeeded; ``state(world)`` is what a POST changes (it must
    differ after an allowed cell and stay the same after a denied one). ``shows`` is a
    listing row: the page answers everyone it admits, and "allowed" means the statement
    is on it, "denied" that it is refused or not on it."""

    url: object
    ok: object
    data: object = None
    state: object = None
    shows: str = ""


def status(code, location=None):
    def ok(response, world):
        if response.status_code != code:
            return False
        return location is None or response["Location"] == location(world)

    return ok


def attachment(suffix, starts):
    def ok(response, world):
        disposition = response.get("Content-Disposition", "")
        return (
            response.status_code == 200
            and disposition.startswith("attachment")
            and disposition.rstrip('"').endswith(suffix)
            and body(response).startswith(starts)
        )

    return ok


def local_form(days, zone="America/Toronto"):
    instant = (timezone.now() + datetime.timedelta(days=days)).replace(second=0, microsecond=0)
    local = instant.astimezone(zoneinfo.ZoneInfo(zone))
    return {"release_at": local.strftime("%Y-%m-%dT%H:%M"), "release_timezone": zone}


def _release(world, statement):
    return (
        Release.objects.filter(statement_id=statement.pk, language_code="")
        .order_by("-pk")
        .values_list("state", "release_at")
        .first()
    )


def _approvals(world, page, subject):
    return list(
        Approval.objects.filter(page_id=page.pk, subject=subject)
        .order_by("pk")
        .values_list("pk", "state")
    )


ACTIONS = {
    "view the statement's edit page": Action(
        url=lambda w: f"/admin/pages/{w.in_signoff.pk}/edit/", ok=status(200)
    ),
    "view the edit page of a statement Japan leads": Action(
        url=lambda w: f"/admin/pages/{w.japans.pk}/edit/", ok=status(200)
    ),
    "view the sign-off screen": Action(
        url=lambda w: f"/admin/statements/{w.in_signoff.pk}/sign-off/", ok=status(200)
    ),
    "sign off for Canada (POST)": Action(
        url=lambda w: f"/admin/statements/{w.in_signoff.pk}/sign-off/sign-off-ca/",
        data=lambda w: {"revision_id": w.in_signoff.latest_revision_id, "comment": ""},
        ok=status(302, lambda w: f"/admin/statements/{w.in_signoff.pk}/sign-off/"),
        state=lambda w: _approvals(w, w.in_signoff, Approval.Subject.SOURCE),
    ),
    "approve the French translation for Canada (POST)": Action(
        url=lambda w: f"/admin/statements/{w.french.pk}/language-review/",
        data=lambda w: {"government": "CA", "revision_id": w.french.latest_revision_id},
        ok=status(302, lambda w: f"/admin/statements/{w.french.pk}/language-review/"),
        state=lambda w: _approvals(w, w.french, Approval.Subject.TRANSLATION),
    ),
    "export the French translation (XLIFF)": Action(
        url=lambda w: f"/admin/statements/{w.french.pk}/translation-file/xliff/",
        ok=attachment("-fr.xlf", b"<?xml"),
    ),
    "export the French translation (PO)": Action(
        url=lambda w: f"/admin/statements/{w.french.pk}/translation-file/po/",
        ok=attachment("-fr.po", b"#"),
    ),
    "import a French translation file (POST)": Action(
        url=lambda w: f"/admin/statements/{w.french.pk}/translation-file/import/",
        data=lambda w: {"file": SimpleUploadedFile("statement-fr.po", w.po_file)},
        ok=status(302, lambda w: f"/admin/statements/{w.french.pk}/translation-file/import/"),
        state=lambda w: StringTranslation.objects.filter(data=IMPORTED).exists(),
    ),
    "export every language (ZIP)": Action(
        url=lambda w: f"/admin/statements/{w.in_signoff.pk}/translation-files/xliff.zip",
        ok=attachment("-xliff.zip", b"PK"),
    ),
    "open the Languages screen": Action(
        url=lambda w: f"/admin/statements/{w.in_signoff.pk}/languages/", ok=status(200)
    ),
    "schedule the release (POST)": Action(
        url=lambda w: f"/admin/statements/{w.ready.pk}/release/schedule/",
        data=lambda w: local_form(3),
        ok=status(302, lambda w: f"/admin/statements/{w.ready.pk}/release/"),
        state=lambda w: _release(w, w.ready),
    ),
    "move the release (POST)": Action(
        url=lambda w: f"/admin/statements/{w.scheduled.pk}/release/move/",
        data=lambda w: local_form(4),
        ok=status(302, lambda w: f"/admin/statements/{w.scheduled.pk}/release/"),
        state=lambda w: _release(w, w.scheduled),
    ),
    "cancel the release (POST)": Action(
        url=lambda w: f"/admin/statements/{w.scheduled.pk}/release/cancel/",
        data=lambda w: {"reason": "The matrix says so."},
        ok=status(302, lambda w: f"/admin/statements/{w.scheduled.pk}/release/"),
        state=lambda w: _release(w, w.scheduled),
    ),
    "see the statement in the release queue": Action(
        url=lambda w: "/admin/statements/releases/", ok=status(200), shows=SCHEDULED_TITLE
    ),
    "see the statement in translation status": Action(
        url=lambda w: "/admin/statements/translation-status/", ok=status(200), shows=READY_TITLE
    ),
    "view the People screen of the lead government": Action(
        url=lambda w: "/admin/people/CA/", ok=status(200)
    ),
    "view the People screen of another government": Action(
        url=lambda w: "/admin/people/JP/", ok=status(200)
    ),
    "invite an approver of the lead government (POST)": Action(
        url=lambda w: "/admin/people/CA/invite/",
        data=lambda w: {"email": "newcomer@example.org", "role": "approver"},
        ok=status(302, lambda w: "/admin/people/CA/"),
        state=lambda w: Invitation.objects.filter(email="newcomer@example.org").exists(),
    ),
    "open the unreleased statement's public URL": Action(
        url=lambda w: w.in_signoff.get_url(), ok=status(200)
    ),
    "download a document only the unreleased statement uses": Action(
        url=lambda w: w.document.url, ok=status(200)
    ),
}
