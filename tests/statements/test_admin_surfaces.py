"""The admin is a channel too: nothing of an unreleased statement reaches a user with no
role in it, on any admin surface (statements.admin_surfaces), while users with a role
see it where their role shows it.

The world: two unreleased statements of Canada and France (one scheduled for release,
one in sign-off with a French draft, a document and an image that only it uses). The
outsiders: an approver of Japan (no signatory), a drafter of Japan's press office (not
the lead, though the "Drafters" group's page permissions cover every home page), a
translator into Japanese (no language of theirs), and a French agency translator
assigned to another statement.
"""

import datetime
import io
import re
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone
from pypdf import PdfReader
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import TaskState, Workflow, WorkflowState
from wagtail_localize.models import StringSegment, Translation

from statements.actions.scheduling import ScheduleReleaseAction
from statements.admin_surfaces import NO_STATEMENT_CONTENT, SURFACES
from statements.models import AgencyAssignment, Approval, Release, StatementPage
from statements.permissions import has_role_in, statements_hidden_from
from tests import factories
from tests.statements.test_hand_publish_paths import admin_patterns

pytestmark = pytest.mark.django_db

SCHEDULED_TITLE = "Joint statement on responsible conduct in cyberspace"
SCHEDULED_SENTENCE = "The partners hold that international law applies to conduct in cyberspace."
SIGNOFF_TITLE = "Joint statement on cyberspace capacity building draft"
SIGNOFF_SENTENCE = "The partners will fund training for computer emergency teams in the region."
SECRETS = (SCHEDULED_TITLE, SCHEDULED_SENTENCE, SIGNOFF_TITLE, SIGNOFF_SENTENCE)


class World:
    def __init__(self, site_tree, governments, capture):
        newsroom = site_tree["newsrooms"]["en"]
        self.newsroom = newsroom
        ca_fr = {"CA": governments["CA"], "FR": governments["FR"]}
        with capture(execute=True):
            scheduled, self.drafter, approvers = factories.ready_for_release(
                newsroom,
                ca_fr,
                title=SCHEDULED_TITLE,
                slug="cyberspace-conduct",
                body=[("paragraph", f"<p>{SCHEDULED_SENTENCE}</p>")],
            )
            ScheduleReleaseAction(scheduled, self.drafter).execute()
        self.document = get_document_model().objects.create(
            title="Annex on training", file=ContentFile(b"annex words", name="training-annex.txt")
        )
        self.image = get_image_model().objects.create(
            title="Training map", file=get_test_image_file(filename="training-map.png")
        )
        with capture(execute=True):
            in_signoff = factories.make_statement(
                newsroom,
                list(ca_fr.values()),
                publish=False,
                user=self.drafter,
                owner=self.drafter,
                title=SIGNOFF_TITLE,
                slug="cyberspace-capacity",
                body=[
                    ("paragraph", f"<p>{SIGNOFF_SENTENCE}</p>"),
                    ("document", {"document": self.document, "title": "Annex"}),
                    ("image", {"image": self.image, "alt_text": "A map", "caption": ""}),
                ],
            )
            factories.submit_for_signoff(in_signoff, self.drafter)
        self.approver = approvers["CA"]
        released = factories.make_statement(newsroom, [governments["CA"]], slug="released")
        self.translator = factories.translator("fr")
        self.outsiders = {
            "approver of a government that signs neither": factories.approver(governments["JP"]),
            "drafter of a government that leads neither": factories.drafter(
                username="drafter-jp", government=governments["JP"]
            ),
            "translator into a language neither needs": factories.translator("ja"),
            "agency assigned to another statement": factories.translator(
                "fr", username="agency-fr"
            ),
        }
        AgencyAssignment.objects.create(
            user=self.outsiders["agency assigned to another statement"],
            statement=released,
            until=timezone.localdate() + datetime.timedelta(days=30),
        )
        self.assignment = AgencyAssignment.objects.create(
            user=self.translator,
            statement=in_signoff,
            until=timezone.localdate() + datetime.timedelta(days=30),
        )
        self.statements = [
            StatementPage.objects.get(pk=scheduled.pk),
            StatementPage.objects.get(pk=in_signoff.pk),
        ]

    def values(self, statement):
        translation_page = statement.get_translation(factories.locale("fr"))
        localize = Translation.objects.get(
            source__object_id=statement.translation_key, target_locale__language_code="fr"
        )
        task_state = TaskState.objects.filter(workflow_state__object_id=str(statement.pk)).first()
        workflow_state = WorkflowState.objects.filter(object_id=str(statement.pk)).first()
        release = Release.objects.filter(statement_id=statement.pk).first()
        # A signature of the statement (Canada's, whose approver is the role tested).
        approval = Approval.objects.for_source(statement).order_by("government_name", "pk").first()
        return {
            "statement": statement.pk,
            "translation": translation_page.pk,
            "newsroom": self.newsroom.pk,
            "revision": statement.latest_revision_id,
            "task_state": task_state.pk if task_state else 0,
            "workflow_state": workflow_state.pk if workflow_state else 0,
            "task": task_state.task_id if task_state else 0,
            "workflow": Workflow.objects.order_by("pk").first().pk,
            "localize": localize.pk,
            "localize_source": localize.source_id,
            "segment": StringSegment.objects.filter(source=localize.source).first().pk,
            "release": release.pk if release else 0,
            "document": self.document.pk,
            "image": self.image.pk,
            "approval": approval.pk if approval else 0,
            "assignment": self.assignment.pk,
            "government": statement.lead_government_id,
            "contact": 0,
            "topic": 0,
            "locale": statement.locale_id,
            "words": "cyberspace",
        }

    def urls(self, surface):
        for statement in self.statements:
            values = self.values(statement)
            for url in surface.urls:
                yield url.format(**values)


def pdf_text(raw):
    """A PDF's text, its line breaks as spaces (a title may wrap)."""
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(raw)).pages).split())


def text_of(response):
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    if raw[:5] == b"%PDF-":
        return pdf_text(raw)
    if raw[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            members = [archive.read(name) for name in archive.namelist()]
        return "\n".join(
            pdf_text(m) if m[:5] == b"%PDF-" else m.decode(errors="replace") for m in members
        )
    return raw.decode(errors="replace")


def visit(user, world, surfaces=SURFACES):
    """{url: text} of every surface's URLs, GET as ``user``."""
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return {
        url: (surface, text_of(client.get(url)))
        for surface in surfaces
        for url in world.urls(surface)
    }


@pytest.fixture
def world(site_tree, governments, django_capture_on_commit_callbacks):
    return World(site_tree, governments, django_capture_on_commit_callbacks)


def test_every_admin_url_pattern_is_a_surface_or_shows_no_statement():
    routes = set(admin_patterns())
    surfaces = {s.route for s in SURFACES}
    assert not surfaces - routes, f"surfaces no longer in the admin: {surfaces - routes}"
    unlisted, twice = [], []
    for route in sorted(routes):
        quiet = [p for p, _reason in NO_STATEMENT_CONTENT if re.fullmatch(p, route)]
        if route in surfaces and quiet:
            twice.append(route)
        elif route not in surfaces and not quiet:
            unlisted.append(route)
    assert not unlisted, "admin URLs in neither list (statements/admin_surfaces.py):\n" + (
        "\n".join(unlisted)
    )
    assert not twice, f"admin URLs in both lists: {twice}"


def test_the_completeness_walk_finds_a_new_admin_url(settings):
    """Control: an admin URL added without a registry entry is reported."""
    settings.ROOT_URLCONF = "tests.statements.hand_publish_urls"
    surfaces = {s.route for s in SURFACES}
    found = [
        route
        for route in admin_patterns()
        if route not in surfaces
        and not any(re.fullmatch(p, route) for p, _reason in NO_STATEMENT_CONTENT)
    ]
    assert found == ["admin/hand-publish/<int:page_id>/"]


@pytest.mark.parametrize(
    "who",
    [
        "approver of a government that signs neither",
        "drafter of a government that leads neither",
        "translator into a language neither needs",
        "agency assigned to another statement",
    ],
)
def test_no_admin_surface_shows_an_unreleased_statement_to_a_user_without_a_role(world, who):
    user = world.outsiders[who]
    assert not any(has_role_in(user, s) for s in world.statements)
    leaks = [
        f"{url} ({surface.shows}) shows {secret!r}"
        for url, (surface, text) in visit(user, world).items()
        for secret in SECRETS
        if secret in text
    ]
    assert leaks == [], "\n".join(leaks)


@pytest.mark.parametrize("role", ["approver", "translator", "drafter"])
def test_users_with_a_role_see_the_statement_where_their_role_shows_it(world, role):
    """Positive control: the same surfaces show the statements to their own people."""
    user = {"approver": world.approver, "translator": world.translator, "drafter": world.drafter}[
        role
    ]
    assert all(has_role_in(user, s) for s in world.statements[1:])
    surfaces = [s for s in SURFACES if role in s.seen_by]
    assert surfaces
    seen = {}
    for _url, (surface, text) in visit(user, world, surfaces).items():
        seen[surface] = seen.get(surface, False) or any(title in text for title in SECRETS[::2])
    assert [s.route for s, shown in seen.items() if not shown] == []


def test_role_in_a_statement(world):
    scheduled, in_signoff = world.statements
    root = get_user_model().objects.create_superuser("root", "root@example.org", "pass")
    assert has_role_in(root, scheduled) and has_role_in(world.drafter, in_signoff)
    assert has_role_in(world.approver, in_signoff.get_translation(factories.locale("fr")))
    # The translator's agency assignment names the statement in sign-off only.
    assert has_role_in(world.translator, in_signoff)
    assert not has_role_in(world.translator, scheduled)
    hidden = set(statements_hidden_from(world.translator).values_list("translation_key", flat=True))
    assert scheduled.translation_key in hidden and in_signoff.translation_key not in hidden


def test_sign_off_mail_goes_only_to_people_with_a_role(
    site_tree, governments, django_capture_on_commit_callbacks
):
    drafter = factories.drafter()
    outsider = factories.approver(governments["JP"])
    signatories = [factories.approver(governments["CA"]), factories.approver(governments["FR"])]
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        statement = factories.make_statement(
            site_tree["newsrooms"]["en"],
            [governments["CA"], governments["FR"]],
            publish=False,
            user=drafter,
            owner=drafter,
            title=SIGNOFF_TITLE,
        )
        factories.submit_for_signoff(statement, drafter)
    recipients = {address for message in mail.outbox for address in message.to}
    assert {u.email for u in signatories} <= recipients  # positive control
    people = get_user_model().objects.filter(email__in=recipients)
    assert outsider.email not in recipients
    assert all(has_role_in(person, statement) for person in people)


@pytest.mark.parametrize(
    "url",
    ["/admin/statements/{id}/languages/", "/admin/statements/{id}/translation-files/xliff.zip"],
)
def test_approvers_of_a_signatory_get_neither_the_languages_screen_nor_every_language(world, url):
    """Reviewing in the sign-off lends an approver edit rights; these are the editors'."""
    in_signoff = world.statements[1]
    assert in_signoff.permissions_for_user(world.approver).can_edit()  # the lent rights
    client = Client()
    client.force_login(world.approver)
    refused = client.get(url.format(id=in_signoff.pk))
    assert refused.status_code in (302, 403)  # Wagtail sends a refused admin user home
    assert refused.status_code == 403 or refused["Location"] == "/admin/"
    client.force_login(world.drafter)  # positive control
    assert client.get(url.format(id=in_signoff.pk)).status_code == 200
