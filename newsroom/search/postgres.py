"""The search backend for PostgreSQL: each row matched in its own language's configuration.

Wagtail's PostgreSQL backend fixes one configuration per backend and searches its own
index; here the vector, the ranking and the headline are built per row from the live
statement text, in SQL, so the page of results costs two queries.
"""

from django.conf import settings
from django.db.models import Case, CharField, F, FloatField, Func, Q, TextField, Value, When
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .languages import UNSEGMENTED_CODES, is_unsegmented, text_search_config
from .results import SearchResults
from .snippets import snippet
from .text import NON_TEXT_BLOCKS, RICH_TEXT_BLOCKS

# pg_trgm word similarity from which a Japanese or Korean row matches even though the
# query is not a substring of it (a variant spelling, a typo). Substrings always match.
TRIGRAM_THRESHOLD = 0.6

# Private-use characters: the highlight markers ts_headline puts around a match, and
# the stand-ins for "<" and ">" (PostgreSQL's parser would take "<script>" typed in a
# statement for a tag and drop the words after it). Removed from the text first.
_MARK_START, _MARK_END, _LT, _GT = "\ue000", "\ue001", "\ue002", "\ue003"
_MARKERS = _MARK_START + _MARK_END + _LT + _GT
_MARKER_HTML = ((_MARK_START, "<mark>"), (_MARK_END, "</mark>"), (_LT, "&lt;"), (_GT, "&gt;"))


def _headline_html(headline):
    """ts_headline's output made safe: escape it all, then turn the markers into tags."""
    safe = str(escape(headline))
    for marker, tag in _MARKER_HTML:
        safe = safe.replace(marker, tag)
    return mark_safe(safe)  # noqa: S308 - escaped above; only our own tags added


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
        unsegmented = Q(locale__language_code__iregex=UNSEGMENTED_CODES)
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
                snippets[page.pk] = snippet(text, self.required, page.search_language)
            else:
                snippets[page.pk] = _headline_html(page.search_headline)
        return self._results(pages, snippets)


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
