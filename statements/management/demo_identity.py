"""The demo's site identity (Settings › Site identity), set to the lead ministry.

Idempotent like the rest of ``load_demo``: the emblem is found by its title, and each
language's row is updated in place. A configured language the demo has no names for
gets no row: the frame shows the default language's, marked with its language.
"""

import io

from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Collection, Site

from statements.demo import identity as demo_identity
from statements.models import SiteIdentity, SiteIdentityLanguage


def load_site_identity(languages):
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    Image = get_image_model()
    emblem = Image.objects.filter(title=demo_identity.EMBLEM_TITLE).first()
    if emblem is None:
        png = ImageFile(io.BytesIO(demo_identity.emblem_png()), "demo-emblem.png")
        # A flushed database (transactional tests) has lost Wagtail's root collection.
        root = Collection.get_first_root_node() or Collection.add_root(name="Root")
        emblem = Image(title=demo_identity.EMBLEM_TITLE, file=png, collection=root)
        emblem.save()
    identity = SiteIdentity.objects.filter(site=site).first() or SiteIdentity(site=site)
    identity.emblem = emblem
    identity.contact_email = demo_identity.CONTACT["contact_email"]
    identity.contact_phone = demo_identity.CONTACT["contact_phone"]
    rows = {row.language_code: row for row in identity.languages.all()}
    for order, code in enumerate(languages):
        if code not in demo_identity.NAMES:
            continue
        government, ministry, links = demo_identity.NAMES[code]
        row = rows.get(code) or SiteIdentityLanguage(language_code=code)
        row.sort_order = order
        row.government_name, row.ministry_name = government, ministry
        for name, value in links.items():
            setattr(row, name, value)
        rows[code] = row
    identity.languages = list(rows.values())
    identity.save()
    return identity
