"""The people of a government: its roles, its delegated administrators, invitations.

A government is an identity across locales (ADR 0001), so every row here points at one
of its rows and is read by the government's translation key. Which groups carry a
role's rights, and who may grant it, is ``statements.permissions``; the verbs are
``statements.actions.people``.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


def one_row_per_government():
    """Offer Canada once in a chooser, not once per locale: its default-language row."""
    return models.Q(locale__language_code=settings.LANGUAGE_CODE)


class Role(models.TextChoices):
    APPROVER = "approver", _("Approver")
    DRAFTER = "drafter", _("Drafter")
    TRANSLATOR = "translator", _("Translator")


class GovernmentMember(models.Model):
    """That a person holds a role for a government: whose person they are.

    The rights come from groups (the government's approver group, "Drafters",
    "Translators: xx"); this row says which government's press office the person
    belongs to, so its administrators (and only they) manage them, and so "drafter of
    Canada" is a fact rather than a guess from page permissions (ADR 0011).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="government_roles"
    )
    government = models.ForeignKey(
        "statements.Government", on_delete=models.CASCADE, related_name="+"
    )
    government_key = models.UUIDField(db_index=True, editable=False)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    language_code = models.CharField(_("language"), max_length=15, blank=True)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    granted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("government role")
        verbose_name_plural = _("government roles")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "government_key", "role", "language_code"],
                name="one_role_per_person_government_language",
            )
        ]

    def __str__(self):
        return f"{self.user} {self.role} {self.language_code} ({self.government})".strip()

    def save(self, *args, **kwargs):
        self.government_key = self.government.translation_key
        super().save(*args, **kwargs)


class GovernmentAdministrator(models.Model):
    """A person who manages the people of one government, granting only these roles.

    Appointed by an administrator (a superuser); a delegated administrator cannot
    appoint another one, nor grant a role not ticked here.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="administered_governments",
    )
    government = models.ForeignKey(
        "statements.Government",
        verbose_name=_("government"),
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to=one_row_per_government,
    )
    government_key = models.UUIDField(db_index=True, editable=False)
    may_grant_approver = models.BooleanField(_("may invite approvers"), default=False)
    may_grant_drafter = models.BooleanField(_("may invite drafters"), default=False)
    may_grant_translator = models.BooleanField(_("may invite translators"), default=False)

    panels = [
        FieldPanel("user"),
        FieldPanel("government"),
        FieldPanel("may_grant_approver"),
        FieldPanel("may_grant_drafter"),
        FieldPanel("may_grant_translator"),
    ]

    class Meta:
        verbose_name = _("government administrator")
        verbose_name_plural = _("government administrators")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "government_key"], name="one_delegation_per_person_government"
            )
        ]

    def __str__(self):
        return f"{self.user} ({self.government})"

    def save(self, *args, **kwargs):
        self.government_key = self.government.translation_key
        super().save(*args, **kwargs)

    def grantable_roles(self):
        return {
            role
            for role, allowed in (
                (Role.APPROVER, self.may_grant_approver),
                (Role.DRAFTER, self.may_grant_drafter),
                (Role.TRANSLATOR, self.may_grant_translator),
            )
            if allowed
        }


class InvitationQuerySet(models.QuerySet):
    def usable(self, now=None):
        return self.filter(accepted_at=None, revoked_at=None, expires_at__gt=now or timezone.now())


class Invitation(models.Model):
    """An e-mailed link that makes its holder a person of a government in one role.

    Only the SHA-256 of the token is stored: the link in the e-mail is the one copy
    of the token. It works once, until ``expires_at`` (14 days), unless revoked.
    """

    email = models.EmailField(_("e-mail address"))
    government = models.ForeignKey(
        "statements.Government", on_delete=models.CASCADE, related_name="+"
    )
    government_key = models.UUIDField(db_index=True, editable=False)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    language_code = models.CharField(_("language"), max_length=15, blank=True)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        indexes = [models.Index(fields=["government_key", "accepted_at", "revoked_at"])]

    def __str__(self):
        return f"{self.email}: {self.role} {self.language_code} ({self.government})".strip()

    def save(self, *args, **kwargs):
        self.government_key = self.government.translation_key
        super().save(*args, **kwargs)


class AccountReview(models.Model):
    """What the suspension of unused accounts has done to one account.

    ``warned_for`` is the last activity a warning was sent about: the warning is
    claimed by a conditional update on it, so two beats running at once send one.
    ``active_since`` restarts the idle clock when an administrator reactivates an
    account this suspended (its last login is still old).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="account_review"
    )
    warned_for = models.DateTimeField(null=True, blank=True)
    warned_at = models.DateTimeField(null=True, blank=True)
    suspended_at = models.DateTimeField(null=True, blank=True)
    active_since = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("account review")
        verbose_name_plural = _("account reviews")

    def __str__(self):
        return f"{self.user_id}: warned {self.warned_at}, suspended {self.suspended_at}"
