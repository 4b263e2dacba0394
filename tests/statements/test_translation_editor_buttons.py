"""wagtail-localize's translation editor offers no button its user would be refused.

"Convert to alias page", "Upload PO file" and "Stop Synced translation" are gated for
statements (statements.wagtail_localize_compat): the editor hides exactly the ones the
gate refuses this user, checked against the gate's own answer."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail_localize.models import Translation

from statements.models import StatementPage
from tests import factories
from tests.statements.flow_world import build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(site_tree, governments, django_capture_on_commit_callbacks):
    return build_world(site_tree, governments, django_capture_on_commit_callbacks)


def language_version(statement, code):
    page = StatementPage.objects.get(
        translation_key=statement.translation_key, locale__language_code=code
    )
    translation = Translation.objects.get(
        source__object_id=statement.translation_key, target_locale=page.locale
    )
    return page, translation


def refused_in_editor(client, user, page):
    client.force_login(user)
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "js-translation-editor" in html, "wagtail-localize's editor"
    marker = 'data-refused="'
    if marker not in html:
        return set()
    return set(html.split(marker, 1)[1].split('"', 1)[0].split())


def answers(client, url, **data):
    return client.post(url, data).status_code


def test_a_translator_is_offered_none_of_the_buttons_that_refuse_it(client, world):
    page, translation = language_version(world["statement"], "ja")
    translator = factories.translator("ja")
    refused = refused_in_editor(client, translator, page)
    assert refused == {"convert_to_alias", "upload_pofile", "stop_translation"}
    # Each hidden button's URL does refuse the translator.
    assert answers(client, f"/admin/localize/page/{page.pk}/convert_to_alias/") == 403
    upload = SimpleUploadedFile("ja.po", b"", content_type="text/x-gettext-translation")
    assert (
        answers(client, f"/admin/localize/translate/{translation.pk}/pofile/upload/", file=upload)
        == 403
    )
    assert answers(client, f"/admin/localize/translate/{translation.pk}/disable/") == 403


def test_the_drafter_keeps_the_buttons_it_may_use(client, world):
    # French: the drafter's press office edits under the French home page.
    page, _translation = language_version(world["statement"], "fr")
    drafter = world["drafter"]
    # Upload is refused for every statement (its own import screen takes files);
    # the drafter may convert and stop, so those stay.
    assert refused_in_editor(client, drafter, page) == {"upload_pofile"}
    assert client.get(f"/admin/localize/page/{page.pk}/convert_to_alias/").status_code == 200
