"""The public, read-only Wagtail API v2 (released statements only).

One endpoint, ``pages``. There is no images or documents endpoint: they would list
files attached to statements still under embargo (see ``statements.embargo``).

The endpoint serves what the public site serves: live pages without view
restrictions and, among statements, only released ones. Statement fields are read
from the live page row (the released revision), with the names of governments,
contacts and topics as they were frozen at release (``use_release_snapshot``), so a
later edit to a draft or to a government changes nothing here.
"""

import datetime
import re

from django.conf import settings
from django.db.models import Q
from django.utils import translation
from rest_framework import serializers
from rest_framework.fields import Field
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from wagtail.api import APIField
from wagtail.api.utils import get_full_url
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageAliasOfField, PageSerializer
from wagtail.api.v2.utils import get_object_detail_url
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Page

from statements.models import StatementPage

# Root-relative URLs in rendered HTML (links, images), made absolute for API readers.
_RELATIVE_URL = re.compile(r'(\s(?:href|src)=")(/(?!/))')


def released_view(page):
    """``page`` showing the names, contacts and topics it was released with."""
    if isinstance(page, StatementPage) and "_api_released_view" not in page.__dict__:
        page.use_release_snapshot()
        page.__dict__["_api_released_view"] = True
    return page


def _government(entry):
    return {
        "code": entry.code,
        "official_name": entry.official_name,
        "short_name": entry.short_name,
        "department": entry.department,
        "language": entry.language_code,
        "is_fallback": bool(entry.is_fallback),
    }


class StatementField(Field):
    """A read-only value computed from the whole (released) statement page."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return released_view(instance)

    def to_representation(self, page):
        raise NotImplementedError

    @property
    def request(self):
        return self.context["request"]


class StatementTypeField(StatementField):
    def to_representation(self, page):
        with translation.override(page.locale.language_code):
            label = page.get_statement_type_display()
        return {"value": page.statement_type, "label": label}


class ReleaseLineField(StatementField):
    def to_representation(self, page):
        return page.release_line


class SignatoriesField(StatementField):
    def to_representation(self, page):
        return [_government(entry) for entry in page.issuing_governments]


class LeadGovernmentField(StatementField):
    def to_representation(self, page):
        return _government(page.lead)


class ContactsField(StatementField):
    def to_representation(self, page):
        return [
            {
                "office": entry["contact"].office,
                "department": entry["contact"].department,
                "email": entry["contact"].email,
                "phone": entry["contact"].phone,
                "hours": entry["contact"].hours,
                "language": entry["contact"].language_code,
                "is_fallback": bool(entry["contact"].is_fallback),
                "government": _government(entry["government"]),
            }
            for entry in page.media_contacts
        ]


class TopicsField(StatementField):
    def to_representation(self, page):
        return [{"name": topic.name} for topic in page.listed_topics]


class BodyHTMLField(StatementField):
    """The body as the statement page shows it: each block through its template,
    rich text with its links expanded, in the page's language."""

    def to_representation(self, page):
        with translation.override(page.locale.language_code):
            html = "\n".join(block.render(context={"page": page}) for block in page.body)
        return _RELATIVE_URL.sub(
            lambda match: match.group(1) + get_full_url(self.request, match.group(2)), html
        )


class RelatedLinksField(StatementField):
    def to_representation(self, page):
        links = page.ordered_related_links
        # Stricter than the page's own check: a linked page must be one this API serves.
        linked = {link.link_page_id for link in links if link.link_page_id}
        served = set(
            self.context["base_queryset"].filter(pk__in=linked).values_list("pk", flat=True)
        )
        entries = []
        for link in links:
            if link.link_page_id is None:
                entries.append({"title": link.title, "href": link.url})
            elif link.link_page_id in served:
                href = get_full_url(self.request, link.link_page.get_url(self.request) or "")
                entries.append({"title": link.title, "href": href})
        return entries


class TranslationsField(StatementField):
    """The other released language versions of the statement."""

    def to_representation(self, page):
        order = {code: i for i, (code, _name) in enumerate(settings.WAGTAIL_CONTENT_LANGUAGES)}
        others = (
            self.context["base_queryset"]
            .filter(translation_key=page.translation_key)
            .exclude(pk=page.pk)
            .select_related("locale")
        )
        others = sorted(others, key=lambda p: order.get(p.locale.language_code, len(order)))
        return [
            {
                "id": other.pk,
                "locale": other.locale.language_code,
                "title": other.title,
                "html_url": other.get_full_url(self.request),
                "detail_url": get_object_detail_url(
                    self.context["router"], self.request, Page, other.pk
                ),
            }
            for other in others
        ]


STATEMENT_FIELDS = [
    APIField("statement_type", serializer=StatementTypeField()),
    APIField("summary"),
    APIField("dateline"),
    APIField(
        "release_at",
        serializer=serializers.DateTimeField(default_timezone=datetime.UTC, read_only=True),
    ),
    APIField("release_timezone"),
    APIField("release_line", serializer=ReleaseLineField()),
    APIField("display_date"),
    APIField("lead_government", serializer=LeadGovernmentField()),
    APIField("signatories", serializer=SignatoriesField()),
    APIField("body", serializer=BodyHTMLField()),
    APIField("related_links", serializer=RelatedLinksField()),
    APIField("contacts", serializer=ContactsField()),
    APIField("topics", serializer=TopicsField()),
    APIField("translations", serializer=TranslationsField()),
]

# Database fields and relations shown in another form: no query-string filter or
# ordering on them (``?signatories=1`` would filter on an internal row id).
_NOT_FILTERABLE = {"lead_government", "signatories", "body", "related_links", "contacts", "topics"}

STATEMENT_LISTING_FIELDS = ["statement_type", "summary", "dateline", "display_date", "release_at"]


class ReleasedAliasOfField(PageAliasOfField):
    """``alias_of`` only when the original is itself served by this API."""

    def get_attribute(self, instance):
        original = instance.alias_of
        if original is None or not self.context["base_queryset"].filter(pk=original.pk).exists():
            return None
        return original


class ReleasedPageSerializer(PageSerializer):
    alias_of = ReleasedAliasOfField(read_only=True)


class ReleasedPagesAPIViewSet(PagesAPIViewSet):
    """Released statements and the public pages around them; read-only, anonymous."""

    authentication_classes = []
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]
    base_serializer_class = ReleasedPageSerializer

    def get_base_queryset(self):
        released = StatementPage.objects.released().values("pk")
        return (
            super()
            .get_base_queryset()
            .public()
            .filter(Q(statementpage__isnull=True) | Q(pk__in=released))
        )

    @classmethod
    def get_body_fields(cls, model):
        fields = super().get_body_fields(model)
        if issubclass(model, StatementPage):
            fields += STATEMENT_FIELDS
        return fields

    @classmethod
    def get_available_fields(cls, model, db_fields_only=False):
        fields = super().get_available_fields(model, db_fields_only=db_fields_only)
        if db_fields_only and issubclass(model, StatementPage):
            fields = [name for name in fields if name not in _NOT_FILTERABLE]
        return fields

    @classmethod
    def get_listing_default_fields(cls, model):
        fields = super().get_listing_default_fields(model)
        if issubclass(model, StatementPage):
            fields += STATEMENT_LISTING_FIELDS
        return fields


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", ReleasedPagesAPIViewSet)
