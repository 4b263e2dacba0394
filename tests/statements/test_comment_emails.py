"""Comment e-mails about a statement reach only the people with a role in it.

Wagtail e-mails a page's comment subscribers and the people in its threads whenever
comments change, whatever they may do with the page now (statements.wagtail_compat).
An approver whose government was taken off the signatories keeps its subscription and
its old comments; it must not go on receiving the statement's title and comments."""

import pytest
from django.core import mail
from wagtail.models import Comment, PageSubscription
from wagtail.test.utils.form_data import inline_formset

from tests import factories

from .test_bad_input import page_form  # the page editor's form, filled from the page

pytestmark = pytest.mark.django_db

TITLE = "Joint statement on the Arctic shipping corridor"
COMMENT = "Please check the second paragraph's figure."


@pytest.fixture
def world(site_tree, governments):
    canada, france, japan = governments["CA"], governments["FR"], governments["JP"]
    statement = factories.make_statement(
        site_tree["newsrooms"]["en"], [canada, france], publish=False, title=TITLE
    )
    people = {
        "drafter": factories.drafter(government=canada),
        "france": factories.approver(france, email="fr@example.org"),
        # Japan signed an earlier draft and was taken off the signatories since.
        "japan": factories.approver(japan, email="jp@example.org"),
    }
    for who in ("france", "japan"):
        PageSubscription.objects.create(
            page=statement, user=people[who], comment_notifications=True
        )
        Comment.objects.create(
            page=statement, user=people[who], text="Earlier remark.", contentpath="title"
        )
    return statement, people


def comment_as_drafter(client, statement, drafter):
    client.force_login(drafter)
    mail.outbox.clear()
    new = {"contentpath": "title", "text": COMMENT, "position": "", "replies": inline_formset([])}
    form = page_form(statement, comments=inline_formset([new]))
    response = client.post(f"/admin/pages/{statement.pk}/edit/", form)
    assert response.status_code == 302, response.content[:2000]
    assert Comment.objects.filter(page=statement, text=COMMENT).exists()
    return {address: message for message in mail.outbox for address in message.to}


def test_a_comment_is_mailed_to_a_signatorys_approver_and_not_to_a_former_one(client, world):
    statement, people = world
    mailed = comment_as_drafter(client, statement, people["drafter"])
    # Positive control: France signs, and is told, with the title.
    assert "fr@example.org" in mailed
    assert TITLE in mailed["fr@example.org"].body or TITLE in mailed["fr@example.org"].subject
    # Japan no longer has a part in it: nothing at all, title or comment.
    assert "jp@example.org" not in mailed
    for message in mail.outbox:
        assert "jp@example.org" not in message.to + message.cc + message.bcc


def test_the_former_approver_is_told_again_once_its_government_signs_again(
    client, world, governments
):
    statement, people = world
    statement.signatories.create(government=governments["JP"])
    statement.save_revision()
    mailed = comment_as_drafter(client, statement, people["drafter"])
    assert "jp@example.org" in mailed and "fr@example.org" in mailed
