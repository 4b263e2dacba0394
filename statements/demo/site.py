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

# The other languages of the EU's 24 and the UN's six: the frame only. The demo's
# statements, governments and contacts are in the seven languages above; in these
# languages a page shows them in the language they exist in, marked so (load_demo).
_MORE = {
    "bg": (
        "Съвместни изявления и прессъобщения на участващите правителства, публикувани "
        "едновременно на всички езици.",
        "Прессцентър",
        "Всички публикувани изявления, най-новите първи.",
    ),
    "es": (
        "Declaraciones conjuntas y comunicados de prensa de los gobiernos participantes, "
        "publicados al mismo tiempo en todos los idiomas.",
        "Sala de prensa",
        "Todas las declaraciones publicadas, de la más reciente a la más antigua.",
    ),
    "cs": (
        "Společná prohlášení a tiskové zprávy zúčastněných vlád, zveřejněné ve stejný "
        "okamžik ve všech jazycích.",
        "Tiskové centrum",
        "Všechna zveřejněná prohlášení, od nejnovějších.",
    ),
    "da": (
        "Fælles erklæringer og pressemeddelelser fra de deltagende regeringer, "
        "offentliggjort på samme tid på alle sprog.",
        "Presserum",
        "Alle offentliggjorte erklæringer, nyeste først.",
    ),
    "et": (
        "Osalevate valitsuste ühisavaldused ja pressiteated, mis avaldatakse kõigis keeltes "
        "samal hetkel.",
        "Pressikeskus",
        "Kõik avaldatud avaldused, uusimad eespool.",
    ),
    "el": (
        "Κοινές δηλώσεις και δελτία Τύπου των συμμετεχουσών κυβερνήσεων, που δημοσιεύονται "
        "την ίδια στιγμή σε όλες τις γλώσσες.",
        "Γραφείο Τύπου",
        "Όλες οι δημοσιευμένες δηλώσεις, πρώτα οι πιο πρόσφατες.",
    ),
    "ga": (
        "Ráitis chomhpháirteacha agus preaseisiúintí ó na rialtais rannpháirteacha, a "
        "eisítear ag an nóiméad céanna i ngach teanga.",
        "Seomra nuachta",
        "Gach ráiteas a eisíodh, an ceann is nuaí ar dtús.",
    ),
    "hr": (
        "Zajedničke izjave i priopćenja za medije vlada sudionica, objavljeni u istom "
        "trenutku na svim jezicima.",
        "Novinarsko središte",
        "Sve objavljene izjave, najnovije prve.",
    ),
    "lv": (
        "Iesaistīto valdību kopīgi paziņojumi un preses relīzes, kas publicētas vienlaikus "
        "visās valodās.",
        "Preses centrs",
        "Visi publicētie paziņojumi, jaunākie vispirms.",
    ),
    "lt": (
        "Dalyvaujančių vyriausybių bendri pareiškimai ir pranešimai spaudai, skelbiami tuo "
        "pačiu metu visomis kalbomis.",
        "Spaudos centras",
        "Visi paskelbti pareiškimai, naujausi pirmiausia.",
    ),
    "hu": (
        "A részt vevő kormányok közös nyilatkozatai és sajtóközleményei, minden nyelven egy "
        "időben közzétéve.",
        "Sajtószoba",
        "Minden közzétett nyilatkozat, a legújabbak elöl.",
    ),
    "mt": (
        "Dikjarazzjonijiet konġunti u stqarrijiet għall-istampa mill-gvernijiet "
        "parteċipanti, maħruġa fl-istess mument f’kull lingwa.",
        "Kamra tal-aħbarijiet",
        "Kull dikjarazzjoni maħruġa, l-aktar reċenti l-ewwel.",
    ),
    "pl": (
        "Wspólne oświadczenia i komunikaty prasowe rządów uczestniczących, publikowane w tej "
        "samej chwili we wszystkich językach.",
        "Biuro prasowe",
        "Wszystkie opublikowane oświadczenia, od najnowszych.",
    ),
    "pt": (
        "Declarações conjuntas e comunicados de imprensa dos governos participantes, "
        "publicados no mesmo momento em todas as línguas.",
        "Sala de imprensa",
        "Todas as declarações publicadas, das mais recentes para as mais antigas.",
    ),
    "ro": (
        "Declarații comune și comunicate de presă ale guvernelor participante, publicate în "
        "același moment în toate limbile.",
        "Centru de presă",
        "Toate declarațiile publicate, cele mai recente primele.",
    ),
    "sk": (
        "Spoločné vyhlásenia a tlačové správy zúčastnených vlád, zverejnené v rovnakom "
        "okamihu vo všetkých jazykoch.",
        "Tlačové centrum",
        "Všetky zverejnené vyhlásenia, od najnovších.",
    ),
    "sl": (
        "Skupne izjave in sporočila za javnost sodelujočih vlad, objavljeni ob istem "
        "trenutku v vseh jezikih.",
        "Središče za medije",
        "Vse objavljene izjave, najnovejše najprej.",
    ),
    "fi": (
        "Osallistuvien hallitusten yhteiset julkilausumat ja lehdistötiedotteet, jotka "
        "julkaistaan samalla hetkellä kaikilla kielillä.",
        "Uutishuone",
        "Kaikki julkaistut julkilausumat, uusimmat ensin.",
    ),
    "sv": (
        "Gemensamma uttalanden och pressmeddelanden från de deltagande regeringarna, "
        "publicerade i samma ögonblick på alla språk.",
        "Pressrum",
        "Alla publicerade uttalanden, de senaste först.",
    ),
    "ar": (
        "بيانات مشتركة وبيانات صحفية صادرة عن الحكومات المشاركة، تُنشر في اللحظة نفسها "
        "بجميع اللغات.",
        "المركز الإعلامي",
        "جميع البيانات الصادرة، الأحدث أولاً.",
    ),
    "ru": (
        "Совместные заявления и пресс-релизы правительств-участников, публикуемые "
        "одновременно на всех языках.",
        "Пресс-центр",
        "Все опубликованные заявления, сначала самые новые.",
    ),
    "zh-hans": (
        "各参与国政府的联合声明和新闻稿，以所有语言同时发布。",
        "新闻中心",
        "所有已发布的声明，按时间由新到旧排列。",
    ),
    "zh-hant": (
        "各參與國政府的聯合聲明和新聞稿，以所有語言同時發布。",
        "新聞中心",
        "所有已發布的聲明，按時間由新到舊排列。",
    ),
}
for _code, (_intro, _title, _newsroom_intro) in _MORE.items():
    HOME[_code] = {"title": "Communiqué", "intro": _intro}
    NEWSROOM[_code] = {"title": _title, "intro": _newsroom_intro}
