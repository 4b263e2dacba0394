"""Translation files for agencies and their CAT tools: PO and XLIFF 1.2, out and back.

Import is all or nothing: every problem in a file is listed (by line or segment id)
and nothing changes unless the whole file is valid. A file may leave segments
untranslated, but must hold every segment, each once, unless the translator says it is
partial: a unit lost in a CAT tool is then refused rather than passed over in silence.
Control characters are refused: they are never text, and XML exports break on them.
XML is parsed with defusedxml, which refuses DTDs and entities.
"""

import html
import io
import re
import xml.etree.ElementTree as ET
import zipfile

import polib
from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException
from django.utils.translation import gettext as _
from wagtail_localize.models import StringSegment, StringTranslation

from .validators import control_character_in

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_TARGET_LENGTH = 20_000
XLIFF_NS = "urn:oasis:names:tc:xliff:document:1.2"
FORMATS = {"po": "text/x-gettext-translation", "xliff": "application/x-xliff+xml"}

_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z0-9]+)([^>]*)>")
_PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}|%[sd]")


class ImportRejected(Exception):
    def __init__(self, problems):
        self.problems = problems
        super().__init__("; ".join(problems))


def units_for(translation):
    """(segment id, source text, current translation) for every string segment, in order."""
    segments = (
        StringSegment.objects.filter(source=translation.source)
        .order_by("order")
        .select_related("context", "string")
        .annotate_translation(translation.target_locale)
    )
    return [(s.context.path, s.string.data, s.translation or "") for s in segments]


def export_po(translation, statement):
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": f"Communiqué statement {statement.pk}",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=utf-8",
        "Content-Transfer-Encoding": "8bit",
        "Language": translation.target_locale.language_code,
        "X-Source-Language": translation.source.locale.language_code,
        "X-WagtailLocalize-TranslationID": str(translation.uuid),
    }
    for segment_id, source, target in units_for(translation):
        po.append(polib.POEntry(msgctxt=segment_id, msgid=source, msgstr=target))
    return str(po).encode("utf-8")


def export_xliff(translation, statement):
    ET.register_namespace("", XLIFF_NS)
    root = ET.Element(f"{{{XLIFF_NS}}}xliff", {"version": "1.2"})
    file_element = ET.SubElement(
        root,
        f"{{{XLIFF_NS}}}file",
        {
            "original": f"communique-statement-{statement.pk}",
            "source-language": translation.source.locale.language_code,
            "target-language": translation.target_locale.language_code,
            "datatype": "html",
            "product-name": "Communiqué",
        },
    )
    header = ET.SubElement(file_element, f"{{{XLIFF_NS}}}header")
    note = ET.SubElement(header, f"{{{XLIFF_NS}}}note", {"from": "translation-id"})
    note.text = str(translation.uuid)
    body = ET.SubElement(file_element, f"{{{XLIFF_NS}}}body")
    for segment_id, source, target in units_for(translation):
        unit = ET.SubElement(body, f"{{{XLIFF_NS}}}trans-unit", {"id": segment_id})
        ET.SubElement(unit, f"{{{XLIFF_NS}}}source").text = source
        target_element = ET.SubElement(
            unit,
            f"{{{XLIFF_NS}}}target",
            {"state": "translated" if target else "needs-translation"},
        )
        target_element.text = target
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8")


def export_file(translation, statement, file_format):
    if file_format == "po":
        return export_po(translation, statement)
    if file_format == "xliff":
        return export_xliff(translation, statement)
    raise ValueError(file_format)


def export_zip(translations, statement, file_format):
    buffer = io.BytesIO()
    extension = "xlf" if file_format == "xliff" else "po"
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for translation in translations:
            code = translation.target_locale.language_code
            archive.writestr(
                f"statement-{statement.pk}-{code}.{extension}",
                export_file(translation, statement, file_format),
            )
    return buffer.getvalue()


# --- import ----------------------------------------------------------------------------


def _parse_po(data):
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ImportRejected([_("The file is not UTF-8 text.")]) from None
    try:
        po = polib.pofile(text)
    except (OSError, ValueError) as exc:
        raise ImportRejected([_("The PO file cannot be read: %(error)s") % {"error": exc}]) from exc
    meta = {
        "translation_id": po.metadata.get("X-WagtailLocalize-TranslationID", ""),
        "language": po.metadata.get("Language", ""),
    }
    units = [
        (
            entry.msgctxt or "",
            entry.msgid,
            entry.msgstr,
            _("line %(line)s") % {"line": entry.linenum},
        )
        for entry in po
        if not entry.obsolete
    ]
    return meta, units


def _parse_xliff(data):
    try:
        root = SafeET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise ImportRejected(
            [_("The XLIFF file declares a DTD or entities, which are not accepted.")]
        ) from None
    except ET.ParseError as exc:
        raise ImportRejected(
            [_("The XLIFF file is not well-formed XML: %(error)s") % {"error": exc}]
        ) from exc
    ns = {"x": XLIFF_NS}
    if root.tag != f"{{{XLIFF_NS}}}xliff" or root.get("version") != "1.2":
        raise ImportRejected([_("This is not an XLIFF 1.2 file.")])
    files = root.findall("x:file", ns)
    if len(files) != 1:
        raise ImportRejected([_("The XLIFF file must hold exactly one <file> element.")])
    file_element = files[0]
    note = file_element.find("x:header/x:note[@from='translation-id']", ns)
    meta = {
        "translation_id": (note.text or "").strip() if note is not None else "",
        "language": file_element.get("target-language", ""),
    }
    units = []
    for unit in file_element.iterfind("x:body/x:trans-unit", ns):
        source = unit.find("x:source", ns)
        target = unit.find("x:target", ns)
        if source is not None and len(source):
            raise ImportRejected(
                [
                    _("Segment %(id)s uses XLIFF inline elements; keep the markup as text.")
                    % {"id": unit.get("id", "?")}
                ]
            )
        units.append(
            (
                unit.get("id", ""),
                "".join(source.itertext()) if source is not None else "",
                "".join(target.itertext()) if target is not None else "",
                _("segment %(id)s") % {"id": unit.get("id", "?")},
            )
        )
    return meta, units


def _tags(text):
    return sorted(
        (closing, name.lower(), " ".join(attrs.split()))
        for closing, name, attrs in _TAG.findall(text)
    )


def validate(translation, data, file_format, partial=False):
    """Return the translations a valid file sets, as {segment id: text}; else raise.

    ``partial``: the file holds only some segments, and only those change."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportRejected(
            [_("The file is larger than %(size)s MB.") % {"size": MAX_FILE_BYTES // (1024 * 1024)}]
        )
    if file_format == "po":
        meta, units = _parse_po(data)
    elif file_format == "xliff":
        meta, units = _parse_xliff(data)
    else:
        raise ImportRejected([_("Upload a .po or .xlf/.xliff file.")])

    problems = []
    if meta["translation_id"] != str(translation.uuid):
        problems.append(_("This file belongs to another statement or language."))
    if meta["language"] and meta["language"] != translation.target_locale.language_code:
        problems.append(
            _("This file is for %(found)s, not %(expected)s.")
            % {"found": meta["language"], "expected": translation.target_locale.language_code}
        )
    if problems:
        raise ImportRejected(problems)

    known = {segment_id: source for segment_id, source, _target in units_for(translation)}
    accepted, seen = {}, set()
    for segment_id, source, target, where in units:
        if segment_id in seen:
            problem = _("%(where)s: segment “%(id)s” is in the file more than once.")
        else:
            problem = _unit_problem(known, segment_id, source, target)
        seen.add(segment_id)
        if problem:
            character = control_character_in(target)
            problems.append(problem % {"where": where, "id": segment_id, "character": character})
        elif target.strip():
            accepted[segment_id] = target
    missing = [segment_id for segment_id in known if segment_id not in seen]
    if missing and not partial:
        problems.append(
            _(
                "Segments missing from the file: %(segments)s. Export the file again, or "
                "tick “This file is partial” to import only the segments it holds."
            )
            % {"segments": ", ".join(missing)}
        )
    if problems:
        raise ImportRejected(problems)
    return accepted


def _unit_problem(known, segment_id, source, target):
    """What is wrong with one unit of a file, as a message to fill in, or None."""
    if segment_id not in known:
        return _("%(where)s: unknown segment id “%(id)s”.")
    if source != known[segment_id]:
        return _("%(where)s: the source text differs from the statement's; export the file again.")
    if control_character_in(target):
        return _(
            "%(where)s: the translation of segment “%(id)s” holds a control character "
            "(%(character)s), which is not text."
        )
    if not target.strip():
        return None
    if len(target) > MAX_TARGET_LENGTH:
        return _("%(where)s: the translation is too long.")
    if _tags(target) != _tags(source):
        return _(
            "%(where)s: the inline markup differs from the source (links and formatting "
            "must stay as they are)."
        )
    if sorted(_PLACEHOLDER.findall(target)) != sorted(_PLACEHOLDER.findall(source)):
        return _("%(where)s: a placeholder is missing or added.")
    if "<" not in source and "<" in html.unescape(target):
        return _("%(where)s: markup is not allowed here.")
    return None


def apply(translation, accepted, user, tool_name):
    segments = {
        s.context.path: s
        for s in StringSegment.objects.filter(source=translation.source).select_related(
            "context", "string"
        )
    }
    for segment_id, text in accepted.items():
        segment = segments[segment_id]
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={
                "data": text,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "tool_name": tool_name,
                "last_translated_by": user,
                "has_error": False,
            },
        )
    return len(accepted)
