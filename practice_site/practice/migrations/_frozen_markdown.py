"""A frozen copy of the Markdown rendering of 2026-11-24, for the data migrations that write the
legal pages (contact 0002, from before they moved to this app, and this app's own): a migration
must give the same result whatever the live code has become. Do not edit it. (Not a migration:
Django skips modules whose name starts with an underscore.)
"""

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


def french_spaces(text):
    for pattern, replacement in FRENCH_SPACES:
        text = pattern.sub(replacement, text)
    return text
