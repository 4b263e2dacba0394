"""Every catalog under locale/ is complete, and every configured language has one.

Catalogs are checked whether or not their language is configured: the project ships
catalogs for languages a deployment may switch on by `LANGUAGES` alone (ar, es, ru,
zh-hans beside the demo's seven), and one that has fallen behind would show a
patchwork of English the day it is configured.
"""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils.translation import to_locale

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "locale"
LANGUAGES = [code for code, _name in settings.LANGUAGES]
DOMAINS = ["django", "djangojs"]
# Every directory under locale/ with a catalog, configured or not (zh_Hans, not zh-hans).
LOCALES = sorted(path.parent.parent.name for path in LOCALE.glob("*/LC_MESSAGES/django.po"))
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd%]|\{\w*\}")


def load(locale, domain):
    return polib.pofile(str(LOCALE / locale / "LC_MESSAGES" / f"{domain}.po"))


def keys(catalog):
    return {(e.msgctxt, e.msgid, e.msgid_plural) for e in catalog if not e.obsolete}


def test_the_shipped_catalogs_are_found():
    assert {"en", "ar", "es", "ru", "zh_Hans", "ja"} <= set(LOCALES)


@pytest.mark.parametrize("code", LANGUAGES)
def test_configured_language_has_a_catalog(code):
    for domain in DOMAINS:
        path = LOCALE / to_locale(code) / "LC_MESSAGES" / f"{domain}.po"
        assert path.exists(), f"missing catalog {path}"


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("locale", LOCALES)
def test_catalog_is_complete(locale, domain):
    catalog = load(locale, domain)
    expected = keys(load("en", domain))
    assert len(expected) > 20
    assert keys(catalog) == expected, (
        f"{locale}: missing {sorted(expected - keys(catalog), key=str)[:5]}, "
        f"extra {sorted(keys(catalog) - expected, key=str)[:5]}"
    )
    untranslated = [e.msgid for e in catalog.untranslated_entries()]
    fuzzy = [e.msgid for e in catalog.fuzzy_entries()]
    assert not untranslated, f"{locale}: untranslated {untranslated[:5]}"
    assert not fuzzy, f"{locale}: fuzzy {fuzzy[:5]}"


@pytest.mark.parametrize("locale", LOCALES)
def test_plural_entries_have_every_form_of_the_language(locale):
    catalog = load(locale, "django")
    match = re.search(r"nplurals\s*=\s*(\d+)", catalog.metadata.get("Plural-Forms", ""))
    assert match, f"{locale}: no Plural-Forms header"
    forms = list(range(int(match.group(1))))
    for entry in catalog:
        if entry.msgid_plural:
            assert sorted(entry.msgstr_plural) == forms, (locale, entry.msgid)


@pytest.mark.parametrize("locale", LOCALES)
def test_placeholders_survive_translation(locale):
    for entry in load(locale, "django").translated_entries():
        expected = sorted(PLACEHOLDER.findall(entry.msgid))
        if entry.msgstr_plural:
            allowed = set(PLACEHOLDER.findall(entry.msgid_plural)) | set(expected)
            for form in entry.msgstr_plural.values():
                assert set(PLACEHOLDER.findall(form)) <= allowed, (locale, entry.msgid)
        else:
            assert sorted(PLACEHOLDER.findall(entry.msgstr)) == expected, (locale, entry.msgid)
