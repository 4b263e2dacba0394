"""Admin registration: snippet viewsets for the newsroom's reference data."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.rich_text.pages import PageLinkHandler
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import (  # noqa: F401 - each registers its screens, menu items (and log actions)
    audit_hooks,
    evidence_hooks,
    people_hooks,
    wagtail_localize_compat,
)
from .dashboard_panels import (
    AwaitingYourGovernmentPanel,
    AwaitingYourLanguagePanel,
    TranslationSummaryPanel,
)
from .models import (
    AgencyAssignment,
    Approval,
    Government,
    GovernmentAdministrator,
    MediaContact,
    Release,
    StatementPage,
    Topic,
)
from .permissions import (
    can_see_release_queue,
    can_see_translation_status,
    statements_hidden_from,
)
from .queries.translation import statement_of
from .views.exchange import (
    ExportAllTranslationsView,
    ExportTranslationView,
    ImportTranslationView,
)
from .views.release import (
    CancelReleaseView,
    ConfirmReleaseView,
    CreatePreviewLinkView,
    HoldReleaseView,
    MoveReleaseView,
    PartnerKitView,
    ReleaseDetailView,
    ReleaseQueueView,
    ReleaseView,
    RevokePreviewLinkView,
    ScheduleLanguageReleaseView,
    ScheduleReleaseView,
)
from .views.review import LanguageReviewView
from .views.signoff import (
    RequestChangesView,
    SignOffForGovernmentView,
    SignOffView,
    WithdrawSignOffView,
)
from .views.translation import (
    DropLanguageView,
    StatementLanguagesView,
    TranslationStatusView,
    UpdateTranslationsView,
)


class GovernmentViewSet(SnippetViewSet):
    model = Government
    icon = "globe"
    menu_label = _("Governments")
    list_display = ["short_name", "official_name", "code", "department", "time_zone"]
    list_filter = ["locale"]
    search_fields = ["official_name", "short_name", "department"]
    ordering = ["short_name"]


class MediaContactViewSet(SnippetViewSet):
    model = MediaContact
    icon = "mail"
    menu_label = _("Media contacts")
    list_display = ["office", "government", "email", "phone"]
    list_filter = ["locale"]
    search_fields = ["office", "department", "email"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name", "slug"]
    list_filter = ["locale"]


class AgencyAssignmentViewSet(SnippetViewSet):
    model = AgencyAssignment
    icon = "user"
    menu_label = _("Agency assignments")
    list_display = ["user", "statement", "until"]
    panels = [
        FieldPanel("user"),
        FieldPanel("statement", widget=forms.Select),
        FieldPanel("until"),
    ]


class GovernmentAdministratorViewSet(SnippetViewSet):
    """Administrators (superusers) appoint each government's delegated administrators."""

    model = GovernmentAdministrator
    icon = "group"
    menu_label = _("Government administrators")
    list_display = ["user", "government", "may_grant_approver", "may_grant_drafter"]


class NewsroomViewSetGroup(SnippetViewSetGroup):
    items = (
        GovernmentViewSet,
        MediaContactViewSet,
        TopicViewSet,
        AgencyAssignmentViewSet,
        GovernmentAdministratorViewSet,
    )
    menu_icon = "globe"
    menu_label = _("Newsroom")
    menu_name = "newsroom"


register_snippet(NewsroomViewSetGroup)


@hooks.register("register_admin_urls")
def register_signoff_urls():
    return [
        path(
            "statements/<int:page_id>/sign-off/",
            SignOffView.as_view(),
            name="statements_signoff",
        ),
        path(
            "statements/<int:page_id>/sign-off/sign-off-<slug:code>/",
            SignOffForGovernmentView.as_view(),
            name="statements_signoff_sign",
        ),
        path(
            "statements/<int:page_id>/sign-off/withdraw-<slug:code>/",
            WithdrawSignOffView.as_view(),
            name="statements_signoff_withdraw",
        ),
        path(
            "statements/<int:page_id>/sign-off/request-changes/",
            RequestChangesView.as_view(),
            name="statements_signoff_request_changes",
        ),
    ]


@hooks.register("register_log_actions")
def register_signoff_log_actions(actions):
    actions.register_action("statements.sign_off", _("Sign off"), _("Signed off"))
    actions.register_action("statements.void_sign_off", _("Void sign-off"), _("Sign-off voided"))
    actions.register_action(
        "statements.withdraw_sign_off", _("Withdraw sign-off"), _("Sign-off withdrawn")
    )
    actions.register_action(
        "statements.request_changes", _("Request changes"), _("Changes requested")
    )
    actions.register_action("statements.cleared", _("Clear for release"), _("Cleared for release"))


@hooks.register("construct_homepage_panels")
def add_awaiting_government_panel(request, panels):
    panels.append(AwaitingYourGovernmentPanel(request.user))


@hooks.register("construct_page_chooser_queryset")
@hooks.register("construct_explorer_page_queryset")
def hide_statements_without_a_role(*args):
    """The chooser (browsing and search) and the explorer list no statement under
    embargo to a user with no role in it; Wagtail passes (pages, request) to one and
    (parent, pages, request) to the other."""
    pages, request = args[-2], args[-1]
    return pages.exclude(pk__in=statements_hidden_from(request.user).values("pk"))


@hooks.register("before_delete_page")
def keep_signed_statements(request, page):
    """Sign-offs are part of the record: a statement someone signed is never deleted."""
    if Approval.objects.filter(page_id=page.pk).exists():
        messages.error(
            request,
            _("This statement has sign-offs on record and cannot be deleted."),
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("register_admin_urls")
def register_translation_urls():
    return [
        path(
            "statements/translation-status/",
            TranslationStatusView.as_view(),
            name="statements_translation_status",
        ),
        path(
            "statements/<int:page_id>/languages/",
            StatementLanguagesView.as_view(),
            name="statements_languages",
        ),
        path(
            "statements/<int:page_id>/languages/update/",
            UpdateTranslationsView.as_view(),
            name="statements_languages_update",
        ),
        path(
            "statements/<int:page_id>/languages/drop/",
            DropLanguageView.as_view(),
            name="statements_languages_drop",
        ),
        path(
            "statements/<int:page_id>/language-review/",
            LanguageReviewView.as_view(),
            name="statements_language_review",
        ),
        path(
            "statements/<int:page_id>/translation-file/import/",
            ImportTranslationView.as_view(),
            name="statements_import_translation",
        ),
        path(
            "statements/<int:page_id>/translation-file/<slug:file_format>/",
            ExportTranslationView.as_view(),
            name="statements_export_translation",
        ),
        path(
            "statements/<int:page_id>/translation-files/<slug:file_format>.zip",
            ExportAllTranslationsView.as_view(),
            name="statements_export_all_translations",
        ),
    ]


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_translation_status(request.user)


@hooks.register("register_admin_menu_item")
def register_translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Translation status"),
        reverse("statements_translation_status"),
        icon_name="globe",
        order=250,
    )


@hooks.register("register_log_actions")
def register_translation_log_actions(actions):
    actions.register_action(
        "statements.update_translations", _("Update translations"), _("Translations updated")
    )
    actions.register_action(
        "statements.sync_translations",
        _("Sync translations"),
        _("Translations synced from the source"),
    )
    actions.register_action("statements.drop_language", _("Drop language"), _("Language dropped"))
    actions.register_action(
        "statements.start_translation", _("Start translation"), _("Translation started")
    )
    actions.register_action(
        "statements.import_translation", _("Import translation file"), _("Translation imported")
    )
    actions.register_action(
        "statements.approve_translation", _("Approve translation"), _("Translation approved")
    )
    actions.register_action(
        "statements.void_translation_approval",
        _("Void translation approval"),
        _("Translation approval voided"),
    )


@hooks.register("construct_homepage_panels")
def add_awaiting_language_panel(request, panels):
    panels.append(AwaitingYourLanguagePanel(request.user))


@hooks.register("construct_homepage_panels")
def add_translation_summary_panel(request, panels):
    panels.append(TranslationSummaryPanel(request.user))


@hooks.register("register_log_actions")
def register_release_log_actions(actions):
    actions.register_action(
        "statements.release_schedule", _("Schedule release"), _("Release scheduled")
    )
    actions.register_action("statements.release_hold", _("Hold release"), _("Release held"))
    actions.register_action("statements.release_move", _("Move release"), _("Release moved"))
    actions.register_action(
        "statements.release_cancel", _("Cancel release"), _("Release cancelled")
    )
    actions.register_action(
        "statements.release_confirm", _("Confirm release time"), _("Release time confirmed")
    )
    actions.register_action(
        "statements.release_failed", _("Release check"), _("Release check failed: held")
    )
    actions.register_action("statements.release", _("Release"), _("Released in every language"))
    actions.register_action(
        "statements.preview_link_create",
        _("Create embargoed preview link"),
        _("Embargoed preview link created"),
    )
    actions.register_action(
        "statements.preview_link_revoke",
        _("Revoke embargoed preview link"),
        _("Embargoed preview link revoked"),
    )


@hooks.register("register_admin_urls")
def register_release_urls():
    return [
        path("statements/releases/", ReleaseQueueView.as_view(), name="statements_release_queue"),
        path(
            "statements/releases/<int:release_id>/",
            ReleaseDetailView.as_view(),
            name="statements_release_detail",
        ),
        path("statements/<int:page_id>/release/", ReleaseView.as_view(), name="statements_release"),
        path(
            "statements/<int:page_id>/release/schedule/",
            ScheduleReleaseView.as_view(),
            name="statements_release_schedule",
        ),
        path(
            "statements/<int:page_id>/release/schedule-language/",
            ScheduleLanguageReleaseView.as_view(),
            name="statements_release_schedule_language",
        ),
        path(
            "statements/<int:page_id>/release/hold/",
            HoldReleaseView.as_view(),
            name="statements_release_hold",
        ),
        path(
            "statements/<int:page_id>/release/move/",
            MoveReleaseView.as_view(),
            name="statements_release_move",
        ),
        path(
            "statements/<int:page_id>/release/cancel/",
            CancelReleaseView.as_view(),
            name="statements_release_cancel",
        ),
        path(
            "statements/<int:page_id>/release/confirm/",
            ConfirmReleaseView.as_view(),
            name="statements_release_confirm",
        ),
        path(
            "statements/<int:page_id>/release/preview-links/create/",
            CreatePreviewLinkView.as_view(),
            name="statements_release_preview_create",
        ),
        path(
            "statements/<int:page_id>/release/preview-links/revoke/",
            RevokePreviewLinkView.as_view(),
            name="statements_release_preview_revoke",
        ),
        path(
            "statements/<int:page_id>/partner-kit/<slug:language_code>.<slug:file_format>",
            PartnerKitView.as_view(),
            name="statements_partner_kit",
        ),
    ]


class ReleaseQueueMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_release_queue(request.user)


@hooks.register("register_admin_menu_item")
def register_release_queue_menu_item():
    return ReleaseQueueMenuItem(
        _("Release queue"), reverse("statements_release_queue"), icon_name="time", order=260
    )


@hooks.register("before_edit_page", order=-1)
def edit_translations_without_refused_buttons(request, page):
    """Before wagtail-localize's own hook serves its editor: the same editor, less the
    buttons this user would be refused."""
    return wagtail_localize_compat.editor_without_refused_buttons(request, page)


@hooks.register("before_edit_page")
def warn_before_editing_a_scheduled_statement(request, page):
    """Saving a change to a scheduled statement voids signatures and holds the release."""
    if request.method != "GET" or not isinstance(page.specific, StatementPage):
        return None
    statement = statement_of(page.specific)
    if statement is None:
        return None
    if Release.objects.filter(statement_id=statement.pk, state=Release.State.SCHEDULED).exists():
        messages.warning(
            request,
            _(
                "This statement is scheduled for release. Saving a change voids the "
                "signatures or approvals on the changed text and holds the release."
            ),
        )
    return None


@hooks.register("register_rich_text_features")
def link_only_to_released_pages(features):
    """A rich-text link to a page the public cannot see yet (an unreleased statement)
    keeps its words and loses its address, so it names nothing under embargo."""

    class ReleasedPageLinkHandler(PageLinkHandler):
        @classmethod
        def expand_db_attributes_many(cls, attrs_list):
            anchors = []
            for page in cls.get_many(attrs_list):
                target = page.localized if page is not None else None
                if target is None or not target.live or target.expired:
                    anchors.append("<a>")
                else:
                    anchors.append(f'<a href="{escape(target.url)}">')
            return anchors

    features.register_link_type(ReleasedPageLinkHandler)
