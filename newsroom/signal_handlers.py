"""What the public channels do when a statement is released (after the commit)."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, Site

from statements.models import HomePage, NewsroomPage
from statements.signals import statement_released

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


def purge_released_urls(sender, release, pages, **kwargs):
    """Every language URL of a release, and every listing, leave the caches together,
    after commit: the pages Django keeps first, so that a front-end cache that asks
    again at once gets the released page."""
    page_cache.purge()
    batch = PurgeBatch()
    batch.add_pages(pages)
    batch.add_urls(listing_urls())
    batch.purge()


def connect():
    statement_released.connect(purge_released_urls, dispatch_uid="purge_released_urls")
    statement_released.connect(queue_delivery, dispatch_uid="subscriptions_queue_delivery")
