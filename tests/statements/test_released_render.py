"""A released statement's fixed parts are rendered once, right after its release commits
(the release's "render" effect), and served from its release record
(statements.released_render)."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from statements import outbox, released_render
from statements.actions.past_releases import RecordPastReleaseAction
from statements.actions.release import PrepareReleaseAction, ReleaseStatementAction
from statements.actions.rendering import RenderAheadAction
from statements.actions.scheduling import ScheduleReleaseAction
from statements.models import Release, ReleasedPage, StatementPage
from tests import factories

pytestmark = pytest.mark.django_db

BODY = "The participating governments welcome the report."


def release_now(statement, drafter, deliver=True):
    """Release ``statement``, then deliver its effects as the releasing process does
    after the commit (a test's transaction never commits)."""
    release = ScheduleReleaseAction(statement, drafter).execute()
    Release.objects.filter(pk=release.pk).update(
        release_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert ReleaseStatementAction(release.pk).execute().state == "released"
    if deliver:
        assert "failed" not in outbox.deliver_release(release.pk)
    return release


@pytest.fixture
def world(governments):
    site = factories.build_site(languages=("en", "fr"))
    newsroom = site["newsrooms"]["en"]
    chosen = {code: governments[code] for code in ("CA", "FR")}
    contact = factories.MediaContactFactory(government=chosen["CA"], office="Media Relations")
    statement, drafter, _approvers = factories.ready_for_release(
        newsroom, chosen, contacts=[contact], title="Joint statement on sea lanes"
    )
    release_now(statement, drafter)
    pages = {
        p.locale.language_code: p
        for p in StatementPage.objects.filter(translation_key=statement.translation_key)
    }
    return {"newsroom": newsroom, "pages": pages, "drafter": drafter, "chosen": chosen}


def article(response):
    assert response.status_code == 200
    return str(BeautifulSoup(response.content, "html.parser").select_one("article.statement"))


def record_of(page):
    return ReleasedPage.objects.get(page=page, revision_id=page.live_revision_id)


def other_code(monkeypatch):
    """As after a deploy that changed a template: the stored renders are another code's."""
    monkeypatch.setattr(released_render, "render_version", lambda: "another-deploy")


def test_the_release_stores_each_languages_fixed_parts(world):
    for code, page in world["pages"].items():
        stored = record_of(page).snapshot["render"]
        assert stored["version"] == released_render.render_version()
        assert page.title in stored["top"], code
        assert "Media Relations" in stored["bottom"] or code != "en"


def test_the_render_is_stored_after_the_commit_and_the_page_is_whole_before_it(client, governments):
    site = factories.build_site(languages=("en", "fr"))
    chosen = {code: governments[code] for code in ("CA", "FR")}
    statement, drafter, _approvers = factories.ready_for_release(
        site["newsrooms"]["en"], chosen, title="Joint statement on fisheries"
    )
    release = release_now(statement, drafter, deliver=False)
    statement.refresh_from_db()
    # Nothing rendered during the preparation or the flip: the render is the last effect.
    assert "render" not in record_of(statement).snapshot
    assert outbox.registered_effects()[-1] == "render"
    whole = article(client.get(statement.url))
    assert statement.title in whole and BODY in whole
    outbox.deliver_release(release.pk)
    assert statement.title in record_of(statement).snapshot["render"]["top"]
    assert article(client.get(statement.url)) == whole


def test_a_prepared_release_is_rendered_ahead_and_released_with_its_render(client, governments):
    site = factories.build_site(languages=("en", "fr"))
    chosen = {code: governments[code] for code in ("CA", "FR")}
    statement, drafter, _approvers = factories.ready_for_release(
        site["newsrooms"]["en"], chosen, title="Joint statement on ports"
    )
    release = ScheduleReleaseAction(statement, drafter).execute()
    instant = timezone.now() + datetime.timedelta(seconds=3)
    Release.objects.filter(pk=release.pk).update(release_at=instant)
    assert PrepareReleaseAction(release.pk).execute().state == "prepared"
    assert RenderAheadAction(release.pk).execute() == 2  # both languages, before the instant
    assert RenderAheadAction(release.pk).execute() == 0  # once
    assert ReleaseStatementAction(release.pk).flip_at_instant().state == "released"
    statement.refresh_from_db()
    # The records hold the render at the commit, with no effect delivered.
    stored = record_of(statement).snapshot["render"]
    assert stored["version"] == released_render.render_version()
    assert statement.title in stored["top"]
    served = article(client.get(statement.url))
    assert statement.title in served and BODY in served


def test_nothing_is_rendered_ahead_once_the_instant_is_too_near(governments):
    site = factories.build_site(languages=("en", "fr"))
    chosen = {code: governments[code] for code in ("CA", "FR")}
    statement, drafter, _approvers = factories.ready_for_release(
        site["newsrooms"]["en"], chosen, title="Joint statement on rivers"
    )
    release = ScheduleReleaseAction(statement, drafter).execute()
    Release.objects.filter(pk=release.pk).update(
        release_at=timezone.now() + datetime.timedelta(seconds=0.3)
    )
    assert PrepareReleaseAction(release.pk).execute().state == "prepared"
    assert RenderAheadAction(release.pk).execute() == 0


def test_the_page_is_served_from_the_record_while_the_code_is_the_same(client, world, monkeypatch):
    page = world["pages"]["en"]
    record = record_of(page)
    record.snapshot["render"]["top"] = '<p id="from-record">Stored at release</p>'
    record.save()
    assert "Stored at release" in article(client.get(page.url))
    # Another code's render is not used: the page is rendered live, in full.
    other_code(monkeypatch)
    live = article(client.get(page.url))
    assert "Stored at release" not in live
    assert page.title in live and BODY in live


def test_the_stored_render_is_what_a_live_render_shows(client, world, monkeypatch):
    stored = {code: article(client.get(p.url)) for code, p in world["pages"].items()}
    other_code(monkeypatch)
    for code, page in world["pages"].items():
        assert article(client.get(page.url)) == stored[code], code


def test_a_body_linking_to_another_page_is_rendered_live(client, world):
    coming, drafter, _approvers = factories.ready_for_release(
        world["newsroom"], world["chosen"], title="The coming statement", slug="coming"
    )
    linking, drafter, _approvers = factories.ready_for_release(
        world["newsroom"],
        world["chosen"],
        title="A statement with a link",
        slug="linking",
        body=[("paragraph", f'<p>See <a linktype="page" id="{coming.pk}">the next one</a>.</p>')],
    )
    release_now(linking, drafter)
    linking.refresh_from_db()
    assert record_of(linking).snapshot["render"]["top"] == ""
    html = article(client.get(linking.url))
    assert "the next one" in html and "/coming/" not in html
    release_now(coming, drafter)
    assert "/coming/" in article(client.get(linking.url))


def test_the_language_list_leaves_out_a_restricted_version(client, world):
    english, french = world["pages"]["en"], world["pages"]["fr"]
    switcher = ".language-switcher a"
    before = BeautifulSoup(client.get(english.url).content, "html.parser").select(switcher)
    assert [a["hreflang"] for a in before] == ["fr"]
    PageViewRestriction.objects.create(page=french, restriction_type="login")
    after = BeautifulSoup(client.get(english.url).content, "html.parser").select(switcher)
    assert after == []


def test_renders_are_stored_again_for_the_running_code(client, world):
    page = world["pages"]["fr"]
    record = record_of(page)
    record.snapshot["render"] = {"version": "old", "top": "<p>old</p>", "bottom": ""}
    record.save()
    assert "<p>old</p>" not in article(client.get(page.url))
    call_command("render_released", stdout=open("/dev/null", "w"))  # noqa: SIM115
    stored = record_of(page).snapshot["render"]
    assert stored["version"] == released_render.render_version()
    assert page.title in stored["top"]


def test_a_past_release_is_recorded_as_the_release_action_records_one(client, site_tree):
    governments = [factories.GovernmentFactory() for _ in range(2)]
    page = factories.make_statement(site_tree["newsrooms"]["en"], governments, slug="old")
    release = RecordPastReleaseAction(page, released_by="import").execute()
    assert release.state == Release.State.RELEASED
    assert RecordPastReleaseAction(page).execute() is None  # once
    stored = record_of(page).snapshot
    assert [g["official_name"] for g in stored["issuing_governments"]] == [
        g.official_name for g in governments
    ]
    assert page.title in stored["render"]["top"]
    client.get(page.url)
    with CaptureQueriesContext(connection) as served:
        response = client.get(page.url)
    assert page.title in article(response)
    # Served from the record: no query for signatories, contacts or topics.
    assert not [q for q in served.captured_queries if "statementsignatory" in q["sql"]]
