"""The release screen and the translation status screen say the same of each language:
both read build_matrix (issue 14: the release screen said "out of date" where the
status screen said "Not started")."""

import pytest

from tests.statements.flow_world import TITLE, build_world, save_words
from tests.statements.test_translation import status_cells

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(site_tree, governments, django_capture_on_commit_callbacks):
    return build_world(site_tree, governments, django_capture_on_commit_callbacks)


def test_a_language_not_started_is_not_started_on_both_screens_after_a_source_change(client, world):
    statement, drafter = world["statement"], world["drafter"]
    save_words(statement, drafter, title=TITLE + ", revised")
    assert status_cells(client, drafter)[(statement.pk, "ja")] == "not_started"
    release = client.get(f"/admin/statements/{statement.pk}/release/").content.decode()
    assert "Japanese: the translation has not been started." in release
    assert "Japanese: the source changed after the translation was made" not in release
