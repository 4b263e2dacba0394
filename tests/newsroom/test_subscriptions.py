"""E-mail subscriptions: double opt-in, self-service, and one e-mail per release."""

import csv
import datetime
import io
import json
import re
import smtplib
import time
from unittest import mock

import pytest
from django.core import mail, signing
from django.core.cache import cache
from django.core.mail.backends.locmem import EmailBackend
from django.test import Client
from django.utils import timezone

import newsroom.tasks  # noqa: F401 - registers the tasks by name
from newsroom import signal_handlers
from newsroom.subscriptions.delivery import deliver_batch
from newsroom.subscriptions.links import (
    CONFIRM_SALT,
    UNSUBSCRIBE_SALT,
    confirm_url,
    make_token,
    manage_url,
    unsubscribe_url,
)
from newsroom.subscriptions.rate_limits import ADDRESS_LIMIT, IP_LIMIT
from newsroom.tasks import (
    delete_unconfirmed_task,
    deliver_batch_task,
    deliver_release_task,
)
from statements import outbox
from statements.actions.release import ReleaseStatementAction
from statements.actions.scheduling import ScheduleReleaseAction
from statements.models import Delivery, Release, StatementPage, Subscriber
from statements.signals import statement_released
from tests import factories

pytestmark = pytest.mark.django_db

TITLE = "Joint statement on the sanctions monitoring report"
SENTENCE = "The governments welcome the monitoring team's first report."


@pytest.fixture(autouse=True)
def clean_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site(db, governments):
    return factories.build_site(languages=("en", "fr", "ja"))


def subscriber(email, language="en", confirmed=True, **fields):
    return Subscriber.objects.create(
        email=email,
        language_code=language,
        confirmed_at=timezone.now() - datetime.timedelta(minutes=5) if confirmed else None,
        **fields,
    )


def path_of(url):
    return url.removeprefix("http://testserver")


def url_in(message, kind):
    return re.search(rf"http://testserver/\w+/subscribe/{kind}/\S+/", message.body).group(0)


def post_subscribe(client, email, ip="198.51.100.1", **data):
    form = {"email": email, "language": "en", **data}
    return client.post("/en/subscribe/", form, REMOTE_ADDR=ip)


def to(address):
    return [m for m in mail.outbox if m.to == [address]]


# --- subscribing --------------------------------------------------------------------------


def test_subscribe_then_confirm(client, site, django_capture_on_commit_callbacks):
    page = client.get("/fr/subscribe/")
    html = page.content.decode()
    assert page.status_code == 200
    assert 'autocomplete="email"' in html
    assert '<label for="id_email">' in html
    assert "<legend>" in html and 'type="checkbox"' in html
    assert '<option value="fr" lang="fr" selected>' in html  # the page's language

    with django_capture_on_commit_callbacks(execute=True):
        response = post_subscribe(
            client,
            "Reporter@Example.org",
            language="fr",
            governments=["CA", "JP"],
            statement_types=["joint_statement"],
        )
    assert response.status_code == 200
    row = Subscriber.objects.get()
    assert row.email == "reporter@example.org"
    assert (row.language_code, row.governments, row.statement_types) == (
        "fr",
        ["CA", "JP"],
        ["joint_statement"],
    )
    assert row.confirmed_at is None
    [message] = mail.outbox
    assert message.to == ["reporter@example.org"]
    confirm = url_in(message, "confirm")
    assert confirm.startswith("http://testserver/fr/subscribe/confirm/")

    # Opening the link asks; only the button confirms (mail scanners open links).
    asked = client.get(path_of(confirm))
    assert asked.status_code == 200
    assert asked["X-Robots-Tag"].startswith("noindex")
    assert '<meta name="robots" content="noindex' in asked.content.decode()
    row.refresh_from_db()
    assert row.confirmed_at is None
    done = client.post(path_of(confirm))
    assert done.status_code == 200
    row.refresh_from_db()
    assert row.confirmed_at is not None
    assert "/fr/subscribe/manage/" in done.content.decode()


def test_the_answer_is_the_same_for_new_waiting_and_confirmed_addresses(
    client, site, django_capture_on_commit_callbacks
):
    subscriber("known@example.org", language="ja", governments=["JP"])
    subscriber("waiting@example.org", confirmed=False)
    responses = []
    with django_capture_on_commit_callbacks(execute=True):
        for number, address in enumerate(
            ("new@example.org", "known@example.org", "waiting@example.org")
        ):
            responses.append(
                post_subscribe(client, address, ip=f"198.51.100.{number}", language="fr")
            )
    assert {r.status_code for r in responses} == {200}
    assert len({r.content for r in responses}) == 1
    assert len({tuple(sorted(r.headers.items())) for r in responses}) == 1

    # The confirmed address keeps its choices and is told how to manage them.
    known = Subscriber.objects.get(email="known@example.org")
    assert (known.language_code, known.governments) == ("ja", ["JP"])
    [message] = to("known@example.org")
    assert "/ja/subscribe/manage/" in message.body
    assert "/subscribe/confirm/" not in message.body
    # The others are asked to confirm, in the language just chosen.
    for address in ("new@example.org", "waiting@example.org"):
        [message] = to(address)
        assert "/fr/subscribe/confirm/" in message.body
        assert Subscriber.objects.get(email=address).confirmed_at is None


def test_too_many_requests_from_one_client_get_429_and_send_nothing(
    client, site, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(IP_LIMIT):
            assert post_subscribe(client, f"a{number}@example.org").status_code == 200
        limited = post_subscribe(client, "one-more@example.org")
    assert limited.status_code == 429
    assert "Too many subscription requests" in limited.content.decode()
    assert not Subscriber.objects.filter(email="one-more@example.org").exists()
    assert len(mail.outbox) == IP_LIMIT
    # Another client is not affected.
    with django_capture_on_commit_callbacks(execute=True):
        assert post_subscribe(client, "other@example.org", ip="203.0.113.9").status_code == 200
    assert len(to("other@example.org")) == 1


def test_one_address_gets_at_most_three_messages_an_hour_without_a_different_answer(
    client, site, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        answers = [
            post_subscribe(client, "target@example.org", ip=f"203.0.113.{n}")
            for n in range(ADDRESS_LIMIT + 2)
        ]
    assert {a.status_code for a in answers} == {200}
    assert len({a.content for a in answers}) == 1
    assert len(to("target@example.org")) == ADDRESS_LIMIT


def test_invalid_input_changes_nothing_and_says_what_is_wrong(
    client, site, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_subscribe(
            client,
            "not-an-address",
            language="xx",
            governments=["ZZ"],
            statement_types=["gossip"],
        )
    html = response.content.decode()
    assert response.status_code == 400
    assert 'class="error-summary"' in html
    for anchor in ("id_email", "id_language", "id_governments_0", "id_statement_types_0"):
        assert f'href="#{anchor}"' in html
    assert "Enter a valid email address." in html
    assert 'aria-invalid="true"' in html
    assert not Subscriber.objects.exists()
    assert mail.outbox == []


# --- links: unsubscribe, manage, tokens --------------------------------------------------


def test_unsubscribe_asks_on_get_and_deletes_on_post(client, site):
    row = subscriber("leaving@example.org")
    url = path_of(unsubscribe_url(row))
    asked = client.get(url)
    assert asked.status_code == 200
    assert asked["X-Robots-Tag"].startswith("noindex")
    assert Subscriber.objects.filter(pk=row.pk).exists()
    assert client.post(url).status_code == 200
    assert not Subscriber.objects.filter(pk=row.pk).exists()
    # The link keeps answering, and says the address is gone.
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 200


def test_one_click_unsubscribe_from_a_mail_client_needs_no_cookie(site):
    row = subscriber("one-click@example.org")
    url = path_of(unsubscribe_url(row))
    mail_client = Client(enforce_csrf_checks=True)
    response = mail_client.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert not Subscriber.objects.filter(pk=row.pk).exists()


def test_manage_changes_choices_exports_and_erases(client, site):
    row = subscriber("manager@example.org", language="en")
    url = path_of(manage_url(row))
    page = client.get(url)
    assert page.status_code == 200
    assert page["Cache-Control"].startswith("private")
    assert "manager@example.org" in page.content.decode()

    saved = client.post(
        url,
        {
            "action": "save",
            "language": "ja",
            "governments": ["JP"],
            "statement_types": ["readout"],
        },
    )
    assert saved.status_code == 200
    row.refresh_from_db()
    assert (row.language_code, row.governments, row.statement_types) == ("ja", ["JP"], ["readout"])

    refused = client.post(url, {"action": "save", "language": "xx", "governments": ["ZZ"]})
    assert refused.status_code == 400
    assert 'href="#id_language"' in refused.content.decode()
    row.refresh_from_db()
    assert (row.language_code, row.governments) == ("ja", ["JP"])

    exported = client.post(url, {"action": "export"})
    assert exported["Content-Disposition"] == 'attachment; filename="subscription.json"'
    data = json.loads(exported.content)
    assert data["email"] == "manager@example.org"
    assert data["language"] == "ja"
    assert data["deliveries"] == []

    erased = client.post(url, {"action": "erase"})
    assert erased.status_code == 200
    assert not Subscriber.objects.filter(email="manager@example.org").exists()
    assert client.get(url).status_code == 410


def test_expired_forged_and_misused_tokens_are_refused(client, site):
    row = subscriber("token@example.org", confirmed=False)
    confirm = path_of(confirm_url(row))
    later = time.time() + 4 * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=later):
        expired = client.post(confirm)
    assert expired.status_code == 410
    assert "expired" in expired.content.decode()
    row.refresh_from_db()
    assert row.confirmed_at is None

    token = confirm.rstrip("/").rsplit("/", 1)[1]
    forged = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")
    assert client.post(f"/en/subscribe/confirm/{forged}/").status_code == 404
    # A token made for another purpose does not work here.
    unsubscribe_token = make_token(row, UNSUBSCRIBE_SALT)
    assert client.post(f"/en/subscribe/confirm/{unsubscribe_token}/").status_code == 404
    assert client.post(f"/en/subscribe/manage/{unsubscribe_token}/").status_code == 404
    # A well-signed token for a key that names no one.
    stranger = signing.dumps({"k": "0" * 32}, salt=CONFIRM_SALT, compress=True)
    assert client.post(f"/en/subscribe/confirm/{stranger}/").status_code == 410
    row.refresh_from_db()
    assert row.confirmed_at is None


def test_unconfirmed_addresses_are_deleted_after_the_confirmation_days(site, settings):
    settings.COMMUNIQUE_SUBSCRIPTION_CONFIRM_DAYS = 2
    old = timezone.now() - datetime.timedelta(days=2, minutes=1)
    stale = subscriber("stale@example.org", confirmed=False)
    fresh = subscriber("fresh@example.org", confirmed=False)
    kept = subscriber("kept@example.org")
    Subscriber.objects.filter(pk__in=[stale.pk, kept.pk]).update(created_at=old)
    assert delete_unconfirmed_task() == 1
    assert set(Subscriber.objects.values_list("email", flat=True)) == {
        fresh.email,
        kept.email,
    }


# --- delivery at release --------------------------------------------------------------------


@pytest.fixture
def not_delivering():
    """Delivery at release switched off, to drive the batches by hand."""
    outbox.unregister_effect("subscriptions")
    yield
    signal_handlers.connect()


@pytest.fixture
def delivering():
    """Registered as newsroom's signal_handlers.connect() registers it."""
    registered = "subscriptions" in outbox.registered_effects()
    if not registered:
        signal_handlers.connect()
    yield
    if not registered:
        outbox.unregister_effect("subscriptions")


@pytest.fixture
def scheduled(site, governments):
    statement, drafter, approvers = factories.ready_for_release(
        site["newsrooms"]["en"],
        governments,
        lead=governments["CA"],
        title=TITLE,
        slug="monitoring-report",
        body=[("paragraph", f"<p>{SENTENCE}</p>")],
    )
    release = ScheduleReleaseAction(statement, drafter).execute()
    return statement, drafter, release


def release_now(release, capture):
    Release.objects.filter(pk=release.pk).update(
        release_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    with capture(execute=True):
        outcome = ReleaseStatementAction(release.pk).execute()
    assert outcome.state == "released"
    return outcome


def test_each_subscriber_gets_the_released_statement_once_in_their_language(
    delivering, scheduled, django_capture_on_commit_callbacks
):
    statement, _drafter, release = scheduled
    english = subscriber("en@example.org", "en")
    french = subscriber("fr@example.org", "fr", governments=["FR"])
    subscriber("ja@example.org", "ja", statement_types=["joint_statement"])
    subscriber("de@example.org", "de")
    subscriber("elsewhere@example.org", "en", governments=["US"])
    subscriber("readouts@example.org", "en", statement_types=["readout"])
    subscriber("unconfirmed@example.org", "en", confirmed=False)
    mail.outbox.clear()

    # Before the release nothing goes out, whoever asks.
    assert deliver_release_task(release.pk) == 0
    assert deliver_batch_task(release.pk, [english.pk, french.pk]) == 0
    assert mail.outbox == [] and not Delivery.objects.exists()

    release_now(release, django_capture_on_commit_callbacks)
    received = {m.to[0]: m for m in mail.outbox}
    assert set(received) == {"en@example.org", "fr@example.org", "ja@example.org", "de@example.org"}

    assert received["en@example.org"].subject == f"Joint statement: {TITLE}"
    assert SENTENCE in received["en@example.org"].body
    assert "[fr]" in received["fr@example.org"].body and SENTENCE in received["fr@example.org"].body
    assert "[ja]" in received["ja@example.org"].body
    assert "[ja]" in received["ja@example.org"].subject
    german_body = received["de@example.org"].body
    # Marked, in the subscriber's language, before the statement in its own.
    note, title = german_body.split("\n\n")[:2]
    assert "Deutsch" in note and "Englisch" in note and title == TITLE
    assert SENTENCE in german_body and "[fr]" not in german_body

    versions = {
        p.locale.language_code: p.pk
        for p in StatementPage.objects.filter(translation_key=statement.translation_key)
    }
    deliveries = {d.subscriber.email: d for d in Delivery.objects.select_related("subscriber")}
    assert deliveries["fr@example.org"].page_id == versions["fr"]
    assert deliveries["de@example.org"].page_id == versions["en"]
    assert all(d.sent_at for d in deliveries.values())
    assert " TU" in received["fr@example.org"].body  # UTC, as French writes it
    assert "JST" in received["ja@example.org"].body

    for address, message in received.items():
        unsubscribe = message.extra_headers["List-Unsubscribe"]
        assert re.fullmatch(r"<http://testserver/\w+/subscribe/unsubscribe/\S+/>", unsubscribe)
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        # The release line, in the language of the version sent.
        sent = StatementPage.objects.get(pk=deliveries[address].page_id)
        assert sent.release_line in message.body
        assert "/subscribe/manage/" in message.body
        html, mimetype = message.alternatives[0]
        assert mimetype == "text/html" and TITLE.split()[0] in html
        assert address in message.to

    # Any later run, by any path, sends nothing again.
    assert deliver_release_task(release.pk) == 0
    every = list(Subscriber.objects.values_list("pk", flat=True))
    assert deliver_batch_task(release.pk, every) == 0
    statement_released.send(sender=Release, release=release, pages=[])
    assert len(mail.outbox) == 4
    assert Delivery.objects.count() == 4

    # The unsubscribe header works with a mail client's one-click POST.
    header = received["en@example.org"].extra_headers["List-Unsubscribe"].strip("<>")
    Client(enforce_csrf_checks=True).post(
        path_of(header),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert not Subscriber.objects.filter(email="en@example.org").exists()
    assert not Delivery.objects.filter(pk=deliveries["en@example.org"].pk).exists()


class FlakyBackend(EmailBackend):
    """Fails once for one address, as a mail server that is briefly unavailable."""

    fail_for = set()

    def send_messages(self, messages):
        for message in messages:
            if message.to[0] in self.fail_for:
                self.fail_for.discard(message.to[0])
                raise smtplib.SMTPServerDisconnected("connection lost")
        return super().send_messages(messages)


def test_a_retried_batch_sends_nobody_twice(
    scheduled, settings, django_capture_on_commit_callbacks, not_delivering
):
    _statement, _drafter, release = scheduled
    first, second, third = (subscriber(f"{n}@example.org") for n in ("one", "two", "three"))
    release_now(release, django_capture_on_commit_callbacks)  # not connected: nothing sent
    assert not Delivery.objects.exists()
    mail.outbox.clear()

    settings.EMAIL_BACKEND = "tests.newsroom.test_subscriptions.FlakyBackend"
    FlakyBackend.fail_for = {"two@example.org"}
    ids = [first.pk, second.pk, third.pk]
    with pytest.raises(smtplib.SMTPException):
        deliver_batch(release.pk, ids)
    assert [m.to for m in mail.outbox] == [["one@example.org"]]
    assert list(Delivery.objects.values_list("subscriber__email", flat=True)) == ["one@example.org"]
    # The retry sends the rest, and the first one not again.
    assert deliver_batch(release.pk, ids) == 2
    assert sorted(m.to[0] for m in mail.outbox) == [
        "one@example.org",
        "three@example.org",
        "two@example.org",
    ]

    # Through Celery: the task retries by itself.
    fourth = subscriber("four@example.org")
    FlakyBackend.fail_for = {"four@example.org"}
    result = deliver_batch_task.apply(args=(release.pk, [fourth.pk]), throw=False)
    assert result.get() == 1
    assert len(to("four@example.org")) == 1


def test_a_dropped_language_released_later_goes_to_its_subscribers_only(
    delivering, scheduled, governments, django_capture_on_commit_callbacks
):
    from statements.actions.scheduling import CancelReleaseAction
    from statements.actions.translation import DropLanguageAction

    statement, drafter, release = scheduled
    CancelReleaseAction(release, drafter).execute()
    DropLanguageAction(statement, drafter, "ja", "Tokyo publishes on Monday").execute()
    release = ScheduleReleaseAction(statement, drafter).execute()
    subscriber("en@example.org", "en")
    subscriber("ja@example.org", "ja")
    mail.outbox.clear()

    release_now(release, django_capture_on_commit_callbacks)
    first = {m.to[0]: m for m in mail.outbox}
    assert set(first) == {"en@example.org", "ja@example.org"}
    note = first["ja@example.org"].body.split("\n\n")[0]
    assert "日本語" in note and "英語" in note

    late = ScheduleReleaseAction(
        statement,
        drafter,
        release_at=timezone.now() + datetime.timedelta(hours=1),
        language_code="ja",
    ).execute()
    mail.outbox.clear()
    release_now(late, django_capture_on_commit_callbacks)
    [message] = mail.outbox
    assert message.to == ["ja@example.org"]
    assert message.body.startswith("[ja] ")  # the title, with no note before it


def test_a_subscriber_can_export_what_was_sent_and_erase_it(
    delivering, client, scheduled, django_capture_on_commit_callbacks
):
    _statement, _drafter, release = scheduled
    row = subscriber("reader@example.org", "fr")
    release_now(release, django_capture_on_commit_callbacks)
    url = path_of(manage_url(row))
    data = json.loads(client.post(url, {"action": "export"}).content)
    [delivery] = data["deliveries"]
    assert delivery["language"] == "fr" and delivery["sent_at"]
    client.post(url, {"action": "erase"})
    assert not Subscriber.objects.exists()
    assert not Delivery.objects.exists()


# --- admin -----------------------------------------------------------------------------------


def test_only_superusers_list_and_export_subscribers(client, site):
    from django.contrib.auth.models import Permission

    subscriber("listed@example.org", "fr", governments=["CA"])
    list_url = "/admin/snippets/statements/subscriber/"

    editor = factories.drafter()
    editor.groups.get().permissions.add(
        *Permission.objects.filter(content_type__model="subscriber")
    )
    client.force_login(editor)
    for url in (list_url, list_url + "?export=csv"):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert b"listed@example.org" not in response.content

    admin = factories.UserFactory(username="admin", is_superuser=True, is_staff=True)
    client.force_login(admin)
    listing = client.get(list_url)
    assert listing.status_code == 200
    assert "listed@example.org" in listing.content.decode()
    export = client.get(list_url + "?export=csv")
    assert export.status_code == 200
    assert export["Content-Type"].startswith("text/csv")
    assert 'filename="subscribers.csv"' in export["Content-Disposition"]
    content = b"".join(export.streaming_content) if export.streaming else export.content
    rows = list(csv.reader(io.StringIO(content.decode())))
    assert rows[1][0] == "listed@example.org" and rows[1][1] == "fr"
