"""Translators always work from the latest text (issue 14, item 3).

A drafter's save that changes the source's translatable text brings it into every
translation by itself, after the commit: segments whose source is unchanged keep their
translation, changed ones await translation again, and what the public reads of a
released translation stays as released. Each translator of each of the statement's
languages is told by e-mail (by reference and counts, never the words) and on the
dashboard. A save that changes no translatable string syncs nothing and tells no one.
"""

import datetime
import re

import pytest
from django.core import mail
from wagtail.test.utils.form_data import inline_formset
from wagtail_localize.models import StringTranslation, Translation

from statements import tasks
from statements.models import AgencyAssignment, StatementPage
from statements.wagtail_localize_compat import save_translation_draft
from tests import factories
from tests.statements.flow_world import reference_of

# The page editor's form, filled from the page, and the errors it answers with.
from .test_bad_input import form_errors, page_form

pytestmark = pytest.mark.django_db

TITLE = "Joint statement on the Arctic corridor"
NEW_TITLE = "Joint statement on the Arctic shipping corridor"
SUMMARY = "The governments welcome the first report."


def with_email(user, address):
    user.email = address
    user.save()
    return user


def translation_of(statement, code):
    return Translation.objects.get(
        source__object_id=statement.translation_key, target_locale__language_code=code
    )


def page_in(statement, code):
    return StatementPage.objects.get(
        translation_key=statement.translation_key, locale__language_code=code
    )


def editor_form(latest, **changes):
    """What the editor posts for the latest draft: its signatories and its paragraph
    by their ids, as the browser sends them back, so only ``changes`` change."""
    signatories = list(latest.signatories.all())
    form = page_form(
        latest,
        signatories=inline_formset(
            [{"id": s.pk, "government": s.government_id} for s in signatories],
            initial=len(signatories),
        ),
        **changes,
    )
    form["body-0-id"] = latest.body[0].id
    return form


def save_in_editor(client, drafter, statement, capture, **changes):
    """Post the page editor's form as the drafter, after-commit work run as in production."""
    client.force_login(drafter)
    latest = StatementPage.objects.get(pk=statement.pk).get_latest_revision_as_object()
    mail.outbox.clear()
    with capture(execute=True):
        response = client.post(f"/admin/pages/{statement.pk}/edit/", editor_form(latest, **changes))
    assert response.status_code == 302, form_errors(response)
    return {address: message for message in mail.outbox for address in message.to}


@pytest.fixture
def world(client, site_tree, governments, django_capture_on_commit_callbacks):
    ca, fr, jp = governments["CA"], governments["FR"], governments["JP"]
    drafter = factories.drafter()
    statement = factories.make_statement(
        site_tree["newsrooms"]["en"],
        [ca, fr, jp],
        lead=ca,
        publish=False,
        user=drafter,
        owner=drafter,
        slug="synced",
        title=TITLE,
        summary=SUMMARY,
        body=[("paragraph", "<p>Words.</p>")],
    )
    other = factories.make_statement(
        site_tree["newsrooms"]["en"], [ca, fr], lead=ca, publish=False, slug="other"
    )
    people = {
        "drafter": drafter,
        "fr": with_email(factories.translator("fr"), "fr@example.org"),
        "ja": with_email(factories.translator("ja"), "ja@example.org"),
        # A language the statement does not need.
        "de": with_email(factories.translator("de"), "de@example.org"),
        # A French agency translator, given another statement only.
        "agency": with_email(factories.translator("fr", username="agency-fr"), "ag@example.org"),
    }
    AgencyAssignment.objects.create(
        user=people["agency"], statement=other, until=datetime.date(2099, 1, 1)
    )
    # The editor's own form first, so what it stores is the baseline.
    save_in_editor(client, drafter, statement, django_capture_on_commit_callbacks)
    factories.translate_everything(statement, "fr")
    save_translation_draft(translation_of(statement, "fr"))
    return statement, people


def test_a_changed_source_reaches_the_translations_and_their_translators(
    client, world, django_capture_on_commit_callbacks
):
    statement, people = world
    french = page_in(statement, "fr")
    assert french.get_latest_revision_as_object().title == f"[fr] {TITLE}"

    mailed = save_in_editor(
        client, people["drafter"], statement, django_capture_on_commit_callbacks, title=NEW_TITLE
    )

    # The French draft follows the new source: the unchanged summary keeps its
    # translation, the changed title awaits one (the source's words stand in for it).
    draft = page_in(statement, "fr").get_latest_revision_as_object()
    assert draft.summary == f"[fr] {SUMMARY}"
    assert draft.title == NEW_TITLE
    total, done = translation_of(statement, "fr").get_progress()
    assert done == total - 1
    assert not StringTranslation.objects.filter(
        translation_of__data=NEW_TITLE, locale__language_code="fr"
    ).exists()
    assert page_in(statement, "ja").get_latest_revision_as_object().title == NEW_TITLE

    # Each translator of the statement's languages is told, once, by reference.
    assert set(mailed) == {"fr@example.org", "ja@example.org"}, set(mailed)
    message = mailed["fr@example.org"]
    reference = reference_of(statement)
    assert reference in message.subject
    assert "Changed segments: 1" in message.body
    assert "Added segments: 0" in message.body
    assert "Removed segments: 0" in message.body
    assert f"/admin/pages/{french.pk}/edit/" in message.body
    assert f"/admin/pages/{page_in(statement, 'ja').pk}/edit/" in mailed["ja@example.org"].body
    for words in (TITLE, NEW_TITLE, SUMMARY, "Words."):
        assert words not in message.subject + message.body

    # The digest does not say "out of date" again: the translation is up to date.
    mail.outbox.clear()
    tasks.send_translation_digests_task()
    assert not [m for m in mail.outbox if "out of date" in m.body]

    # The dashboard says what changed, for the translator's own language only.
    client.force_login(people["fr"])
    dashboard = client.get("/admin/").content.decode()
    row = re.search(rf'<tr data-awaiting="{statement.pk}-fr".*?</tr>', dashboard, re.S)
    assert row, "the French row"
    assert "Source updated: 1 changed, 0 added, 0 removed" in row.group(0)
    client.force_login(people["de"])
    assert "Source updated" not in client.get("/admin/").content.decode()


def test_a_save_that_changes_no_translatable_text_syncs_nothing_and_tells_no_one(
    client, world, django_capture_on_commit_callbacks
):
    statement, people = world
    french_revision = page_in(statement, "fr").latest_revision_id
    mailed = save_in_editor(
        client, people["drafter"], statement, django_capture_on_commit_callbacks
    )
    assert mailed == {}
    assert page_in(statement, "fr").latest_revision_id == french_revision
    # Control: the same form with another title is synced and told.
    mailed = save_in_editor(
        client, people["drafter"], statement, django_capture_on_commit_callbacks, title=NEW_TITLE
    )
    assert "fr@example.org" in mailed
    assert page_in(statement, "fr").latest_revision_id != french_revision


def test_a_released_translation_keeps_its_public_text(
    client, site_tree, governments, django_capture_on_commit_callbacks
):
    ca, fr = governments["CA"], governments["FR"]
    drafter = factories.drafter()
    statement = factories.make_statement(
        site_tree["newsrooms"]["en"],
        [ca, fr],
        lead=ca,
        user=drafter,
        owner=drafter,
        slug="released",
        title=TITLE,
        body=[("paragraph", "<p>Words.</p>")],
    )
    french = factories.translate_statement(statement, "fr", title="Déclaration publiée")
    with_email(factories.translator("fr"), "fr@example.org")
    live_revision = french.live_revision_id
    assert "Déclaration publiée" in client.get(french.url).content.decode()

    mailed = save_in_editor(
        client, drafter, statement, django_capture_on_commit_callbacks, title=NEW_TITLE
    )

    french.refresh_from_db()
    assert french.live and french.title == "Déclaration publiée"
    assert french.live_revision_id == live_revision
    assert french.has_unpublished_changes
    assert french.get_latest_revision_as_object().title == NEW_TITLE
    client.logout()
    assert "Déclaration publiée" in client.get(french.url).content.decode()
    assert "fr@example.org" in mailed


def test_a_sync_the_broker_missed_is_done_by_the_sweep(
    client, world, monkeypatch, django_capture_on_commit_callbacks
):
    from celery import current_app

    statement, people = world
    task = current_app.tasks["statements.tasks.sync_translations_task"]

    def broker_away(*args, **kwargs):
        raise OSError("Connection refused")

    monkeypatch.setattr(task, "apply_async", broker_away)
    # The save itself succeeds; the translations wait, and nobody is told yet.
    mailed = save_in_editor(
        client, people["drafter"], statement, django_capture_on_commit_callbacks, title=NEW_TITLE
    )
    assert mailed == {}
    assert page_in(statement, "fr").get_latest_revision_as_object().title == f"[fr] {TITLE}"
    monkeypatch.undo()

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.sync_stale_translations_task() == [statement.pk]
    assert page_in(statement, "fr").get_latest_revision_as_object().title == NEW_TITLE
    assert {m.to[0] for m in mail.outbox} == {"fr@example.org", "ja@example.org"}
    # Done once: the next sweep finds nothing.
    assert tasks.sync_stale_translations_task() == []


def test_beat_runs_the_sweep():
    from celery import current_app
    from django.conf import settings

    tasks_run = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "statements.tasks.sync_stale_translations_task" in tasks_run
    assert "statements.tasks.sync_stale_translations_task" in current_app.tasks
