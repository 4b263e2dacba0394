"""In a real browser: schedule a release about 15 seconds ahead; at the instant every
language page appears together."""

import datetime
import threading
import time
import zoneinfo

import pytest
from django.db import connection

from statements.clock import db_now
from statements.release_triggers import run_due
from tests import factories
from tests.browser import chromium, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "pass"
ZONE = "America/Toronto"


@pytest.fixture
def clock():
    """The release clock, polling in a thread as `manage.py release_clock` does."""
    stop = threading.Event()

    def tick():
        try:
            while not stop.is_set():
                run_due(via="clock")
                time.sleep(0.2)
        finally:
            connection.close()

    thread = threading.Thread(target=tick, daemon=True)
    thread.start()
    yield
    stop.set()
    thread.join(timeout=10)


def test_scheduled_languages_appear_together_at_the_instant(live_server, clock, monkeypatch):
    # The form asks for a minute's notice; this test cannot wait that long for its
    # instant (the server runs in this process, so the bound can be shortened here).
    monkeypatch.setattr("statements.validators.RELEASE_MIN_AHEAD", datetime.timedelta(seconds=5))
    tree = factories.build_site(languages=("en", "fr", "ja"))
    governments = factories.standard_governments()
    statement, drafter, _approvers = factories.ready_for_release(
        tree["newsrooms"]["en"], governments, lead=governments["CA"], slug="browser-release"
    )
    base = live_server.url
    urls = {code: f"{base}{factories.path_of(statement, code)}" for code in ("en", "fr", "ja")}
    with chromium() as browser:
        page = browser.new_page()
        sign_in(page, base, drafter.username, PASSWORD)
        page.goto(f"{base}/admin/statements/{statement.pk}/release/")
        instant = (db_now() + datetime.timedelta(seconds=15)).replace(microsecond=0)
        local = instant.astimezone(zoneinfo.ZoneInfo(ZONE))
        form = page.locator('form.release-form[action$="/release/schedule/"]')
        form.locator("#id_release_at").fill(local.strftime("%Y-%m-%dT%H:%M:%S"))
        form.locator("#id_release_timezone").select_option(ZONE)
        form.get_by_role("button", name="Schedule the release").click()
        page.wait_for_selector(".release-state")
        assert page.locator(".release-state").inner_text() == "Scheduled"

        reader = browser.new_context()  # a journalist: no session
        first_seen = {}
        deadline = instant + datetime.timedelta(seconds=20)
        while len(first_seen) < len(urls) and db_now() < deadline:
            for code, url in urls.items():
                if code in first_seen:
                    continue
                if reader.request.get(url).status == 200:
                    first_seen[code] = db_now()
            time.sleep(0.1)
        assert set(first_seen) == set(urls), f"pages never appeared: {first_seen}"
        # None before the instant; all within the clock's guarantee after it.
        assert min(first_seen.values()) >= instant
        assert max(first_seen.values()) - instant < datetime.timedelta(seconds=15)
        # Together: within the time it takes this loop to read three URLs.
        assert max(first_seen.values()) - min(first_seen.values()) < datetime.timedelta(seconds=1)
        visible = reader.new_page()
        visible.goto(urls["ja"])
        assert "[ja]" in visible.title()
        reader.close()
