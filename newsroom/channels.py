"""Every public channel through which a statement could be seen, in one registry.

Before its release a statement exists on none of them, in any language. The leak
test (tests/statements/test_embargo.py) iterates this registry and checks that a
statement's title, slug and a sentence of its body are absent from each channel
before the instant and present after it; a second test checks that every public URL
prefix of the site belongs to a channel here. A new public channel (a feed, the
API, search, the sitemap) joins the registry, or that test fails.

``urls(subject)`` gives the channel's URLs for one language of a subject statement.
``kind`` says how the test reads a URL: "page" (text must not appear) or "file" (the
URL must not be served at all).
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Channel:
    name: str
    kind: str  # "page" or "file"
    urls: callable
    # The public URL prefixes this channel serves from ("<lang>/" for every language).
    prefixes: tuple = field(default_factory=tuple)
    # What of the statement shows there once released: any of "title", "slug",
    # "sentence" (of the body) for pages; for files, that they are served. Empty for
    # channels that stay closed even after release (previews).
    shows_after: tuple = ("title", "slug")


def _statement_urls(subject):
    return [subject.statement_path]


def _newsroom_urls(subject):
    return [subject.newsroom_path, subject.newsroom_path + "?type=" + subject.statement_type]


def _home_urls(subject):
    return [subject.home_path]


def _linking_page_urls(subject):
    return [subject.linking_path] if subject.linking_path else []


def _document_urls(subject):
    return [subject.document_url] if subject.document_url else []


def _image_urls(subject):
    return subject.image_urls


def _feed_urls(subject):
    base = f"/{subject.language}/feeds/"
    return [base + "rss/", base + "atom/", base + "rss/?type=" + subject.statement_type]


def _search_urls(subject):
    words = subject.slug.replace("-", " ")
    return [
        f"/{subject.language}/search/?q={words.split()[0]}",
        f"/{subject.language}/search/?q={words}",
    ]


def _api_urls(subject):
    pages = "/api/v2/pages/"
    return [
        f"{pages}?type=statements.StatementPage&fields=*&locale={subject.language}",
        f"{pages}?type=statements.StatementPage&fields=*&search={subject.slug.split('-')[0]}"
        f"&locale={subject.language}",
    ]


def _sitemap_urls(subject):
    return ["/sitemap.xml"]


def _preview_urls(subject):
    return subject.preview_urls


CHANNELS = [
    Channel(
        "statement page",
        "page",
        _statement_urls,
        prefixes=("<lang>/",),
        shows_after=("title", "slug", "sentence"),
    ),
    Channel("newsroom listing", "page", _newsroom_urls, prefixes=("<lang>/",)),
    Channel("home page listing", "page", _home_urls, prefixes=("<lang>/",)),
    Channel("links from other pages", "page", _linking_page_urls, prefixes=("<lang>/",)),
    Channel(
        "RSS and Atom feeds",
        "page",
        _feed_urls,
        prefixes=("<lang>/",),
        shows_after=("title", "slug", "sentence"),
    ),
    Channel("search", "page", _search_urls, prefixes=("<lang>/",), shows_after=("title", "slug")),
    Channel(
        "Wagtail API v2",
        "page",
        _api_urls,
        prefixes=("api/",),
        shows_after=("title", "slug", "sentence"),
    ),
    Channel("sitemap", "page", _sitemap_urls, prefixes=("sitemap.xml",), shows_after=("slug",)),
    Channel(
        "attached documents",
        "file",
        _document_urls,
        prefixes=("documents/",),
        shows_after=("file",),
    ),
    Channel(
        "uploaded images and their renditions",
        "file",
        _image_urls,
        prefixes=("media/",),
        shows_after=("file",),
    ),
    Channel(
        "previews without admin access", "page", _preview_urls, prefixes=("admin/",), shows_after=()
    ),
]

# Public URL prefixes that are not channels for statements, and why.
NOT_CHANNELS = {
    "robots.txt": "fixed crawling rules and the sitemap's address; names no statement",
    "health/": "reports counts of overdue releases to staff only; never names a statement",
    "preview/": "embargoed previews: one signed, expiring, revocable link per named "
    "journalist, noindex; the leak test checks these links appear on no channel above",
}
