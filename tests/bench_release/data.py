"""Content for the release benchmark, built and scheduled under Django in a subprocess.

    python -m tests.bench_release.data build --statements 20 --eu 5 --wagtail 3
        Site in the seven interface languages and the EU's (``ALL_LANGUAGES``), seven
        signatory governments (en, fr, de, it, ja, ko, nl), and ``--statements``
        statements each signed and translated into the six other languages, ready to
        schedule. ``--eu`` statements of the EU's 27 governments in 24 languages
        (Django has no Maltese: Luxembourgish stands in). Also ``--wagtail`` plain
        Wagtail pages in the seven languages, as drafts. Prints one JSON line: ids and
        URL paths, and the newsroom listings' paths.

    python -m tests.bench_release.data schedule
        Sets Django up, prints ``ready``, then reads one JSON line from stdin: a list
        of ``{"kind": "release"|"wagtail", "id": ..., "at": <epoch seconds>}``. A
        statement is scheduled with ``ScheduleReleaseAction`` (which queues the Celery
        ETA task on commit); a Wagtail page gets ``go_live_at`` in every language and
        a published revision, which Wagtail holds until ``publish_scheduled`` runs.
        Prints one JSON line per item as it is scheduled, then ``done``.

Run with DJANGO_SETTINGS_MODULE, DATABASE_URL and REDIS_URL naming the bench's own
database and Redis database; never against real data.
"""

import argparse
import datetime
import json
import os
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
LANGUAGES = ("en", "fr", "de", "it", "ja", "ko", "nl")
# The EU's 24 official languages, Luxembourgish standing in for Maltese (not in Django).
EU_LANGUAGES = [
    "bg",
    "cs",
    "da",
    "de",
    "el",
    "en",
    "es",
    "et",
    "fi",
    "fr",
    "ga",
    "hr",
    "hu",
    "it",
    "lb",
    "lt",
    "lv",
    "nl",
    "pl",
    "pt",
    "ro",
    "sk",
    "sl",
    "sv",
]
ALL_LANGUAGES = LANGUAGES + tuple(code for code in EU_LANGUAGES if code not in LANGUAGES)
# Member states: (code, languages, time zone). France, Germany, Italy and the
# Netherlands are the seven-language run's governments.
EU_MEMBERS = [
    ("AT", ["de"], "Europe/Vienna"),
    ("BE", ["nl", "fr", "de"], "Europe/Brussels"),
    ("BG", ["bg"], "Europe/Sofia"),
    ("HR", ["hr"], "Europe/Zagreb"),
    ("CY", ["el"], "Asia/Nicosia"),
    ("CZ", ["cs"], "Europe/Prague"),
    ("DK", ["da"], "Europe/Copenhagen"),
    ("EE", ["et"], "Europe/Tallinn"),
    ("FI", ["fi", "sv"], "Europe/Helsinki"),
    ("FR", None, None),
    ("DE", None, None),
    ("GR", ["el"], "Europe/Athens"),
    ("HU", ["hu"], "Europe/Budapest"),
    ("IE", ["en", "ga"], "Europe/Dublin"),
    ("IT", None, None),
    ("LV", ["lv"], "Europe/Riga"),
    ("LT", ["lt"], "Europe/Vilnius"),
    ("LU", ["lb", "fr", "de"], "Europe/Luxembourg"),
    ("MT", ["en"], "Europe/Malta"),
    ("NL", None, None),
    ("PL", ["pl"], "Europe/Warsaw"),
    ("PT", ["pt"], "Europe/Lisbon"),
    ("RO", ["ro"], "Europe/Bucharest"),
    ("SK", ["sk"], "Europe/Bratislava"),
    ("SI", ["sl"], "Europe/Ljubljana"),
    ("ES", ["es"], "Europe/Madrid"),
    ("SE", ["sv"], "Europe/Stockholm"),
]

# Four governments besides tests.factories.standard_governments() (CA en+fr, FR fr,
# JP ja), so that a statement needs a translation into each of the six other languages.
EXTRA_GOVERNMENTS = {
    "DE": {
        "short_name": "Germany",
        "official_name": "Government of the Federal Republic of Germany",
        "department": "Federal Foreign Office",
        "languages": ["de"],
        "time_zone": "Europe/Berlin",
        "de": {
            "short_name": "Deutschland",
            "official_name": "Bundesregierung",
            "department": "Auswärtiges Amt",
        },
    },
    "IT": {
        "short_name": "Italy",
        "official_name": "Government of the Italian Republic",
        "department": "Ministry of Foreign Affairs and International Cooperation",
        "languages": ["it"],
        "time_zone": "Europe/Rome",
        "it": {
            "short_name": "Italia",
            "official_name": "Governo della Repubblica Italiana",
            "department": "Ministero degli Affari Esteri e della Cooperazione Internazionale",
        },
    },
    "KR": {
        "short_name": "Republic of Korea",
        "official_name": "Government of the Republic of Korea",
        "department": "Ministry of Foreign Affairs",
        "languages": ["ko"],
        "time_zone": "Asia/Seoul",
    },
    "NL": {
        "short_name": "Netherlands",
        "official_name": "Government of the Kingdom of the Netherlands",
        "department": "Ministry of Foreign Affairs",
        "languages": ["nl"],
        "time_zone": "Europe/Amsterdam",
        "nl": {
            "short_name": "Nederland",
            "official_name": "Regering van het Koninkrijk der Nederlanden",
            "department": "Ministerie van Buitenlandse Zaken",
        },
    },
}


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def emit(payload):
    sys.stdout.write(json.dumps(payload) + "\n")
    sys.stdout.flush()


def governments_in_seven_languages():
    from tests import factories

    governments = factories.standard_governments()
    for code, spec in EXTRA_GOVERNMENTS.items():
        spec = dict(spec)
        translations = {lang: spec.pop(lang) for lang in LANGUAGES if lang in spec}
        governments[code] = factories.GovernmentFactory(code=code, **spec)
        for lang, names in translations.items():
            factories.translate_government(governments[code], lang, **names)
    return governments


def eu_governments(governments):
    """The 27 member states, the seven-language run's governments among them."""
    from tests import factories

    members = {}
    for code, languages, zone in EU_MEMBERS:
        members[code] = governments.get(code) or factories.GovernmentFactory(
            code=code,
            short_name=f"Member state {code}",
            official_name=f"Government of member state {code}",
            languages=languages,
            time_zone=zone,
        )
    return members


def built_statement(statement, languages):
    from statements.models import StatementPage

    versions = StatementPage.objects.filter(
        translation_key=statement.translation_key
    ).select_related("locale")
    urls = {page.locale.language_code: page.url for page in versions}
    missing = set(languages) - set(urls)
    if missing:
        raise SystemExit(f"bench data: statement {statement.pk} lacks {sorted(missing)}")
    return {"id": statement.pk, "urls": urls}


def wagtail_page(homes, number):
    """A plain Wagtail page, a draft in every language (Wagtail's own page type: the
    statement type refuses publishing by anything but the release)."""
    from wagtail.models import Page

    from tests import factories

    source = Page(title=f"Go-live page {number}", slug=f"bench-go-live-{number}", live=False)
    source.locale = homes["en"].locale
    homes["en"].add_child(instance=source)
    source.save_revision()
    pages = {"en": source}
    for code in LANGUAGES[1:]:
        copy = source.copy_for_translation(factories.locale(code))
        copy.title = f"[{code}] Go-live page {number}"
        copy.save_revision()
        pages[code] = copy
    return {
        "ids": {code: page.pk for code, page in pages.items()},
        "urls": {code: Page.objects.get(pk=page.pk).url for code, page in pages.items()},
    }


def build(statements, eu, wagtail):
    from tests import factories

    started = time.monotonic()
    site = factories.build_site(ALL_LANGUAGES)
    governments = governments_in_seven_languages()
    members = eu_governments(governments)
    built, built_eu = [], []

    def progress(what):
        print(f"built {what} ({time.monotonic() - started:.0f}s)", file=sys.stderr, flush=True)

    for number in range(statements):
        statement, _drafter, _approvers = factories.ready_for_release(
            site["newsrooms"]["en"],
            governments,
            lead=governments["CA"],
            slug=f"bench-release-{number:02d}",
            title=f"Joint statement number {number}",
        )
        built.append(built_statement(statement, LANGUAGES))
        progress(f"statement {number + 1}/{statements}")
    for number in range(eu):
        statement, _drafter, _approvers = factories.ready_for_release(
            site["newsrooms"]["en"],
            members,
            lead=members["IE"],
            slug=f"bench-eu-{number:02d}",
            title=f"Joint statement of the 27, number {number}",
        )
        built_eu.append(built_statement(statement, EU_LANGUAGES))
        progress(f"EU statement {number + 1}/{eu}")
    pages = [wagtail_page(site["homes"], number) for number in range(wagtail)]
    listings = [site["newsrooms"][code].url for code in LANGUAGES]
    emit(
        {
            "statements": built,
            "eu": built_eu,
            "wagtail": pages,
            "listings": listings,
            "build_s": time.monotonic() - started,
        }
    )


def schedule_wagtail(page_ids, instant):
    from wagtail.models import Page

    for page in Page.objects.filter(pk__in=page_ids):
        page.go_live_at = instant
        revision = page.save_revision()
        revision.publish()  # go_live_at is ahead: Wagtail schedules instead of publishing
        page.refresh_from_db()
        if page.live:
            raise SystemExit(f"bench data: page {page.pk} went live at once")


def schedule():
    from statements.actions.scheduling import ScheduleReleaseAction
    from statements.clock import db_now
    from statements.models import Release, StatementPage

    db_now()
    emit("ready")
    plan = json.loads(sys.stdin.readline())
    for item in sorted(plan, key=lambda item: item["at"]):
        instant = datetime.datetime.fromtimestamp(item["at"], tz=datetime.UTC)
        ahead = item["at"] - time.time()
        if item["kind"] in ("release", "eu"):
            statement = StatementPage.objects.get(pk=item["id"])
            error = ""
            try:
                ScheduleReleaseAction(statement, statement.owner, release_at=instant).execute()
            except Exception as exc:  # noqa: BLE001 - reported; the release may stand
                error = f"{type(exc).__name__}: {exc}"
                print(f"scheduling statement {statement.pk}:", file=sys.stderr)
                traceback.print_exc()
            release = Release.objects.filter(statement_id=statement.pk).first()
            emit(
                {
                    **item,
                    "release_id": release and release.pk,
                    "state": release and release.state,
                    "ahead_s": round(ahead, 3),
                    "queued": bool(release and release.queued_for),
                    "error": error,
                }
            )
        else:
            schedule_wagtail(list(item["ids"].values()), instant)
            emit({**item, "ahead_s": round(ahead, 3)})
    emit("done")


def main():
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command", required=True)
    build_parser = commands.add_parser("build")
    build_parser.add_argument("--statements", type=int, default=20)
    build_parser.add_argument("--eu", type=int, default=5)
    build_parser.add_argument("--wagtail", type=int, default=3)
    commands.add_parser("schedule")
    args = parser.parse_args()
    setup_django()
    if args.command == "build":
        build(args.statements, args.eu, args.wagtail)
    else:
        schedule()


if __name__ == "__main__":
    main()
