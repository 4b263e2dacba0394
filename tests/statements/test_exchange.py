"""Translation files for CAT tools: round trips, and every kind of bad file refused."""

import io
import zipfile

import polib
import pytest
from defusedxml import ElementTree as SafeET
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail_localize.models import StringTranslation

from statements.models import StatementPage
from tests import factories

pytestmark = pytest.mark.django_db
NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}


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
        body=[
            ("paragraph", '<p>Read <a href="https://www.un.org/">the report</a> today.</p>'),
            ("heading", "What the report found"),
        ],
    )
    return page, page.get_translation(factories.locale("fr")).specific, drafter


def export(client, page, file_format):
    response = client.get(f"/admin/statements/{page.pk}/translation-file/{file_format}/")
    assert response.status_code == 200
    return response.content


def upload(client, page, name, data):
    return client.post(
        f"/admin/statements/{page.pk}/translation-file/import/",
        {"file": SimpleUploadedFile(name, data)},
    )


FRENCH = {
    "Joint statement on monitoring": "Déclaration commune sur la surveillance",
    "The governments welcome the report.": "Les gouvernements saluent le rapport.",
    'Read <a id="a1">the report</a> today.': 'Lisez <a id="a1">le rapport</a> dès aujourd’hui.',
    "What the report found": "Ce que le rapport constate",
    "Ottawa, Ontario": "Ottawa (Ontario)",
}


def fill_po(data):
    po = polib.pofile(data.decode())
    for entry in po:
        entry.msgstr = FRENCH.get(entry.msgid, "")
    return str(po).encode()


def test_po_round_trip_puts_exactly_the_translated_text_in_the_page(client, statement):
    page, french, _drafter = statement
    client.force_login(factories.translator("fr"))
    exported = export(client, french, "po")
    assert {e.msgid for e in polib.pofile(exported.decode())} == set(FRENCH)
    response = upload(client, french, "statement.po", fill_po(exported))
    assert response.status_code == 302, response.content.decode()[-2000:]
    draft = StatementPage.objects.get(pk=french.pk).get_latest_revision_as_object()
    assert draft.title == "Déclaration commune sur la surveillance"
    assert draft.summary == "Les gouvernements saluent le rapport."
    body = str(draft.body)
    assert "Lisez" in body and 'href="https://www.un.org/"' in body and "le rapport" in body
    assert not StatementPage.objects.get(pk=french.pk).live


def test_xliff_round_trip(client, statement):
    page, french, _drafter = statement
    client.force_login(factories.translator("fr"))
    exported = export(client, french, "xliff")
    root = SafeET.fromstring(exported)
    assert root.get("version") == "1.2"
    for unit in root.iterfind(".//x:trans-unit", NS):
        unit.find("x:target", NS).text = FRENCH[unit.find("x:source", NS).text]
    import xml.etree.ElementTree as ET

    ET.register_namespace("", NS["x"])
    response = upload(client, french, "statement.xlf", ET.tostring(root, encoding="utf-8"))
    assert response.status_code == 302
    draft = StatementPage.objects.get(pk=french.pk).get_latest_revision_as_object()
    assert draft.title == "Déclaration commune sur la surveillance"


def test_all_languages_as_one_zip(client, statement):
    page, _french, drafter = statement
    client.force_login(drafter)
    response = client.get(f"/admin/statements/{page.pk}/translation-files/po.zip")
    assert response.status_code == 200
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert names == [f"statement-{page.pk}-fr.po"]


def problems_of(response):
    from bs4 import BeautifulSoup

    html = BeautifulSoup(response.content, "html.parser")
    return [li.get_text(" ", strip=True) for li in html.select(".import-problems li")]


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda po: setattr(po[0], "msgctxt", "no.such.segment"), "unknown segment id"),
        (
            lambda po: setattr(
                next(e for e in po if "<a" in e.msgid), "msgstr", "Lisez le rapport."
            ),
            "inline markup differs",
        ),
        (
            lambda po: setattr(
                next(e for e in po if e.msgid.startswith("What")), "msgstr", "<script>x</script>"
            ),
            "inline markup differs",
        ),
        (lambda po: po.metadata.update({"Language": "de"}), "This file is for de, not fr"),
        (
            lambda po: po.metadata.update({"X-WagtailLocalize-TranslationID": "other"}),
            "belongs to another statement or language",
        ),
    ],
)
def test_a_bad_po_file_changes_nothing_and_says_why(client, statement, mutate, message):
    page, french, _drafter = statement
    client.force_login(factories.translator("fr"))
    po = polib.pofile(fill_po(export(client, french, "po")).decode())
    mutate(po)
    before = StringTranslation.objects.count()
    response = upload(client, french, "statement.po", str(po).encode())
    assert response.status_code == 400
    assert any(message in problem for problem in problems_of(response)), problems_of(response)
    assert StringTranslation.objects.count() == before


def test_every_problem_is_listed_with_its_line(client, statement):
    page, french, _drafter = statement
    client.force_login(factories.translator("fr"))
    po = polib.pofile(fill_po(export(client, french, "po")).decode())
    po[0].msgctxt = "unknown.one"
    po[1].msgctxt = "unknown.two"
    response = upload(client, french, "statement.po", str(po).encode())
    problems = problems_of(response)
    # Both units by line, and the two segments they no longer name, as missing.
    assert len(problems) == 3
    assert all(problem.startswith("line ") for problem in problems[:2])
    assert problems[2].startswith("Segments missing from the file")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "evil.xlf",
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            b'<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">&e;</xliff>',
            "DTD or entities",
        ),
        ("broken.xlf", b"<xliff version='1.2'><file>", "not well-formed"),
        ("broken.po", b'msgid "a"\nfoo bar\n', "cannot be read"),
        ("notes.txt", b"hello", "Upload a .po or .xlf/.xliff file."),
    ],
)
def test_malformed_and_hostile_files_are_refused(client, statement, name, data, message):
    _page, french, _drafter = statement
    client.force_login(factories.translator("fr"))
    response = upload(client, french, name, data)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_oversized_file_is_refused(client, statement):
    _page, french, _drafter = statement
    client.force_login(factories.translator("fr"))
    response = upload(client, french, "big.po", b"#" * (2 * 1024 * 1024 + 1))
    assert response.status_code == 400


def test_other_languages_translators_cannot_export_or_import(client, statement):
    _page, french, _drafter = statement
    client.force_login(factories.translator("ja"))
    response = client.get(f"/admin/statements/{french.pk}/translation-file/po/")
    assert response.status_code in (302, 403)
    response = upload(client, french, "statement.po", b"")
    assert response.status_code in (302, 403)
