"""The evidence pack: everything about one statement an administrator can hand over,
checked offline by a command that needs neither the database nor this code base.

The world: a statement of Canada and France that Canada signs, the drafter then edits
(voiding Canada's signature), both governments sign, French is approved, and the
statement is released. The pack is exported through the admin URL and the command,
verified by the script it carries (run in an empty folder with a bare Python), and
tampered with: one byte of a signature's fingerprint, a receipt, an audit entry.
"""

import datetime
import hashlib
import io
import json
import os
import subprocess
import sys
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.utils import timezone
from pypdf import PdfReader

from statements import evidence_check
from statements.actions.release import ReleaseStatementAction
from statements.actions.scheduling import ScheduleReleaseAction
from statements.actions.signoff import SignOffAction
from statements.actions.translation import UpdateTranslationsAction
from statements.audit_chain import hash_of
from statements.fingerprint import fingerprint_of
from statements.models import Approval, AuditEntry, Release, StatementPage
from tests import factories

pytestmark = pytest.mark.django_db

TITLE = "Joint statement on export controls for dual-use goods"


@pytest.fixture
def released(site_tree, governments, settings):
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES
    ca, fr = governments["CA"], governments["FR"]
    newsroom = site_tree["newsrooms"]["en"]
    drafter = factories.drafter(username="drafter-ca", government=ca)
    statement = factories.make_statement(
        newsroom,
        [ca, fr],
        lead=ca,
        publish=False,
        user=drafter,
        owner=drafter,
        title="Joint statement on export controls",
        release_at=timezone.now() + datetime.timedelta(hours=2),
    )
    approvers = {"CA": factories.approver(ca), "FR": factories.approver(fr)}
    factories.submit_for_signoff(statement, drafter)
    SignOffAction(statement, approvers["CA"], "CA").execute()
    edited = StatementPage.objects.get(pk=statement.pk).get_latest_revision_as_object()
    edited.title = TITLE
    edited.save_revision(user=drafter)
    for code in ("CA", "FR"):
        SignOffAction(StatementPage.objects.get(pk=statement.pk), approvers[code], code).execute()
    UpdateTranslationsAction(StatementPage.objects.get(pk=statement.pk), drafter).execute()
    statement = StatementPage.objects.get(pk=statement.pk)
    factories.finish_translation(statement, "fr", approvers)
    factories.publish_parent_pages(newsroom, "fr")
    release = ScheduleReleaseAction(StatementPage.objects.get(pk=statement.pk), drafter).execute()
    Release.objects.filter(pk=release.pk).update(
        release_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert ReleaseStatementAction(release.pk).execute().state == "released"
    root = get_user_model().objects.create_superuser("root", "root@example.org", "pass")
    return {
        "statement": StatementPage.objects.get(pk=statement.pk),
        "drafter": drafter,
        "approvers": approvers,
        "root": root,
    }


def download(user, statement):
    client = Client()
    client.force_login(user)
    return client.get(f"/admin/statements/{statement.pk}/evidence-pack.zip")


@pytest.fixture
def pack(released, tmp_path):
    response = download(released["root"], released["statement"])
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    path = tmp_path / "pack.zip"
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    path.write_bytes(raw)
    return path


def read_pack(path):
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write_pack(path, files):
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)


def offline(path, cwd):
    """Run the pack's own verifier in an empty folder, with a bare Python: no Django,
    no settings, no database, not this repository on the path."""
    with zipfile.ZipFile(path) as archive:
        script = archive.read("verify_evidence_pack.py")
    (cwd / "verify_evidence_pack.py").write_bytes(script)
    env = {"PATH": os.environ.get("PATH", ""), "PYTHONNOUSERSITE": "1"}
    return subprocess.run(
        [sys.executable, "-I", "verify_evidence_pack.py", str(path)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_the_pack_holds_every_version_signature_release_and_audit_entry(released, pack):
    files = read_pack(pack)
    evidence = json.loads(files["evidence.json"])
    statement = released["statement"]
    assert evidence["statement"]["key"] == str(statement.translation_key)
    # Every version of the common words: the first title, then the edited one.
    versions = evidence["versions"]
    assert [v["words"]["title"] for v in versions] == ["Joint statement on export controls", TITLE]
    # Every signature against its fingerprint, the voided one included.
    signatures = evidence["signatures"]
    approvals = Approval.objects.for_source(statement)
    assert sorted(s["id"] for s in signatures) == sorted(approvals.values_list("pk", flat=True))
    states = sorted((s["government_name"], s["state"]) for s in signatures)
    assert states == [("Canada", "valid"), ("Canada", "void"), ("France", "valid")]
    void = next(s for s in signatures if s["state"] == "void")
    assert void["fingerprint"] == versions[0]["fingerprint"]
    assert {s["fingerprint"] for s in signatures if s["state"] == "valid"} == {
        versions[1]["fingerprint"]
    }
    assert [a["language_code"] for a in evidence["language_approvals"]] == ["fr", "fr"]
    # The release, with each language page and the fingerprint it went out with.
    (release,) = evidence["releases"]
    assert release["state"] == "released" and release["fingerprint"] == versions[1]["fingerprint"]
    assert sorted(p["language_code"] for p in release["pages"]) == ["en", "fr"]
    # The audit chain's entries about this statement, with their hashes, and the head.
    actions = [e["content"]["action"] for e in evidence["audit"]["entries"]]
    for action in ("sign_off", "sign_off.void", "translation.approve", "release"):
        assert action in actions
    head = AuditEntry.objects.order_by("-seq").first()
    assert evidence["audit"]["head"] == {
        "seq": head.seq,
        "entry_hash": head.entry_hash,
        "at": evidence["audit"]["head"]["at"],
    }
    assert evidence["audit"]["chain_verified_at_export"] is True
    # A PDF receipt for every signature, with its fingerprint in it.
    for signature in signatures:
        pdf = files[signature["receipt"]]
        assert hashlib.sha256(pdf).hexdigest() == signature["receipt_sha256"]
        text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
        assert signature["fingerprint"] in text
    assert "README.txt" in files


def test_the_pack_verifies_offline_with_the_script_it_carries(pack, tmp_path):
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    result = offline(pack, folder)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "verifies" in result.stdout
    assert "3 signatures" in result.stdout


def test_the_verify_command_and_the_export_command(released, pack, tmp_path, capsys):
    call_command("verify_evidence_pack", str(pack))
    assert "verifies" in capsys.readouterr().out
    exported = tmp_path / "exported.zip"
    call_command("export_evidence_pack", str(released["statement"].pk), "--output", str(exported))
    assert str(exported) in capsys.readouterr().out
    call_command("verify_evidence_pack", str(exported), "--log")
    out = capsys.readouterr().out
    assert "verifies" in out and "audit log" in out


def flip(text, position=0):
    """``text`` with one character changed."""
    swapped = "0" if text[position] != "0" else "1"
    return text[:position] + swapped + text[position + 1 :]


def test_a_changed_byte_in_a_signature_fingerprint_fails_and_says_which(pack, tmp_path):
    files = read_pack(pack)
    evidence = json.loads(files["evidence.json"])
    signature = next(s for s in evidence["signatures"] if s["government_name"] == "France")
    signature["fingerprint"] = flip(signature["fingerprint"], 10)
    files["evidence.json"] = json.dumps(evidence).encode()
    tampered = tmp_path / "tampered.zip"
    write_pack(tampered, files)

    result = offline(tampered, tmp_path)
    assert result.returncode == 1
    assert (
        f"signature {signature['id']} (France, approver-fr): its fingerprint "
        f"{signature['fingerprint'][:12]}… is not the fingerprint of the words it keeps"
    ) in result.stdout
    assert "audit entry #" in result.stdout and "records fingerprint" in result.stdout
    with pytest.raises(CommandError, match=f"signature {signature['id']}"):
        call_command("verify_evidence_pack", str(tampered))


def test_a_changed_receipt_fails_and_says_which(pack, tmp_path):
    files = read_pack(pack)
    name = next(n for n in files if n.startswith("receipts/"))
    data = bytearray(files[name])
    data[len(data) // 2] ^= 0x01
    files[name] = bytes(data)
    tampered = tmp_path / "tampered.zip"
    write_pack(tampered, files)
    result = offline(tampered, tmp_path)
    assert result.returncode == 1
    assert name in result.stdout


def test_a_changed_audit_entry_fails_and_says_which(pack, tmp_path):
    files = read_pack(pack)
    evidence = json.loads(files["evidence.json"])
    entry = next(e for e in evidence["audit"]["entries"] if e["content"]["action"] == "sign_off")
    entry["content"]["mfa_method"] = "passkey"
    files["evidence.json"] = json.dumps(evidence).encode()
    tampered = tmp_path / "tampered.zip"
    write_pack(tampered, files)
    result = offline(tampered, tmp_path)
    assert result.returncode == 1
    assert f"audit entry #{entry['content']['seq']}" in result.stdout


def test_a_rewritten_chain_passes_offline_but_not_against_the_log(pack, tmp_path):
    """Someone who recomputes every hash from one entry on (and the head) makes a pack
    that is consistent in itself: the head written down elsewhere, or the database's
    log (``--log``), is what catches it. The docs say so."""
    files = read_pack(pack)
    evidence = json.loads(files["evidence.json"])
    entries = evidence["audit"]["entries"]
    first = next(i for i, e in enumerate(entries) if e["content"]["action"] == "sign_off")
    entries[first]["content"]["mfa_method"] = "passkey"
    previous = entries[first]["content"]["prev_hash"]
    for entry in entries[first:]:
        entry["content"]["prev_hash"] = previous
        entry["entry_hash"] = previous = hash_of(entry["content"])
    evidence["audit"]["head"]["entry_hash"] = previous
    files["evidence.json"] = json.dumps(evidence).encode()
    tampered = tmp_path / "tampered.zip"
    write_pack(tampered, files)

    assert offline(tampered, tmp_path).returncode == 0
    with pytest.raises(CommandError, match=f"audit entry #{entries[first]['content']['seq']}"):
        call_command("verify_evidence_pack", str(tampered), "--log")


@pytest.mark.parametrize("who", ["drafter", "CA", "FR"])
def test_only_administrators_export_a_pack(released, who):
    user = released["drafter"] if who == "drafter" else released["approvers"][who]
    response = download(user, released["statement"])
    assert response.status_code in (302, 403)
    assert not response.content.startswith(b"PK")
    assert download(released["root"], released["statement"]).status_code == 200  # control


@pytest.mark.django_db(False)
def test_the_verifier_hashes_words_and_entries_as_the_application_does():
    """The verifier repeats two hashes in the standard library: they must agree."""
    words = {"title": "制裁に関する声明 — «Déclaration»", "body": [{"html": "<p>é</p>"}]}
    assert evidence_check.fingerprint_of(words) == fingerprint_of(words)
    content = {"seq": 1, "details": {"reason": "Ä"}, "prev_hash": "0" * 64}
    assert evidence_check.entry_hash_of(content) == hash_of(content)
