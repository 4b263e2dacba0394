"""Snippet rows shown on a page in the page's language, and the values a release froze."""

from django.conf import settings
from django.db.models import Q


class Frozen:
    """A displayed value kept with a released revision (see ``use_release_snapshot``)."""

    def __init__(self, values):
        self.__dict__.update(values)

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return ""

    def __str__(self):
        return self.__dict__.get("short_name") or self.__dict__.get("name") or ""


class Localized:
    """A snippet row shown on a page, and whether it is in the page's language."""

    def __init__(self, obj, locale):
        self.obj = obj
        self.is_fallback = obj.locale_id != locale.id
        self.language_code = obj.locale.language_code

    def __getattr__(self, name):
        return getattr(self.obj, name)

    def __str__(self):
        return str(self.obj)


def localize_by_key(model, keys, locale):
    """Map translation key to the row in ``locale``, else in the default language.

    One query however many keys; callers keep their own row as a last resort.
    """
    if not keys:
        return {}
    rows = (
        model.objects.filter(translation_key__in=keys)
        .filter(Q(locale_id=locale.id) | Q(locale__language_code=settings.LANGUAGE_CODE))
        .select_related("locale")
    )
    found = {}
    for row in rows:
        if row.translation_key not in found or row.locale_id == locale.id:
            found[row.translation_key] = row
    return found
