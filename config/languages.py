"""The site's languages: any BCP 47 tag, and an interface that falls back whole.

Django knows a language only if its table (``django.conf.locale.LANG_INFO``) has it and
a catalog exists for it somewhere; Maltese has neither, bare ``zh`` no entry. This
module is the one place that extends Django for the languages ``LANGUAGES`` names
(docs/adr/0018):

- ``extend_language_table`` adds each tag Django lacks to ``LANG_INFO`` with its
  English name, its own name and its direction, read from the CLDR (Babel), so
  ``get_language_info``, the switcher and ``dir`` work for it as for Django's own.
- ``install_interface_fallback`` makes a language with no catalog of ours use the
  default language's interface as a whole: every string, Django's and Wagtail's too,
  comes from the default language, never a patchwork of Django's few translated
  strings and English. ``interface_language`` says which language that is, so the
  templates mark the interface text with its own ``lang``.
"""

import functools
import gettext as gettext_module
import re

from babel import Locale as BabelLocale
from babel import UnknownLocaleError
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed

# The language of the msgids: the interface's last resort, whose catalog we ship.
SOURCE_LANGUAGE = "en"
# Django's own list (global_settings.LANGUAGES_BIDI); configured right-to-left
# languages are added to it.
DJANGO_BIDI = ["he", "ar", "ar-dz", "ckb", "fa", "ug", "ur"]
_TAG = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})*$")


def normalize_tag(tag):
    """``zh_Hans`` and ``zh-Hans`` are Django's ``zh-hans``: lower case, hyphens."""
    return tag.strip().replace("_", "-").lower()


def _babel_locale(code):
    parts = code.split("-")
    # CLDR writes a script subtag in title case and a region in upper case.
    rest = [p.title() if len(p) == 4 else p.upper() if len(p) == 2 else p for p in parts[1:]]
    return BabelLocale.parse("_".join([parts[0], *rest]))


def extend_language_table(codes):
    """Give every code in ``codes`` an entry in Django's language table.

    Entries Django has are kept as they are; a tag it lacks gets the CLDR's names and
    direction. A tag that is not a language tag, or that the CLDR does not know,
    stops the start with a message saying which.
    """
    for code in codes:
        if not _TAG.match(code):
            raise ImproperlyConfigured(
                f"LANGUAGES names {code!r}, which is not a BCP 47 language tag (such as "
                "'mt' or 'zh-hans')"
            )
        if code in LANG_INFO:
            continue
        try:
            locale = _babel_locale(code)
        except (UnknownLocaleError, ValueError) as exc:
            raise ImproperlyConfigured(
                f"LANGUAGES names {code!r}, a language neither Django nor the CLDR knows"
            ) from exc
        LANG_INFO[code] = {
            "bidi": locale.character_order == "right-to-left",
            "code": code,
            "name": locale.get_display_name("en"),
            "name_local": locale.get_display_name(locale),
        }


def language_settings(codes):
    """``LANGUAGES`` and ``LANGUAGES_BIDI`` for the configured tags, in their order."""
    codes = [normalize_tag(code) for code in codes]
    if not codes:
        raise ImproperlyConfigured("LANGUAGES must name at least one language")
    if len(set(codes)) != len(codes):
        raise ImproperlyConfigured(f"LANGUAGES names a language twice: {codes}")
    extend_language_table(codes)
    info = {code: _info(code) for code in codes}
    languages = [(code, info[code]["name_local"]) for code in codes]
    bidi = DJANGO_BIDI + [c for c in codes if info[c]["bidi"] and c not in DJANGO_BIDI]
    return languages, bidi


def _info(code):
    entry = LANG_INFO[code]
    if "fallback" in entry:  # Django's aliases, such as zh-cn for zh-hans
        return LANG_INFO[entry["fallback"][0]]
    return entry


# --- the interface without a catalog ------------------------------------------------


@functools.lru_cache(maxsize=256)
def _has_catalog(code, locale_paths):
    # Imported here: trans_real needs settings, which import this module.
    from django.utils.translation import to_locale

    return any(
        gettext_module.find("django", path, [to_locale(code)]) is not None for path in locale_paths
    )


def has_catalog(code):
    """Whether our own catalogs (``LOCALE_PATHS``) translate the interface into ``code``."""
    from django.conf import settings  # imported here: settings import this module

    return _has_catalog(code, tuple(str(p) for p in settings.LOCALE_PATHS))


def interface_language(code):
    """The language the interface is shown in for ``code``: itself with a catalog of
    ours, else the default language, else the msgids' own language."""
    from django.conf import settings  # imported here: settings import this module

    if not code or has_catalog(code):
        return code
    if has_catalog(settings.LANGUAGE_CODE):
        return settings.LANGUAGE_CODE
    return SOURCE_LANGUAGE


def install_interface_fallback():
    """Route Django's translation lookup through ``interface_language``.

    Django gives a language it has no catalog for no URL prefix at all (its
    ``check_for_language`` looks for a catalog file), and merges whatever catalogs
    exist for a language with ours, so Irish pages would show Django's Irish form
    errors amid English. Django has no setting for either; this wraps the two
    functions of ``django.utils.translation.trans_real`` that decide them, once.
    """
    from django.utils.translation import to_language, trans_real  # needs settings

    if getattr(trans_real, "_communique_fallback", False):
        return
    django_translation = trans_real.translation
    django_check = trans_real.check_for_language

    def translation(language):
        cache = trans_real._translations
        if language not in cache:
            interface = interface_language(language)
            if interface != language:
                cache[language] = _renamed(django_translation(interface), language)
        return django_translation(language)

    def _renamed(base, language):
        # The default language's catalog under the configured language's name, so
        # get_language() (and with it Wagtail's locale and the URL prefix) stays that
        # language while every string comes from the default language's catalog.
        clone = trans_real.DjangoTranslation.__new__(type(base))
        clone.__dict__.update(base.__dict__)
        clone._DjangoTranslation__language = language
        clone._DjangoTranslation__locale = trans_real.to_locale(language)
        clone._DjangoTranslation__to_language = to_language(language)
        return clone

    @functools.lru_cache(maxsize=1000)
    def check_for_language(lang_code):
        from django.conf import settings  # read at call time: tests override it

        if lang_code in {code for code, _name in settings.LANGUAGES}:
            return True
        return django_check(lang_code)

    check_for_language.cache_clear = _clear_both(check_for_language.cache_clear, django_check)
    trans_real.translation = translation
    trans_real.check_for_language = check_for_language
    trans_real._communique_fallback = True
    setting_changed.connect(_extend_on_change, dispatch_uid="communique_language_table")


def _extend_on_change(setting, value, **kwargs):
    """A test that overrides LANGUAGES gets the table entries the settings would make."""
    if setting == "LANGUAGES" and value:
        extend_language_table([code for code, _name in value])


def _clear_both(clear_ours, django_check):
    def cache_clear():
        clear_ours()
        django_check.cache_clear()
        _has_catalog.cache_clear()

    return cache_clear
