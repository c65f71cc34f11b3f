"""Markdown to safe HTML, done once when an article is saved, never on a page view."""

import math
import re

import markdown
import nh3

ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "cite", "code", "em", "figcaption", "figure", "h2", "h3",
    "h4", "hr", "img", "li", "ol", "p", "pre", "q", "strong", "sub", "sup", "table", "tbody",
    "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "abbr": {"title"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start"},
    "th": {"scope"},
}
# Adult readers read running text at about 200-250 words a minute; take the slower figure.
WORDS_PER_MINUTE = 200


# French typography keeps « and » with their words and : ; ! ? with the word before them, so a
# line never starts with the punctuation: the space there must not break.
FRENCH_SPACES = [(re.compile(r" ([:;!?»])"), "\u00a0\\1"), (re.compile(r"« "), "«\u00a0")]
TAG = re.compile(r"(<[^>]*>)")


def render_markdown(text, language=None):
    """Return the Markdown `text` as HTML that is safe to insert into a page."""
    html = markdown.markdown(text, extensions=["extra", "sane_lists"], output_format="html")
    html = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
    )
    if language == "fr":
        html = "".join(
            part if TAG.fullmatch(part) else french_spaces(part) for part in TAG.split(html)
        )
    return html


def render_body(text, language, references):
    """An article body as stored: (HTML with its citations linked to `references`, ids of the
    cited references, citations that match no reference, reading minutes)."""
    from .citations import link_citations

    html, cited, unmatched = link_citations(render_markdown(text, language), references)
    return html, cited, unmatched, reading_minutes(html)


def french_spaces(text):
    for pattern, replacement in FRENCH_SPACES:
        text = pattern.sub(replacement, text)
    return text


def reading_minutes(html):
    """Minutes a reader needs for the text of `html`, at least one."""
    words = len(re.sub(r"<[^>]+>", " ", html).split())
    return max(1, math.ceil(words / WORDS_PER_MINUTE))
