"""The reader-visible text of a statement, read from the stored body without rendering it.

The PostgreSQL backend builds the same text in SQL (``postgres._BodyText``) from the
block names found here, so both backends search exactly the words a reader sees.
"""

import html
import json
import re

from django.utils.html import strip_tags
from wagtail.blocks import RichTextBlock
from wagtail.embeds.blocks import EmbedBlock

from statements.blocks import StatementBodyBlock

_WHITESPACE = re.compile(r"\s+")


def _body_block_kinds():
    """Top-level body block names holding rich text (HTML) and those holding no text."""
    children = StatementBodyBlock().child_blocks
    rich = [name for name, block in children.items() if isinstance(block, RichTextBlock)]
    skipped = [name for name, block in children.items() if isinstance(block, EmbedBlock)]
    return rich, skipped


RICH_TEXT_BLOCKS, NON_TEXT_BLOCKS = _body_block_kinds()


def _strings(value):
    """Every string in a block's raw value, except block types and ids."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in ("type", "id"):
                yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def body_text(body):
    """The reader-visible text of a statement body, as plain text.

    Works on the raw stored data, so no image or document is loaded. Rich text is
    stripped of its tags and entities; other text is taken as it is.
    """
    raw = getattr(body, "raw_data", body) or []
    if isinstance(raw, str):
        raw = json.loads(raw)
    parts = []
    for item in raw:
        if not isinstance(item, dict) or item.get("type") in NON_TEXT_BLOCKS:
            continue
        value = item.get("value")
        if item.get("type") in RICH_TEXT_BLOCKS and isinstance(value, str):
            parts.append(html.unescape(strip_tags(value.replace("<", " <"))))
        else:
            parts.extend(_strings(value))
    return _WHITESPACE.sub(" ", " ".join(parts)).strip()
