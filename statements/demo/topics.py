"""Demo topics; slugs are ASCII and shared by every language."""

TOPICS = [
    {
        "slug": "sanctions",
        "name": {
            "en": "Sanctions",
            "fr": "Sanctions",
            "de": "Sanktionen",
            "it": "Sanzioni",
            "ja": "制裁",
            "ko": "제재",
            "nl": "Sancties",
        },
    },
    {
        "slug": "non-proliferation",
        "name": {
            "en": "Non-proliferation",
            "fr": "Non-prolifération",
            "de": "Nichtverbreitung",
            "it": "Non proliferazione",
            "ja": "不拡散",
            "ko": "비확산",
            "nl": "Non-proliferatie",
        },
    },
    {
        "slug": "international-security",
        "name": {
            "en": "International security",
            "fr": "Sécurité internationale",
            "de": "Internationale Sicherheit",
            "it": "Sicurezza internazionale",
            "ja": "国際安全保障",
            "ko": "국제안보",
            "nl": "Internationale veiligheid",
        },
    },
    {
        "slug": "human-rights",
        "name": {
            "en": "Human rights",
            "fr": "Droits de l’homme",
            "de": "Menschenrechte",
            "it": "Diritti umani",
            "ja": "人権",
            "ko": "인권",
            "nl": "Mensenrechten",
        },
    },
    {
        "slug": "trade",
        "name": {
            "en": "Trade",
            "fr": "Commerce",
            "de": "Handel",
            "it": "Commercio",
            "ja": "貿易",
            "ko": "통상",
            "nl": "Handel",
        },
    },
    {
        "slug": "climate",
        "name": {
            "en": "Climate",
            "fr": "Climat",
            "de": "Klima",
            "it": "Clima",
            "ja": "気候変動",
            "ko": "기후변화",
            "nl": "Klimaat",
        },
    },
]
