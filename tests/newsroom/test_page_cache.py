"""Public pages are cacheable, served from the cache, and never cached across a release.

Through HTTP with the page cache on (the ``page_cache`` fixture), as outside tests.
"""

import datetime
import re
import time
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from wagtail.contrib.frontend_cache.backends.base import BaseBackend

from newsroom import page_cache as cached_pages
from statements.actions.previews import CreatePreviewLinkAction, preview_url
from statements.actions.release import ReleaseStatementAction
from statements.actions.scheduling import ScheduleReleaseAction
from statements.models import Release, StatementPage
from tests import factories
from tests.statements.test_release_faults import own_redis

pytestmark = pytest.mark.django_db

TITLE = "Joint statement on cached monitoring"
SLUG = "cached-monitoring"


def max_age(response):
    found = re.fullmatch(r"public, max-age=(\d+)", response.get("Cache-Control", ""))
    return int(found.group(1)) if found else None


def served_from_cache(response):
    return response.has_header("Age")


@pytest.fixture
def released(site_tree, governments):
    """A released statement in English and French."""
    page = factories.make_statement(
        site_tree["newsrooms"]["en"],
        [governments["CA"], governments["FR"]],
        lead=governments["CA"],
        title=TITLE,
        slug=SLUG,
    )
    french = factories.translate_statement(page, "fr", title="Déclaration sur la surveillance")
    return page, french


@pytest.fixture
def scheduled(governments):
    """A statement in English, French and Japanese, scheduled two hours ahead."""
    site = factories.build_site(languages=("en", "fr", "ja"))
    statement, drafter, _approvers = factories.ready_for_release(
        site["newsrooms"]["en"], governments, lead=governments["CA"], title=TITLE, slug=SLUG
    )
    release = ScheduleReleaseAction(statement, drafter).execute()
    return statement, drafter, release


def test_released_statement_page_is_public_with_an_etag_and_answers_304(
    client, page_cache, released
):
    page, _french = released
    response = client.get(page.url)
    assert response.status_code == 200
    assert 0 < max_age(response) <= page_cache
    etag = response["ETag"]
    assert etag.startswith('"')

    again = client.get(page.url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert 0 < max_age(again) <= page_cache
    assert client.get(page.url, HTTP_IF_NONE_MATCH='"something else"').status_code == 200


def test_listings_home_pages_feeds_and_sitemap_are_public(client, page_cache, released):
    _page, french = released
    urls = [
        "/en/",
        "/fr/",
        "/en/newsroom/",
        french.get_parent().url,
        "/en/newsroom/?type=joint_statement",
        "/en/feeds/rss/",
        "/fr/feeds/atom/",
        "/sitemap.xml",
        "/robots.txt",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert 0 < max_age(response) <= page_cache, url
        assert response.has_header("ETag"), url


def test_a_second_reader_is_served_the_stored_page_until_a_purge(client, page_cache, released):
    page, _french = released
    assert not served_from_cache(client.get(page.url))
    StatementPage.objects.filter(pk=page.pk).update(title="Changed under the cache")

    second = client.get(page.url)
    assert served_from_cache(second)
    assert TITLE in second.content.decode()
    assert 0 < max_age(second) <= page_cache

    cached_pages.purge()
    third = client.get(page.url)
    assert not served_from_cache(third)
    assert "Changed under the cache" in third.content.decode()


def test_a_404_is_stored_by_nobody_else_and_kept_here_only_until_a_publish(
    client, page_cache, site_tree, governments, django_capture_on_commit_callbacks
):
    draft = factories.make_statement(
        site_tree["newsrooms"]["en"], [governments["CA"]], publish=False, slug="not-yet"
    )
    for url in ("/en/newsroom/not-yet/", "/en/newsroom/never-written/", "/fr/nothing/"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert response["Cache-Control"] == "no-store", url
        assert not response.has_header("ETag"), url
    # Readers refreshing a statement's URL before its release cost a lookup, not a render.
    again = client.get("/en/newsroom/not-yet/")
    assert again.status_code == 404
    assert again["Cache-Control"] == "no-store"
    assert served_from_cache(again)
    assert not served_from_cache(client.get("/en/newsroom/not-yet/?page=2"))

    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision().publish()
    assert client.get("/en/newsroom/not-yet/").status_code == 200


def test_search_subscriptions_and_the_admin_are_never_public(
    client, admin_client, page_cache, released
):
    for url in ("/en/search/?q=monitoring", "/en/subscribe/"):
        first = client.get(url)
        assert first.status_code == 200, url
        assert "public" not in first.get("Cache-Control", ""), url
        assert not served_from_cache(client.get(url)), url
    admin = admin_client.get("/admin/")
    assert admin.status_code == 200
    assert "public" not in admin.get("Cache-Control", "")


def test_an_editor_is_neither_served_from_the_cache_nor_stored_in_it(
    client, admin_client, page_cache, released
):
    page, _french = released
    client.get(page.url)  # a reader stores the page
    StatementPage.objects.filter(pk=page.pk).update(title="Edited title")

    editor = admin_client.get(page.url)
    assert editor.status_code == 200
    assert not served_from_cache(editor)
    assert "Edited title" in editor.content.decode()
    assert editor["Cache-Control"] == "private, no-cache"

    cached_pages.purge()
    admin_client.get(page.url)  # the editor's page must not be stored for readers
    StatementPage.objects.filter(pk=page.pk).update(title="Edited again")
    reader = client.get(page.url)
    assert not served_from_cache(reader)
    assert "Edited again" in reader.content.decode()


def test_an_embargoed_preview_is_never_public(client, page_cache, scheduled):
    statement, drafter, _release = scheduled
    link = CreatePreviewLinkAction(statement, drafter, "A. Reporter", "a@example.org").execute()
    path = urlsplit(preview_url(link)).path
    response = client.get(path)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert not served_from_cache(client.get(path))


def test_nothing_is_public_cacheable_past_the_next_release_instant(client, page_cache, scheduled):
    statement, _drafter, release = scheduled
    Release.objects.filter(pk=release.pk).update(
        release_at=timezone.now() + datetime.timedelta(seconds=10)
    )
    response = client.get("/en/newsroom/")
    assert 0 < max_age(response) <= 10
    assert served_from_cache(second := client.get("/en/newsroom/"))
    assert 0 < max_age(second) <= 10

    # Due, and not yet committed: what a page shows may change at any moment, so
    # nobody else may keep it; we answer from what we keep only until the commit.
    Release.objects.filter(pk=release.pk).update(
        release_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    cached_pages.purge()
    for url in ("/en/newsroom/", "/fr/", "/ja/feeds/rss/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == "no-cache", url
        assert client.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304, url
    unreleased = client.get(factories.path_of(statement, "fr"))
    assert unreleased.status_code == 404
    assert unreleased["Cache-Control"] == "no-store"


def test_the_crowd_at_the_instant_is_answered_from_the_cache_until_the_commit_not_after(
    client, page_cache, scheduled
):
    """Even if the purge after the commit never runs (the releasing process dies)."""
    statement, drafter, _release = scheduled
    release = ScheduleReleaseAction(
        statement, drafter, release_at=timezone.now() + datetime.timedelta(seconds=2)
    ).execute()
    urls = [factories.path_of(statement, code) for code in ("en", "fr", "ja")] + ["/fr/newsroom/"]
    for url in urls:
        client.get(url)
    while timezone.now() < release.release_at:
        time.sleep(0.05)

    for url in urls:  # the instant has passed; the release has not committed
        response = client.get(url)
        assert served_from_cache(response), url
        assert "max-age" not in response["Cache-Control"], url

    released = ReleaseStatementAction(release.pk).execute()  # its after-commit work is lost
    assert released.state == "released"
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert not served_from_cache(response), url
        assert SLUG in response.content.decode(), url


def test_scheduling_a_release_drops_what_was_kept_past_its_instant(
    client, page_cache, governments, django_capture_on_commit_callbacks
):
    site = factories.build_site(languages=("en", "fr", "ja"))
    statement, drafter, _approvers = factories.ready_for_release(
        site["newsrooms"]["en"],
        governments,
        lead=governments["CA"],
        title=TITLE,
        slug=SLUG,
        release_at=timezone.now() + datetime.timedelta(seconds=20),
    )
    urls = (f"/en/newsroom/{SLUG}/", "/en/newsroom/")
    for url in urls:
        client.get(url)
        assert served_from_cache(client.get(url)), url  # kept for 30 s: no release known

    with django_capture_on_commit_callbacks(execute=True):
        ScheduleReleaseAction(statement, drafter).execute()
    for url in urls:
        assert not served_from_cache(client.get(url)), url
    listing = client.get("/en/newsroom/")
    assert served_from_cache(listing)
    assert 0 < max_age(listing) <= 20


class RecordingBackend(BaseBackend):
    purged = []

    def purge(self, url):
        self.purged.append(url)


def test_caches_primed_before_the_release_show_it_in_every_language_right_after(
    client, settings, page_cache, scheduled, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {"recording": {"BACKEND": f"{__name__}.RecordingBackend"}}
    RecordingBackend.purged = []
    statement, _drafter, release = scheduled
    languages = ("en", "fr", "ja")
    listings = [
        f"/{code}/{path}"
        for code in languages
        for path in ("", "newsroom/", "feeds/rss/", "feeds/atom/")
    ]
    for _round in range(2):  # the second round is answered from the cache
        for code in languages:
            response = client.get(factories.path_of(statement, code))
            assert response.status_code == 404
            assert response["Cache-Control"] == "no-store"
        for url in listings:
            response = client.get(url)
            assert response.status_code == 200
            assert TITLE not in response.content.decode(), url
            assert SLUG not in response.content.decode(), url
    assert served_from_cache(client.get("/fr/newsroom/"))

    Release.objects.filter(pk=release.pk).update(
        release_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert ReleaseStatementAction(release.pk).execute().state == "released"

    for code in languages:
        response = client.get(factories.path_of(statement, code))
        assert response.status_code == 200, code
        assert f'lang="{code}"' in response.content.decode()
    for url in listings:
        response = client.get(url)
        assert response.status_code == 200, url
        assert SLUG in response.content.decode(), url

    pages = StatementPage.objects.filter(translation_key=statement.translation_key)
    purged = {urlsplit(url).path for url in RecordingBackend.purged}
    assert {page.url for page in pages} <= purged
    assert set(listings) | {"/sitemap.xml"} <= purged


@pytest.fixture
def own_redis_cache(settings, tmp_path):
    """The default cache on a private redis-server the test may kill."""
    server, url = own_redis(tmp_path)
    settings.CACHES = {"default": {"BACKEND": "config.cache.FallbackRedisCache", "LOCATION": url}}
    yield server
    server.stop()


def test_with_redis_down_public_pages_still_serve_and_health_says_so(
    client, settings, own_redis_cache, page_cache, released
):
    settings.COMMUNIQUE_HEALTH_TOKEN = "s3cret"
    page, french = released
    urls = [page.url, french.url, "/en/", "/fr/newsroom/", "/en/feeds/rss/", "/sitemap.xml"]
    for url in urls:
        assert client.get(url).status_code == 200, url
    assert served_from_cache(client.get(page.url))  # kept in that Redis
    details = client.get("/health/", HTTP_AUTHORIZATION="Bearer s3cret").json()
    assert details["checks"]["cache"] == {"ok": True, "error": ""}

    own_redis_cache.kill()
    time.sleep(cached_pages.GENERATION_SECONDS)  # until this process asks Redis again
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert not served_from_cache(response), url  # a purge could not reach it now
        assert 0 < max_age(response) <= page_cache, url
    assert client.get("/en/newsroom/not-there/").status_code == 404

    health = client.get("/health/")
    assert health.status_code == 200
    assert health.json() == {"status": "degraded"}
    details = client.get("/health/", HTTP_AUTHORIZATION="Bearer s3cret").json()
    assert details["checks"]["cache"]["ok"] is False
    assert details["checks"]["cache"]["error"] == "ConnectionError"


def test_a_reader_at_the_instant_waits_for_the_commit_and_is_not_told_not_found(
    client, page_cache, scheduled, monkeypatch
):
    statement, drafter, _release = scheduled
    release = ScheduleReleaseAction(
        statement, drafter, release_at=timezone.now() + datetime.timedelta(seconds=1)
    ).execute()
    url = factories.path_of(statement, "fr")
    pauses = []

    def pause(seconds):
        pauses.append(seconds)
        if len(pauses) == 3:  # the release commits while the reader waits
            assert ReleaseStatementAction(release.pk).execute().state == "released"

    monkeypatch.setattr(cached_pages, "_pause", pause)
    assert client.get(url).status_code == 404  # before the instant: answered at once
    assert pauses == []
    while timezone.now() < release.release_at:
        time.sleep(0.02)

    response = client.get(url)
    assert response.status_code == 200
    assert len(pauses) == 3
    assert 'lang="fr"' in response.content.decode()
    pauses.clear()
    assert client.get(url).status_code == 200  # nothing due any more: no wait
    assert pauses == []


def test_a_release_that_does_not_commit_keeps_readers_waiting_only_briefly(
    client, settings, page_cache, scheduled
):
    settings.COMMUNIQUE_RELEASE_WAIT_SECONDS = 0.4
    statement, drafter, _release = scheduled
    release = ScheduleReleaseAction(
        statement, drafter, release_at=timezone.now() + datetime.timedelta(seconds=1)
    ).execute()
    url = factories.path_of(statement, "fr")
    assert client.get(url).status_code == 404
    while timezone.now() < release.release_at:
        time.sleep(0.02)
    started = time.monotonic()
    response = client.get(url)  # every trigger is down: nothing commits
    waited = time.monotonic() - started
    assert response.status_code == 404
    assert response["Cache-Control"] == "no-store"
    assert waited < 2.0
    started = time.monotonic()
    assert client.get(url).status_code == 404  # past the wait: answered at once
    assert time.monotonic() - started < waited
