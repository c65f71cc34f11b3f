"""Search of the published articles of one language, on the database's own full-text engine.

One API for the view: `search(language, text)`; the index follows every save and delete of
a version or a reference (the signals below). Each database searches with its own engine:

- PostgreSQL: full-text search on a SearchDocument per published version (a weighted
  tsvector, GIN-indexed), with the `french_unaccent` / `english_unaccent` configurations of
  migration 0013 (unaccent, then the Snowball stemmer), ranked by ts_rank, excerpts by
  ts_headline.
- SQLite: an FTS5 table (migration 0013) holding each published version's words folded (no
  accents, no case) and stemmed here in Python with Snowball, as FTS5 stems English only;
  ranked by bm25, excerpts cut here from the text.
"""

import html
import re
import unicodedata
from collections import deque
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

import snowballstemmer
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, TextField, Value
from django.db.models.signals import post_delete, post_save
from django.utils.safestring import mark_safe

from practice_site.richtext.care import without_help_box

from .models import ArticleVersion, Reference, SearchDocument

# One page of results; one more is fetched to tell the reader there were more.
RESULTS_SHOWN = 10
# Where an engine marks a matched word, in characters of Unicode's private use area (taken
# out of the texts): the excerpt is escaped as text first, then these become <mark> and </mark>.
MARK_START, MARK_END = "\ue000", "\ue001"
EXCERPT_WORDS = 30

SQLITE_TABLE = "articles_search_index"
# Weights of the columns in bm25 (language and excerpt source are not searched).
SQLITE_WEIGHTS = "0, 0, 10.0, 4.0, 1.0, 4.0"
POSTGRES_CONFIGURATIONS = {"fr": "french_unaccent", "en": "english_unaccent"}
STEMMERS = {"fr": "french", "en": "english"}

WORD = re.compile(r"\w+")
TAG = re.compile(r"<(/?)(\w*)[^>]*>")
# Tags that part the words around them; inline ones (a link, emphasis) do not: "(1979)".
BLOCKS = {
    "p",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "div",
    "figure",
    "figcaption",
    "table",
    "tr",
    "td",
    "th",
    "hr",
    "aside",
    "section",
}


@dataclass
class Result:
    version: ArticleVersion
    excerpt: str  # safe HTML: the text escaped, the matched words in <mark>


@dataclass
class Results:
    found: list
    more: bool  # more matches than shown


def search(language, text):
    """The published versions in `language` that match the words of `text`, best first."""
    engine = search_postgresql if connection.vendor == "postgresql" else search_sqlite
    found = engine(language, text, RESULTS_SHOWN + 1)
    return Results(found=found[:RESULTS_SHOWN], more=len(found) > RESULTS_SHOWN)


def marked(text):
    """`text`, with the engine's marks around matched words, as safe HTML."""
    escaped = html.escape(text, quote=False)
    return mark_safe(escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


def tag_space(match):
    return " " if match[2].lower() in BLOCKS else ""


def plain_text(body_html):
    """The words of a rendered body, without its tags (a tag parts two words) or the help box
    beside suicide, which is not hers and would be found for "urgence"."""
    body_html = without_help_box(body_html)
    return " ".join(html.unescape(TAG.sub(tag_space, body_html)).split())


def admin_search(articles, text):
    """The articles among `articles` (drafts included) whose every word of `text` appears,
    whatever its accents and case, in the author, a version's title, summary or text, or a
    reference's authors or title: the admin's search box on any database. Her library is a
    few hundred articles at most, so they are read once and matched here."""
    # Each word as the start of a word: "sean" finds « séance », "no" not « alliance ».
    words = [re.compile(rf"(?<!\w){re.escape(word)}") for word in fold(text).split()]
    if not words:
        return articles
    matching = []
    for article in articles.prefetch_related("versions", "references"):
        text = admin_search_text(article)
        if all(word.search(text) for word in words):
            matching.append(article.pk)
    return articles.filter(pk__in=matching)


def admin_search_text(article):
    parts = [article.author]
    for version in article.versions.all():
        parts += [version.title, version.summary, plain_text(version.body_html)]
    for reference in article.references.all():
        parts += [reference.authors, reference.title]
    return fold(" ".join(parts))


# PostgreSQL


def search_postgresql(language, text, limit):
    config = POSTGRES_CONFIGURATIONS[language]
    query = SearchQuery(text, config=config, search_type="websearch")
    documents = (
        SearchDocument.objects.filter(
            language=language, document=query, version__status=ArticleVersion.Status.PUBLISHED
        )
        .select_related("version")
        .annotate(
            rank=SearchRank(F("document"), query),
            headline=SearchHeadline(
                "text",
                query,
                config=config,
                start_sel=MARK_START,
                stop_sel=MARK_END,
                max_words=EXCERPT_WORDS,
                min_words=EXCERPT_WORDS // 2,
                max_fragments=1,
            ),
        )
        .order_by("-rank", "-version__published_at")[:limit]
    )
    return [
        Result(document.version, marked(html.unescape(document.headline))) for document in documents
    ]


def index_postgresql(version, source, authors):
    config = POSTGRES_CONFIGURATIONS[version.language]

    # Escaped, as PostgreSQL's parser reads "<script>" in a text as a tag, and skips what
    # follows it; an entity such as "&lt;" is no word to it.
    def weighted(text, weight):
        escaped = Value(html.escape(text, quote=False), output_field=TextField())
        return SearchVector(escaped, config=config, weight=weight)

    SearchDocument.objects.create(
        version_id=version.pk,
        language=version.language,
        text=html.escape(source, quote=False),
        document=weighted(version.title, "A")
        + weighted(version.summary, "B")
        + weighted(authors, "B")
        + weighted(plain_text(version.body_html), "C"),
    )


# SQLite


@lru_cache(maxsize=50_000)
def stem(word, language):
    """The stem of a folded word; cached, as Snowball in Python takes a few microseconds."""
    return snowballstemmer.stemmer(STEMMERS[language]).stemWord(word)


@lru_cache(maxsize=50_000)
def word_stem(word, language):
    """The stem of a word as written ("Thérapeutiques")."""
    return stem(fold(word), language)


def fold(text):
    """`text` without case or accents: « Thérapeutique » and "therapeutique" read alike."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def stems(text, language):
    return [stem(word, language) for word in WORD.findall(fold(text))]


def fts_query(text, language):
    """An FTS5 query of every stem of `text` (all of them must match), each quoted: whatever
    was typed (quotes, *, NEAR(, -, brackets) is a word, never the query's syntax."""
    return " ".join(f'"{s}"' for s in dict.fromkeys(stems(text, language)))


def search_sqlite(language, text, limit):
    query = fts_query(text, language)
    if not query:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid, source FROM {SQLITE_TABLE} WHERE {SQLITE_TABLE} MATCH %s "
            f"AND language = %s ORDER BY bm25({SQLITE_TABLE}, {SQLITE_WEIGHTS}) LIMIT %s",
            [query, language, limit],
        )
        rows = cursor.fetchall()
    versions = ArticleVersion.objects.published().in_language(language)
    versions = versions.in_bulk([pk for pk, _source in rows])
    wanted = set(stems(text, language))
    return [
        Result(versions[pk], marked(excerpt(source, wanted, language)))
        for pk, source in rows
        if pk in versions
    ]


def excerpt(text, wanted, language):
    """About EXCERPT_WORDS words of `text` from a little before its first word whose stem is
    in `wanted`, those words between the marks; the start of `text` if none is. Read only as
    far as the excerpt goes: a search cuts one from each result's whole text."""
    words = WORD.finditer(text)
    shown = deque(maxlen=8)  # the words before the first found, until it is
    for word in words:
        shown.append(word)
        if word_stem(word[0], language) in wanted:
            break
    else:  # found in the title or the authors only: the start of the text
        words, shown = WORD.finditer(text), []
    shown = [*shown, *islice(words, EXCERPT_WORDS - len(shown))]
    if not shown:
        return ""
    parts, position = [], shown[0].start()
    for word in shown:
        found = word_stem(word[0], language) in wanted
        parts += [
            text[position : word.start()],
            f"{MARK_START}{word[0]}{MARK_END}" if found else word[0],
        ]
        position = word.end()
    cut_before = text[: shown[0].start()].strip()
    cut_after = text[shown[-1].end() :].strip()
    return ("… " if cut_before else "") + "".join(parts) + ("…" if cut_after else "")


def index_versions(versions):
    """Write the published ones of `versions` into the index, and take out the others."""
    versions = list(versions)
    if connection.vendor not in ("sqlite", "postgresql"):
        return
    authors = {}
    for reference in Reference.objects.filter(article_id__in={v.article_id for v in versions}):
        authors.setdefault(reference.article_id, []).append(reference.authors)
    for version in versions:
        remove_from_index(version.pk)
        if version.status != ArticleVersion.Status.PUBLISHED:
            continue
        names = " ".join(authors.get(version.article_id, []))
        if connection.vendor == "postgresql":
            index_postgresql(version, excerpt_source(version), names)
        else:
            index_sqlite(version, names)


def excerpt_source(version):
    """The text an excerpt is cut from: the summary, then the body (without the marks' own
    characters, should a pasted text hold one)."""
    text = f"{version.summary} {plain_text(version.body_html)}"
    return text.replace(MARK_START, "").replace(MARK_END, "")


def index_sqlite(version, authors):
    language = version.language
    words = [version.title, version.summary, plain_text(version.body_html), authors]
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {SQLITE_TABLE} (rowid, language, source, title, summary, body, "
            "authors) VALUES (%s, %s, %s, %s, %s, %s, %s)",
            [
                version.pk, language, excerpt_source(version),
                *(" ".join(stems(text, language)) for text in words),
            ],
        )  # fmt: skip


def version_saved(sender, instance, **kwargs):
    index_versions([instance])


def remove_from_index(pk):
    if connection.vendor == "postgresql":
        SearchDocument.objects.filter(version_id=pk).delete()
    elif connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {SQLITE_TABLE} WHERE rowid = %s", [pk])


def version_deleted(sender, instance, **kwargs):
    remove_from_index(instance.pk)


def references_changed(sender, instance, **kwargs):
    """The authors of an article's references are searched in each of its versions."""
    index_versions(ArticleVersion.objects.filter(article_id=instance.article_id))


def keep_index_in_step():
    """Connected by the app's ready(). A bulk update or delete (a queryset, the shell) sends no
    signal: `manage.py rebuild_search_index` after one."""
    post_save.connect(version_saved, sender=ArticleVersion, dispatch_uid="search-version")
    post_delete.connect(version_deleted, sender=ArticleVersion, dispatch_uid="search-version")
    post_save.connect(references_changed, sender=Reference, dispatch_uid="search-reference")
    post_delete.connect(references_changed, sender=Reference, dispatch_uid="search-reference")


def rebuild_index():
    """The whole SQLite index again from the versions; returns how many were read."""
    versions = list(ArticleVersion.objects.all())
    if connection.vendor == "postgresql":
        SearchDocument.objects.all().delete()
    elif connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {SQLITE_TABLE}")
    index_versions(versions)
    return len(versions)
