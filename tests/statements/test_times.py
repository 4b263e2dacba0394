"""Times and dates as readers see them: each zone's own time and date, in the page's
language, kept in order on right-to-left pages, and named on every admin screen."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.test import override_settings
from django.utils import timezone
from wagtail.users.models import UserProfile

from statements.actions.scheduling import ScheduleReleaseAction
from statements.demo.contacts import CONTACTS
from tests import factories

pytestmark = pytest.mark.django_db

WITH_ARABIC = [*settings.LANGUAGES, ("ar", "العربيّة")]
# 01:00 UTC on 8 December: 20:00 the evening before in Ottawa, morning in Paris and Tokyo.
AFTER_MIDNIGHT = datetime.datetime(2026, 12, 8, 1, 0, tzinfo=datetime.UTC)


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def release_times(html):
    """The release line's times, one per zone, in document order."""
    line = html.select_one(".dateline .release-time")
    return [bdi.get_text() for bdi in line.select("bdi")]


def dateline_date(html):
    return html.select_one(".dateline time").get_text()


@pytest.fixture
def midnight_statement(site_tree, governments):
    """Led from Ottawa, released at 01:00 UTC: 7 December there, 8 December elsewhere."""
    return factories.make_statement(
        site_tree["newsrooms"]["en"],
        [governments["CA"], governments["FR"], governments["JP"]],
        release_at=AFTER_MIDNIGHT,
        release_timezone="America/Toronto",
        slug="after-midnight",
    )


def test_each_zone_carries_its_own_date_where_the_day_differs(client, midnight_statement):
    html = soup(client.get(midnight_statement.url))
    assert dateline_date(html) == "7 December 2026"
    assert release_times(html) == [
        "20:00 EST",
        "01:00 UTC (8 Dec)",
        "02:00 CET (8 Dec)",
        "10:00 JST (8 Dec)",
    ]


def test_a_release_led_from_tokyo_dates_ottawa_the_day_before(client, site_tree, governments):
    page = factories.make_statement(
        site_tree["newsrooms"]["en"],
        [governments["JP"], governments["CA"]],
        lead=governments["JP"],
        release_at=AFTER_MIDNIGHT,
        release_timezone="Asia/Tokyo",
        slug="tokyo-lead",
    )
    html = soup(client.get(page.url))
    assert dateline_date(html) == "8 December 2026"
    assert release_times(html) == ["10:00 JST", "01:00 UTC", "20:00 EST (7 Dec)"]


def test_wellington_is_already_the_next_day(client, site_tree, governments):
    new_zealand = factories.GovernmentFactory(
        code="NZ", short_name="New Zealand", time_zone="Pacific/Auckland"
    )
    page = factories.make_statement(
        site_tree["newsrooms"]["en"], [governments["CA"], new_zealand], slug="wellington"
    )
    html = soup(client.get(page.url))
    assert dateline_date(html) == "29 May 2025"
    assert release_times(html) == ["09:00 EDT", "13:00 UTC", "01:00 NZST (30 May)"]


def test_the_release_line_follows_a_daylight_saving_change(client, site_tree, governments):
    """Canada's clocks go forward on 14 March 2027: 09:00 in Ottawa moves by an hour of UTC."""
    zones = [governments["CA"], governments["JP"]]
    before = factories.make_statement(
        site_tree["newsrooms"]["en"],
        zones,
        release_at=datetime.datetime(2027, 3, 13, 14, 0, tzinfo=datetime.UTC),
        slug="before-dst",
    )
    after = factories.make_statement(
        site_tree["newsrooms"]["en"],
        zones,
        release_at=datetime.datetime(2027, 3, 14, 13, 0, tzinfo=datetime.UTC),
        slug="after-dst",
    )
    assert release_times(soup(client.get(before.url))) == ["09:00 EST", "14:00 UTC", "23:00 JST"]
    assert release_times(soup(client.get(after.url))) == ["09:00 EDT", "13:00 UTC", "22:00 JST"]


def test_the_release_line_is_in_the_page_language(client, midnight_statement):
    for code in ("fr", "ja"):  # a language's home and newsroom are live before its pages
        factories.publish_parent_pages(midnight_statement.get_parent().specific, code)
    french = factories.translate_statement(midnight_statement, "fr", dateline="Ottawa (Ontario)")
    japanese = factories.translate_statement(midnight_statement, "ja", dateline="オタワ")
    html = soup(client.get(french.url))
    assert dateline_date(html) == "7 décembre 2026"
    assert release_times(html) == [
        "20:00 UTC−5",
        "01:00 TU (8 déc.)",
        "02:00 UTC+1 (8 déc.)",
        "10:00 UTC+9 (8 déc.)",
    ]
    html = soup(client.get(japanese.url))
    assert dateline_date(html) == "2026年12月7日"
    assert release_times(html) == [
        "20:00 UTC−5",
        "1:00 UTC (12月8日)",
        "2:00 UTC+1 (12月8日)",
        "10:00 JST (12月8日)",
    ]


@override_settings(LANGUAGES=WITH_ARABIC, WAGTAIL_CONTENT_LANGUAGES=WITH_ARABIC)
def test_a_right_to_left_page_keeps_each_time_whole_and_in_order(
    client, site_tree, midnight_statement
):
    for parent in (site_tree["homes"]["en"], site_tree["newsrooms"]["en"]):
        parent.copy_for_translation(factories.locale("ar")).save_revision().publish()
    arabic = factories.translate_statement(midnight_statement, "ar", title="بيان مشترك")
    html = soup(client.get(arabic.url))
    assert html.html["dir"] == "rtl"
    times = release_times(html)
    # Arabic words, Arabic day names, and each time isolated so bidi cannot mix them.
    assert times == [
        "8:00 م UTC−5",
        "1:00 ص التوقيت العالمي (8 ديسمبر)",
        "2:00 ص UTC+1 (8 ديسمبر)",
        "10:00 ص UTC+9 (8 ديسمبر)",
    ]
    line = html.select_one(".dateline .release-time")
    assert "".join(line.find_all(string=True, recursive=False)).strip(" /") == ""


# --- the admin ------------------------------------------------------------------------


@pytest.fixture
def ready(site_tree, governments):
    """A statement ready for release on 8 December next year at 01:00 UTC."""
    instant = AFTER_MIDNIGHT.replace(year=timezone.now().year + 1)
    return factories.ready_for_release(
        site_tree["newsrooms"]["en"],
        governments,
        lead=governments["CA"],
        release_at=instant,
        slug="ready",
    ), instant


def release_screen(client, statement):
    return soup(client.get(f"/admin/statements/{statement.pk}/release/"))


def test_the_admin_shows_each_capital_its_own_local_time(client, ready):
    (statement, drafter, _approvers), instant = ready
    year = instant.year
    client.force_login(drafter)
    html = release_screen(client, statement)
    table = html.find("caption", string="Local time in each signatory's capital").parent
    rows = {
        tr.select("td")[0].get_text(): tr.select("td")[1].get_text()
        for tr in table.select("tbody tr")
    }
    assert rows == {
        "Canada": f"{year}-12-07 20:00 EST",
        "France": f"{year}-12-08 02:00 CET",
        "Japan": f"{year}-12-08 10:00 JST",
    }


def test_admin_instants_name_their_zone_and_utc(client, ready):
    (statement, drafter, _approvers), instant = ready
    year = instant.year
    client.force_login(drafter)
    # A drafter working in UTC: the instant says so.
    text = release_screen(client, statement).select_one("#instant-heading").parent.get_text()
    assert f"{year}-12-08 01:00 UTC" in text
    assert "20:00 EST / 01:00 UTC (8 Dec)" in text
    # A drafter working in Ottawa time: Ottawa's date and zone, and UTC beside it.
    profile = UserProfile.get_for_user(drafter)
    profile.current_time_zone = "America/Toronto"
    profile.save()
    text = release_screen(client, statement).select_one("#instant-heading").parent.get_text()
    assert f"{year}-12-07 20:00 EST ({year}-12-08 01:00 UTC)" in text
    status = soup(client.get("/admin/statements/translation-status/"))
    assert f"{year}-12-07 20:00 EST ({year}-12-08 01:00 UTC)" in status.get_text()
    ScheduleReleaseAction(statement, drafter).execute()
    queue = soup(client.get("/admin/statements/releases/")).select_one("table.listing tbody")
    assert f"{year}-12-07 20:00 EST ({year}-12-08 01:00 UTC)" in queue.get_text()


def test_contact_hours_name_the_zone_once(client, site_tree, governments):
    """The page names the office's time zone itself, so the hours must not name it too."""
    canada = next(c for c in CONTACTS if c["government"] == "CA")
    contact = factories.MediaContactFactory(
        government=governments["CA"], hours=canada["hours"]["en"]
    )
    page = factories.make_statement(
        site_tree["newsrooms"]["en"], [governments["CA"]], contacts=[contact], slug="hours"
    )
    hours = soup(client.get(page.url)).select_one(".contact-hours").get_text()
    # The abbreviation is today's (EST or EDT): office hours move with daylight saving.
    assert re.fullmatch(
        r"Monday to Friday, 8:30 a\.m\. to 5 p\.m\. \(Toronto time, E[SD]T\)", hours
    )
    for entry in CONTACTS:
        for language, text in entry["hours"].items():
            assert "(" not in text and "（" not in text, (entry["government"], language)


def test_the_dashboard_names_the_zone_of_a_planned_release(client, site_tree, governments):
    instant = AFTER_MIDNIGHT.replace(year=timezone.now().year + 1)
    drafter = factories.drafter()
    statement = factories.make_statement(
        site_tree["newsrooms"]["en"],
        [governments["CA"], governments["JP"]],
        publish=False,
        user=drafter,
        release_at=instant,
        slug="awaiting",
    )
    factories.submit_for_signoff(statement, drafter)
    approver = factories.approver(governments["JP"])
    profile = UserProfile.get_for_user(approver)
    profile.current_time_zone = "Asia/Tokyo"
    profile.save()
    client.force_login(approver)
    panel = soup(client.get("/admin/")).select_one("[aria-labelledby=awaiting-government-heading]")
    expected = f"{instant.year}-12-08 10:00 JST ({instant.year}-12-08 01:00 UTC)"
    assert expected in panel.get_text()
