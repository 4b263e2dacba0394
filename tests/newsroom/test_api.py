"""The public API v2: released statements only, as released, in each language."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.text import slugify
from wagtail.models import PageViewRestriction

from statements.actions.release import ReleaseStatementAction
from statements.models import (
    Government,
    MediaContact,
    Release,
    ReleasedPage,
    StatementPage,
    StatementRelatedLink,
)
from statements.queries.release import snapshot_of
from tests import factories, snapshots
from tests.newsroom.api_world import (
    DRAFT_SENTENCE,
    DRAFT_TITLE,
    EMBARGO_SENTENCE,
    EMBARGO_SLUG,
    EMBARGO_TITLE,
    INSTANT,
    PARTS,
    SENTENCE,
    TITLE,
    build_api_world,
)

pytestmark = pytest.mark.django_db

API = "/api/v2/pages/"
STATEMENTS = API + "?type=statements.StatementPage"


@pytest.fixture
def api_world(request, db):
    """What the test asks for and nothing more, each combination built once per test
    session (tests/snapshots.py); each test gets its rows back."""
    asked = set(request.fixturenames)
    if "released" in asked:
        asked |= {"earlier", "in_draft"}
    parts = tuple(part for part in PARTS if part in asked)
    return snapshots.world("api:" + ",".join(parts), lambda: build_api_world(parts))


@pytest.fixture
def governments(api_world):
    return api_world["governments"]


@pytest.fixture
def newsroom(api_world):
    return api_world["newsroom"]


@pytest.fixture
def earlier(api_world):
    """A statement released before, which the new one links to."""
    return api_world["earlier"]


@pytest.fixture
def in_draft(api_world):
    """A statement nobody has released."""
    return api_world["in_draft"]


@pytest.fixture
def released(api_world):
    return api_world["released"]


@pytest.fixture
def embargoed(api_world):
    """Cleared, translated and scheduled, but not yet released."""
    return api_world["embargoed"]


def not_found(client, url):
    """True when ``url`` serves nothing (and names nothing) but a "not found".

    At present LocaleMiddleware redirects a 404 outside the language prefixes to the
    same path under /en/, where Wagtail finds no page either; the redirect is
    followed so these checks hold with or without it (see
    test_a_missing_page_is_a_json_404).
    """
    response = client.get(url, follow=True)
    return response.status_code == 404


def detail(client, page, **params):
    response = client.get(f"{API}{page.pk}/", params)
    assert response.status_code == 200, response.content
    return response.json()


def listing(client, query=""):
    response = client.get(f"{STATEMENTS}&fields=*&limit=20{query}")
    assert response.status_code == 200, response.content
    return response.json()["items"]


# --- fields ---------------------------------------------------------------------------


def test_english_statement_has_every_field(client, released, earlier):
    data = detail(client, released["en"])
    assert data["title"] == TITLE
    assert data["meta"]["type"] == "statements.StatementPage"
    assert data["meta"]["locale"] == "en"
    assert data["meta"]["slug"] == "msmt-first-report"
    assert data["meta"]["html_url"] == "http://localhost/en/newsroom/msmt-first-report/"
    assert data["statement_type"] == {"value": "joint_statement", "label": "Joint statement"}
    assert data["summary"] == "The governments welcome the first report."
    assert data["dateline"] == "Ottawa, Ontario"
    assert data["release_at"] == "2025-05-29T13:00:00Z"
    assert data["release_timezone"] == "America/Toronto"
    assert data["release_line"] == "09:00 EDT / 13:00 UTC / 15:00 CEST / 22:00 JST"
    assert data["display_date"] == "2025-05-29"
    assert data["lead_government"] == {
        "code": "CA",
        "official_name": "Government of Canada",
        "short_name": "Canada",
        "department": "Global Affairs Canada",
        "language": "en",
        "is_fallback": False,
    }
    assert [(s["code"], s["official_name"], s["is_fallback"]) for s in data["signatories"]] == [
        ("CA", "Government of Canada", False),
        ("FR", "Government of France", False),
        ("JP", "Government of Japan", False),
    ]
    assert data["contacts"] == [
        {
            "office": "Media Relations Office",
            "department": "Foreign Ministry",
            "email": "media@international.gc.ca",
            "phone": "+1 343 203 7700",
            "hours": "Monday to Friday, 9:00 to 17:00 (Ottawa time)",
            "language": "en",
            "is_fallback": False,
            "government": data["lead_government"],
        }
    ]
    assert data["topics"] == [{"name": "Sanctions"}]


def test_body_is_html_with_real_links(client, released, earlier):
    body = detail(client, released["en"])["body"]
    assert f"<p>{SENTENCE} See " in body
    assert '<a href="http://localhost/en/newsroom/earlier-statement/">the earlier one</a>' in body
    assert "linktype" not in body
    assert "in-draft" not in body  # a link to an unreleased page names nothing
    # Blocks are rendered with their templates.
    assert '<figure class="quotation">' in body
    assert "We stand together." in body


def test_related_links_leave_out_unreleased_pages(client, released):
    links = detail(client, released["en"])["related_links"]
    assert links == [
        {
            "title": "Earlier statement",
            "href": "http://localhost/en/newsroom/earlier-statement/",
        },
        {"title": "Monitoring team", "href": "https://msmt.example.org/"},
    ]


def test_translations_list_the_other_released_languages(client, released):
    data = detail(client, released["en"])
    assert [(t["locale"], t["id"]) for t in data["translations"]] == [
        ("fr", released["fr"].pk),
        ("ja", released["ja"].pk),
    ]
    french = data["translations"][0]
    # The French address is made from the French title (statements/models/slugs.py).
    assert french["html_url"] == f"http://localhost/fr/newsroom/fr-{slugify(TITLE)}/"
    assert french["detail_url"] == f"http://localhost/api/v2/pages/{released['fr'].pk}/"


def test_french_names_type_and_body(client, released):
    data = detail(client, released["fr"])
    assert data["meta"]["locale"] == "fr"
    assert data["title"] == f"[fr] {TITLE}"
    assert data["statement_type"]["label"] == "Déclaration commune"
    assert f"[fr] {SENTENCE}" in data["body"]
    by_code = {s["code"]: s for s in data["signatories"]}
    assert by_code["CA"]["official_name"] == "gouvernement du Canada"
    assert by_code["FR"]["official_name"] == "gouvernement de la République française"
    assert (by_code["CA"]["language"], by_code["CA"]["is_fallback"]) == ("fr", False)
    # Japan has no French name: given in English, and flagged.
    assert by_code["JP"]["official_name"] == "Government of Japan"
    assert (by_code["JP"]["language"], by_code["JP"]["is_fallback"]) == ("en", True)
    assert data["lead_government"]["department"] == "Affaires mondiales Canada"
    assert [t["locale"] for t in data["translations"]] == ["en", "ja"]


def test_japanese_names(client, released):
    data = detail(client, released["ja"])
    assert data["statement_type"]["label"] == "共同声明"
    by_code = {s["code"]: s for s in data["signatories"]}
    assert (by_code["JP"]["short_name"], by_code["JP"]["is_fallback"]) == ("日本", False)
    assert by_code["JP"]["official_name"] == "日本国政府"
    assert (by_code["CA"]["official_name"], by_code["CA"]["is_fallback"]) == (
        "Government of Canada",
        True,
    )


def test_released_names_are_frozen(client, released, governments):
    Government.objects.filter(translation_key=governments["CA"].translation_key).update(
        official_name="Renamed Government", short_name="Renamed"
    )
    MediaContact.objects.update(email="changed@example.org")
    for code, expected in (("en", "Government of Canada"), ("fr", "gouvernement du Canada")):
        data = detail(client, released[code])
        assert data["lead_government"]["official_name"] == expected
        assert data["signatories"][0]["official_name"] == expected
        assert data["contacts"][0]["email"] == "media@international.gc.ca"
        assert "Renamed" not in str(data)


def test_listing_shows_statement_fields(client, released):
    response = client.get(STATEMENTS + "&locale=en")
    assert response.status_code == 200
    items = response.json()["items"]
    item = next(i for i in items if i["id"] == released["en"].pk)
    assert item["statement_type"]["value"] == "joint_statement"
    assert item["dateline"] == "Ottawa, Ontario"
    assert item["release_at"] == "2025-05-29T13:00:00Z"
    assert "body" not in item  # detail-sized fields on request only
    full = next(i for i in listing(client) if i["id"] == released["en"].pk)
    assert SENTENCE in full["body"]
    assert full["signatories"][0]["code"] == "CA"


def test_nothing_for_admins_only(client, released):
    data = detail(client, released["en"])
    assert set(data) == {
        "id",
        "meta",
        "title",
        "statement_type",
        "summary",
        "dateline",
        "release_at",
        "release_timezone",
        "release_line",
        "display_date",
        "lead_government",
        "signatories",
        "body",
        "related_links",
        "contacts",
        "topics",
        "translations",
    }
    assert set(data["meta"]) == {
        "type",
        "detail_url",
        "html_url",
        "slug",
        "show_in_menus",
        "seo_title",
        "search_description",
        "first_published_at",
        "alias_of",
        "parent",
        "locale",
    }
    response = client.get(f"{API}{released['en'].pk}/", {"fields": "draft_title"})
    assert response.status_code == 400


# --- released content only -------------------------------------------------------------


def embargo_text_in(text):
    return [t for t in (EMBARGO_TITLE, EMBARGO_SLUG, EMBARGO_SENTENCE) if t in text]


def test_an_unreleased_statement_is_on_no_api_url(client, released, embargoed):
    checked = 0
    for url in (
        API,
        API + "?fields=*",
        STATEMENTS + "&fields=*",
        *(STATEMENTS + f"&fields=*&locale={code}" for code in ("en", "fr", "ja", "de")),
        API + f"?translation_of={released['en'].pk}",
        API + f"?search={EMBARGO_SENTENCE}",
        API + "?search=maritime",
        STATEMENTS + "&search=maritime&fields=*",
        API + f"?slug={EMBARGO_SLUG}",
        API + f"?title={EMBARGO_TITLE}",
        f"{API}{released['en'].pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert embargo_text_in(response.content.decode()) == [], url
        checked += 1
    # The released statement is there (so the checks above could have failed).
    assert TITLE in client.get(API + "?search=monitoring").content.decode()
    assert TITLE in client.get(API).content.decode()
    for page in embargoed.values():
        for url in (
            f"{API}{page.pk}/",
            f"{API}find/?id={page.pk}",
            f"{API}find/?html_path=/{page.locale.language_code}/newsroom/{EMBARGO_SLUG}/",
            f"{API}?translation_of={page.pk}",
            f"{API}?child_of={page.pk}",
        ):
            response = client.get(url, follow=True)
            assert response.status_code in (400, 404), url
            assert embargo_text_in(response.content.decode()) == [], url
            checked += 1
    assert checked >= 25


def test_find_redirects_to_a_released_statement(client, released):
    response = client.get(f"{API}find/", {"id": released["fr"].pk})
    assert response.status_code == 302
    assert response["Location"].endswith(f"/api/v2/pages/{released['fr'].pk}/?")


def test_after_its_release_the_statement_appears(client, released, embargoed):
    StatementRelatedLink(
        page=released["en"],
        title="Link to it",
        link_page=embargoed["en"],
        locale=released["en"].locale,
    ).save()
    # Related links are released with the statement's revision and kept in its release
    # record: the new link joins the record as a correction would release it.
    record = ReleasedPage.objects.get(page=released["en"])
    record.snapshot["related_links"] = snapshot_of(released["en"].specific)["related_links"]
    record.save()
    assert not_found(client, f"{API}{embargoed['en'].pk}/")
    links = detail(client, released["en"])["related_links"]
    assert "Link to it" not in [link["title"] for link in links]
    release = Release.objects.get(statement=embargoed["en"], state=Release.State.SCHEDULED)
    Release.objects.filter(pk=release.pk).update(release_at=INSTANT + datetime.timedelta(days=1))
    assert ReleaseStatementAction(release.pk).execute().state == "released"
    data = detail(client, embargoed["fr"])
    assert data["title"] == f"[fr] {EMBARGO_TITLE}"
    assert EMBARGO_TITLE in client.get(f"{API}?search=maritime").content.decode()
    found = client.get(f"{STATEMENTS}&search=maritime&fields=body").content.decode()
    assert EMBARGO_SENTENCE in found
    links = detail(client, released["en"])["related_links"]
    assert {
        "title": "Link to it",
        "href": f"http://localhost/en/newsroom/{EMBARGO_SLUG}/",
    } in links


def test_a_draft_after_release_changes_nothing(client, released):
    page = released["en"]
    draft = page.get_latest_revision_as_object()
    draft.title = DRAFT_TITLE
    draft.summary = "A draft summary."
    draft.body = [("paragraph", f"<p>{DRAFT_SENTENCE}</p>")]
    draft.save_revision()
    data = detail(client, page, fields="*")
    assert data["title"] == TITLE
    assert data["summary"] == "The governments welcome the first report."
    assert SENTENCE in data["body"]
    for url in (
        f"{API}{page.pk}/",
        STATEMENTS + "&fields=*",
        API + "?search=draft",
        API + f"?search={DRAFT_SENTENCE}",
        API + f"?title={DRAFT_TITLE}",
    ):
        text = client.get(url).content.decode()
        assert DRAFT_TITLE not in text, url
        assert DRAFT_SENTENCE not in text, url
    assert client.get(API + f"?title={TITLE}").json()["meta"]["total_count"] == 1


def test_an_unreleased_translation_is_absent(client, released):
    german = factories.translate_statement(
        released["en"], "de", publish=False, title="Unveröffentlichte Fassung"
    )
    assert not german.live
    assert not_found(client, f"{API}{german.pk}/")
    assert client.get(STATEMENTS + "&locale=de").json()["items"] == []
    ids = [
        i["id"] for i in client.get(API + f"?translation_of={released['en'].pk}").json()["items"]
    ]
    assert sorted(ids) == sorted([released["fr"].pk, released["ja"].pk])
    assert "de" not in [t["locale"] for t in detail(client, released["en"])["translations"]]
    assert "Unveröffentlichte" not in client.get(API + "?search=Unveröffentlichte").content.decode()


def test_a_restricted_page_is_absent_even_for_a_signed_in_admin(client, released, in_draft):
    PageViewRestriction.objects.create(
        page=released["ja"], restriction_type=PageViewRestriction.LOGIN
    )
    StatementRelatedLink(
        page=released["en"],
        title="Restricted version",
        link_page=released["ja"],
        locale=released["en"].locale,
    ).save()
    admin = factories.UserFactory(is_superuser=True, is_staff=True)
    for signed_in in (False, True):
        if signed_in:
            client.force_login(admin)
        assert not_found(client, f"{API}{released['ja'].pk}/")
        assert not_found(client, f"{API}{in_draft.pk}/")
        ids = [i["id"] for i in client.get(STATEMENTS).json()["items"]]
        assert released["ja"].pk not in ids
        assert released["en"].pk in ids
        links = detail(client, released["en"])["related_links"]
        assert "Restricted version" not in [link["title"] for link in links]
        translations = detail(client, released["en"])["translations"]
        assert [t["locale"] for t in translations] == ["fr"]


# --- filters ---------------------------------------------------------------------------


def test_locale_filter(client, released, earlier):
    fr = client.get(STATEMENTS + "&locale=fr").json()["items"]
    assert [i["id"] for i in fr] == [released["fr"].pk]
    assert fr[0]["meta"]["locale"] == "fr"
    en = {i["id"] for i in client.get(STATEMENTS + "&locale=en").json()["items"]}
    assert en == {released["en"].pk, earlier.pk}
    assert not_found(client, API + "?locale=xx")


def test_translation_of_filter(client, released):
    items = client.get(API + f"?translation_of={released['en'].pk}").json()["items"]
    assert sorted(i["id"] for i in items) == sorted([released["fr"].pk, released["ja"].pk])
    items = client.get(API + f"?translation_of={released['ja'].pk}&locale=en").json()["items"]
    assert [i["id"] for i in items] == [released["en"].pk]


def test_type_filter_and_field_filters(client, released, earlier):
    items = client.get(STATEMENTS).json()["items"]
    assert {i["meta"]["type"] for i in items} == {"statements.StatementPage"}
    assert len(items) == 4  # three languages of one statement, and the earlier one
    types = {i["meta"]["type"] for i in client.get(API).json()["items"]}
    assert {"statements.HomePage", "statements.NewsroomPage"} <= types
    filtered = client.get(STATEMENTS + "&statement_type=joint_statement&locale=en").json()
    assert filtered["meta"]["total_count"] == 2
    ordered = client.get(STATEMENTS + "&locale=en&order=-display_date").json()["items"]
    assert [i["id"] for i in ordered] == [released["en"].pk, earlier.pk]
    assert client.get(STATEMENTS + "&signatories=1").status_code == 400
    assert client.get(STATEMENTS + "&order=body").status_code == 400


# --- read-only, public ------------------------------------------------------------------


def test_a_missing_page_is_a_json_404(client, newsroom):
    response = client.get(f"{API}999999/")
    assert response.status_code == 404
    assert response.json() == {"message": "No Page matches the given query."}


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_read_only(client, released, method):
    for url in (API, f"{API}{released['en'].pk}/", f"{API}find/?id={released['en'].pk}"):
        response = getattr(client, method)(
            url, {"title": "Changed"}, content_type="application/json"
        )
        assert response.status_code == 405, (method, url)
    assert StatementPage.objects.get(pk=released["en"].pk).title == TITLE


def test_no_images_or_documents_endpoint(client, released):
    assert not_found(client, "/api/v2/images/")
    assert not_found(client, "/api/v2/documents/")


def test_detail_queries_do_not_grow_with_signatories(client, newsroom):
    def statement_with(count, slug):
        governments = [factories.GovernmentFactory() for _ in range(count)]
        contacts = [factories.MediaContactFactory(government=g) for g in governments]
        return factories.make_statement(
            newsroom, governments, lead=governments[0], contacts=contacts, slug=slug
        )

    def queries(page):
        client.get(f"{API}{page.pk}/")
        with CaptureQueriesContext(connection) as captured:
            data = detail(client, page)
        return len(captured), data

    small_count, small = queries(statement_with(3, "three"))
    large_count, large = queries(statement_with(30, "thirty"))
    assert (len(small["signatories"]), len(large["contacts"])) == (3, 30)
    assert large_count == small_count, (small_count, large_count)
