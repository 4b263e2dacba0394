"""What search engines, social networks and newsrooms read: the sitemap, robots.txt,
page metadata, contact cards and every signatory's press office. Released only."""

import datetime
import json
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from statements.actions.previews import CreatePreviewLinkAction, preview_url
from statements.actions.release import ReleaseStatementAction
from statements.actions.scheduling import ScheduleReleaseAction
from statements.models import Release, StatementPage
from tests import factories, snapshots

pytestmark = pytest.mark.django_db

TITLE = "Joint statement on the monitoring team's first report"
SLUG = "msmt-first-report"
SECRET_TITLE = "Unreleased statement on a confidential finding"
SECRET_SLUG = "confidential-finding"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def versions(statement):
    return {
        p.locale.language_code: p
        for p in StatementPage.objects.filter(translation_key=statement.translation_key)
    }


def release_now(statement, drafter):
    release = ScheduleReleaseAction(statement, drafter).execute()
    Release.objects.filter(pk=release.pk).update(
        release_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert ReleaseStatementAction(release.pk).execute().state == "released"


class World:
    """A statement by Japan, France and Canada (in that order, Canada leading) in
    English, French and Japanese with Canada's media office as its contact; an earlier
    statement that made Japan's press office public; and a statement under embargo
    whose only contact is a French desk nobody may see yet."""

    def __init__(self, governments, release=True):
        self.site = factories.build_site(languages=("en", "fr", "ja"))
        ca, fr, jp = governments["CA"], governments["FR"], governments["JP"]
        newsroom = self.site["newsrooms"]["en"]
        self.canada_office = factories.MediaContactFactory(
            government=ca,
            office="Media Relations Office",
            department="Global Affairs Canada",
            email="media@international.gc.ca",
            phone="+1 343 203 7700",
            hours="Monday to Friday, 9:00 to 17:00",
        )
        french = self.canada_office.copy_for_translation(factories.locale("fr"))
        french.office = "Bureau des relations avec les médias"
        french.department = "Affaires mondiales Canada"
        french.hours = "Du lundi au vendredi, de 9 h à 17 h"
        french.save()
        self.japan_office = factories.MediaContactFactory(
            government=jp,
            office="Press Division",
            department="Ministry of Foreign Affairs of Japan",
            email="press@mofa.example.jp",
            hours="Mon–Fri 09:00–17:00",
        )
        self.earlier = factories.make_statement(
            newsroom,
            [jp],
            lead=jp,
            contacts=[self.japan_office],
            slug="earlier-statement",
            title="Earlier statement by Japan",
        )
        self.secret_desk = factories.MediaContactFactory(
            government=fr, office="Confidential Task Force Desk", email="desk@example.fr"
        )
        self.secret = factories.make_statement(
            newsroom,
            [fr],
            lead=fr,
            contacts=[self.secret_desk],
            publish=False,
            slug=SECRET_SLUG,
            title=SECRET_TITLE,
        )
        self.statement, self.drafter, _approvers = factories.ready_for_release(
            newsroom,
            {"JP": jp, "FR": fr, "CA": ca},
            lead=ca,
            contacts=[self.canada_office],
            title=TITLE,
            slug=SLUG,
            summary="Eleven governments welcome the monitoring team's first report.",
        )
        if release:
            release_now(self.statement, self.drafter)
        self.pages = versions(self.statement)


@pytest.fixture
def world(settings, db):
    """Built once per test session (tests/snapshots.py); each test gets its rows back."""
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES
    return snapshots.world("seo", lambda: World(factories.standard_governments()))


# --- sitemap and robots.txt ------------------------------------------------------------


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own output
    entries = {}
    for url in root.findall(f"{SITEMAP}url"):
        alternates = {
            link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
        }
        lastmod = url.findtext(f"{SITEMAP}lastmod")
        entries[url.findtext(f"{SITEMAP}loc")] = {"alternates": alternates, "lastmod": lastmod}
    return response, entries


def test_sitemap_lists_every_released_page_in_every_language(client, world):
    response, entries = sitemap_entries(client)
    base = "http://localhost"
    paths = {loc.removeprefix(base) for loc in entries}
    # Each language's address is made from its own title (statements/models/slugs.py).
    slugs = {code: world.pages[code].slug for code in ("en", "fr", "ja")}
    assert slugs["en"] == SLUG and slugs["fr"] != SLUG
    assert paths == {
        f"/{code}/{rest}"
        for code in ("en", "fr", "ja")
        for rest in ("", "newsroom/", f"newsroom/{slugs[code]}/")
    } | {"/en/newsroom/earlier-statement/"}

    statement_alternates = {
        **{code: f"{base}/{code}/newsroom/{slugs[code]}/" for code in ("en", "fr", "ja")},
        "x-default": f"{base}/en/newsroom/{SLUG}/",
    }
    for code in ("en", "fr", "ja"):
        entry = entries[f"{base}/{code}/newsroom/{slugs[code]}/"]
        assert entry["alternates"] == statement_alternates
        released = world.pages[code].last_published_at
        assert entry["lastmod"] == timezone.localtime(released).date().isoformat()
    home = entries[f"{base}/fr/"]
    assert home["alternates"] == {
        "en": f"{base}/en/",
        "fr": f"{base}/fr/",
        "ja": f"{base}/ja/",
        "x-default": f"{base}/en/",
    }
    assert entries[f"{base}/en/newsroom/earlier-statement/"]["alternates"] == {
        "en": f"{base}/en/newsroom/earlier-statement/",
        "x-default": f"{base}/en/newsroom/earlier-statement/",
    }
    body = response.content.decode()
    assert SECRET_SLUG not in body and SECRET_TITLE not in body


def test_sitemap_leaves_out_unreleased_statements_and_translations(client, governments):
    site = factories.build_site(languages=("en", "fr"))
    page = factories.make_statement(
        site["newsrooms"]["en"], [governments["CA"]], slug="english-only", title="English only"
    )
    factories.translate_statement(page, "fr", publish=False, slug="english-only")
    factories.make_statement(
        site["newsrooms"]["en"],
        [governments["CA"]],
        publish=False,
        slug=SECRET_SLUG,
        title=SECRET_TITLE,
    )
    response, entries = sitemap_entries(client)
    english = "http://localhost/en/newsroom/english-only/"
    assert entries[english]["alternates"] == {"en": english, "x-default": english}
    assert "http://localhost/fr/newsroom/english-only/" not in entries
    assert SECRET_SLUG not in response.content.decode()


def test_robots_txt_names_the_sitemap_and_keeps_out_of_the_admin(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Allow: /" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


# --- page metadata ---------------------------------------------------------------------


def head_meta(html):
    tags = {}
    for tag in html.head.find_all("meta"):
        key = tag.get("property") or tag.get("name")
        if key:
            tags.setdefault(key, []).append(tag.get("content"))
    return tags


def json_ld(html):
    scripts = html.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def test_statement_metadata_in_every_language(client, world):
    expected = {
        "en": ("en_GB", "Global Affairs Canada", "Government of Canada"),
        "fr": ("fr_FR", "Affaires mondiales Canada", "gouvernement du Canada"),
        # Canada has no Japanese names yet: the English ones, as released.
        "ja": ("ja_JP", "Global Affairs Canada", "Government of Canada"),
    }
    for code, (og_locale, department, canada) in expected.items():
        page = world.pages[code]
        html = soup(client.get(page.url))
        url = page.get_full_url()
        assert html.head.find("link", rel="canonical")["href"] == url
        meta = head_meta(html)
        assert meta["og:type"] == ["article"]
        assert meta["og:url"] == [url]
        assert meta["og:title"] == [page.title]
        assert meta["og:description"] == [page.summary]
        assert meta["og:site_name"] == ["Communiqué"]
        assert meta["og:locale"] == [og_locale]
        assert set(meta["og:locale:alternate"]) == {"en_GB", "fr_FR", "ja_JP"} - {og_locale}
        assert meta["twitter:card"] == ["summary"]
        assert meta["twitter:title"] == [page.title]
        assert meta["description"] == [page.summary]

        article = json_ld(html)
        assert article["@context"] == "https://schema.org"
        assert article["@type"] == "NewsArticle"
        assert article["inLanguage"] == code
        assert article["headline"] == page.title
        assert article["description"] == page.summary
        assert article["url"] == url
        published = datetime.datetime.fromisoformat(article["datePublished"])
        assert published == page.first_published_at.replace(microsecond=0)
        assert datetime.datetime.fromisoformat(article["dateModified"]) == published
        assert article["publisher"] == {"@type": "Organization", "name": department}
        authors = [author["name"] for author in article["author"]]
        issued_by = html.select_one(".issued-by").get_text()
        assert len(authors) == 3 and canada in authors
        assert sorted(authors, key=issued_by.index) == authors


def test_json_ld_cannot_be_broken_out_of(client, site_tree, governments):
    title = "Statement </script><script>alert(1)</script> & <!-- more"
    page = factories.make_statement(
        site_tree["newsrooms"]["en"], [governments["CA"]], title=title, slug="tricky"
    )
    response = client.get(page.url)
    raw = response.content.decode()
    script = raw[raw.index('<script type="application/ld+json">') :]
    script = script[: script.index("</script>")]
    assert "<script>" not in script and "<!--" not in script
    assert json_ld(soup(response))["headline"] == title


def test_home_and_newsroom_are_websites_without_an_article(client, site_tree):
    for page in (site_tree["homes"]["fr"], site_tree["newsrooms"]["fr"]):
        html = soup(client.get(page.url))
        meta = head_meta(html)
        assert html.head.find("link", rel="canonical")["href"] == page.get_full_url()
        assert meta["og:type"] == ["website"]
        assert meta["og:locale"] == ["fr_FR"]
        assert meta["og:locale:alternate"] == ["en_GB"]
        assert meta["og:url"] == [page.get_full_url()]
        assert not html.find_all("script", type="application/ld+json")


# --- contact cards ---------------------------------------------------------------------


def unfold(card):
    return card.replace("\r\n ", "").split("\r\n")


def test_contact_card_in_the_page_language(client, world):
    key = world.canada_office.translation_key
    french_page = soup(client.get(world.pages["fr"].url))
    link = french_page.select_one(".contacts a.contact-card")
    assert link.get_text() == "Télécharger la fiche de contact (vCard)"
    assert link["href"] == f"/fr/contacts/{key}.vcf"
    assert link["type"] == "text/vcard"

    response = client.get(link["href"])
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    card = response.content.decode()
    assert card.endswith("\r\n")
    assert all(len(line.encode()) <= 75 for line in card.split("\r\n"))
    lines = unfold(card)
    assert lines[:3] == ["BEGIN:VCARD", "VERSION:4.0", "KIND:org"]
    assert lines[-2:] == ["END:VCARD", ""]
    assert f"UID:urn:uuid:{key}" in lines
    assert (
        "ORG;LANGUAGE=fr:gouvernement du Canada;Affaires mondiales Canada;"
        "Bureau des relations avec les médias"
    ) in lines
    assert "EMAIL;TYPE=work:media@international.gc.ca" in lines
    assert 'TEL;VALUE=uri;TYPE="work,voice":tel:+1-343-203-7700' in lines
    assert "TZ:America/Toronto" in lines
    assert "LANG;PREF=1:en" in lines and "LANG;PREF=2:fr" in lines
    note = next(line for line in lines if line.startswith("NOTE;LANGUAGE=fr:"))
    assert note.startswith("NOTE;LANGUAGE=fr:Du lundi au vendredi\\, de 9 h à 17 h (")
    assert "Toronto" in note

    english = unfold(client.get(f"/en/contacts/{key}.vcf").content.decode())
    assert "ORG;LANGUAGE=en:Government of Canada;Global Affairs Canada;Media Relations Office" in (
        english
    )
    note = next(line for line in english if line.startswith("NOTE"))
    assert note.startswith("NOTE;LANGUAGE=en:Monday to Friday\\, 9:00 to 17:00 (Toronto time\\, E")


def test_a_contact_only_on_an_unreleased_statement_has_no_card(client, world):
    url = f"/en/contacts/{world.secret_desk.translation_key}.vcf"
    assert client.get(url).status_code == 404
    assert client.get(f"/fr/contacts/{world.secret_desk.translation_key}.vcf").status_code == 404
    for page in world.pages.values():
        assert b"Confidential Task Force Desk" not in client.get(page.url).content
    # Not a mistyped address: the same URL serves the card once its statement is out.
    world.secret.get_latest_revision().publish()
    assert client.get(url).status_code == 200


def test_an_embargoed_preview_has_no_cards_canonical_or_article(client, governments, settings):
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES
    world = World(governments, release=False)
    ScheduleReleaseAction(world.statement, world.drafter).execute()
    link = CreatePreviewLinkAction(
        world.statement, world.drafter, "Akiko Tanaka", "akiko@example.jp"
    ).execute()
    response = client.get(preview_url(link).removeprefix("http://testserver"))
    assert response.status_code == 200
    html = soup(response)
    assert TITLE in html.get_text()
    assert html.head.find("link", rel="canonical") is None
    assert "og:url" not in head_meta(html)
    assert not html.find_all("script", type="application/ld+json")
    assert "Media Relations Office" in html.select_one(".contacts").get_text()
    url = f"/en/contacts/{world.canada_office.translation_key}.vcf"
    assert url not in response.content.decode()
    assert client.get(url).status_code == 404


# --- press offices ---------------------------------------------------------------------


def offices(html):
    """(government, [offices]) in the order the page lists them."""
    return [
        (
            section.h3.get_text(" ", strip=True),
            [p.get_text(" ", strip=True) for p in section.select(".contact-office")],
        )
        for section in html.select(".contacts .press-office")
    ]


def test_every_signatorys_press_office_with_the_page_languages_governments_first(client, world):
    english = soup(client.get(world.pages["en"].url))
    # Canada publishes in English (and its office is the statement's own); the others
    # follow in the order the statement lists them.
    issued_by = english.select_one(".issued-by").get_text()
    others = sorted(["Japan", "France"], key=issued_by.index)
    assert offices(english) == [
        ("Canada", ["Media Relations Office"]),
        *[(name, ["Press Division"] if name == "Japan" else []) for name in others],
    ]
    contacts = english.select_one(".contacts")
    assert contacts.h2.get_text() == "Contacts"
    hours = {
        p.find_previous("h3").get_text(): p.get_text() for p in contacts.select(".contact-hours")
    }
    assert hours["Japan"] == "Mon–Fri 09:00–17:00 (Tokyo time, JST)"
    assert hours["Canada"].startswith("Monday to Friday, 9:00 to 17:00 (Toronto time, E")
    france = contacts.select(".press-office")[1 + others.index("France")]
    assert france.h3.get_text() == "France"
    assert "No press office contact has been published" in france.get_text()
    cards = {a["href"] for a in contacts.select("a.contact-card")}
    assert cards == {
        f"/en/contacts/{world.canada_office.translation_key}.vcf",
        f"/en/contacts/{world.japan_office.translation_key}.vcf",
    }
    for card in cards:
        assert client.get(card).status_code == 200

    french = soup(client.get(world.pages["fr"].url))
    assert offices(french) == [
        ("Canada", ["Bureau des relations avec les médias"]),
        ("France", []),
        # Japan's names are not in French: shown in English, and marked so.
        ("Japan (pas encore traduit)", ["Press Division (pas encore traduit)"]),
    ]
    japan = french.select(".press-office")[2]
    assert japan.h3.select_one(".name-fallback")["lang"] == "en"
    assert japan.select_one(".contact-office .name-fallback")["lang"] == "en"

    japanese = soup(client.get(world.pages["ja"].url))
    assert [government for government, _offices in offices(japanese)][0].startswith("Japan")
    assert [name.split(" ")[0] for name, _offices in offices(japanese)] == [
        "Japan",
        "Canada",
        "France",
    ]


def test_press_office_lookups_do_not_grow_with_the_signatories(client, site_tree):
    newsroom = site_tree["newsrooms"]["en"]

    def statement(count, slug):
        governments = [factories.GovernmentFactory() for _ in range(count)]
        for government in governments:
            office = factories.MediaContactFactory(government=government)
            factories.make_statement(newsroom, [government], contacts=[office])
        return factories.make_statement(newsroom, governments, slug=slug)

    def queries(page):
        client.get(page.url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(page.url)
        return len(captured), response.content.count(b'class="contact"')

    small, small_contacts = queries(statement(3, "three"))
    large, large_contacts = queries(statement(12, "twelve"))
    assert (small_contacts, large_contacts) == (3, 12)
    assert small == large
