"""The release: the source and every language live at one instant, exactly once.

``ReleaseStatementAction`` is the only code that makes a statement page public. The
triggers (``statements.release_triggers``) call it; its row lock and state check make
every call after the first a no-op.
"""

import logging

from django.db import transaction
from django.utils import timezone
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.log_actions import log

from .. import notifications
from ..clock import db_now, prepare_ahead, wait_for
from ..fingerprint import fingerprint_of, translation_words
from ..models import Release, ReleasedPage, StatementPage
from ..queries.release import describe, language_pages, release_problems, snapshot_of
from ..signals import statement_released
from .base import lock_statement, release_clock_user
from .scheduling import log_data

logger = logging.getLogger("communique.release")


class _ReleasePublish(PublishPageRevisionAction):
    """Wagtail's publish, with the go-live fields cleared and the instant on the page."""

    def __init__(self, revision, user, release):
        super().__init__(revision, user=user, changed=True, log_action=False)
        self.object.go_live_at = None
        self.object.expire_at = None
        self.object.release_at = release.release_at
        self.object.release_timezone = release.release_timezone


class ReleaseOutcome:
    def __init__(self, state, release=None, pages=(), problems=()):
        self.state = state  # "released", "held", "not_due", "noop"
        self.release = release
        self.pages = list(pages)
        self.problems = list(problems)

    def __repr__(self):
        return f"<ReleaseOutcome {self.state} {self.release and self.release.pk}>"


class ReleaseStatementAction:
    """Publish the source and every language, or one late language, in one transaction.

    Safe to call any number of times from any number of processes: the release row
    is locked, and only a scheduled, due release is acted on.
    """

    def __init__(self, release_id, via="clock"):
        self.release_id = release_id
        self.via = via

    def execute(self):
        with transaction.atomic():
            release = Release.objects.select_for_update().filter(pk=self.release_id).first()
            if release is None or release.state != Release.State.SCHEDULED:
                return ReleaseOutcome("noop", release)
            if release.release_at - db_now() > prepare_ahead():
                return ReleaseOutcome("not_due", release)
            statement = StatementPage.objects.get(pk=release.statement_id)
            lock_statement(statement)
            problems = release_problems(statement, release.language_code)
            if problems:
                return self._hold(release, statement, problems)
            pages = self._pages(statement, release)
            outcome = self._publish(release, statement, pages)
        for page in outcome.pages:
            logger.info(
                "released %s (%s) via %s, %.3fs after the instant",
                page.pk,
                page.locale.language_code,
                self.via,
                release.lag_seconds,
            )
        return outcome

    def _pages(self, statement, release):
        languages = language_pages(statement)
        if release.language_code:
            return [languages[release.language_code]]
        return [statement] + [languages[code] for code in statement.required_languages()]

    def _hold(self, release, statement, problems):
        release.state = Release.State.HELD
        release.hold_reason = problems
        release.updated_at = timezone.now()
        release.save()
        log(
            instance=statement,
            action="statements.release_failed",
            user=release_clock_user(),
            data=log_data(release, problems=[describe(p) for p in problems], via=self.via),
        )
        notifications.release_held(statement, release, problems, failed=True)
        return ReleaseOutcome("held", release, problems=problems)

    def _publish(self, release, statement, pages):
        """Publish every page inside the open transaction, wait for the instant, then
        stamp one database timestamp and let the commit make them public together.

        The work may start up to ``prepare_ahead()`` before the instant, so the commit,
        which is what makes the pages visible, lands on the instant rather than a
        second or more after it. Until the commit nobody sees any of it, and the row
        locks taken here make any concurrent edit wait until after the release.
        """
        clock = release_clock_user()
        released = []
        for page in pages:
            revision = page.get_latest_revision()
            _ReleasePublish(revision, clock, release).execute(skip_permission_checks=True)
            page = StatementPage.objects.select_related("locale").get(pk=page.pk)
            released.append((page, revision))
        ids = [page.pk for page, _revision in released]
        live = StatementPage.objects.filter(pk__in=ids, live=True).count()
        if live != len(ids):
            raise RuntimeError(f"release {release.pk}: {live} of {len(ids)} pages live")
        now = wait_for(release.release_at)
        StatementPage.objects.filter(pk__in=ids).update(
            first_published_at=now, last_published_at=now, go_live_at=None, expire_at=None
        )
        for page, revision in released:
            page.first_published_at = page.last_published_at = now
            ReleasedPage.objects.create(
                release=release,
                page=page,
                revision=revision,
                language_code=page.locale.language_code,
                released_at=now,
                fingerprint=(
                    release.fingerprint
                    if page.pk == statement.pk
                    else fingerprint_of(translation_words(revision.as_object()))
                ),
                snapshot=snapshot_of(page),
            )
        release.state = Release.State.RELEASED
        release.released_at = now
        release.released_by = self.via
        release.hold_reason = []
        release.updated_at = timezone.now()
        release.save()
        log(
            instance=statement,
            action="statements.release",
            user=clock,
            revision=statement.get_latest_revision(),
            data=log_data(
                release,
                languages=[page.locale.language_code for page, _revision in released],
                released_at=now.isoformat(),
                via=self.via,
            ),
        )
        pages_out = [page for page, _revision in released]
        transaction.on_commit(
            lambda: statement_released.send(sender=Release, release=release, pages=pages_out)
        )
        return ReleaseOutcome("released", release, pages=pages_out)
