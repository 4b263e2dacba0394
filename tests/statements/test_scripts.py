"""Words in every script: what is left to translate, what changed, and each URL.

A statement drafted in Japanese, signed by Japan, Canada and Korea, translated into
English, French and Korean, through the screens the drafter, the approvers and the
public use.
"""

import datetime
import urllib.parse

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation, Translation

from statements.actions.release import ReleaseStatementAction
from statements.actions.scheduling import ScheduleReleaseAction
from statements.actions.signoff import SignOffAction
from statements.actions.translation import ApproveTranslationAction
from statements.measures import measure, slug_for
from statements.models import Release, StatementPage
from tests import factories

pytestmark = pytest.mark.django_db

JA_TITLE = "北朝鮮制裁の監視に関する共同声明"
JA_SLUG = JA_TITLE  # what Wagtail's editor makes of it, Unicode slugs being allowed
# 16 + 9 + 2 + 13 x 100 = 1,327 characters, none of them a space.
JA_FIELDS = {
    "summary": "報告書を歓迎する。",
    "dateline": "東京",
    "body": [("paragraph", "<p>" + "参加国は報告書を歓迎する。" * 100 + "</p>")],
}
ROMANISED = "kitachosen-seisai-no-kanshi-ni-kansuru-kyodo-seimei"
TITLES = {
    "en": "Joint statement on monitoring sanctions",
    "fr": "Déclaration commune sur la surveillance des sanctions",
    "ko": "대북 제재 감시에 관한 공동 성명",
}
SLUGS = {
    "en": "joint-statement-on-monitoring-sanctions",
    "fr": "declaration-commune-sur-la-surveillance-des-sanctions",
    "ko": "대북-제재-감시에-관한-공동-성명",
}


@pytest.fixture
def world(settings, db):
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES
    site_tree = factories.build_site(languages=("en", "fr", "ja", "ko"))
    governments = factories.standard_governments()
    governments["KR"] = factories.GovernmentFactory(
        code="KR", short_name="Korea", languages=["ko"], time_zone="Asia/Seoul"
    )
    return site_tree, governments


def japanese_statement(world, title=JA_TITLE, slug=JA_SLUG, **fields):
    site_tree, governments = world
    drafter = factories.drafter(username="drafter-jp", government="JP")
    statement = factories.make_statement(
        site_tree["newsrooms"]["ja"],
        [governments["JP"], governments["CA"], governments["KR"]],
        lead=governments["JP"],
        publish=False,
        user=drafter,
        owner=drafter,
        title=title,
        slug=slug,
        release_timezone="Asia/Tokyo",
        release_at=timezone.now() + datetime.timedelta(hours=2),
        **{**JA_FIELDS, **fields},
    )
    return statement, drafter


def status_cell(client, user, statement, code):
    client.force_login(user)
    response = client.get("/admin/statements/translation-status/")
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    row = html.select_one(f'tr[data-statement="{statement.pk}"]')
    return " ".join(row.select_one(f'td[data-language="{code}"]').get_text(" ").split())


def test_status_screen_counts_characters_for_japanese_and_words_for_english(client, world):
    statement, drafter = japanese_statement(world)
    japanese = status_cell(client, drafter, statement, "en")
    assert "1,327 characters to translate" in japanese
    assert "words to translate" not in japanese
    # Control: a statement drafted in English is still measured in words.
    site_tree, governments = world
    canadian = factories.drafter(username="drafter-ca", government="CA")
    english = factories.make_statement(
        site_tree["newsrooms"]["en"],
        [governments["CA"], governments["JP"]],
        lead=governments["CA"],
        publish=False,
        user=canadian,
        owner=canadian,
        title="Joint statement on sanctions",
        summary="The governments welcome the report.",
        dateline="Ottawa",
        body=[("paragraph", "<p>The <b>participating</b> governments welcome it.</p>")],
    )
    # 4 + 5 + 1 + 5 words: markup is not a word.
    assert "15 words to translate" in status_cell(client, canadian, english, "ja")
    # A Korean admin says it in Korean; a German one groups the digits its own way.
    profile = UserProfile.get_for_user(drafter)
    profile.preferred_language = "ko"
    profile.save()
    assert "번역할 문자 1,327자" in status_cell(client, drafter, statement, "en")
    profile.preferred_language = "de"
    profile.save()
    assert "1.327 Zeichen zu übersetzen" in status_cell(client, drafter, statement, "en")


def signoff_diff(client, user, statement):
    client.force_login(user)
    response = client.get(f"/admin/statements/{statement.pk}/sign-off/")
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    return html.select_one(".signoff-diff")


def test_a_one_word_edit_in_japanese_is_compared_character_by_character(client, world):
    statement, drafter = japanese_statement(world)
    _site_tree, governments = world
    approver = factories.approver(governments["CA"])
    factories.submit_for_signoff(statement, drafter)
    SignOffAction(statement, approver, "CA").execute()
    draft = statement.get_latest_revision_as_object()
    draft.title = "北朝鮮制裁の監視に関する共同宣言"
    draft.save_revision(user=drafter)
    diff = signoff_diff(client, approver, statement)
    assert [d.get_text() for d in diff.select("del")] == ["声明"]
    assert [i.get_text() for i in diff.select("ins")] == ["宣言"]
    assert diff.get_text().startswith("北朝鮮制裁の監視に関する共同声明宣言")


def test_wagtails_revision_comparison_of_japanese_is_character_by_character(client, world):
    statement, drafter = japanese_statement(world)
    first = statement.get_latest_revision()
    draft = statement.get_latest_revision_as_object()
    draft.title = "北朝鮮制裁の監視に関する共同宣言"
    second = draft.save_revision(user=drafter)
    client.force_login(drafter)
    url = f"/admin/pages/{statement.pk}/revisions/compare/{first.pk}...{second.pk}/"
    response = client.get(url)
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    assert [d.get_text() for d in html.select("span.deletion")] == ["声明"]
    assert [a.get_text() for a in html.select("span.addition")] == ["宣言"]


def test_a_one_word_edit_in_english_is_compared_word_by_word(client, world):
    site_tree, governments = world
    drafter = factories.drafter(username="drafter-ca", government="CA")
    statement = factories.make_statement(
        site_tree["newsrooms"]["en"],
        [governments["CA"], governments["FR"]],
        lead=governments["CA"],
        publish=False,
        user=drafter,
        owner=drafter,
        title="Joint statement on sanctions monitoring",
    )
    approver = factories.approver(governments["FR"])
    factories.submit_for_signoff(statement, drafter)
    SignOffAction(statement, approver, "FR").execute()
    draft = statement.get_latest_revision_as_object()
    draft.title = "Joint statement on sanctions enforcement"
    draft.save_revision(user=drafter)
    diff = signoff_diff(client, approver, statement)
    assert [d.get_text() for d in diff.select("del")] == ["monitoring"]
    assert [i.get_text() for i in diff.select("ins")] == ["enforcement"]
    assert diff.get_text().startswith("Joint statement on sanctions monitoringenforcement")


def translate(statement, code, title):
    """A translator's work: the title as given, every other segment marked."""
    source = Translation.objects.get(
        source__object_id=statement.translation_key, target_locale__language_code=code
    ).source
    for segment in source.stringsegment_set.select_related("string", "context"):
        text = title if segment.context.path == "title" else f"[{code}] {segment.string.data}"
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=factories.locale(code),
            context=segment.context,
            defaults={"data": text, "translation_type": "manual"},
        )


def update_translations(client, drafter, statement):
    client.force_login(drafter)
    response = client.post(f"/admin/statements/{statement.pk}/languages/update/")
    assert response.status_code == 302


def public(client, code, slug):
    return client.get(f"/{code}/newsroom/{urllib.parse.quote(slug)}/")


def test_each_language_has_its_own_url_frozen_at_release(client, world):
    # The drafter gave the Japanese page a romanised address of its title.
    statement, drafter = japanese_statement(world, slug=ROMANISED)
    _site_tree, governments = world
    approvers = {code: factories.approver(governments[code]) for code in ("JP", "CA", "KR")}
    factories.submit_for_signoff(statement, drafter)
    for code, approver in approvers.items():
        SignOffAction(statement, approver, code).execute()
    for code, title in TITLES.items():
        translate(statement, code, title)
    update_translations(client, drafter, statement)
    reviewers = {"en": "CA", "fr": "CA", "ko": "KR"}
    for code, government in reviewers.items():
        page = statement.get_translation(factories.locale(code)).specific
        ApproveTranslationAction(page, approvers[government], government).execute()
    release = ScheduleReleaseAction(StatementPage.objects.get(pk=statement.pk), drafter).execute()
    Release.objects.filter(pk=release.pk).update(release_at=timezone.now())
    assert ReleaseStatementAction(release.pk).execute().state == "released"

    assert public(client, "ja", ROMANISED).status_code == 200
    for code, slug in SLUGS.items():
        response = public(client, code, slug)
        assert response.status_code == 200, code
        assert TITLES[code] in response.content.decode()
        assert public(client, code, ROMANISED).status_code == 404

    # Retranslated after release: the title changes in the next draft, the URL never.
    translate(statement, "fr", "Déclaration commune révisée")
    update_translations(client, drafter, statement)
    french = statement.get_translation(factories.locale("fr")).specific
    assert french.get_latest_revision_as_object().title == "Déclaration commune révisée"
    assert french.get_latest_revision_as_object().slug == SLUGS["fr"]
    assert public(client, "fr", SLUGS["fr"]).status_code == 200
    assert public(client, "fr", "declaration-commune-revisee").status_code == 404


@pytest.mark.parametrize(
    ("text", "code", "size"),
    [
        ("공동 성명을 발표한다", "ko", 9),
        ("联合声明", "zh-hans", 4),
        ("聯合聲明", "zh-hant", 4),
        ("<p>共同&amp;声明</p>", "ja", 5),
        ("<p>A <b>joint</b> statement</p>", "en", 3),
        ("Déclaration commune", "fr", 2),
    ],
)
def test_each_language_is_measured_as_cat_tools_count_it(text, code, size):
    assert measure(text, code) == size


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Gemeinsame Erklärung über Sanktionen", "gemeinsame-erklarung-uber-sanktionen"),
        ("Совместное заявление", "совместное-заявление"),
        ("البيان المشترك", "البيان-المشترك"),
        ("「共同声明」について", "共同声明について"),
    ],
)
def test_slugs_are_ascii_for_latin_script_and_unicode_where_the_script_needs_it(title, slug):
    assert slug_for(title) == slug
    assert slug_for(title, allow_unicode=False).isascii()


def test_status_table_scrolls_in_its_own_named_region_and_lists_hold_only_items(client, world):
    """WCAG 1.4.10: with eight languages the table is wider than 1280 px; it sits in a
    box that scrolls, which a keyboard can reach and a screen reader names. And no list
    on the screen has children that are not list items (1.3.1)."""
    statement, drafter = japanese_statement(world)
    client.force_login(drafter)
    response = client.get("/admin/statements/translation-status/")
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    table = html.select_one("table.translation-matrix")
    assert table is not None and table.select_one(f'tr[data-statement="{statement.pk}"]')
    region = table.find_parent(attrs={"role": "region"})
    assert region is not None, "the table is not in a scrolling region"
    assert region.get("tabindex") == "0"
    assert "matrix-scroll" in region.get("class", [])
    caption = html.find(id=region["aria-labelledby"])
    assert caption is not None and caption.name == "caption"
    assert ".matrix-scroll { overflow-x: auto" in response.content.decode()
    main = html.select_one("main") or html
    for listing in main.select("ul, ol"):
        children = [child.name for child in listing.find_all(recursive=False)]
        assert set(children) <= {"li"}, (listing.get("class"), children)
