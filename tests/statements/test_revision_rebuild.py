"""A statement rebuilt from a revision is what modelcluster builds, in fewer queries.

modelcluster checks each foreign key of each child row with a query of its own; the
statement checks them all first, one query per related model, and skips that check only
when every one exists (statements.revisions_memo.references_exist)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from modelcluster.models import ClusterableModel

from statements.models import StatementPage
from statements.models.statement_parts import StatementRelatedLink
from tests import factories

pytestmark = pytest.mark.django_db


def modelclusters_own(content):
    """What modelcluster builds from ``content``, with its per-row check."""
    return ClusterableModel.from_serializable_data.__func__(StatementPage, content)


def children(page):
    return {
        "signatories": [(s.government_id, s.sort_order) for s in page.signatories.all()],
        "contacts": [c.contact_id for c in page.contacts.all()],
        "links": [(link.title, link.link_page_id) for link in page.related_links.all()],
    }


@pytest.fixture
def statement(site_tree):
    governments = [factories.GovernmentFactory() for _ in range(6)]
    contacts = [factories.MediaContactFactory(government=g) for g in governments]
    page = factories.make_statement(site_tree["newsrooms"]["en"], governments, contacts=contacts)
    target = factories.make_statement(site_tree["newsrooms"]["en"], governments[:2], slug="target")
    page.related_links.add(
        StatementRelatedLink(title="The report", link_page=target, locale=page.locale)
    )
    page.save_revision()
    return page, target


def test_a_revision_whose_references_all_exist_is_rebuilt_as_modelcluster_does(statement):
    page, _target = statement
    content = page.get_latest_revision().content
    with CaptureQueriesContext(connection) as theirs:
        expected = modelclusters_own(content)
    with CaptureQueriesContext(connection) as ours:
        rebuilt = StatementPage.from_serializable_data(content)
    assert children(rebuilt) == children(expected)
    assert len(children(rebuilt)["signatories"]) == 6
    # One query per related model against one per row.
    assert len(ours) < len(theirs) / 2, (len(ours), len(theirs))


def test_a_reference_gone_since_the_revision_is_treated_as_modelcluster_treats_it(statement):
    page, target = statement
    revision = page.get_latest_revision()
    target.delete()
    content = revision.content
    expected = modelclusters_own(content)
    rebuilt = StatementPage.from_serializable_data(content)
    # The link's page is gone: set to null (its on_delete), as modelcluster does.
    assert children(expected)["links"] == [("The report", None)]
    assert children(rebuilt) == children(expected)
    assert children(revision.as_object())["links"] == [("The report", None)]
