"""The fingerprint of a statement's common words, and the frozen copy a signature keeps.

Covers what every government signs: title, summary, body and the set of
signatories. Leaves out the frame around the words (dateline, related links,
contacts, the order signatories are listed in, type labels) and anything that is not
content (StreamField block ids, rich-text block keys, database ids of images and
documents, which are replaced by their file hashes).
"""

import hashlib
import json
import re

from django.utils.html import strip_tags

_BLOCK_KEY = re.compile(r'\sdata-block-key="[^"]*"')
_SPACES = re.compile(r"\s+")


def normalize_rich_text(html):
    return _SPACES.sub(" ", _BLOCK_KEY.sub("", str(html or ""))).strip()


def _file_hash(obj):
    if obj is None:
        return None
    file_hash = getattr(obj, "file_hash", "") or ""
    if not file_hash and hasattr(obj, "get_file_hash"):
        file_hash = obj.get_file_hash()
    return file_hash or f"missing:{obj.pk}"


def normalize_block(block_type, value):
    """One body block as plain data, without ids; files by content hash."""
    if block_type == "paragraph":
        return {"html": normalize_rich_text(value.source if hasattr(value, "source") else value)}
    if block_type == "heading":
        return {"text": str(value).strip()}
    if block_type == "quotation":
        return {"quote": value["quote"].strip(), "attribution": value["attribution"].strip()}
    if block_type == "image":
        return {
            "image": _file_hash(value["image"]),
            "alt_text": value["alt_text"].strip(),
            "caption": value["caption"].strip(),
        }
    if block_type == "document":
        return {"document": _file_hash(value["document"]), "title": value["title"].strip()}
    if block_type == "embed":
        return {"url": getattr(value, "url", "") or ""}
    if block_type == "quick_facts":
        return {"title": value["title"].strip(), "items": [str(i).strip() for i in value["items"]]}
    raise ValueError(f"No fingerprint rule for body block {block_type!r}")


def common_words(page, include_signatories=True):
    """The signed content of a statement (or of one language version of it)."""
    words = {
        "title": page.title.strip(),
        "summary": (page.summary or "").strip(),
        "body": [
            {"type": block.block_type, **normalize_block(block.block_type, block.value)}
            for block in page.body
        ],
    }
    if include_signatories:
        signatories = [s.government for s in page.signatories.all() if s.government_id]
        words["signatories"] = sorted(str(g.translation_key) for g in signatories)
    return words


def translation_words(page):
    """The stored text of one language version: what its approvers approve."""
    words = common_words(page, include_signatories=False)
    words["dateline"] = (page.dateline or "").strip()
    return words


def fingerprint_of(words):
    canonical = json.dumps(words, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def frozen_copy(page, include_signatories=True):
    """What a person approved, kept with the approval: the words and readable names."""
    words = common_words(page, include_signatories=include_signatories)
    copy = {**words}
    if include_signatories:
        copy["signatory_names"] = [
            s.government.short_name for s in page.signatories.all() if s.government_id
        ]
    copy["text"] = readable_text(words)
    return copy


def readable_text(words):
    """The words as plain text, one line per field or block, for comparisons."""
    lines = [words["title"], words["summary"]]
    for block in words["body"]:
        if "html" in block:
            lines.append(strip_tags(block["html"]))
        elif "text" in block:
            lines.append(block["text"])
        elif "quote" in block:
            lines.append(f"“{block['quote']}” — {block['attribution']}".rstrip(" —"))
        elif "items" in block:
            lines.append(block["title"])
            lines.extend(f"• {item}" for item in block["items"])
        elif "title" in block:
            lines.append(block["title"])
        elif "url" in block:
            lines.append(block["url"])
    return [line for line in lines if line]


_CHUNK_END = re.compile(r"</(?:p|li|h[1-6]|blockquote)>|<br\s*/?>", re.IGNORECASE)


def numbered_text(words):
    """The body as a clearance document numbers it: (number, kind, text) for each
    paragraph, quotation, fact and file, and (None, "heading", text) for headings.
    Plain text; the stored HTML (formatting, link targets) is what the fingerprint
    covers, and the evidence pack carries it."""
    rows, number = [], 0

    def numbered(kind, text):
        nonlocal number
        if text:
            number += 1
            rows.append((number, kind, text))

    for block in words["body"]:
        if "html" in block:
            for chunk in _CHUNK_END.split(block["html"]):
                numbered("paragraph", _SPACES.sub(" ", strip_tags(chunk)).strip())
        elif "quote" in block:
            numbered("quotation", f"“{block['quote']}” — {block['attribution']}".rstrip(" —"))
        elif "items" in block:
            rows.append((None, "heading", block["title"]))
            for item in block["items"]:
                numbered("fact", item)
        elif "text" in block:
            rows.append((None, "heading", block["text"]))
        elif "image" in block:
            numbered("file", block["caption"] or block["alt_text"])
        elif "document" in block:
            numbered("file", block["title"])
        elif "url" in block:
            numbered("file", block["url"])
    return rows
