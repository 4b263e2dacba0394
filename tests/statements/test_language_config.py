"""Languages by configuration (issue 14): a language taken out of LANGUAGES, a language
added, and a language our catalogs do not have."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import override_settings
from django.utils.translation import get_language_info
from wagtail.models import Page

from config.languages import language_settings
from statements.demo import site as demo_site
from statements.models import HomePage, NewsroomPage
from statements.queries.release import release_problems
from tests import factories
from tests.snapshots import load_demo

pytestmark = pytest.mark.django_db


def languages(*extra, without=()):
    configured = [(c, n) for c, n in settings.LANGUAGES if c not in without] + list(extra)
    return override_settings(
        LANGUAGES=configured,
        WAGTAIL_CONTENT_LANGUAGES=configured,
        WAGTAILADMIN_PERMITTED_LANGUAGES=configured,
    )


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def offered_languages(document):
    """Every language a page offers a reader: switcher links and hreflang alternates."""
    switcher = {a["hreflang"] for a in document.select(".language-switcher a[hreflang]")}
    alternates = {link["hreflang"] for link in document.select('link[rel="alternate"][hreflang]')}
    return switcher, alternates - {"x-default"}


def test_a_language_taken_out_of_languages_is_offered_nowhere(client, site_tree, governments):
    statement = factories.make_statement(
        site_tree["newsrooms"]["en"], [governments["CA"]], slug="taken-out"
    )
    factories.translate_statement(statement, "fr", title="Déclaration commune")

    # Positive control: while French is configured, every channel offers it.
    for url in ("/en/", statement.url):
        switcher, alternates = offered_languages(soup(client.get(url)))
        assert "fr" in switcher and "fr" in alternates, url
    assert "/fr/" in client.get("/sitemap.xml").content.decode()

    with languages(without=("fr",)):
        for url in ("/en/", statement.url):
            switcher, alternates = offered_languages(soup(client.get(url)))
            assert "fr" not in switcher | alternates, url
        sitemap = client.get("/sitemap.xml").content.decode()
        assert "/fr/" not in sitemap
        assert 'hreflang="fr"' not in sitemap
        assert "/en/" in sitemap


def test_a_statement_translated_into_a_new_language_brings_no_alias_pages(
    client, site_tree, governments
):
    """A signatory whose language was just added brings the statement's draft in that
    language; its home and newsroom must not appear as live aliases of English."""
    with languages(("es", "español")):
        factories.locale("es")
        spain = factories.GovernmentFactory(
            code="ES", short_name="Spain", official_name="Government of Spain", languages=["es"]
        )
        statement = factories.make_statement(
            site_tree["newsrooms"]["en"],
            [governments["CA"], spain],
            slug="new-language",
            publish=False,
        )
        approvers = {"ES": factories.approver(spain)}
        factories.finish_translation(statement, "es", approvers)

        assert not Page.objects.filter(alias_of__isnull=False).exists()
        spanish = Page.objects.filter(locale__language_code="es")
        # Home, newsroom and the statement: real pages of their own, none public yet.
        assert spanish.count() == 3
        assert not spanish.filter(live=True).exists()
        response = client.get("/es/")
        if response.status_code == 200:
            assert soup(response).html["lang"] != "es"  # never English marked Spanish

        # The release waits for the language's own home and newsroom ...
        codes = [p["code"] for p in release_problems(statement) if p.get("language") == "es"]
        assert codes == ["parent_not_live"]
        # ... which a translator gives their own titles and publishes.
        for page, title in (
            (site_tree["homes"]["en"], "Comunicados"),
            (site_tree["newsrooms"]["en"], "Sala de prensa"),
        ):
            translated = page.get_translation(factories.locale("es")).specific
            translated.title = title
            translated.save_revision().publish()
        codes = [p["code"] for p in release_problems(statement) if p.get("language") == "es"]
        assert "parent_not_live" not in codes
        home = soup(client.get("/es/"))
        assert home.html["lang"] == "es"
        assert home.h1.get_text() == "Comunicados"


def test_a_language_added_to_the_demo_gets_a_home_and_newsroom_of_its_own(client):
    load_demo()
    with languages(("es", "español")):
        with open("/dev/null", "w") as quiet:
            call_command("load_demo", stdout=quiet)
        for model, texts in ((HomePage, demo_site.HOME), (NewsroomPage, demo_site.NEWSROOM)):
            page = model.objects.get(locale__language_code="es")
            assert page.live and page.alias_of_id is None
            assert (page.title, page.intro) == (texts["es"]["title"], texts["es"]["intro"])
        assert not Page.objects.filter(alias_of__isnull=False).exists()
        newsroom = soup(client.get("/es/newsroom/"))
        assert newsroom.html["lang"] == "es"
        assert newsroom.h1.get_text() == "Sala de prensa"


def publish_translation(page, code, title):
    translated = page.copy_for_translation(factories.locale(code))
    translated.title = title
    translated.save_revision().publish()
    return translated


@pytest.mark.parametrize(
    ("code", "title"),
    [
        ("ga", "Seomra nuachta"),  # Django has an Irish catalog, we have none
        ("mt", "Kamra tal-aħbarijiet"),  # nobody has a Maltese catalog
    ],
)
def test_a_language_without_our_catalog_shows_the_default_interface_whole_and_marked(
    client, site_tree, code, title
):
    with languages((code, code)):
        publish_translation(site_tree["homes"]["en"], code, "Communiqué")
        publish_translation(site_tree["newsrooms"]["en"], code, title)

        newsroom = soup(client.get(f"/{code}/newsroom/"))
        assert newsroom.html["lang"] == code
        assert newsroom.h1.get_text() == title
        header = newsroom.select_one(".site-header .wrap")
        footer = newsroom.select_one(".site-footer .wrap")
        assert header["lang"] == "en" and footer["lang"] == "en"
        assert "Search statements" in footer.get_text()
        assert newsroom.select_one("#results-heading")["lang"] == "en"
        assert newsroom.select_one('label[for="filter-government"]')["lang"] == "en"

        # A screen with no page is interface text only: the default language, all of
        # it, Django's own messages included, and marked so.
        response = client.post(f"/{code}/subscribe/", {"email": ""})
        assert response.status_code == 400  # the form, with its errors
        subscribe = BeautifulSoup(response.content, "html.parser")
        assert subscribe.html["lang"] == "en"
        text = subscribe.get_text()
        assert "This field is required." in text
        assert "Tá an réimse seo riachtanach." not in text

        # Positive control: a language with a catalog of ours is not marked.
        french = soup(client.get("/fr/newsroom/"))
        assert french.html["lang"] == "fr"
        assert not french.select_one(".site-footer .wrap").has_attr("lang")


def test_languages_takes_tags_django_lacks_and_names_one_nobody_knows():
    """What the settings do with LANGUAGES: the set test boots them for real."""
    configured, bidi = language_settings(["mt", "zh", "zh_Hant", "ar"])
    assert [code for code, _name in configured] == ["mt", "zh", "zh-hant", "ar"]
    assert dict(configured)["mt"] == "Malti"
    assert get_language_info("mt")["name"] == "Maltese"
    assert get_language_info("zh")["bidi"] is False
    assert "ar" in bidi and "mt" not in bidi
    with pytest.raises(ImproperlyConfigured, match="'xx'"):
        language_settings(["en", "xx"])
    with pytest.raises(ImproperlyConfigured, match="BCP 47"):
        language_settings(["en", "not a tag"])
