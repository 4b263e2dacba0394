"""The signed links a subscriber is sent, and how long each one works.

The token is the only secret behind the confirm, manage and unsubscribe pages, so each
purpose signs with its own salt: a link sent for one cannot open another.
"""

import datetime
import uuid

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

from statements.models import Subscriber

CONFIRM_SALT = "communique.subscription.confirm"
MANAGE_SALT = "communique.subscription.manage"
UNSUBSCRIBE_SALT = "communique.subscription.unsubscribe"
MANAGE_LINK_DAYS = 30


def confirm_days():
    return getattr(settings, "COMMUNIQUE_SUBSCRIPTION_CONFIRM_DAYS", 3)


def make_token(subscriber, salt):
    return signing.dumps({"k": str(subscriber.key)}, salt=salt, compress=True)


def read_token(token, salt, max_age=None):
    """(subscriber or None, "ok" | "expired" | "invalid" | "gone")."""
    try:
        data = signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired:
        return None, "expired"
    except signing.BadSignature:
        return None, "invalid"
    try:
        key = uuid.UUID(str(data.get("k", "")))
    except (AttributeError, ValueError):
        return None, "invalid"
    subscriber = Subscriber.objects.filter(key=key).first()
    return subscriber, ("ok" if subscriber is not None else "gone")


def manage_max_age():
    return datetime.timedelta(days=MANAGE_LINK_DAYS)


def confirm_max_age():
    return datetime.timedelta(days=confirm_days())


def absolute(path):
    if path.startswith("/"):
        return settings.COMMUNIQUE_BASE_URL.rstrip("/") + path
    return path


def link(subscriber, name, salt):
    with translation.override(subscriber.language_code):
        return absolute(reverse(name, args=[make_token(subscriber, salt)]))


def confirm_url(subscriber):
    return link(subscriber, "statements_subscription_confirm", CONFIRM_SALT)


def manage_url(subscriber):
    return link(subscriber, "statements_subscription_manage", MANAGE_SALT)


def unsubscribe_url(subscriber):
    return link(subscriber, "statements_subscription_unsubscribe", UNSUBSCRIBE_SALT)
