"""Two last signatures at the same moment complete sign-off exactly once (PostgreSQL)."""

import threading

import pytest
from django.db import connection, connections
from wagtail.models import PageLogEntry, TaskState, WorkflowState

from statements.actions.signoff import SignOffAction
from statements.models import Approval, StatementPage
from tests import factories


@pytest.mark.django_db(transaction=True)
def test_two_approvers_signing_together_complete_once(require_postgres, settings):
    tree = factories.build_site()
    governments = factories.standard_governments()
    drafter = factories.drafter()
    ca, fr, jp = governments["CA"], governments["FR"], governments["JP"]
    statement = factories.make_statement(
        tree["newsrooms"]["en"],
        [ca, fr, jp],
        lead=ca,
        publish=False,
        user=drafter,
        owner=drafter,
        slug="concurrent",
    )
    approvers = {code: factories.approver(g) for code, g in governments.items()}
    factories.submit_for_signoff(statement, drafter)
    SignOffAction(statement, approvers["CA"], "CA").execute()

    barrier = threading.Barrier(2)
    errors = []

    def sign(code):
        try:
            page = StatementPage.objects.get(pk=statement.pk)
            barrier.wait(timeout=10)
            SignOffAction(page, approvers[code], code).execute()
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=sign, args=(code,)) for code in ("FR", "JP")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert not errors, errors
    assert connection.vendor == "postgresql"
    assert Approval.objects.valid().count() == 3
    assert TaskState.objects.filter(status=TaskState.STATUS_APPROVED).count() == 1
    assert WorkflowState.objects.get().status == WorkflowState.STATUS_APPROVED
    assert PageLogEntry.objects.filter(action="statements.cleared").count() == 1
