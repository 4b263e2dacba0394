"""Each language's address comes from its own title, and stays once released.

wagtail-localize gives a translated page its source's slug (a synchronised field) or
keeps the one it has, and runs it through ASCII ``slugify``, which empties a Japanese
or Korean slug. So a Japanese statement gave its English, French and Korean versions
an address made of the Japanese title. Here a translation's slug is made from its own
title whenever it is cleaned (Wagtail cleans a page on every save and every revision,
so every path that writes a translation passes here), until the language is released:
from then on its address is frozen, whatever later translations of the title say.
"""

from django.conf import settings
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug

from ..measures import slug_for


class OwnTitleSlugMixin:
    """For a page model with ``is_translation``; placed before ``Page``."""

    def full_clean(self, *args, **kwargs):
        self.set_slug_from_own_title()
        super().full_clean(*args, **kwargs)

    def minimal_clean(self):
        self.set_slug_from_own_title()
        super().minimal_clean()

    def set_slug_from_own_title(self):
        parent = getattr(self, "_cached_parent_obj", None) or (self.path and self.get_parent())
        if not parent or not self.is_translation:
            return
        # Released means released in the database: while a revision is being published
        # the page in hand is already marked live, and its slug must still be made.
        stored = (
            type(self)
            .objects.filter(pk=self.pk)
            .values("slug", "url_path", "live", "first_published_at")
            .first()
            if self.pk
            else None
        )
        if stored and (stored["live"] or stored["first_published_at"]):
            # A revision carries the address it was saved with; the stored one stands.
            self.slug, self.url_path = stored["slug"], stored["url_path"]
            return
        allow_unicode = getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True)
        wanted = slug_for(self.title, allow_unicode) or slugify(self.slug)
        if wanted:
            self.slug = find_available_slug(parent, wanted, ignore_page_id=self.pk)
