"""The site's frame: the home page, the newsroom listing and its filters."""

from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .governments import Government
from .pages import StatementPage, StatementType
from .serving import serving_child
from .topics import Topic

NEWSROOM_PAGE_SIZE = 10


class HomePage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["statements.NewsroomPage"]
    template = "home_page.html"

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("intro"),
        SynchronizedField("slug", overridable=False),
    ]

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        # Wagtail reads the child as a ``Page``, then its specific row: the newsroom (the
        # home page's one child type) is read in the same query, whatever else is there.
        if path_components:
            child = (
                Page.objects.child_of(self)
                .filter(slug=path_components[0])
                .select_related("newsroompage")
                .first()
            )
            if child is not None:
                newsroom = getattr(child, "newsroompage", None)
                specific = newsroom if newsroom is not None else child.specific
                specific._cached_parent_obj = self  # as Wagtail's own route does
                return specific.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_statements"] = list(
            listing_entries(StatementPage.objects.for_listing(self.locale)[:5], self.locale)
        )
        context["newsroom"] = (
            NewsroomPage.objects.live().public().filter(locale=self.locale).first()
        )
        return context


class NewsroomPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    def permissions_for_user(self, user):
        # Wagtail asks the page on a person's behalf; the rule lives in permissions.
        from ..permissions import NewsroomPermissionTester

        return NewsroomPermissionTester(user, self)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["statements.HomePage"]
    subpage_types = ["statements.StatementPage"]

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("intro"),
        SynchronizedField("slug", overridable=False),
    ]

    class Meta:
        verbose_name = _("newsroom")

    def route(self, request, path_components):
        # A newsroom holds statements only: the child is read as one, as a request
        # serves it (``serving``), where Wagtail reads a ``Page`` and then its row.
        if path_components:
            child = serving_child(StatementPage, self, path_components[0])
            if child is not None:
                child._cached_parent_obj = self  # as Wagtail's own route does
                return child.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = NewsroomFilters.from_query(request.GET, self.locale)
        queryset = filters.apply(StatementPage.objects.for_listing(self.locale))
        paginator = Paginator(queryset, NEWSROOM_PAGE_SIZE)
        try:
            page_obj = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            page_obj = paginator.page(1)
        except EmptyPage:
            page_obj = paginator.page(paginator.num_pages)
        context.update(
            {
                "filters": filters,
                "page_obj": page_obj,
                "entries": listing_entries(page_obj.object_list, self.locale),
                "filter_query": filters.as_query(),
            }
        )
        return context


class NewsroomFilters:
    """The newsroom's filters, read from a query string and validated.

    Unknown values are ignored rather than raising, so a stale bookmark still shows
    a listing; the form then shows which filters are actually in force.
    """

    def __init__(self, locale, government=None, statement_type=None, topic=None, year=None):
        self.locale = locale
        self.government = government
        self.statement_type = statement_type
        self.topic = topic
        self.year = year

    @classmethod
    def from_query(cls, query, locale):
        code = (query.get("government") or "").strip().upper()
        government = None
        if code:
            government = (
                Government.objects.filter(code=code)
                .order_by(
                    models.Case(models.When(locale=locale, then=0), default=1),
                )
                .first()
            )
        statement_type = query.get("type")
        if statement_type not in StatementType.values:
            statement_type = None
        topic_slug = (query.get("topic") or "").strip()
        topic = None
        if topic_slug:
            topic = (
                Topic.objects.filter(slug=topic_slug)
                .order_by(models.Case(models.When(locale=locale, then=0), default=1))
                .first()
            )
        year = query.get("year")
        year = int(year) if year and year.isdigit() and 1900 < int(year) < 3000 else None
        return cls(locale, government, statement_type, topic, year)

    def apply(self, queryset):
        if self.government:
            queryset = queryset.filter(
                signatories__government__translation_key=self.government.translation_key
            )
        if self.statement_type:
            queryset = queryset.filter(statement_type=self.statement_type)
        if self.topic:
            queryset = queryset.filter(topics__topic__translation_key=self.topic.translation_key)
        if self.year:
            queryset = queryset.filter(display_date__year=self.year)
        return queryset.distinct()

    def as_query(self):
        params = {}
        if self.government:
            params["government"] = self.government.code
        if self.statement_type:
            params["type"] = self.statement_type
        if self.topic:
            params["topic"] = self.topic.slug
        if self.year:
            params["year"] = self.year
        return urlencode(params)

    def government_choices(self):
        return localized_snippets(Government, self.locale, order_by="short_name")

    def topic_choices(self):
        return localized_snippets(Topic, self.locale, order_by="name")

    def type_choices(self):
        return StatementType.choices

    def year_choices(self):
        dates = StatementPage.objects.for_listing(None).dates("display_date", "year", order="DESC")
        return [d.year for d in dates]


def localized_snippets(model, locale, order_by):
    """One row per identity, in ``locale`` where it exists, else in the default locale."""
    rows = model.objects.filter(
        Q(locale=locale) | Q(locale__language_code=settings.LANGUAGE_CODE)
    ).select_related("locale")
    by_key = {}
    for row in rows:
        if row.translation_key not in by_key or row.locale_id == locale.id:
            by_key[row.translation_key] = row
    return sorted(by_key.values(), key=lambda row: getattr(row, order_by).casefold())


def listing_entries(statements, locale, leads=True):
    """Pair each listed statement with the languages it exists in (one query) and, for
    a page that lists them, its lead government's name (one more)."""
    statements = list(statements)
    keys = {s.translation_key for s in statements if s.locale_id != getattr(locale, "id", None)}
    languages = {}
    # A language taken out of LANGUAGES keeps its rows but has no address any more.
    configured = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    if keys:
        rows = (
            StatementPage.objects.released()
            .filter(translation_key__in=keys, locale__language_code__in=configured)
            .values_list("translation_key", "locale__language_code")
            .order_by("locale__language_code")
        )
        for key, code in rows:
            languages.setdefault(key, []).append(code)
    leads = lead_names(statements, locale) if leads else {}
    return [
        {
            "page": statement,
            "is_fallback": locale is not None and statement.locale_id != locale.id,
            "languages": languages.get(statement.translation_key, []),
            "lead": leads.get(statement.lead_government_id),
        }
        for statement in statements
    ]


def lead_names(statements, locale):
    """Each listed statement's issuing (lead) government by its short name in the
    listing's language, else in the default language (``lang`` then names that
    language): one query for the whole list."""
    ids = {s.lead_government_id for s in statements if s.lead_government_id}
    if not ids or locale is None:
        return {}
    keys = Government.objects.filter(pk__in=ids).values("translation_key")
    rows = (
        Government.objects.filter(translation_key__in=keys)
        .filter(Q(locale=locale) | Q(locale__language_code=settings.LANGUAGE_CODE) | Q(pk__in=ids))
        .values_list("pk", "translation_key", "short_name", "locale_id", "locale__language_code")
    )
    by_key, key_of = {}, {}
    for pk, key, name, locale_id, code in rows:
        if pk in ids:
            key_of[pk] = key
        rank = 0 if locale_id == locale.id else (1 if code == settings.LANGUAGE_CODE else 2)
        if key not in by_key or rank < by_key[key][0]:
            by_key[key] = (rank, name, code)
    names = {}
    for pk, key in key_of.items():
        _rank, name, code = by_key[key]
        names[pk] = {"name": name, "lang": "" if code == locale.language_code else code}
    return names
