"""Check an evidence pack (docs/adr/0021); with --log, also against this database's log."""

from django.core.management.base import BaseCommand, CommandError

from statements.audit import verify_chain
from statements.evidence_check import read, summary, verify
from statements.models import AuditEntry


class Command(BaseCommand):
    help = (
        "Verify an evidence pack offline: every fingerprint, audit entry hash, receipt "
        "and cross-reference in it. Needs no database unless --log is given, which also "
        "checks that each of its audit entries is in this database's audit log and that "
        "the log verifies. Exits 1 naming each problem."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("pack", help="the pack's ZIP file")
        parser.add_argument(
            "--log", action="store_true", help="also check it against this database's audit log"
        )

    def handle(self, *args, pack, log=False, **options):
        evidence, files = read(pack)
        problems = verify(evidence, files)
        if log and not problems:
            problems = self.against_log(evidence)
        if problems:
            raise CommandError(
                "The evidence pack does not verify:\n" + "\n".join(f"- {p}" for p in problems)
            )
        self.stdout.write(summary(evidence))
        if log:
            self.stdout.write(
                "Every audit entry in the pack is in this database's audit log, which verifies."
            )

    def against_log(self, evidence):
        problems = []
        for item in evidence["audit"]["entries"]:
            seq = item["content"]["seq"]
            stored = AuditEntry.objects.filter(seq=seq).values_list("entry_hash", flat=True).first()
            if stored != item["entry_hash"]:
                problems.append(f"audit entry #{seq} is not the one in this database's audit log")
        head = evidence["audit"].get("head") or {}
        stored = AuditEntry.objects.filter(seq=head.get("seq")).first()
        if head and (stored is None or stored.entry_hash != head.get("entry_hash")):
            problems.append(f"the pack's head #{head.get('seq')} is not in this database's log")
        broken, _count = verify_chain()
        if broken is not None:
            problems.append(f"this database's audit log does not verify: {broken}")
        return problems
