"""What stands between a statement and its release, said in the reader's language."""

from django.conf import settings
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from wagtail.models import Page, PageLogEntry

from ..fingerprint import fingerprint_of, translation_words
from ..models import Approval, Release, StatementPage
from ..revisions_memo import revision_object
from ..timefmt import zone_label
from .signoff import current_fingerprint, signed_keys
from .translation import build_matrix


def language_name(code):
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


_PROBLEMS = {
    "no_instant": lambda p, language: _("Set the planned release instant first."),
    "past": lambda p, language: _("The release instant must be in the future."),
    "too_soon": lambda p, language: _("The release instant must be at least a minute ahead."),
    "too_far": lambda p, language: _("The release instant must not be more than two years ahead."),
    "released": lambda p, language: _("This statement has already been released."),
    "not_signed": lambda p, language: (
        _("%(government)s has not signed off the current text.") % {"government": p["government"]}
    ),
    "no_signatories": lambda p, language: _("The statement has no signatories."),
    "not_started": lambda p, language: (
        _("%(language)s: the translation has not been started.") % {"language": language}
    ),
    "in_progress": lambda p, language: (
        _("%(language)s: the translation is %(percent)s%% done.")
        % {"language": language, "percent": p.get("percent", 0)}
    ),
    "translated": lambda p, language: (
        _("%(language)s: waiting for approval by %(governments)s.")
        % {"language": language, "governments": p.get("governments", "")}
    ),
    "out_of_date": lambda p, language: (
        _(
            "%(language)s: the source changed after the translation was made; "
            "update the translation and approve it again."
        )
        % {"language": language}
    ),
    "approval_stale": lambda p, language: (
        _("%(language)s: an approval does not match the current text of the translation.")
        % {"language": language}
    ),
    "missing_page": lambda p, language: (
        _("%(language)s: there is no translated page.") % {"language": language}
    ),
    "parent_not_live": lambda p, language: (
        _(
            "%(language)s: the home page and newsroom in this language are not published "
            "yet, so the translation would not be reachable. Translate and publish them first."
        )
        % {"language": language}
    ),
    "source_not_released": lambda p, language: _(
        "The statement itself must be released before a language is released on its own."
    ),
    "language_live": lambda p, language: (
        _("%(language)s is already public.") % {"language": language}
    ),
    "language_not_dropped": lambda p, language: (
        _("%(language)s was not dropped: it is released with the statement.")
        % {"language": language}
    ),
    "not_allowed": lambda p, language: _("Only the statement's editors can schedule its release."),
    "edited": lambda p, language: _("The statement was edited after the release was scheduled."),
    "held_by_user": lambda p, language: _("Held by %(user)s.") % {"user": p.get("user", "")},
}


def describe(problem):
    """One problem, as a sentence in the active language."""
    text = _PROBLEMS.get(problem["code"])
    if text is None:
        return problem["code"]
    return text(problem, language_name(problem.get("language", "")))


# --- the statement's languages ------------------------------------------------------------


def language_pages(statement):
    """Every language version of a statement but the source, by language code."""
    return {
        page.locale.language_code: page
        for page in StatementPage.objects.filter(translation_key=statement.translation_key)
        .exclude(pk=statement.pk)
        .select_related("locale", "latest_revision")
    }


def statement_zones(statement, release_timezone=None):
    """The release time zone, UTC, then each signatory's, in signatory order."""
    zones = [release_timezone or statement.release_timezone or settings.TIME_ZONE, "UTC"]
    zones += [g.time_zone for g in statement.signatory_governments()]
    return zones


def local_times(statement, instant):
    """The instant in every signatory's local time, for the admin: the text is made
    here, since a template's ``date`` filter would turn it back into the viewer's zone."""
    rows = []
    for government in statement.signatory_governments():
        local, abbreviation = zone_label(instant, government.time_zone)
        rows.append(
            {
                "government": government,
                "local": local,
                "abbreviation": abbreviation,
                "text": f"{local:%Y-%m-%d %H:%M} {abbreviation}",
            }
        )
    return rows


# --- what stands in the way -----------------------------------------------------------


def _approval_problem(page, code, reviewers):
    """A translated language: approved by each of its governments on its current text?"""
    revision = page.get_latest_revision()
    fingerprint = fingerprint_of(translation_words(revision_object(revision))) if revision else ""
    approvals = Approval.objects.filter(
        page_id=page.pk, subject=Approval.Subject.TRANSLATION, state=Approval.State.VALID
    )
    approved = set(
        approvals.filter(fingerprint=fingerprint).values_list("government_key", flat=True)
    )
    missing = [g for g in reviewers if g.translation_key not in approved]
    if not missing:
        return None
    if approvals.exclude(fingerprint=fingerprint).exists():
        return {"code": "approval_stale", "language": code}
    return {
        "code": "translated",
        "language": code,
        "governments": ", ".join(g.short_name for g in missing),
    }


def languages_under_unpublished_pages(pages):
    """The languages whose page sits below a page that is not live (a home page or
    newsroom not yet translated and published): released, it could not be reached.
    One query for every language."""
    step = Page.steplen
    # Every ancestor but the tree's root (depth 1), by its materialised path.
    above = {
        code: {page.path[:end] for end in range(2 * step, len(page.path), step)}
        for code, page in pages.items()
    }
    paths = set().union(*above.values()) if above else set()
    if not paths:
        return set()
    hidden = set(Page.objects.filter(path__in=paths, live=False).values_list("path", flat=True))
    return {code for code, ancestors in above.items() if ancestors & hidden}


def translation_problems(statement, codes):
    """Every language in ``codes`` must be fully translated and approved on its current text."""
    if not codes:
        return []
    statement = StatementPage.objects.select_related("locale", "latest_revision").get(
        pk=statement.pk
    )
    matrix = build_matrix([statement])
    cells = matrix["rows"][0]["cells"] if matrix["rows"] else {}
    pages = language_pages(statement)
    unreachable = languages_under_unpublished_pages(pages)
    reviewers = {}
    for government in statement.signatory_governments():
        for code in government.languages or []:
            reviewers.setdefault(code, []).append(government)
    problems = []
    for code in codes:
        cell = cells.get(code, {})
        state = cell.get("state", "not_started")
        if state in ("not_started", "in_progress", "out_of_date"):
            problems.append({"code": state, "language": code, "percent": cell.get("percent", 0)})
        elif code not in pages:
            problems.append({"code": "missing_page", "language": code})
        elif code in unreachable:
            problems.append({"code": "parent_not_live", "language": code})
        else:
            problem = _approval_problem(pages[code], code, reviewers.get(code, []))
            if problem:
                problems.append(problem)
    return problems


def signoff_problems(statement):
    record = current_fingerprint(statement)
    governments = statement.signatory_governments()
    if not governments:
        return [{"code": "no_signatories"}]
    signed = signed_keys(statement, record.fingerprint) if record is not None else set()
    return [
        {"code": "not_signed", "government": g.short_name, "government_code": g.code}
        for g in governments
        if g.translation_key not in signed
    ]


def _late_language_problems(statement, language_code):
    problems = []
    if not statement.live:
        problems.append({"code": "source_not_released"})
    if not statement.language_drops.filter(language_code=language_code).exists():
        problems.append({"code": "language_not_dropped", "language": language_code})
    page = language_pages(statement).get(language_code)
    if page is not None and page.live:
        problems.append({"code": "language_live", "language": language_code})
    return problems + translation_problems(statement, [language_code])


def release_problems(statement, language_code=""):
    """What stands between this statement (or one late language) and its release now."""
    statement = StatementPage.objects.get(pk=statement.pk)
    if language_code:
        return _late_language_problems(statement, language_code)
    if statement.live:
        return [{"code": "released"}]
    # Each language's state as the translation status screen reads it (build_matrix):
    # one truth, so a language not started is "not started" here too, even when the
    # source has changed since the translations were set up.
    return signoff_problems(statement) + translation_problems(
        statement, statement.required_languages()
    )


# --- releases -----------------------------------------------------------------------------


def current_release(statement, language_code=""):
    return (
        Release.objects.filter(statement_id=statement.pk, language_code=language_code)
        .exclude(state=Release.State.CANCELLED)
        .order_by("-pk")
        .first()
    )


def scheduled_release(statement):
    return Release.objects.filter(
        statement_id=statement.pk, language_code="", state=Release.State.SCHEDULED
    ).first()


def late_languages(statement):
    """Dropped languages that can be released on their own once the statement is out."""
    if not statement.live:
        return []
    released = set(
        Release.objects.filter(statement_id=statement.pk)
        .exclude(language_code="")
        .exclude(state=Release.State.CANCELLED)
        .values_list("language_code", flat=True)
    )
    return [
        code
        for code in statement.language_drops.values_list("language_code", flat=True)
        if code not in released
    ]


def confirmations_of(release, statement=None):
    """Per signatory government: whether it has confirmed the release as it stands now."""
    statement = statement or StatementPage.objects.get(pk=release.statement_id)
    confirmed = {}
    for confirmation in release.confirmations.all():
        if confirmation.release_at == release.release_at:
            confirmed.setdefault(confirmation.government_key, confirmation)
    moved = (
        release.confirmations.exists()
        or PageLogEntry.objects.filter(
            page_id=statement.pk,
            action__in=["statements.release_move", "statements.release_cancel"],
        ).exists()
    )
    return [
        {"government": g, "confirmation": confirmed.get(g.translation_key), "asked": moved}
        for g in statement.signatory_governments()
    ]


def snapshot_of(page):
    """The displayed values a page takes from snippets, as they are now."""

    def entry(localized, *fields):
        return {
            **{field: getattr(localized, field, "") or "" for field in fields},
            "is_fallback": localized.is_fallback,
            "language_code": localized.language_code,
        }

    government_fields = ("official_name", "short_name", "department", "code")
    return {
        "issuing_governments": [entry(g, *government_fields) for g in page.issuing_governments],
        "lead": entry(page.lead, *government_fields),
        "lead_social_links": [
            {"url": link.url, "label": link.label} for link in page.lead_social_links
        ],
        "media_contacts": [
            {
                "contact": entry(
                    item["contact"], "office", "department", "email", "phone", "hours"
                ),
                "government": entry(item["government"], *government_fields),
            }
            for item in page.media_contacts
        ],
        "listed_topics": [{"name": topic.name} for topic in page.listed_topics],
        "zones": statement_zones(page),
        # Fixed by the revision; a link to a page is shown only while that page is live.
        "related_links": [
            {"title": link.title, "url": link.url, "page": link.link_page_id}
            for link in page.related_links.order_by("sort_order", "pk")
        ],
    }
