"""Public statement pages and the newsroom, as a journalist sees them over HTTP."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup

from tests import factories, snapshots

pytestmark = pytest.mark.django_db


@pytest.fixture
def statement(site_tree, governments):
    ca, fr, jp = governments["CA"], governments["FR"], governments["JP"]
    contact = factories.MediaContactFactory(
        government=ca, office="Media Relations Office", email="media@international.gc.ca"
    )
    page = factories.make_statement(
        site_tree["newsrooms"]["en"],
        [ca, fr, jp],
        lead=ca,
        contacts=[contact],
        title="Joint statement on the monitoring team's first report",
        slug="msmt-first-report",
    )
    french = factories.translate_statement(
        page,
        "fr",
        title="Déclaration commune sur le premier rapport de l'équipe de surveillance",
        dateline="Ottawa (Ontario)",
    )
    return page, french


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_english_statement_page(client, statement):
    page, _french = statement
    response = client.get(page.url)
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == "en"
    assert html.html["dir"] == "ltr"
    assert html.h1.get_text() == "Joint statement on the monitoring team's first report"
    assert "29 May 2025" in html.select_one(".dateline").get_text()
    issued = html.select_one(".issued-by").get_text(" ", strip=True)
    assert issued == (
        "Issued by: Government of Canada, Government of France and Government of Japan"
    )
    assert html.select_one("a.skip-link")["href"] == "#main"
    assert "media@international.gc.ca" in html.select_one(".contacts").get_text()


def test_french_statement_page_uses_french_names_and_date(client, statement):
    _page, french = statement
    response = client.get(french.url)
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == "fr"
    assert "29 mai 2025" in html.select_one(".dateline").get_text()
    assert "Ottawa (Ontario)" in html.select_one(".dateline").get_text()
    issued = html.select_one(".issued-by")
    text = issued.get_text(" ", strip=True)
    assert text.startswith("Publié par")
    assert "gouvernement du Canada" in text
    assert "gouvernement de la République française" in text
    # Japan has no French name yet: shown in English, and flagged, not silently.
    fallback = issued.select_one(".name-fallback")
    assert fallback["lang"] == "en"
    assert "Government of Japan" in fallback.get_text()
    assert "pas encore traduit" in fallback.get_text()


def test_hreflang_alternates_and_language_switcher(client, statement):
    page, french = statement
    html = soup(client.get(page.url))
    alternates = {
        link["hreflang"]: link["href"] for link in html.select('link[rel="alternate"][hreflang]')
    }
    assert set(alternates) == {"en", "fr", "x-default"}
    assert alternates["fr"].endswith(french.url)
    assert alternates["x-default"] == alternates["en"]
    switcher = html.select_one(".language-switcher")
    link = switcher.select_one('a[hreflang="fr"]')
    assert link["href"] == french.url
    assert link["lang"] == "fr"
    assert switcher.select_one('[aria-current="page"]').get_text() == "English"


def test_draft_statement_is_invisible(client, site_tree, governments):
    draft = factories.make_statement(
        site_tree["newsrooms"]["en"],
        [governments["CA"]],
        publish=False,
        slug="draft-one",
        title="Unreleased draft on sanctions",
    )
    assert client.get("/en/newsroom/draft-one/").status_code == 404
    newsroom = client.get(site_tree["newsrooms"]["en"].url)
    assert b"Unreleased draft on sanctions" not in newsroom.content
    home = client.get("/en/")
    assert b"Unreleased draft on sanctions" not in home.content
    assert draft.live is False


def test_unknown_page_is_404_in_the_language_asked(client, site_tree):
    response = client.get("/fr/salle-de-presse/nothing-here/")
    assert response.status_code == 404
    assert soup(response).html["lang"] == "fr"


def test_root_redirects_to_a_language(client, site_tree):
    response = client.get("/")
    assert response.status_code == 302
    assert re.match(r"^/(en|fr)/$", response["Location"])


class TestNewsroomListing:
    @pytest.fixture
    def listing(self, db):
        """Built once per test session (tests/snapshots.py); each test gets its rows back."""
        return snapshots.world("newsroom listing", self.build_listing)

    @staticmethod
    def build_listing():
        site_tree = factories.build_site()
        governments = factories.standard_governments()
        ca, fr, jp = governments["CA"], governments["FR"], governments["JP"]
        newsroom = site_tree["newsrooms"]["en"]
        pages = []
        base = datetime.datetime(2025, 1, 10, 12, tzinfo=datetime.UTC)
        for i in range(12):
            pages.append(
                factories.make_statement(
                    newsroom,
                    [jp] if i % 3 == 0 else [ca, fr],
                    lead=jp if i % 3 == 0 else ca,
                    title=f"Statement number {i:02d}",
                    slug=f"statement-{i:02d}",
                    statement_type="readout" if i % 2 else "joint_statement",
                    release_at=base + datetime.timedelta(days=40 * i),
                )
            )
        return newsroom, pages

    def titles(self, response):
        return [a.get_text() for a in soup(response).select(".statement-list h3 a")]

    def test_newest_first_and_paginated(self, client, listing):
        newsroom, _pages = listing
        first = client.get(newsroom.url)
        assert self.titles(first)[:2] == ["Statement number 11", "Statement number 10"]
        assert len(self.titles(first)) == 10
        second = client.get(newsroom.url + "?page=2")
        assert self.titles(second) == ["Statement number 01", "Statement number 00"]
        assert "12 statements" in soup(first).select_one("#results-heading").get_text()

    def test_filter_by_government_type_and_year(self, client, listing):
        newsroom, _pages = listing
        by_japan = self.titles(client.get(newsroom.url + "?government=JP"))
        assert by_japan == [
            "Statement number 09",
            "Statement number 06",
            "Statement number 03",
            "Statement number 00",
        ]
        readouts = self.titles(client.get(newsroom.url + "?type=readout&government=ca"))
        assert readouts == [
            "Statement number 11",
            "Statement number 07",
            "Statement number 05",
            "Statement number 01",
        ]
        in_2025 = self.titles(client.get(newsroom.url + "?year=2025"))
        assert set(in_2025) == {f"Statement number {i:02d}" for i in range(9)}

    def test_filters_keep_through_pagination_links(self, client, listing):
        newsroom, _pages = listing
        html = soup(client.get(newsroom.url + "?year=2025"))
        assert html.select_one('a[rel="next"]') is None  # nine results fit one page
        html = soup(client.get(newsroom.url + "?type=joint_statement&government=CA"))
        assert html.select_one("#filter-type option[selected]")["value"] == "joint_statement"

    def test_nonsense_filters_are_ignored_not_errors(self, client, listing):
        newsroom, _pages = listing
        response = client.get(newsroom.url + "?type=<script>&year=abc&page=999&government=ZZ")
        assert response.status_code == 200
        assert b"<script>" not in response.content

    def test_untranslated_statements_listed_in_french_with_languages(self, client, listing):
        newsroom, pages = listing
        factories.translate_statement(pages[11], "fr", title="Déclaration numéro 11")
        french_newsroom = newsroom.get_translation(factories.locale("fr"))
        html = soup(client.get(french_newsroom.url))
        items = html.select(".statement-summary")
        assert items[0].select_one("h3").get_text() == "Déclaration numéro 11"
        assert items[0].get("lang") is None
        assert items[1].select_one("h3").get_text() == "Statement number 10"
        # Its own words are English; the item's meta line and note are the page's (3.1.2).
        assert items[1].select_one("h3")["lang"] == "en"
        assert items[1].get("lang") is None
        assert "English" in items[1].select_one(".available-in").get_text()
        assert len(html.select(".statement-summary")) == 10
