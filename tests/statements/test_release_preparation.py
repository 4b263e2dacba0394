"""Prepare ahead, flip at the instant: the work at the instant does not grow with the
number of languages, the prepared text stays invisible, and a change after the
preparation holds the release."""

import datetime
import time

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageLogEntry

from statements.actions.base import release_clock_user
from statements.actions.release import PrepareReleaseAction, ReleaseStatementAction
from statements.actions.scheduling import ScheduleReleaseAction
from statements.actions.signoff import WithdrawSignOffAction
from statements.models import Release, StatementPage, StatementSignatory
from statements.queries.preparation import due_release_ids, prepare_window
from tests import factories

pytestmark = pytest.mark.django_db


def scheduled(newsroom, governments, slug, **fields):
    statement, drafter, approvers = factories.ready_for_release(
        newsroom, governments, lead=next(iter(governments.values())), slug=slug, **fields
    )
    release = ScheduleReleaseAction(statement, drafter).execute()
    return statement, release, approvers


def due(release, seconds=-1):
    Release.objects.filter(pk=release.pk).update(
        release_at=timezone.now() + datetime.timedelta(seconds=seconds)
    )
    release.refresh_from_db()


def wait_for_instant(release):
    """Let the prepared instant come, without moving it (moving it voids the preparation)."""
    time.sleep(max((release.release_at - timezone.now()).total_seconds(), 0) + 0.05)


def flip_queries(release):
    PrepareReleaseAction(release.pk).execute()
    with CaptureQueriesContext(connection) as queries:
        outcome = ReleaseStatementAction(release.pk).flip()
    assert outcome.state == "released", outcome.problems
    return len(queries.captured_queries), len(outcome.pages)


def test_the_flip_does_the_same_work_for_two_languages_or_three(site_tree, governments):
    factories.locale("ja")
    newsroom = site_tree["newsrooms"]["en"]
    _s, two, _a = scheduled(newsroom, {"CA": governments["CA"]}, "two-languages")
    _s, three, _a = scheduled(
        newsroom, {"CA": governments["CA"], "JP": governments["JP"]}, "three-languages"
    )
    due(two)
    due(three)
    release_clock_user()  # made once, on the first release ever: not part of a flip
    queries_two, pages_two = flip_queries(two)
    queries_three, pages_three = flip_queries(three)
    assert (pages_two, pages_three) == (2, 3)
    assert queries_two == queries_three
    # A small constant (26 on PostgreSQL, fewer on SQLite), of which the audit log
    # entry takes three on PostgreSQL (the chain's lock, its head, the insert).
    assert queries_three <= 28


def test_prepared_text_is_invisible_until_the_flip(site_tree, governments):
    statement, release, _approvers = scheduled(
        site_tree["newsrooms"]["en"], {"CA": governments["CA"]}, "prepared-early"
    )
    due(release, seconds=1)
    assert PrepareReleaseAction(release.pk).execute().state == "prepared"
    release.refresh_from_db()
    assert release.prepare_seconds is not None
    assert {entry["language"] for entry in release.prepared["pages"]} == {"en", "fr"}
    client = Client()
    for page in StatementPage.objects.filter(translation_key=statement.translation_key):
        assert not page.live
        assert (
            client.get(f"/{page.locale.language_code}/newsroom/prepared-early/").status_code == 404
        )
    due(release)
    assert ReleaseStatementAction(release.pk).execute().state == "released"
    release.refresh_from_db()
    assert release.flip_seconds is not None
    for page in StatementPage.objects.filter(translation_key=statement.translation_key):
        assert page.live and page.live_revision_id == page.latest_revision_id


def test_an_edit_after_the_preparation_holds_the_release(site_tree, governments):
    statement, release, _approvers = scheduled(
        site_tree["newsrooms"]["en"], {"CA": governments["CA"]}, "edited-late"
    )
    due(release, seconds=1)
    PrepareReleaseAction(release.pk).execute()
    release.refresh_from_db()
    # An edit that reaches the database without the editor's hold (as a concurrent save
    # that lost the race for the release's row would): the flip itself refuses.
    draft = statement.get_latest_revision_as_object()
    draft.title = "A late change"
    revision = draft.save_revision(user=None)
    assert revision.pk != release.prepared["pages"][0]["revision"]
    wait_for_instant(release)
    outcome = ReleaseStatementAction(release.pk).execute()
    assert outcome.state == "held"
    assert outcome.problems == [{"code": "edited"}]
    assert not StatementPage.objects.filter(translation_key=statement.translation_key, live=True)


def test_a_withdrawn_signature_after_the_preparation_holds_the_release(site_tree, governments):
    statement, release, approvers = scheduled(
        site_tree["newsrooms"]["en"], {"CA": governments["CA"]}, "withdrawn-late"
    )
    due(release, seconds=1)
    PrepareReleaseAction(release.pk).execute()
    WithdrawSignOffAction(statement, approvers["CA"], "CA", reason="Not agreed.").execute()
    wait_for_instant(release)
    outcome = ReleaseStatementAction(release.pk).execute()
    assert outcome.state == "held"
    assert [p["code"] for p in outcome.problems] == ["not_signed"]
    assert not StatementPage.objects.filter(translation_key=statement.translation_key, live=True)


def test_each_release_starts_preparing_by_its_own_measured_cost(site_tree, governments, settings):
    settings.COMMUNIQUE_RELEASE_PREPARE_SECONDS = 3.0
    settings.COMMUNIQUE_RELEASE_PREPARE_MAX_SECONDS = 60.0
    settings.COMMUNIQUE_RELEASE_PREPARE_FACTOR = 4
    factories.locale("ja")
    statement, release, _approvers = scheduled(
        site_tree["newsrooms"]["en"], governments, "measured-window"
    )
    languages = StatementPage.objects.filter(translation_key=statement.translation_key).count()
    assert languages == 3
    # Nothing measured yet: a quarter of a second per language, and never under 3 s.
    assert prepare_window(release) == datetime.timedelta(seconds=3)

    # Preparations here took 2 s a language: start 4 x 2 s x 3 languages ahead.
    Release.objects.filter(pk=release.pk).update(prepare_seconds=6.0, prepared_languages=3)
    assert prepare_window(release) == datetime.timedelta(seconds=24)
    due(release, seconds=20)
    assert release.pk in due_release_ids()
    due(release, seconds=30)
    assert release.pk not in due_release_ids()

    # However slow, never more than RELEASE_PREPARE_MAX_MS ahead.
    Release.objects.filter(pk=release.pk).update(prepare_seconds=300.0)
    assert prepare_window(release) == datetime.timedelta(seconds=60)


def test_released_at_is_stamped_after_every_write_that_makes_it_public(site_tree, governments):
    statement, release, _approvers = scheduled(
        site_tree["newsrooms"]["en"], {"CA": governments["CA"]}, "stamped-last"
    )
    due(release)
    PrepareReleaseAction(release.pk).execute()
    before = timezone.now()
    outcome = ReleaseStatementAction(release.pk).flip()
    assert outcome.state == "released"
    release.refresh_from_db()
    assert release.released_at >= before
    assert release.flip_queries and release.flip_seconds is not None
    pages = StatementPage.objects.filter(translation_key=statement.translation_key)
    assert {page.last_published_at for page in pages} == {release.released_at}
    assert {p.released_at for p in release.pages.all()} == {release.released_at}
    entry = PageLogEntry.objects.get(page_id=statement.pk, action="statements.release")
    assert entry.data["released_at"] == release.released_at.isoformat()


def test_the_clock_flipper_flips_only_a_prepared_release_and_at_its_instant(
    site_tree, governments, monkeypatch
):
    from statements import release_triggers  # the flipper's module, patched below

    delivered = []
    monkeypatch.setattr(release_triggers, "_deliver_in_thread", delivered.append)
    statement, release, _approvers = scheduled(
        site_tree["newsrooms"]["en"], {"CA": governments["CA"]}, "flipper"
    )
    due(release, seconds=3)
    assert release_triggers.flip_next(within_seconds=5.0) is None  # not prepared yet
    assert PrepareReleaseAction(release.pk).execute().state == "prepared"
    assert release_triggers.flip_next(within_seconds=0.5) is None  # not that close yet
    outcome = release_triggers.flip_next(within_seconds=5.0)  # waits for the instant
    assert outcome.state == "released"
    release.refresh_from_db()
    assert release.released_at >= release.release_at
    assert release.released_by == "clock"
    for _ in range(50):  # the effects go to a thread of their own
        if delivered:
            break
        time.sleep(0.01)
    assert delivered == [release.pk]
    assert release_triggers.flip_next(within_seconds=1.0) is None


def test_the_preparation_rewrites_only_child_rows_that_differ(site_tree, governments):
    """Each language's rows already hold its latest revision: staging it writes none of
    its signatories again. A row that differs from the revision is written back, and the
    release shows the revision's signatories either way."""
    statement, release, _approvers = scheduled(
        site_tree["newsrooms"]["en"],
        {"CA": governments["CA"], "FR": governments["FR"]},
        "rows-as-they-are",
    )
    due(release, seconds=1)
    with CaptureQueriesContext(connection) as queries:
        assert PrepareReleaseAction(release.pk).execute().state == "prepared"
    table = StatementSignatory._meta.db_table
    writes = [q["sql"] for q in queries if q["sql"].startswith(f'UPDATE "{table}"')]
    assert writes == []

    # Positive control: a row moved by hand since the revision is put back as it was.
    Release.objects.filter(pk=release.pk).update(prepared={})
    french = statement.get_translation(factories.locale("fr"))
    row = StatementSignatory.objects.filter(page=french).order_by("sort_order").first()
    StatementSignatory.objects.filter(pk=row.pk).update(sort_order=99)
    with CaptureQueriesContext(connection) as queries:
        assert PrepareReleaseAction(release.pk).execute().state == "prepared"
    writes = [q["sql"] for q in queries if q["sql"].startswith(f'UPDATE "{table}"')]
    assert writes
    assert StatementSignatory.objects.get(pk=row.pk).sort_order == row.sort_order
