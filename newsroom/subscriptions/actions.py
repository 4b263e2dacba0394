"""What a subscriber (or the clock) does to a subscription: subscribe, confirm, update,
erase, export, and the removal of addresses never confirmed.

Each e-mail an action causes is queued with ``on_commit``, so a rolled-back request
sends nothing, and sent by a Celery task, so a slow mail server never slows the page.
"""

import json

from django.db import IntegrityError, transaction
from django.utils import timezone

from statements.models import Subscriber

from .links import confirm_max_age
from .rate_limits import allow_address, forget_address

SEND_MAIL_TASK = "newsroom.tasks.send_subscription_mail_task"


def _queue_mail(subscriber_id, kind):
    def send():
        from celery import current_app

        current_app.tasks[SEND_MAIL_TASK].delay(subscriber_id, kind)

    transaction.on_commit(send)


class SubscribeAction:
    """Create or refresh an unconfirmed subscription and send the link to confirm it.

    A confirmed address is left as it is and told how to manage it. Either way one
    e-mail is queued and the caller answers the same, so the answer reveals nothing.
    """

    def __init__(self, email, language_code, governments=(), statement_types=()):
        self.email = email.strip().lower()
        self.language_code = language_code
        self.governments = sorted(set(governments))
        self.statement_types = sorted(set(statement_types))

    @transaction.atomic
    def execute(self):
        if not allow_address(self.email):
            return None
        subscriber = Subscriber.objects.select_for_update().filter(email=self.email).first()
        if subscriber is None:
            try:
                with transaction.atomic():
                    subscriber = Subscriber.objects.create(
                        email=self.email,
                        language_code=self.language_code,
                        governments=self.governments,
                        statement_types=self.statement_types,
                    )
            except IntegrityError:  # the same address, subscribed at the same moment
                subscriber = Subscriber.objects.select_for_update().get(email=self.email)
        if subscriber.is_confirmed:
            _queue_mail(subscriber.pk, "already")
            return subscriber
        subscriber.language_code = self.language_code
        subscriber.governments = self.governments
        subscriber.statement_types = self.statement_types
        subscriber.created_at = timezone.now()
        subscriber.save()
        _queue_mail(subscriber.pk, "confirm")
        return subscriber


class ConfirmSubscriptionAction:
    def __init__(self, subscriber):
        self.subscriber = subscriber

    @transaction.atomic
    def execute(self):
        subscriber = Subscriber.objects.select_for_update().get(pk=self.subscriber.pk)
        if subscriber.confirmed_at is None:
            subscriber.confirmed_at = timezone.now()
            subscriber.save(update_fields=["confirmed_at"])
        return subscriber


class UpdateSubscriptionAction:
    def __init__(self, subscriber, language_code, governments=(), statement_types=()):
        self.subscriber = subscriber
        self.language_code = language_code
        self.governments = sorted(set(governments))
        self.statement_types = sorted(set(statement_types))

    def execute(self):
        subscriber = self.subscriber
        subscriber.language_code = self.language_code
        subscriber.governments = self.governments
        subscriber.statement_types = self.statement_types
        subscriber.save(update_fields=["language_code", "governments", "statement_types"])
        return subscriber


class EraseSubscriberAction:
    """Unsubscribe and erasure alike: the row and its deliveries are deleted."""

    def __init__(self, subscriber):
        self.subscriber = subscriber

    def execute(self):
        forget_address(self.subscriber.email)
        self.subscriber.delete()


def export_data(subscriber):
    """Everything held about a subscriber, as a JSON-ready dict."""
    deliveries = [
        {
            "statement": delivery.page_id,
            "title": delivery.page.title,
            "language": delivery.language_code,
            "sent_at": delivery.sent_at.isoformat() if delivery.sent_at else None,
        }
        for delivery in subscriber.deliveries.select_related("page").order_by("claimed_at")
    ]
    return {
        "email": subscriber.email,
        "language": subscriber.language_code,
        "governments": subscriber.governments,
        "statement_types": subscriber.statement_types,
        "subscribed_at": subscriber.created_at.isoformat(),
        "confirmed_at": subscriber.confirmed_at.isoformat() if subscriber.confirmed_at else None,
        "deliveries": deliveries,
    }


def export_json(subscriber):
    return json.dumps(export_data(subscriber), ensure_ascii=False, indent=2)


def delete_unconfirmed(now=None):
    """Addresses never confirmed are kept only as long as their confirmation link works."""
    cutoff = (now or timezone.now()) - confirm_max_age()
    deleted, _per_model = Subscriber.objects.unconfirmed().filter(created_at__lt=cutoff).delete()
    return deleted
