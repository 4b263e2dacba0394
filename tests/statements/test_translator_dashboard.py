"""A translator's dashboard: what is left in each of their languages, statement by
statement, with a progress bar and the due date; nothing in other languages."""

import re

import pytest

from statements.models import StatementPage
from tests import factories
from tests.statements.flow_world import TITLE, build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(site_tree, governments, django_capture_on_commit_callbacks):
    return build_world(site_tree, governments, django_capture_on_commit_callbacks)


def dashboard(client, user):
    client.force_login(user)
    return client.get("/admin/").content.decode()


def test_a_translator_sees_what_is_left_with_a_progress_bar_and_the_due_date(client, world):
    statement = world["statement"]
    japanese = StatementPage.objects.get(
        translation_key=statement.translation_key, locale__language_code="ja"
    )
    page = dashboard(client, factories.translator("ja"))
    table = re.search(r'<table class="listing" data-language="ja">.*?</table>', page, re.S)
    assert table, "a table for Japanese"
    table = table.group(0)
    assert "1 statement left" in table
    row = re.search(rf'<tr data-awaiting="{statement.pk}-ja".*?</tr>', table, re.S).group(0)
    assert TITLE in row
    assert f'href="/admin/pages/{japanese.pk}/edit/"' in row
    assert '<progress max="100" value="0"' in row
    total = re.search(r"(\d+) of (\d+) strings", row)
    assert total and total.group(1) == total.group(2) != "0"
    # Due a day before the planned release (29 May 2025, 13:00 UTC), with its zone.
    assert '<time datetime="2025-05-28T13:00:00+00:00">2025-05-28 13:00 UTC</time>' in row
    # Japanese only: no French table for a translator into Japanese.
    assert 'data-language="fr"' not in page


def test_a_translator_into_another_language_sees_none_of_it(client, world):
    german = dashboard(client, factories.translator("de"))
    assert "Awaiting your language" not in german
    assert TITLE not in german
    french = dashboard(client, factories.translator("fr"))
    assert 'data-language="fr"' in french and TITLE in french
