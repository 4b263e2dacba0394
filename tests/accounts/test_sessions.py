"""Sessions end after 30 minutes idle and 12 hours in all (GOV.UK Signon)."""

import time

import pytest

from tests import factories
from tests.accounts.helpers import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(monkeypatch):
    """The middleware's clock, moved by hand."""
    now = {"t": time.time()}
    monkeypatch.setattr("accounts.middleware.time.time", lambda: now["t"])

    def advance(seconds):
        now["t"] += seconds

    return advance


@pytest.fixture
def signed_in(client, clock):
    factories.translator("fr")
    before = client.cookies.get("sessionid")
    assert sign_in(client, "translator-fr").status_code == 302
    # Django gives the session a new key at sign-in.
    assert client.cookies["sessionid"].value != (before.value if before else None)
    assert client.get("/admin/").status_code == 200
    return client


def test_a_session_idle_for_31_minutes_is_signed_out(signed_in, clock):
    clock(29 * 60)
    assert signed_in.get("/admin/").status_code == 200
    clock(29 * 60)  # active a moment ago: the idle time starts again
    assert signed_in.get("/admin/").status_code == 200
    clock(31 * 60)
    response = signed_in.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert "_auth_user_id" not in signed_in.session


def test_a_session_ends_after_12_hours_however_active(signed_in, clock):
    for _step in range(11 * 3 + 2):  # every 20 minutes for 11 h 40 min
        clock(20 * 60)
        assert signed_in.get("/admin/").status_code == 200
    clock(20 * 60)  # 12 h since sign-in
    response = signed_in.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
