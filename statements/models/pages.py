"""The statement page and its parts: signatories, contacts, topics, related links."""

import zoneinfo

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Min, Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager, Workflow
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField
from wagtail_localize.models import Translation

from ..blocks import StatementBodyBlock
from ..released_render import stored_parts
from ..revisions_memo import references_exist, remembering, revision_object
from ..timefmt import release_line
from ..validators import check_signatories, validate_time_zone
from .contacts import MediaContact
from .governments import Government, GovernmentSocialLink
from .localized import Frozen, Localized, live_versions, localize_by_key, released_links
from .release import ReleasedPage
from .slugs import OwnTitleSlugMixin
from .topics import Topic

# The content type of ``GovernmentSignOffTask``, named rather than imported: the task's
# module imports this one.
SIGN_OFF_TASK_MODEL = "governmentsignofftask"


class StatementType(models.TextChoices):
    STATEMENT = "statement", _("Statement")
    JOINT_STATEMENT = "joint_statement", _("Joint statement")
    NEWS_RELEASE = "news_release", _("News release")
    MEDIA_ADVISORY = "media_advisory", _("Media advisory")
    READOUT = "readout", _("Readout")
    BACKGROUNDER = "backgrounder", _("Backgrounder")


def with_governments(signatories):
    """The signatory rows, each with its government read: one query for them all.

    Rows rebuilt from a revision carry the government's id only, and a statement of 27
    signatories read each government with a query of its own, several times over while
    its release was prepared. The government is set on the row, so every later reader
    of the same (remembered) revision has it too."""
    rows = list(signatories)
    government = rows[0].__class__.government if rows else None
    wanted = {s.government_id for s in rows if s.government_id and not government.is_cached(s)}
    if wanted:
        found = Government.objects.in_bulk(wanted)
        for row in rows:
            if row.government_id in found and not government.is_cached(row):
                row.government = found[row.government_id]
    return rows


class StatementPageQuerySet(PageQuerySet):
    def released(self):
        """Statements the public may see. The release issue narrows this further."""
        return self.live().public()

    def for_listing(self, locale):
        """Released statements for a locale's listing, newest first.

        A statement without a version in ``locale`` still appears, once, in the
        language it was first written in, so no released statement is hidden from
        a reader just because it is not translated into their language.
        """
        released = self.released()
        if locale is None:
            return released.order_by("-display_date", "-first_published_at")
        in_locale = released.filter(locale=locale)
        fallback_ids = (
            released.exclude(translation_key__in=in_locale.values("translation_key"))
            .values("translation_key")
            .annotate(first_id=Min("id"))
            .values("first_id")
        )
        return (
            released.filter(Q(locale=locale) | Q(id__in=fallback_ids))
            .select_related("locale")
            .order_by("-display_date", "-first_published_at")
        )


StatementPageManager = PageManager.from_queryset(StatementPageQuerySet)


def in_default_locale():
    """Choices for a statement's governments, contacts and topics: one row per identity.

    Every locale holds a copy of each snippet; listing them all would offer Canada
    seven times. The default-language row stands for the identity, and pages show
    each name in their own language by translation key.
    """
    return Q(locale__language_code=settings.LANGUAGE_CODE)


class StatementPage(OwnTitleSlugMixin, Page):
    statement_type = models.CharField(
        _("type"), max_length=32, choices=StatementType.choices, default=StatementType.STATEMENT
    )
    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_("One or two sentences for listings, feeds and search results."),
    )
    dateline = models.CharField(
        _("dateline"), max_length=120, help_text=_("Place of issue, e.g. “Ottawa, Ontario”.")
    )
    lead_government = models.ForeignKey(
        Government,
        verbose_name=_("lead government"),
        on_delete=models.PROTECT,
        related_name="led_statements",
        limit_choices_to=in_default_locale,
    )
    body = StreamField(StatementBodyBlock(), verbose_name=_("body"))
    release_at = models.DateTimeField(
        _("planned release"),
        null=True,
        blank=True,
        help_text=_("Date and time in the release time zone below."),
    )
    release_timezone = models.CharField(
        _("release time zone"),
        max_length=64,
        blank=True,
        validators=[validate_time_zone],
        help_text=_("IANA time zone the release time is given in; defaults to the lead's."),
    )
    display_date = models.DateField(
        _("date"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The release date in the release time zone, kept for listings."),
    )

    objects = StatementPageManager()

    @classmethod
    def from_serializable_data(cls, data, check_fks=True, strict_fks=False):
        # A revision's page, rebuilt: its references checked in one query per model
        # rather than one per child row (statements.revisions_memo.references_exist).
        if check_fks and references_exist(cls, data):
            check_fks = False
        return super().from_serializable_data(data, check_fks=check_fks, strict_fks=strict_fks)

    # The parts of the page rendered once after its release, once the snapshot
    # is read (``use_release_snapshot``; statements.released_render); empty: render live.
    released_render = {}
    # The editor (its form, tabs and sign-off panel) is admin code: statements.panels
    # sets ``base_form_class`` and ``edit_handler``, as Wagtail's admin does for Page.

    parent_page_types = ["statements.NewsroomPage"]
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("statement_type"), FieldPanel("dateline")]),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("lead_government", widget=forms.Select),
                InlinePanel("signatories", label=_("Signatory"), min_num=1),
            ],
            heading=_("Governments"),
        ),
        FieldPanel("body"),
        InlinePanel("related_links", label=_("Related link")),
        InlinePanel("contacts", label=_("Media contact")),
        InlinePanel("topics", label=_("Topic")),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("release_at"), FieldPanel("release_timezone")])],
            heading=_("Release"),
        ),
    ]
    promote_panels = [
        MultiFieldPanel(
            [FieldPanel("slug"), FieldPanel("seo_title"), FieldPanel("search_description")],
            heading=_("For search engines"),
        )
    ]
    # Release owns publishing: Wagtail's go-live and expiry fields are not offered.
    settings_panels = []
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("summary"),
        TranslatableField("dateline"),
        TranslatableField("body"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("related_links"),
        SynchronizedField("statement_type", overridable=False),
        SynchronizedField("lead_government", overridable=False),
        SynchronizedField("signatories", overridable=False),
        SynchronizedField("contacts", overridable=False),
        SynchronizedField("topics", overridable=False),
        SynchronizedField("release_at", overridable=False),
        SynchronizedField("release_timezone", overridable=False),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("dateline"),
        index.SearchField("body"),
        index.FilterField("statement_type"),
        index.FilterField("display_date"),
    ]

    class Meta:
        verbose_name = _("statement")
        verbose_name_plural = _("statements")

    def __init__(self, *args, **kwargs):
        # Wagtail's Page defaults to live=True for pages built in code; a statement is
        # a draft until it is released, whoever creates it.
        if not args and "live" not in kwargs:
            kwargs["live"] = False
        super().__init__(*args, **kwargs)

    def get_template(self, request, *args, **kwargs):
        return "statements/statement_page.html"

    # --- workflow --------------------------------------------------------------
    @cached_property
    def is_translation(self):
        """True for a language version made from another one by wagtail-localize."""
        return Translation.objects.filter(
            source__object_id=self.translation_key, target_locale_id=self.locale_id
        ).exists()

    def permissions_for_user(self, user):
        # Wagtail asks the page on a person's behalf; the rule lives in permissions.
        from ..permissions import StatementPermissionTester

        return StatementPermissionTester(user, self)

    def get_latest_revision_as_object(self):
        """Wagtail's, built once per revision while a release is prepared."""
        if self.has_unpublished_changes and remembering():
            revision = self.get_latest_revision()
            if revision is not None:
                return revision_object(revision)
        return super().get_latest_revision_as_object()

    def signatory_governments(self):
        """The signatories of the latest saved words, in display order."""
        latest = self.get_latest_revision_as_object()
        # Display order; rows made in code may lack one, then creation order decides.
        signatories = sorted(
            with_governments(latest.signatories.all()),
            key=lambda s: (s.sort_order is None, s.sort_order or 0, s.pk or 0),
        )
        return [s.government for s in signatories if s.government_id]

    def signatory_languages(self, draft=None):
        """Every language the signatories publish in, in the configured order."""
        draft = draft or self.get_latest_revision_as_object()
        wanted = set()
        for signatory in with_governments(draft.signatories.all()):
            wanted.update(signatory.government.languages or [])
        return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code in wanted]

    def required_languages(self, draft=None):
        """Languages this statement must exist in besides its source, less dropped ones."""
        dropped = set(self.language_drops.values_list("language_code", flat=True))
        source = self.locale.language_code
        return [c for c in self.signatory_languages(draft) if c != source and c not in dropped]

    def get_workflow(self):
        """Source statements go through government sign-off; translations do not
        inherit it (their review is per language)."""
        if self.is_translation:
            return None
        return (
            Workflow.objects.filter(
                active=True,
                workflow_tasks__task__content_type__model=SIGN_OFF_TASK_MODEL,
                workflow_tasks__task__content_type__app_label="statements",
            )
            .order_by("pk")
            .first()
        )

    # --- validation ---------------------------------------------------------
    def clean(self):
        super().clean()
        if self.lead_government_id and not self.release_timezone:
            self.release_timezone = self.lead_government.time_zone

    def validate_signatories(self):
        """Check the signatories held on this instance (saved or in memory).

        Not part of clean(): during an admin save the form validates the submitted
        signatories itself, before they reach the instance.
        """
        signatories = [s for s in self.signatories.all() if s.government_id]
        keys = [s.government.translation_key for s in signatories]
        names = {s.government.translation_key: str(s.government) for s in signatories}
        lead_key = self.lead_government.translation_key if self.lead_government_id else None
        errors = check_signatories(lead_key, keys, names)
        if errors:
            raise ValidationError({"lead_government": errors})

    def save(self, *args, **kwargs):
        if self.lead_government_id and not self.release_timezone:
            self.release_timezone = self.lead_government.time_zone
        self.display_date = self.compute_display_date()
        return super().save(*args, **kwargs)

    def compute_display_date(self):
        if self.release_at:
            zone = zoneinfo.ZoneInfo(self.release_timezone or settings.TIME_ZONE)
            return self.release_at.astimezone(zone).date()
        if self.first_published_at:
            return timezone.localtime(self.first_published_at).date()
        return None

    # --- rendering ------------------------------------------------------------
    def serve(self, request, *args, **kwargs):
        if not getattr(request, "is_preview", False):
            self.use_release_snapshot()
        return super().serve(request, *args, **kwargs)

    def use_release_snapshot(self):
        """Show the names, contacts and topics as they were released, not as they are now.

        A later edit to a government or contact does not change a released statement.
        """
        if not self.live_revision_id:
            return False
        if "served_snapshot" in self.__dict__:  # read with the page (``serving``)
            snapshot = self.__dict__.pop("served_snapshot")
        else:
            snapshot = (
                ReleasedPage.objects.filter(page_id=self.pk, revision_id=self.live_revision_id)
                .values_list("snapshot", flat=True)
                .first()
            )
        if not snapshot:
            return False
        self.__dict__.update(
            {
                "issuing_governments": [Frozen(e) for e in snapshot["issuing_governments"]],
                "lead": Frozen(snapshot["lead"]),
                "lead_social_links": [Frozen(e) for e in snapshot["lead_social_links"]],
                "media_contacts": [
                    {"contact": Frozen(e["contact"]), "government": Frozen(e["government"])}
                    for e in snapshot["media_contacts"]
                ],
                "listed_topics": [Frozen(e) for e in snapshot["listed_topics"]],
                "release_zones": snapshot.get("zones") or self.release_zones,
                "released_render": stored_parts(snapshot),
            }
        )
        if isinstance(snapshot.get("related_links"), list):
            self.__dict__["ordered_related_links"] = released_links(snapshot["related_links"])
        return True

    @cached_property
    def release_zones(self):
        """The release time zone, UTC, then each signatory's."""
        zones = [self.release_timezone or settings.TIME_ZONE, "UTC"]
        return zones + [s.government.time_zone for s in self.ordered_signatories]

    @property
    def release_line(self):
        """“20:00 EST / 01:00 UTC (8 Dec)”: in the page's language, dated off the dateline."""
        if not self.release_at:
            return ""
        language = self.locale.language_code
        return release_line(self.release_at, self.release_zones, language, self.display_date)

    @cached_property
    def ordered_signatories(self):
        return list(self.signatories.select_related("government").order_by("sort_order", "pk"))

    @cached_property
    def ordered_contacts(self):
        return list(
            self.contacts.select_related("contact", "contact__government").order_by(
                "sort_order", "pk"
            )
        )

    @cached_property
    def _localized_governments(self):
        """Governments named on the page, in the page's language, in one query."""
        keys = {s.government.translation_key for s in self.ordered_signatories}
        keys.add(self.lead_government.translation_key)
        keys.update(c.contact.government.translation_key for c in self.ordered_contacts)
        return localize_by_key(Government, keys, self.locale)

    @cached_property
    def issuing_governments(self):
        """The signatories in display order, each with its name in the page's language.

        A government whose name is not yet translated is shown in the default
        language and flagged, so the gap is visible rather than silent.
        """
        found = self._localized_governments
        entries = []
        for signatory in self.ordered_signatories:
            government = found.get(signatory.government.translation_key, signatory.government)
            entries.append(Localized(government, self.locale))
        return entries

    @cached_property
    def lead(self):
        government = self._localized_governments.get(
            self.lead_government.translation_key, self.lead_government
        )
        return Localized(government, self.locale)

    @cached_property
    def lead_social_links(self):
        return list(GovernmentSocialLink.objects.filter(government=self.lead.obj))

    @cached_property
    def media_contacts(self):
        contacts = [c.contact for c in self.ordered_contacts]
        found = localize_by_key(MediaContact, {c.translation_key for c in contacts}, self.locale)
        governments = self._localized_governments
        entries = []
        for contact in contacts:
            localized = found.get(contact.translation_key, contact)
            government = governments.get(contact.government.translation_key, contact.government)
            entries.append(
                {
                    "contact": Localized(localized, self.locale),
                    "government": Localized(government, self.locale),
                }
            )
        return entries

    @cached_property
    def ordered_related_links(self):
        """Related links; a link to a page the public cannot see yet (an unreleased
        statement) is left out, so it names nothing under embargo."""
        links = self.related_links.select_related("link_page").order_by("sort_order", "pk")
        return [
            link
            for link in links
            if link.link_page_id is None or (link.link_page.live and not link.link_page.expired)
        ]

    @cached_property
    def listed_topics(self):
        topics = [t.topic for t in self.topics.select_related("topic").order_by("sort_order", "pk")]
        found = localize_by_key(Topic, {t.translation_key for t in topics}, self.locale)
        return [found.get(t.translation_key, t) for t in topics]

    @cached_property
    def live_translations(self):
        """Every released language version, this one included, in configured order.

        Plain ``Page`` rows with what a link to each needs, read with one raw query
        (``localized.live_versions``): the language list is on every statement page, and
        building the same query through the ORM, with ``public()``'s view-restriction
        test inside it, took longer than the rest of the page's queries together.
        """
        return live_versions(self.translation_key)
