"""The partner kit: the cleared text in every language, for partners' own sites.

Each signatory government loads the statement into its own website before the
instant. The kit carries exactly the text that was approved (the latest revision of
each language, which the release will publish), its fingerprint and the instant,
and says plainly that it is under embargo.
"""

import io

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from docx import Document
from docx.shared import Pt

from .fingerprint import fingerprint_of, translation_words
from .models import Release
from .queries.release import describe, release_problems, statement_zones
from .queries.signoff import current_fingerprint
from .timefmt import release_line

FORMATS = {
    "html": ("text/html; charset=utf-8", "html"),
    "txt": ("text/plain; charset=utf-8", "txt"),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "docx",
    ),
}


def _paragraphs(page):
    """The body as (kind, text) pairs, in plain text, for every kind of block."""
    rows = []
    for block in page.body:
        kind, value = block.block_type, block.value
        if kind == "paragraph":
            for chunk in (
                value.source.replace("</p>", "</p>\n").replace("</li>", "</li>\n").split("\n")
            ):
                text = strip_tags(chunk).strip()
                if text:
                    rows.append(("paragraph", text))
        elif kind == "heading":
            rows.append(("heading", str(value)))
        elif kind == "quotation":
            rows.append(("quotation", value["quote"]))
            if value["attribution"]:
                rows.append(("paragraph", f"— {value['attribution']}"))
        elif kind == "quick_facts":
            rows.append(("heading", value["title"]))
            rows += [("fact", fact) for fact in value["items"]]
        elif kind == "image":
            rows.append(("paragraph", value["caption"] or value["alt_text"]))
        elif kind == "document":
            document = value["document"]
            rows.append(("paragraph", value["title"] or (document.title if document else "")))
        elif kind == "embed":
            rows.append(("paragraph", getattr(value, "url", "") or ""))
    return [(kind, text) for kind, text in rows if text]


def kit_entry(statement, page, release):
    """One language version of the kit, as plain data."""
    revision = page.get_latest_revision()
    draft = revision.as_object()
    if draft.pk == statement.pk:
        fingerprint = current_fingerprint(statement).fingerprint
    else:
        fingerprint = fingerprint_of(translation_words(draft))
    language = page.locale.language_code
    with translation.override(language):
        names = [g.official_name for g in draft.issuing_governments]
        embargo = _("EMBARGOED until %(instant)s") % {
            "instant": release_line(release.release_at, statement_zones(statement), language)
        }
        issued = _("Issued by: {governments}").format(governments=", ".join(names))
    return {
        "language": language,
        "title": draft.title,
        "summary": draft.summary,
        "dateline": draft.dateline,
        "body": _paragraphs(draft),
        "issued_by": issued,
        "embargo": embargo,
        "release_at": release.release_at.isoformat(),
        "fingerprint": fingerprint,
        "revision": revision.pk,
        "contacts": [
            {
                "office": entry["contact"].office,
                "email": entry["contact"].email,
                "phone": entry["contact"].phone,
            }
            for entry in draft.media_contacts
        ],
    }


def as_text(entry):
    lines = [
        entry["embargo"],
        "",
        entry["title"],
        "",
        f"{entry['dateline']}",
        entry["issued_by"],
        "",
    ]
    lines += [entry["summary"], ""]
    lines += [text for _kind, text in entry["body"]]
    lines += [""] + [
        " · ".join(v for v in (c["office"], c["email"], c["phone"]) if v) for c in entry["contacts"]
    ]
    lines += ["", f"Release: {entry['release_at']}", f"Fingerprint: {entry['fingerprint']}"]
    return "\n".join(lines).strip() + "\n"


def as_html(entry):
    return render_to_string("statements/partner_kit.html", {"entry": entry})


def as_docx(entry):
    document = Document()
    document.core_properties.title = entry["title"]
    document.core_properties.language = entry["language"]
    document.core_properties.comments = f"{entry['release_at']} {entry['fingerprint']}"
    embargo = document.add_paragraph()
    run = embargo.add_run(entry["embargo"])
    run.bold = True
    document.add_heading(entry["title"], level=1)
    document.add_paragraph(entry["dateline"])
    document.add_paragraph(entry["issued_by"])
    summary = document.add_paragraph(entry["summary"])
    summary.runs[0].italic = True
    for kind, text in entry["body"]:
        if kind == "heading":
            document.add_heading(text, level=2)
        elif kind == "quotation":
            document.add_paragraph(text, style="Quote")
        elif kind == "fact":
            document.add_paragraph(text, style="List Bullet")
        else:
            document.add_paragraph(text)
    for contact in entry["contacts"]:
        document.add_paragraph(
            " · ".join(v for v in (contact["office"], contact["email"], contact["phone"]) if v)
        )
    footer = document.add_paragraph(
        f"Release: {entry['release_at']} · Fingerprint: {entry['fingerprint']}"
    )
    for run in footer.runs:
        run.font.size = Pt(8)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def render(entry, file_format):
    if file_format == "txt":
        return as_text(entry).encode()
    if file_format == "html":
        return as_html(entry).encode()
    return as_docx(entry)


def kit_refusal(statement, release):
    """Why the kit cannot be had now, or None: only a cleared, scheduled statement."""
    if release is None or release.state != Release.State.SCHEDULED:
        return _("The partner kit is available once the release is scheduled.")
    problems = release_problems(statement, release.language_code)
    if problems:
        return " ".join(describe(p) for p in problems)
    return None
