"""Site-wide middleware."""

from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

# Routes outside the language prefix: a "not found" there is final, not a hint to try
# /en/<path> (which Wagtail's catch-all would answer with an HTML page).
LANGUAGE_NEUTRAL_PREFIXES = (
    "/api/",
    "/preview/",
    "/health/",
    "/documents/",
    "/media/",
    "/sitemap.xml",
    "/robots.txt",
)


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that a 404 on a language-neutral path stays a 404."""

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(LANGUAGE_NEUTRAL_PREFIXES):
            return response
        return super().process_response(request, response)
