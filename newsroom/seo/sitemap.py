"""What crawlers read first: robots.txt, and the sitemap it points them to.

Every language is a page of its own here, so the sitemap lists each with its
translations as alternates; statements are listed once released.
"""

import functools

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import HttpResponse
from django.urls import reverse
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.models import Page

from statements.models import StatementPage


def language_order():
    return {code: i for i, (code, _name) in enumerate(settings.WAGTAIL_CONTENT_LANGUAGES)}


def x_default(versions):
    """The version search engines offer a reader whose language is not there."""
    return next(
        (p for p in versions if p.locale.language_code == settings.LANGUAGE_CODE), versions[0]
    )


class PublicSitemap(Sitemap):
    """Every live public page in every language, each with its translations as
    ``hreflang`` alternates and an ``x-default``.

    Wagtail's sitemap lists the descendants of the site's root page, which in a
    multilingual tree is one language only, and gives no alternates; Django's
    ``i18n`` alternates assume one object served under every language prefix, where
    here each language is a page of its own. Statements are listed once released.
    """

    @functools.cached_property
    def _pages(self):
        site = self.get_wagtail_site()
        roots = site.root_page.get_translations(inclusive=True)
        in_site = Q()
        for root in roots:
            in_site |= Q(path__startswith=root.path)
        statements = ContentType.objects.get_for_model(StatementPage)
        pages = (
            Page.objects.live()
            .public()
            .filter(in_site)
            .filter(
                ~Q(content_type=statements)
                | Q(pk__in=StatementPage.objects.released().values("pk"))
            )
            .select_related("locale")
        )
        order = language_order()
        # A language taken out of LANGUAGES keeps its rows but has no address any more.
        pages = pages.filter(locale__language_code__in=order)
        return sorted(pages, key=lambda p: (order.get(p.locale.language_code, len(order)), p.path))

    @functools.cached_property
    def _versions(self):
        order = language_order()
        versions = {}
        for page in sorted(
            self._pages, key=lambda p: order.get(p.locale.language_code, len(order))
        ):
            versions.setdefault(page.translation_key, []).append(page)
        return versions

    @functools.cached_property
    def _latest_statement(self):
        statements = ContentType.objects.get_for_model(StatementPage)
        stamps = [
            p.last_published_at
            for p in self._pages
            if p.content_type_id == statements.pk and p.last_published_at
        ]
        return max(stamps, default=None)

    def items(self):
        return self._pages

    def location(self, obj):
        cache = self.__dict__.setdefault("_locations", {})
        if obj.pk not in cache:
            cache[obj.pk] = obj.get_full_url(self.request)
        return cache[obj.pk]

    def lastmod(self, obj):
        """A listing page changes when a statement is released into it."""
        own = obj.last_published_at or obj.latest_revision_created_at
        statements = ContentType.objects.get_for_model(StatementPage)
        if obj.content_type_id != statements.pk and self._latest_statement:
            return max(filter(None, (own, self._latest_statement)))
        return own

    def _urls(self, page, protocol, domain):
        urls = []
        for item in self.paginator.page(page).object_list:
            if self.location(item) is None:
                continue
            versions = self._versions[item.translation_key]
            versions = [v for v in versions if self.location(v)]
            alternates = [
                {"lang_code": v.locale.language_code, "location": self.location(v)}
                for v in versions
            ]
            alternates.append(
                {"lang_code": "x-default", "location": self.location(x_default(versions))}
            )
            urls.append(
                {
                    "item": item,
                    "location": self.location(item),
                    "lastmod": self.lastmod(item),
                    "changefreq": None,
                    "priority": None,
                    "alternates": alternates,
                }
            )
        stamps = [url["lastmod"] for url in urls]
        if stamps and None not in stamps:
            self.latest_lastmod = max(stamps)
        return urls


def sitemap_xml(request):
    return sitemap(request, {"pages": PublicSitemap})


# --- robots.txt ------------------------------------------------------------------------


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Allow: /",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
