"""Embargoed previews for named journalists: signed, expiring, revocable, logged."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import PageLogEntry

from statements.actions.previews import preview_url
from statements.actions.release import ReleaseStatementAction
from statements.actions.scheduling import (
    CancelReleaseAction,
    MoveReleaseAction,
    ScheduleReleaseAction,
)
from statements.models import PreviewAccess, PreviewLink, Release
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def scheduled(site_tree, governments):
    statement, drafter, approvers = factories.ready_for_release(
        site_tree["newsrooms"]["en"], governments, lead=governments["CA"], slug="previewed"
    )
    release = ScheduleReleaseAction(statement, drafter).execute()
    return statement, drafter, approvers, release


def create_link(client, statement, drafter, **extra):
    client.force_login(drafter)
    data = {
        "journalist_name": "Akiko Tanaka",
        "journalist_email": "akiko@example.jp",
        "outlet": "Tokyo Daily",
        **extra,
    }
    return client.post(f"/admin/statements/{statement.pk}/release/preview-links/create/", data)


def path_of(url):
    return url.removeprefix("http://testserver")


def test_a_journalist_reads_the_cleared_text_under_embargo(
    client, scheduled, django_capture_on_commit_callbacks
):
    statement, drafter, _approvers, release = scheduled
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert create_link(client, statement, drafter).status_code == 302
    link = PreviewLink.objects.get()
    assert link.expires_at == release.release_at
    message = mail.outbox[-1]
    assert message.to == ["akiko@example.jp"]
    url = re.search(r"http://testserver/preview/\S+/", message.body).group(0)
    assert statement.title not in message.body  # the link, never the text
    assert PageLogEntry.objects.filter(action="statements.preview_link_create").exists()

    client.logout()
    response = client.get(path_of(url), REMOTE_ADDR="203.0.113.7")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Embargoed until" in html and "UTC" in html
    assert statement.title in html
    assert '<meta name="robots" content="noindex' in html
    assert response["X-Robots-Tag"].startswith("noindex")
    assert "private" in response["Cache-Control"]
    japanese = client.get(path_of(preview_url(link, "ja"))).content.decode()
    assert 'lang="ja"' in japanese and "[ja]" in japanese
    access = PreviewAccess.objects.filter(link=link).order_by("accessed_at").first()
    assert access.ip_address == "203.0.113.7"
    assert access.outcome == "read"


def test_links_are_refused_until_scheduled_and_never_outlive_the_embargo(
    client, site_tree, governments
):
    statement, drafter, _approvers = factories.ready_for_release(
        site_tree["newsrooms"]["en"], governments, lead=governments["CA"], slug="not-yet"
    )
    response = create_link(client, statement, drafter)
    assert response.status_code == 302
    assert not PreviewLink.objects.exists()
    release = ScheduleReleaseAction(statement, drafter).execute()
    from statements.actions.base import ActionRefused
    from statements.actions.previews import CreatePreviewLinkAction

    with pytest.raises(ActionRefused):
        CreatePreviewLinkAction(
            statement,
            drafter,
            "A",
            "a@example.org",
            expires_at=release.release_at + datetime.timedelta(minutes=1),
        ).execute()
    # Invalid input changes nothing.
    response = create_link(client, statement, drafter, journalist_email="not-an-address")
    assert response.status_code == 400
    assert not PreviewLink.objects.exists()


def test_only_editors_create_links(client, scheduled):
    statement, _drafter, approvers, _release = scheduled
    response = create_link(client, statement, approvers["JP"])
    assert response.status_code in (302, 403)
    assert not PreviewLink.objects.exists()


def test_revoked_expired_and_forged_links_show_nothing(client, scheduled):
    statement, drafter, _approvers, _release = scheduled
    create_link(client, statement, drafter)
    link = PreviewLink.objects.get()
    url = path_of(preview_url(link))
    client.post(
        f"/admin/statements/{statement.pk}/release/preview-links/revoke/", {"link": link.pk}
    )
    client.logout()
    response = client.get(url)
    assert response.status_code == 410
    assert statement.title not in response.content.decode()

    create_link(client, statement, drafter)
    fresh = PreviewLink.objects.exclude(pk=link.pk).get()
    PreviewLink.objects.filter(pk=fresh.pk).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    client.logout()
    expired = client.get(path_of(preview_url(fresh)))
    assert expired.status_code == 410
    assert statement.title not in expired.content.decode()
    assert client.get(url[:-3] + "xx/", follow=True).status_code == 404
    assert client.get("/preview/not-a-token/", follow=True).status_code == 404
    assert set(PreviewAccess.objects.values_list("outcome", flat=True)) == {"revoked", "expired"}


def test_after_release_the_link_leads_to_the_public_page(client, scheduled):
    statement, drafter, _approvers, release = scheduled
    create_link(client, statement, drafter)
    link = PreviewLink.objects.get()
    Release.objects.filter(pk=release.pk).update(
        release_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    ReleaseStatementAction(release.pk).execute()
    client.logout()
    response = client.get(path_of(preview_url(link, "fr")))
    assert response.status_code == 302
    assert response["Location"] == factories.path_of(statement, "fr")


def test_moving_or_cancelling_tells_every_holder(
    client, scheduled, django_capture_on_commit_callbacks
):
    statement, drafter, _approvers, release = scheduled
    create_link(client, statement, drafter)
    create_link(client, statement, drafter, journalist_email="hans@example.de")
    earlier = release.release_at - datetime.timedelta(minutes=30)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        MoveReleaseAction(release, drafter, earlier).execute()
    moved = [m for m in mail.outbox if "Embargo moved" in m.subject]
    assert sorted(m.to[0] for m in moved) == ["akiko@example.jp", "hans@example.de"]
    assert all(link.expires_at == earlier for link in PreviewLink.objects.all())

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        CancelReleaseAction(Release.objects.get(pk=release.pk), drafter).execute()
    journalists = {"akiko@example.jp", "hans@example.de"}
    told = [m for m in mail.outbox if set(m.to) & journalists]
    assert len(told) == 2 and all("cancelled" in m.subject for m in told)
    assert all(link.revoked_at for link in PreviewLink.objects.all())
