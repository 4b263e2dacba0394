"""The public frame around every page, as a journalist and an administrator meet it:
the ministry's identity (set in Wagtail's site settings), breadcrumbs, the header's
search box, the language switcher everywhere, "date modified", sharing, the issuing
government on list items, language-aware lists, and the editors' userbar."""

import datetime
import io
from urllib.parse import quote

import PIL.Image
import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Site

from statements.models import StatementPage, StatementTopic
from statements.released_render import render_parts
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    """The identity is cached across requests; tests reuse site ids."""
    cache.clear()
    yield
    cache.clear()


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def world(site_tree, governments):
    ca, fr, jp = governments["CA"], governments["FR"], governments["JP"]
    page = factories.make_statement(
        site_tree["newsrooms"]["en"],
        [ca, fr, jp],
        lead=ca,
        title="Joint statement on the monitoring team's first report",
        slug="msmt-first-report",
        summary="Eleven governments welcome the first report.",
    )
    french = factories.translate_statement(
        page, "fr", title="Déclaration commune sur le premier rapport", summary="Onze pays."
    )
    french.refresh_from_db()  # its address is made from its own title when saved
    japanese_led = factories.make_statement(
        site_tree["newsrooms"]["en"],
        [jp, ca],
        lead=jp,
        title="Statement on maritime security",
        slug="maritime-security",
        summary="Japan and Canada on maritime security.",
        release_at=datetime.datetime(2025, 6, 2, 1, 0, tzinfo=datetime.UTC),
    )
    return {"page": page, "french": french, "japanese_led": japanese_led, **site_tree}


def admin_client(client):
    root = get_user_model().objects.create_superuser("root", "root@example.org", "x")
    client.force_login(root)
    return client


def emblem():
    png = io.BytesIO()
    PIL.Image.new("RGB", (120, 120), (175, 60, 67)).save(png, format="PNG")
    image = get_image_model()(title="Crest", file=ImageFile(png, "crest.png"))
    image.save()
    return image


def identity_form(emblem_id, rows):
    data = {
        "emblem": str(emblem_id),
        "contact_email": "media@international.example.org",
        "contact_phone": "+1 343 203 7700",
        "languages-TOTAL_FORMS": str(len(rows)),
        "languages-INITIAL_FORMS": "0",
        "languages-MIN_NUM_FORMS": "1",
        "languages-MAX_NUM_FORMS": "1000",
    }
    for number, row in enumerate(rows):
        data.update({f"languages-{number}-{name}": value for name, value in row.items()})
        data[f"languages-{number}-ORDER"] = str(number + 1)
        data[f"languages-{number}-id"] = ""
    return data


ENGLISH = {
    "language_code": "en",
    "government_name": "Government of Canada",
    "ministry_name": "Global Affairs Canada",
    "contact_url": "https://example.org/en/contact",
    "privacy_url": "https://example.org/en/privacy",
    "terms_url": "https://example.org/en/terms",
    "accessibility_url": "/en/accessibility/",
}
FRENCH = {
    **ENGLISH,
    "language_code": "fr",
    "government_name": "Gouvernement du Canada",
    "ministry_name": "Affaires mondiales Canada",
    "privacy_url": "https://example.org/fr/confidentialite",
}


def set_identity(client, rows):
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["statements", "siteidentity", site.pk])
    response = client.post(url, identity_form(emblem().pk, rows))
    assert response.status_code == 302, response.content.decode()[:3000]
    client.logout()


def test_an_administrator_sets_the_identity_and_every_page_shows_it(client, world):
    set_identity(admin_client(client), [ENGLISH, FRENCH])

    english = soup(client.get(world["page"].url))
    header = english.select_one(".site-header .site-identity")
    assert header.select_one(".ministry-name").get_text() == "Global Affairs Canada"
    assert header.select_one(".government-name").get_text() == "Government of Canada"
    crest = header.select_one("img.emblem")
    assert crest["alt"] == ""  # the names beside it say who it is
    served = client.get(crest["src"])  # public, through the media view
    assert served.status_code == 200
    assert served["Cache-Control"] == "public, max-age=86400"  # on every page: kept
    footer = english.select_one(".site-footer")
    links = {a.get_text(): a["href"] for a in footer.select(".about-links a")}
    assert links == {
        "Contact us": "https://example.org/en/contact",
        "Privacy": "https://example.org/en/privacy",
        "Terms and conditions": "https://example.org/en/terms",
        "Accessibility": "/en/accessibility/",
    }
    assert "media@international.example.org" in footer.select_one(".identity-contact").get_text()
    assert english.title.get_text().endswith("· Global Affairs Canada")

    french = soup(client.get("/fr/search/"))
    names = french.select_one(".site-identity .identity-names")
    assert names.select_one(".ministry-name").get_text() == "Affaires mondiales Canada"
    assert not names.has_attr("lang")
    links = {a.get_text(): a["href"] for a in french.select(".about-links a")}
    assert links["Confidentialité"] == "https://example.org/fr/confidentialite"


def test_a_language_without_names_of_its_own_shows_the_default_marked_as_such(client, world):
    set_identity(admin_client(client), [ENGLISH])
    french = soup(client.get(world["french"].url))
    names = french.select_one(".site-identity .identity-names")
    assert names.select_one(".ministry-name").get_text() == "Global Affairs Canada"
    assert names["lang"] == "en"
    assert french.select_one(".about-links a")["hreflang"] == "en"
    # Positive control: the English page's names carry no lang of their own.
    english = soup(client.get(world["page"].url))
    assert not english.select_one(".site-identity .identity-names").has_attr("lang")


def test_the_frame_costs_no_query_per_page(client, world):
    page = world["page"]

    def queries():
        client.get(page.url)  # warm what is per process (site root paths)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(page.url).status_code == 200
        return len(captured)

    without = queries()
    set_identity(admin_client(client), [ENGLISH, FRENCH])
    with CaptureQueriesContext(connection) as first:
        assert b"Global Affairs Canada" in client.get(page.url).content
    assert queries() == without
    assert len(first) <= without + 3  # read once, then kept


def test_breadcrumbs_lead_home_from_every_page(client, world):
    statement = soup(client.get(world["french"].url))
    trail = [(a.get_text(), a["href"]) for a in statement.select("nav.breadcrumbs a")]
    assert trail == [("Accueil", "/fr/"), ("Salle de presse", world["newsrooms"]["fr"].url)]
    newsroom = soup(client.get(world["newsrooms"]["en"].url))
    assert [a["href"] for a in newsroom.select("nav.breadcrumbs a")] == ["/en/"]
    for path in ("/en/search/", "/en/subscribe/"):
        trail = [(a.get_text(), a["href"]) for a in soup(client.get(path)).select(".breadcrumbs a")]
        assert trail == [("Home", "/en/")], path
    assert not soup(client.get("/en/")).select("nav.breadcrumbs")


def test_the_header_search_box_goes_to_the_search_page(client, world):
    for url in (world["page"].url, "/en/", world["newsrooms"]["en"].url, "/en/subscribe/"):
        form = soup(client.get(url)).select_one(".site-header form[role=search]")
        assert form is not None, url
        assert form["action"] == "/en/search/"
        field = form.select_one("input[type=search]")
        assert field["name"] == "q"
        assert form.select_one(f"label[for={field['id']}]") is not None
    french = soup(client.get(world["french"].url)).select_one(".site-header form[role=search]")
    assert french["action"] == "/fr/search/"
    # On the search page its own form is the search box: one, not two.
    assert len(soup(client.get("/en/search/?q=report")).select("form[role=search]")) == 1


def test_search_and_subscribe_pages_have_the_language_switcher(client, world):
    search = soup(client.get("/fr/search/?q=rapport&type=joint_statement"))
    switcher = search.select_one("nav.language-switcher")
    assert switcher is not None
    english = switcher.select_one("a[hreflang=en]")
    assert english["href"] == "/en/search/?q=rapport&type=joint_statement"
    assert english["lang"] == "en"
    assert switcher.select_one("[aria-current=page]")["lang"] == "fr"
    subscribe = soup(client.get("/en/subscribe/")).select_one("nav.language-switcher")
    assert subscribe.select_one("a[hreflang=fr]")["href"] == "/fr/subscribe/"
    # A page that is not found offers no other language of it.
    assert not BeautifulSoup(client.get("/en/no-such-page/").content, "html.parser").select(
        "nav.language-switcher"
    )


def test_date_modified_is_the_last_release_in_the_release_zone(client, world):
    page = world["page"]
    # Released at 02:00 UTC on 4 June: still 3 June in Ottawa, the release zone.
    StatementPage.objects.filter(pk=page.pk).update(
        last_published_at=datetime.datetime(2025, 6, 4, 2, 0, tzinfo=datetime.UTC)
    )
    modified = soup(client.get(page.url)).select_one(".date-modified")
    assert modified.get_text(" ", strip=True) == "Date modified: 3 June 2025"
    assert modified.time["datetime"] == "2025-06-03"
    # An edit waiting for its release (a correction under embargo) changes nothing.
    draft = StatementPage.objects.get(pk=page.pk)
    draft.title = "Corrected title, not yet released"
    draft.release_at = datetime.datetime(2025, 7, 1, 13, 0, tzinfo=datetime.UTC)
    draft.save_revision()
    html = soup(client.get(page.url))
    assert html.select_one(".date-modified time")["datetime"] == "2025-06-03"
    assert "Corrected title" not in str(html)
    assert "2025-07-01" not in str(html)


def test_share_by_e_mail_and_copy_link_are_plain_links(client, world):
    page = world["page"]
    html = soup(client.get(page.url))
    share = html.select_one("section.share")
    address = page.get_full_url()  # the canonical address, as in <head>
    assert html.select_one("link[rel=canonical]")["href"] == address
    mail = share.select_one("a[href^='mailto:']")
    assert mail["href"] == (
        "mailto:?subject=Joint%20statement%20on%20the%20monitoring%20team%27s%20first%20report"
        f"&body={quote(address, safe='')}"
    )
    copy = share.select_one("a.copy-link")
    assert copy["href"] == address
    scripts = html.select("script:not([type='application/ld+json'])")
    assert [s.get("src") for s in scripts] == ["/static/js/share.js"]
    assert all(not s.string for s in scripts)  # nothing inline: CSP allows none
    assert client.get("/static/js/share.js").status_code == 200


def test_list_items_name_the_issuing_government(client, world):
    french = soup(client.get(world["newsrooms"]["fr"].url))
    items = {
        li.select_one("h3 a")["href"]: li.select_one(".meta .lead-government")
        for li in french.select("li.statement-summary")
    }
    canada = items[world["french"].url]
    assert canada.get_text() == "Canada" and not canada.has_attr("lang")
    japan = items[world["japanese_led"].url]  # no French name: the English one, marked
    assert (japan.get_text(), japan["lang"]) == ("Japan", "en")
    results = soup(client.get("/en/search/?q=maritime"))
    lead = results.select_one(".search-result .meta .lead-government")
    assert lead.get_text() == "Japan"


def test_a_fallback_item_marks_only_its_own_words_with_its_language(client, world):
    """WCAG 3.1.2: the meta line of a listed English statement on a French page is
    French, and only its title and summary are marked English."""
    for url in (world["newsrooms"]["fr"].url, "/fr/search/?q=maritime"):
        html = soup(client.get(url))
        item = next(
            li
            for li in html.select("li.statement-summary")
            if li.select_one("h3 a")["href"] == world["japanese_led"].url
        )
        assert not item.has_attr("lang"), url
        meta = item.select_one(".meta")
        assert meta.find_parent(attrs={"lang": True}).name == "html"
        assert meta.select_one(".statement-type").get_text() == "Déclaration commune"
        assert item.select_one("h3")["lang"] == "en"
        words = item.select_one(".summary, .snippet")
        assert words["lang"] == "en"
        assert item.select_one(".available-in").find_parent(attrs={"lang": True}).name == "html"


def test_topics_are_joined_as_each_language_lists_them(client, governments):
    tree = factories.build_site(languages=("en", "ja"))
    sanctions = factories.TopicFactory(name="Sanctions", slug="sanctions")
    security = factories.TopicFactory(name="Security", slug="security")
    page = factories.make_statement(
        tree["newsrooms"]["en"],
        [governments["CA"], governments["JP"]],
        slug="topics",
        topics=[StatementTopic(topic=sanctions), StatementTopic(topic=security)],
    )
    for code, topic, name in (("ja", sanctions, "制裁"), ("ja", security, "安全保障")):
        copy = topic.copy_for_translation(factories.locale(code))
        copy.name = name
        copy.save()
    japanese = factories.translate_statement(page, "ja", title="共同声明")
    text = (
        soup(client.get(factories.path_of(japanese, "ja")))
        .select_one(".topics")
        .get_text("", strip=True)
    )
    assert text.endswith("制裁、安全保障")
    english = " ".join(soup(client.get(page.url)).select_one(".topics").get_text().split())
    assert english.endswith("Sanctions, Security")
    # The part rendered once at release says the same.
    japanese = StatementPage.objects.get(pk=japanese.pk)
    japanese.live = True
    assert "制裁</span>、<span" in render_parts(japanese)["bottom"]


def test_editors_get_wagtails_userbar_and_readers_never_do(client, world, page_cache):
    page = world["page"]
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "x")
    client.force_login(editor)
    edited = client.get(page.url)
    assert b"wagtail-userbar" in edited.content
    assert "private" in edited["Cache-Control"]
    client.logout()
    client.cookies.clear()
    reader = client.get(page.url)
    assert reader.status_code == 200
    assert b"wagtail-userbar" not in reader.content
    assert "public" in reader["Cache-Control"]
    # The editor again: the stored reader's page is not what they get, nor the reverse.
    client.force_login(editor)
    assert b"wagtail-userbar" in client.get(page.url).content
    client.logout()
    client.cookies.clear()
    assert b"wagtail-userbar" not in client.get(page.url).content
