"""The project's URLs with the subscription pages and the subscribers' admin added, as
config/urls.py and wagtail_hooks.py will include them.

The admin's URLs are built once, when Wagtail's admin URL module is first imported;
the subscribers' viewset is mounted here in front of them, behind the same admin check.
"""

from django.conf.urls.i18n import i18n_patterns
from django.urls import LocalePrefixPattern, include, path
from wagtail.admin.auth import require_admin_access
from wagtail.utils.urlpatterns import decorate_urlpatterns

from config.urls import urlpatterns as project_urlpatterns
from newsroom.subscription_admin import subscriber_viewset
from newsroom.urls import localized_urlpatterns as subscription_urlpatterns

_localized = [p for p in project_urlpatterns if isinstance(p.pattern, LocalePrefixPattern)]
assert len(_localized) == 1, "config/urls.py should hold exactly one i18n_patterns()"

_viewset = subscriber_viewset
_admin = decorate_urlpatterns(
    [
        path(
            f"{_viewset.url_prefix}/",
            include(
                (_viewset.get_urlpatterns(), _viewset.url_namespace),
                namespace=_viewset.url_namespace,
            ),
        )
    ],
    require_admin_access,
)

urlpatterns = [
    path("admin/", include(_admin)),
    *(p for p in project_urlpatterns if p not in _localized),
    *i18n_patterns(
        *subscription_urlpatterns,
        *_localized[0].url_patterns,
        prefix_default_language=_localized[0].pattern.prefix_default_language,
    ),
]
