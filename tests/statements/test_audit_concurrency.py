"""Two writers at once chain one after the other; neither forks the audit log
(PostgreSQL: the second waits on the chain's advisory lock)."""

import io
import threading
import time

import pytest
from django.core.management import call_command
from django.db import connections, transaction

from statements import audit
from statements.models import AuditEntry
from tests.factories import UserFactory


@pytest.mark.django_db(transaction=True)
def test_two_writers_at_once_do_not_fork_the_chain(require_postgres):
    first, second = UserFactory(username="first"), UserFactory(username="second")
    recorded = threading.Event()
    errors = []

    def slow_writer():
        """Records, then keeps its transaction open while the other writer starts."""
        try:
            with transaction.atomic():
                audit.record(AuditEntry.Action.LOGIN, actor=first)
                recorded.set()
                time.sleep(0.5)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    def eager_writer():
        try:
            recorded.wait(timeout=10)
            with transaction.atomic():
                audit.record(AuditEntry.Action.LOGIN, actor=second)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=slow_writer), threading.Thread(target=eager_writer)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert not errors, errors
    log = list(AuditEntry.objects.order_by("seq"))
    assert [(e.seq, e.actor) for e in log] == [(1, "first"), (2, "second")]
    assert log[1].prev_hash == log[0].entry_hash
    out = io.StringIO()
    call_command("verify_audit_log", stdout=out)
    assert "2 audit log entries verify" in out.getvalue()
