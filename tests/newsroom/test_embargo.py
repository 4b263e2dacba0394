"""The embargo: before its release a statement is on no public channel, in any language.

The test walks newsroom.channels.CHANNELS, the registry of public channels, for
every language; a second test makes sure no public URL prefix escapes the registry.
"""

import datetime
from dataclasses import dataclass, field

import pytest
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.urls import get_resolver
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from newsroom.channels import CHANNELS, NOT_CHANNELS
from statements.actions.release import ReleaseStatementAction
from statements.actions.scheduling import ScheduleReleaseAction
from statements.models import Release, StatementPage, StatementRelatedLink
from tests import factories

pytestmark = pytest.mark.django_db

SENTENCE = "The embargoed governments note a confidential finding."
TITLE = "Embargoed joint statement on maritime monitoring"
SLUG = "embargoed-maritime-monitoring"


@dataclass
class Subject:
    language: str
    statement_path: str
    newsroom_path: str
    home_path: str
    statement_type: str
    slug: str = SLUG
    linking_path: str = ""
    document_url: str = ""
    image_urls: list = field(default_factory=list)
    preview_urls: list = field(default_factory=list)


@pytest.fixture
def embargoed(governments):
    site = factories.build_site(languages=("en", "fr", "ja"))
    newsrooms = site["newsrooms"]
    document = get_document_model().objects.create(
        title="Annex on maritime monitoring",
        file=ContentFile(b"annex", name="embargoed-annex.txt"),
    )
    image = get_image_model().objects.create(
        title="Monitoring map", file=get_test_image_file(filename="embargoed-map.png")
    )
    statement, drafter, _approvers = factories.ready_for_release(
        newsrooms["en"],
        governments,
        lead=governments["CA"],
        title=TITLE,
        slug=SLUG,
        body=[
            ("paragraph", f"<p>{SENTENCE}</p>"),
            ("document", {"document": document, "title": "Annex"}),
            ("image", {"image": image, "alt_text": "A map", "caption": ""}),
        ],
    )
    for cache in caches.all():  # renditions are cached by image id, which tests reuse
        cache.clear()
    image_urls = [image.file.url, image.get_rendition("width-10").url]
    # An already released statement links to the embargoed one.
    linking = factories.make_statement(
        newsrooms["en"],
        [governments["CA"]],
        lead=governments["CA"],
        slug="earlier-statement",
        body=[
            (
                "paragraph",
                f'<p>See also <a linktype="page" id="{statement.pk}">the coming one</a>.</p>',
            )
        ],
    )
    link = StatementRelatedLink(
        page=linking, title=TITLE, link_page=statement, locale=linking.locale
    )
    link.save()
    pages = {
        p.locale.language_code: p
        for p in StatementPage.objects.filter(translation_key=statement.translation_key)
    }
    subjects = []
    for code, page in pages.items():
        subjects.append(
            Subject(
                language=code,
                statement_path=page.url,
                newsroom_path=f"/{code}/newsroom/",
                home_path=f"/{code}/",
                statement_type=statement.statement_type,
                linking_path="/en/newsroom/earlier-statement/" if code == "en" else "",
                document_url=document.url,
                image_urls=image_urls,
                preview_urls=[
                    f"/admin/pages/{page.pk}/edit/preview/",
                    f"/admin/pages/{page.pk}/view_draft/",
                ],
            )
        )
    return statement, drafter, subjects


def read(client, url):
    response = client.get(url)
    if response.status_code != 200:
        return response.status_code, ""
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    return 200, raw.decode(errors="replace")


@pytest.fixture(params=["uncached", "cached"])
def caching(request):
    """Once as the suite runs, once with public pages cached as outside tests: every
    channel read before the release primes the cache, and the release's after-commit
    purge must leave nothing of that behind."""
    if request.param == "cached":
        request.getfixturevalue("page_cache")
    return request.param == "cached"


def own_slug(subject):
    """Each language's address is made from its own title (statements/models/slugs.py)."""
    return subject.statement_path.rstrip("/").rsplit("/", 1)[-1]


def test_nothing_shows_before_release_and_everything_after(
    client, embargoed, caching, django_capture_on_commit_callbacks
):
    from statements.actions.previews import CreatePreviewLinkAction

    statement, drafter, subjects = embargoed
    assert {s.language for s in subjects} == {"en", "fr", "ja"}
    release = ScheduleReleaseAction(statement, drafter).execute()
    # An embargoed preview link exists, and must show on no public channel either.
    link = CreatePreviewLinkAction(statement, drafter, "A. Reporter", "a@example.org").execute()
    secrets = [link.token.split(":")[0], str(link.key), "/preview/"]
    checked = 0
    for subject in subjects:
        for channel in CHANNELS:
            for url in channel.urls(subject):
                status, body = read(client, url)
                where = f"{channel.name} {url} before release"
                if channel.kind == "file":
                    assert status == 404, where
                else:
                    for text in (TITLE, SLUG, own_slug(subject), SENTENCE, *secrets):
                        assert text not in body, f"{text!r} leaked on {where}"
                checked += 1
    assert checked >= 15

    Release.objects.filter(pk=release.pk).update(
        release_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    with django_capture_on_commit_callbacks(execute=caching):
        assert ReleaseStatementAction(release.pk).execute().state == "released"

    for subject in subjects:
        expected = {"title": TITLE, "slug": own_slug(subject), "sentence": SENTENCE}
        for channel in CHANNELS:
            for url in channel.urls(subject):
                status, body = read(client, url)
                where = f"{channel.name} {url} after release"
                if channel.kind == "file":
                    assert status == 200, where
                    continue
                if not channel.shows_after:
                    for text in expected.values():
                        assert text not in body, f"{text!r} shown on {where}"
                    continue
                assert status == 200, where
                for secret in secrets:
                    assert secret not in body, f"preview link shown on {where}"
                for key in channel.shows_after:
                    assert expected[key] in body, f"{key} missing on {where}"


def test_every_public_url_prefix_is_a_registered_channel():
    """A new public route (feed, API, sitemap, search) must join the registry."""
    covered = {prefix for channel in CHANNELS for prefix in channel.prefixes}
    covered |= set(NOT_CHANNELS)
    for pattern in get_resolver().url_patterns:
        prefix = str(pattern.pattern)
        # The first path segment names the route: "preview/<token>/" is "preview/".
        if "/" in prefix:
            prefix = prefix.split("/", 1)[0] + "/"
        if "LocalePrefixPattern" in type(pattern.pattern).__name__ or prefix in ("", "^"):
            prefix = "<lang>/"
        assert prefix in covered, f"public URL prefix {prefix!r} is not in newsroom.channels"
