"""Searching released statements, in each language, with highlighted snippets.

Wagtail's search backends keep one text-search configuration per backend and do not
highlight, and their index is filled by a background task from whatever the row
held at the time. Search here reads the live statement rows themselves, so it finds
exactly what the public can read, and chooses the configuration per row:

- PostgreSQL: ``to_tsvector``/``websearch_to_tsquery`` with the row language's
  configuration (English, French, German, ... stemming; 'simple' for a language
  PostgreSQL has no configuration for), ranked with ``ts_rank`` and highlighted with
  ``ts_headline``. Japanese, Korean and Chinese are not split into words by any
  configuration, so their rows match by substring or by ``pg_trgm`` word similarity.
- SQLite (a laptop): case-insensitive substring matching, done in Python.

Only released statements are searched (``StatementPage.objects.for_listing``): an
unreleased statement or translation adds nothing, not even to a count. A statement
without a version in the searched language is searched, and shown, in the language
it was first written in, as the newsroom lists it.

Snippets are HTML-safe: the source text is escaped first and only then are the
``<mark>`` tags added, from private-use markers that cannot occur in the text.
"""

import datetime
import html
import json
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection
from django.db.models import Case, CharField, F, FloatField, Func, Q, TextField, Value, When
from django.utils.functional import cached_property
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.blocks import RichTextBlock
from wagtail.embeds.blocks import EmbedBlock

from statements.blocks import StatementBodyBlock
from statements.models import StatementPage
from statements.models.site_pages import listing_entries

MAX_QUERY_LENGTH = 200
PAGE_SIZE = 10

# PostgreSQL's built-in text-search configurations (PostgreSQL 14+, as Django 5.2
# requires), by language code. Any other language is searched with 'simple': no
# stemming and no stop words, but exact words still match.
TEXT_SEARCH_CONFIGS = {
    "ar": "arabic",
    "ca": "catalan",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "eu": "basque",
    "fi": "finnish",
    "fr": "french",
    "ga": "irish",
    "hi": "hindi",
    "hu": "hungarian",
    "hy": "armenian",
    "id": "indonesian",
    "it": "italian",
    "lt": "lithuanian",
    "nb": "norwegian",
    "ne": "nepali",
    "nl": "dutch",
    "nn": "norwegian",
    "no": "norwegian",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sr": "serbian",
    "sv": "swedish",
    "ta": "tamil",
    "tr": "turkish",
    "yi": "yiddish",
}
# Written without spaces between words: matched by substring and trigrams.
UNSEGMENTED_LANGUAGES = {"ja", "ko", "zh"}
_UNSEGMENTED_CODES = r"^({})([-_]|$)".format("|".join(sorted(UNSEGMENTED_LANGUAGES)))
# pg_trgm word similarity from which a Japanese or Korean row matches even though the
# query is not a substring of it (a variant spelling, a typo). Substrings always match.
TRIGRAM_THRESHOLD = 0.6

# Private-use characters: the highlight markers ts_headline puts around a match, and
# the stand-ins for "<" and ">" (PostgreSQL's parser would take "<script>" typed in a
# statement for a tag and drop the words after it). Removed from the text first.
_MARK_START, _MARK_END, _LT, _GT = "\ue000", "\ue001", "\ue002", "\ue003"
_MARKERS = _MARK_START + _MARK_END + _LT + _GT
_MARKER_HTML = ((_MARK_START, "<mark>"), (_MARK_END, "</mark>"), (_LT, "&lt;"), (_GT, "&gt;"))

_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_WHITESPACE = re.compile(r"\s+")
_TERMS = re.compile(r'(-?)"([^"]+)"|(\S+)')
_MIN_DATE = datetime.date.min
_MIN_TIME = datetime.datetime.min.replace(tzinfo=datetime.UTC)


def _base_language(language_code):
    return (language_code or "").split("-")[0].split("_")[0].lower()


def text_search_config(language_code):
    """The PostgreSQL text-search configuration for a language ('simple' if none)."""
    return TEXT_SEARCH_CONFIGS.get(_base_language(language_code), "simple")


def is_unsegmented(language_code):
    return _base_language(language_code) in UNSEGMENTED_LANGUAGES


# --- queries --------------------------------------------------------------------------
def clean_query(raw):
    """The query to search for, and a message for the reader when there is none.

    Control characters are dropped (PostgreSQL refuses NUL) and whitespace collapsed.
    """
    query = _WHITESPACE.sub(" ", _CONTROL_CHARACTERS.sub("", raw or "")).strip()
    if not query:
        return "", _("Enter one or more words to search for.")
    if len(query) > MAX_QUERY_LENGTH:
        return query, _("Your search is too long. Use at most %(limit)s characters.") % {
            "limit": MAX_QUERY_LENGTH
        }
    return query, None


def parse_terms(query):
    """Words and "quoted phrases" to find, and those after a minus sign to exclude.

    The substring matcher's reading of the query, close to what PostgreSQL's
    ``websearch_to_tsquery`` understands (an "or" between words is taken as a word).
    """
    required, excluded = [], []
    for match in _TERMS.finditer(query):
        minus, phrase, word = match.groups()
        if phrase is not None:
            term, negated = phrase.strip(), bool(minus)
        else:
            negated = word.startswith("-") and len(word) > 1
            term = word[1:] if negated else word
            term = term.strip('"')
        if term:
            (excluded if negated else required).append(term)
    return required, excluded


# --- the text of a statement ----------------------------------------------------------
def _body_block_kinds():
    """Top-level body block names holding rich text (HTML) and those holding no text."""
    children = StatementBodyBlock().child_blocks
    rich = [name for name, block in children.items() if isinstance(block, RichTextBlock)]
    skipped = [name for name, block in children.items() if isinstance(block, EmbedBlock)]
    return rich, skipped


RICH_TEXT_BLOCKS, NON_TEXT_BLOCKS = _body_block_kinds()


def _strings(value):
    """Every string in a block's raw value, except block types and ids."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in ("type", "id"):
                yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def body_text(body):
    """The reader-visible text of a statement body, as plain text.

    Works on the raw stored data, so no image or document is loaded. Rich text is
    stripped of its tags and entities; other text is taken as it is.
    """
    raw = getattr(body, "raw_data", body) or []
    if isinstance(raw, str):
        raw = json.loads(raw)
    parts = []
    for item in raw:
        if not isinstance(item, dict) or item.get("type") in NON_TEXT_BLOCKS:
            continue
        value = item.get("value")
        if item.get("type") in RICH_TEXT_BLOCKS and isinstance(value, str):
            parts.append(html.unescape(strip_tags(value.replace("<", " <"))))
        else:
            parts.extend(_strings(value))
    return _WHITESPACE.sub(" ", " ".join(parts)).strip()


def search_text(page):
    """Everything search reads of a statement: title, summary, dateline and body."""
    return " ".join(
        part for part in (page.title, page.summary, page.dateline, body_text(page.body)) if part
    )


# --- highlighting in Python (SQLite, and Japanese/Korean on PostgreSQL) -------------
def _spans(text, terms):
    found = []
    for term in sorted(set(terms), key=len, reverse=True):
        for match in re.finditer(re.escape(term), text, re.IGNORECASE):
            found.append((match.start(), match.end()))
    found.sort()
    merged = []
    for start, end in found:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text, terms, before=80, length=260):
    """An HTML-safe excerpt of ``text`` around the first term found, terms in <mark>."""
    spans = _spans(text, terms)
    start = 0
    if spans and spans[0][0] > before:
        start = spans[0][0] - before
        space = text.find(" ", start, spans[0][0])
        start = space + 1 if space != -1 else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", max(start, spans[0][1] if spans else start), end)
        end = space if space > start else end
    pieces = ["… " if start else ""]
    position = start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        pieces.append(escape(text[position:span_start]))
        pieces.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        position = span_end
    pieces.append(escape(text[position:end]))
    pieces.append(" …" if end < len(text) else "")
    return mark_safe("".join(pieces))  # noqa: S308 - every piece of text is escaped


def _snippet(text, terms, language_code):
    """A shorter excerpt in languages whose characters each carry more meaning."""
    if is_unsegmented(language_code):
        return highlight(text, terms, before=30, length=120)
    return highlight(text, terms)


def _headline_html(headline):
    """ts_headline's output made safe: escape it all, then turn the markers into tags."""
    safe = str(escape(headline))
    for marker, tag in _MARKER_HTML:
        safe = safe.replace(marker, tag)
    return mark_safe(safe)  # noqa: S308 - escaped above; only our own tags added


# --- results ------------------------------------------------------------------------------
@dataclass
class SearchResult:
    page: StatementPage
    snippet: SafeString
    is_fallback: bool
    languages: list = field(default_factory=list)


class SearchResults:
    """Matching statements, best first, sliced lazily (so a Paginator can page them)."""

    def __init__(self, query, locale, filters=None):
        self.query = query
        self.locale = locale
        self.filters = filters
        self.required, self.excluded = parse_terms(query)

    def candidates(self):
        """Released statements of this language (or its fallback), filtered."""
        if not self.required:  # only exclusions: nothing asked for, nothing found
            return StatementPage.objects.none()
        listing = StatementPage.objects.for_listing(self.locale)
        if self.filters is not None:
            listing = self.filters.apply(listing)
        return StatementPage.objects.filter(pk__in=listing.values("pk"))

    def count(self):
        raise NotImplementedError

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        raise NotImplementedError

    def _results(self, pages, snippets):
        entries = listing_entries(pages, self.locale)
        return [
            SearchResult(
                page=entry["page"],
                snippet=snippets[entry["page"].pk],
                is_fallback=entry["is_fallback"],
                languages=entry["languages"],
            )
            for entry in entries
        ]


class SubstringSearchResults(SearchResults):
    """Case-insensitive substring matching in Python: the database backend on SQLite.

    One query reads the candidates' text; a second loads the statements of the
    page of results asked for.
    """

    @cached_property
    def _matches(self):
        rows = self.candidates().values_list(
            "pk",
            "title",
            "summary",
            "dateline",
            "body",
            "display_date",
            "first_published_at",
            "locale__language_code",
        )
        required = [t.casefold() for t in self.required]
        excluded = [t.casefold() for t in self.excluded]
        matches = []
        for pk, title, summary, dateline, body, display_date, published, language in rows:
            text = " ".join(p for p in (summary, body_text(body)) if p)
            haystack = f"{title} {dateline} {text}".casefold()
            if any(t in haystack for t in excluded) or not all(t in haystack for t in required):
                continue
            score = sum(
                (3 if t in title.casefold() else 0) + (2 if t in summary.casefold() else 0) + 1
                for t in required
            )
            matches.append(
                (score, display_date or _MIN_DATE, published or _MIN_TIME, pk, text, language)
            )
        matches.sort(key=lambda m: m[:3], reverse=True)
        return matches

    def count(self):
        return len(self._matches)

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0]
        chosen = self._matches[key]
        pages = StatementPage.objects.filter(pk__in=[m[3] for m in chosen]).select_related("locale")
        by_pk = {page.pk: page for page in pages}
        ordered = [by_pk[m[3]] for m in chosen if m[3] in by_pk]
        snippets = {m[3]: _snippet(m[4], self.required, m[5]) for m in chosen}
        return self._results(ordered, snippets)


class PostgresSearchResults(SearchResults):
    """Full-text search in PostgreSQL, each row with its own language's configuration.

    Two queries: the count, and the page of results with their headlines.
    """

    @cached_property
    def _queryset(self):
        languages = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        language = F("locale__language_code")
        config = Case(
            *(
                When(locale__language_code=code, then=Value(text_search_config(code)))
                for code in languages
                if text_search_config(code) != "simple"
            ),
            default=Value("simple"),
            output_field=CharField(),
        )
        unsegmented = Q(locale__language_code__iregex=_UNSEGMENTED_CODES)
        title, summary, dateline = (
            _PlainText(F(name)) for name in ("title", "summary", "dateline")
        )
        body = _BodyText(F("body"))
        words = _Concat(summary, body)  # the snippet's source
        everything = _Concat(title, summary, dateline, body)

        vector = (
            _vector(title, config, "A")
            + _vector(summary, config, "B")
            + _vector(dateline, config, "C")
            + _vector(body, config, "C")
        )
        query = _search_query(self.query, config)

        substring = Q()
        for term in self.required:
            substring &= Q(search_words__icontains=term)
        for term in self.excluded:
            substring &= ~Q(search_words__icontains=term)
        by_ngrams = Q(search_similarity__gte=TRIGRAM_THRESHOLD)

        queryset = (
            self.candidates()
            .alias(
                search_words=everything,
                search_vector=vector,
                search_similarity=_TrigramWordSimilarity(Value(self.query), everything),
            )
            .filter(
                (unsegmented & (substring | by_ngrams)) | (~unsegmented & Q(search_vector=query))
            )
            .annotate(
                search_rank=Case(
                    When(unsegmented, then=F("search_similarity")),
                    default=_Rank(F("search_vector"), query),
                    output_field=FloatField(),
                ),
                search_headline=Case(
                    When(unsegmented, then=Value("")),
                    default=_headline(words, _any_term_query(self.query, config), config),
                    output_field=TextField(),
                ),
                search_plain=Case(
                    When(unsegmented, then=words), default=Value(""), output_field=TextField()
                ),
                search_language=language,
            )
            .select_related("locale")
            .order_by("-search_rank", "-display_date", "-first_published_at", "pk")
        )
        return queryset

    def count(self):
        return self._queryset.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0]
        pages = list(self._queryset[key])
        snippets = {}
        for page in pages:
            if is_unsegmented(page.search_language):
                text = page.search_plain.replace(_LT, "<").replace(_GT, ">")
                snippets[page.pk] = _snippet(text, self.required, page.search_language)
            else:
                snippets[page.pk] = _headline_html(page.search_headline)
        return self._results(pages, snippets)


def search_statements(query, locale, filters=None):
    """Released statements matching ``query``, for a reader of ``locale``'s language.

    ``query`` should come from :func:`clean_query`; ``filters`` is a
    :class:`~statements.models.pages.NewsroomFilters` (or None). The results can be
    counted and sliced; each is a :class:`SearchResult`.
    """
    if len(query) > MAX_QUERY_LENGTH:
        raise ValueError("query too long; check it with clean_query() first")
    if connection.vendor == "postgresql":
        return PostgresSearchResults(query, locale, filters)
    return SubstringSearchResults(query, locale, filters)


# --- SQL building blocks (PostgreSQL) ----------------------------------------------------
def _sql_string(value):
    return "'" + value.replace("'", "''") + "'"


def _clean_sql(sql):
    """SQL that removes our markers from a text and stands in for "<" and ">"."""
    return (
        f"replace(replace(translate({sql}, {_sql_string(_MARKERS)}, ''), '<', "
        f"{_sql_string(_LT)}), '>', {_sql_string(_GT)})"
    )


def _rich_text_sql(sql):
    """SQL turning stored rich text (HTML) into plain text, cleaned as above."""
    text = f"regexp_replace(translate({sql}, {_sql_string(_MARKERS)}, ''), '<[^>]*>', ' ', 'g')"
    for entity, character in (
        ("&lt;", _LT),
        ("&gt;", _GT),
        ("&quot;", '"'),
        ("&#x27;", "'"),
        ("&#39;", "'"),
        ("&nbsp;", " "),
        ("&amp;", "&"),
    ):
        text = f"replace({text}, {_sql_string(entity)}, {_sql_string(character)})"
    return text


def _in_list_sql(values):
    return ", ".join(_sql_string(v) for v in values) or "NULL"


class _PlainText(Func):
    output_field = TextField()
    template = _clean_sql("COALESCE(%(expressions)s, '')")


def _body_text_sql():
    """SQL for :class:`_BodyText`; built from constants only (block names, markers)."""
    rich = _rich_text_sql("item.value->>'value'")
    plain = _clean_sql("string.value #>> '{}'")
    strings = (
        'strict $.** ? (@.type() == "object").keyvalue()'
        ' ? (@.key != "type" && @.key != "id" && @.value.type() == "string").value'
    )
    # No value from a request reaches this SQL.
    return (
        "btrim(regexp_replace(COALESCE((SELECT string_agg(CASE"  # noqa: S608
        f" WHEN item.value->>'type' IN ({_in_list_sql(RICH_TEXT_BLOCKS)}) THEN {rich}"
        f" WHEN item.value->>'type' IN ({_in_list_sql(NON_TEXT_BLOCKS)}) THEN ''"
        f" ELSE (SELECT string_agg({plain}, ' ')"
        f" FROM jsonb_path_query(item.value, {_sql_string(strings)}) AS string(value))"
        " END, ' ' ORDER BY item.position)"
        " FROM (SELECT %(expressions)s AS body) AS stream,"
        " jsonb_array_elements(CASE WHEN jsonb_typeof(stream.body) = 'array'"
        " THEN stream.body ELSE '[]'::jsonb END) WITH ORDINALITY AS item(value, position)"
        "), ''), '[[:space:]]+', ' ', 'g'))"
    )


class _BodyText(Func):
    """The text of a StreamField body (jsonb), in block order, as :func:`body_text` reads it."""

    output_field = TextField()
    template = _body_text_sql()


class _Concat(Func):
    output_field = TextField()
    arg_joiner = " || ' ' || "
    template = "(%(expressions)s)"


class _TrigramWordSimilarity(Func):
    function = "word_similarity"
    output_field = FloatField()


class _Rank(Func):
    """ts_rank scaled into 0..1 (normalization 32), as trigram similarity is."""

    function = "ts_rank"
    output_field = FloatField()
    template = "%(function)s(%(expressions)s, 32)"


def _vector(expression, config, weight):
    from django.contrib.postgres.search import SearchVector

    return SearchVector(expression, config=config, weight=weight)


def _search_query(query, config):
    from django.contrib.postgres.search import SearchQuery

    return SearchQuery(query, search_type="websearch", config=config)


def _any_term_query(query, config):
    """The query with its ANDs turned into ORs, so the headline marks every term found
    even where no one passage holds them all."""
    from django.contrib.postgres.search import SearchConfig, SearchQueryField

    return Func(
        SearchConfig(config),
        Value(query),
        template="replace(websearch_to_tsquery(%(expressions)s)::text, ' & ', ' | ')::tsquery",
        output_field=SearchQueryField(),
    )


def _headline(text, query, config):
    from django.contrib.postgres.search import SearchHeadline

    return SearchHeadline(
        text,
        query,
        config=config,
        start_sel=_MARK_START,
        stop_sel=_MARK_END,
        max_words=35,
        min_words=15,
        max_fragments=2,
        fragment_delimiter=" … ",
    )
