"""Every public page type, in every language, checked with axe-core in a real browser,
and laid out for a narrow phone.

axe-core comes inside the axe-playwright-python wheel; nothing is downloaded at run
time. A "serious" or "critical" violation fails the test.
"""

import datetime

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation

from statements.actions.previews import CreatePreviewLinkAction, RevokePreviewLinkAction
from statements.actions.scheduling import ScheduleReleaseAction
from statements.management.demo_identity import load_site_identity
from statements.models import (
    GovernmentSocialLink,
    PreviewLink,
    Release,
    StatementPage,
    StatementRelatedLink,
    StatementTopic,
)
from tests import factories, snapshots
from tests.browser import chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ("en", "fr", "de", "it", "ja", "ko", "nl")
FAILING_IMPACTS = {"serious", "critical"}
# WCAG 2.2 A and AA plus axe's best practices; naming the tags also runs the rules axe
# leaves off by default, such as target-size (WCAG 2.5.8).
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}
PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2}

# The released statement in each language: original wording about the MSMT report.
TEXTS = {
    "en": {
        "title": "Joint statement on the first report of the sanctions monitoring team",
        "summary": "Eleven governments welcome the first MSMT report on the DPRK sanctions.",
        "dateline": "Ottawa, Ontario",
        "paragraph": "The governments welcome the first report of the MSMT and its findings.",
        "heading": "What the report finds",
        "quote": "We will keep working together until the sanctions are respected.",
        "facts": "Key facts",
        "fact": "The team was set up in October 2024.",
    },
    "fr": {
        "title": "Déclaration commune sur le premier rapport de l'équipe de surveillance",
        "summary": "Onze gouvernements saluent le premier rapport de la MSMT sur les sanctions.",
        "dateline": "Ottawa (Ontario)",
        "paragraph": "Les gouvernements saluent le premier rapport de la MSMT et ses conclusions.",
        "heading": "Ce que constate le rapport",
        "quote": "Nous agirons ensemble jusqu'à ce que les sanctions soient respectées.",
        "facts": "Faits essentiels",
        "fact": "L'équipe a été créée en octobre 2024.",
    },
    "de": {
        "title": "Gemeinsame Erklärung zum ersten Bericht des Sanktionsüberwachungsteams",
        "summary": "Elf Regierungen begrüßen den ersten MSMT-Bericht über Sanktionsdurchsetzung.",
        "dateline": "Ottawa, Ontario",
        "paragraph": "Die Regierungen begrüßen den ersten Bericht des MSMT und seine Ergebnisse.",
        "heading": "Was der Bericht feststellt",
        "quote": "Wir arbeiten weiter zusammen, bis die Sanktionen eingehalten werden.",
        "facts": "Die wichtigsten Fakten",
        "fact": "Das Überwachungsteam wurde im Oktober 2024 eingerichtet.",
    },
    "it": {
        "title": "Dichiarazione congiunta sul primo rapporto del gruppo di monitoraggio",
        "summary": "Undici governi accolgono il primo rapporto dell'MSMT sulle sanzioni.",
        "dateline": "Ottawa, Ontario",
        "paragraph": "I governi accolgono il primo rapporto dell'MSMT e le sue conclusioni.",
        "heading": "Che cosa rileva il rapporto",
        "quote": "Continueremo a lavorare insieme finché le sanzioni non saranno rispettate.",
        "facts": "Fatti principali",
        "fact": "Il gruppo è stato istituito nell'ottobre 2024.",
    },
    "ja": {
        "title": "制裁監視チームの第一次報告書に関する共同声明",
        "summary": "11か国の政府は、北朝鮮に対する制裁に関するMSMTの第一次報告書を歓迎する。",
        "dateline": "オタワ（オンタリオ州）",
        "paragraph": "各国政府は、MSMTの第一次報告書とその結論を歓迎する。",
        "heading": "報告書の結論",
        "quote": "制裁が守られるまで、我々は共に取り組み続ける。",
        "facts": "主な事実",
        "fact": "監視チームは2024年10月に設置された。",
    },
    "ko": {
        "title": "제재 모니터링팀 첫 보고서에 관한 공동성명",
        "summary": "11개국 정부는 북한 제재에 관한 MSMT의 첫 보고서를 환영한다.",
        "dateline": "오타와, 온타리오",
        "paragraph": "각국 정부는 MSMT의 첫 보고서와 그 결론을 환영한다.",
        "heading": "보고서의 결론",
        "quote": "제재가 지켜질 때까지 우리는 함께 노력할 것이다.",
        "facts": "주요 사실",
        "fact": "모니터링팀은 2024년 10월에 설립되었다.",
    },
    "nl": {
        "title": "Gezamenlijke verklaring over het eerste rapport van het sanctiemonitoringsteam",
        "summary": "Elf regeringen verwelkomen het eerste MSMT-rapport over de sancties.",
        "dateline": "Ottawa, Ontario",
        "paragraph": "De regeringen verwelkomen het eerste MSMT-rapport en de conclusies ervan.",
        "heading": "Wat het rapport vaststelt",
        "quote": "We blijven samenwerken totdat de sancties worden nageleefd.",
        "facts": "Belangrijkste feiten",
        "fact": "Het team werd in oktober 2024 opgericht.",
    },
}


def body(text):
    return [
        ("paragraph", f"<p>{text['paragraph']}</p>"),
        ("heading", text["heading"]),
        ("paragraph", f"<p>{text['paragraph']}</p>"),
        ("quotation", {"quote": text["quote"], "attribution": "MSMT"}),
        ("quick_facts", {"title": text["facts"], "items": [text["fact"]]}),
    ]


def seven_governments():
    """Canada (en, fr) leads; one government for each other language."""
    governments = factories.standard_governments()
    for code, name, language, zone in (
        ("DE", "Germany", "de", "Europe/Berlin"),
        ("IT", "Italy", "it", "Europe/Rome"),
        ("KR", "Republic of Korea", "ko", "Asia/Seoul"),
        ("NL", "Netherlands", "nl", "Europe/Amsterdam"),
    ):
        governments[code] = factories.GovernmentFactory(
            code=code,
            short_name=name,
            official_name=f"Government of {name}",
            department=f"Foreign Ministry of {name}",
            languages=[language],
            time_zone=zone,
        )
    # Japanese and German names for some; the rest fall back to English (marked lang="en").
    factories.translate_government(
        governments["JP"], "ja", short_name="日本", official_name="日本国政府", department="外務省"
    )
    factories.translate_government(
        governments["DE"],
        "de",
        short_name="Deutschland",
        official_name="Regierung der Bundesrepublik Deutschland",
        department="Auswärtiges Amt",
    )
    GovernmentSocialLink.objects.create(
        government=governments["CA"], label="X", url="https://x.example.org/canada"
    )
    return governments


@pytest.fixture
def public_pages(live_server):
    """Released statements in all seven languages, one scheduled statement with an open,
    a revoked and an expired preview link; returns the URLs of every public page type.
    Built once per test session (tests/snapshots.py): the tests only read it."""
    return live_server.url, snapshots.world("accessibility", build_public_pages)


def build_public_pages():
    tree = factories.build_site(languages=LANGUAGES)
    # The frame as the demo sets it: the ministry's names, emblem and footer links.
    load_site_identity(LANGUAGES)
    newsrooms = tree["newsrooms"]
    governments = seven_governments()
    ca = governments["CA"]
    en = factories.locale("en")
    contacts = [
        factories.MediaContactFactory(
            government=ca,
            office="Media Relations Office",
            department="Global Affairs Canada",
            email="media@international.example.org",
            hours="Monday to Friday, 9:00 to 17:00",
        ),
        factories.MediaContactFactory(government=governments["JP"], office="Press Division"),
    ]
    topic = factories.TopicFactory(name="Sanctions", slug="sanctions")
    earlier = factories.make_statement(
        newsrooms["en"],
        [ca],
        title="Statement on the creation of the MSMT",
        slug="msmt-created",
        statement_type="statement",
        summary="Canada welcomes the creation of the MSMT.",
        release_at=datetime.datetime(2024, 10, 16, 13, 0, tzinfo=datetime.UTC),
    )
    statement = factories.make_statement(
        newsrooms["en"],
        list(governments.values()),
        lead=ca,
        contacts=contacts,
        title=TEXTS["en"]["title"],
        slug="msmt-first-report",
        summary=TEXTS["en"]["summary"],
        body=body(TEXTS["en"]),
        topics=[StatementTopic(topic=topic)],
        related_links=[
            StatementRelatedLink(title=earlier.title, link_page=earlier, locale=en),
            StatementRelatedLink(title="MSMT", url="https://msmt.example.org/", locale=en),
        ],
    )
    for code in LANGUAGES[1:]:
        text = TEXTS[code]
        factories.translate_statement(
            statement,
            code,
            title=text["title"],
            summary=text["summary"],
            dateline=text["dateline"],
            body=body(text),
        )

    embargoed, drafter, _approvers = factories.ready_for_release(
        newsrooms["en"],
        {code: governments[code] for code in ("CA", "DE", "IT", "JP", "KR", "NL")},
        lead=ca,
        title="Joint statement on humanitarian access",
        slug="humanitarian-access",
        contacts=contacts[:1],
    )
    ScheduleReleaseAction(embargoed, drafter).execute()
    assert Release.objects.filter(statement_id=embargoed.pk, state="scheduled").exists()
    open_link, revoked, expired = (
        CreatePreviewLinkAction(embargoed, drafter, name, f"{name}@example.org").execute()
        for name in ("reporter", "revoked", "expired")
    )
    RevokePreviewLinkAction(revoked, drafter).execute()
    PreviewLink.objects.filter(pk=expired.pk).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )

    def preview(link, code):
        return reverse("statements_embargoed_preview_language", args=[link.token, code])

    released = {
        page.locale.language_code: page.url
        for page in StatementPage.objects.filter(translation_key=statement.translation_key)
    }
    assert set(released) == set(LANGUAGES)
    pages = {}
    for code in LANGUAGES:
        newsroom = newsrooms[code].url
        pages[code] = {
            "home": f"/{code}/",
            "newsroom": newsroom,
            "newsroom filtered": f"{newsroom}?government=CA&type=joint_statement&topic=sanctions",
            "newsroom empty": f"{newsroom}?year=1990",
            "statement": released[code],
            "search form": f"/{code}/search/",
            "search results": f"/{code}/search/?q=MSMT",
            "search no results": f"/{code}/search/?q=zzzqqq",
            "search message": f"/{code}/search/?q=",
            "not found": f"/{code}/no-such-page/",
            "preview": preview(open_link, code),
            "preview revoked": preview(revoked, code),
            "preview expired": preview(expired, code),
        }
        subscribe = url_if_routed("statements_subscribe", code)
        if subscribe:
            pages[code]["subscribe"] = subscribe
    return pages


def url_if_routed(name, language_code):
    """The URL of a page that may not be built yet (the e-mail subscription page)."""
    with translation.override(language_code):
        try:
            return reverse(name)
        except NoReverseMatch:
            return None


EXPECTED_STATUS = {"not found": 404, "preview revoked": 410, "preview expired": 410}


def visit(page, base, kind, path):
    response = page.goto(base + path, wait_until="load")
    status = response.status if response else None
    expected = EXPECTED_STATUS.get(kind, 200)
    assert status == expected, f"{path} ({kind}) answered {status}, not {expected}"


def axe_problems(axe, page, where):
    """Serious and critical violations, one line each; lesser ones are printed only."""
    problems = []
    for violation in axe.run(page, options=AXE_OPTIONS).response["violations"]:
        targets = "; ".join(", ".join(node["target"]) for node in violation["nodes"])
        line = (
            f"{where}: {violation['id']} ({violation['impact']}) {violation['help']} -> {targets}"
        )
        if violation["impact"] in FAILING_IMPACTS:
            problems.append(line)
        else:
            print(line)
    return problems


# A phone zooms out to fit a page that is too wide, so window.innerWidth grows with the
# page; the screen's own width is the measure.
OVERFLOW_SCRIPT = """(width) => {
  const scrollWidth = document.documentElement.scrollWidth;
  if (scrollWidth <= width) return null;
  const culprits = Array.from(document.querySelectorAll("body *")).filter((el) => {
    const box = el.getBoundingClientRect();
    return box.right > width + 0.5 || box.left + el.scrollWidth > width + 0.5;
  });
  const names = culprits.slice(-3).map((el) => el.localName + (el.id ? "#" + el.id : ""));
  return `${scrollWidth}px wide (${names.join(", ")})`;
}"""


def test_every_public_page_passes_axe_in_every_language(public_pages):
    from axe_playwright_python.sync_playwright import Axe

    base, pages = public_pages
    axe = Axe()
    problems, checked = [], 0
    if "subscribe" not in pages["en"]:
        print("no subscription page routed yet: not checked")
    with chromium() as browser:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        for code in LANGUAGES:
            for kind, path in pages[code].items():
                visit(page, base, kind, path)
                assert page.locator("html").get_attribute("lang") == code, path
                problems += axe_problems(axe, page, f"{code} {kind} {path}")
                checked += 1
        context.close()
    assert checked >= len(LANGUAGES) * 13
    assert not problems, "axe found serious or critical violations:\n" + "\n".join(problems)


def test_every_page_fits_a_narrow_phone(public_pages):
    """Every page in every language fits the screen (long German and Dutch words,
    Japanese and Korean without spaces); axe checks each page type once more at this
    size, the languages taking turns."""
    from axe_playwright_python.sync_playwright import Axe

    base, pages = public_pages
    axe = Axe()
    width = PHONE["viewport"]["width"]
    problems = []
    with chromium() as browser:
        context = browser.new_context(**PHONE, is_mobile=True, has_touch=True)
        page = context.new_page()
        for number, kind in enumerate(pages["en"]):
            for offset, code in enumerate(LANGUAGES):
                path = pages[code][kind]
                visit(page, base, kind, path)
                where = f"{code} {kind} {path} at {width}px"
                overflowing = page.evaluate(OVERFLOW_SCRIPT, width)
                if overflowing:
                    problems.append(f"{where}: wider than the screen: {overflowing}")
                if offset == number % len(LANGUAGES):
                    problems += axe_problems(axe, page, where)
        context.close()
    assert not problems, "\n".join(problems)
