"""How text in each script is measured, compared and put in a URL.

Chinese, Japanese and Korean are measured in characters, as CAT tools and translation
agencies count them: Chinese and Japanese put no space between words, and Korean,
which does, is still quoted per character. Every other language is measured in words.
"""

import html
import re
import unicodedata

from django.utils.html import strip_tags
from django.utils.text import slugify

# Primary language subtags measured in characters (zh covers zh-hans, zh-hant, zh-tw).
CHARACTER_LANGUAGES = frozenset({"ja", "ko", "zh"})


def counts_characters(language_code):
    """True for a language whose text is measured, and compared, character by character."""
    primary = (language_code or "").replace("_", "-").split("-", 1)[0].lower()
    return primary in CHARACTER_LANGUAGES


# Han (with its extensions), kana and Hangul: the scripts written without spaces between
# words, or (Hangul) counted per character.
_CHARACTER_SCRIPT = re.compile(
    "[\u1100-\u11ff\u2e80-\u2fdf\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf"
    "\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003134f]"
)


def has_character_script(text):
    """The text holds Chinese, Japanese or Korean characters."""
    return bool(_CHARACTER_SCRIPT.search(text or ""))


def plain_text(text):
    """The words of a segment as a reader sees them: no markup, entities decoded."""
    return html.unescape(strip_tags(text or ""))


def measure(text, language_code):
    """Characters (spaces excluded) for ja, ko and zh; words for any other language."""
    text = plain_text(text)
    if counts_characters(language_code):
        return sum(1 for character in text if not character.isspace())
    return len(text.split())


def _is_latin(text):
    """Every letter is an ASCII letter once its accents are taken off."""
    decomposed = unicodedata.normalize("NFKD", text)
    return all(
        character.isascii() for character in decomposed if unicodedata.category(character)[0] == "L"
    )


def slug_for(title, allow_unicode=True):
    """The URL slug of a title: ASCII for Latin script (accents dropped, as
    ``déclaration`` becomes ``declaration``), Unicode where the script needs it
    (Japanese, Korean, Arabic, Cyrillic...), when Unicode slugs are allowed."""
    title = title or ""
    if allow_unicode and not _is_latin(title):
        return slugify(title, allow_unicode=True)
    return slugify(title)
