"""The release: the source and every language live at one instant, exactly once.

``ReleaseStatementAction`` is the only code that makes a statement page public. It
works in two steps, so that what happens at the instant is small and the same for
two languages or twenty-four:

1. **Prepare** (``PrepareReleaseAction``), up to ``RELEASE_PREPARE_MS`` before the
   instant, in a transaction of its own: the go/no-go check; each page's latest
   revision written onto its row, which stays not live and so invisible (its reference
   and search index entries are updated by Wagtail on that save); the snapshot of
   displayed names and the fingerprints each language is released with. What was
   staged, for which instant and against which approvals, is kept on the release.
2. **Flip**, at the instant, in one short transaction: lock the release and the pages;
   refuse if any page has a newer revision or the approvals changed and no longer
   hold; then a fixed number of bulk writes make every page live, record each
   language, write the release's side effects to its outbox (``statements.outbox``),
   and log the release once. The effects (signals, purges, e-mails) follow the commit.

The triggers (``statements.release_triggers``, the Celery task) call it; the row lock
and the state check make every call after the first a no-op.
"""

import logging
import time

from django.db import connection, transaction
from django.db.models import Case, IntegerField, Value, When
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Page, ReferenceIndex, Revision
from wagtail.signal_handlers import disable_reference_index_auto_update

from .. import audit, notifications, outbox
from ..clock import db_now, wait_for
from ..fingerprint import fingerprint_of, translation_words
from ..models import Approval, AuditEntry, Release, ReleasedPage, StatementPage
from ..queries.preparation import prepare_window
from ..queries.release import describe, language_pages, release_problems, snapshot_of
from ..revisions_memo import fields_to_save, remembering_revisions, revision_object
from .base import lock_statement, release_clock_user
from .rendering import render_ahead
from .scheduling import log_data

logger = logging.getLogger("communique.release")


RECORD_SQL = """
INSERT INTO statements_releasedpage
    (release_id, page_id, revision_id, language_code, released_at, fingerprint, snapshot)
SELECT r.id, (e->>'page')::integer, (e->>'revision')::integer, e->>'language', %(now)s,
       e->>'fingerprint', e->'snapshot'
FROM statements_release r, jsonb_array_elements(r.prepared->'pages') AS e
WHERE r.id = %(release)s
"""


def record_languages(release, plan, now):
    """One ``ReleasedPage`` per language, from what the preparation staged. On
    PostgreSQL the rows are made from the release's own ``prepared`` column by the
    database, so the snapshots are not turned into Python and back at the instant."""
    if connection.vendor != "postgresql":
        ReleasedPage.objects.bulk_create(
            [
                ReleasedPage(
                    release=release,
                    page_id=entry["page"],
                    revision_id=entry["revision"],
                    language_code=entry["language"],
                    released_at=now,
                    fingerprint=entry["fingerprint"],
                    snapshot=entry["snapshot"],
                )
                for entry in plan
            ]
        )
        return
    with connection.cursor() as cursor:
        cursor.execute(RECORD_SQL, {"release": release.pk, "now": now})
        if cursor.rowcount != len(plan):
            raise RuntimeError(f"release {release.pk}: {cursor.rowcount} of {len(plan)} recorded")


STAMP_SQL = """
WITH stamp AS (SELECT clock_timestamp() AS at),
released AS (
    UPDATE statements_release SET released_at = (SELECT at FROM stamp)
    WHERE id = %(release)s RETURNING released_at
),
pages AS (
    UPDATE wagtailcore_page
    SET first_published_at = (SELECT at FROM stamp), last_published_at = (SELECT at FROM stamp)
    WHERE id = ANY(%(pages)s)
),
records AS (
    UPDATE statements_releasedpage SET released_at = (SELECT at FROM stamp)
    WHERE release_id = %(release)s
)
SELECT released_at FROM released
"""


def stamp_release(release, page_ids):
    """The last write that makes the release public: ``released_at`` (and the pages'
    publication times, and each language's record) stamped with the database clock
    after every other write, a moment before the commit. Returns the stamp."""
    if connection.vendor != "postgresql":
        stamp = timezone.now()
        Release.objects.filter(pk=release.pk).update(released_at=stamp)
        Page.objects.filter(pk__in=page_ids).update(
            first_published_at=stamp, last_published_at=stamp
        )
        ReleasedPage.objects.filter(release=release).update(released_at=stamp)
        return stamp
    with connection.cursor() as cursor:
        cursor.execute(STAMP_SQL, {"release": release.pk, "pages": list(page_ids)})
        return cursor.fetchone()[0]


class QueryCounter:
    """Counts the queries the flip runs at the instant (kept on the release, for the
    operator and the benchmark): the same few for two languages or twenty-four."""

    def __init__(self):
        self.queries = 0

    def __call__(self, execute, sql, params, many, context):
        self.queries += 1
        return execute(sql, params, many, context)


class ReleaseOutcome:
    def __init__(self, state, release=None, pages=(), problems=()):
        # "released", "held", "prepared", "busy" (another process is preparing it),
        # "not_due", "noop"
        self.state = state
        self.release = release
        self.pages = list(pages)
        self.problems = list(problems)

    def __repr__(self):
        return f"<ReleaseOutcome {self.state} {self.release and self.release.pk}>"


def _pages_of(statement, release):
    languages = language_pages(statement)
    if release.language_code:
        return [languages[release.language_code]]
    return [statement] + [languages[code] for code in statement.required_languages()]


def _valid_approvals(statement, page_ids):
    """The approvals a release stands on: the source's sign-offs and each language's."""
    return sorted(
        Approval.objects.filter(
            page_id__in={statement.pk, *page_ids}, state=Approval.State.VALID
        ).values_list("pk", flat=True)
    )


def hold(release, statement, problems, via):
    """The go/no-go failed: hold the release and tell the people who can fix it."""
    release.state = Release.State.HELD
    release.hold_reason = problems
    release.prepared = {}
    release.updated_at = timezone.now()
    release.save()
    log(
        instance=statement,
        action="statements.release_failed",
        user=release_clock_user(),
        data=log_data(release, problems=[describe(p) for p in problems], via=via),
    )
    notifications.release_held(statement, release, problems, failed=True)
    return ReleaseOutcome("held", release, problems=problems)


def is_prepared(release):
    plan = release.prepared or {}
    return plan.get("for") == release.release_at.isoformat() and bool(plan.get("pages"))


class PrepareReleaseAction:
    """Before the instant: check, stage every page's text on its row, freeze what shows."""

    def __init__(self, release_id, via="clock"):
        self.release_id = release_id
        self.via = via

    def execute(self):
        with remembering_revisions(), transaction.atomic():
            return self._prepare()

    def _prepare(self):
        started = time.perf_counter()
        # Never wait behind another process's preparation (24 languages on a busy
        # machine take many seconds): that process flips it, and whoever waited here
        # would start every other release late.
        release = (
            Release.objects.select_for_update(skip_locked=True).filter(pk=self.release_id).first()
        )
        if release is None:
            exists = Release.objects.filter(pk=self.release_id).exists()
            return ReleaseOutcome("busy" if exists else "noop")
        if release.state != Release.State.SCHEDULED:
            return ReleaseOutcome("noop", release)
        if is_prepared(release):
            return ReleaseOutcome("prepared", release)
        statement = StatementPage.objects.get(pk=release.statement_id)
        lock_statement(statement)
        problems = release_problems(statement, release.language_code)
        if problems:
            return hold(release, statement, problems, self.via)
        staged = [self._stage(page, release, statement) for page in _pages_of(statement, release)]
        release.prepared = {
            "for": release.release_at.isoformat(),
            "pages": staged,
            "approvals": _valid_approvals(statement, [entry["page"] for entry in staged]),
        }
        release.prepare_seconds = time.perf_counter() - started
        release.prepared_languages = len(staged)
        release.save(update_fields=["prepared", "prepare_seconds", "prepared_languages"])
        logger.info(
            "prepared release %s (%s languages) in %.3fs, %.1fs before the instant",
            release.pk,
            len(staged),
            release.prepare_seconds,
            (release.release_at - db_now()).total_seconds(),
        )
        return ReleaseOutcome("prepared", release)

    @staticmethod
    def _stage(page, release, statement):
        """Write the page's latest revision onto its row, as publishing would, but not
        live: nobody sees it until the flip. Returns what the flip needs."""
        revision = page.get_latest_revision()
        staged = revision_object(revision)
        staged.live = False
        staged.has_unpublished_changes = True
        staged.go_live_at = None
        staged.expire_at = None
        staged.expired = False
        staged.release_at = release.release_at
        staged.release_timezone = release.release_timezone
        # Wagtail would re-index references once for every child row the save rewrites
        # (signatories, contacts, topics: some thirty per language); once per page does.
        # Child rows already as the revision has them are not rewritten.
        with disable_reference_index_auto_update():
            staged.save(clean=False, update_fields=fields_to_save(staged))
        ReferenceIndex.create_or_update_for_object(staged)
        shown = StatementPage.objects.select_related("locale").get(pk=page.pk)
        # The fixed parts are rendered after this transaction (actions.rendering):
        # rendering 24 languages here made the preparation half as long again.
        snapshot = snapshot_of(shown)
        return {
            "page": page.pk,
            "revision": revision.pk,
            "language": shown.locale.language_code,
            "fingerprint": (
                release.fingerprint
                if page.pk == statement.pk
                else fingerprint_of(translation_words(staged))
            ),
            "snapshot": snapshot,
        }


class ReleaseStatementAction:
    """Prepare (if not yet), wait for the instant, then flip every language live at once.

    Safe to call any number of times from any number of processes: the release row
    is locked, and only a scheduled, due release is acted on. ``deliver_effects=False``
    leaves the side effects to the caller (or to the next sweep): a trigger releasing
    several statements at one instant flips them all before any purge or e-mail.
    """

    def __init__(self, release_id, via="clock", deliver_effects=True):
        self.release_id = release_id
        self.via = via
        self.deliver_effects = deliver_effects

    def execute(self):
        release = Release.objects.filter(pk=self.release_id).first()
        if release is None or release.state != Release.State.SCHEDULED:
            return ReleaseOutcome("noop", release)
        if release.release_at - db_now() > prepare_window(release):
            return ReleaseOutcome("not_due", release)
        prepared = PrepareReleaseAction(self.release_id, via=self.via).execute()
        if prepared.state == "busy":
            prepared = self._wait_for_preparation()
        if prepared.state != "prepared":
            return prepared
        render_ahead(self.release_id)  # the wait spent on what the crowd will be served
        wait_for(prepared.release.release_at)
        return self.flip()

    def _wait_for_preparation(self, poll=0.05):
        """Another process is preparing: wait (without a lock) until it has, and flip
        too; the first flip wins, the other is a no-op."""
        while True:
            release = Release.objects.filter(pk=self.release_id).first()
            if release is None or release.state != Release.State.SCHEDULED:
                return ReleaseOutcome("noop", release)
            if is_prepared(release):
                return ReleaseOutcome("prepared", release)
            outcome = PrepareReleaseAction(self.release_id, via=self.via).execute()
            if outcome.state != "busy":
                return outcome
            time.sleep(poll)

    def flip_at_instant(self):
        """Wait for the instant of a prepared release, then flip it."""
        release = Release.objects.filter(pk=self.release_id).only("release_at").first()
        if release is None:
            return ReleaseOutcome("noop")
        wait_for(release.release_at)
        return self.flip()

    def flip(self):
        counter = QueryCounter()
        with connection.execute_wrapper(counter), transaction.atomic():
            started = time.perf_counter()
            release = Release.objects.select_for_update().filter(pk=self.release_id).first()
            if release is None or release.state != Release.State.SCHEDULED:
                return ReleaseOutcome("noop", release)
            if not is_prepared(release):
                # Moved since it was prepared: the next trigger prepares it again.
                return ReleaseOutcome("not_due", release)
            if release.release_at > db_now():
                return ReleaseOutcome("not_due", release)
            statement = StatementPage.objects.get(pk=release.statement_id)
            problems = self._changed_since_prepared(release, statement)
            if problems:
                return hold(release, statement, problems, self.via)
            outcome = self._go_live(release, statement)
            release.flip_seconds = time.perf_counter() - started
            release.flip_queries = counter.queries + 1  # and this save
            release.save(update_fields=["flip_seconds", "flip_queries"])
        if outcome.state == "released":  # after the commit: nothing here is the instant's
            ids = outcome.pages
            pages = list(StatementPage.objects.filter(pk__in=ids).select_related("locale"))
            outcome.pages = sorted(pages, key=lambda page: ids.index(page.pk))
        self._after_commit_logging(outcome)
        return outcome

    @staticmethod
    def _changed_since_prepared(release, statement):
        """An edit or a changed approval after the preparation: check everything again."""
        plan = release.prepared
        ids = [entry["page"] for entry in plan["pages"]]
        latest = dict(
            Page.objects.select_for_update()
            .filter(pk__in=[statement.pk, *ids])
            .values_list("pk", "latest_revision_id")
        )
        edited = any(latest.get(entry["page"]) != entry["revision"] for entry in plan["pages"])
        if edited:
            return [{"code": "edited"}]
        if _valid_approvals(statement, ids) != plan["approvals"]:
            return release_problems(statement, release.language_code)
        return []

    def _go_live(self, release, statement):
        plan = release.prepared["pages"]
        ids = [entry["page"] for entry in plan]
        now = db_now()
        flipped = Page.objects.filter(pk__in=ids, live=False).update(
            live=True,
            has_unpublished_changes=False,
            expired=False,
            go_live_at=None,
            expire_at=None,
            first_published_at=now,
            last_published_at=now,
            live_revision_id=Case(
                *[When(pk=entry["page"], then=Value(entry["revision"])) for entry in plan],
                output_field=IntegerField(),
            ),
        )
        if flipped != len(ids):
            raise RuntimeError(f"release {release.pk}: {flipped} of {len(ids)} pages went live")
        Revision.objects.filter(pk__in=[entry["revision"] for entry in plan]).update(
            approved_go_live_at=None
        )
        record_languages(release, plan, now)
        release.state = Release.State.RELEASED
        release.released_at = now
        release.released_by = self.via
        release.hold_reason = []
        release.updated_at = timezone.now()
        # Not ``prepared``: it is large, and unchanged since the preparation.
        release.save(
            update_fields=["state", "released_at", "released_by", "hold_reason", "updated_at"]
        )
        # The outbox: one row per side effect, committed with the release, so each
        # happens after the commit even if this process dies first. Tried once right
        # after the commit; what fails is retried (statements.outbox), and never makes
        # the committed release look failed.
        outbox.record_effects(release, now)
        clock = release_clock_user()
        # One insert (and the chain's head read under its lock); nothing per language.
        # Before the stamp, which stays the last write: a wait for the chain's lock
        # comes before it, not between it and the commit.
        audit.record(
            AuditEntry.Action.RELEASE,
            actor=clock,
            page=statement,
            language_code=release.language_code,
            fingerprint=release.fingerprint,
            at=now,
            details={
                "release": release.pk,
                "release_at": release.release_at.isoformat(),
                "languages": [entry["language"] for entry in plan],
                "pages": ids,
                "revisions": [entry["revision"] for entry in plan],
                "via": self.via,
            },
        )
        release.released_at = stamp_release(release, ids)
        log(
            instance=statement,
            action="statements.release",
            user=clock,
            revision=statement.get_latest_revision(),
            data=log_data(
                release,
                languages=[entry["language"] for entry in plan],
                released_at=release.released_at.isoformat(),
                via=self.via,
            ),
        )
        if self.deliver_effects:
            transaction.on_commit(lambda: outbox.deliver_release(release.pk), robust=True)
        return ReleaseOutcome("released", release, pages=ids)

    def _after_commit_logging(self, outcome):
        if outcome.state != "released":
            return
        release = outcome.release
        for page in outcome.pages:
            logger.info(
                "released %s (%s) via %s, %.3fs after the instant",
                page.pk,
                page.locale.language_code,
                self.via,
                release.lag_seconds,
            )
