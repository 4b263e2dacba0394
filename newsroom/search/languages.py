"""How each content language is searched: its PostgreSQL configuration, or by substring.

A row is matched in its own language, so the choice is made per row, from its locale's
language code, not once per backend as Wagtail's search does.
"""

# PostgreSQL's built-in text-search configurations (PostgreSQL 14+, as Django 5.2
# requires), by language code. Any other language is searched with 'simple': no
# stemming and no stop words, but exact words still match.
TEXT_SEARCH_CONFIGS = {
    "ar": "arabic",
    "ca": "catalan",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "eu": "basque",
    "fi": "finnish",
    "fr": "french",
    "ga": "irish",
    "hi": "hindi",
    "hu": "hungarian",
    "hy": "armenian",
    "id": "indonesian",
    "it": "italian",
    "lt": "lithuanian",
    "nb": "norwegian",
    "ne": "nepali",
    "nl": "dutch",
    "nn": "norwegian",
    "no": "norwegian",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sr": "serbian",
    "sv": "swedish",
    "ta": "tamil",
    "tr": "turkish",
    "yi": "yiddish",
}
# Written without spaces between words: matched by substring and trigrams.
UNSEGMENTED_LANGUAGES = {"ja", "ko", "zh"}
UNSEGMENTED_CODES = r"^({})([-_]|$)".format("|".join(sorted(UNSEGMENTED_LANGUAGES)))


def _base_language(language_code):
    return (language_code or "").split("-")[0].split("_")[0].lower()


def text_search_config(language_code):
    """The PostgreSQL text-search configuration for a language ('simple' if none)."""
    return TEXT_SEARCH_CONFIGS.get(_base_language(language_code), "simple")


def is_unsegmented(language_code):
    return _base_language(language_code) in UNSEGMENTED_LANGUAGES
