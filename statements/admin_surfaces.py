"""Every admin place that can show a statement's title, words or files, in one registry.

The admin is a channel too: a user sees nothing of an unreleased statement they have no
role in (``statements.permissions.has_role_in``). As newsroom's channel registry does for
public URLs, this lists the admin's surfaces, so that one test can visit each as users
without a role and find neither the title nor a sentence of the body, and as users with
one and find it where their role shows it (tests/statements/test_admin_surfaces.py). A
second test walks every admin URL pattern and fails on one that is in neither
``SURFACES`` nor ``NO_STATEMENT_CONTENT``: a new admin screen joins one list or the other.

``route`` is the pattern as Django's resolver spells it under ``admin/``. ``urls`` are
paths with these placeholders, filled by the test for one unreleased statement:
``{statement}`` (its source page), ``{translation}`` (a language version),
``{newsroom}`` (their parent), ``{revision}``, ``{task_state}``, ``{workflow_state}``,
``{task}``, ``{workflow}``, ``{localize}`` (its wagtail-localize translation),
``{localize_source}``, ``{segment}`` (a string segment of it), ``{release}``,
``{document}`` and ``{image}`` (files only it uses), ``{approval}`` (a signature of it),
``{assignment}`` (an agency assignment to it), ``{government}``, ``{contact}``,
``{topic}``, ``{locale}``, ``{words}`` (words of its title, for searches). ``seen_by``
names the roles the statement shows to there ("drafter", "approver", "translator"): the
positive control.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Surface:
    route: str
    urls: tuple
    shows: str
    seen_by: tuple = field(default_factory=tuple)


def _s(route, *urls, shows, seen_by=()):
    return Surface(route, tuple(urls), shows, tuple(seen_by))


_PAGE = "admin/pages/<int:page_id>/"
_SNIPPET = "admin/snippets/statements/"

SURFACES = (
    # --- dashboard and the page tree --------------------------------------------------
    _s("admin/", "/admin/", shows="dashboard panels", seen_by=("approver", "translator")),
    _s("admin/pages/", "/admin/pages/", shows="explorer root"),
    _s(
        "admin/pages/<int:parent_page_id>/",
        "/admin/pages/{newsroom}/",
        "/admin/pages/{newsroom}/?q={words}",
        shows="explorer listing and its search",
        seen_by=("drafter",),
    ),
    _s(
        "admin/pages/<int:parent_page_id>/results/",
        "/admin/pages/{newsroom}/results/?q={words}",
        shows="explorer results",
        seen_by=("drafter",),
    ),
    _s("admin/pages/search/", "/admin/pages/search/?q={words}", shows="page search"),
    _s(
        "admin/pages/search/results/",
        "/admin/pages/search/results/?q={words}",
        shows="page search results",
        seen_by=("drafter",),
    ),
    _s(
        "admin/pages/usage/<slug:content_type_app_name>/<slug:content_type_model_name>/",
        "/admin/pages/usage/statements/statementpage/",
        shows="pages of one type",
    ),
    _s(
        "admin/pages/usage/<slug:content_type_app_name>/<slug:content_type_model_name>/results/",
        "/admin/pages/usage/statements/statementpage/results/",
        shows="pages of one type",
    ),
    _s(
        "admin/pages/create/<slug:app_label>/<slug:model_name>",
        "/admin/pages/create/statements/statementpage",
        shows="where to add a page: the parents offered",
    ),
    _s(
        "admin/bulk/<str:app_label>/<str:model_name>/<str:action>/",
        "/admin/bulk/wagtailcore/page/delete/?id={statement}&id={translation}",
        "/admin/bulk/wagtailcore/page/move/?id={statement}",
        shows="bulk action confirmation: the pages chosen",
    ),
    # --- one page: editor, preview, history, revisions, actions --------------------------
    *(
        _s(
            _PAGE + tail,
            f"/admin/pages/{{statement}}/{tail}",
            f"/admin/pages/{{translation}}/{tail}",
            shows=shows,
            seen_by=seen_by,
        )
        for tail, shows, seen_by in (
            ("edit/", "the editor", ("drafter", "approver", "translator")),
            ("edit/preview/", "the editor's preview", ()),
            ("history/", "the page's log", ("drafter",)),
            ("history/results/", "the page's log", ()),
            ("revisions/", "revisions", ()),
            ("usage/", "where the page is used", ()),
            ("view_draft/", "the draft, rendered", ()),
            ("workflow_history/", "the sign-off's history", ()),
            ("delete/", "delete confirmation", ()),
            ("copy/", "copy form", ()),
            *((action, action.rstrip("/"), ()) for action in ("lock/", "unlock/")),
            ("unpublish/", "unpublish confirmation", ()),
            ("privacy/", "privacy form", ()),
            ("convert_alias/", "alias conversion", ()),
        )
    ),
    *(
        _s(
            f"admin/pages/<int:page_id>/revisions/<int:revision_id>/{tail}",
            f"/admin/pages/{{statement}}/revisions/{{revision}}/{tail}",
            shows=shows,
        )
        for tail, shows in (
            ("view/", "a revision, rendered"),
            ("revert/", "the editor at a revision"),
            ("unschedule/", "unschedule confirmation"),
        )
    ),
    _s(
        r"admin/pages/^(?P<pk>\d+)/revisions/compare/(?P<revision_id_a>live|earliest|\d+)\.\.\."
        r"(?P<revision_id_b>live|latest|\d+)/$",
        "/admin/pages/{statement}/revisions/compare/earliest...latest/",
        shows="a comparison of revisions",
    ),
    _s(
        "admin/pages/<int:page_id>/workflow_history/detail/<int:workflow_state_id>/",
        "/admin/pages/{statement}/workflow_history/detail/{workflow_state}/",
        shows="one sign-off's history",
    ),
    _s(
        "admin/pages/<int:parent_page_id>/add_subpage/",
        "/admin/pages/{statement}/add_subpage/",
        shows="adding under the statement",
    ),
    _s(
        "admin/pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/"
        "<int:parent_page_id>/",
        "/admin/pages/add/statements/statementpage/{statement}/",
        shows="adding under the statement",
    ),
    _s(
        "admin/pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/"
        "<int:parent_page_id>/preview/",
        "/admin/pages/add/statements/statementpage/{statement}/preview/",
        shows="preview of a page added under the statement",
    ),
    _s(
        "admin/pages/<int:page_to_move_id>/move/",
        "/admin/pages/{statement}/move/",
        shows="move form",
    ),
    _s(
        "admin/pages/<int:page_to_move_id>/move/<int:destination_id>/confirm/",
        "/admin/pages/{statement}/move/{newsroom}/confirm/",
        shows="move confirmation",
    ),
    _s(
        "admin/pages/<int:page_to_move_id>/set_position/",
        "/admin/pages/{statement}/set_position/",
        shows="reordering",
    ),
    _s(
        "admin/pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
        "/admin/pages/workflow/action/{statement}/request-changes/{task_state}/",
        shows="a workflow action's form",
    ),
    _s(
        "admin/pages/workflow/collect_action_data/<int:page_id>/<slug:action_name>/"
        "<int:task_state_id>/",
        "/admin/pages/workflow/collect_action_data/{statement}/request-changes/{task_state}/",
        shows="a workflow action's form",
    ),
    _s(
        "admin/pages/workflow/confirm_cancellation/<int:page_id>/",
        "/admin/pages/workflow/confirm_cancellation/{statement}/",
        shows="cancelling the sign-off",
    ),
    _s(
        "admin/pages/workflow/preview/<int:page_id>/<int:task_id>/",
        "/admin/pages/workflow/preview/{statement}/{task}/",
        shows="the page as a task reviewer sees it",
    ),
    *(
        _s(
            f"admin/forms/submissions/<int:page_id>/{tail}",
            f"/admin/forms/submissions/{{statement}}/{tail}",
            shows="form submissions of a page",
        )
        for tail in ("", "results/", "delete/")
    ),
    # --- choosers and the admin API ----------------------------------------------------
    _s("admin/choose-page/", "/admin/choose-page/", shows="page chooser"),
    _s(
        "admin/choose-page/<int:parent_page_id>/",
        "/admin/choose-page/{newsroom}/",
        shows="page chooser, one level",
        seen_by=("approver", "drafter"),
    ),
    _s(
        "admin/choose-page/search/",
        "/admin/choose-page/search/?q={words}",
        shows="page chooser search",
        seen_by=("approver", "drafter"),
    ),
    _s(
        "admin/choose-page/chosen-multiple/",
        "/admin/choose-page/chosen-multiple/?id={statement}",
        shows="pages chosen",
    ),
    _s(
        "admin/api/main/^pages/",
        "/admin/api/main/pages/?child_of={newsroom}",
        "/admin/api/main/pages/?search={words}",
        shows="the admin API's page listing",
        seen_by=("drafter",),
    ),
    _s(
        "admin/api/main/^pages/<int:pk>/",
        "/admin/api/main/pages/{statement}/",
        shows="the admin API's page detail",
    ),
    _s(
        "admin/api/main/^pages/find/",
        "/admin/api/main/pages/find/?id={statement}",
        shows="the admin API's page lookup",
    ),
    _s(
        "admin/api/main/^pages/<int:pk>/action/<str:action_name>/",
        "/admin/api/main/pages/{statement}/action/copy/",
        shows="page actions (POST only)",
    ),
    # --- reports and workflow lists ----------------------------------------------------
    *(
        _s(
            f"admin/reports/audit-log/{tail}",
            f"/admin/reports/audit-log/{tail}",
            shows="the audit log (statements named by value; administrators only)",
        )
        for tail in ("", "results/")
    ),
    *(
        _s(f"admin/reports/{name}/{tail}", f"/admin/reports/{name}/{tail}", shows=f"{name} report")
        for name in (
            "aging-pages",
            "locked",
            "page-types-usage",
            "site-history",
            "workflow",
            "workflow_tasks",
        )
        for tail in ("", "results/")
    ),
    _s("admin/workflows/list/", "/admin/workflows/list/", shows="workflows and their pages"),
    _s("admin/workflows/list/results/", "/admin/workflows/list/results/", shows="workflows"),
    *(
        _s(
            f"admin/workflows/usage/<int:pk>/{tail}",
            f"/admin/workflows/usage/{{workflow}}/{tail}",
            shows="pages a workflow is on",
        )
        for tail in ("", "results/")
    ),
    _s(
        "admin/workflows/edit/<int:pk>/",
        "/admin/workflows/edit/{workflow}/",
        shows="a workflow and its pages",
    ),
    # --- wagtail-localize --------------------------------------------------------------
    *(
        _s(
            f"admin/localize/reports/translations/{tail}",
            f"/admin/localize/reports/translations/{tail}?source_title={{words}}",
            shows="translations report",
        )
        for tail in ("", "results/")
    ),
    *(
        _s(
            f"admin/localize/translate/<int:translation_id>/{tail}",
            f"/admin/localize/translate/{{localize}}/{url}",
            shows=shows,
        )
        for tail, url, shows in (
            ("preview/", "preview/", "translation preview"),
            ("preview/<str:mode>/", "preview/default/", "translation preview"),
            ("pofile/download/", "pofile/download/", "the translation as a PO file"),
            ("pofile/upload/", "pofile/upload/", "PO upload"),
            ("machine_translate/", "machine_translate/", "machine translation"),
            ("disable/", "disable/", "stop synchronising"),
            (
                "strings/<int:string_segment_id>/edit/",
                "strings/{segment}/edit/",
                "one segment",
            ),
            (
                "overrides/<int:overridable_segment_id>/edit/",
                "overrides/{segment}/edit/",
                "one override",
            ),
        )
    ),
    _s(
        "admin/localize/submit/page/<int:page_id>/",
        "/admin/localize/submit/page/{statement}/",
        shows="submit for translation",
    ),
    _s(
        "admin/localize/update/<int:translation_source_id>/",
        "/admin/localize/update/{localize_source}/",
        shows="update translations",
    ),
    _s(
        "admin/localize/page/<int:page_id>/convert_to_alias/",
        "/admin/localize/page/{translation}/convert_to_alias/",
        shows="convert to alias",
    ),
    # --- Communiqué's own screens ------------------------------------------------------
    _s(
        "admin/statements/releases/",
        "/admin/statements/releases/",
        shows="release queue",
        seen_by=("approver", "drafter"),
    ),
    _s(
        "admin/statements/releases/<int:release_id>/",
        "/admin/statements/releases/{release}/",
        shows="one release",
    ),
    *(
        _s(
            f"admin/statements/receipts/<int:approval_id>/{tail}",
            f"/admin/statements/receipts/{{approval}}/{tail}",
            shows="a signature's receipt",
            seen_by=("approver", "drafter"),
        )
        for tail in ("", "receipt.pdf")
    ),
    _s(
        "admin/statements/translation-status/",
        "/admin/statements/translation-status/",
        shows="translation status",
        seen_by=("translator", "drafter"),
    ),
    *(
        _s(
            f"admin/statements/<int:page_id>/{tail}",
            f"/admin/statements/{{statement}}/{url}",
            shows=shows,
            seen_by=seen_by,
        )
        for tail, url, shows, seen_by in (
            ("sign-off/", "sign-off/", "sign-off", ("approver", "drafter")),
            ("sign-off/request-changes/", "sign-off/request-changes/", "asking for changes", ()),
            ("sign-off/sign-off-<slug:code>/", "sign-off/sign-off-ca/", "signing", ()),
            ("sign-off/withdraw-<slug:code>/", "sign-off/withdraw-ca/", "withdrawing", ()),
            ("languages/", "languages/", "languages", ("drafter",)),
            ("languages/update/", "languages/update/", "updating translations", ()),
            ("languages/drop/", "languages/drop/", "dropping a language", ()),
            ("language-review/", "language-review/", "language review", ()),
            ("release/", "release/", "release", ("drafter", "approver")),
            ("release/schedule/", "release/schedule/", "scheduling", ()),
            ("release/schedule-language/", "release/schedule-language/", "scheduling", ()),
            ("release/hold/", "release/hold/", "holding", ()),
            ("release/move/", "release/move/", "moving", ()),
            ("release/cancel/", "release/cancel/", "cancelling", ()),
            ("release/confirm/", "release/confirm/", "confirming", ()),
            ("release/preview-links/create/", "release/preview-links/create/", "preview", ()),
            ("release/preview-links/revoke/", "release/preview-links/revoke/", "preview", ()),
            ("clearance-copy.pdf", "clearance-copy.pdf", "PDF copy", ("approver", "drafter")),
            ("evidence-pack.zip", "evidence-pack.zip", "the evidence pack (administrators)", ()),
            (
                "partner-kit/<slug:language_code>.<slug:file_format>",
                "partner-kit/en.html",
                "the partner kit",
                (),
            ),
            ("translation-file/<slug:file_format>/", "translation-file/xliff/", "export", ()),
            ("translation-file/import/", "translation-file/import/", "import", ()),
            (
                "translation-files/<slug:file_format>.zip",
                "translation-files/xliff.zip",
                "every language's export, zipped",
                ("drafter",),
            ),
        )
    ),
    # --- what refers to a statement: usage, agency assignments, files --------------------
    _s(
        "admin/documents/usage/<int:document_id>/",
        "/admin/documents/usage/{document}/",
        shows="pages using a document",
    ),
    _s(
        "admin/images/usage/<int:image_id>/",
        "/admin/images/usage/{image}/",
        shows="pages using an image",
    ),
    *(
        _s(
            f"{_SNIPPET}{model}/usage/<int:pk>/",
            f"/{_SNIPPET}{model}/usage/{{{key}}}/",
            shows=f"pages using a {model}",
        )
        for model, key in (
            ("government", "government"),
            ("mediacontact", "contact"),
            ("topic", "topic"),
            ("agencyassignment", "assignment"),
        )
    ),
    _s("admin/locales/usage/<int:pk>/", "/admin/locales/usage/{locale}/", shows="locale usage"),
    *(
        _s(
            f"{_SNIPPET}agencyassignment/{tail}",
            f"/{_SNIPPET}agencyassignment/{url}",
            shows="agency assignments name their statement",
        )
        for tail, url in (
            ("", ""),
            ("results/", "results/"),
            ("add/", "add/"),
            ("edit/<int:pk>/", "edit/{assignment}/"),
            ("copy/<int:pk>/", "copy/{assignment}/"),
            ("delete/<int:pk>/", "delete/{assignment}/"),
            ("history/<int:pk>/", "history/{assignment}/"),
            ("history-results/<int:pk>/", "history-results/{assignment}/"),
        )
    ),
    *(
        _s(
            f"admin/snippets/choose/statements/agencyassignment/{tail}",
            f"/admin/snippets/choose/statements/agencyassignment/{url}",
            shows="agency assignment chooser",
        )
        for tail, url in (
            ("", ""),
            ("results/", "results/"),
            ("chosen/<str:pk>/", "chosen/{assignment}/"),
            ("chosen-multiple/", "chosen-multiple/?id={assignment}"),
            ("create/", "create/"),
        )
    ),
)

# Admin URL patterns (regular expressions over the route) that show nothing of any
# statement, each with the reason. A pattern matching a route in SURFACES is an error.
NO_STATEMENT_CONTENT = (
    (r"admin/\^\.\*/\$", "the admin's catch-all 404"),
    (r"admin/(login|logout|account|password_reset)/.*", "signing in and one's own account"),
    (r"admin/(jsi18n|sprite|failwhale|test404|dismissibles)/", "static admin assets and flags"),
    (r"admin/localize/jsi18n/", "static admin assets"),
    (r"admin/block-preview/", "renders the block in the request, never a stored page"),
    (r"admin/tag-autocomplete/.*", "tag names, which statements do not carry"),
    (r"admin/choose-(anchor|email|external|phone)-link/", "link forms; no page is listed"),
    (r"admin/embeds/chooser/.*", "oEmbed lookups of external URLs"),
    (
        r"admin/editing-sessions/.*",
        "who else is editing (names and times); the page view itself is a surface",
    ),
    (
        r"admin/(documents|images)/(?!usage/).*",
        "file titles and thumbnails; files under embargo are served only to a role "
        "(newsroom.wagtail_hooks, newsroom.media) and their usage is a surface",
    ),
    (r"admin/api/main/\^(documents|images)/.*", "file records, as the file library"),
    (r"admin/collections/.*", "collection names and privacy"),
    (r"admin/redirects/.*", "redirects, which administrators make only to released URLs"),
    (r"admin/(users|groups|sites)/.*", "accounts, groups and sites: no page content"),
    (r"admin/settings/.*", "site settings (the public frame's identity): no page content"),
    (r"admin/locales/(?!usage/).*", "locale settings"),
    (r"admin/forms/(results/)?", "lists form pages only, and statements are not forms"),
    (
        r"admin/workflows/(add|disable|enable|remove|task_chooser|tasks)/.*",
        "workflow and task settings; the pages a workflow is on are a surface",
    ),
    (r"admin/snippets/", "the list of snippet types"),
    (
        r"admin/snippets/(choose/)?statements/(government|mediacontact|topic|subscriber)/"
        r"(?!usage/).*",
        "governments, contacts, topics, subscribers: reference data, no statement; "
        "their usage is a surface",
    ),
    (r"admin/snippets/statements/subscriber/usage/<int:pk>/", "nothing refers to a subscriber"),
    (r"admin/localize/(api|submit)/snippets?/.*", "snippet translation state and submission"),
    (r"admin/mfa/.*", "one's own second factor: enrolment, verification, recovery codes"),
    (r"admin/locked-sign-ins/.*", "locked sign-ins (account names, addresses), for superusers"),
    (r"admin/(people/.*|invitation/<str:token>/)", "a government's people and invitations"),
    (
        r"admin/snippets/(choose/)?statements/governmentadministrator/.*",
        "delegated administrators and the roles they may grant; no statement",
    ),
)
