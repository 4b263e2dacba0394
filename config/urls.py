from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from newsroom.urls import localized_urlpatterns as newsroom_localized_urlpatterns
from newsroom.urls import urlpatterns as newsroom_urlpatterns
from newsroom.views.media import media
from statements.views.gates import gated_admin_urls
from statements.views.health import health
from statements.views.people import invitation_urls
from statements.wagtail_localize_compat import gated_urls

urlpatterns = [
    # Checked before wagtail-localize's and Wagtail's own views
    # (statements/wagtail_localize_compat.py, statements/views/gates.py).
    *gated_urls(),
    *gated_admin_urls(),
    # Reached logged out: before the admin's URLs, which all require a signed-in user.
    *invitation_urls(),
    path("health/", health, name="health"),
    *newsroom_urlpatterns,
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Uploaded images in every environment, through the embargo check (never
    # django.conf.urls.static, which would serve them around it under DEBUG).
    path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", media, name="media"),
]

urlpatterns += i18n_patterns(
    *newsroom_localized_urlpatterns,
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
