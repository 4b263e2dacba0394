"""Bad input that used to get through or break, each refused with a clear message and
changing nothing: translation files missing units or repeating one, control characters,
release instants out of bounds, hostile images and rich text that is not JSON."""

import datetime
import io
import xml.etree.ElementTree as ET
import zoneinfo

import polib
import pytest
from bs4 import BeautifulSoup
from defusedxml import ElementTree as SafeET
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from statements.actions.scheduling import ScheduleReleaseAction
from statements.models import Release, StatementPage
from tests import factories

from .test_exchange import FRENCH, NS, export, fill_po, problems_of, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def statement(site_tree, governments):
    drafter = factories.drafter()
    ca, fr = governments["CA"], governments["FR"]
    page = factories.make_statement(
        site_tree["newsrooms"]["en"],
        [ca, fr],
        lead=ca,
        publish=False,
        user=drafter,
        owner=drafter,
        slug="exchanged",
        title="Joint statement on monitoring",
        summary="The governments welcome the report.",
        body=[("heading", "What the report found")],
    )
    return page, page.get_translation(factories.locale("fr")).specific, drafter


def filled_xliff(client, french):
    root = SafeET.fromstring(export(client, french, "xliff"))
    for unit in root.iterfind(".//x:trans-unit", NS):
        unit.find("x:target", NS).text = FRENCH[unit.find("x:source", NS).text]
    return root


def xliff_bytes(root):
    ET.register_namespace("", NS["x"])
    return ET.tostring(root, encoding="utf-8")


def translations_of(french):
    return dict(
        StringTranslation.objects.filter(locale=french.locale).values_list(
            "translation_of__data", "data"
        )
    )


# --- translation files --------------------------------------------------------------


def test_a_file_missing_units_is_refused_listing_them(client, statement):
    _page, french, _drafter = statement
    client.force_login(factories.translator("fr"))
    root = filled_xliff(client, french)
    body = root.find(".//x:body", NS)
    dropped = body.findall("x:trans-unit", NS)[0]
    body.remove(dropped)
    response = upload(client, french, "statement.xlf", xliff_bytes(root))
    assert response.status_code == 400
    problems = " ".join(problems_of(response))
    assert "missing" in problems and dropped.get("id") in problems
    assert translations_of(french) == {}


def test_a_partial_file_changes_only_its_segments_and_is_logged_as_partial(client, statement):
    _page, french, _drafter = statement
    client.force_login(factories.translator("fr"))
    root = filled_xliff(client, french)
    body = root.find(".//x:body", NS)
    units = body.findall("x:trans-unit", NS)
    for unit in units[1:]:
        body.remove(unit)
    kept = units[0].find("x:source", NS).text
    response = client.post(
        f"/admin/statements/{french.pk}/translation-file/import/",
        {"file": SimpleUploadedFile("part.xlf", xliff_bytes(root)), "partial": "on"},
    )
    assert response.status_code == 302
    assert translations_of(french) == {kept: FRENCH[kept]}
    entry = PageLogEntry.objects.filter(
        page_id=french.pk, action="statements.import_translation"
    ).get()
    assert entry.data["partial"] is True


@pytest.mark.parametrize("file_format", ["po", "xliff"])
def test_a_repeated_unit_id_is_refused(client, statement, file_format):
    _page, french, _drafter = statement
    client.force_login(factories.translator("fr"))
    if file_format == "po":
        po = polib.pofile(fill_po(export(client, french, "po")).decode())
        twin = polib.POEntry(msgctxt=po[0].msgctxt, msgid=po[0].msgid, msgstr="Autre texte")
        po.append(twin)
        data, name = str(po).encode(), "statement.po"
    else:
        root = filled_xliff(client, french)
        body = root.find(".//x:body", NS)
        first = body.findall("x:trans-unit", NS)[0]
        body.append(SafeET.fromstring(ET.tostring(first)))
        data, name = xliff_bytes(root), "statement.xlf"
    response = upload(client, french, name, data)
    assert response.status_code == 400
    assert any("more than once" in p for p in problems_of(response)), problems_of(response)
    assert translations_of(french) == {}


@pytest.mark.parametrize("character", ["\x00", "\x01", "\x1b", "\x7f"])
def test_control_characters_in_a_file_are_refused_naming_the_segment(client, statement, character):
    _page, french, _drafter = statement
    client.force_login(factories.translator("fr"))
    po = polib.pofile(fill_po(export(client, french, "po")).decode())
    po[0].msgstr = f"Déclaration{character}commune"
    response = upload(client, french, "statement.po", str(po).encode())
    assert response.status_code == 400
    problems = problems_of(response)
    assert any("control character" in p and po[0].msgctxt in p for p in problems), problems
    assert translations_of(french) == {}

    # Control: the same file without the character is imported.
    po[0].msgstr = "Déclaration commune"
    assert upload(client, french, "statement.po", str(po).encode()).status_code == 302


# --- the page form -------------------------------------------------------------------


@pytest.fixture
def admin_client(client, db):
    client.force_login(get_user_model().objects.create_superuser("root", "r@example.org", "x"))
    return client


def page_form(page, **overrides):
    data = {
        "title": page.title,
        "slug": page.slug,
        "statement_type": page.statement_type,
        "dateline": page.dateline,
        "summary": page.summary,
        "lead_government": page.lead_government_id,
        "signatories": inline_formset(
            [{"government": s.government_id} for s in page.signatories.all()]
        ),
        "body": streamfield([("paragraph", rich_text("<p>Words.</p>"))]),
        "related_links": inline_formset([]),
        "contacts": inline_formset([]),
        "topics": inline_formset([]),
        "comments": inline_formset([]),
        "release_at": "",
        "release_timezone": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def post_edit(client, page, data):
    before = StatementPage.objects.get(pk=page.pk).latest_revision_id
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    after = StatementPage.objects.get(pk=page.pk).latest_revision_id
    return response, before == after


def form_errors(response):
    html = BeautifulSoup(response.content, "html.parser")
    return " ".join(
        e.get_text(" ", strip=True)
        for e in html.select(".error-message, .help-critical, .messages .errorlist li")
    )


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", "Joint\x01statement"),
        ("summary", "The\x1bgovernments"),
        ("dateline", "Ott\x07awa"),
    ],
)
def test_control_characters_in_the_page_form_are_refused(admin_client, statement, field, value):
    page, _french, _drafter = statement
    response, unchanged = post_edit(admin_client, page, page_form(page, **{field: value}))
    assert response.status_code == 200 and unchanged
    assert "control character" in form_errors(response)

    # Control: the same form without it saves a draft.
    response, unchanged = post_edit(admin_client, page, page_form(page))
    assert response.status_code == 302 and not unchanged


def test_a_control_character_in_the_body_is_refused(admin_client, statement):
    page, _french, _drafter = statement
    body = streamfield([("paragraph", rich_text("<p>Words\x02here.</p>"))])
    response, unchanged = post_edit(admin_client, page, page_form(page, body=body))
    assert response.status_code == 200 and unchanged
    assert "control character" in form_errors(response)


@pytest.mark.parametrize("value", ["9999-12-31 23:59", "0001-01-01 00:00"])
def test_a_release_instant_at_the_ends_of_the_calendar_is_a_form_error(
    admin_client, statement, value
):
    page, _french, _drafter = statement
    data = page_form(page, release_at=value, release_timezone="Asia/Tokyo")
    response, unchanged = post_edit(admin_client, page, data)
    assert response.status_code == 200 and unchanged
    assert "release" in form_errors(response).lower()
    data = page_form(page, release_at=value, release_timezone="America/Toronto")
    response, unchanged = post_edit(admin_client, page, data)
    assert response.status_code == 200 and unchanged


def test_rich_text_that_is_not_json_is_a_form_error(admin_client, statement):
    page, _french, _drafter = statement
    body = nested_form_data({"body": streamfield([("paragraph", "<p>not the editor's JSON</p>")])})
    response, unchanged = post_edit(admin_client, page, {**page_form(page), **body})
    assert response.status_code == 200 and unchanged
    assert "could not be read" in form_errors(response)


# --- release instants ----------------------------------------------------------------


@pytest.fixture
def ready(site_tree, governments):
    return factories.ready_for_release(
        site_tree["newsrooms"]["en"], governments, lead=governments["CA"], slug="ready"
    )


def local(instant, zone="America/Toronto"):
    return instant.astimezone(zoneinfo.ZoneInfo(zone)).strftime("%Y-%m-%dT%H:%M:%S")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("9999-12-31T23:59:59", "more than two years ahead"),
        ("0001-01-01T00:00:00", "must be in the future"),
        (lambda: local(timezone.now() + datetime.timedelta(seconds=30)), "at least a minute"),
        (lambda: local(timezone.now() + datetime.timedelta(days=800)), "two years ahead"),
    ],
)
def test_release_instants_out_of_bounds_are_form_errors_and_save_nothing(
    client, ready, value, message
):
    statement, drafter, _approvers = ready
    client.force_login(drafter)
    # A wall-clock time near now is only near now in the zone it was written for.
    zones = ("America/Toronto",) if callable(value) else ("America/Toronto", "Asia/Tokyo")
    value = value() if callable(value) else value
    for zone in zones:
        response = client.post(
            f"/admin/statements/{statement.pk}/release/schedule/",
            {"release_at": value, "release_timezone": zone},
        )
        assert response.status_code == 400
        assert message in response.content.decode()
        assert not Release.objects.exists()
    assert client.get(f"/admin/statements/{statement.pk}/release/").status_code == 200

    # Control: an hour ahead is scheduled.
    soon = local(timezone.now() + datetime.timedelta(hours=1))
    response = client.post(
        f"/admin/statements/{statement.pk}/release/schedule/",
        {"release_at": soon, "release_timezone": "America/Toronto"},
    )
    assert response.status_code == 302 and Release.objects.count() == 1


def test_moving_a_release_out_of_bounds_is_refused(client, ready):
    statement, drafter, _approvers = ready
    release = ScheduleReleaseAction(statement, drafter).execute()
    client.force_login(drafter)
    response = client.post(
        f"/admin/statements/{statement.pk}/release/move/",
        {"release_at": "9999-12-31T23:59:59", "release_timezone": "Asia/Tokyo"},
    )
    assert response.status_code == 400
    assert Release.objects.get(pk=release.pk).release_at == release.release_at
    assert client.get(f"/admin/statements/{statement.pk}/release/").status_code == 200


# --- images --------------------------------------------------------------------------


def test_a_hostile_image_is_a_form_error(admin_client):
    hostile = b"GIF89a" + b"<html><script>alert(1)</script></html>" * 20
    response = admin_client.post(
        "/admin/images/add/",
        {"title": "Hostile", "file": SimpleUploadedFile("hostile.gif", hostile), "tags": ""},
    )
    assert response.status_code == 200
    assert not get_image_model().objects.filter(title="Hostile").exists()
    assert "image" in form_errors(response).lower()

    # Control: a real GIF is uploaded by the same form.
    from PIL import Image

    real = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(real, "GIF")
    response = admin_client.post(
        "/admin/images/add/",
        {"title": "Real", "file": SimpleUploadedFile("real.gif", real.getvalue()), "tags": ""},
    )
    assert response.status_code == 302
    assert get_image_model().objects.filter(title="Real").exists()


# --- the translation editor ----------------------------------------------------------


def put_string(client, translation, segment, value):
    return client.put(
        f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/",
        encode_multipart(BOUNDARY, {"value": value}),
        content_type=MULTIPART_CONTENT,
    )


def test_the_translation_editor_refuses_control_characters(client, statement):
    page, french, _drafter = statement
    client.force_login(factories.translator("fr"))
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=french.locale
    )
    segment = StringSegment.objects.filter(source=translation.source).first()
    response = put_string(client, translation, segment, "Déclaration\x01commune")
    assert response.status_code == 400
    assert "control character (U+0001)" in response.json()["value"][0]
    assert translations_of(french) == {}

    # Control: the same edit without the character is saved by wagtail-localize.
    response = put_string(client, translation, segment, "Déclaration commune")
    assert response.status_code in (200, 201)
    assert "Déclaration commune" in translations_of(french).values()
