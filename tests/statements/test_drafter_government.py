"""A drafter drafts for its own government's press office (ADR 0014), over HTTP.

The "Drafters" group's page permissions cover every home page; on a statement they
count only for a drafter of its lead government. A drafter of Japan neither opens nor
finds Canada's statements, released or not; creates statements led by Japan only; and a
drafter recorded for no government sees no statement and is told why. Administrators
keep everything. The role matrix and the admin-surfaces leak test cover the screens of
an unreleased statement; this covers what they do not.
"""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils.text import slugify
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from statements.models import GovernmentMember, Role, StatementPage
from tests import factories

pytestmark = pytest.mark.django_db

UNRELEASED = "Joint statement on drafters of the lead"
RELEASED = "Joint statement on released drafters"
NO_GOVERNMENT = "You are not recorded as a drafter of any government"


@pytest.fixture
def world(site_tree, governments):
    newsroom = site_tree["newsrooms"]["en"]
    canada, japan = governments["CA"], governments["JP"]
    drafter_ca = factories.drafter("drafter-ca", government=canada)
    unreleased = factories.make_statement(
        newsroom,
        [canada],
        publish=False,
        user=drafter_ca,
        owner=drafter_ca,
        title=UNRELEASED,
        slug="drafters-unreleased",
    )
    released = factories.make_statement(
        newsroom, [canada], title=RELEASED, slug="drafters-released", owner=drafter_ca
    )
    return {
        "newsroom": newsroom,
        "canada": canada,
        "japan": japan,
        "unreleased": unreleased,
        "released": released,
        "drafter-ca": drafter_ca,
        "drafter-jp": factories.drafter("drafter-jp", government=japan),
        "no government": factories.drafter("drafter-none", government=None),
        "administrator": get_user_model().objects.create_superuser(
            "root", "root@example.org", "pass"
        ),
    }


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def refused(response):
    """Wagtail answers a PermissionDenied in the admin with 403 or a redirect home."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def create_form(lead, signatory, title="Statement on drafting for one's own government"):
    return nested_form_data(
        {
            "title": title,
            "slug": slugify(title),
            "statement_type": "statement",
            "dateline": "Tokyo",
            "summary": "The press office writes for its own government.",
            "lead_government": lead.pk,
            "signatories": inline_formset([{"government": signatory.pk}]),
            "body": streamfield([("paragraph", rich_text("<p>Words of the lead.</p>"))]),
            "related_links": inline_formset([]),
            "contacts": inline_formset([]),
            "topics": inline_formset([]),
            "comments": inline_formset([]),
            "release_at": "",
            "release_timezone": "",
        }
    )


def create(user, newsroom, lead, title="Statement on drafting for one's own government"):
    response = client_for(user).post(
        f"/admin/pages/add/statements/statementpage/{newsroom.pk}/",
        create_form(lead, lead, title),
    )
    return response, StatementPage.objects.filter(title=title).exists()


def test_a_drafter_creates_a_statement_only_with_its_own_government_as_lead(world):
    response, created = create(world["drafter-jp"], world["newsroom"], world["canada"])
    assert response.status_code == 200 and not created
    assert "You draft for Japan: a statement you write is led by one of them, not by Canada." in (
        response.content.decode().replace("&#x27;", "'")
    )
    # Positive controls: its own government as lead; an administrator, any lead.
    response, created = create(world["drafter-jp"], world["newsroom"], world["japan"])
    assert response.status_code == 302 and created
    response, created = create(
        world["administrator"], world["newsroom"], world["canada"], title="By the administrator"
    )
    assert response.status_code == 302 and created


def test_a_drafter_of_no_government_cannot_create_a_statement_and_is_told_why(world):
    response, created = create(world["no government"], world["newsroom"], world["japan"])
    assert response.status_code == 200 and not created
    assert NO_GOVERNMENT in response.content.decode().replace("&#x27;", "'")


def test_a_drafter_cannot_hand_its_statement_to_another_lead(world):
    statement = world["unreleased"]
    data = create_form(world["japan"], world["canada"], title=UNRELEASED)
    data["slug"] = statement.slug
    before = StatementPage.objects.get(pk=statement.pk).latest_revision_id
    response = client_for(world["drafter-ca"]).post(f"/admin/pages/{statement.pk}/edit/", data)
    assert response.status_code == 200
    assert "You draft for Canada" in response.content.decode()
    assert StatementPage.objects.get(pk=statement.pk).latest_revision_id == before
    # Positive control: the same form with its own lead saves a draft.
    data = create_form(world["canada"], world["canada"], title=UNRELEASED)
    data["slug"] = statement.slug
    response = client_for(world["drafter-ca"]).post(f"/admin/pages/{statement.pk}/edit/", data)
    assert response.status_code == 302
    assert StatementPage.objects.get(pk=statement.pk).latest_revision_id != before


@pytest.mark.parametrize("which", ["unreleased", "released"])
def test_a_drafter_of_another_government_edits_neither_released_nor_unreleased(world, which):
    url = f"/admin/pages/{world[which].pk}/edit/"
    assert refused(client_for(world["drafter-jp"]).get(url))
    assert refused(client_for(world["no government"]).get(url))
    assert client_for(world["drafter-ca"]).get(url).status_code == 200  # positive control
    assert client_for(world["administrator"]).get(url).status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/admin/pages/search/?q=drafters",
        "/admin/api/main/pages/?search=drafters",
        "/admin/pages/usage/statements/statementpage/",
    ],
)
def test_the_page_listings_of_a_drafter_hold_only_its_governments_statements(world, url):
    """Wagtail's page permission policy is narrowed (statements.page_policy)."""
    for outsider in ("drafter-jp", "no government"):
        text = client_for(world[outsider]).get(url).content.decode()
        assert UNRELEASED not in text and RELEASED not in text, outsider
    text = client_for(world["drafter-ca"]).get(url).content.decode()  # positive control
    assert UNRELEASED in text and RELEASED in text


def test_a_drafter_of_no_government_sees_no_statement_and_is_told_why(world):
    user = world["no government"]
    dashboard = client_for(user).get("/admin/").content.decode().replace("&#x27;", "'")
    assert NO_GOVERNMENT in dashboard
    explorer = client_for(user).get(f"/admin/pages/{world['newsroom'].pk}/").content.decode()
    assert UNRELEASED not in explorer
    # Control: once recorded as Canada's drafter, the statement is there, the word gone.
    GovernmentMember.objects.create(user=user, government=world["canada"], role=Role.DRAFTER)
    dashboard = client_for(user).get("/admin/").content.decode().replace("&#x27;", "'")
    assert NO_GOVERNMENT not in dashboard
    explorer = client_for(user).get(f"/admin/pages/{world['newsroom'].pk}/").content.decode()
    assert UNRELEASED in explorer
    for other in ("drafter-ca", "administrator"):  # nobody else is told
        text = client_for(world[other]).get("/admin/").content.decode().replace("&#x27;", "'")
        assert NO_GOVERNMENT not in text
