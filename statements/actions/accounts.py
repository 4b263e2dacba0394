"""Accounts nobody uses: warned once, then suspended, as GOV.UK Signon does.

Every account counts, superusers too, except the usernames in ACCOUNT_SUSPEND_EXEMPT
(a break-glass administrator). Beat runs this hourly and ``suspend_unused_accounts``
runs it from cron; each warning and suspension is a Wagtail log entry on the account,
by the system user ``account-review``.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.log_actions import log

from .. import notifications, signals
from ..models import AccountReview

ACCOUNT_REVIEW_USERNAME = "account-review"


def account_review_user():
    """The named system user suspensions are logged as. It cannot sign in."""
    User = get_user_model()
    user = User.objects.filter(username=ACCOUNT_REVIEW_USERNAME).first()
    if user is None:
        user = User(username=ACCOUNT_REVIEW_USERNAME, first_name="Account", last_name="review")
        user.is_active = False
        user.set_unusable_password()
        user.save()
    return user


class SuspendUnusedAccountsAction:
    """Suspend (``is_active=False``) accounts unused for ACCOUNT_SUSPEND_AFTER_DAYS, and
    warn each one ACCOUNT_SUSPEND_WARNING_DAYS before, once. Idempotent: run it as
    often as you like; two runs at once warn and suspend each account once."""

    def __init__(self, now=None):
        self.now = now or timezone.now()
        self.after = datetime.timedelta(days=settings.ACCOUNT_SUSPEND_AFTER_DAYS)
        self.warning = datetime.timedelta(days=settings.ACCOUNT_SUSPEND_WARNING_DAYS)

    def candidates(self):
        """Active accounts whose last sign-in (or joining) is older than the warning
        age; a reactivated account's clock is restarted below."""
        return (
            get_user_model()
            .objects.filter(is_active=True)
            .exclude(username__in=settings.ACCOUNT_SUSPEND_EXEMPT)
            .annotate(seen=Coalesce(F("last_login"), F("date_joined")))
            .filter(seen__lte=self.now - self.after + self.warning)
        )

    def execute(self):
        done = {"warned": 0, "suspended": 0}
        system = None
        for user in self.candidates():
            review, _created = AccountReview.objects.get_or_create(user=user)
            if review.suspended_at is not None:
                # An administrator reactivated an account this suspended: its idle
                # clock starts again now (its last sign-in is still old).
                AccountReview.objects.filter(pk=review.pk).update(
                    suspended_at=None, active_since=self.now
                )
                continue
            seen = max(filter(None, [user.seen, review.active_since]))
            if seen <= self.now - self.after:
                system = system or account_review_user()
                done["suspended"] += self.suspend(user, review, seen, system)
            elif seen <= self.now - self.after + self.warning:
                system = system or account_review_user()
                done["warned"] += self.warn(user, review, seen, system)
        return done

    @transaction.atomic
    def suspend(self, user, review, seen, system):
        changed = (
            get_user_model().objects.filter(pk=user.pk, is_active=True).update(is_active=False)
        )
        if not changed:
            return 0
        AccountReview.objects.filter(pk=review.pk).update(suspended_at=self.now)
        # Accounts forget its remembered browsers (statements never imports accounts).
        signals.account_suspended.send(sender=type(self), user=user)
        log(
            instance=user,
            action="statements.account_suspend",
            user=system,
            data={"last_seen": seen.isoformat(), "after_days": self.after.days},
        )
        return 1

    @transaction.atomic
    def warn(self, user, review, seen, system):
        claimed = (
            AccountReview.objects.filter(pk=review.pk)
            .exclude(warned_for=seen)
            .update(warned_for=seen, warned_at=self.now)
        )
        if not claimed:
            return 0
        suspend_on = seen + self.after
        log(
            instance=user,
            action="statements.account_suspension_warning",
            user=system,
            data={"last_seen": seen.isoformat(), "suspend_on": suspend_on.isoformat()},
        )
        if user.email:
            notifications.send_suspension_warning(user, suspend_on)
        return 1
