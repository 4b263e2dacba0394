"""RSS and Atom feeds of released statements, as a feed reader fetches them."""

import datetime
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

import pytest
from django.utils import timezone

from statements.actions.release import ReleaseStatementAction
from statements.actions.scheduling import ScheduleReleaseAction
from statements.models import Release, StatementPage
from statements.templatetags.statements_tags import localized_date
from statements.timefmt import release_parts
from tests import factories, snapshots

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
LANGUAGES = ("en", "fr", "ja")
KINDS = ("rss", "atom")

TITLE = "Joint statement on the sanctions monitoring report"
SLUG = "monitoring-report"
SENTENCE = "The governments welcome the monitoring team's first report."

ENGLISH_ONLY_TITLE = "Readout of the Tokyo meeting on export controls"
ENGLISH_ONLY_SENTENCE = "Officials met in Tokyo to compare export-control findings."

LATE_TITLE = "Statement on the maritime interdiction exercise"
LATE_FRENCH_TITLE = "Déclaration sur l'exercice d'interdiction maritime, encore en projet"
LATE_FRENCH_SLUG = "exercice-projet"
LATE_FRENCH_SENTENCE = "Cette phrase française n'a jamais été publiée."

UNRELEASED_TITLE = "Scheduled statement on ship-to-ship transfers"
UNRELEASED_SLUG = "ship-to-ship-transfers"
UNRELEASED_SENTENCE = "The governments will describe ship-to-ship transfers at the release."


@pytest.fixture
def feeds_world(settings, db):
    """Built once per test session (tests/snapshots.py); each test gets its rows back."""
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES
    return snapshots.world("feeds", build_feeds_world)


@pytest.fixture
def governments(feeds_world):
    return feeds_world["governments"]


@pytest.fixture
def newsroom(feeds_world):
    return feeds_world["newsroom"]


def build_feeds_world():
    governments = factories.standard_governments()
    site = factories.build_site(languages=LANGUAGES)
    ca, jp = governments["CA"], governments["JP"]
    newsrooms = site["newsrooms"]

    statement, drafter, _approvers = factories.ready_for_release(
        newsrooms["en"],
        governments,
        lead=ca,
        title=TITLE,
        slug=SLUG,
        body=[
            ("paragraph", f"<p>{SENTENCE}</p>"),
            ("paragraph", '<p>See <a href="/en/newsroom/">the newsroom</a>.</p>'),
        ],
    )
    release = ScheduleReleaseAction(statement, drafter).execute()
    Release.objects.filter(pk=release.pk).update(
        release_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert ReleaseStatementAction(release.pk).execute().state == "released"
    release.refresh_from_db()

    english_only = factories.make_statement(
        newsrooms["en"],
        [jp],
        lead=jp,
        title=ENGLISH_ONLY_TITLE,
        slug="tokyo-export-controls",
        statement_type="readout",
        body=[("paragraph", f"<p>{ENGLISH_ONLY_SENTENCE}</p>")],
        release_at=datetime.datetime(2025, 3, 3, 1, 0, tzinfo=datetime.UTC),
        release_timezone="Asia/Tokyo",
    )

    late = factories.make_statement(
        newsrooms["en"],
        [ca],
        lead=ca,
        title=LATE_TITLE,
        slug="maritime-interdiction",
        statement_type="statement",
        release_at=datetime.datetime(2025, 2, 1, 15, 0, tzinfo=datetime.UTC),
    )
    factories.translate_statement(
        late,
        "fr",
        publish=False,
        title=LATE_FRENCH_TITLE,
        slug=LATE_FRENCH_SLUG,
        body=[("paragraph", f"<p>{LATE_FRENCH_SENTENCE}</p>")],
    )

    unreleased, drafter, _approvers = factories.ready_for_release(
        newsrooms["en"],
        governments,
        lead=ca,
        title=UNRELEASED_TITLE,
        slug=UNRELEASED_SLUG,
        body=[("paragraph", f"<p>{UNRELEASED_SENTENCE}</p>")],
    )
    ScheduleReleaseAction(unreleased, drafter).execute()

    versions = {
        p.locale.language_code: p
        for p in StatementPage.objects.filter(translation_key=statement.translation_key)
    }
    newsroom = {
        "release": release,
        "versions": versions,
        "english_only": english_only,
        "late": late,
        "unreleased": unreleased,
    }
    return {"governments": governments, "newsroom": newsroom}


def fetch(client, language, kind, query=""):
    response = client.get(f"/{language}/feeds/{kind}/{query}")
    assert response.status_code == 200
    return response, ET.fromstring(response.content)  # noqa: S314 - our own output


def rss_items(root):
    items = {}
    for item in root.iter("item"):
        items[item.findtext("link")] = {
            "title": item.findtext("title"),
            "guid": item.find("guid"),
            "description": item.findtext("description"),
            "published": parsedate_to_datetime(item.findtext("pubDate")),
            "categories": [c.text for c in item.findall("category")],
            "lang": item.get(XML_LANG),
        }
    return items


def atom_entries(root):
    entries = {}
    for entry in root.iter(f"{ATOM}entry"):
        link = entry.find(f"{ATOM}link[@rel='alternate']").get("href")
        entries[link] = {
            "title": entry.findtext(f"{ATOM}title"),
            "id": entry.findtext(f"{ATOM}id"),
            "content": entry.find(f"{ATOM}content"),
            "summary": entry.findtext(f"{ATOM}summary"),
            "published": datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}published")),
            "author": entry.findtext(f"{ATOM}author/{ATOM}name"),
            "lang": entry.get(XML_LANG),
        }
    return entries


def feed_links(client, language, kind, query=""):
    _response, root = fetch(client, language, kind, query)
    items = rss_items(root) if kind == "rss" else atom_entries(root)
    return set(items)


def expected_release_line(release, page, language):
    """The release line in the feed's language, each zone's time isolated."""
    zones = ["America/Toronto", "UTC", "America/Toronto", "Europe/Paris", "Asia/Tokyo"]
    parts = release_parts(release.release_at, zones, language, page.display_date)
    return " / ".join(f"<bdi>{part}</bdi>" for part in parts)


# What the issued-by line says in each language: French names exist for Canada and
# France only; Japanese names for none, so they show in English, flagged.
ISSUED_BY = {
    "en": ["Issued by: Government of Canada, Government of France and Government of Japan"],
    "fr": [
        "Publié par : gouvernement du Canada, gouvernement de la République française et ",
        "Government of Japan",
        "pas encore traduit",
    ],
    "ja": ["発表：", "Government of Canada", "Government of Japan", "未翻訳"],
}
TYPE_NAME = {"en": "Joint statement", "fr": "Déclaration commune", "ja": "共同声明"}


def assert_full_text(html, page, release, language):
    sentence = SENTENCE if language == "en" else f"[{language}] {SENTENCE}"
    assert sentence in html
    assert f"{page.dateline} – {localized_date(page.display_date, language)}" in html
    dateline = html[html.find('class="dateline"') :].split("</p>", 1)[0]
    assert expected_release_line(release, page, language) in html, (release.release_at, dateline)
    for words in ISSUED_BY[language]:
        assert words in html
    # Links in the body are absolute: a feed reader has no page to resolve them against.
    assert 'href="http://localhost/en/newsroom/"' in html


def test_each_language_has_both_feeds_with_the_released_text(client, newsroom):
    release = newsroom["release"]
    for language in LANGUAGES:
        page = newsroom["versions"][language]
        link = page.get_full_url()
        assert link == f"http://localhost/{language}/newsroom/{page.slug}/"

        response, rss = fetch(client, language, "rss")
        assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
        assert rss.tag == "rss"
        assert rss.get("version") == "2.0"
        channel = rss.find("channel")
        assert channel.findtext("language") == language
        assert channel.findtext("link") == f"http://localhost/{language}/newsroom/"
        item = rss_items(rss)[link]
        assert item["title"] == page.title
        assert item["lang"] is None  # in the feed's own language: nothing to mark
        assert item["published"] == release.released_at.replace(microsecond=0)
        assert item["guid"].get("isPermaLink") == "false"
        assert TYPE_NAME[language] in item["categories"]
        assert_full_text(item["description"], page, release, language)

        response, atom = fetch(client, language, "atom")
        assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
        assert atom.tag == f"{ATOM}feed"
        assert atom.get(XML_LANG) == language
        assert atom.findtext(f"{ATOM}id") == f"http://testserver/{language}/feeds/atom/"
        entry = atom_entries(atom)[link]
        assert entry["title"] == page.title
        assert entry["lang"] is None
        assert entry["published"] == release.released_at
        assert entry["author"] == page.lead.department
        assert entry["summary"] == page.summary
        assert entry["content"].get("type") == "html"
        assert_full_text(entry["content"].text, page, release, language)
        assert entry["id"] == item["guid"].text


def test_names_are_those_of_the_release(client, newsroom, governments):
    """Renaming a government later does not rewrite a released statement in the feed."""
    canada = governments["CA"]
    canada.official_name = "Dominion of Canada"
    canada.save()
    _response, root = fetch(client, "en", "rss")
    html = rss_items(root)[newsroom["versions"]["en"].get_full_url()]["description"]
    assert "Dominion of Canada" not in html
    assert ISSUED_BY["en"][0] in html


def test_untranslated_statement_appears_in_its_own_language_marked(client, newsroom):
    english = newsroom["english_only"]
    link = english.get_full_url()
    _response, root = fetch(client, "en", "atom")
    entries = atom_entries(root)
    assert entries[link]["title"] == ENGLISH_ONLY_TITLE
    assert all(entry["lang"] is None for entry in entries.values())
    assert all("(English)" not in entry["title"] for entry in entries.values())

    notes = {"fr": "Non disponible dans cette langue", "ja": "この言語では掲載されていません"}
    # Each language writes the marker its own way (Japanese with full-width brackets).
    titles = {"fr": f"{ENGLISH_ONLY_TITLE} (English)", "ja": f"{ENGLISH_ONLY_TITLE}（English）"}
    for language, note in notes.items():
        _response, root = fetch(client, language, "atom")
        entry = atom_entries(root)[link]
        assert entry["lang"] == "en"
        assert entry["title"] == titles[language]
        html = entry["content"].text
        assert ENGLISH_ONLY_SENTENCE in html
        assert "Issued by: Government of Japan" in html  # the text is English throughout
        assert f'<p class="available-in" lang="{language}">{note}' in html  # the note is not

        _response, root = fetch(client, language, "rss")
        item = rss_items(root)[link]
        assert item["lang"] == "en"
        assert item["title"] == entry["title"]
        assert item["guid"].text == entry["id"]
        assert ENGLISH_ONLY_SENTENCE in item["description"]


def test_only_released_statements_and_languages_appear(client, newsroom):
    late = newsroom["late"].get_full_url()
    for language in LANGUAGES:
        for kind in KINDS:
            response, root = fetch(client, language, kind)
            text = response.content.decode()
            for absent in (
                UNRELEASED_TITLE,
                UNRELEASED_SLUG,
                UNRELEASED_SENTENCE,
                LATE_FRENCH_TITLE,
                LATE_FRENCH_SLUG,
                LATE_FRENCH_SENTENCE,
            ):
                assert absent not in text, (language, kind, absent)
            # The late statement's French draft is not out: French readers get the English.
            items = rss_items(root) if kind == "rss" else atom_entries(root)
            assert late in items
            assert items[late]["title"].startswith(LATE_TITLE)


def test_a_scheduled_statement_appears_once_released(client, newsroom):
    release = Release.objects.get(statement_id=newsroom["unreleased"].pk)
    Release.objects.filter(pk=release.pk).update(
        release_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert ReleaseStatementAction(release.pk).execute().state == "released"
    for language in LANGUAGES:
        assert factories.path_of(newsroom["unreleased"], language) in " ".join(
            feed_links(client, language, "atom")
        )


def test_filters_by_government_and_type(client, newsroom):
    main = newsroom["versions"]["en"].get_full_url()
    english = newsroom["english_only"].get_full_url()
    late = newsroom["late"].get_full_url()
    for kind in KINDS:
        assert feed_links(client, "en", kind) == {main, english, late}
        assert feed_links(client, "en", kind, "?government=JP") == {main, english}
        assert feed_links(client, "en", kind, "?government=ca") == {main, late}
        assert feed_links(client, "en", kind, "?type=readout") == {english}
        assert feed_links(client, "en", kind, "?government=FR&type=joint_statement") == {main}
        assert feed_links(client, "en", kind, "?government=CA&type=readout") == set()
        french = newsroom["versions"]["fr"].get_full_url()
        assert feed_links(client, "fr", kind, "?government=FR") == {french}
        assert feed_links(client, "fr", kind, "?type=readout") == {english}

    _response, root = fetch(client, "fr", "atom", "?government=fr&type=joint_statement")
    assert root.findtext(f"{ATOM}title").endswith(" – France – Déclaration commune")
    self_link = root.find(f"{ATOM}link[@rel='self']").get("href")
    assert self_link == "http://testserver/fr/feeds/atom/?government=FR&type=joint_statement"
    _response, root = fetch(client, "fr", "rss", "?government=FR")
    assert root.find("channel").findtext("link") == ("http://localhost/fr/newsroom/?government=FR")


def test_invalid_filters_are_ignored(client, newsroom):
    for kind in KINDS:
        everything = feed_links(client, "en", kind)
        assert len(everything) == 3
        for query in ("?government=ZZ", "?type=manifesto", "?government=&type=", "?type=READOUT"):
            assert feed_links(client, "en", kind, query) == everything, query
    _response, root = fetch(client, "en", "atom", "?government=ZZ&type=manifesto&page=x")
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == ("http://testserver/en/feeds/atom/")
    assert "manifesto" not in ET.tostring(root, encoding="unicode")


def test_guids_are_stable_and_one_per_statement_and_language(client, newsroom):
    def guids(language):
        _response, root = fetch(client, language, "rss")
        return {link: item["guid"].text for link, item in rss_items(root).items()}

    english = guids("en")
    assert english == guids("en")
    assert len(set(english.values())) == len(english)
    french = guids("fr")
    main_en = newsroom["versions"]["en"].get_full_url()
    main_fr = newsroom["versions"]["fr"].get_full_url()
    assert english[main_en] != french[main_fr]
    # The same English text keeps its identity whichever language's feed carries it,
    # and a new slug does not make it a new item.
    untranslated = newsroom["english_only"].get_full_url()
    assert english[untranslated] == french[untranslated]
    page = newsroom["english_only"]
    StatementPage.objects.filter(pk=page.pk).update(
        slug="renamed", url_path=page.url_path.replace(page.slug, "renamed")
    )
    moved = {
        guid
        for link, guid in guids("en").items()
        if link == "http://localhost/en/newsroom/renamed/"
    }
    assert moved == {english[untranslated]}


def test_a_language_without_content_has_no_feed(client, site_tree):
    from wagtail.models import Locale

    Locale.objects.filter(language_code="de").delete()
    assert client.get("/de/feeds/rss/").status_code == 404
    assert client.get("/en/feeds/atom/").status_code == 200


def test_feed_urls_are_named_per_language():
    from django.urls import reverse
    from django.utils import translation

    with translation.override("fr"):
        assert reverse("statements_feed_rss") == "/fr/feeds/rss/"
        assert reverse("statements_feed_atom") == "/fr/feeds/atom/"
