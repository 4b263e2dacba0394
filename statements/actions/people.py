"""The people of a government: invite, accept, revoke, remove (suspension of unused
accounts is ``actions.accounts``).

Who may grant which role is ``permissions.grantable_roles`` (an administrator any, a
delegated administrator only its own government's, only the roles it was delegated);
every verb asks it, so the screens, commands and tasks refuse alike. Every grant,
removal and invitation is a Wagtail log entry (on the account or the invitation).
"""

import datetime
import hashlib
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log
from wagtail.models import GroupPagePermission

from .. import audit, notifications
from ..models import (
    AuditEntry,
    GovernmentAdministrator,
    GovernmentMember,
    HomePage,
    Invitation,
    Role,
)
from ..permissions import (
    GOVERNMENT_ADMINISTRATORS_GROUP,
    may_grant,
    may_manage_people_of,
    role_group_name,
)
from .base import ActionRefused

INVITATION_DAYS = 14


class InvitePermissionError(ActionRefused):
    """The user may not grant this role for this government."""


class RevokeInvitationPermissionError(ActionRefused):
    """The user may not grant the invitation's role for its government."""


class RemoveRolePermissionError(ActionRefused):
    """The user may not take this role away for this government."""


class InvitationUnusable(ActionRefused):
    """The link is unknown, used, revoked or expired: nothing is changed."""


def token_hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


def _access_admin():
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


def _role_group(government, role, language_code):
    """The group carrying the role's rights, made as the demo makes it if missing."""
    if role == Role.APPROVER:
        government.refresh_from_db(fields=["approver_group"])
        return government.approver_group
    group, _created = Group.objects.get_or_create(
        name=role_group_name(government, role, language_code)
    )
    group.permissions.add(_access_admin())
    if role == Role.DRAFTER:
        for codename in ("add_page", "change_page"):
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            )
            for home in HomePage.objects.all():
                GroupPagePermission.objects.get_or_create(
                    group=group, page=home, permission=permission
                )
    return group


def _log_role(verb, member, government, role, language_code, by):
    log(
        instance=member,
        action=f"statements.role_{verb}",
        user=by,
        data={
            "government": government.short_name,
            "government_code": government.code,
            "role": str(role),
            "language": language_code,
        },
    )
    audit.record(
        AuditEntry.Action.ROLE_GRANTED if verb == "grant" else AuditEntry.Action.ROLE_REMOVED,
        actor=by,
        government=government,
        language_code=language_code,
        details={"member": member.get_username(), "member_id": member.pk, "role": str(role)},
    )


def grant_role(member, government, role, language_code, by):
    """Give ``member`` the role's group and record whose person they are."""
    member.groups.add(_role_group(government, role, language_code))
    GovernmentMember.objects.get_or_create(
        user=member,
        government_key=government.translation_key,
        role=role,
        language_code=language_code,
        defaults={"government": government, "granted_by": by},
    )
    _log_role("grant", member, government, role, language_code, by)


def _check_role(government, role, language_code):
    if role not in Role.values:
        return [_("Choose a role.")]
    if role != Role.TRANSLATOR:
        return []
    configured = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    if language_code not in set(government.languages or []) & configured:
        return [_("A translator translates into one of this government's languages.")]
    return []


class InviteAction:
    def __init__(self, user, government, email, role, language_code=""):
        self.user = user
        self.government = government
        self.email = get_user_model().objects.normalize_email((email or "").strip()).lower()
        self.role = role
        self.language_code = language_code if role == Role.TRANSLATOR else ""

    def check(self):
        if not may_grant(self.user, self.government, self.role):
            raise InvitePermissionError(
                [_("You cannot invite people into this role for this government.")]
            )
        reasons = _check_role(self.government, self.role, self.language_code)
        if not self.email:
            reasons.append(_("Enter the person's e-mail address."))
        holders = GovernmentMember.objects.filter(
            user__email__iexact=self.email,
            government_key=self.government.translation_key,
            role=self.role,
            language_code=self.language_code,
        )
        approver = self.role == Role.APPROVER and (
            get_user_model()
            .objects.filter(email__iexact=self.email, groups=self.government.approver_group_id)
            .exists()
        )
        if self.email and (holders.exists() or approver):
            reasons.append(_("This person already holds this role."))
        pending = Invitation.objects.usable().filter(
            email=self.email,
            government_key=self.government.translation_key,
            role=self.role,
            language_code=self.language_code,
        )
        if self.email and pending.exists():
            reasons.append(
                _("This person is already invited to this role. Withdraw that invitation first.")
            )
        if reasons:
            raise ActionRefused(reasons)

    @transaction.atomic
    def execute(self):
        self.check()
        token = secrets.token_urlsafe(32)
        now = timezone.now()
        invitation = Invitation.objects.create(
            email=self.email,
            government=self.government,
            role=self.role,
            language_code=self.language_code,
            token_hash=token_hash(token),
            invited_by=self.user,
            created_at=now,
            expires_at=now + datetime.timedelta(days=INVITATION_DAYS),
        )
        log(
            instance=invitation,
            action="statements.invite",
            user=self.user,
            data={
                "email": invitation.email,
                "government": self.government.short_name,
                "role": self.role,
                "language": self.language_code,
            },
        )
        notifications.send_invitation(invitation, token)
        return invitation


class AcceptInvitationAction:
    """Accept the invitation behind ``token``: as the signed-in person it was sent to,
    or as a new account with a name and password. Works once."""

    def __init__(self, token, user=None, first_name="", last_name="", password=""):
        self.token = token or ""
        self.user = user if user is not None and user.is_authenticated else None
        self.first_name = (first_name or "").strip()
        self.last_name = (last_name or "").strip()
        self.password = password or ""

    def invitation(self):
        invitation = Invitation.objects.filter(token_hash=token_hash(self.token)).first()
        if invitation is None:
            raise InvitationUnusable([_("This invitation link is not valid.")])
        if invitation.accepted_at is not None:
            raise InvitationUnusable([_("This invitation has already been used.")])
        if invitation.revoked_at is not None:
            raise InvitationUnusable([_("This invitation was withdrawn.")])
        if invitation.expires_at <= timezone.now():
            raise InvitationUnusable([_("This invitation has expired. Ask for a new one.")])
        return invitation

    def existing_account(self, invitation):
        """An account with the address, or with it as its username (the new account's)."""
        address = invitation.email
        return (
            get_user_model()
            .objects.filter(Q(email__iexact=address) | Q(username__iexact=address))
            .first()
        )

    def check(self, invitation):
        """The reasons the person cannot accept now (``[]``: they can)."""
        if self.user is not None:
            if self.user.email.lower() != invitation.email.lower():
                return [_("This invitation is for another e-mail address. Sign out first.")]
            return []
        if self.existing_account(invitation) is not None:
            return [_("You already have an account: sign in, then open the link again.")]
        candidate = get_user_model()(
            username=invitation.email,
            email=invitation.email,
            first_name=self.first_name,
            last_name=self.last_name,
        )
        reasons = [] if self.first_name and self.last_name else [_("Enter your name.")]
        try:
            password_validation.validate_password(self.password, candidate)
        except ValidationError as error:
            reasons.extend(error.messages)
        return reasons

    @transaction.atomic
    def execute(self):
        invitation = self.invitation()
        reasons = self.check(invitation)
        if reasons:
            raise ActionRefused(reasons)
        now = timezone.now()
        claimed = Invitation.objects.usable(now).filter(pk=invitation.pk).update(accepted_at=now)
        if claimed != 1:
            raise InvitationUnusable([_("This invitation has already been used.")])
        member = self.user or self._create_account(invitation)
        Invitation.objects.filter(pk=invitation.pk).update(accepted_user=member)
        grant_role(
            member,
            invitation.government,
            invitation.role,
            invitation.language_code,
            invitation.invited_by,
        )
        log(
            instance=invitation,
            action="statements.invitation_accept",
            user=member,
            data={"email": invitation.email, "role": invitation.role},
        )
        return member

    def _create_account(self, invitation):
        User = get_user_model()
        member = User(
            username=invitation.email,
            email=invitation.email,
            first_name=self.first_name,
            last_name=self.last_name,
        )
        member.set_password(self.password)
        member.save()
        return member


class RevokeInvitationAction:
    def __init__(self, invitation, user):
        self.invitation = invitation
        self.user = user

    @transaction.atomic
    def execute(self):
        invitation = self.invitation
        if not may_grant(self.user, invitation.government, invitation.role):
            raise RevokeInvitationPermissionError([_("You cannot withdraw this invitation.")])
        now = timezone.now()
        revoked = Invitation.objects.filter(
            pk=invitation.pk, accepted_at=None, revoked_at=None
        ).update(revoked_at=now, revoked_by=self.user)
        if revoked:
            log(
                instance=invitation,
                action="statements.invitation_revoke",
                user=self.user,
                data={"email": invitation.email, "role": invitation.role},
            )
        return bool(revoked)


class RemoveRoleAction:
    """Take one role of one government away from a person; its group goes too unless
    another government's role of theirs still needs it."""

    def __init__(self, user, government, member, role, language_code=""):
        self.user = user
        self.government = government
        self.member = member
        self.role = role
        self.language_code = language_code if role == Role.TRANSLATOR else ""

    @transaction.atomic
    def execute(self):
        if not may_manage_people_of(self.user, self.government) or not may_grant(
            self.user, self.government, self.role
        ):
            raise RemoveRolePermissionError(
                [_("You cannot remove people from this role for this government.")]
            )
        rows = GovernmentMember.objects.filter(
            user=self.member,
            government_key=self.government.translation_key,
            role=self.role,
            language_code=self.language_code,
        )
        held = rows.exists() or (
            self.role == Role.APPROVER
            and self.member.groups.filter(pk=self.government.approver_group_id).exists()
        )
        if not held:
            raise ActionRefused([_("This person does not hold this role.")])
        rows.delete()
        still_needed = self.role != Role.APPROVER and (
            GovernmentMember.objects.filter(
                user=self.member, role=self.role, language_code=self.language_code
            ).exists()
        )
        if not still_needed:
            group = _role_group(self.government, self.role, self.language_code)
            self.member.groups.remove(group)
        _log_role("remove", self.member, self.government, self.role, self.language_code, self.user)


class SyncAdministratorAccessAction:
    """A delegated administrator reaches the admin (its people screen) through the
    "Government administrators" group, kept in step with its delegations."""

    def __init__(self, user):
        self.user = user

    def execute(self):
        group, created = Group.objects.get_or_create(name=GOVERNMENT_ADMINISTRATORS_GROUP)
        if created:
            group.permissions.add(_access_admin())
        if GovernmentAdministrator.objects.filter(user=self.user).exists():
            self.user.groups.add(group)
        else:
            self.user.groups.remove(group)


# Registered by wagtail_hooks, so each entry reads well in the history and the reports.
LOG_ACTIONS = [
    ("statements.invite", gettext_lazy("Invite"), gettext_lazy("Invited")),
    (
        "statements.invitation_accept",
        gettext_lazy("Accept invitation"),
        gettext_lazy("Invitation accepted"),
    ),
    (
        "statements.invitation_revoke",
        gettext_lazy("Withdraw invitation"),
        gettext_lazy("Invitation withdrawn"),
    ),
    ("statements.role_grant", gettext_lazy("Grant role"), gettext_lazy("Role granted")),
    ("statements.role_remove", gettext_lazy("Remove role"), gettext_lazy("Role removed")),
    (
        "statements.account_suspension_warning",
        gettext_lazy("Warn of suspension"),
        gettext_lazy("Warned of suspension"),
    ),
    (
        "statements.account_suspend",
        gettext_lazy("Suspend account"),
        gettext_lazy("Account suspended"),
    ),
]
