"""E-mail subscriptions: double opt-in, self-service, and one e-mail per released statement.

- Subscribing answers the same whatever the address: a new or unconfirmed address is
  sent a confirmation link, a confirmed one a link to manage its subscription. Nothing
  about a confirmed subscription changes without a link from its own mailbox.
- Links carry a signed token naming the subscriber's random key, one salt per
  purpose. The confirmation link expires; the unsubscribe link never does.
- Only a release sends statement text: ``statement_released`` (sent after the release
  commits) queues ``deliver_release_task``, which sends in batches. Each message is
  claimed by a ``Delivery`` row before it is sent, so none goes out twice.
- Unsubscribing and erasure delete the row and its deliveries.
"""

import datetime
import hashlib
import html
import json
import logging
import re
import uuid

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import get_language_info, gettext_lazy
from django.utils.translation import gettext as _
from wagtail.models import Locale

from statements.models import (
    Delivery,
    Government,
    Release,
    ReleasedPage,
    StatementPage,
    StatementType,
    Subscriber,
)
from statements.models.site_pages import localized_snippets

logger = logging.getLogger("communique.subscriptions")

CONFIRM_SALT = "communique.subscription.confirm"
MANAGE_SALT = "communique.subscription.manage"
UNSUBSCRIBE_SALT = "communique.subscription.unsubscribe"
MANAGE_LINK_DAYS = 30
BATCH_SIZE = 100

# Subscribe requests: per client address (answered 429) and per e-mail address
# (silently not sent: a different answer would tell who else asked for that address).
IP_LIMIT, IP_WINDOW = 5, 10 * 60
ADDRESS_LIMIT, ADDRESS_WINDOW = 3, 60 * 60

DELIVER_RELEASE_TASK = "newsroom.tasks.deliver_release_task"
SEND_MAIL_TASK = "newsroom.tasks.send_subscription_mail_task"

_RELATIVE_URL = re.compile(r'(\s(?:href|src)=")/(?!/)')


def confirm_days():
    return getattr(settings, "COMMUNIQUE_SUBSCRIPTION_CONFIRM_DAYS", 3)


# --- tokens and links -------------------------------------------------------------------


def make_token(subscriber, salt):
    return signing.dumps({"k": str(subscriber.key)}, salt=salt, compress=True)


def read_token(token, salt, max_age=None):
    """(subscriber or None, "ok" | "expired" | "invalid" | "gone")."""
    try:
        data = signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired:
        return None, "expired"
    except signing.BadSignature:
        return None, "invalid"
    try:
        key = uuid.UUID(str(data.get("k", "")))
    except (AttributeError, ValueError):
        return None, "invalid"
    subscriber = Subscriber.objects.filter(key=key).first()
    return subscriber, ("ok" if subscriber is not None else "gone")


def manage_max_age():
    return datetime.timedelta(days=MANAGE_LINK_DAYS)


def confirm_max_age():
    return datetime.timedelta(days=confirm_days())


def absolute(path):
    if path.startswith("/"):
        return settings.COMMUNIQUE_BASE_URL.rstrip("/") + path
    return path


def link(subscriber, name, salt):
    with translation.override(subscriber.language_code):
        return absolute(reverse(name, args=[make_token(subscriber, salt)]))


def confirm_url(subscriber):
    return link(subscriber, "statements_subscription_confirm", CONFIRM_SALT)


def manage_url(subscriber):
    return link(subscriber, "statements_subscription_manage", MANAGE_SALT)


def unsubscribe_url(subscriber):
    return link(subscriber, "statements_subscription_unsubscribe", UNSUBSCRIBE_SALT)


# --- rate limiting ---------------------------------------------------------------------


def _hit(key, limit, window):
    """Count one request; False once more than ``limit`` fall within ``window`` seconds."""
    if cache.add(key, 1, window):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, window)
        return True
    return count <= limit


def _address_key(email):
    digest = hashlib.sha256(email.strip().lower().encode()).hexdigest()
    return f"subscriptions:address:{digest}"


def allow_client(ip_address):
    return _hit(f"subscriptions:ip:{ip_address or 'unknown'}", IP_LIMIT, IP_WINDOW)


def allow_address(email):
    return _hit(_address_key(email), ADDRESS_LIMIT, ADDRESS_WINDOW)


# --- forms -------------------------------------------------------------------------------


def current_locale():
    return (
        Locale.objects.filter(language_code=translation.get_language()).first()
        or Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    )


def government_choices():
    """One choice per government identity, named in the active language where it can be."""
    locale = current_locale()
    if locale is None:
        return []
    return [(g.code, g.short_name) for g in localized_snippets(Government, locale, "short_name")]


def language_choices():
    return [(code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES]


class PreferencesForm(forms.Form):
    language = forms.ChoiceField(
        label=gettext_lazy("Language of the e-mails"),
        help_text=gettext_lazy(
            "Statements come in this language when they are released in it, "
            "otherwise in the language they were written in."
        ),
    )
    governments = forms.MultipleChoiceField(
        label=gettext_lazy("Governments"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Leave all unticked for statements by any government."),
    )
    statement_types = forms.MultipleChoiceField(
        label=gettext_lazy("Types"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Leave all unticked for statements of any type."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = language_choices()
        self.fields["governments"].choices = government_choices()
        self.fields["statement_types"].choices = StatementType.choices


class SubscribeForm(PreferencesForm):
    email = forms.EmailField(
        label=gettext_lazy("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    field_order = ["email", "language", "governments", "statement_types"]

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


# --- actions -------------------------------------------------------------------------------


def _queue_mail(subscriber_id, kind):
    def send():
        from celery import current_app

        current_app.tasks[SEND_MAIL_TASK].delay(subscriber_id, kind)

    transaction.on_commit(send)


class SubscribeAction:
    """Create or refresh an unconfirmed subscription and send the link to confirm it.

    A confirmed address is left as it is and told how to manage it. Either way one
    e-mail is queued and the caller answers the same, so the answer reveals nothing.
    """

    def __init__(self, email, language_code, governments=(), statement_types=()):
        self.email = email.strip().lower()
        self.language_code = language_code
        self.governments = sorted(set(governments))
        self.statement_types = sorted(set(statement_types))

    @transaction.atomic
    def execute(self):
        if not allow_address(self.email):
            return None
        subscriber = Subscriber.objects.select_for_update().filter(email=self.email).first()
        if subscriber is None:
            try:
                with transaction.atomic():
                    subscriber = Subscriber.objects.create(
                        email=self.email,
                        language_code=self.language_code,
                        governments=self.governments,
                        statement_types=self.statement_types,
                    )
            except IntegrityError:  # the same address, subscribed at the same moment
                subscriber = Subscriber.objects.select_for_update().get(email=self.email)
        if subscriber.is_confirmed:
            _queue_mail(subscriber.pk, "already")
            return subscriber
        subscriber.language_code = self.language_code
        subscriber.governments = self.governments
        subscriber.statement_types = self.statement_types
        subscriber.created_at = timezone.now()
        subscriber.save()
        _queue_mail(subscriber.pk, "confirm")
        return subscriber


class ConfirmSubscriptionAction:
    def __init__(self, subscriber):
        self.subscriber = subscriber

    @transaction.atomic
    def execute(self):
        subscriber = Subscriber.objects.select_for_update().get(pk=self.subscriber.pk)
        if subscriber.confirmed_at is None:
            subscriber.confirmed_at = timezone.now()
            subscriber.save(update_fields=["confirmed_at"])
        return subscriber


class UpdateSubscriptionAction:
    def __init__(self, subscriber, language_code, governments=(), statement_types=()):
        self.subscriber = subscriber
        self.language_code = language_code
        self.governments = sorted(set(governments))
        self.statement_types = sorted(set(statement_types))

    def execute(self):
        subscriber = self.subscriber
        subscriber.language_code = self.language_code
        subscriber.governments = self.governments
        subscriber.statement_types = self.statement_types
        subscriber.save(update_fields=["language_code", "governments", "statement_types"])
        return subscriber


class EraseSubscriberAction:
    """Unsubscribe and erasure alike: the row and its deliveries are deleted."""

    def __init__(self, subscriber):
        self.subscriber = subscriber

    def execute(self):
        cache.delete(_address_key(self.subscriber.email))
        self.subscriber.delete()


def export_data(subscriber):
    """Everything held about a subscriber, as a JSON-ready dict."""
    deliveries = [
        {
            "statement": delivery.page_id,
            "title": delivery.page.title,
            "language": delivery.language_code,
            "sent_at": delivery.sent_at.isoformat() if delivery.sent_at else None,
        }
        for delivery in subscriber.deliveries.select_related("page").order_by("claimed_at")
    ]
    return {
        "email": subscriber.email,
        "language": subscriber.language_code,
        "governments": subscriber.governments,
        "statement_types": subscriber.statement_types,
        "subscribed_at": subscriber.created_at.isoformat(),
        "confirmed_at": subscriber.confirmed_at.isoformat() if subscriber.confirmed_at else None,
        "deliveries": deliveries,
    }


def export_json(subscriber):
    return json.dumps(export_data(subscriber), ensure_ascii=False, indent=2)


def delete_unconfirmed(now=None):
    """Addresses never confirmed are kept only as long as their confirmation link works."""
    cutoff = (now or timezone.now()) - confirm_max_age()
    deleted, _per_model = Subscriber.objects.unconfirmed().filter(created_at__lt=cutoff).delete()
    return deleted


# --- account e-mails ---------------------------------------------------------------------


def send_account_mail(subscriber_id, kind):
    """The confirmation ("confirm") or "already subscribed" e-mail, in the chosen language."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None or kind not in ("confirm", "already"):
        return 0
    if kind == "confirm" and subscriber.is_confirmed:
        return 0
    with translation.override(subscriber.language_code):
        context = {
            "confirm_url": confirm_url(subscriber),
            "manage_url": manage_url(subscriber),
            "unsubscribe_url": unsubscribe_url(subscriber),
            "days": confirm_days(),
            "manage_days": MANAGE_LINK_DAYS,
        }
        subject = " ".join(
            render_to_string(f"newsroom/emails/subscription_{kind}_subject.txt", context).split()
        )
        body = render_to_string(f"newsroom/emails/subscription_{kind}.txt", context)
    EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, [subscriber.email]).send()
    return 1


# --- delivery at release -------------------------------------------------------------------


def queue_delivery(sender, release, pages, **kwargs):
    """Receiver of ``statement_released``: the release has committed; queue the e-mails.

    A broker failure must not look like a failed release, so it is logged, not raised.
    """
    try:
        from celery import current_app

        current_app.tasks[DELIVER_RELEASE_TASK].delay(release.pk)
    except Exception:
        logger.exception("could not queue subscription e-mails for release %s", release.pk)


def language_label(code):
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def html_to_text(markup):
    """Plain text of the rendered statement, for the text part of the e-mail."""
    markup = re.sub(
        r'<a\s[^>]*href="([^"]+)"[^>]*>(.*?)</a>',
        lambda m: (
            m.group(2) if m.group(1).startswith("mailto:") else f"{m.group(2)} <{m.group(1)}>"
        ),
        markup,
        flags=re.S,
    )
    markup = re.sub(r"<br\s*/?>", "\n", markup)
    markup = re.sub(r"<li[^>]*>", "- ", markup)
    markup = re.sub(r"</(p|h\d|li|div|blockquote|ul|ol|dl|dt|dd|figure|tr)>", "\n\n", markup)
    text = html.unescape(strip_tags(markup))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


class DeliveryPlan:
    """What one release sends: the released version for each language, and to whom."""

    def __init__(self, release):
        self.release = release
        self.statement = StatementPage.objects.select_related("locale").get(pk=release.statement_id)
        self.source_language = self.statement.locale.language_code
        released = ReleasedPage.objects.filter(release=release).order_by("pk")
        pages = StatementPage.objects.in_bulk([row.page_id for row in released])
        self.versions = {}
        self.government_codes = set()
        for row in released:
            page = pages.get(row.page_id)
            if page is None or not page.live:
                continue  # withdrawn from the public since: never sent
            self.versions[row.language_code] = page
            for entry in (row.snapshot or {}).get("issuing_governments", []):
                if entry.get("code"):
                    self.government_codes.add(entry["code"])
        if not self.government_codes:
            self.government_codes = {
                s.government.code for s in self.statement.signatories.select_related("government")
            }
        self._rendered = {}

    def page_for(self, subscriber):
        """The subscriber's language if released in it, else the source language;
        a language released later on its own goes to that language's subscribers only."""
        if self.release.language_code:
            if subscriber.language_code != self.release.language_code:
                return None
            return self.versions.get(self.release.language_code)
        return self.versions.get(subscriber.language_code) or self.versions.get(
            self.source_language
        )

    def recipients(self):
        subscribers = Subscriber.objects.confirmed()
        if self.release.released_at is not None:
            subscribers = subscribers.filter(confirmed_at__lte=self.release.released_at)
        if self.release.language_code:
            subscribers = subscribers.filter(language_code=self.release.language_code)
        subscribers = subscribers.exclude(deliveries__release=self.release)
        return [
            subscriber.pk
            for subscriber in subscribers.order_by("pk").only(
                "pk", "language_code", "governments", "statement_types"
            )
            if subscriber.wants(self.government_codes, self.statement.statement_type)
        ]

    def _statement_html(self, page):
        """The statement as the feeds render it, in its own language (once per version)."""
        if page.pk not in self._rendered:
            page.use_release_snapshot()
            language = page.locale.language_code
            with translation.override(language):
                content = render_to_string(
                    "newsroom/feeds/item.html",
                    {"page": page, "language": language, "fallback_note": ""},
                )
            base = settings.COMMUNIQUE_BASE_URL.rstrip("/")
            content = _RELATIVE_URL.sub(lambda m: m.group(1) + base + "/", content).strip()
            self._rendered[page.pk] = (content, html_to_text(content))
        return self._rendered[page.pk]

    def message(self, subscriber, page):
        content_html, content_text = self._statement_html(page)
        page_language = page.locale.language_code
        unsubscribe = unsubscribe_url(subscriber)
        with translation.override(subscriber.language_code):
            note = ""
            if page_language != subscriber.language_code:
                note = _(
                    "This statement is not available in %(language)s; "
                    "here it is in %(source_language)s."
                ) % {
                    "language": language_label(subscriber.language_code),
                    "source_language": language_label(page_language),
                }
            context = {
                "page": page,
                "title": page.title,
                "statement_type": StatementType(page.statement_type).label,
                "page_language": page_language,
                "language": subscriber.language_code,
                "note": note,
                "content_html": content_html,
                "content_text": content_text,
                "release_line": page.release_line,
                "url": absolute(page.get_url() or ""),
                "manage_url": manage_url(subscriber),
                "unsubscribe_url": unsubscribe,
            }
            subject = " ".join(
                render_to_string(
                    "newsroom/emails/subscription_statement_subject.txt", context
                ).split()
            )
            body = render_to_string("newsroom/emails/subscription_statement.txt", context)
            body_html = render_to_string("newsroom/emails/subscription_statement.html", context)
        message = EmailMultiAlternatives(
            subject,
            body,
            settings.DEFAULT_FROM_EMAIL,
            [subscriber.email],
            headers={
                "List-Unsubscribe": f"<{unsubscribe}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                "Auto-Submitted": "auto-generated",
            },
        )
        message.attach_alternative(body_html, "text/html")
        return message


def released(release_id):
    return Release.objects.filter(pk=release_id, state=Release.State.RELEASED).first()


def delivery_batches(release_id, size=BATCH_SIZE):
    """The matching confirmed subscribers not yet sent this release, in batches of ids."""
    release = released(release_id)
    if release is None:
        return []
    plan = DeliveryPlan(release)
    if not plan.versions:
        return []
    ids = plan.recipients()
    return [ids[i : i + size] for i in range(0, len(ids), size)]


def deliver_batch(release_id, subscriber_ids):
    """Send one batch. Each message is claimed before it is sent, so a rerun or a retry
    skips whoever was already sent; a message whose sending failed gives its claim back
    and the error propagates, for the task to retry."""
    release = released(release_id)
    if release is None:
        return 0
    plan = DeliveryPlan(release)
    sent = 0
    with get_connection() as connection:
        for subscriber in (
            Subscriber.objects.confirmed().filter(pk__in=subscriber_ids).order_by("pk")
        ):
            page = plan.page_for(subscriber)
            if page is None or not subscriber.wants(
                plan.government_codes, plan.statement.statement_type
            ):
                continue
            message = plan.message(subscriber, page)
            try:
                with transaction.atomic():
                    delivery = Delivery.objects.create(
                        subscriber=subscriber,
                        release=release,
                        page=page,
                        language_code=page.locale.language_code,
                    )
            except IntegrityError:
                continue  # claimed already: sent, or being sent
            message.connection = connection
            try:
                message.send()
            except Exception:
                Delivery.objects.filter(pk=delivery.pk, sent_at=None).delete()
                raise
            Delivery.objects.filter(pk=delivery.pk).update(sent_at=timezone.now())
            sent += 1
    return sent
