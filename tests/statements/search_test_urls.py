"""The project's URLs with the search page added, as config/urls.py will include it.

Search comes first inside the language prefix, before Wagtail's catch-all page route.
"""

from django.conf.urls.i18n import i18n_patterns
from django.urls import LocalePrefixPattern

from config.urls import urlpatterns as project_urlpatterns
from newsroom.urls import localized_urlpatterns as search_urlpatterns

_localized = [p for p in project_urlpatterns if isinstance(p.pattern, LocalePrefixPattern)]
assert len(_localized) == 1, "config/urls.py should hold exactly one i18n_patterns()"

urlpatterns = [
    *(p for p in project_urlpatterns if p not in _localized),
    *i18n_patterns(
        *search_urlpatterns,
        *_localized[0].url_patterns,
        prefix_default_language=_localized[0].pattern.prefix_default_language,
    ),
]
