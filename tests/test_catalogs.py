"""Every configured language has a complete catalog of the interface strings."""

from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.mark.parametrize("code", LANGUAGES)
def test_catalog_is_complete(code):
    path = ROOT / "locale" / code / "LC_MESSAGES" / "django.po"
    assert path.exists(), f"missing catalog {path}"
    catalog = polib.pofile(str(path))
    assert len(catalog) > 50
    untranslated = [e.msgid for e in catalog.untranslated_entries()]
    fuzzy = [e.msgid for e in catalog.fuzzy_entries()]
    assert not untranslated, f"{code}: untranslated {untranslated[:5]}"
    assert not fuzzy, f"{code}: fuzzy {fuzzy[:5]}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_placeholders_survive_translation(code):
    import re

    catalog = polib.pofile(str(ROOT / "locale" / code / "LC_MESSAGES" / "django.po"))
    pattern = re.compile(r"%\(\w+\)s|\{\w+\}")
    for entry in catalog.translated_entries():
        expected = sorted(pattern.findall(entry.msgid))
        if entry.msgstr_plural:
            allowed = set(pattern.findall(entry.msgid_plural)) | set(expected)
            for form in entry.msgstr_plural.values():
                assert set(pattern.findall(form)) <= allowed, (code, entry.msgid)
        else:
            assert sorted(pattern.findall(entry.msgstr)) == expected, (code, entry.msgid)
