"""Names of the demo's governments, contacts and topics in more languages.

The demo's rows are first written in the site's default language, so these are what
lets a site load it whose first language is any of the UN's six (Arabic, Chinese,
Russian and Spanish here) or Bulgarian, the first of the EU's 24 in protocol order.
``load_demo`` merges them into the tables of ``governments``, ``contacts`` and ``topics``.
"""

# code: (official name, short name, department)
GOVERNMENTS = {
    "ar": {
        "DE": (
            "حكومة جمهورية ألمانيا الاتحادية",
            "ألمانيا",
            "وزارة الخارجية الاتحادية الألمانية",
        ),
        "AU": ("الحكومة الأسترالية", "أستراليا", "وزارة الخارجية والتجارة الأسترالية"),
        "CA": ("حكومة كندا", "كندا", "وزارة الشؤون العالمية الكندية"),
        "US": ("حكومة الولايات المتحدة الأمريكية", "الولايات المتحدة", "وزارة الخارجية الأمريكية"),
        "FR": ("حكومة الجمهورية الفرنسية", "فرنسا", "وزارة أوروبا والشؤون الخارجية"),
        "IT": (
            "حكومة الجمهورية الإيطالية",
            "إيطاليا",
            "وزارة الخارجية والتعاون الدولي الإيطالية",
        ),
        "JP": ("حكومة اليابان", "اليابان", "وزارة خارجية اليابان"),
        "NZ": ("حكومة نيوزيلندا", "نيوزيلندا", "وزارة الخارجية والتجارة النيوزيلندية"),
        "NL": ("حكومة مملكة هولندا", "هولندا", "وزارة الخارجية الهولندية"),
        "KR": ("حكومة جمهورية كوريا", "جمهورية كوريا", "وزارة الخارجية الكورية"),
        "GB": (
            "حكومة المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية",
            "المملكة المتحدة",
            "وزارة الخارجية والكومنولث والتنمية البريطانية",
        ),
    },
    "bg": {
        "DE": (
            "Правителство на Федерална република Германия",
            "Германия",
            "Федерално министерство на външните работи на Германия",
        ),
        "AU": (
            "Правителство на Австралия",
            "Австралия",
            "Министерство на външните работи и търговията на Австралия",
        ),
        "CA": ("Правителство на Канада", "Канада", "Министерство на глобалните въпроси на Канада"),
        "US": (
            "Правителство на Съединените американски щати",
            "Съединените щати",
            "Държавен департамент на САЩ",
        ),
        "FR": (
            "Правителство на Френската република",
            "Франция",
            "Министерство на Европа и външните работи на Франция",
        ),
        "IT": (
            "Правителство на Италианската република",
            "Италия",
            "Министерство на външните работи и международното сътрудничество на Италия",
        ),
        "JP": ("Правителство на Япония", "Япония", "Министерство на външните работи на Япония"),
        "NZ": (
            "Правителство на Нова Зеландия",
            "Нова Зеландия",
            "Министерство на външните работи и търговията на Нова Зеландия",
        ),
        "NL": (
            "Правителство на Кралство Нидерландия",
            "Нидерландия",
            "Министерство на външните работи на Нидерландия",
        ),
        "KR": (
            "Правителство на Република Корея",
            "Република Корея",
            "Министерство на външните работи на Република Корея",
        ),
        "GB": (
            "Правителство на Обединеното кралство Великобритания и Северна Ирландия",
            "Обединеното кралство",
            "Министерство на външните работи, Британската общност и развитието на "
            "Обединеното кралство",
        ),
    },
}

GOVERNMENTS["es"] = {
    "DE": (
        "Gobierno de la República Federal de Alemania",
        "Alemania",
        "Ministerio Federal de Asuntos Exteriores de Alemania",
    ),
    "AU": (
        "Gobierno de Australia",
        "Australia",
        "Departamento de Asuntos Exteriores y Comercio de Australia",
    ),
    "CA": ("Gobierno de Canadá", "Canadá", "Ministerio de Asuntos Globales de Canadá"),
    "US": (
        "Gobierno de los Estados Unidos de América",
        "Estados Unidos",
        "Departamento de Estado de los Estados Unidos",
    ),
    "FR": (
        "Gobierno de la República Francesa",
        "Francia",
        "Ministerio de Europa y Asuntos Exteriores de Francia",
    ),
    "IT": (
        "Gobierno de la República Italiana",
        "Italia",
        "Ministerio de Asuntos Exteriores y Cooperación Internacional de Italia",
    ),
    "JP": ("Gobierno del Japón", "Japón", "Ministerio de Asuntos Exteriores del Japón"),
    "NZ": (
        "Gobierno de Nueva Zelandia",
        "Nueva Zelandia",
        "Ministerio de Relaciones Exteriores y Comercio de Nueva Zelandia",
    ),
    "NL": (
        "Gobierno del Reino de los Países Bajos",
        "Países Bajos",
        "Ministerio de Asuntos Exteriores de los Países Bajos",
    ),
    "KR": (
        "Gobierno de la República de Corea",
        "República de Corea",
        "Ministerio de Relaciones Exteriores de la República de Corea",
    ),
    "GB": (
        "Gobierno del Reino Unido de Gran Bretaña e Irlanda del Norte",
        "Reino Unido",
        "Ministerio de Asuntos Exteriores, de la Commonwealth y de Desarrollo del Reino Unido",
    ),
}
GOVERNMENTS["ru"] = {
    "DE": (
        "Правительство Федеративной Республики Германия",
        "Германия",
        "Федеральное министерство иностранных дел Германии",
    ),
    "AU": (
        "Правительство Австралии",
        "Австралия",
        "Министерство иностранных дел и торговли Австралии",
    ),
    "CA": ("Правительство Канады", "Канада", "Министерство глобальных дел Канады"),
    "US": (
        "Правительство Соединенных Штатов Америки",
        "Соединенные Штаты",
        "Государственный департамент США",
    ),
    "FR": (
        "Правительство Французской Республики",
        "Франция",
        "Министерство Европы и иностранных дел Франции",
    ),
    "IT": (
        "Правительство Итальянской Республики",
        "Италия",
        "Министерство иностранных дел и международного сотрудничества Италии",
    ),
    "JP": ("Правительство Японии", "Япония", "Министерство иностранных дел Японии"),
    "NZ": (
        "Правительство Новой Зеландии",
        "Новая Зеландия",
        "Министерство иностранных дел и торговли Новой Зеландии",
    ),
    "NL": (
        "Правительство Королевства Нидерландов",
        "Нидерланды",
        "Министерство иностранных дел Нидерландов",
    ),
    "KR": (
        "Правительство Республики Корея",
        "Республика Корея",
        "Министерство иностранных дел Республики Корея",
    ),
    "GB": (
        "Правительство Соединенного Королевства Великобритании и Северной Ирландии",
        "Соединенное Королевство",
        "Министерство иностранных дел, по делам Содружества и развития Соединенного Королевства",
    ),
}
GOVERNMENTS["zh-hans"] = {
    "DE": ("德意志联邦共和国政府", "德国", "德国联邦外交部"),
    "AU": ("澳大利亚政府", "澳大利亚", "澳大利亚外交贸易部"),
    "CA": ("加拿大政府", "加拿大", "加拿大全球事务部"),
    "US": ("美利坚合众国政府", "美国", "美国国务院"),
    "FR": ("法兰西共和国政府", "法国", "法国欧洲和外交部"),
    "IT": ("意大利共和国政府", "意大利", "意大利外交与国际合作部"),
    "JP": ("日本国政府", "日本", "日本外务省"),
    "NZ": ("新西兰政府", "新西兰", "新西兰外交贸易部"),
    "NL": ("荷兰王国政府", "荷兰", "荷兰外交部"),
    "KR": ("大韩民国政府", "大韩民国", "大韩民国外交部"),
    "GB": ("大不列颠及北爱尔兰联合王国政府", "英国", "英国外交、联邦和发展事务部"),
}

# code: government: (office, department, hours)
_AR_WEEK = "من الاثنين إلى الجمعة، من الساعة {} صباحًا إلى {} مساءً"
_BG_WEEK = "от понеделник до петък, от {} до {} ч."
CONTACTS = {
    "ar": {
        "CA": (
            "مكتب العلاقات الإعلامية",
            "وزارة الشؤون العالمية الكندية",
            _AR_WEEK.format("8:30", "5"),
        ),
        "JP": ("قسم الصحافة", "وزارة خارجية اليابان", _AR_WEEK.format("9:30", "6:15")),
        "DE": ("المكتب الصحفي", "وزارة الخارجية الاتحادية الألمانية", _AR_WEEK.format("9", "6")),
        "FR": (
            "مديرية الاتصال والصحافة",
            "وزارة أوروبا والشؤون الخارجية",
            _AR_WEEK.format("9", "7"),
        ),
        "GB": (
            "المكتب الإخباري لوزارة الخارجية والكومنولث والتنمية",
            "وزارة الخارجية والكومنولث والتنمية البريطانية",
            _AR_WEEK.format("9", "6") + "؛ ويتوفر موظف صحفي مناوب خارج هذه الساعات",
        ),
        "KR": ("مكتب المتحدث الرسمي", "وزارة الخارجية الكورية", _AR_WEEK.format("9", "6")),
        "IT": (
            "دائرة الصحافة والاتصال المؤسسي",
            "وزارة الخارجية والتعاون الدولي الإيطالية",
            _AR_WEEK.format("9", "7"),
        ),
        "NL": ("المكتب الصحفي", "وزارة الخارجية الهولندية", _AR_WEEK.format("9", "5:30")),
    },
    "bg": {
        "CA": (
            "Служба за връзки с медиите",
            "Министерство на глобалните въпроси на Канада",
            _BG_WEEK.format("8:30", "17:00"),
        ),
        "JP": (
            "Отдел „Преса“",
            "Министерство на външните работи на Япония",
            _BG_WEEK.format("9:30", "18:15"),
        ),
        "DE": (
            "Пресслужба",
            "Федерално министерство на външните работи на Германия",
            _BG_WEEK.format("9:00", "18:00"),
        ),
        "FR": (
            "Дирекция „Комуникация и преса“",
            "Министерство на Европа и външните работи на Франция",
            _BG_WEEK.format("9:00", "19:00"),
        ),
        "GB": (
            "Пресцентър на FCDO",
            "Министерство на външните работи, Британската общност и развитието на "
            "Обединеното кралство",
            _BG_WEEK.format("9:00", "18:00")
            + "; извън това време е на разположение дежурен служител за връзки с пресата",
        ),
        "KR": (
            "Кабинет на говорителя",
            "Министерство на външните работи на Република Корея",
            _BG_WEEK.format("9:00", "18:00"),
        ),
        "IT": (
            "Служба за преса и институционална комуникация",
            "Министерство на външните работи и международното сътрудничество на Италия",
            _BG_WEEK.format("9:00", "19:00"),
        ),
        "NL": (
            "Пресслужба",
            "Министерство на външните работи на Нидерландия",
            _BG_WEEK.format("9:00", "17:30"),
        ),
    },
}

_ES_WEEK = "De lunes a viernes, de {} a {}"
_RU_WEEK = "с понедельника по пятницу, с {} до {}"
_ZH_WEEK = "周一至周五 {}–{}"


def _contacts(offices, week, departments):
    """Each press office with its ministry's name and its hours, in one language."""
    hours = {
        "CA": ("8:30", "17:00"),
        "JP": ("9:30", "18:15"),
        "DE": ("9:00", "18:00"),
        "FR": ("9:00", "19:00"),
        "GB": ("9:00", "18:00"),
        "KR": ("9:00", "18:00"),
        "IT": ("9:00", "19:00"),
        "NL": ("9:00", "17:30"),
    }
    rows = {}
    for code, office in offices.items():
        text = week.format(*hours[code])
        if isinstance(office, tuple):  # an office with a note on its hours
            office, note = office
            text += note
        rows[code] = (office, departments[code][2], text)
    return rows


CONTACTS["es"] = _contacts(
    {
        "CA": "Oficina de Relaciones con los Medios",
        "JP": "División de Prensa",
        "DE": "Oficina de Prensa",
        "FR": "Dirección de Comunicación y Prensa",
        "GB": (
            "Servicio de noticias del FCDO",
            "; fuera de este horario hay un agregado de prensa de guardia",
        ),
        "KR": "Oficina del Portavoz",
        "IT": "Servicio de Prensa y Comunicación Institucional",
        "NL": "Oficina de Prensa",
    },
    _ES_WEEK,
    GOVERNMENTS["es"],
)
CONTACTS["ru"] = _contacts(
    {
        "CA": "Служба по связям со СМИ",
        "JP": "Отдел печати",
        "DE": "Пресс-служба",
        "FR": "Департамент коммуникации и печати",
        "GB": ("Пресс-служба FCDO", "; в остальное время на связи дежурный пресс-секретарь"),
        "KR": "Канцелярия официального представителя",
        "IT": "Служба печати и институциональной коммуникации",
        "NL": "Пресс-служба",
    },
    _RU_WEEK,
    GOVERNMENTS["ru"],
)
CONTACTS["zh-hans"] = _contacts(
    {
        "CA": "媒体关系办公室",
        "JP": "新闻处",
        "DE": "新闻办公室",
        "FR": "传播与新闻司",
        "GB": ("英国外交、联邦和发展事务部新闻室", "；工作时间以外有值班新闻官"),
        "KR": "发言人办公室",
        "IT": "新闻与机构传播处",
        "NL": "新闻办公室",
    },
    _ZH_WEEK,
    GOVERNMENTS["zh-hans"],
)

TOPICS = {
    "ar": {
        "sanctions": "العقوبات",
        "non-proliferation": "عدم الانتشار",
        "international-security": "الأمن الدولي",
        "human-rights": "حقوق الإنسان",
        "trade": "التجارة",
        "climate": "المناخ",
    },
    "bg": {
        "sanctions": "Санкции",
        "non-proliferation": "Неразпространение",
        "international-security": "Международна сигурност",
        "human-rights": "Права на човека",
        "trade": "Търговия",
        "climate": "Климат",
    },
    "es": {
        "sanctions": "Sanciones",
        "non-proliferation": "No proliferación",
        "international-security": "Seguridad internacional",
        "human-rights": "Derechos humanos",
        "trade": "Comercio",
        "climate": "Clima",
    },
    "ru": {
        "sanctions": "Санкции",
        "non-proliferation": "Нераспространение",
        "international-security": "Международная безопасность",
        "human-rights": "Права человека",
        "trade": "Торговля",
        "climate": "Климат",
    },
    "zh-hans": {
        "sanctions": "制裁",
        "non-proliferation": "不扩散",
        "international-security": "国际安全",
        "human-rights": "人权",
        "trade": "贸易",
        "climate": "气候",
    },
}


def merge(governments, contacts, topics):
    """Add the names above to the demo's tables, language by language."""
    for code, rows in GOVERNMENTS.items():
        for entry in governments:
            official, short, department = rows[entry["code"]]
            entry["official_name"][code] = official
            entry["short_name"][code] = short
            entry["department"][code] = department
    for code, rows in CONTACTS.items():
        for entry in contacts:
            office, department, hours = rows[entry["government"]]
            entry["office"][code] = office
            entry["department"][code] = department
            entry["hours"][code] = hours
    for code, names in TOPICS.items():
        for entry in topics:
            entry["name"][code] = names[entry["slug"]]
