"""The people of a government: the screen, its verbs (one view each), and the public
page where an invitation is accepted.

Administrators see every government's people; a delegated administrator its own
government's only (anyone else gets 403), and is offered only the roles it was given.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.cache import never_cache

from ..actions.base import ActionRefused
from ..actions.people import (
    AcceptInvitationAction,
    InvitationUnusable,
    InviteAction,
    RemoveRoleAction,
    RevokeInvitationAction,
)
from ..models import Government, Invitation, Role
from ..permissions import (
    delegations_of,
    grantable_roles,
    is_administrator,
    may_manage_any_people,
    may_manage_people_of,
    people_of,
)
from .frame import AdminScreenMixin

ROLE_HEADINGS = {
    Role.APPROVER: gettext_lazy("Approvers"),
    Role.DRAFTER: gettext_lazy("Drafters"),
    Role.TRANSLATOR: gettext_lazy("Translators"),
}


def government_by_code(code):
    """The government with this code, named in the reader's language where it can be."""
    rows = Government.objects.filter(code=(code or "").upper()).select_related("locale")
    language = translation.get_language()
    return next((g for g in rows if g.locale.language_code == language), None) or (
        rows.order_by("pk").first()
    )


def _language_choices(government):
    names = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
    return [(code, names[code]) for code in government.languages or [] if code in names]


class InviteForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("E-mail address"))
    role = forms.ChoiceField(label=gettext_lazy("Role"))
    language_code = forms.ChoiceField(label=gettext_lazy("Language (translators)"), required=False)

    def __init__(self, *args, roles=(), languages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(r.value, r.label) for r in Role if r in roles]
        self.fields["language_code"].choices = [("", "—"), *languages]

    def clean(self):
        data = super().clean()
        if data.get("role") == Role.TRANSLATOR and not data.get("language_code"):
            self.add_error("language_code", _("Choose the language the translator works in."))
        return data


class AcceptForm(forms.Form):
    first_name = forms.CharField(label=gettext_lazy("First name"), max_length=150)
    last_name = forms.CharField(label=gettext_lazy("Last name"), max_length=150)
    password = forms.CharField(label=gettext_lazy("Password"), widget=forms.PasswordInput)


class PeopleIndexView(AdminScreenMixin, View):
    """The governments whose people the user manages; one of them: straight to it."""

    template_name = "statements/admin/people_index.html"
    page_title = gettext_lazy("People")
    header_icon = "group"

    def get(self, request):
        if not may_manage_any_people(request.user):
            raise PermissionDenied
        if is_administrator(request.user):
            keys = None
        else:
            keys = set(delegations_of(request.user).values_list("government_key", flat=True))
        codes = sorted(
            {g.code for g in Government.objects.all() if keys is None or g.translation_key in keys}
        )
        governments = [government_by_code(code) for code in codes]
        if keys is not None and len(governments) == 1:
            return redirect("statements_people_government", governments[0].code)
        return self.render_screen({"governments": governments})


class GovernmentPeopleMixin(AdminScreenMixin):
    template_name = "statements/admin/government_people.html"
    header_icon = "group"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.government = government_by_code(kwargs["code"])
        if self.government is None:
            raise Http404

    def dispatch(self, request, *args, **kwargs):
        if not may_manage_people_of(request.user, self.government):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("People of %(government)s") % {"government": self.government.short_name}

    def get_breadcrumbs_items(self):
        people = {"url": reverse("statements_people"), "label": _("People")}
        return [*self.breadcrumbs_items, people, {"url": None, "label": self.get_page_title()}]

    def invite_form(self, data=None):
        return InviteForm(
            data,
            roles=grantable_roles(self.request.user, self.government),
            languages=_language_choices(self.government),
        )

    def screen(self, form=None, status=200):
        roles = grantable_roles(self.request.user, self.government)
        people = people_of(self.government)
        groups = [
            {
                "role": role,
                "label": ROLE_HEADINGS[role],
                "people": people[role],
                "may": role in roles,
            }
            for role in Role
        ]
        pending = (
            Invitation.objects.usable()
            .filter(government_key=self.government.translation_key)
            .order_by("created_at")
        )
        context = {
            "government": self.government,
            "groups": groups,
            "pending": [(i, i.role in roles) for i in pending],
            "form": form or self.invite_form(),
        }
        return self.render_screen(context, status=status)

    def back(self):
        return redirect("statements_people_government", self.government.code)

    def refused(self, refusal):
        for reason in refusal.reasons:
            messages.error(self.request, reason)
        return self.back()


class GovernmentPeopleView(GovernmentPeopleMixin, View):
    def get(self, request, code):
        return self.screen()


class InvitePersonView(GovernmentPeopleMixin, View):
    http_method_names = ["post"]

    def post(self, request, code):
        form = self.invite_form(request.POST)
        if not form.is_valid():
            messages.error(request, _("Nobody was invited. Correct the errors below."))
            return self.screen(form, status=400)
        try:
            invitation = InviteAction(
                request.user,
                self.government,
                form.cleaned_data["email"],
                form.cleaned_data["role"],
                form.cleaned_data["language_code"],
            ).execute()
        except ActionRefused as refusal:
            return self.refused(refusal)
        messages.success(
            request,
            _("%(email)s is invited. The link works once, for 14 days.")
            % {"email": invitation.email},
        )
        return self.back()


class RevokeInvitationView(GovernmentPeopleMixin, View):
    http_method_names = ["post"]

    def post(self, request, code, invitation_id):
        invitation = get_object_or_404(
            Invitation, pk=invitation_id, government_key=self.government.translation_key
        )
        try:
            RevokeInvitationAction(invitation, request.user).execute()
        except ActionRefused as refusal:
            return self.refused(refusal)
        messages.success(request, _("The invitation no longer works."))
        return self.back()


class RemoveRoleView(GovernmentPeopleMixin, View):
    http_method_names = ["post"]

    def post(self, request, code):
        raw = request.POST.get("user", "")
        member = get_object_or_404(get_user_model(), pk=int(raw) if raw.isdigit() else None)
        try:
            RemoveRoleAction(
                request.user,
                self.government,
                member,
                request.POST.get("role", ""),
                request.POST.get("language_code", ""),
            ).execute()
        except ActionRefused as refusal:
            return self.refused(refusal)
        messages.success(request, _("The role is removed."))
        return self.back()


# --- accepting, logged out or in -------------------------------------------------------


class AcceptInvitationView(View):
    """Reached logged out (config/urls.py puts it before the admin's own URLs). The
    token is in the path, so the page sends no referrer and is never cached."""

    template_name = "statements/admin/accept_invitation.html"

    def render(self, request, status=200, **context):
        response = render(request, self.template_name, context, status=status)
        response["Referrer-Policy"] = "no-referrer"
        return response

    def get(self, request, token):
        action = AcceptInvitationAction(token, request.user)
        try:
            invitation = action.invitation()
        except InvitationUnusable as refusal:
            return self.render(request, status=410, refusal=refusal.reasons)
        problems = action.check(invitation) if request.user.is_authenticated else []
        account = action.existing_account(invitation) if not request.user.is_authenticated else None
        return self.render(
            request,
            invitation=invitation,
            form=None if request.user.is_authenticated or account else AcceptForm(),
            problems=problems,
            sign_in=account is not None,
            login_url=reverse("wagtailadmin_login") + "?next=" + request.path,
        )

    def post(self, request, token):
        form = AcceptForm(request.POST) if not request.user.is_authenticated else None
        if form is not None and not form.is_valid():
            return self.render(request, status=400, form=form, invitation=True)
        fields = form.cleaned_data if form is not None else {}
        try:
            member = AcceptInvitationAction(token, request.user, **fields).execute()
        except InvitationUnusable as refusal:
            return self.render(request, status=410, refusal=refusal.reasons)
        except ActionRefused as refusal:
            return self.render(
                request, status=400, form=form, invitation=True, problems=refusal.reasons
            )
        if not request.user.is_authenticated:
            login(request, member, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome. Your role is ready."))
        return redirect("wagtailadmin_home")


def invitation_urls():
    return [
        path(
            "admin/invitation/<str:token>/",
            never_cache(AcceptInvitationView.as_view()),
            name="statements_accept_invitation",
        )
    ]


def people_admin_urls():
    return [
        path("people/", PeopleIndexView.as_view(), name="statements_people"),
        path(
            "people/<slug:code>/",
            GovernmentPeopleView.as_view(),
            name="statements_people_government",
        ),
        path(
            "people/<slug:code>/invite/",
            InvitePersonView.as_view(),
            name="statements_people_invite",
        ),
        path(
            "people/<slug:code>/invitations/<int:invitation_id>/revoke/",
            RevokeInvitationView.as_view(),
            name="statements_people_revoke",
        ),
        path(
            "people/<slug:code>/remove/",
            RemoveRoleView.as_view(),
            name="statements_people_remove",
        ),
    ]
