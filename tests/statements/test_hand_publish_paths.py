"""No admin URL publishes or unpublishes a statement by hand: proven by walking them all.

Every admin URL pattern (Wagtail's, wagtail-localize's, ours) is built with the ids of a
released statement, its translation, an unreleased statement in sign-off and its
translation, and POSTed as a superuser: with a plausible form where we know the view,
and with an empty and a forged one everywhere. After each request, every statement page
in every locale must be exactly as live as before (same ``live``, same live revision,
no new live page). Each request runs in a savepoint that is rolled back, so one hole
cannot hide another, and wagtail-localize's ``on_commit`` publishes are run.
"""

import copy
import itertools
import re

import pytest
from django.contrib.auth import get_user_model
from django.db import DatabaseError, transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from wagtail.models import Locale, TaskState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.models import StringSegment, Translation

from statements.actions.release import ReleaseStatementAction
from statements.actions.scheduling import ScheduleReleaseAction
from statements.models import Approval, Release, StatementPage
from tests import factories

pytestmark = pytest.mark.django_db

# Parameters that name a page or something of one: the URL is tried for each page.
PAGE_PARAMS = {
    "page_id",
    "parent_page_id",
    "page_to_move_id",
    "page_pk",
    "object_id",
    "destination_id",
    "revision_id",
    "task_state_id",
    "translation_id",
    "translation_source_id",
    "string_segment_id",
    "overridable_segment_id",
    "release_id",
    "approval_id",
}
# Parameters that name no statement: any existing or missing id will do, since a view
# about an image, a user or a redirect cannot change a page's liveness through it.
OTHER_PARAMS = {
    "pk": ["1"],
    "image_id": ["1"],
    "document_id": ["1"],
    "doc_id": ["1"],
    "collection_id": ["1"],
    "redirect_id": ["1"],
    "invitation_id": ["1"],
    "session_id": ["1"],
    "uploaded_file_id": ["1"],
    "task_id": ["1"],
    "workflow_pk": ["1"],
    "workflow_state_id": ["1"],
    "filter_spec": ["original"],
    "app_name": ["statements"],
    "mode": [""],
    "code": ["ca", "fr"],
    "language_code": ["fr"],
    "file_format": ["xliff", "po"],
    "uidb64": ["MQ"],
    "token": ["forged"],
    "content_type_app_name": ["statements"],
    "content_type_model_name": ["statementpage"],
    "app_label": ["wagtailcore", "statements"],
    "model_name": ["page", "statementpage"],
    "action": ["publish", "unpublish", "delete", "move"],
}
MODELS = {("wagtailcore", "page"), ("statements", "statementpage")}


def admin_patterns(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from admin_patterns(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            route = prefix + str(entry.pattern)
            if route.lstrip("^").startswith("admin/"):
                yield route


def params_of(route):
    return re.findall(r"<(?:\w+:)?(\w+)>", route) + re.findall(r"\(\?P<(\w+)>", route)


def build(route, values):
    url = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), route)
    url = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: str(values[m.group(1)]), url)
    return "/" + url.replace("^", "").replace("$", "").replace("\\.", ".")


class World:
    """The statements the walk is done against, and the ids each URL needs."""

    def __init__(self, site_tree, governments):
        newsroom = site_tree["newsrooms"]["en"]
        self.newsrooms = site_tree["newsrooms"]
        released, drafter, _approvers = factories.ready_for_release(
            newsroom, {"CA": governments["CA"], "FR": governments["FR"]}, slug="released"
        )
        release = ScheduleReleaseAction(released, drafter).execute()
        Release.objects.filter(pk=release.pk).update(release_at=timezone.now())
        ReleaseStatementAction(release.pk).execute()
        unreleased = factories.make_statement(
            newsroom,
            [governments["CA"], governments["FR"]],
            lead=governments["CA"],
            publish=False,
            user=drafter,
            slug="unreleased",
        )
        factories.submit_for_signoff(unreleased, drafter)
        self.pages, self.values = [], {}
        for statement in (released, unreleased):
            statement = StatementPage.objects.get(pk=statement.pk)
            self.pages += [statement, statement.get_translation(factories.locale("fr")).specific]
        assert self.pages[0].live and self.pages[1].live
        assert not self.pages[2].live and not self.pages[3].live

    def page_values(self, page):
        """The ids for ``page`` (the same for every route: each request is rolled back)."""
        if page.pk not in self.values:
            self.values[page.pk] = self._page_values(page)
        return self.values[page.pk]

    def _page_values(self, page):
        source = page if not page.is_translation else self.pages[self.pages.index(page) - 1]
        translation = Translation.objects.filter(
            source__object_id=source.translation_key, target_locale__language_code="fr"
        ).first()
        segment = StringSegment.objects.filter(source=translation.source).first()
        task_state = TaskState.objects.filter(
            workflow_state__object_id=str(source.pk), status="in_progress"
        ).first()
        other = self.newsrooms["fr" if page.locale.language_code == "en" else "en"]
        return {
            "page_id": [page.pk],
            "page_to_move_id": [page.pk],
            "page_pk": [page.pk],
            "object_id": [page.pk],
            "parent_page_id": [page.get_parent().pk],
            "destination_id": [other.pk],
            "pk": [page.pk],
            "revision_id": [page.live_revision_id or page.latest_revision_id],
            "revision_id_a": ["earliest"],
            "revision_id_b": ["latest"],
            "task_state_id": [task_state.pk if task_state else 0],
            "action_name": ["approve", "sign-off-ca", "sign-off-fr", "reject"],
            "translation_id": [translation.pk],
            "translation_source_id": [translation.source_id],
            "string_segment_id": [segment.pk],
            "overridable_segment_id": [segment.pk],
            "release_id": list(
                Release.objects.filter(statement_id=source.pk).values_list("pk", flat=True)
            )
            or [0],
            "approval_id": list(
                Approval.objects.filter(page_id=source.pk).values_list("pk", flat=True)
            )
            or [0],
        }

    def urls(self, route):
        """Every URL to try for ``route``, with the page it is about (or None)."""
        names = params_of(route)
        pages = self.pages if PAGE_PARAMS & set(names) or "pk" in names else [None]
        if "<int:pk>" in route and "pages/" not in route:
            pages = [None]  # a snippet's, a user's or a workflow's own id
        if "bulk/" in route:
            pages = self.pages  # the pages go in the query string
        for page in pages:
            values = self.page_values(page) if page is not None else {}
            choices = []
            for name in names:
                if name in values:
                    choices.append(values[name])
                elif name in OTHER_PARAMS:
                    choices.append(OTHER_PARAMS[name])
                else:
                    raise LookupError(f"the walk does not know the parameter {name!r} of {route}")
            for combination in itertools.product(*choices):
                chosen = dict(zip(names, combination, strict=True))
                if (
                    "app_label" in chosen
                    and (chosen["app_label"], chosen["model_name"]) not in MODELS
                ):
                    continue
                yield build(route, chosen), page


def edit_form(page, slug=None):
    return nested_form_data(
        {
            "title": page.title,
            "slug": slug or page.slug,
            "statement_type": page.statement_type,
            "dateline": page.dateline,
            "summary": page.summary,
            "lead_government": page.lead_government_id,
            "signatories": inline_formset(
                [{"government": s.government_id} for s in page.signatories.all()]
            ),
            "body": streamfield([("paragraph", rich_text("<p>Words.</p>"))]),
            "related_links": inline_formset([]),
            "contacts": inline_formset([]),
            "topics": inline_formset([]),
            "comments": inline_formset([]),
            "release_at": "",
            "release_timezone": "",
            "action-publish": "action-publish",
        }
    )


def bodies(url, page, world):
    """The forms to POST: empty, forged (every publish switch on), and plausible ones."""
    locales = list(Locale.objects.values_list("pk", flat=True))
    forged = {
        "action-publish": "action-publish",
        "action-submit": "action-submit",
        "action": "publish",
        "publish": "on",
        "publish_translations": "on",
        "publish_copies": "on",
        "include_descendants": "on",
        "include_subtree": "on",
        "locales": locales,
        "new_title": "Forged copy",
        "new_slug": "forged-copy",
        "new_parent_page": world.newsrooms["en"].pk,
        "move_applies_to_descendants": "on",
        "revision_id": page.latest_revision_id if page else "",
        "comment": "",
    }
    yield "empty", url, {}
    yield "forged", url, forged
    if "/bulk/" in url:
        query = f"{url}?id={page.pk}"
        yield "bulk", query, {"include_descendants": "", "chooser": world.newsrooms["fr"].pk}
        return
    if page is None:
        return
    if url.endswith(("/edit/", "/revert/")):
        yield "edit form", url, edit_form(page)
    if "/pages/add/" in url:
        yield "add form", url, edit_form(page, slug="added-by-hand")
    if "/localize/submit/page/" in url:
        italian = factories.locale("it").pk
        yield "submit into Italian", url, {"locales": [italian]}


def liveness():
    return {
        pk: (live, live_revision_id)
        for pk, live, live_revision_id in StatementPage.objects.order_by("pk").values_list(
            "pk", "live", "live_revision_id"
        )
    }


def changed(before, after):
    """What differs, ignoring new pages that are not live (drafts are fine)."""
    diff = {}
    for pk in set(before) | set(after):
        was, now = before.get(pk), after.get(pk)
        if (was is None and not now[0]) or (now is None and not was[0]):
            continue  # a new draft, or an unreleased page deleted: nothing public
        if was != now:
            diff[pk] = (was, now)
    return diff


def walk(world, user, django_capture_on_commit_callbacks, only=None):
    """POST everywhere; return the requests that changed a statement's liveness."""
    client = Client(raise_request_exception=False)
    # One sign-in, and every request starts from it: the session row it made is put
    # back by each request's rollback, and the client's cookies are put back here (a
    # request that signs out, or cycles the session key, changes nothing for the next).
    client.force_login(user)
    signed_in = copy.deepcopy(client.cookies)
    found, seen = [], set()
    for route in admin_patterns():
        if only is not None and not only(route):
            continue
        for url, page in world.urls(route):
            for name, target, data in bodies(url, page, world):
                if (target, name) in seen:
                    continue  # a gate and the view behind it share their URL
                seen.add((target, name))
                client.cookies = copy.deepcopy(signed_in)
                before = liveness()
                with transaction.atomic():
                    try:
                        with django_capture_on_commit_callbacks(execute=True):
                            client.post(target, data)
                        after = liveness()
                    except DatabaseError:
                        after = before  # a broken transaction committed nothing
                    transaction.set_rollback(True)
                if diff := changed(before, after):
                    found.append(f"POST {target} ({name}): {diff}")
    return found


@pytest.fixture
def world(site_tree, governments, django_capture_on_commit_callbacks):
    factories.locale("it")
    with django_capture_on_commit_callbacks(execute=True):
        return World(site_tree, governments)


@pytest.fixture
def root(db):
    return get_user_model().objects.create_superuser("root", "root@example.org", "pass")


def test_no_admin_post_changes_whether_a_statement_is_live(
    world, root, django_capture_on_commit_callbacks
):
    found = walk(world, root, django_capture_on_commit_callbacks)
    assert found == [], "\n".join(found)


def test_the_walk_finds_a_new_hand_publish_url(
    world, root, settings, django_capture_on_commit_callbacks
):
    """Control: an admin URL that publishes, added without a gate, is reported."""
    settings.ROOT_URLCONF = "tests.statements.hand_publish_urls"
    found = walk(
        world, root, django_capture_on_commit_callbacks, only=lambda r: "hand-publish" in r
    )
    assert found and all("/admin/hand-publish/" in line for line in found)


def test_the_walk_knows_every_parameter(world):
    """A new URL parameter must be taught to the walk, or the walk would skip its URL."""
    for route in admin_patterns():
        assert list(world.urls(route)), route
