"""The demo data reproduces the MSMT case and loads idempotently."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.models import Page, Revision
from wagtail_localize.models import Translation

from statements.models import Government, MediaContact, StatementPage, Topic
from tests.snapshots import load_demo

pytestmark = pytest.mark.django_db

MSMT_SLUG = "joint-statement-msmt-first-report"
LANGUAGES = {"en", "fr", "de", "it", "ja", "ko", "nl"}


def snapshot():
    return {
        "pages": sorted(
            Page.objects.values_list("translation_key", "locale__language_code", "title", "live")
        ),
        "revisions": Revision.objects.count(),
        "governments": sorted(
            Government.objects.values_list("code", "locale__language_code", "official_name")
        ),
        "contacts": MediaContact.objects.count(),
        "topics": Topic.objects.count(),
        "users": sorted(get_user_model().objects.values_list("username", flat=True)),
        "groups": sorted(Group.objects.values_list("name", flat=True)),
        "translations": Translation.objects.count(),
    }


@pytest.fixture
def demo(db):
    load_demo()  # once per session; its rows put back for each later test


def test_load_demo_twice_gives_the_same_data(demo):
    first = snapshot()
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert snapshot() == first


def check_the_msmt_statement_in_seven_languages(client):
    source = StatementPage.objects.get(slug=MSMT_SLUG, locale__language_code="en")
    versions = StatementPage.objects.filter(translation_key=source.translation_key)
    versions = versions.select_related("locale")
    assert {p.locale.language_code for p in versions} == LANGUAGES
    assert all(p.live for p in versions)
    english = versions.get(locale__language_code="en")
    assert english.statement_type == "joint_statement"
    assert english.lead_government.code == "CA"
    assert english.dateline == "Ottawa, Ontario"
    codes = [s.government.code for s in english.ordered_signatories]
    assert sorted(codes) == sorted(
        ["DE", "AU", "CA", "US", "FR", "IT", "JP", "NZ", "NL", "KR", "GB"]
    )
    assert english.display_date.isoformat() == "2025-05-29"
    assert english.media_contacts[0]["contact"].email
    for page in versions:
        response = client.get(page.url)
        assert response.status_code == 200
        assert page.title in response.content.decode()
    french = versions.get(locale__language_code="fr")
    assert french.title != english.title
    japanese = client.get(versions.get(locale__language_code="ja").url).content.decode()
    assert "2025年5月29日" in japanese
    assert "日本国政府" in japanese


def check_governments_are_one_identity_across_locales(client):
    canada = Government.objects.filter(code="CA")
    assert {g.locale.language_code for g in canada} == LANGUAGES
    assert len({g.translation_key for g in canada}) == 1
    assert len({g.approver_group_id for g in canada}) == 1
    assert canada.get(locale__language_code="fr").official_name == "gouvernement du Canada"
    assert canada.first().approver_group.name == "Sign-off: Canada"


def check_one_demo_user_per_role(client):
    users = set(get_user_model().objects.values_list("username", flat=True))
    assert {"admin", "drafter"} <= users
    assert {f"translator-{code}" for code in LANGUAGES} <= users
    assert {
        f"approver-{code}"
        for code in ("de", "au", "ca", "us", "fr", "it", "jp", "nz", "nl", "kr", "gb")
    } <= users
    check_canadas_people_have_a_delegated_administrator(client)


def check_canadas_people_have_a_delegated_administrator(client):
    from statements.permissions import is_drafter_of

    canada = Government.objects.filter(code="CA").first()
    assert is_drafter_of(get_user_model().objects.get(username="drafter"), canada)
    client.force_login(get_user_model().objects.get(username="people-ca"))
    people = client.get("/admin/people/CA/")
    assert people.status_code == 200
    assert "translator-fr@demo.communique.invalid" in people.content.decode()
    assert client.get("/admin/people/JP/").url == "/admin/"  # not Japan's
    client.logout()


def check_more_statements_of_other_types_and_languages(client):
    sources = StatementPage.objects.filter(live=True).values_list(
        "translation_key", "statement_type", "locale__language_code"
    )
    keys = {key for key, _type, _lang in sources}
    types = {statement_type for _key, statement_type, _lang in sources}
    assert len(keys) >= 6
    assert len(types) >= 4


@override_settings(COMMUNIQUE_DEMO_ALLOWED=False)
def test_load_demo_refuses_production_settings(db):
    with pytest.raises(CommandError, match="refuses to run under production settings"):
        call_command("load_demo")
    assert not StatementPage.objects.exists()


def check_unreleased_statements_part_way_through_signoff(client):
    from statements.models import Approval, ChangeRequest, Release
    from statements.queries.signoff import signoff_rows

    scheduled = Release.objects.filter(state="scheduled").values("statement_id")
    in_signoff = StatementPage.objects.filter(live=False, locale__language_code="en").exclude(
        pk__in=scheduled
    )
    assert in_signoff.count() >= 3
    admin = get_user_model().objects.get(username="admin")
    states = set()
    for statement in in_signoff:
        rows = signoff_rows(statement, admin)
        assert rows["in_sign_off"]
        assert not rows["cleared"]
        states |= {row["state"] for row in rows["rows"]}
    assert {"signed", "pending", "void", "changes_requested"} <= states
    assert Approval.objects.filter(state="void").exists()
    assert ChangeRequest.objects.exists()
    # The released MSMT statement stays released.
    assert StatementPage.objects.get(slug=MSMT_SLUG, locale__language_code="en").live


def check_unreleased_statements_in_every_translation_state(client):
    from statements.queries.translation import build_matrix, statements_in_progress

    matrix = build_matrix(statements_in_progress())
    states = {cell["state"] for row in matrix["rows"] for cell in row["cells"].values()}
    assert {
        "not_started",
        "in_progress",
        "translated",
        "approved",
        "out_of_date",
        "dropped",
        "not_required",
        "source",
    } <= states


def test_demo_data_reproduces_the_case(demo, client):
    """One load, every check: loading the demo is the slow part."""
    check_the_msmt_statement_in_seven_languages(client)
    check_governments_are_one_identity_across_locales(client)
    check_one_demo_user_per_role(client)
    check_more_statements_of_other_types_and_languages(client)
    check_unreleased_statements_part_way_through_signoff(client)
    check_unreleased_statements_in_every_translation_state(client)
    check_a_scheduled_release_ready_to_go(client)
    check_the_frame_is_the_lead_ministrys(client)


def check_the_frame_is_the_lead_ministrys(client):
    """Settings › Site identity is set to Global Affairs Canada, in every language."""
    cache.clear()  # the identity is cached; this database's site is a fresh one
    names = {
        "en": "Global Affairs Canada",
        "fr": "Affaires mondiales Canada",
        "ja": "カナダ外務省",
        "ko": "캐나다 외교부",
    }
    source = StatementPage.objects.get(slug=MSMT_SLUG, locale__language_code="en")
    for code, name in names.items():
        # Each language has its own address, made from its own title.
        page = StatementPage.objects.get(
            translation_key=source.translation_key, locale__language_code=code
        )
        html = client.get(page.url).content.decode()
        assert f'<span class="ministry-name">{name}</span>' in html, code
        assert 'class="emblem"' in html
        assert "https://www.canada.ca/" in html  # the footer's privacy and terms notices


def check_a_scheduled_release_ready_to_go(client):
    from statements.models import Release
    from statements.queries.release import release_problems

    release = Release.objects.get(state="scheduled")
    statement = StatementPage.objects.get(pk=release.statement_id)
    assert statement.slug == "joint-statement-responsible-state-behaviour-cyberspace"
    assert release_problems(statement) == []
    assert not statement.live
    assert client.get(f"/en/newsroom/{statement.slug}/").status_code == 404
