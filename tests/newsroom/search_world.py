"""The statements the search tests search, built once per test session (test_search.py
asks tests/snapshots.py for the combination a test uses)."""

import datetime

from tests import factories

BODY = [
    (
        "paragraph",
        "<p>The participating governments welcome the first report of the Multilateral "
        "Sanctions Monitoring Team, which is monitoring ship-to-ship transfers.</p>",
    ),
    ("heading", "Next steps"),
    ("paragraph", "<p>The team will report again before the end of the year.</p>"),
]
FRENCH_BODY = [
    (
        "paragraph",
        "<p>Les gouvernements participants saluent le premier rapport publié par l'Équipe "
        "multilatérale de surveillance des sanctions.</p>",
    )
]
JAPANESE_BODY = [
    ("paragraph", "<p>参加国政府は、多国間制裁監視チームの最初の報告書を歓迎する。</p>"),
]
KOREAN_BODY = [
    ("paragraph", "<p>참여국 정부는 다자 제재 모니터링 팀의 첫 보고서를 환영합니다.</p>")
]


def make_site():
    return factories.build_site(languages=("en", "fr", "ja", "ko"))


def make_msmt(site, governments):
    """A released statement in English, French, Japanese and Korean."""
    page = factories.make_statement(
        site["newsrooms"]["en"],
        list(governments.values()),
        lead=governments["CA"],
        title="Joint statement on the Multilateral Sanctions Monitoring Team",
        slug="msmt-first-report",
        summary="The governments welcome the team's first report.",
        body=BODY,
    )
    versions = {"en": page}
    versions["fr"] = factories.translate_statement(
        page,
        "fr",
        title="Déclaration commune sur l'Équipe multilatérale de surveillance des sanctions",
        summary="Les gouvernements saluent le premier rapport de l'Équipe.",
        dateline="Ottawa (Ontario)",
        body=FRENCH_BODY,
    )
    versions["ja"] = factories.translate_statement(
        page,
        "ja",
        title="多国間制裁監視チームに関する共同声明",
        summary="各国政府はチームの最初の報告書を歓迎する。",
        dateline="オタワ",
        body=JAPANESE_BODY,
    )
    versions["ko"] = factories.translate_statement(
        page,
        "ko",
        title="다자 제재 모니터링 팀에 관한 공동 성명",
        summary="각국 정부는 팀의 첫 보고서를 환영합니다.",
        dateline="오타와",
        body=KOREAN_BODY,
    )
    return versions


# What a test may ask for, in the order it is made; the statements need the site.
PARTS = ("site", "msmt", "two_on_sanctions")


def build_search_world(parts):
    world = {"governments": factories.standard_governments()}
    if "site" in parts:
        world["site"] = make_site()
    if "msmt" in parts:
        world["msmt"] = make_msmt(world["site"], world["governments"])
    if "two_on_sanctions" in parts:
        world["two_on_sanctions"] = make_two_on_sanctions(world["site"], world["governments"])
    return world


def make_two_on_sanctions(site, governments):
    newsroom = site["newsrooms"]["en"]
    joint = factories.make_statement(
        newsroom,
        [governments["CA"], governments["JP"]],
        lead=governments["CA"],
        title="Joint statement on sanctions monitoring",
        statement_type="joint_statement",
    )
    readout = factories.make_statement(
        newsroom,
        [governments["CA"]],
        title="Readout: sanctions call",
        statement_type="readout",
        release_at=datetime.datetime(2024, 3, 1, 12, 0, tzinfo=datetime.UTC),
    )
    return joint, readout
