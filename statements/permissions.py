"""Every role rule, once: who may do what with a statement.

The roles come from groups: a government's approver group ("Sign-off: Canada"), the
translator groups ("Translators: fr"), Wagtail's page permissions for drafters (used
only on the statements their own government leads, ``drafts_lead_of``), and agency
assignments that narrow a translator to some statements until a date. Views, actions,
the workflow task and the page's permission tester all ask here.
"""

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from wagtail.models import PagePermissionTester
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import Translation

from .models import (
    AgencyAssignment,
    Government,
    GovernmentAdministrator,
    GovernmentMember,
    LanguageDrop,
    Role,
    StatementPage,
    StatementSignatory,
)

TRANSLATOR_GROUP_PREFIX = "Translators: "
DRAFTERS_GROUP = "Drafters"
GOVERNMENT_ADMINISTRATORS_GROUP = "Government administrators"


# --- approvers of a government ----------------------------------------------------------


def approver_group_ids(user):
    """The groups ``user`` is in; a government's approvers are its approver group."""
    if not user.is_authenticated:
        return frozenset()
    return frozenset(user.groups.values_list("pk", flat=True))


def is_approver_of(user, government):
    """True when ``user`` may act for ``government``: sign, approve, confirm."""
    return user.is_active and government.approver_group_id in approver_group_ids(user)


def governments_approved_by(user, governments):
    """Those of ``governments`` that ``user`` acts for, in the order given."""
    if not user.is_authenticated or not user.is_active:
        return []
    groups = approver_group_ids(user)
    return [g for g in governments if g.approver_group_id in groups]


def is_approver_of_any_government(user):
    if not user.is_authenticated:
        return False
    return Government.objects.filter(approver_group__in=approver_group_ids(user)).exists()


def approvers_of(government):
    """The active accounts that act for ``government``: the people to tell."""
    return set(
        get_user_model()
        .objects.filter(groups=government.approver_group_id, is_active=True)
        .values_list("pk", flat=True)
    )


def approvers_of_any(governments):
    """The active accounts that act for any of ``governments``."""
    return (
        get_user_model()
        .objects.filter(groups__in=[g.approver_group_id for g in governments], is_active=True)
        .distinct()
    )


def administrators():
    return set(
        get_user_model()
        .objects.filter(is_superuser=True, is_active=True)
        .values_list("pk", flat=True)
    )


# --- drafters: editors of a statement ----------------------------------------------------


def may_edit_statement(user, page):
    """Edit rights of one's own (not those lent by a workflow task to its reviewers)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    tester = page.permissions_for_user(user)
    return "change" in tester.permissions or (
        "add" in tester.permissions and page.owner_id == user.pk
    )


def is_editor_of_any_statement(user):
    return PagePermissionPolicy().user_has_any_permission(user, ["add", "change"])


# --- translators -------------------------------------------------------------------------


def translator_languages(user):
    """The languages of the "Translators: xx" groups ``user`` is in."""
    if not user.is_authenticated:
        return []
    names = user.groups.filter(name__startswith=TRANSLATOR_GROUP_PREFIX).values_list(
        "name", flat=True
    )
    return sorted(name.removeprefix(TRANSLATOR_GROUP_PREFIX).strip() for name in names)


def translators_of(language_code):
    """The active accounts that translate into ``language_code``."""
    return (
        get_user_model()
        .objects.filter(groups__name=f"{TRANSLATOR_GROUP_PREFIX}{language_code}", is_active=True)
        .distinct()
    )


def agency_allows(user, translation_key):
    """True unless ``user`` is an agency account without a current assignment for it."""
    assignments = AgencyAssignment.objects.filter(user=user)
    if not assignments.exists():
        return True
    return assignments.filter(
        statement__translation_key=translation_key, until__gte=timezone.localdate()
    ).exists()


def limit_to_agency(user, statements):
    """An agency account sees only the statements currently assigned to it."""
    assignments = AgencyAssignment.objects.filter(user=user)
    if not assignments.exists():
        return statements
    keys = assignments.filter(until__gte=timezone.localdate()).values("statement__translation_key")
    return statements.filter(translation_key__in=keys)


# --- the people of a government ---------------------------------------------------------


def _active(user):
    return user.is_authenticated and user.is_active


def is_administrator(user):
    """An administrator (superuser): manages every government's people."""
    return _active(user) and user.is_superuser


def delegations_of(user):
    """The ``GovernmentAdministrator`` rows of ``user``: the governments it manages."""
    if not _active(user):
        return GovernmentAdministrator.objects.none()
    return GovernmentAdministrator.objects.filter(user=user)


def is_government_administrator_of(user, government):
    """A delegated administrator of ``government`` (any of its locale rows)."""
    return delegations_of(user).filter(government_key=government.translation_key).exists()


def may_manage_people_of(user, government):
    """Who sees and manages the people of ``government``: administrators, and that
    government's own delegated administrators; nobody else, not another government's."""
    return is_administrator(user) or is_government_administrator_of(user, government)


def may_manage_any_people(user):
    return is_administrator(user) or delegations_of(user).exists()


def grantable_roles(user, government):
    """The roles ``user`` may grant (and take away) for ``government``: every role for
    an administrator, those it was delegated for a delegated administrator, else none."""
    if is_administrator(user):
        return set(Role)
    roles = set()
    for delegation in delegations_of(user).filter(government_key=government.translation_key):
        roles |= delegation.grantable_roles()
    return roles


def may_grant(user, government, role):
    return role in grantable_roles(user, government)


def is_drafter_of(user, government):
    """A drafter of ``government``'s press office (ADR 0011): a recorded role. Its
    editing rights are the "Drafters" group's page permissions, used only on the
    statements that government leads (ADR 0014)."""
    return government.translation_key in drafter_government_keys(user)


def drafter_government_keys(user):
    """The governments ``user`` drafts for (keys), kept on the user as Wagtail keeps
    its page permissions."""
    if not _active(user):
        return frozenset()
    if not hasattr(user, "_drafter_government_keys"):
        user._drafter_government_keys = frozenset(
            GovernmentMember.objects.filter(user=user, role=Role.DRAFTER).values_list(
                "government_key", flat=True
            )
        )
    return user._drafter_government_keys


def drafter_government_ids(user):
    """Every locale row of the governments ``user`` drafts for: a lead is any of them."""
    keys = drafter_government_keys(user)
    if not keys:
        return frozenset()
    if not hasattr(user, "_drafter_government_ids"):
        user._drafter_government_ids = frozenset(
            Government.objects.filter(translation_key__in=keys).values_list("pk", flat=True)
        )
    return user._drafter_government_ids


def drafts_lead_of(user, statement):
    """True when ``statement``'s lead government (as this copy of it says) is one that
    ``user`` drafts for: where a drafter's page permissions apply."""
    return statement.lead_government_id in drafter_government_ids(user)


def is_translator_for(user, government, language_code):
    """A translator into ``language_code`` who is a person of ``government``."""
    return (
        _active(user)
        and language_code in translator_languages(user)
        and GovernmentMember.objects.filter(
            user=user,
            government_key=government.translation_key,
            role=Role.TRANSLATOR,
            language_code=language_code,
        ).exists()
    )


def role_group_name(government, role, language_code=""):
    """The group that carries a role's rights (the groups are the rights; a
    ``GovernmentMember`` row says whose person the member is)."""
    if role == Role.APPROVER:
        return government.approver_group_name()
    if role == Role.DRAFTER:
        return DRAFTERS_GROUP
    return f"{TRANSLATOR_GROUP_PREFIX}{language_code}"


def people_of(government):
    """The active and suspended people of ``government`` by role: approvers are its
    approver group's members; drafters and translators its recorded roles."""
    User = get_user_model()
    approvers = User.objects.filter(groups=government.approver_group_id).order_by("email")
    rows = (
        GovernmentMember.objects.filter(government_key=government.translation_key)
        .exclude(role=Role.APPROVER)
        .select_related("user")
        .order_by("role", "language_code", "user__email")
    )
    return {
        Role.APPROVER: [(user, "") for user in approvers],
        Role.DRAFTER: [(m.user, "") for m in rows if m.role == Role.DRAFTER],
        Role.TRANSLATOR: [(m.user, m.language_code) for m in rows if m.role == Role.TRANSLATOR],
    }


# --- a role in a statement ---------------------------------------------------------------


def _sources():
    """Statements as first written: every language version shares its source's key."""
    is_translation = Translation.objects.filter(
        source__object_id=OuterRef("translation_key"), target_locale_id=OuterRef("locale_id")
    )
    return StatementPage.objects.annotate(_is_translation=Exists(is_translation)).filter(
        _is_translation=False
    )


def under_embargo():
    """Language versions whose words are not all public: never released, or holding a
    draft (a correction) the public has not seen. Released words are public anyway."""
    return StatementPage.objects.filter(Q(live=False) | Q(has_unpublished_changes=True))


def has_role_in(user, statement):
    """True when ``user`` has a part in ``statement`` (any of its language versions):
    an administrator; a drafter of its lead government's press office (who holds the
    drafters' page permissions on it); an approver of one of its signatories; or a
    translator into one of the languages it needs, narrowed by agency assignments."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    sources = _sources().filter(translation_key=statement.translation_key)
    return statement.translation_key in _keys_with_role(user, sources)


def _latest(source):
    """The draft revision's content when the source holds unpublished changes."""
    if source.has_unpublished_changes and source.latest_revision is not None:
        return source.latest_revision.content
    return None


def _signatory_ids(sources):
    """{source pk: government ids} from each source's latest words: the draft revision
    when it holds unpublished changes (as ``signatory_governments``), else the rows."""
    found, from_rows = {}, []
    for source in sources:
        content = _latest(source)
        if content is not None:
            rows = content.get("signatories") or []
            found[source.pk] = {row.get("government") for row in rows} - {None}
        else:
            from_rows.append(source.pk)
    for page_id, government_id in StatementSignatory.objects.filter(
        page_id__in=from_rows
    ).values_list("page_id", "government_id"):
        found.setdefault(page_id, set()).add(government_id)
    return found


def _drafted(user, sources):
    """The pks of ``sources`` whose latest lead ``user`` drafts for and whose page
    permissions let them change it."""
    leads = drafter_government_ids(user)
    led = [
        s.pk
        for s in sources
        if (_latest(s) or {}).get("lead_government", s.lead_government_id) in leads
    ]
    if not led:
        return set()
    return set(
        PagePermissionPolicy()
        .instances_user_has_any_permission_for(user, {"change"})
        .filter(pk__in=led)
        .values_list("pk", flat=True)
    )


def _keys_with_role(user, sources):
    """The translation keys of ``sources`` that a non-superuser ``user`` has a role in,
    in the same few queries however many statements there are."""
    sources = list(sources.select_related("locale", "latest_revision"))
    editable = _drafted(user, sources)
    signatories = _signatory_ids(sources)
    governments = {
        g.pk: g for g in Government.objects.filter(pk__in=set().union(*signatories.values(), set()))
    }
    groups = approver_group_ids(user)
    mine = set(translator_languages(user))
    dropped = {}
    for page_id, code in LanguageDrop.objects.filter(
        page_id__in=[source.pk for source in sources]
    ).values_list("page_id", "language_code"):
        dropped.setdefault(page_id, set()).add(code)
    assigned = None
    if mine and AgencyAssignment.objects.filter(user=user).exists():
        assigned = set(limit_to_agency(user, _sources()).values_list("translation_key", flat=True))
    keys = set()
    for source in sources:
        signing = [governments[pk] for pk in signatories.get(source.pk, ()) if pk in governments]
        needed = {code for g in signing for code in (g.languages or [])}
        needed -= {source.locale.language_code} | dropped.get(source.pk, set())
        if (
            source.pk in editable
            or any(g.approver_group_id in groups for g in signing)
            or (mine & needed and (assigned is None or source.translation_key in assigned))
        ):
            keys.add(source.translation_key)
    return keys


def statements_with_role(user):
    """The language versions under embargo that ``user`` has a role in, as one queryset.

    Whether one has a role reads each statement's latest words (its signatories live in
    the draft revision), so the statements under embargo are read together here, in a
    fixed number of queries, and the answer is a filter on their keys that any queryset
    of pages can take.
    """
    pending = under_embargo()
    if not user.is_authenticated or not user.is_active:
        return pending.none()
    if user.is_superuser:
        return pending
    sources = _sources().filter(translation_key__in=pending.values("translation_key"))
    return pending.filter(translation_key__in=_keys_with_role(user, sources))


def statements_hidden_from(user):
    """The language versions under embargo that ``user`` has no role in: what no admin
    screen may show them. Filter pages with ``.exclude(pk__in=...)`` of this."""
    return under_embargo().exclude(pk__in=statements_with_role(user).values("pk"))


# --- screens ------------------------------------------------------------------------------


def can_see_translation_status(user):
    if not user.is_authenticated:
        return False
    if user.is_superuser or translator_languages(user):
        return True
    return is_editor_of_any_statement(user)


def release_access(user, statement):
    """("edit" | "partner" | None): what this user may do with the statement's release."""
    if not user.is_authenticated or not user.has_perm("wagtailadmin.access_admin"):
        return None
    if may_edit_statement(user, statement):
        return "edit"
    if governments_approved_by(user, statement.signatory_governments()):
        return "partner"
    return None


def can_see_release_queue(user):
    """Administrators, editors, and partner governments' approvers (for their own
    statements); not translators."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser or is_editor_of_any_statement(user):
        return True
    return is_approver_of_any_government(user)


def may_see_signoff(user, statement):
    """The statement's editors and the approvers of its signatory governments."""
    return statement.permissions_for_user(user).can_edit() or bool(
        governments_approved_by(user, statement.signatory_governments())
    )


# --- Wagtail's page permission testers ----------------------------------------------------


class StatementPermissionTester(PagePermissionTester):
    """Drafters edit the statements their government leads; translators the
    translations in their own languages (never a source, even one in their language),
    by their "Translators: xx" groups, as they hold no page permissions. Publishing
    stays with the release.
    """

    def __init__(self, user, page):
        super().__init__(user, page)
        # The "Drafters" page permissions hold under every home page; on a statement
        # only for its lead's drafters. A new page's form checks its lead instead.
        user = self.user
        if user.is_active and not user.is_superuser and page.pk and not drafts_lead_of(user, page):
            self.permissions = set()

    def translator_may_edit(self):
        if not self.user.is_active:
            return False
        languages = translator_languages(self.user)
        return (
            bool(languages)
            and self.page.locale.language_code in languages
            and self.page.is_translation
            and agency_allows(self.user, self.page.translation_key)
        )

    def can_edit(self):
        return super().can_edit() or self.translator_may_edit()

    def can_publish(self):
        # Only the release publishes a statement, in every language at once; no editor
        # button, bulk action or translation tool does (not even for a superuser).
        return False

    def can_unpublish(self):
        # A released statement is withdrawn in every language at once, by the release;
        # no page is unpublished alone (statements.views.gates says so to the user).
        return False


class NewsroomPermissionTester(PagePermissionTester):
    """Nothing is published into the newsroom by hand, not even as a copy."""

    def can_publish_subpage(self):
        return False
