"""Demo site frame: home and newsroom titles in every configured language."""

HOME = {
    "en": {
        "title": "Communiqué",
        "intro": "Joint statements and press releases from the participating governments, "
        "released at the same moment in every language.",
    },
    "fr": {
        "title": "Communiqué",
        "intro": "Déclarations communes et communiqués de presse des gouvernements "
        "participants, publiés au même moment dans toutes les langues.",
    },
    "de": {
        "title": "Communiqué",
        "intro": "Gemeinsame Erklärungen und Pressemitteilungen der beteiligten Regierungen, "
        "zeitgleich in allen Sprachen veröffentlicht.",
    },
    "it": {
        "title": "Communiqué",
        "intro": "Dichiarazioni congiunte e comunicati stampa dei governi partecipanti, "
        "pubblicati nello stesso momento in tutte le lingue.",
    },
    "ja": {
        "title": "Communiqué",
        "intro": "参加各国政府による共同声明とプレスリリースを、すべての言語で同時に公表します。",
    },
    "ko": {
        "title": "Communiqué",
        "intro": "참여국 정부의 공동성명과 보도자료를 모든 언어로 동시에 공개합니다.",
    },
    "nl": {
        "title": "Communiqué",
        "intro": "Gezamenlijke verklaringen en persberichten van de deelnemende regeringen, "
        "op hetzelfde moment in alle talen gepubliceerd.",
    },
}

NEWSROOM = {
    "en": {"title": "Newsroom", "intro": "Every released statement, newest first."},
    "fr": {
        "title": "Salle de presse",
        "intro": "Toutes les déclarations publiées, des plus récentes aux plus anciennes.",
    },
    "de": {
        "title": "Pressebereich",
        "intro": "Alle veröffentlichten Erklärungen, die neuesten zuerst.",
    },
    "it": {
        "title": "Sala stampa",
        "intro": "Tutte le dichiarazioni pubblicate, dalle più recenti.",
    },
    "ja": {"title": "プレスルーム", "intro": "公表済みの声明を新しい順に掲載しています。"},
    "ko": {"title": "보도자료실", "intro": "공개된 모든 성명을 최신순으로 보여 줍니다."},
    "nl": {"title": "Perskamer", "intro": "Alle gepubliceerde verklaringen, de nieuwste eerst."},
}
