"""Release every statement whose instant has come, once. For operators and cron.

Needs only the database. Safe to run at any time and from anywhere: a release that
another process has already made is left alone. Then it retries the side effects of
releases that are due again (``statements.outbox``) and names any still pending.
"""

from django.core.management.base import BaseCommand

from statements import outbox
from statements.models import ReleaseEffect
from statements.queries.release import describe
from statements.release_triggers import run_due


class Command(BaseCommand):
    help = "Release every statement (or late language) whose release instant has passed."

    def handle(self, *args, **options):
        outcomes = run_due(via="release_due")
        for outcome in outcomes:
            release = outcome.release
            if outcome.state == "released":
                self.stdout.write(
                    f"released statement {release.statement_id}"
                    f"{' (' + release.language_code + ')' if release.language_code else ''}: "
                    f"{', '.join(p.locale.language_code for p in outcome.pages)}, "
                    f"{release.lag_seconds:.3f}s after the instant"
                )
            elif outcome.state == "held":
                problems = "; ".join(describe(p) for p in outcome.problems)
                self.stdout.write(f"held statement {release.statement_id}: {problems}")
        if not outcomes:
            self.stdout.write("nothing is due")
        counts = outbox.deliver_due()
        if counts["done"] or counts["failed"]:
            self.stdout.write(f"release effects: {counts['done']} done, {counts['failed']} failed")
        for effect in ReleaseEffect.objects.pending().order_by("release_id", "pk"):
            self.stdout.write(
                f"pending effect {effect.effect} of release {effect.release_id}: "
                f"{effect.attempts} attempts, next at {effect.next_attempt_at:%Y-%m-%d %H:%M:%S}"
                f"{', ' + effect.last_error if effect.last_error else ''}"
            )
