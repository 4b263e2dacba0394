"""Rendering a statement costs the same number of queries for 3 or 30 signatories."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories

pytestmark = pytest.mark.django_db


def render_queries(client, page):
    client.get(page.url)  # warm caches that are per process, not per page (site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(page.url)
    assert response.status_code == 200
    return len(queries), response


def statement_with(newsroom, count, slug):
    governments = [factories.GovernmentFactory() for _ in range(count)]
    contacts = [factories.MediaContactFactory(government=g) for g in governments]
    return factories.make_statement(
        newsroom, governments, lead=governments[0], contacts=contacts, slug=slug
    )


def test_queries_do_not_grow_with_signatories_and_contacts(client, site_tree):
    newsroom = site_tree["newsrooms"]["en"]
    small = statement_with(newsroom, 3, "three")
    large = statement_with(newsroom, 30, "thirty")
    small_count, small_response = render_queries(client, small)
    large_count, large_response = render_queries(client, large)
    assert small_response.content.count(b'class="contact"') == 3
    assert large_response.content.count(b'class="contact"') == 30
    assert large_count == small_count, (small_count, large_count)
    # 20 for the page itself, plus one looking up the released snapshot (which, for a
    # statement released by the release action, replaces the snippet queries).
    assert small_count <= 21
