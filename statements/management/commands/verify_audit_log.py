"""Walk the audit log's hash chain; exit non-zero naming the first entry that fails."""

from django.core.management.base import BaseCommand, CommandError

from statements.audit import head, verify_chain


class Command(BaseCommand):
    help = (
        "Recompute every audit log entry's hash and check that each follows the one "
        "before it. Exits 1 naming the first entry that does not verify. Compare the "
        "head it prints with one written down earlier: entries cut off the end leave "
        "a shorter chain that still verifies."
    )

    def handle(self, *args, **options):
        problem, verified = verify_chain()
        if problem is not None:
            raise CommandError(f"Audit log broken: {problem}. {verified} entries before it verify.")
        newest = head()
        if newest is None:
            self.stdout.write("The audit log is empty.")
            return
        self.stdout.write(
            f"{verified} audit log entries verify. Head: #{newest.seq} {newest.entry_hash} "
            f"({newest.at.isoformat()})."
        )
