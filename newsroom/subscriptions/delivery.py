"""What a release sends, and to whom, at most once per subscriber.

Delivery starts only from the release's "subscriptions" effect (``statements.outbox``),
after the release has committed, and reads what was released (``ReleasedPage``), never
a draft: a version withdrawn since is not sent, and a subscriber confirmed after the
release is not sent it either.
"""

from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.utils import timezone

from statements.models import Delivery, Release, ReleasedPage, StatementPage, Subscriber

from .emails import StatementEmails

BATCH_SIZE = 100
DELIVER_RELEASE_TASK = "newsroom.tasks.deliver_release_task"


def queue_delivery(release, pages):
    """The "subscriptions" effect: the release has committed; queue its e-mails.

    A broker failure raises, so the outbox keeps the effect pending and queues it
    again later (it never reaches the release). Queueing twice sends nobody twice:
    each message is claimed (``Delivery``) before it is sent.
    """
    # By name: ``newsroom.tasks`` imports this module.
    from celery import current_app

    current_app.tasks[DELIVER_RELEASE_TASK].delay(release.pk)


class DeliveryPlan:
    """What one release sends: the released version for each language, and to whom."""

    def __init__(self, release):
        self.release = release
        self.statement = StatementPage.objects.select_related("locale").get(pk=release.statement_id)
        self.source_language = self.statement.locale.language_code
        released = ReleasedPage.objects.filter(release=release).order_by("pk")
        pages = StatementPage.objects.in_bulk([row.page_id for row in released])
        self.versions = {}
        self.government_codes = set()
        for row in released:
            page = pages.get(row.page_id)
            if page is None or not page.live:
                continue  # withdrawn from the public since: never sent
            self.versions[row.language_code] = page
            for entry in (row.snapshot or {}).get("issuing_governments", []):
                if entry.get("code"):
                    self.government_codes.add(entry["code"])
        if not self.government_codes:
            self.government_codes = {
                s.government.code for s in self.statement.signatories.select_related("government")
            }

    def page_for(self, subscriber):
        """The subscriber's language if released in it, else the source language;
        a language released later on its own goes to that language's subscribers only."""
        if self.release.language_code:
            if subscriber.language_code != self.release.language_code:
                return None
            return self.versions.get(self.release.language_code)
        return self.versions.get(subscriber.language_code) or self.versions.get(
            self.source_language
        )

    def recipients(self):
        subscribers = Subscriber.objects.confirmed()
        if self.release.released_at is not None:
            subscribers = subscribers.filter(confirmed_at__lte=self.release.released_at)
        if self.release.language_code:
            subscribers = subscribers.filter(language_code=self.release.language_code)
        subscribers = subscribers.exclude(deliveries__release=self.release)
        return [
            subscriber.pk
            for subscriber in subscribers.order_by("pk").only(
                "pk", "language_code", "governments", "statement_types"
            )
            if subscriber.wants(self.government_codes, self.statement.statement_type)
        ]


def released(release_id):
    return Release.objects.filter(pk=release_id, state=Release.State.RELEASED).first()


def delivery_batches(release_id, size=BATCH_SIZE):
    """The matching confirmed subscribers not yet sent this release, in batches of ids."""
    release = released(release_id)
    if release is None:
        return []
    plan = DeliveryPlan(release)
    if not plan.versions:
        return []
    ids = plan.recipients()
    return [ids[i : i + size] for i in range(0, len(ids), size)]


def deliver_batch(release_id, subscriber_ids):
    """Send one batch. Each message is claimed before it is sent, so a rerun or a retry
    skips whoever was already sent; a message whose sending failed gives its claim back
    and the error propagates, for the task to retry."""
    release = released(release_id)
    if release is None:
        return 0
    plan = DeliveryPlan(release)
    emails = StatementEmails()
    sent = 0
    with get_connection() as connection:
        for subscriber in (
            Subscriber.objects.confirmed().filter(pk__in=subscriber_ids).order_by("pk")
        ):
            page = plan.page_for(subscriber)
            if page is None or not subscriber.wants(
                plan.government_codes, plan.statement.statement_type
            ):
                continue
            message = emails.message(subscriber, page)
            try:
                with transaction.atomic():
                    delivery = Delivery.objects.create(
                        subscriber=subscriber,
                        release=release,
                        page=page,
                        language_code=page.locale.language_code,
                    )
            except IntegrityError:
                continue  # claimed already: sent, or being sent
            message.connection = connection
            try:
                message.send()
            except Exception:
                Delivery.objects.filter(pk=delivery.pk, sent_at=None).delete()
                raise
            Delivery.objects.filter(pk=delivery.pk).update(sent_at=timezone.now())
            sent += 1
    return sent
