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
        # A late edit to the words voids the signatures already given.
        "edited_after": [
            "Sanctions are a tool to change conduct; they must never deny people food, "
            "medicine or shelter."
        ],
    },
]
