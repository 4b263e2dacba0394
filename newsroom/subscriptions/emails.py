"""How every subscription e-mail reads: the account e-mails and the released statement.

Each is rendered in the subscriber's chosen language from templates under
``newsroom/emails/``; the statement itself is rendered as the feeds render it, in its
own language, with a note when it is not in the subscriber's.
"""

import html
import re

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from statements.models import StatementType, Subscriber

from .links import (
    MANAGE_LINK_DAYS,
    absolute,
    confirm_days,
    confirm_url,
    manage_url,
    unsubscribe_url,
)

_RELATIVE_URL = re.compile(r'(\s(?:href|src)=")/(?!/)')


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


class StatementEmails:
    """The e-mails of one release's statement: each version rendered once, however
    many subscribers receive it."""

    def __init__(self):
        self._rendered = {}

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
