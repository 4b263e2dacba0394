"""What the public channels do when a statement is released (after the commit)."""

from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache

from statements.signals import statement_released

from .subscriptions.delivery import queue_delivery


def purge_released_urls(sender, release, pages, **kwargs):
    """Every language URL of a release leaves the front-end cache together, after commit."""
    purge_pages_from_cache(pages)


def connect():
    statement_released.connect(purge_released_urls, dispatch_uid="purge_released_urls")
    statement_released.connect(queue_delivery, dispatch_uid="subscriptions_queue_delivery")
