"""Statements are routed through the newsroom (which the breadcrumbs then read from
the page, not the database) with Wagtail's answers kept: what is not live is not
found, what moved is found where it now is, and every other page under the home page
is still routed as Wagtail routes it."""

import pytest
from wagtail.models import Page

from tests import factories

pytestmark = pytest.mark.django_db


def test_a_moved_newsroom_serves_its_statements_at_the_new_address_only(client, site_tree):
    newsroom = site_tree["newsrooms"]["en"]
    statement = factories.make_statement(
        newsroom, list(factories.standard_governments().values())[:2]
    )
    old_url = statement.url
    newsroom.slug = "press"
    newsroom.save_revision().publish()
    statement.refresh_from_db()
    assert statement.url != old_url and "/press/" in statement.url
    assert client.get(statement.url).status_code == 200
    assert client.get(old_url).status_code == 404


def test_a_statement_not_live_is_not_found_and_an_unknown_address_neither(client, site_tree):
    newsroom = site_tree["newsrooms"]["en"]
    draft = factories.make_statement(
        newsroom, list(factories.standard_governments().values())[:2], publish=False
    )
    draft_url = f"/en/{newsroom.slug}/{draft.slug}/"
    assert client.get(draft_url).status_code == 404
    assert client.get(f"/en/{newsroom.slug}/no-such-statement/").status_code == 404
    # Positive control: the same statement, published, answers at that address.
    draft.save_revision().publish()
    assert client.get(draft_url).status_code == 200


def test_other_pages_under_home_are_routed_as_wagtail_routes_them(client, site_tree):
    home = site_tree["newsrooms"]["en"].get_parent()
    section = Page(title="About", slug="about", locale=home.locale)
    home.add_child(instance=section)
    section.save_revision().publish()
    child = Page(title="Team", slug="team", locale=home.locale)
    section.add_child(instance=child)
    child.save_revision().publish()
    response = client.get(child.url)
    assert response.status_code == 200
    assert response.context["page"].pk == child.pk
    assert client.get(f"{section.url}nobody/").status_code == 404
