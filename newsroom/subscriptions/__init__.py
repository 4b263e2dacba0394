"""E-mail subscriptions: double opt-in, self-service, and one e-mail per released statement.

- Subscribing answers the same whatever the address: a new or unconfirmed address is
  sent a confirmation link, a confirmed one a link to manage its subscription. Nothing
  about a confirmed subscription changes without a link from its own mailbox.
- Links carry a signed token naming the subscriber's random key, one salt per
  purpose. The confirmation link expires; the unsubscribe link never does.
- Only a release sends statement text: its "subscriptions" effect (from the release's
  outbox, after it commits, retried until it succeeds) queues ``deliver_release_task``,
  which sends in batches. Each message is
  claimed by a ``Delivery`` row before it is sent, so none goes out twice.
- Unsubscribing and erasure delete the row and its deliveries.

What a subscriber does is in ``actions`` (with ``forms``, ``links`` and ``rate_limits``
for the pages that ask); what a release sends, and to whom, in ``delivery``; how every
e-mail reads, in ``emails``.
"""
