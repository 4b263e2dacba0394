"""Demo media contacts: the press offices listed on demo statements."""

CONTACTS = [
    {
        "government": "CA",
        "email": "media@international.gc.ca",
        "phone": "+1 343 203 7700",
        "office": {
            "en": "Media Relations Office",
            "fr": "Service des relations avec les médias",
            "de": "Medienstelle",
            "it": "Ufficio relazioni con i media",
            "ja": "報道担当室",
            "ko": "언론담당실",
            "nl": "Afdeling Mediarelaties",
        },
        "department": {
            "en": "Global Affairs Canada",
            "fr": "Affaires mondiales Canada",
            "de": "Global Affairs Canada (kanadisches Außenministerium)",
            "it": "Global Affairs Canada (Ministero degli Affari Esteri canadese)",
            "ja": "カナダ外務省",
            "ko": "캐나다 외교부",
            "nl": "Global Affairs Canada (Canadees ministerie van Buitenlandse Zaken)",
        },
        "hours": {
            "en": "Monday to Friday, 8:30 a.m. to 5 p.m.",
            "fr": "Du lundi au vendredi, de 8\u00a0h\u00a030 à 17\u00a0h",
            "de": "Montag bis Freitag, 8:30 bis 17:00 Uhr",
            "it": "Dal lunedì al venerdì, dalle 8:30 alle 17:00",
            "ja": "月曜日～金曜日 8:30～17:00",
            "ko": "월요일~금요일 08:30~17:00",
            "nl": "Maandag tot en met vrijdag, 8.30 tot 17.00 uur",
        },
    },
    {
        "government": "JP",
        "email": "press@mofa.go.jp",
        "phone": "+81 3 3580 3311",
        "office": {
            "en": "Press Division",
            "fr": "Division de la presse",
            "de": "Presseabteilung",
            "it": "Divisione Stampa",
            "ja": "報道課",
            "ko": "보도과",
            "nl": "Afdeling Pers",
        },
        "department": {
            "en": "Ministry of Foreign Affairs of Japan",
            "fr": "Ministère des Affaires étrangères du Japon",
            "de": "Japanisches Außenministerium",
            "it": "Ministero degli Affari Esteri del Giappone",
            "ja": "外務省",
            "ko": "일본 외무성",
            "nl": "Japans ministerie van Buitenlandse Zaken",
        },
        "hours": {
            "en": "Monday to Friday, 9:30 a.m. to 6:15 p.m.",
            "fr": "Du lundi au vendredi, de 9\u00a0h\u00a030 à 18\u00a0h\u00a015",
            "de": "Montag bis Freitag, 9:30 bis 18:15 Uhr",
            "it": "Dal lunedì al venerdì, dalle 9:30 alle 18:15",
            "ja": "平日 9:30～18:15",
            "ko": "월요일~금요일 09:30~18:15",
            "nl": "Maandag tot en met vrijdag, 9.30 tot 18.15 uur",
        },
    },
    {
        "government": "DE",
        "email": "presse@diplo.de",
        "phone": "+49 30 1817 2453",
        "office": {
            "en": "Press Office",
            "fr": "Service de presse",
            "de": "Pressereferat",
            "it": "Ufficio stampa",
            "ja": "報道室",
            "ko": "공보실",
            "nl": "Persdienst",
        },
        "department": {
            "en": "Federal Foreign Office",
            "fr": "Ministère fédéral allemand des Affaires étrangères",
            "de": "Auswärtiges Amt",
            "it": "Ministero federale degli Affari Esteri della Germania",
            "ja": "ドイツ連邦外務省",
            "ko": "독일 연방외교부",
            "nl": "Duits ministerie van Buitenlandse Zaken",
        },
        "hours": {
            "en": "Monday to Friday, 9 a.m. to 6 p.m.",
            "fr": "Du lundi au vendredi, de 9\u00a0h à 18\u00a0h",
            "de": "Montag bis Freitag, 9:00 bis 18:00 Uhr",
            "it": "Dal lunedì al venerdì, dalle 9:00 alle 18:00",
            "ja": "月曜日～金曜日 9:00～18:00",
            "ko": "월요일~금요일 09:00~18:00",
            "nl": "Maandag tot en met vrijdag, 9.00 tot 18.00 uur",
        },
    },
    {
        "government": "FR",
        "email": "presse.dcp@diplomatie.gouv.fr",
        "phone": "+33 1 43 17 53 53",
        "office": {
            "en": "Communication and Press Directorate",
            "fr": "Direction de la communication et de la presse",
            "de": "Direktion Kommunikation und Presse",
            "it": "Direzione della comunicazione e della stampa",
            "ja": "広報・報道局",
            "ko": "공보언론국",
            "nl": "Directie Communicatie en Pers",
        },
        "department": {
            "en": "Ministry for Europe and Foreign Affairs",
            "fr": "Ministère de l’Europe et des Affaires étrangères",
            "de": "Französisches Ministerium für Europa und auswärtige Angelegenheiten",
            "it": "Ministero dell’Europa e degli Affari Esteri della Francia",
            "ja": "フランス欧州・外務省",
            "ko": "프랑스 유럽외교부",
            "nl": "Frans ministerie van Europa en Buitenlandse Zaken",
        },
        "hours": {
            "en": "Monday to Friday, 9 a.m. to 7 p.m.",
            "fr": "Du lundi au vendredi, de 9\u00a0h à 19\u00a0h",
            "de": "Montag bis Freitag, 9:00 bis 19:00 Uhr",
            "it": "Dal lunedì al venerdì, dalle 9:00 alle 19:00",
            "ja": "月曜日～金曜日 9:00～19:00",
            "ko": "월요일~금요일 09:00~19:00",
            "nl": "Maandag tot en met vrijdag, 9.00 tot 19.00 uur",
        },
    },
    {
        "government": "GB",
        "email": "newsdesk@fcdo.gov.uk",
        "phone": "+44 20 7008 3100",
        "office": {
            "en": "FCDO Newsdesk",
            "fr": "Service de presse du FCDO",
            "de": "Pressestelle des FCDO",
            "it": "Ufficio stampa del FCDO",
            "ja": "FCDO報道室",
            "ko": "FCDO 언론실",
            "nl": "Persdienst van het FCDO",
        },
        "department": {
            "en": "Foreign, Commonwealth & Development Office",
            "fr": (
                "Ministère britannique des Affaires étrangères, du Commonwealth et du Développement"
            ),
            "de": "Britisches Außen-, Commonwealth- und Entwicklungsministerium",
            "it": "Ministero degli Esteri, del Commonwealth e dello Sviluppo del Regno Unito",
            "ja": "英国外務・英連邦・開発省",
            "ko": "영국 외무·영연방·개발부",
            "nl": "Brits ministerie van Buitenlandse Zaken, Gemenebest en Ontwikkeling",
        },
        "hours": {
            "en": (
                "Monday to Friday, 9 a.m. to 6 p.m.; a duty press officer is available "
                "outside these hours"
            ),
            "fr": (
                "Du lundi au vendredi, de 9\u00a0h à 18\u00a0h\u202f; en dehors "
                "de ces horaires, un attaché de presse de permanence peut être joint"
            ),
            "de": (
                "Montag bis Freitag, 9:00 bis 18:00 Uhr; außerhalb dieser Zeiten "
                "ist ein Pressereferent in Bereitschaft erreichbar"
            ),
            "it": (
                "Dal lunedì al venerdì, dalle 9:00 alle 18:00; al di fuori di "
                "questi orari è reperibile un addetto stampa di turno"
            ),
            "ja": "月曜日～金曜日 9:00～18:00。時間外は当番の報道担当官が対応します。",
            "ko": "월요일~금요일 09:00~18:00. 업무시간 외에는 당직 공보관이 응대합니다.",
            "nl": (
                "Maandag tot en met vrijdag, 9.00 tot 18.00 uur; buiten deze tijden "
                "is een dienstdoende persvoorlichter bereikbaar"
            ),
        },
    },
    {
        "government": "KR",
        "email": "press@mofa.go.kr",
        "phone": "+82 2 2100 7044",
        "office": {
            "en": "Office of the Spokesperson",
            "fr": "Bureau du porte-parole",
            "de": "Büro des Sprechers",
            "it": "Ufficio del Portavoce",
            "ja": "報道官室",
            "ko": "대변인실",
            "nl": "Bureau van de woordvoerder",
        },
        "department": {
            "en": "Ministry of Foreign Affairs",
            "fr": "Ministère des Affaires étrangères de la République de Corée",
            "de": "Außenministerium der Republik Korea",
            "it": "Ministero degli Affari Esteri della Repubblica di Corea",
            "ja": "韓国外交部",
            "ko": "외교부",
            "nl": "Ministerie van Buitenlandse Zaken van de Republiek Korea",
        },
        "hours": {
            "en": "Monday to Friday, 9 a.m. to 6 p.m.",
            "fr": "Du lundi au vendredi, de 9\u00a0h à 18\u00a0h",
            "de": "Montag bis Freitag, 9:00 bis 18:00 Uhr",
            "it": "Dal lunedì al venerdì, dalle 9:00 alle 18:00",
            "ja": "月曜日～金曜日 9:00～18:00",
            "ko": "평일 09:00~18:00",
            "nl": "Maandag tot en met vrijdag, 9.00 tot 18.00 uur",
        },
    },
    {
        "government": "IT",
        "email": "stampa@esteri.it",
        "phone": "+39 06 36911",
        "office": {
            "en": "Press and Institutional Communication Service",
            "fr": "Service de presse et de communication institutionnelle",
            "de": "Dienst für Presse und institutionelle Kommunikation",
            "it": "Servizio Stampa e Comunicazione Istituzionale",
            "ja": "報道・広報部",
            "ko": "언론·홍보실",
            "nl": "Dienst Pers en Institutionele Communicatie",
        },
        "department": {
            "en": "Ministry of Foreign Affairs and International Cooperation",
            "fr": "Ministère italien des Affaires étrangères et de la Coopération internationale",
            "de": (
                "Italienisches Ministerium für auswärtige Angelegenheiten und internationale "
                "Zusammenarbeit"
            ),
            "it": "Ministero degli Affari Esteri e della Cooperazione Internazionale",
            "ja": "イタリア外務・国際協力省",
            "ko": "이탈리아 외교국제협력부",
            "nl": "Italiaans ministerie van Buitenlandse Zaken en Internationale Samenwerking",
        },
        "hours": {
            "en": "Monday to Friday, 9 a.m. to 7 p.m.",
            "fr": "Du lundi au vendredi, de 9\u00a0h à 19\u00a0h",
            "de": "Montag bis Freitag, 9:00 bis 19:00 Uhr",
            "it": "Dal lunedì al venerdì, dalle 9:00 alle 19:00",
            "ja": "月曜日～金曜日 9:00～19:00",
            "ko": "월요일~금요일 09:00~19:00",
            "nl": "Maandag tot en met vrijdag, 9.00 tot 19.00 uur",
        },
    },
    {
        "government": "NL",
        "email": "persvoorlichting@minbuza.nl",
        "phone": "+31 70 348 6486",
        "office": {
            "en": "Press Office",
            "fr": "Service de presse",
            "de": "Pressestelle",
            "it": "Ufficio stampa",
            "ja": "報道室",
            "ko": "언론담당관실",
            "nl": "Persvoorlichting",
        },
        "department": {
            "en": "Ministry of Foreign Affairs",
            "fr": "Ministère néerlandais des Affaires étrangères",
            "de": "Niederländisches Außenministerium",
            "it": "Ministero degli Affari Esteri dei Paesi Bassi",
            "ja": "オランダ外務省",
            "ko": "네덜란드 외교부",
            "nl": "Ministerie van Buitenlandse Zaken",
        },
        "hours": {
            "en": "Monday to Friday, 9 a.m. to 5.30 p.m.",
            "fr": "Du lundi au vendredi, de 9\u00a0h à 17\u00a0h\u00a030",
            "de": "Montag bis Freitag, 9:00 bis 17:30 Uhr",
            "it": "Dal lunedì al venerdì, dalle 9:00 alle 17:30",
            "ja": "月曜日～金曜日 9:00～17:30",
            "ko": "월요일~금요일 09:00~17:30",
            "nl": "Maandag tot en met vrijdag, 9.00 tot 17.30 uur",
        },
    },
]
