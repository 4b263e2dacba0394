from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from statements.api import api_router
from statements.feeds import feed_urlpatterns
from statements.search_urls import search_urlpatterns
from statements.seo import localized_seo_urlpatterns, seo_urlpatterns
from statements.subscription_urls import subscription_urlpatterns
from statements.views.preview import embargoed_preview
from statements.views.release import health
from statements.wagtail_localize_compat import gated_urls

urlpatterns = [
    # Checked before wagtail-localize's own views (statements/wagtail_localize_compat.py).
    *gated_urls(),
    path("health/", health, name="health"),
    path("preview/<str:token>/", embargoed_preview, name="statements_embargoed_preview"),
    path(
        "preview/<str:token>/<slug:language_code>/",
        embargoed_preview,
        name="statements_embargoed_preview_language",
    ),
    path("api/v2/", api_router.urls),
    *seo_urlpatterns,
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("feeds/", include(feed_urlpatterns)),
    *localized_seo_urlpatterns,
    *search_urlpatterns,
    *subscription_urlpatterns,
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
