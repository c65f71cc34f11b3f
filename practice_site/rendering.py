"""The HTML of the visual editor to safe HTML, for the articles, the legal pages and the
practical notes: done once when a text is saved, never on a page view.

Changes made after sanitising (French spacing here, citation links in the articles) walk the
parsed HTML and rewrite its text nodes only, so tags and attributes are never touched.
"""

import re
from functools import cache
from html import escape
from html.parser import HTMLParser

import nh3
from django_prose_editor.config import allowlist_from_extensions

# What the psychologist can write with the editor (django-prose-editor's Tiptap extensions),
# and so all that the sanitiser lets through: the library derives its allow-list from these.
# Pasted text keeps what they know (paragraphs, headings, lists, bold, italic, links) and loses
# the rest; there is no code block, so a leading tab from a word processor stays text.
EDITOR_EXTENSIONS = {
    "Heading": {"levels": [2, 3]},  # the page's title is its h1
    "Bold": True,
    "Italic": True,
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
    # This site's own (settings.DJANGO_PROSE_EDITOR_EXTENSIONS, static/js/editor-extensions.js).
    "WordPaste": True,
    "NoInjectedStyle": True,
}
VOID_TAGS = {"br", "hr", "img"}

# French typography keeps « and » with their words and : ; ! ? with the word before them, so a
# line never starts with the punctuation: the space there must not break.
FRENCH_SPACES = [(re.compile(r" ([:;!?»])"), "\u00a0\\1"), (re.compile(r"« "), "«\u00a0")]


@cache
def _cleaner():
    # Built on first use: the allow-list reads the settings (the site's own extensions).
    return nh3.Cleaner(**allowlist_from_extensions(EDITOR_EXTENSIONS))


def sanitise(html):
    """`html` with only the elements and attributes the editor writes."""
    return _cleaner().clean(html)


def render_html(html, language=None):
    """Return the editor's `html` as HTML that is safe to insert into a page in `language`."""
    html = sanitise(html)
    if language == "fr":
        html = rewrite_text(html, lambda text: escape(french_spaces(text), quote=False))
    return html


def french_spaces(text):
    for pattern, replacement in FRENCH_SPACES:
        text = pattern.sub(replacement, text)
    return text


def rewrite_text(html, rewrite, skip=frozenset()):
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
