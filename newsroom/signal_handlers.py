"""What the public channels do when a statement is released (after the commit, as
effects of the release's outbox, ``statements.outbox``), and when a release is
scheduled or moved."""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished

from statements import outbox
from statements.models import HomePage, NewsroomPage, Release

from . import page_cache
from .subscriptions.delivery import queue_delivery

FEED_ROUTES = ("statements_feed_rss", "statements_feed_atom")


def listing_urls():
    """Every URL that lists statements, in every language: a statement not translated
    into a language is listed there too, in its own."""
    site = Site.objects.filter(is_default_site=True).first()
    root = site.root_url if site else settings.COMMUNIQUE_BASE_URL
    listings = Page.objects.live().type(HomePage, NewsroomPage)
    urls = [page.get_full_url() for page in listings.specific()]
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            urls += [root + reverse(name) for name in FEED_ROUTES]
    urls.append(root + reverse("sitemap"))
    return [url for url in urls if url]


def purge_released_urls(release, pages):
    """The "purge" effect: every language URL of a release, and every listing, leave
    the caches together, after commit: the pages Django keeps first, so that a
    front-end cache that asks again at once gets the released page. Purging again
    does no harm, so a retry after a failure (Redis down, the CDN not answering)
    purges everything again."""
    page_cache.purge()
    batch = PurgeBatch()
    batch.add_pages(pages)
    batch.add_urls(listing_urls())
    batch.purge()


def purge_for_new_instant(sender, instance, update_fields=None, **kwargs):
    """A release scheduled or moved may fall inside the lifetime of pages already kept
    (a statement's 404 among them), which were bounded by the instants known then: drop
    them once it is committed, and what is kept after is bounded by the new instant."""
    if instance.state != Release.State.SCHEDULED:
        return
    if update_fields is not None and not {"release_at", "state"} & set(update_fields):
        return
    transaction.on_commit(page_cache.purge, robust=True)


def purge_for_publish(sender, instance, **kwargs):
    """A page an editor publishes or unpublishes outside a release (a home page, a new
    page where a reader just got a 404) shows at once, here, once committed. A
    release's own pages purge this way too, as well as through the "purge" effect."""
    transaction.on_commit(page_cache.purge, robust=True)


def connect():
    outbox.register_effect("purge", purge_released_urls)
    outbox.register_effect("subscriptions", queue_delivery)
    post_save.connect(purge_for_new_instant, sender=Release, dispatch_uid="purge_new_instant")
    page_published.connect(purge_for_publish, dispatch_uid="page_cache_purge_published")
    page_unpublished.connect(purge_for_publish, dispatch_uid="page_cache_purge_unpublished")
