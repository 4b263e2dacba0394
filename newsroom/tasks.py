"""Celery tasks for e-mail subscriptions: thin, idempotent, acting on IDs.

The logic lives in :mod:`newsroom.subscriptions`; these only schedule it.
"""

import smtplib

from celery import shared_task

from .subscriptions.actions import delete_unconfirmed
from .subscriptions.delivery import deliver_batch, delivery_batches
from .subscriptions.emails import send_account_mail


@shared_task(
    name="newsroom.tasks.send_subscription_mail_task",
    autoretry_for=(smtplib.SMTPException, OSError),
    retry_backoff=30,
    max_retries=5,
)
def send_subscription_mail_task(subscriber_id, kind):
    return send_account_mail(subscriber_id, kind)


@shared_task(name="newsroom.tasks.deliver_release_task")
def deliver_release_task(release_id):
    """Split the release's recipients into batches, one sub-task each. Running it again
    queues only those not yet sent; a release that did not happen sends nothing."""
    batches = delivery_batches(release_id)
    for subscriber_ids in batches:
        deliver_batch_task.delay(release_id, subscriber_ids)
    return len(batches)


@shared_task(
    name="newsroom.tasks.deliver_batch_task",
    autoretry_for=(smtplib.SMTPException, OSError),
    retry_backoff=30,
    retry_backoff_max=30 * 60,
    max_retries=8,
    acks_late=True,
)
def deliver_batch_task(release_id, subscriber_ids):
    return deliver_batch(release_id, subscriber_ids)


@shared_task(name="newsroom.tasks.delete_unconfirmed_task")
def delete_unconfirmed_task():
    return delete_unconfirmed()
