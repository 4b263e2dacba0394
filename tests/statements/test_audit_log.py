"""The audit log: sign-offs, their withdrawal, language approvals, the release, sign-ins
and role changes, each chained to the one before by its hash, verified by
``manage.py verify_audit_log``; on any database a changed or missing row is found."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from statements.actions.base import release_clock_user
from statements.actions.people import RemoveRoleAction, grant_role
from statements.actions.release import PrepareReleaseAction, ReleaseStatementAction
from statements.actions.scheduling import ScheduleReleaseAction
from statements.actions.signoff import SignOffAction
from statements.audit_chain import GENESIS
from statements.models import AuditEntry, Release, Role, StatementPage
from tests import factories
from tests.accounts.helpers import current_code, sign_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

A = AuditEntry.Action


def verify():
    out = io.StringIO()
    call_command("verify_audit_log", stdout=out)
    return out.getvalue()


def verification_fails():
    """The command's error (``manage.py`` exits with its return code, 1)."""
    with pytest.raises(CommandError) as caught:
        call_command("verify_audit_log", stdout=io.StringIO())
    assert caught.value.returncode == 1
    return str(caught.value)


def entries():
    return list(AuditEntry.objects.order_by("seq"))


@pytest.fixture
def released(site_tree, governments):
    """A statement of Canada and France, signed, translated, approved and released."""
    statement, drafter, approvers = factories.ready_for_release(
        site_tree["newsrooms"]["en"],
        {"CA": governments["CA"], "FR": governments["FR"]},
        slug="audited",
    )
    release = ScheduleReleaseAction(statement, drafter).execute()
    Release.objects.filter(pk=release.pk).update(
        release_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    release_clock_user()
    assert ReleaseStatementAction(release.pk).execute().state == "released"
    release.refresh_from_db()
    return statement, release, approvers


def test_sign_offs_language_approvals_and_the_release_are_chained(released):
    statement, release, approvers = released
    log = entries()
    signed = [e for e in log if e.action == A.SIGN_OFF]
    assert {(e.government_code, e.actor) for e in signed} == {
        ("CA", approvers["CA"].username),
        ("FR", approvers["FR"].username),
    }
    assert {e.fingerprint for e in signed} == {release.fingerprint}
    assert all(e.statement_key == str(statement.translation_key) for e in log)
    approved = [e for e in log if e.action == A.TRANSLATION_APPROVED]
    assert {(e.government_code, e.language_code) for e in approved} == {("CA", "fr"), ("FR", "fr")}
    assert all(len(e.fingerprint) == 64 for e in approved)
    last = log[-1]
    assert (last.action, last.actor, last.mfa_method) == (A.RELEASE, "release-clock", "")
    assert last.fingerprint == release.fingerprint
    assert release.released_at - datetime.timedelta(seconds=5) < last.at <= release.released_at
    assert last.details["languages"] == ["en", "fr"]
    # One chain: numbered from 1, each entry naming the hash of the one before.
    assert [e.seq for e in log] == list(range(1, len(log) + 1))
    assert [e.prev_hash for e in log] == [GENESIS] + [e.entry_hash for e in log[:-1]]
    assert f"{len(log)} audit log entries verify" in verify()


def test_the_release_writes_its_entry_with_one_insert(site_tree, governments):
    statement, drafter, _approvers = factories.ready_for_release(
        site_tree["newsrooms"]["en"], {"CA": governments["CA"]}, slug="one-insert"
    )
    release = ScheduleReleaseAction(statement, drafter).execute()
    Release.objects.filter(pk=release.pk).update(
        release_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    release_clock_user()
    PrepareReleaseAction(release.pk).execute()
    before = AuditEntry.objects.count()
    with CaptureQueriesContext(connection) as queries:
        assert ReleaseStatementAction(release.pk).flip().state == "released"
    audit_queries = [
        q["sql"] for q in queries.captured_queries if "statements_auditentry" in q["sql"]
    ]
    assert len([sql for sql in audit_queries if sql.startswith("INSERT")]) == 1
    assert len(audit_queries) == 2  # the head, the insert
    assert AuditEntry.objects.count() == before + 1


def sign(client, user, statement, code, verb="sign-off", **data):
    client.force_login(user)
    latest = StatementPage.objects.get(pk=statement.pk).get_latest_revision()
    return client.post(
        f"/admin/statements/{statement.pk}/sign-off/{verb}-{code.lower()}/",
        {"revision_id": latest.pk, "comment": "", **data},
    )


@pytest.fixture
def in_signoff(site_tree, governments):
    drafter = factories.drafter()
    statement = factories.make_statement(
        site_tree["newsrooms"]["en"],
        [governments["CA"], governments["FR"]],
        lead=governments["CA"],
        publish=False,
        user=drafter,
        owner=drafter,
        slug="in-signoff",
    )
    factories.submit_for_signoff(statement, drafter)
    return StatementPage.objects.get(pk=statement.pk), governments


def test_a_withdrawn_sign_off_is_recorded_with_the_sessions_second_factor(client, in_signoff):
    statement, governments = in_signoff
    france = factories.approver(governments["FR"])
    assert sign(client, france, statement, "FR").status_code == 302
    response = sign(client, france, statement, "FR", verb="withdraw", reason="New facts.")
    assert response.status_code == 302
    login, signed, _login_again, withdrawn = entries()  # force_login signs in each time
    assert login.action == A.LOGIN
    assert (signed.action, withdrawn.action) == (A.SIGN_OFF, A.SIGN_OFF_WITHDRAWN)
    assert withdrawn.government_code == "FR" and withdrawn.actor == france.username
    assert withdrawn.fingerprint == signed.fingerprint
    assert withdrawn.details["reason"] == "New facts."
    # tests/conftest.py's force_login verifies a recovery-code device for the session.
    assert {signed.mfa_method, withdrawn.mfa_method} == {"recovery_code"}
    assert "4 audit log entries verify" in verify()


def test_an_action_that_rolls_back_leaves_no_entry(in_signoff):
    statement, governments = in_signoff
    france = factories.approver(governments["FR"])
    with pytest.raises(RuntimeError), transaction.atomic():
        SignOffAction(statement, france, "FR").execute()
        assert AuditEntry.objects.count() == 1
        raise RuntimeError("the action's transaction rolls back")
    assert not AuditEntry.objects.exists()
    SignOffAction(statement, france, "FR").execute()  # positive control
    assert [e.action for e in entries()] == [A.SIGN_OFF]


def test_signing_in_is_recorded_with_each_factor(client, site_tree):
    # Imported here: only this test needs a TOTP device.
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = factories.drafter()
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    assert sign_in(client, "drafter", password="wrong").status_code == 200
    assert not AuditEntry.objects.exists()  # a refused password is not a sign-in
    assert sign_in(client, "drafter").status_code == 302
    login = entries()[-1]
    assert (login.action, login.actor, login.mfa_method) == (A.LOGIN, "drafter", "none")
    verified = client.post("/admin/mfa/verify/", {"token": current_code(device), "next": "/admin/"})
    assert verified.status_code == 302
    second = entries()[-1]
    assert (second.action, second.actor, second.mfa_method) == (A.SECOND_FACTOR, "drafter", "totp")
    assert "2 audit log entries verify" in verify()


def test_granting_and_removing_a_role_are_recorded(governments):
    admin = UserFactory(username="admin", is_superuser=True, is_staff=True)
    person = UserFactory(username="dana")
    grant_role(person, governments["CA"], Role.DRAFTER, "", admin)
    RemoveRoleAction(admin, governments["CA"], person, Role.DRAFTER).execute()
    granted, removed = entries()
    assert (granted.action, removed.action) == (A.ROLE_GRANTED, A.ROLE_REMOVED)
    for entry in (granted, removed):
        assert (entry.actor, entry.government_code) == ("admin", "CA")
        assert entry.details == {"member": "dana", "member_id": person.pk, "role": "drafter"}


def tamper(sql, params):
    """Change the table as a DBA would: with the append-only trigger off (PostgreSQL)."""
    postgres = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        if postgres:
            cursor.execute("ALTER TABLE statements_auditentry DISABLE TRIGGER USER")
        cursor.execute(sql, params)
        if postgres:
            cursor.execute("ALTER TABLE statements_auditentry ENABLE TRIGGER USER")


def test_a_row_changed_by_raw_sql_fails_verification(released):
    log = entries()
    assert f"{len(log)} audit log entries verify" in verify()
    signed = next(e for e in log if e.action == A.SIGN_OFF and e.government_code == "FR")
    tamper("UPDATE statements_auditentry SET actor = %s WHERE id = %s", ["someone-else", signed.pk])
    message = verification_fails()
    assert f"entry #{signed.seq} (id {signed.pk}) does not verify" in message
    assert "its content does not match its hash" in message
    assert f"{signed.seq - 1} entries before it verify" in message


def test_a_row_deleted_mid_chain_fails_verification(released):
    log = entries()
    gone, after = log[1], log[2]
    tamper("DELETE FROM statements_auditentry WHERE id = %s", [gone.pk])
    message = verification_fails()
    assert f"entry #{after.seq} (id {after.pk}) does not verify" in message
    assert f"#{gone.seq} is missing before it" in message


def test_a_rehashed_row_still_breaks_the_next_link(released):
    """Whoever recomputes a changed entry's own hash breaks the link after it."""
    # Imported here: only this test recomputes a hash the way a forger would.
    from statements.audit_chain import hash_of

    log = entries()
    forged = log[1]
    forged.actor = "someone-else"
    tamper(
        "UPDATE statements_auditentry SET actor = %s, entry_hash = %s WHERE id = %s",
        [forged.actor, hash_of(forged.content()), forged.pk],
    )
    message = verification_fails()
    assert f"entry #{log[2].seq} (id {log[2].pk}) does not verify" in message
    assert "it does not follow the entry before it" in message


def test_the_model_refuses_to_change_or_delete_an_entry(released):
    # Imported here: the refusal is Django's PermissionDenied, as the actions' are.
    from django.core.exceptions import PermissionDenied

    entry = entries()[0]
    entry.actor = "someone-else"
    with pytest.raises(PermissionDenied):
        entry.save()
    with pytest.raises(PermissionDenied):
        entry.delete()
    assert "audit log entries verify" in verify()


@pytest.mark.usefixtures("require_postgres")
def test_postgresql_refuses_update_and_delete_with_the_trigger_on(released):
    # Imported here: the error PostgreSQL's trigger raises reaches Django as this.
    from django.db import DatabaseError

    entry = entries()[1]
    for sql in (
        "UPDATE statements_auditentry SET actor = 'someone-else' WHERE id = %s",
        "DELETE FROM statements_auditentry WHERE id = %s",
    ):
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql, [entry.pk])
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).update(actor="someone-else")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEntry.objects.all()._raw_delete(connection.alias)
    # Positive control: the same UPDATE goes through once a DBA disables the trigger.
    tamper("UPDATE statements_auditentry SET actor = 'someone-else' WHERE id = %s", [entry.pk])
    assert AuditEntry.objects.get(pk=entry.pk).actor == "someone-else"


def test_only_administrators_read_the_audit_log_and_nobody_edits_it(client, released):
    _statement, _release, approvers = released
    url = "/admin/reports/audit-log/"
    log = entries()
    admin = UserFactory(username="admin", is_superuser=True, is_staff=True)
    client.force_login(admin)
    page = client.get(url)
    assert page.status_code == 200
    assert all(e.entry_hash in page.text for e in log)
    assert "Sign-off" in page.text and "release-clock" in page.text
    exported = client.get(url, {"export": "csv"})
    assert exported.status_code == 200
    assert log[1].prev_hash in exported.getvalue().decode()
    assert client.post(url, {"actor": "someone-else"}).status_code == 405
    assert url in client.get("/admin/").text  # in the Reports menu
    # Approvers and drafters of a government read none of it, not even their own entries.
    drafter = factories.drafter(username="drafter-audit")
    for person in (approvers["FR"], approvers["CA"], drafter):
        client.force_login(person)
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert log[0].entry_hash not in response.content.decode()
        assert client.get(url, {"export": "csv"}).status_code in (302, 403)
        assert url not in client.get("/admin/").text
    assert AuditEntry.objects.filter(actor="someone-else").count() == 0
