"""The statements the API tests read, built once per test session (test_api.py asks
tests/snapshots.py for the combination a test uses)."""

import datetime

from statements.actions.release import ReleaseStatementAction
from statements.actions.scheduling import ScheduleReleaseAction
from statements.models import Release, StatementPage, StatementRelatedLink, StatementTopic
from tests import factories

INSTANT = datetime.datetime(2025, 5, 29, 13, 0, tzinfo=datetime.UTC)

TITLE = "Joint statement on the monitoring team's first report"
SENTENCE = "The participating governments welcome the first report."
EMBARGO_TITLE = "Embargoed joint statement on maritime monitoring"
EMBARGO_SLUG = "embargoed-maritime-monitoring"
EMBARGO_SENTENCE = "The embargoed governments note a confidential finding."
DRAFT_TITLE = "Draft title nobody has released"
DRAFT_SENTENCE = "A draft sentence that was never released."


def release_now(statement, drafter, instant=INSTANT):
    """Schedule, then run the release as the clock would once the instant has passed."""
    release = ScheduleReleaseAction(statement, drafter).execute()
    Release.objects.filter(pk=release.pk).update(release_at=instant)
    assert ReleaseStatementAction(release.pk).execute().state == "released"


def versions(statement):
    return {
        p.locale.language_code: p
        for p in StatementPage.objects.filter(translation_key=statement.translation_key)
    }


def make_newsroom(governments):
    site = factories.build_site(languages=("en", "fr", "ja", "de"))
    factories.translate_government(
        governments["JP"],
        "ja",
        short_name="日本",
        official_name="日本国政府",
        department="外務省",
    )
    return site["newsrooms"]["en"]


def make_earlier(newsroom, governments):
    """A statement released before, which the new one links to."""
    return factories.make_statement(
        newsroom,
        [governments["CA"]],
        title="An earlier statement",
        slug="earlier-statement",
        release_at=datetime.datetime(2025, 3, 3, 15, 0, tzinfo=datetime.UTC),
    )


def make_embargoed(newsroom, governments):
    """Cleared, translated and scheduled, but not yet released."""
    statement, drafter, _approvers = factories.ready_for_release(
        newsroom,
        governments,
        lead=governments["CA"],
        title=EMBARGO_TITLE,
        slug=EMBARGO_SLUG,
        body=[("paragraph", f"<p>{EMBARGO_SENTENCE}</p>")],
    )
    ScheduleReleaseAction(statement, drafter).execute()
    return versions(statement)


def make_in_draft(newsroom, governments):
    """A statement nobody has released."""
    return factories.make_statement(
        newsroom, [governments["CA"]], publish=False, title="Still in draft", slug="in-draft"
    )


def make_released(newsroom, governments, earlier, in_draft):
    ca = governments["CA"]
    contact = factories.MediaContactFactory(
        government=ca,
        office="Media Relations Office",
        email="media@international.gc.ca",
        phone="+1 343 203 7700",
        hours="Monday to Friday, 9:00 to 17:00 (Ottawa time)",
    )
    topic = factories.TopicFactory(name="Sanctions", slug="sanctions")
    en = factories.locale("en")
    statement, drafter, _approvers = factories.ready_for_release(
        newsroom,
        governments,
        lead=ca,
        title=TITLE,
        slug="msmt-first-report",
        contacts=[contact],
        topics=[StatementTopic(topic=topic)],
        related_links=[
            StatementRelatedLink(title="Earlier statement", link_page=earlier, locale=en),
            StatementRelatedLink(title="Not yet released", link_page=in_draft, locale=en),
            StatementRelatedLink(
                title="Monitoring team", url="https://msmt.example.org/", locale=en
            ),
        ],
        body=[
            (
                "paragraph",
                f'<p>{SENTENCE} See <a linktype="page" id="{earlier.pk}">the earlier one</a>'
                f' and <a linktype="page" id="{in_draft.pk}">one in draft</a>.</p>',
            ),
            ("quotation", {"quote": "We stand together.", "attribution": "The ministers"}),
        ],
    )
    release_now(statement, drafter)
    return versions(statement)


# The statements a test may ask for, in the order they are made; "released" links to
# the first two.
PARTS = ("earlier", "in_draft", "released", "embargoed")


def build_api_world(parts):
    governments = factories.standard_governments()
    newsroom = make_newsroom(governments)
    world = {"governments": governments, "newsroom": newsroom}
    if "earlier" in parts:
        world["earlier"] = make_earlier(newsroom, governments)
    if "in_draft" in parts:
        world["in_draft"] = make_in_draft(newsroom, governments)
    if "released" in parts:
        world["released"] = make_released(
            newsroom, governments, world["earlier"], world["in_draft"]
        )
    if "embargoed" in parts:
        world["embargoed"] = make_embargoed(newsroom, governments)
    return world
