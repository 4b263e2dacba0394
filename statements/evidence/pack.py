"""A statement's evidence pack: ``evidence.json``, a PDF receipt per signature, the
verifier that checks them offline and a README, in one ZIP (docs/adr/0021).

The JSON holds every version of the common words with its fingerprint, every
signature and language approval against the fingerprint of the words it keeps, every
release and correction, the clearance copies issued, the audit log's entries about the
statement with their hashes, and the chain's head at export. ``statements.evidence_check``
(carried as ``verify_evidence_pack.py``) recomputes all of it with Python alone.
"""

import hashlib
import io
import json
import zipfile
from pathlib import Path

from django.utils import timezone

from .. import evidence_check
from ..audit import head, verify_chain
from ..audit_chain import ALGORITHM, utc_iso
from ..queries.evidence import statement_records
from .documents import receipt_pdf

README = """Evidence pack of {reference} (statement {page_id}), exported {at} by {user}.

evidence.json            every version of the common words with its fingerprint; every
                         signature and language approval against the fingerprint of the
                         words it keeps; every release and correction; the clearance
                         copies issued; the audit log's entries about this statement with
                         their hashes, and the head of the whole chain at export.
receipts/                a PDF receipt for every signature.
verify_evidence_pack.py  the verifier: Python 3.11 or newer, nothing else.

Verify:   python3 verify_evidence_pack.py {filename}

It prints a summary and exits 0 when everything verifies, or prints each problem,
naming the signature, entry or file, and exits 1. A fingerprint is the SHA-256 of the
words as canonical JSON (sorted keys, no spaces, UTF-8); an audit entry's hash is the
SHA-256 of its content the same way, and each entry's content holds the hash of the
one before it. The pack checks itself; that its chain is the server's own shows by the
head it prints, which should match `python manage.py verify_audit_log` on the server
(or a head written down since), or by `python manage.py verify_evidence_pack FILE --log`.
"""


def _sha256(data):
    return hashlib.sha256(data).hexdigest()


def build_pack(statement, exported_by, now=None):
    """(file name, ZIP bytes) of ``statement``'s evidence pack, exported by ``exported_by``."""
    now = now or timezone.now()
    signatures, records = statement_records(statement)
    files = {}
    for approval, record in zip(signatures, records["signatures"], strict=True):
        name = f"receipts/sign-off-{approval.pk}.pdf"
        files[name] = receipt_pdf(approval, exported_by, now)
        record["receipt"] = name
        record["receipt_sha256"] = _sha256(files[name])
    problem, verified = verify_chain()
    newest = head()
    entries = records.pop("audit_entries")
    evidence = {
        "format": evidence_check.FORMAT,
        "version": evidence_check.VERSION,
        "exported_at": utc_iso(now),
        "exported_by": exported_by.get_username(),
        **records,
        "audit": {
            "algorithm": ALGORITHM,
            "entries": entries,
            "head": {"seq": newest.seq, "entry_hash": newest.entry_hash, "at": utc_iso(newest.at)}
            if newest
            else {},
            "chain_verified_at_export": problem is None,
            "chain_problem": str(problem) if problem else "",
            "chain_entries_verified": verified,
        },
        "files": {name: _sha256(data) for name, data in files.items()},
    }
    reference = records["statement"]["reference"]
    filename = f"communique-evidence-{reference}-{now:%Y%m%dT%H%M%SZ}.zip"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "evidence.json", json.dumps(evidence, indent=2, sort_keys=True, ensure_ascii=False)
        )
        for name, data in files.items():
            archive.writestr(name, data)
        archive.writestr("verify_evidence_pack.py", Path(evidence_check.__file__).read_bytes())
        archive.writestr(
            "README.txt",
            README.format(
                reference=reference,
                page_id=statement.pk,
                at=evidence["exported_at"],
                user=evidence["exported_by"],
                filename=filename,
            ),
        )
    return filename, buffer.getvalue()
