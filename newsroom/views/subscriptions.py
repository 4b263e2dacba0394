"""Public subscription pages: subscribe, confirm, manage, unsubscribe.

The token pages are exempt from CSRF: the signed token in their URL is the secret that
authorises them, and a mail client's one-click unsubscribe (RFC 8058) posts without a
cookie. They are ``noindex``, never cached and send no referrer (the URL is the key).
"""

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from ..subscriptions.actions import (
    ConfirmSubscriptionAction,
    EraseSubscriberAction,
    SubscribeAction,
    UpdateSubscriptionAction,
    export_json,
)
from ..subscriptions.forms import PreferencesForm, SubscribeForm
from ..subscriptions.links import (
    CONFIRM_SALT,
    MANAGE_SALT,
    UNSUBSCRIBE_SALT,
    confirm_max_age,
    manage_max_age,
    manage_url,
    read_token,
)
from ..subscriptions.rate_limits import allow_client


def _private(response):
    response["X-Robots-Tag"] = "noindex, nofollow, noarchive"
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


def _errors(form):
    """(anchor, message) for the error summary; each links to its field."""
    summary = []
    for name, errors in form.errors.items():
        if name == "__all__":
            summary += [("", error) for error in errors]
            continue
        field = form[name]
        anchor = field.auto_id
        if getattr(field.field.widget, "allow_multiple_selected", False) and field.field.choices:
            anchor = f"{field.auto_id}_0"
        field.field.widget.attrs["aria-invalid"] = "true"
        summary += [(anchor, error) for error in errors]
    return summary


def _render(request, template, context, status=200, private=True):
    response = TemplateResponse(
        request, f"newsroom/subscriptions/{template}", context, status=status
    )
    response.render()
    return _private(response) if private else response


@require_http_methods(["GET", "POST"])
def subscribe(request):
    if request.method != "POST":
        form = SubscribeForm(initial={"language": get_language()})
        return _render(request, "subscribe.html", {"form": form}, private=False)
    # Counted per client address, whatever the input: the 429 says nothing about
    # any e-mail address.
    if not allow_client(request.META.get("REMOTE_ADDR")):
        form = SubscribeForm(initial={"language": get_language()})
        response = _render(
            request, "subscribe.html", {"form": form, "limited": True}, status=429, private=False
        )
        response["Retry-After"] = "600"
        return response
    form = SubscribeForm(request.POST)
    if not form.is_valid():
        return _render(
            request,
            "subscribe.html",
            {"form": form, "errors": _errors(form)},
            status=400,
            private=False,
        )
    data = form.cleaned_data
    SubscribeAction(
        data["email"], data["language"], data["governments"], data["statement_types"]
    ).execute()
    # The same page whether the address was new, waiting or confirmed.
    return _render(request, "sent.html", {})


def _closed(request, state):
    status = 404 if state == "invalid" else 410
    return _render(request, "closed.html", {"state": state}, status=status)


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    subscriber, state = read_token(token, CONFIRM_SALT, max_age=confirm_max_age())
    if subscriber is None:
        return _closed(request, state)
    if request.method == "POST" or subscriber.is_confirmed:
        subscriber = ConfirmSubscriptionAction(subscriber).execute()
        return _render(
            request,
            "confirmed.html",
            {"subscriber": subscriber, "manage_url": manage_url(subscriber)},
        )
    return _render(request, "confirm.html", {"subscriber": subscriber})


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET asks; POST unsubscribes, including a mail client's RFC 8058 one-click POST."""
    subscriber, state = read_token(token, UNSUBSCRIBE_SALT)
    if state == "invalid":
        return _closed(request, state)
    if request.method == "POST":
        if subscriber is not None:
            EraseSubscriberAction(subscriber).execute()
        return _render(request, "unsubscribed.html", {})
    if subscriber is None:
        return _render(request, "unsubscribed.html", {"already": True})
    return _render(request, "unsubscribe.html", {"subscriber": subscriber})


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def manage(request, token):
    subscriber, state = read_token(token, MANAGE_SALT, max_age=manage_max_age())
    if subscriber is None:
        return _closed(request, state)
    action = request.POST.get("action") if request.method == "POST" else None
    if action == "export":
        response = HttpResponse(
            export_json(subscriber), content_type="application/json; charset=utf-8"
        )
        response["Content-Disposition"] = 'attachment; filename="subscription.json"'
        return _private(response)
    if action == "erase":
        EraseSubscriberAction(subscriber).execute()
        return _render(request, "unsubscribed.html", {"erased": True})
    initial = {
        "language": subscriber.language_code,
        "governments": subscriber.governments,
        "statement_types": subscriber.statement_types,
    }
    context = {"subscriber": subscriber}
    status = 200
    if action == "save":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            UpdateSubscriptionAction(
                subscriber, data["language"], data["governments"], data["statement_types"]
            ).execute()
            context["saved"] = _("Your subscription has been updated.")
        else:
            context["errors"] = _errors(form)
            status = 400
    else:
        form = PreferencesForm(initial=initial)
    context["form"] = form
    return _render(request, "manage.html", context, status=status)
