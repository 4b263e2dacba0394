"""The world of the flow tests (test_flow_notices.py, test_editor_flow.py): a statement
of Canada, France and Japan in sign-off, with an approver for each and for Germany,
which signs nothing (the outsider of every denial)."""

from statements.models import StatementPage
from tests import factories

TITLE = "Joint statement on sanctions"
SUMMARY = "The partners welcome the first report."


def build_world(site_tree, governments, django_capture_on_commit_callbacks):
    ca, fr, jp = governments["CA"], governments["FR"], governments["JP"]
    germany = factories.GovernmentFactory(
        code="DE", short_name="Germany", languages=["de"], time_zone="Europe/Berlin"
    )
    drafter = factories.drafter()
    statement = factories.make_statement(
        site_tree["newsrooms"]["en"],
        [ca, fr, jp],
        lead=ca,
        publish=False,
        owner=drafter,
        user=drafter,
        slug="flow-statement",
        title=TITLE,
        summary=SUMMARY,
    )
    approvers = {code: factories.approver(g) for code, g in governments.items()}
    approvers["DE"] = factories.approver(germany)
    with django_capture_on_commit_callbacks(execute=True):
        factories.submit_for_signoff(statement, drafter)
    return {
        "statement": StatementPage.objects.get(pk=statement.pk),
        "drafter": drafter,
        "approvers": approvers,
    }


def reference_of(statement):
    year = statement.get_latest_revision().created_at.year
    return f"JS-{year}-{statement.pk:03d}"


def sign(client, user, statement, code):
    client.force_login(user)
    latest = StatementPage.objects.get(pk=statement.pk).get_latest_revision()
    response = client.post(
        f"/admin/statements/{statement.pk}/sign-off/sign-off-{code.lower()}/",
        {"revision_id": latest.pk, "comment": ""},
    )
    assert response.status_code == 302
    return response


def save_words(statement, user, **changes):
    latest = StatementPage.objects.get(pk=statement.pk).get_latest_revision_as_object()
    signatories = changes.pop("signatories", None)
    for field, value in changes.items():
        setattr(latest, field, value)
    if signatories is not None:
        latest.signatories.set(
            [s for s in latest.signatories.all() if s.government.code in signatories]
        )
    return latest.save_revision(user=user)
