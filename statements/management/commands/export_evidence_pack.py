"""Write a statement's evidence pack (docs/adr/0021) to a file, as the admin's download."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from statements.evidence.pack import build_pack
from statements.queries.evidence import source_statement


class Command(BaseCommand):
    help = (
        "Export the evidence pack of a statement (its page id, any language version): "
        "every version, signature, release and correction with the audit chain's hashes "
        "and a PDF receipt per signature. Check it with verify_evidence_pack, or with "
        "the verify_evidence_pack.py inside it and Python alone."
    )

    def add_arguments(self, parser):
        parser.add_argument("page_id", type=int)
        parser.add_argument("--output", "-o", help="file to write (default: its own name here)")
        parser.add_argument(
            "--as",
            dest="username",
            help="the administrator exporting it, named in the pack (default: the first)",
        )

    def handle(self, *args, page_id, output=None, username=None, **options):
        statement = source_statement(page_id)
        if statement is None:
            raise CommandError(f"No statement with page id {page_id}.")
        admins = get_user_model().objects.filter(is_superuser=True, is_active=True)
        exporter = (
            admins.filter(username=username).first() if username else admins.order_by("pk").first()
        )
        if exporter is None:
            raise CommandError("An active administrator must be named with --as.")
        filename, data = build_pack(statement, exporter)
        path = Path(output or filename)
        path.write_bytes(data)
        self.stdout.write(f"Evidence pack of statement {statement.pk} written to {path}.")
