"""Statements are routed through the newsroom (which the breadcrumbs then read from
the page, not the database) with Wagtail's answers kept: what is not live is not
found, what moved is found where it now is, and every other page under the home page
is still routed as Wagtail routes it."""

import datetime

import pytest
from django.utils import timezone, translation
from wagtail.models import Page

from statements.actions.base import release_clock_user
from statements.actions.release import ReleaseStatementAction
from statements.actions.scheduling import ScheduleReleaseAction
from statements.models import Release, ReleasedPage, StatementPage
from statements.models.serving import serving_child
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


def test_the_statement_served_is_the_row_and_snapshot_the_orm_reads(client, site_tree):
    """The newsroom reads its statement with one raw query (``models.serving``): the
    same page, field for field, with its language and its release record's snapshot;
    a page with that slug anywhere else is not it."""
    governments = factories.standard_governments()
    newsroom = site_tree["newsrooms"]["en"]
    statement, drafter, _approvers = factories.ready_for_release(
        newsroom, {"CA": governments["CA"], "FR": governments["FR"]}, slug="served"
    )
    release = ScheduleReleaseAction(statement, drafter).execute()
    Release.objects.filter(pk=release.pk).update(
        release_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    release_clock_user()
    assert ReleaseStatementAction(release.pk).execute().state == "released"

    for code in ("en", "fr"):
        expected = StatementPage.objects.get(
            translation_key=statement.translation_key, locale__language_code=code
        )
        parent = expected.get_parent()
        served = serving_child(StatementPage, parent, expected.slug)
        assert served.pk == expected.pk and served.locale.language_code == code
        for field in StatementPage._meta.concrete_fields:
            assert getattr(served, field.attname) == getattr(expected, field.attname), field
        record = ReleasedPage.objects.get(page=expected, revision_id=expected.live_revision_id)
        assert served.served_snapshot == record.snapshot and record.snapshot
        assert client.get(expected.url).status_code == 200

    # A draft has no release record; an unknown slug, a page under another parent and
    # the parent itself are not found as its child.
    draft = factories.make_statement(
        newsroom, [governments["CA"], governments["FR"]], publish=False, slug="draft"
    )
    assert serving_child(StatementPage, newsroom, "draft").served_snapshot is None
    assert serving_child(StatementPage, newsroom, draft.slug).pk == draft.pk
    assert serving_child(StatementPage, newsroom, "no-such-statement") is None
    french_newsroom = newsroom.get_translation(factories.locale("fr"))
    assert serving_child(StatementPage, french_newsroom, "draft") is None
    assert serving_child(StatementPage, newsroom.get_parent(), "served") is None


def test_addresses_remembered_in_a_request_follow_a_move_and_the_active_language(rf, site_tree):
    """``Page.get_url_parts`` answers once per page and request (``wagtail_compat``), but
    a page that moved, or a different active language, is worked out again."""
    page = site_tree["newsrooms"]["en"]
    request = rf.get("/")
    first = page.get_url(request)
    assert page.get_url(request) == first == page.get_url()
    page.url_path = page.url_path.rstrip("/") + "-moved/"
    assert page.get_url(request) != first and page.get_url(request) == page.get_url()
    with translation.override("fr"):
        assert page.get_url(request) == page.get_url()
