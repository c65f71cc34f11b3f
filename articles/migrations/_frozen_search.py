"""A frozen copy of the search index's words of 2026-12-03 (articles/search.py), for migration
0013, which fills the SQLite index with the versions that exist. Do not edit it: the next save
of a version indexes it with the current code, and `manage.py rebuild_search_index` indexes
them all. (Not a migration: Django skips modules whose name starts with an underscore.)
"""

import html
import re
import unicodedata

import snowballstemmer

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


def tag_space(match):
    return " " if match[2].lower() in BLOCKS else ""


def plain_text(body_html):
    return " ".join(html.unescape(TAG.sub(tag_space, body_html)).split())


def fold(text):
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def stemmed(text, language):
    stemmer = snowballstemmer.stemmer(STEMMERS[language])
    return " ".join(stemmer.stemWords(WORD.findall(fold(text))))
