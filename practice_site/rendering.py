"""Markdown to safe HTML, for the articles and the legal pages: done once when a text is saved,
never on a page view.

Changes made after sanitising (French spacing here, citation links in the articles) walk the
parsed HTML and rewrite its text nodes only, so tags and attributes are never touched and the
contents of `code` and `pre` stay as written.
"""

import re
from html import escape
from html.parser import HTMLParser

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
VOID_TAGS = {"br", "hr", "img"}
# Code is quoted as it is: no typography, no links.
PREFORMATTED = frozenset({"code", "pre"})

# French typography keeps « and » with their words and : ; ! ? with the word before them, so a
# line never starts with the punctuation; nor does a line break a number ("5 000"), a number from
# its sign or unit ("n° 42", "24 h/24", "7 j/7", "30 %", "60 €"). Those spaces must not break.
FRENCH_SPACES = [
    (re.compile(r" ([:;!?»])"), "\u00a0\\1"),
    (re.compile(r"« "), "«\u00a0"),
    (re.compile(r"(?<=\d) (?=\d{3}(?!\d))"), "\u00a0"),
    (re.compile(r"(?<=\bn°) (?=\d)"), "\u00a0"),
    (re.compile(r"(?<=\d) (?=(?:h|j|min)\b|[%€])"), "\u00a0"),
]


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
        html = rewrite_text(html, lambda text: escape(french_spaces(text), quote=False))
    return html


def french_spaces(text):
    """`text` with the spaces French typography forbids to break made no-break spaces."""
    for pattern, replacement in FRENCH_SPACES:
        text = pattern.sub(replacement, text)
    return text


def rewrite_text(html, rewrite, skip=PREFORMATTED):
    """`html` with each text node replaced by `rewrite(text)`, except inside the elements named
    in `skip`. `rewrite` is given the text unescaped and returns HTML.

    Meant for the sanitised output above, where every element is closed: what it writes back
    is trusted, as is whatever `rewrite` returns.
    """
    rewriter = _TextRewriter(rewrite, skip)
    rewriter.feed(html)
    rewriter.close()
    return "".join(rewriter.output)


class _TextRewriter(HTMLParser):
    def __init__(self, rewrite, skip):
        super().__init__(convert_charrefs=True)
        self.rewrite = rewrite
        self.skip = skip
        self.open = []  # the elements the current text is in, outermost first
        self.text = []  # the current text node (the parser may hand it over in pieces)
        self.output = []

    def flush(self):
        if not self.text:
            return
        text = "".join(self.text)
        self.text = []
        skipped = not self.skip.isdisjoint(self.open)
        self.output.append(escape(text, quote=False) if skipped else self.rewrite(text))

    def handle_starttag(self, tag, attrs):
        self.flush()
        self.output.append(self.get_starttag_text())
        if tag not in VOID_TAGS:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.flush()
        self.output.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        self.flush()
        self.output.append(f"</{tag}>")
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag) :]

    def handle_data(self, data):
        self.text.append(data)

    def close(self):
        super().close()
        self.flush()
