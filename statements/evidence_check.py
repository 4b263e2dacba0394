"""Verify a statement's evidence pack offline, with Python 3.11 and nothing else.

Every pack carries a copy of this file as ``verify_evidence_pack.py``. It imports only
the standard library, reads no settings and opens no database, so a government's
lawyer can run it on any machine (docs/adr/0021)::

    python3 verify_evidence_pack.py communique-evidence-JS-2026-053.zip
    python3 -m statements.evidence_check FILE         # from a checkout
    python manage.py verify_evidence_pack FILE --log  # on the server, also against the log

It recomputes, from the pack alone: the fingerprint of every version of the words and
of the words kept with every signature (SHA-256 of their canonical JSON); the hash of
every audit entry and the link between consecutive ones; each signature's and each
release's audit entry; that every signatory of a released version had signed it; and
the SHA-256 of every file (the PDF receipts). It prints each problem, naming the
signature, entry or file, and exits 1; 0 when everything verifies.

What it cannot know offline is whether the chain itself is the one the server keeps:
a pack whose entries were all rewritten and re-hashed is consistent in itself. Compare
the head it prints with one written down elsewhere, or run the command with ``--log``.
"""

import hashlib
import json
import sys
import zipfile

FORMAT = "communique-evidence-pack"
VERSION = 1
AUDIT_ALGORITHM = "sha256-json-v1"
GENESIS = "0" * 64
START_ACTIONS = {"source": "sign_off", "translation": "translation.approve"}
END_ACTIONS = {
    ("source", "void"): "sign_off.void",
    ("source", "withdrawn"): "sign_off.withdraw",
    ("translation", "void"): "translation.void",
}


def fingerprint_of(words):
    """As ``statements.fingerprint.fingerprint_of``: the words' canonical JSON, hashed."""
    canonical = json.dumps(words, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def entry_hash_of(content):
    """As ``statements.audit_chain.hash_of`` for ``sha256-json-v1``."""
    canonical = json.dumps(
        content, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def short(value):
    return f"{value[:12]}…" if value else "(none)"


def _who(approval, subject="source"):
    """How a problem names a signature (or a language approval): id, government, who."""
    if subject == "source":
        return f"signature {approval['id']} ({approval['government_name']}, {approval['user']})"
    return (
        f"language approval {approval['id']} ({approval['government_name']}, "
        f"{approval['user']}, {approval['language_code']})"
    )


class Checker:
    def __init__(self, evidence, files):
        self.evidence = evidence
        self.files = files
        self.problems = []
        self.entries = {}

    def fail(self, message):
        self.problems.append(message)

    def run(self):
        pack = self.evidence
        if pack.get("format") != FORMAT or pack.get("version") != VERSION:
            self.fail(f"not a {FORMAT} version {VERSION}")
            return self.problems
        self.check_files()
        self.check_audit()
        versions = self.check_versions()
        signatures = pack.get("signatures", [])
        for signature in signatures:
            self.check_approval(signature, "source", versions)
        for approval in pack.get("language_approvals", []):
            self.check_approval(approval, "translation", None)
        for release in pack.get("releases", []):
            self.check_release(release, versions, signatures)
        return self.problems

    def check_files(self):
        listed = self.evidence.get("files", {})
        for name, digest in sorted(listed.items()):
            data = self.files.get(name)
            if data is None:
                self.fail(f"file {name} is missing from the pack")
            elif hashlib.sha256(data).hexdigest() != digest:
                self.fail(f"file {name} has changed: its SHA-256 is not {short(digest)}")
        for signature in self.evidence.get("signatures", []):
            name = signature.get("receipt")
            if name and listed.get(name) != signature.get("receipt_sha256"):
                self.fail(f"{_who(signature)}: its receipt {name} is not the file listed")

    def check_audit(self):
        audit = self.evidence.get("audit", {})
        previous = None
        for item in sorted(audit.get("entries", []), key=lambda e: e["content"]["seq"]):
            content, seq = item["content"], item["content"]["seq"]
            label = f"audit entry #{seq}"
            if content.get("algorithm") != AUDIT_ALGORITHM:
                self.fail(f"{label}: unknown hash algorithm {content.get('algorithm')!r}")
            elif entry_hash_of(content) != item["entry_hash"]:
                self.fail(f"{label}: its content does not match its hash")
            if previous is not None and seq == previous["content"]["seq"] + 1:
                if content["prev_hash"] != previous["entry_hash"]:
                    self.fail(f"{label}: it does not follow #{seq - 1}")
            elif seq == 1 and content["prev_hash"] != GENESIS:
                self.fail(f"{label}: the first entry does not start the chain")
            previous = item
            self.entries[seq] = item
        head = audit.get("head") or {}
        named = self.entries.get(head.get("seq"))
        if named is not None and named["entry_hash"] != head.get("entry_hash"):
            self.fail(f"audit entry #{head['seq']}: not the head the pack names")
        if self.entries and max(self.entries) > head.get("seq", 0):
            self.fail(f"audit entry #{max(self.entries)}: newer than the head the pack names")

    def check_versions(self):
        versions = {}
        for version in self.evidence.get("versions", []):
            recomputed = fingerprint_of(version["words"])
            if recomputed != version["fingerprint"]:
                self.fail(
                    f"version {short(version['fingerprint'])}: its words' fingerprint is "
                    f"{short(recomputed)}"
                )
            versions[version["fingerprint"]] = version
        return versions

    def audit_entries(self, action, **details):
        return [
            e["content"]
            for e in self.entries.values()
            if e["content"]["action"] == action
            and all(e["content"]["details"].get(k) == v for k, v in details.items())
        ]

    def check_approval(self, approval, subject, versions):
        who = _who(approval, subject)
        recomputed = fingerprint_of(approval["words"])
        if recomputed != approval["fingerprint"]:
            self.fail(
                f"{who}: its fingerprint {short(approval['fingerprint'])} is not the fingerprint "
                f"of the words it keeps ({short(recomputed)})"
            )
        if versions is not None and approval["fingerprint"] not in versions:
            self.fail(f"{who}: its fingerprint {short(approval['fingerprint'])} is no version")
        started = self.audit_entries(START_ACTIONS[subject], approval=approval["id"])
        if not started:
            self.fail(f"{who}: no audit entry records it")
        for entry in started:
            for field, value in (
                ("fingerprint", approval["fingerprint"]),
                ("government_key", approval["government_key"]),
                ("actor", approval["user"]),
                ("language_code", approval["language_code"]),
            ):
                if entry[field] != value:
                    self.fail(
                        f"{who}: audit entry #{entry['seq']} records {field} {entry[field]!r}, "
                        f"the pack says {value!r}"
                    )
        end = END_ACTIONS.get((subject, approval["state"]))
        superseded = approval.get("end_reason") == "superseded"  # the new one's entry says so
        if end and not superseded and not self.audit_entries(end, approval=approval["id"]):
            self.fail(f"{who}: it is {approval['state']}, and no audit entry records that")

    def check_release(self, release, versions, signatures):
        label = f"release {release['id']}"
        if release["state"] != "released":
            return
        if not self.audit_entries("release", release=release["id"]):
            self.fail(f"{label}: no audit entry records it")
        if release.get("language_code"):
            return  # a language released later: its words are its approvals'
        version = versions.get(release["fingerprint"])
        if version is None:
            self.fail(f"{label}: its fingerprint {short(release['fingerprint'])} is no version")
            return
        at = release["released_at"]
        names = {s["government_key"]: s["government_name"] for s in signatures}
        for key in version["words"].get("signatories", []):
            signed = [
                s
                for s in signatures
                if s["government_key"] == key
                and s["fingerprint"] == release["fingerprint"]
                and s["created_at"] <= at
                and (s["state"] == "valid" or (s.get("ended_at") or "") > at)
            ]
            if not signed:
                government = f"{names[key]} ({key})" if key in names else key
                self.fail(f"{label}: {government} had not signed the words released")


def verify(evidence, files):
    """The problems found in a pack (its ``evidence.json`` and its other files)."""
    return Checker(evidence, files).run()


def read(path):
    """(evidence, {name: bytes}) of the pack at ``path``."""
    with zipfile.ZipFile(path) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    return json.loads(files.pop("evidence.json")), files


def _count(number, name):
    if number == 1:
        return f"1 {name}"
    return f"{number} {name[:-1] + 'ies' if name.endswith('y') else name + 's'}"


def summary(evidence):
    head = evidence.get("audit", {}).get("head") or {}
    statement = evidence.get("statement", {})
    counts = ", ".join(
        _count(len(items), name)
        for items, name in (
            (evidence.get("versions", []), "version"),
            (evidence.get("signatures", []), "signature"),
            (evidence.get("language_approvals", []), "language approval"),
            (evidence.get("releases", []), "release"),
            (evidence.get("corrections", []), "correction"),
            (evidence.get("audit", {}).get("entries", []), "audit entry"),
            (evidence.get("files", {}), "file"),
        )
    )
    return (
        f"Evidence pack of {statement.get('reference')} (statement {statement.get('page_id')}, "
        f"exported {evidence.get('exported_at')} by {evidence.get('exported_by')}) verifies: "
        f"{counts}. "
        f"Audit chain head at export: #{head.get('seq')} {head.get('entry_hash')}."
    )


def main(argv=None):
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        sys.stderr.write("usage: verify_evidence_pack.py PACK.zip\n")
        return 2
    evidence, files = read(args[0])
    problems = verify(evidence, files)
    for problem in problems:
        sys.stdout.write(f"FAILED: {problem}\n")
    if problems:
        sys.stdout.write(f"{len(problems)} problem(s): the pack does not verify.\n")
        return 1
    sys.stdout.write(summary(evidence) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
