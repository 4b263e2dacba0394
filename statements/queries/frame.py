"""What the public frame shows around every page, read at most once per request.

The site's identity (``models.SiteIdentity``) is read from the database once and then
kept in the default cache (Redis, shared by every web process) as plain values: the
emblem's rendition address and size, the press contact, and the names and footer links
in each language. Saving the setting drops the copy; it also expires after
``IDENTITY_SECONDS``, so an emblem image replaced in place is seen within that time.
A page therefore costs no query for its frame, and at most one cache read, kept on
the request for everything else that asks.
"""

from django.conf import settings
from django.core.cache import cache
from wagtail.models import Site

from ..models import SiteIdentity
from ..models.site_identity import EMBLEM_RENDITION, IDENTITY_CACHE_KEY

IDENTITY_SECONDS = 300
LINK_FIELDS = ("contact_url", "privacy_url", "terms_url", "accessibility_url")
_ON_REQUEST = "_communique_identity"


def _values(identity):
    emblem = None
    if identity.emblem_id:
        rendition = identity.emblem.get_rendition(EMBLEM_RENDITION)
        emblem = {
            "url": rendition.url,
            "width": rendition.width,
            "height": rendition.height,
            "file": rendition.file.name,
        }
    languages = {}
    for row in identity.languages.all():
        languages[row.language_code] = {
            "ministry_name": row.ministry_name,
            "government_name": row.government_name,
            **{name: getattr(row, name) for name in LINK_FIELDS},
        }
    return {
        "emblem": emblem,
        "contact_email": identity.contact_email,
        "contact_phone": identity.contact_phone,
        "languages": languages,
    }


def _read(site):
    key = f"{IDENTITY_CACHE_KEY}:{site.pk}"
    values = cache.get(key)
    if values is None:
        identity = (
            SiteIdentity.objects.filter(site=site)
            .select_related("emblem")
            .prefetch_related("languages")
            .first()
        )
        values = _values(identity) if identity is not None else {}
        cache.set(key, values, IDENTITY_SECONDS)
    return values


def _for_request(request):
    values = getattr(request, _ON_REQUEST, None)
    if values is None:
        site = Site.find_for_request(request) if request is not None else None
        values = _read(site) if site is not None else {}
        if request is not None:
            setattr(request, _ON_REQUEST, values)
    return values


def is_emblem_file(request, name):
    """True for the stored file the header shows as the emblem: an administrator made
    it public on every page, so it is served without the embargo's search for the
    statements that use an image (``newsroom.views.media``)."""
    emblem = _for_request(request).get("emblem") or {}
    return bool(name) and emblem.get("file") == name


def site_identity(request, language_code):
    """The identity in ``language_code``, or in the default language (then ``lang``
    names it, for the template to mark); None when no administrator has set one."""
    values = _for_request(request)
    languages = values.get("languages") or {}
    code = language_code if language_code in languages else settings.LANGUAGE_CODE
    names = languages.get(code) or next(iter(languages.values()), None)
    if names is None:
        return None
    if code not in languages:
        code = next(iter(languages))
    return {
        **names,
        "emblem": values["emblem"],
        "contact_email": values["contact_email"],
        "contact_phone": values["contact_phone"],
        "lang": "" if code == language_code else code,
    }
