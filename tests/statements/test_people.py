"""The people of a government, through the admin and the invitation link.

Administrators invite anyone into any role; a government's delegated administrator
only its own government's people, only the roles it was delegated. The link in the
e-mail works once, for 14 days.
"""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from statements.actions.people import RevokeInvitationAction
from statements.models import GovernmentAdministrator, GovernmentMember, Invitation
from statements.permissions import (
    grantable_roles,
    is_approver_of,
    is_drafter_of,
    is_translator_for,
    may_manage_people_of,
)
from tests.factories import UserFactory, approver

pytestmark = pytest.mark.django_db

STRONG = "violet-harbour-quarrel-9"


@pytest.fixture
def superuser():
    return UserFactory(username="admin", is_superuser=True, is_staff=True)


def delegate(government, username, **roles):
    user = UserFactory(username=username)
    GovernmentAdministrator.objects.create(user=user, government=government, **roles)
    return user


@pytest.fixture
def canada_admin(governments):
    return delegate(
        governments["CA"], "admin-ca", may_grant_approver=True, may_grant_translator=True
    )


@pytest.fixture
def japan_admin(governments):
    return delegate(governments["JP"], "admin-jp", may_grant_approver=True)


def denied(response):
    """Wagtail answers a PermissionDenied in the admin with a redirect to its home."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


def invite(client, user, code, capture, **data):
    client.force_login(user)
    with capture(execute=True):
        return client.post(reverse("statements_people_invite", args=[code]), data)


def link_in(message):
    return re.search(r"http://testserver(/admin/invitation/\S+/)", message.body).group(1)


def test_superuser_invites_an_approver_who_accepts_once(
    client, superuser, governments, django_capture_on_commit_callbacks
):
    canada = governments["CA"]
    response = invite(
        client,
        superuser,
        "CA",
        django_capture_on_commit_callbacks,
        email="Claire@Example.org",
        role="approver",
    )
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == ["claire@example.org"]
    assert "Canada" in message.subject
    path = link_in(message)
    token = path.rstrip("/").rsplit("/", 1)[1]
    invitation = Invitation.objects.get()
    assert token not in invitation.token_hash  # only the hash is stored
    assert invitation.expires_at - invitation.created_at == datetime.timedelta(days=14)

    client.logout()
    assert client.get(path).status_code == 200
    response = client.post(path, {"first_name": "Claire", "last_name": "Roy", "password": STRONG})
    assert response.status_code == 302
    claire = get_user_model().objects.get(email="claire@example.org")
    assert is_approver_of(claire, canada)
    assert ModelLogEntry.objects.filter(action="statements.role_grant").count() == 1
    # Signed in, and sent to set up a second factor before anything else (an approver).
    home = client.get(reverse("wagtailadmin_home"))
    assert home.status_code == 302 and home["Location"].startswith(reverse("accounts_mfa:enrol"))

    client.logout()
    again = client.post(path, {"first_name": "Eve", "last_name": "Roy", "password": STRONG})
    assert again.status_code == 410
    assert "already been used" in again.content.decode()
    assert get_user_model().objects.filter(email="claire@example.org").count() == 1
    assert client.get(path).status_code == 410


def test_an_invitation_expires_after_14_days(
    client, superuser, governments, django_capture_on_commit_callbacks, monkeypatch
):
    invite(
        client,
        superuser,
        "CA",
        django_capture_on_commit_callbacks,
        email="late@example.org",
        role="approver",
    )
    path = link_in(mail.outbox[0])
    client.logout()
    real_now = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: real_now() + datetime.timedelta(days=15))
    response = client.post(path, {"first_name": "La", "last_name": "Te", "password": STRONG})
    assert response.status_code == 410
    assert "expired" in response.content.decode()
    assert not get_user_model().objects.filter(email="late@example.org").exists()
    # Positive control: the same link the day before it expires works.
    monkeypatch.setattr(timezone, "now", lambda: real_now() + datetime.timedelta(days=13))
    response = client.post(path, {"first_name": "La", "last_name": "Te", "password": STRONG})
    assert response.status_code == 302


def test_a_weak_password_changes_nothing(
    client, superuser, governments, django_capture_on_commit_callbacks
):
    invite(
        client,
        superuser,
        "CA",
        django_capture_on_commit_callbacks,
        email="weak@example.org",
        role="approver",
    )
    path = link_in(mail.outbox[0])
    client.logout()
    response = client.post(path, {"first_name": "We", "last_name": "Ak", "password": "123"})
    assert response.status_code == 400
    assert "too short" in response.content.decode()
    assert not get_user_model().objects.filter(email="weak@example.org").exists()
    assert Invitation.objects.usable().count() == 1


def test_delegated_admin_invites_only_its_government_and_its_roles(
    client, canada_admin, governments, django_capture_on_commit_callbacks
):
    ok = invite(
        client,
        canada_admin,
        "CA",
        django_capture_on_commit_callbacks,
        email="a@example.org",
        role="approver",
    )
    assert ok.status_code == 302
    assert Invitation.objects.filter(email="a@example.org").exists()

    japan = invite(
        client,
        canada_admin,
        "JP",
        django_capture_on_commit_callbacks,
        email="b@example.org",
        role="approver",
    )
    assert denied(japan)
    not_delegated = invite(
        client,
        canada_admin,
        "CA",
        django_capture_on_commit_callbacks,
        email="c@example.org",
        role="drafter",
    )
    assert not_delegated.status_code == 400
    assert Invitation.objects.count() == 1
    assert len(mail.outbox) == 1
    assert grantable_roles(canada_admin, governments["CA"]) == {"approver", "translator"}
    assert grantable_roles(canada_admin, governments["JP"]) == set()


def test_delegated_admin_sees_nothing_of_another_governments_people(
    client, canada_admin, japan_admin, governments
):
    approver(governments["JP"], username="approver-jp", email="kenji@example.jp")
    client.force_login(canada_admin)
    assert denied(client.get(reverse("statements_people_government", args=["JP"])))
    own = client.get(reverse("statements_people_government", args=["CA"]))
    assert own.status_code == 200
    assert "kenji@example.jp" not in own.content.decode()
    index = client.get(reverse("statements_people"))
    assert index.status_code == 302
    assert index.url == reverse("statements_people_government", args=["CA"])
    # Positive control: Japan's own administrator sees Japan's people.
    client.force_login(japan_admin)
    theirs = client.get(reverse("statements_people_government", args=["JP"]))
    assert theirs.status_code == 200
    assert "kenji@example.jp" in theirs.content.decode()
    assert not may_manage_people_of(canada_admin, governments["JP"])


def test_someone_without_a_delegation_gets_403(client, governments):
    client.force_login(approver(governments["CA"]))
    assert denied(client.get(reverse("statements_people")))
    assert denied(client.get(reverse("statements_people_government", args=["CA"])))


def test_revoked_invitation_no_longer_works(
    client, canada_admin, governments, django_capture_on_commit_callbacks
):
    invite(
        client,
        canada_admin,
        "CA",
        django_capture_on_commit_callbacks,
        email="gone@example.org",
        role="approver",
    )
    path = link_in(mail.outbox[0])
    invitation = Invitation.objects.get()
    response = client.post(reverse("statements_people_revoke", args=["CA", invitation.pk]))
    assert response.status_code == 302
    client.logout()
    refused = client.post(path, {"first_name": "G", "last_name": "One", "password": STRONG})
    assert refused.status_code == 410
    assert "withdrawn" in refused.content.decode()
    assert not get_user_model().objects.filter(email="gone@example.org").exists()


def test_signed_in_invitee_just_accepts_a_translator_role(
    client, superuser, governments, django_capture_on_commit_callbacks
):
    canada = governments["CA"]
    person = UserFactory(username="luc", email="luc@example.ca")
    invite(
        client,
        superuser,
        "CA",
        django_capture_on_commit_callbacks,
        email="luc@example.ca",
        role="translator",
        language_code="fr",
    )
    path = link_in(mail.outbox[0])
    # Someone else signed in cannot take it.
    client.force_login(UserFactory(username="other"))
    assert client.post(path).status_code == 400
    assert not is_translator_for(person, canada, "fr")
    client.force_login(person)
    assert client.post(path).status_code == 302
    assert is_translator_for(person, canada, "fr")
    assert person.groups.filter(name="Translators: fr").exists()


def test_a_translator_works_in_one_of_the_governments_languages(
    client, superuser, governments, django_capture_on_commit_callbacks
):
    response = invite(
        client,
        superuser,
        "CA",
        django_capture_on_commit_callbacks,
        email="t@example.org",
        role="translator",
        language_code="ja",
    )
    assert response.status_code == 400
    assert not Invitation.objects.exists()


def test_a_drafter_of_canada_is_recorded_and_can_edit(
    client, superuser, governments, site_tree, django_capture_on_commit_callbacks
):
    invite(
        client,
        superuser,
        "CA",
        django_capture_on_commit_callbacks,
        email="dana@example.ca",
        role="drafter",
    )
    client.logout()
    client.post(
        link_in(mail.outbox[0]), {"first_name": "Dana", "last_name": "D", "password": STRONG}
    )
    dana = get_user_model().objects.get(email="dana@example.ca")
    assert is_drafter_of(dana, governments["CA"])
    assert not is_drafter_of(dana, governments["JP"])
    home = site_tree["homes"]["en"]
    assert home.permissions_for_user(dana).can_add_subpage()


def test_removing_a_role_takes_the_rights_away(client, canada_admin, japan_admin, governments):
    claire = approver(governments["CA"], username="claire")
    kenji = approver(governments["JP"], username="kenji")
    client.force_login(canada_admin)
    url = reverse("statements_people_remove", args=["CA"])
    assert client.post(url, {"user": claire.pk, "role": "approver"}).status_code == 302
    assert not is_approver_of(claire, governments["CA"])
    assert ModelLogEntry.objects.filter(action="statements.role_remove").count() == 1
    # Not Japan's approver, by either door.
    japan_url = reverse("statements_people_remove", args=["JP"])
    assert denied(client.post(japan_url, {"user": kenji.pk, "role": "approver"}))
    client.post(url, {"user": kenji.pk, "role": "approver"})
    assert is_approver_of(kenji, governments["JP"])
    # Positive control: Japan's administrator may.
    client.force_login(japan_admin)
    assert client.post(japan_url, {"user": kenji.pk, "role": "approver"}).status_code == 302
    assert not is_approver_of(kenji, governments["JP"])


def test_a_delegated_admin_reaches_the_admin_only_while_delegated(governments):
    person = delegate(governments["CA"], "temp-admin", may_grant_approver=True)
    assert person.has_perm("wagtailadmin.access_admin")
    GovernmentAdministrator.objects.filter(user=person).delete()  # queryset: no signal
    GovernmentAdministrator.objects.create(user=person, government=governments["CA"])
    GovernmentAdministrator.objects.get(user=person).delete()
    person = get_user_model().objects.get(pk=person.pk)
    assert not person.has_perm("wagtailadmin.access_admin")
    assert not GovernmentMember.objects.exists()


def test_the_invitation_is_written_in_the_invitees_language(
    client, superuser, governments, django_capture_on_commit_callbacks
):
    invite(
        client,
        superuser,
        "JP",
        django_capture_on_commit_callbacks,
        email="hanako@example.jp",
        role="approver",
    )
    (message,) = mail.outbox
    assert "Communiqué への招待" in message.subject
    assert "1回だけ" in message.body


def test_refusals_for_want_of_a_role_are_each_verbs_own(
    client, canada_admin, japan_admin, governments, django_capture_on_commit_callbacks
):
    from statements.actions.people import (
        InviteAction,
        InvitePermissionError,
        RemoveRoleAction,
        RemoveRolePermissionError,
        RevokeInvitationAction,
        RevokeInvitationPermissionError,
    )

    with pytest.raises(InvitePermissionError):
        InviteAction(canada_admin, governments["JP"], "x@example.org", "approver").check()
    with pytest.raises(InvitePermissionError):
        InviteAction(canada_admin, governments["CA"], "x@example.org", "drafter").check()
    with capture_nothing(django_capture_on_commit_callbacks):
        invitation = InviteAction(canada_admin, governments["CA"], "x@example.org", "approver")
        invitation = invitation.execute()
    with pytest.raises(RevokeInvitationPermissionError):
        RevokeInvitationAction(invitation, japan_admin).execute()
    # Japan's administrator cannot reach it over HTTP either.
    client.force_login(japan_admin)
    assert denied(client.post(reverse("statements_people_revoke", args=["CA", invitation.pk])))
    assert Invitation.objects.usable().filter(pk=invitation.pk).exists()
    kenji = approver(governments["JP"], username="kenji")
    with pytest.raises(RemoveRolePermissionError):
        RemoveRoleAction(canada_admin, governments["JP"], kenji, "approver").execute()
    # Control: the administrator who may, does.
    assert RevokeInvitationAction(invitation, canada_admin).execute()
    RemoveRoleAction(japan_admin, governments["JP"], kenji, "approver").execute()
    assert not is_approver_of(kenji, governments["JP"])


def capture_nothing(capture):
    return capture(execute=False)


def test_a_second_invitation_for_the_same_role_waits_for_the_first(
    client, superuser, governments, django_capture_on_commit_callbacks
):
    data = {"email": "twice@example.org", "role": "approver"}
    invite(client, superuser, "CA", django_capture_on_commit_callbacks, **data)
    again = invite(client, superuser, "CA", django_capture_on_commit_callbacks, **data)
    assert again.status_code == 302
    assert Invitation.objects.count() == 1
    assert len(mail.outbox) == 1
    # Control: withdrawn, it can be sent again.
    RevokeInvitationAction(Invitation.objects.get(), superuser).execute()
    invite(client, superuser, "CA", django_capture_on_commit_callbacks, **data)
    assert Invitation.objects.usable().count() == 1
    assert len(mail.outbox) == 2


def test_the_menu_offers_people_to_those_who_manage_them(client, canada_admin, governments):
    people = reverse("statements_people")
    client.force_login(canada_admin)
    assert people in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(approver(governments["CA"]))
    assert people not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_an_address_already_in_use_signs_in_first(
    client, superuser, governments, django_capture_on_commit_callbacks
):
    UserFactory(username="taken@example.org", email="someone-else@example.org")
    invite(
        client,
        superuser,
        "CA",
        django_capture_on_commit_callbacks,
        email="taken@example.org",
        role="approver",
    )
    path = link_in(mail.outbox[0])
    client.logout()
    assert "Sign in to accept" in client.get(path).content.decode()
    refused = client.post(path, {"first_name": "T", "last_name": "Aken", "password": STRONG})
    assert refused.status_code == 400
    assert get_user_model().objects.filter(username="taken@example.org").count() == 1
    assert Invitation.objects.usable().count() == 1
