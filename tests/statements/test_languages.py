"""Languages are configuration: a right-to-left language works without code changes."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.test import override_settings

from tests import factories

pytestmark = pytest.mark.django_db

WITH_ARABIC = [*settings.LANGUAGES, ("ar", "العربيّة")]


@override_settings(LANGUAGES=WITH_ARABIC, WAGTAIL_CONTENT_LANGUAGES=WITH_ARABIC)
def test_arabic_pages_are_right_to_left(client, site_tree, governments):
    statement = factories.make_statement(
        site_tree["newsrooms"]["en"], [governments["CA"]], slug="rtl-check"
    )
    arabic_home = site_tree["homes"]["en"].copy_for_translation(factories.locale("ar"))
    arabic_home.save_revision().publish()
    arabic_newsroom = site_tree["newsrooms"]["en"].copy_for_translation(factories.locale("ar"))
    arabic_newsroom.save_revision().publish()
    arabic = factories.translate_statement(statement, "ar", title="بيان مشترك")

    response = client.get(arabic.url)
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser").html
    assert html["lang"] == "ar"
    assert html["dir"] == "rtl"

    english = BeautifulSoup(client.get(statement.url).content, "html.parser").html
    assert english["dir"] == "ltr"
    assert english.select_one('link[hreflang="ar"]') is not None


def test_every_configured_language_has_a_locale_and_url_prefix(client, site_tree):
    from wagtail.models import Locale

    codes = {code for code, _name in settings.LANGUAGES}
    assert codes == {"en", "fr", "de", "it", "ja", "ko", "nl"}
    assert codes <= set(Locale.objects.values_list("language_code", flat=True))
    assert client.get("/fr/").status_code == 200
