"""The public channels' URLs. ``config/urls.py`` includes both lists: the first outside
the language prefix, the second inside it (``i18n_patterns``)."""

from django.urls import include, path

from .api import api_router
from .feeds import feed_urlpatterns
from .seo.contact_cards import contact_card
from .seo.sitemap import robots_txt, sitemap_xml
from .views.preview import embargoed_preview
from .views.search import search
from .views.subscriptions import confirm, manage, subscribe, unsubscribe

urlpatterns = [
    path("preview/<str:token>/", embargoed_preview, name="statements_embargoed_preview"),
    path(
        "preview/<str:token>/<slug:language_code>/",
        embargoed_preview,
        name="statements_embargoed_preview_language",
    ),
    path("api/v2/", api_router.urls),
    # Outside the language prefix: /sitemap.xml, /robots.txt.
    path("sitemap.xml", sitemap_xml, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
]

localized_urlpatterns = [
    path("feeds/", include(feed_urlpatterns)),
    # Under each language prefix (/<lang>/...).
    path("contacts/<uuid:translation_key>.vcf", contact_card, name="contact_card"),
    path("search/", search, name="statements_search"),
    path("subscribe/", subscribe, name="statements_subscribe"),
    path("subscribe/confirm/<str:token>/", confirm, name="statements_subscription_confirm"),
    path("subscribe/manage/<str:token>/", manage, name="statements_subscription_manage"),
    path(
        "subscribe/unsubscribe/<str:token>/",
        unsubscribe,
        name="statements_subscription_unsubscribe",
    ),
]
