"""Searching released statements in each language, as a journalist does over HTTP.

Most tests run on both databases: on SQLite they exercise the substring matcher, on
PostgreSQL the per-language text search. Stemming and trigram matching need
PostgreSQL (``require_postgres``).
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.utils import timezone

from newsroom.search import search_statements
from newsroom.search.languages import is_unsegmented, text_search_config
from newsroom.search.postgres import PostgresSearchResults
from newsroom.search.query import clean_query
from newsroom.search.snippets import highlight
from newsroom.search.substring import SubstringSearchResults
from newsroom.search.text import body_text
from statements.actions.release import ReleaseStatementAction
from statements.actions.scheduling import ScheduleReleaseAction
from statements.models import Release
from tests import factories, snapshots
from tests.newsroom.search_world import PARTS, build_search_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def search_world(request, db):
    """What the test asks for and nothing more, each combination built once per test
    session (tests/snapshots.py); each test gets its rows back."""
    asked = set(request.fixturenames)
    if asked & {"msmt", "two_on_sanctions"}:
        asked.add("site")
    parts = tuple(part for part in PARTS if part in asked)
    return snapshots.world("search:" + ",".join(parts), lambda: build_search_world(parts))


@pytest.fixture
def governments(search_world):
    return search_world["governments"]


@pytest.fixture
def site(search_world):
    return search_world["site"]


@pytest.fixture
def msmt(search_world):
    """A released statement in English, French, Japanese and Korean."""
    return search_world["msmt"]


@pytest.fixture
def two_on_sanctions(search_world):
    return search_world["two_on_sanctions"]


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def results(response):
    return soup(response).select("li.search-result")


def titles(response):
    return [item.h3.get_text(strip=True) for item in results(response)]


def search(client, language, query, **params):
    return client.get(f"/{language}/search/", {"q": query, **params})


# --- finding, per language ----------------------------------------------------------------
def test_english_search_finds_the_english_version_with_a_highlight(client, msmt):
    response = search(client, "en", "ship-to-ship transfers")
    html = soup(response)
    assert html.html["lang"] == "en"
    assert titles(response) == ["Joint statement on the Multilateral Sanctions Monitoring Team"]
    item = results(response)[0]
    assert item.h3.a["href"] == "/en/newsroom/msmt-first-report/"
    assert not item.has_attr("lang")
    marks = [mark.get_text().lower() for mark in item.select(".snippet mark")]
    assert "transfers" in marks
    assert html.select_one("[role=status] #results-heading").get_text() == (
        "1 result for “ship-to-ship transfers”"
    )
    assert html.title.get_text().startswith("1 result for “ship-to-ship transfers”")


def test_each_language_finds_its_own_version(client, msmt):
    assert titles(search(client, "fr", "surveillance")) == [msmt["fr"].title]
    assert titles(search(client, "ja", "報告書")) == [msmt["ja"].title]
    # Korean attaches particles to words: "보고서" is found inside "보고서를".
    assert titles(search(client, "ko", "보고서")) == [msmt["ko"].title]
    # The English words are not in the French version, and no English row is listed
    # for French readers when a French version exists.
    assert titles(search(client, "fr", "ship-to-ship")) == []


def test_japanese_phrase_inside_a_sentence_is_found_and_marked(client, msmt):
    response = search(client, "ja", "監視チーム")
    assert titles(response) == [msmt["ja"].title]
    snippet = results(response)[0].select_one(".snippet")
    assert [mark.get_text() for mark in snippet.select("mark")] == ["監視チーム"]
    assert "多国間制裁監視チームの最初の報告書" in snippet.get_text()
    assert titles(search(client, "ja", "北朝鮮")) == []


def test_a_statement_not_in_the_readers_language_is_found_in_its_own(client, site, governments):
    factories.make_statement(
        site["newsrooms"]["en"],
        [governments["CA"]],
        lead=governments["CA"],
        title="Readout of the call on maritime monitoring",
        slug="maritime-readout",
        body=[("paragraph", "<p>The ministers discussed maritime monitoring.</p>")],
    )
    response = search(client, "fr", "maritime")
    assert titles(response) == ["Readout of the call on maritime monitoring"]
    item = results(response)[0]
    # Its own words are English; the meta line and the note are the page's (3.1.2).
    assert item.get("lang") is None
    assert item.h3["lang"] == "en"
    assert item.select_one(".snippet")["lang"] == "en"
    note = item.select_one(".available-in")
    assert note.find_parent(attrs={"lang": True}).name == "html"
    assert "English" in note.get_text()


def test_title_matches_rank_above_body_matches(client, site, governments):
    newsroom = site["newsrooms"]["en"]
    factories.make_statement(
        newsroom,
        [governments["CA"]],
        title="Statement on fisheries",
        body=[("paragraph", "<p>Nothing here is about a quokka, except this line.</p>")],
        release_at=datetime.datetime(2025, 6, 2, 12, 0, tzinfo=datetime.UTC),
    )
    factories.make_statement(
        newsroom,
        [governments["CA"]],
        title="Statement on the quokka",
        release_at=datetime.datetime(2025, 6, 1, 12, 0, tzinfo=datetime.UTC),
    )
    assert titles(search(client, "en", "quokka")) == [
        "Statement on the quokka",
        "Statement on fisheries",
    ]


# --- only released statements -----------------------------------------------------------
def test_unreleased_statements_and_translations_are_never_found(client, site, governments, msmt):
    newsroom = site["newsrooms"]["en"]
    factories.make_statement(
        newsroom,
        [governments["CA"]],
        publish=False,
        title="Zephyrine draft on fisheries",
        slug="zephyrine-draft",
        summary="A zephyrine summary.",
        body=[("paragraph", "<p>The zephyrine sentence under embargo.</p>")],
    )
    for language in ("en", "fr", "ja"):
        response = search(client, language, "zephyrine")
        assert titles(response) == []
        assert "Zephyrine draft" not in response.content.decode()
        assert "zephyrine-draft" not in response.content.decode()
        # "0 results…", "0 résultat…", "…0件": the count is zero in every language.
        assert "0" in soup(response).select_one("#results-heading").get_text()

    # A released statement whose French version is still a draft: the draft's words
    # find nothing, and French readers find the statement in English.
    released = factories.make_statement(
        newsroom,
        [governments["CA"], governments["FR"]],
        title="Statement on the wombat census",
        slug="wombat-census",
    )
    factories.translate_statement(
        released, "fr", publish=False, title="Déclaration clandestine sur le recensement"
    )
    assert titles(search(client, "fr", "clandestine")) == []
    response = search(client, "fr", "wombat")
    assert titles(response) == ["Statement on the wombat census"]
    assert results(response)[0].h3["lang"] == "en"

    # A correction saved as a draft of a released statement is not searched either.
    draft = released.get_latest_revision_as_object()
    draft.title = "Statement on the numbat census"
    draft.save_revision()
    assert titles(search(client, "en", "numbat")) == []
    assert titles(search(client, "en", "wombat")) == ["Statement on the wombat census"]


def test_a_statement_is_found_only_once_its_release_has_run(client, governments, settings):
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES
    site = factories.build_site(languages=("en", "fr", "ja"))
    statement, drafter, _approvers = factories.ready_for_release(
        site["newsrooms"]["en"],
        governments,
        lead=governments["CA"],
        title="Embargoed statement on quagga monitoring",
        slug="embargoed-quagga",
        body=[("paragraph", "<p>The quagga finding stays confidential.</p>")],
    )
    release = ScheduleReleaseAction(statement, drafter).execute()
    for language in ("en", "fr", "ja"):
        response = search(client, language, "quagga")
        assert titles(response) == [], language
        assert "embargoed-quagga" not in response.content.decode()

    Release.objects.filter(pk=release.pk).update(
        release_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert ReleaseStatementAction(release.pk).execute().state == "released"
    for language in ("en", "fr", "ja"):
        response = search(client, language, "quagga")
        found = results(response)
        assert len(found) == 1, language
        assert found[0].h3.a["href"] == factories.path_of(statement, language)
        assert not found[0].has_attr("lang"), "each language finds its own version"


# --- highlights are HTML-safe -------------------------------------------------------------
def test_snippets_escape_the_text_and_mark_only_the_matches(client, site, governments):
    factories.make_statement(
        site["newsrooms"]["en"],
        [governments["CA"]],
        title='Statement on "<i>" & trade',
        summary="Telecoms & trade.",
        body=[
            (
                "paragraph",
                "<p>Exports of AT&amp;T handsets &amp; "
                "&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; devices are listed.</p>",
            ),
            ("heading", "Rules for <b>devices</b>"),
        ],
    )
    response = search(client, "en", "devices")
    content = response.content.decode()
    assert "<script>" not in content
    assert "<b>devices" not in content
    item = results(response)[0]
    assert item.h3.get_text(strip=True) == 'Statement on "<i>" & trade'
    snippet = item.select_one(".snippet")
    assert {tag.name for tag in snippet.find_all(True)} == {"mark"}
    assert [mark.get_text() for mark in snippet.select("mark")][:1] == ["devices"]
    text = snippet.get_text()
    assert '<script>alert("pwned")</script>' in text
    assert "AT&T handsets &" in text


def test_a_query_with_markup_is_shown_escaped(client, msmt):
    response = search(client, "en", '"><script>alert(1)</script>')
    content = response.content.decode()
    assert "<script>alert(1)" not in content
    assert soup(response).select_one("#search-query")["value"] == '"><script>alert(1)</script>'


# --- filters, messages and paging -----------------------------------------------------------
def test_filters_combine_with_the_query(client, two_on_sanctions):
    joint, readout = two_on_sanctions
    assert sorted(titles(search(client, "en", "sanctions"))) == sorted([joint.title, readout.title])
    assert titles(search(client, "en", "sanctions", type="readout")) == [readout.title]
    assert titles(search(client, "en", "sanctions", government="jp")) == [joint.title]
    assert titles(search(client, "en", "sanctions", year="2024")) == [readout.title]
    assert titles(search(client, "en", "sanctions", type="readout", government="JP")) == []
    # Unknown filter values are ignored, as in the newsroom.
    assert len(titles(search(client, "en", "sanctions", type="<script>", year="abc"))) == 2
    html = soup(search(client, "en", "sanctions", type="readout"))
    assert html.select_one("#filter-type option[selected]")["value"] == "readout"
    assert html.select_one("form[role=search] label[for=search-query]")


@pytest.mark.parametrize("query", ["", "   ", "\x00"])
def test_an_empty_query_gets_a_message(client, two_on_sanctions, query):
    html = soup(search(client, "en", query))
    assert "Enter one or more words" in html.select_one("#search-message").get_text()
    assert html.select_one("#search-query")["aria-invalid"] == "true"
    assert not html.select("li.search-result")


def test_an_over_long_query_gets_a_message(client, two_on_sanctions):
    html = soup(search(client, "en", "sanctions " + "x" * 200))
    message = html.select_one("#search-message").get_text()
    assert "too long" in message
    assert "200" in message
    assert not html.select("li.search-result")
    # 200 characters is still a search.
    assert not soup(search(client, "en", "s" * 200)).select_one("#search-message")


def test_the_search_page_without_a_query_invites_one(client, site):
    html = soup(client.get("/en/search/"))
    assert html.select_one("form[role=search] input[type=search][name=q]")
    assert not html.select_one("#search-message")
    assert html.select_one('meta[name="robots"]')["content"] == "noindex"


def test_results_are_paged_keeping_the_query_and_filters(client, site, governments, monkeypatch):
    monkeypatch.setattr("newsroom.views.search.PAGE_SIZE", 2)
    for number in range(3):
        factories.make_statement(
            site["newsrooms"]["en"],
            [governments["CA"]],
            title=f"Readout {number} on sanctions",
            statement_type="readout",
        )
    first = search(client, "en", "sanctions", type="readout")
    assert len(results(first)) == 2
    next_link = soup(first).select_one("a[rel=next]")["href"]
    assert "q=sanctions" in next_link
    assert "type=readout" in next_link
    second = client.get("/en/search/" + next_link)
    assert len(results(second)) == 1
    assert soup(second).select_one("ol.search-results")["start"] == "3"


def test_queries_do_not_grow_with_the_results(site, governments, django_assert_max_num_queries):
    for number in range(6):
        factories.make_statement(
            site["newsrooms"]["en"], [governments["CA"]], title=f"Statement {number} on sanctions"
        )
    locale = factories.locale("en")
    # Wagtail's public() reads the view restrictions; then one query matches and
    # one loads the page of results (on PostgreSQL: one counts, one fetches), and one
    # names the issuing governments of them all.
    with django_assert_max_num_queries(4):
        found = search_statements("sanctions", locale)
        assert found.count() == 6
        assert len(found[0:10]) == 6


# --- the substring matcher (SQLite's path) ----------------------------------------------
def test_substring_matcher_marks_every_term_and_needs_all(msmt):
    locale = factories.locale("en")
    found = SubstringSearchResults("MONITORING transfers", locale)
    assert found.count() == 1
    result = found[0:1][0]
    assert result.page.pk == msmt["en"].pk
    assert "<mark>monitoring</mark>" in result.snippet
    assert "<mark>transfers</mark>" in result.snippet
    assert SubstringSearchResults("transfers quokka", locale).count() == 0
    assert SubstringSearchResults("transfers -ship", locale).count() == 0
    assert SubstringSearchResults('"report again"', locale).count() == 1


def test_highlight_is_html_safe_and_cut_around_the_match():
    text = "<b>x</b> & " + "filler " * 60 + "the needle is here " + "filler " * 60
    snippet = highlight(text, ["NEEDLE"])
    assert "<mark>needle</mark>" in snippet
    assert snippet.startswith("… ") and snippet.endswith(" …")
    assert "<b>" not in snippet
    assert highlight("a <b> & c", ["zzz"]) == "a &lt;b&gt; &amp; c"


def test_body_text_reads_rich_text_and_nested_blocks():
    raw = [
        {"type": "paragraph", "value": "<p>One &amp; <b>two</b></p>", "id": "a"},
        {"type": "quotation", "value": {"quote": "Three", "attribution": "Four"}, "id": "b"},
        {
            "type": "quick_facts",
            "value": {"title": "Five", "items": [{"type": "item", "value": "Six", "id": "c"}]},
        },
        {"type": "embed", "value": "https://video.example/7", "id": "d"},
        {"type": "heading", "value": "Eight <9>", "id": "e"},
    ]
    assert body_text(raw) == "One & two Three Four Five Six Eight <9>"


def test_clean_query():
    assert clean_query("  two\twords \x00")[0] == "two words"
    assert clean_query("")[1]
    assert clean_query("x" * 201)[1]
    assert clean_query("x" * 200)[1] is None


# --- PostgreSQL: each language's configuration, trigrams, headlines ----------------------
def test_english_search_stems_words(client, msmt, require_postgres):
    # "monitors" is not in the text, "monitoring" is: found through English stemming.
    response = search(client, "en", "monitors")
    assert titles(response) == [msmt["en"].title]
    marks = {m.get_text() for m in results(response)[0].select(".snippet mark")}
    assert "monitoring" in {m.lower() for m in marks}


def test_french_search_stems_words(client, msmt, require_postgres):
    # "publier" (to publish) finds "publié" (published); "gouvernement" finds the plural.
    assert titles(search(client, "fr", "publier")) == [msmt["fr"].title]
    response = search(client, "fr", "gouvernement")
    assert titles(response) == [msmt["fr"].title]
    assert "gouvernements" in [m.get_text() for m in results(response)[0].select("mark")]


def test_each_language_has_its_configuration():
    assert text_search_config("fr") == "french"
    assert text_search_config("en-gb") == "english"
    assert text_search_config("ja") == "simple"
    assert is_unsegmented("ko")


def test_japanese_search_tolerates_a_variant_through_trigrams(client, msmt, require_postgres):
    # Not a substring of the text ("…チームの最初の報告書"), but close enough.
    assert titles(search(client, "ja", "多国間制裁監視チーム報告")) == [msmt["ja"].title]


def test_postgres_uses_the_language_configuration(msmt, require_postgres):
    assert connection.vendor == "postgresql"
    found = search_statements("monitors", factories.locale("en"))
    assert isinstance(found, PostgresSearchResults)
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        assert cursor.fetchone(), "migration 0009 creates pg_trgm"
