"""The release over HTTP: the screen, the queue, the partner kit and the health endpoint."""

import datetime
import io
import zoneinfo

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from statements.actions.previews import CreatePreviewLinkAction
from statements.actions.release import ReleaseStatementAction
from statements.actions.scheduling import ScheduleReleaseAction
from statements.actions.translation import DropLanguageAction
from statements.models import PreviewLink, Release, StatementPage
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def ready(site_tree, governments):
    return factories.ready_for_release(
        site_tree["newsrooms"]["en"], governments, lead=governments["CA"], slug="ready"
    )


def url(statement):
    return f"/admin/statements/{statement.pk}/release/"


VERB_PATHS = {
    "schedule": "schedule/",
    "schedule_language": "schedule-language/",
    "hold": "hold/",
    "move": "move/",
    "cancel": "cancel/",
    "confirm": "confirm/",
    "preview_create": "preview-links/create/",
    "preview_revoke": "preview-links/revoke/",
}


def verb_url(statement, verb):
    """Each verb of the release screen posts to a URL of its own."""
    return url(statement) + VERB_PATHS[verb]


def local_form(instant, zone="America/Toronto"):
    local = instant.astimezone(zoneinfo.ZoneInfo(zone))
    return {"release_at": local.strftime("%Y-%m-%dT%H:%M"), "release_timezone": zone}


def assert_denied(response):
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "/release/" not in response["Location"]


def test_a_drafter_schedules_through_the_screen_in_local_time(client, ready):
    statement, drafter, _approvers = ready
    client.force_login(drafter)
    page = client.get(url(statement)).content.decode()
    assert "Every signature and every language is in place" in page
    assert "Japan" in page and "JST" in page  # each signatory's local time
    instant = (timezone.now() + datetime.timedelta(days=2)).replace(second=0, microsecond=0)
    response = client.post(verb_url(statement, "schedule"), local_form(instant))
    assert response.status_code == 302
    release = Release.objects.get()
    assert release.state == "scheduled"
    assert release.release_at == instant
    assert release.release_timezone == "America/Toronto"
    html = client.get(url(statement)).content.decode()
    assert "Scheduled" in html and "UTC" in html


def test_a_past_instant_is_refused_with_the_reason(client, ready):
    statement, drafter, _approvers = ready
    client.force_login(drafter)
    past = timezone.now() - datetime.timedelta(hours=1)
    response = client.post(verb_url(statement, "schedule"), local_form(past), follow=True)
    assert "The release instant must be in the future." in response.content.decode()
    assert not Release.objects.exists()


def test_an_invalid_time_zone_changes_nothing(client, ready):
    statement, drafter, _approvers = ready
    client.force_login(drafter)
    response = client.post(
        verb_url(statement, "schedule"),
        {"release_at": "2030-01-01T09:00", "release_timezone": "Mars/Base"},
    )
    assert response.status_code == 400
    assert not Release.objects.exists()


def test_partners_read_and_confirm_but_cannot_schedule(client, ready, governments):
    statement, drafter, approvers = ready
    release = ScheduleReleaseAction(statement, drafter).execute()
    client.force_login(approvers["JP"])
    assert client.get(url(statement)).status_code == 200
    later = timezone.now() + datetime.timedelta(days=3)
    for verb in ("schedule", "move", "hold", "cancel"):
        assert_denied(client.post(verb_url(statement, verb), local_form(later)))
    release.refresh_from_db()
    assert release.state == "scheduled"

    response = client.post(verb_url(statement, "confirm"), {"government": "JP"})
    assert response.status_code == 302
    assert release.confirmations.get().government_name == "Japan"
    # Japan cannot confirm for France.
    client.post(verb_url(statement, "confirm"), {"government": "FR"})
    assert release.confirmations.count() == 1


EDITORS_VERBS = ["schedule", "hold", "move", "cancel", "preview_create", "preview_revoke"]


@pytest.mark.parametrize("verb", EDITORS_VERBS)
def test_a_partner_is_refused_each_editors_verb_that_the_drafter_may_do(client, ready, verb):
    statement, drafter, approvers = ready
    if verb != "schedule":
        ScheduleReleaseAction(statement, drafter).execute()
    link = (
        CreatePreviewLinkAction(
            statement, drafter, journalist_name="Akiko Tanaka", journalist_email="akiko@example.jp"
        ).execute()
        if verb == "preview_revoke"
        else None
    )
    later = (timezone.now() + datetime.timedelta(days=3)).replace(second=0, microsecond=0)
    data = {
        "schedule": local_form(later),
        "hold": {"reason": "Minister travelling"},
        "move": local_form(later),
        "cancel": {"reason": "Summit postponed"},
        "preview_create": {"journalist_name": "Ben Moreau", "journalist_email": "ben@example.fr"},
        "preview_revoke": {"link": link.pk if link else ""},
    }[verb]

    def done():
        release = Release.objects.first()
        if verb == "schedule":
            return release is not None and release.state == "scheduled"
        if verb == "preview_create":
            return PreviewLink.objects.filter(journalist_name="Ben Moreau").exists()
        if verb == "preview_revoke":
            return PreviewLink.objects.filter(revoked_at__isnull=False).exists()
        if verb == "move":
            return release.release_at == later
        return release.state == {"hold": "held", "cancel": "cancelled"}[verb]

    client.force_login(approvers["JP"])
    assert_denied(client.post(verb_url(statement, verb), data))
    assert not done()
    client.force_login(drafter)
    response = client.post(verb_url(statement, verb), data)
    assert response.status_code == 302
    assert response["Location"] == url(statement)
    assert done()


def test_only_a_signatorys_approver_confirms(client, ready):
    statement, drafter, approvers = ready
    release = ScheduleReleaseAction(statement, drafter).execute()
    outsider = factories.approver(factories.GovernmentFactory(code="ZZ"), username="zz")
    client.force_login(outsider)
    assert_denied(client.post(verb_url(statement, "confirm"), {"government": "JP"}))
    assert not release.confirmations.exists()
    client.force_login(approvers["JP"])
    response = client.post(verb_url(statement, "confirm"), {"government": "JP"})
    assert response.status_code == 302
    assert release.confirmations.get().government_name == "Japan"


def test_a_dropped_language_is_scheduled_on_its_own_by_the_drafter_only(client, ready):
    statement, drafter, approvers = ready
    DropLanguageAction(statement, drafter, "ja", "Tokyo publishes on Monday").execute()
    release = ScheduleReleaseAction(statement, drafter).execute()
    Release.objects.filter(pk=release.pk).update(
        release_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    ReleaseStatementAction(release.pk).execute()
    later = timezone.now() + datetime.timedelta(days=1)
    data = {"language_code": "ja", **local_form(later)}

    client.force_login(approvers["JP"])
    assert_denied(client.post(verb_url(statement, "schedule_language"), data))
    assert not Release.objects.filter(language_code="ja").exists()
    client.force_login(drafter)
    # French went out with the statement: not a language to release on its own.
    invalid = client.post(verb_url(statement, "schedule_language"), {**data, "language_code": "fr"})
    assert invalid.status_code == 400
    assert "The release was not changed." in invalid.content.decode()
    assert not Release.objects.filter(language_code__in=("fr", "ja")).exists()
    response = client.post(verb_url(statement, "schedule_language"), data)
    assert response.status_code == 302
    assert Release.objects.get(language_code="ja").state == "scheduled"


def test_each_form_on_the_release_screen_posts_to_its_verb(client, ready):
    statement, drafter, approvers = ready
    ScheduleReleaseAction(statement, drafter).execute()
    CreatePreviewLinkAction(
        statement, drafter, journalist_name="Akiko Tanaka", journalist_email="akiko@example.jp"
    ).execute()

    def targets(user):
        client.force_login(user)
        html = BeautifulSoup(client.get(url(statement)).content, "html.parser")
        forms = html.select("form[method=post]")
        return {
            target
            for form in forms
            for target in [form.get("action")]
            + [button.get("formaction") for button in form.select("button")]
            if target
        }

    editors = {"schedule", "hold", "move", "cancel", "preview_create", "preview_revoke"}
    assert targets(drafter) == {verb_url(statement, verb) for verb in editors}
    assert targets(approvers["JP"]) == {verb_url(statement, "confirm")}


def test_the_release_screen_has_wagtails_breadcrumbs_and_one_title(client, ready):
    statement, drafter, approvers = ready
    for user in (drafter, approvers["JP"]):  # one explores the page tree, one does not
        client.force_login(user)
        html = BeautifulSoup(client.get(url(statement)).content, "html.parser")
        crumbs = [li.get_text(strip=True) for li in html.select("nav[aria-label=Breadcrumb] li")]
        assert crumbs[-2:] == [statement.title, "Release"]
        assert [h1.get_text(strip=True) for h1 in html.select("h1")] == [statement.title]


def test_the_release_screen_itself_takes_no_verbs(client, ready):
    """The verbs moved to URLs of their own; the old hidden field does nothing."""
    statement, drafter, _approvers = ready
    ScheduleReleaseAction(statement, drafter).execute()
    client.force_login(drafter)
    assert client.post(url(statement), {"verb": "hold", "reason": "x"}).status_code == 405
    assert client.get(verb_url(statement, "hold")).status_code == 405
    assert Release.objects.get().state == "scheduled"


def test_outsiders_are_denied(client, ready):
    statement, _drafter, _approvers = ready
    outsider = factories.approver(factories.GovernmentFactory(code="ZZ"), username="zz")
    client.force_login(outsider)
    assert_denied(client.get(url(statement)))
    assert_denied(client.get(f"/admin/statements/{statement.pk}/partner-kit/en.txt"))
    client.logout()
    assert client.get(url(statement)).status_code == 302


def test_move_notifies_partners_and_the_queue_shows_their_confirmations(
    client, ready, django_capture_on_commit_callbacks
):
    statement, drafter, approvers = ready
    approvers["FR"].email = "fr@example.org"
    approvers["FR"].save()
    ScheduleReleaseAction(statement, drafter).execute()
    client.force_login(drafter)
    later = (timezone.now() + datetime.timedelta(days=1)).replace(second=0, microsecond=0)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(verb_url(statement, "move"), local_form(later))
    assert Release.objects.get().release_at == later
    assert any("fr@example.org" in m.to for m in mail.outbox)
    assert statement.title not in " ".join(m.subject + m.body for m in mail.outbox)
    queue = client.get("/admin/statements/releases/").content.decode()
    assert "not yet confirmed" in queue
    client.force_login(approvers["FR"])
    client.post(verb_url(statement, "confirm"), {"government": "FR"})
    client.force_login(drafter)
    queue = client.get("/admin/statements/releases/").content.decode()
    assert "France: confirmed" in " ".join(queue.split())


def test_hold_and_cancel_over_http(client, ready):
    statement, drafter, _approvers = ready
    ScheduleReleaseAction(statement, drafter).execute()
    client.force_login(drafter)
    client.post(verb_url(statement, "hold"), {"reason": "Minister travelling"})
    assert Release.objects.get().state == "held"
    client.post(verb_url(statement, "cancel"), {"reason": "Summit postponed"})
    assert Release.objects.get().state == "cancelled"


def test_the_partner_kit_has_every_language_with_fingerprint_and_instant(client, ready):
    from docx import Document

    statement, drafter, approvers = ready
    client.force_login(approvers["JP"])
    # Not before the release is scheduled.
    response = client.get(f"/admin/statements/{statement.pk}/partner-kit/ja.txt")
    assert response.status_code == 302
    release = ScheduleReleaseAction(statement, drafter).execute()
    text = client.get(f"/admin/statements/{statement.pk}/partner-kit/en.txt").content.decode()
    assert release.fingerprint in text
    assert release.release_at.isoformat() in text
    assert "EMBARGOED" in text
    japanese = client.get(f"/admin/statements/{statement.pk}/partner-kit/ja.txt").content.decode()
    assert "[ja]" in japanese  # the translated, approved words
    assert "Fingerprint: " in japanese
    html = client.get(f"/admin/statements/{statement.pk}/partner-kit/fr.html").content.decode()
    assert 'lang="fr"' in html and "[fr]" in html
    docx = client.get(f"/admin/statements/{statement.pk}/partner-kit/en.docx")
    document = Document(io.BytesIO(docx.content))
    paragraphs = [p.text for p in document.paragraphs]
    assert statement.title in paragraphs
    assert any(release.fingerprint in p for p in paragraphs)
    archive = client.get(f"/admin/statements/{statement.pk}/partner-kit/all.zip")
    import zipfile

    names = zipfile.ZipFile(io.BytesIO(archive.content)).namelist()
    assert len(names) == 9  # en, fr, ja in three formats


def test_the_queue_lists_upcoming_and_recent_releases_with_lag(client, ready, governments):
    statement, drafter, _approvers = ready
    release = ScheduleReleaseAction(statement, drafter).execute()
    client.force_login(drafter)
    html = client.get("/admin/statements/releases/").content.decode()
    assert "Go" in html and 'class="countdown"' in html
    Release.objects.filter(pk=release.pk).update(
        release_at=timezone.now() - datetime.timedelta(seconds=2)
    )
    ReleaseStatementAction(release.pk).execute()
    html = client.get("/admin/statements/releases/").content.decode()
    assert "No release is scheduled." in html
    assert 'class="lag"' in html
    # A translator sees no queue.
    client.force_login(factories.translator("fr"))
    assert client.get("/admin/statements/releases/").status_code in (302, 403)


def test_health_reports_status_to_all_and_details_to_staff_or_token(client, settings, ready):
    settings.COMMUNIQUE_HEALTH_TOKEN = "s3cret"
    body = client.get("/health/").json()
    assert body["status"] in ("ok", "degraded")
    assert "checks" not in body
    assert "checks" not in client.get("/health/", HTTP_AUTHORIZATION="Bearer wrong").json()
    detailed = client.get("/health/", HTTP_AUTHORIZATION="Bearer s3cret").json()
    assert detailed["checks"]["database"]["ok"] is True
    assert detailed["checks"]["overdue_releases"] == 0

    statement, drafter, _approvers = ready
    release = ScheduleReleaseAction(statement, drafter).execute()
    Release.objects.filter(pk=release.pk).update(
        release_at=timezone.now() - datetime.timedelta(minutes=5)
    )
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json() == {"status": "failing"}
    staff = get_user_model().objects.create_superuser("ops", "ops@example.org", "pw")
    client.force_login(staff)
    assert client.get("/health/").json()["checks"]["overdue_releases"] == 1


def test_editing_a_scheduled_statement_warns_first(client, ready):
    statement, drafter, _approvers = ready
    ScheduleReleaseAction(statement, drafter).execute()
    client.force_login(drafter)
    html = client.get(f"/admin/pages/{statement.pk}/edit/").content.decode()
    assert "holds the release" in html


def test_after_release_edits_never_reach_the_public_page(client, ready):
    statement, drafter, _approvers = ready
    release = ScheduleReleaseAction(statement, drafter).execute()
    Release.objects.filter(pk=release.pk).update(
        release_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    ReleaseStatementAction(release.pk).execute()
    page = StatementPage.objects.get(pk=statement.pk)
    draft = page.get_latest_revision_as_object()
    draft.title = "A later draft title"
    draft.save_revision(user=drafter)
    html = client.get(page.url).content.decode()
    assert statement.title in html
    assert "A later draft title" not in html


def test_local_times_are_stored_in_utc_across_a_daylight_saving_change(client, ready):
    """09:00 in Ottawa is 14:00 UTC the day before clocks go forward and 13:00 after."""
    statement, drafter, _approvers = ready
    client.force_login(drafter)
    form = {"release_timezone": "America/Toronto"}
    client.post(verb_url(statement, "schedule"), {**form, "release_at": "2027-03-13T09:00"})
    release = Release.objects.get()
    assert release.release_at == datetime.datetime(2027, 3, 13, 14, 0, tzinfo=datetime.UTC)
    client.post(verb_url(statement, "move"), {**form, "release_at": "2027-03-14T09:00"})
    release.refresh_from_db()
    assert release.release_at == datetime.datetime(2027, 3, 14, 13, 0, tzinfo=datetime.UTC)
    html = client.get(url(statement)).content.decode()
    assert "09:00 EDT / 13:00 UTC" in html
    assert "22:00 JST" in html
