"""Unreleased demo statements, part-way through sign-off.

English only for now: their translations arrive with the translation workflow.
Each entry says who has signed, who asked for changes, and whether a later edit
voided earlier signatures, so the sign-off panel shows every state.
"""

PIPELINE = [
    {
        "key": "msmt-second-report",
        "slug": "joint-statement-msmt-second-report",
        "type": "joint_statement",
        "lead": "CA",
        "signatories": ["CA", "DE", "FR", "GB", "JP", "KR", "US"],
        "contacts": ["CA"],
        "topics": ["sanctions", "non-proliferation"],
        "release": "2026-12-10T09:00",
        "release_time_zone": "America/Toronto",
        "title": "Joint statement on the second report of the Multilateral Sanctions "
        "Monitoring Team",
        "summary": "The participating governments welcome the team's second report, on "
        "the DPRK's evasion of maritime sanctions.",
        "dateline": "Ottawa, Ontario",
        "body": [
            "The participating governments welcome the second report of the Multilateral "
            "Sanctions Monitoring Team, which examines how the DPRK moves sanctioned goods "
            "by sea.",
            "The report documents ship-to-ship transfers, falsified vessel identities and "
            "the use of flags of convenience to hide the origin of cargo.",
            "We call on every flag state, port state and insurer to apply the measures the "
            "Security Council has adopted, and to share what they learn.",
        ],
        "signed": ["DE", "FR", "GB"],
        "changes_requested": {},
        "edited_after": [],
        # Parallel to title, summary, dateline, body; None leaves a segment untranslated.
        "translations": {
            "fr": [
                "Déclaration commune sur le deuxième rapport de l’Équipe multilatérale de "
                "surveillance des sanctions",
                "Les gouvernements participants saluent le deuxième rapport de l’Équipe, "
                "consacré au contournement par la RPDC des sanctions maritimes.",
                "Ottawa (Ontario)",
                "Les gouvernements participants saluent le deuxième rapport de l’Équipe "
                "multilatérale de surveillance des sanctions, qui examine la manière dont la "
                "RPDC achemine par voie maritime des marchandises visées par les sanctions.",
                "Le rapport fait état de transbordements de navire à navire, de fausses "
                "identités de navires et du recours à des pavillons de complaisance pour "
                "dissimuler l’origine des cargaisons.",
                "Nous appelons chaque État du pavillon, chaque État du port et chaque assureur "
                "à appliquer les mesures adoptées par le Conseil de sécurité et à partager les "
                "informations qu’ils recueillent.",
            ],
            "ja": [
                "多国間制裁監視チームの第2回報告書に関する共同声明",
                "参加国政府は、北朝鮮による海上での制裁回避を扱った同チームの第2回報告書を"
                "歓迎する。",
                None,
                None,
                None,
                None,
            ],
        },
        "approved": {"fr": ["CA", "FR"]},
        "dropped": {},
    },
    {
        "key": "maritime-enforcement",
        "slug": "statement-maritime-sanctions-enforcement",
        "type": "statement",
        "lead": "GB",
        "signatories": ["GB", "AU", "JP", "NZ"],
        "contacts": ["GB", "JP"],
        "topics": ["sanctions", "international-security"],
        "release": "2026-12-15T10:00",
        "release_time_zone": "Europe/London",
        "title": "Statement on cooperation in enforcing maritime sanctions",
        "summary": "Four governments set out how their coast guards and navies will share "
        "information on suspected sanctions evasion at sea.",
        "dateline": "London",
        "body": [
            "Our governments will share information on vessels suspected of breaching "
            "Security Council sanctions, within the limits of our national laws.",
            "We will coordinate patrols in the waters where transfers have been observed, "
            "and report what we find to the Security Council's committee.",
        ],
        "translations": {
            "ja": [
                "海上制裁の執行における協力に関する声明",
                "4か国政府は、海上での制裁回避が疑われる事案について、沿岸警備隊と海軍が情報を"
                "共有する方法を示した。",
                "ロンドン",
                "我々の政府は、各国の国内法の範囲内で、安保理制裁に違反した疑いのある船舶に関する"
                "情報を共有する。",
                "我々は、積み替えが確認された海域での哨戒を調整し、その結果を安保理の委員会に報告"
                "する。",
            ],
        },
        "approved": {},
        "dropped": {},
        "signed": ["AU"],
        "changes_requested": {
            "JP": "Please name the Security Council committee in the second paragraph, as in "
            "our earlier joint statements."
        },
        "edited_after": [],
    },
    {
        "key": "humanitarian-exemptions",
        "slug": "statement-humanitarian-exemptions",
        "type": "joint_statement",
        "lead": "NL",
        "signatories": ["NL", "DE", "IT", "FR"],
        "contacts": ["NL", "DE"],
        "topics": ["sanctions", "human-rights"],
        "release": "2026-12-18T11:00",
        "release_time_zone": "Europe/Amsterdam",
        "title": "Joint statement on humanitarian exemptions to sanctions",
        "summary": "Four governments reaffirm that sanctions must not hinder humanitarian "
        "assistance.",
        "dateline": "The Hague",
        "body": [
            "Sanctions are a tool to change conduct, not to deny people food, medicine or shelter.",
            "We will keep humanitarian exemptions clear and workable, and we will help aid "
            "organisations and banks apply them with confidence.",
        ],
        "signed": ["DE", "IT"],
        "changes_requested": {},
        # Translated before the late edit below, so it shows as out of date.
        "translations": {
            "de": [
                "Gemeinsame Erklärung zu humanitären Ausnahmen von Sanktionen",
                "Vier Regierungen bekräftigen, dass Sanktionen humanitäre Hilfe nicht "
                "behindern dürfen.",
                "Den Haag",
                "Sanktionen sollen ein Verhalten ändern, nicht Menschen Nahrung, Medikamente "
                "oder Obdach vorenthalten.",
                "Wir werden humanitäre Ausnahmen klar und praktikabel halten und "
                "Hilfsorganisationen sowie Banken dabei unterstützen, sie mit Sicherheit "
                "anzuwenden.",
            ],
        },
        "approved": {},
        "dropped": {"it": "Rome will publish its own Italian text on the same day."},
        # A late edit to the words voids the signatures already given.
        "edited_after": [
            "Sanctions are a tool to change conduct; they must never deny people food, "
            "medicine or shelter."
        ],
    },
    {
        # Signed, translated and approved: its release is scheduled, so the release
        # queue, the partner kit and embargoed previews have something to show.
        "key": "cyber-norms",
        "slug": "joint-statement-responsible-state-behaviour-cyberspace",
        "type": "joint_statement",
        "lead": "CA",
        "signatories": ["CA", "FR"],
        "contacts": ["CA"],
        "topics": ["sanctions"],
        "release_in_days": 7,
        "release_time": "09:00",
        "release_time_zone": "America/Toronto",
        "title": "Joint statement on responsible state behaviour in cyberspace",
        "summary": "Canada and France reaffirm the framework of responsible state "
        "behaviour in cyberspace.",
        "dateline": "Ottawa, Ontario",
        "body": [
            "Canada and France reaffirm that international law applies in cyberspace.",
            "We will keep working with partners to hold to account those who act against it.",
        ],
        "signed": ["CA", "FR"],
        "changes_requested": {},
        "translations": {
            "fr": [
                "Déclaration commune sur le comportement responsable des États dans le cyberespace",
                "Le Canada et la France réaffirment le cadre du comportement responsable des "
                "États dans le cyberespace.",
                "Ottawa (Ontario)",
                "Le Canada et la France réaffirment que le droit international s’applique dans "
                "le cyberespace.",
                "Nous continuerons de travailler avec nos partenaires pour que ceux qui y "
                "contreviennent répondent de leurs actes.",
            ],
        },
        "approved": {"fr": ["CA", "FR"]},
        "dropped": {},
        "edited_after": [],
        "schedule": True,
    },
]
