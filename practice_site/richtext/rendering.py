"""The HTML of the visual editor to safe HTML, for the articles, the legal pages and the
practical notes: done once when a text is saved, never on a page view.

Safe and valid: whatever an author writes or pastes (or posts by hand, bypassing the editor),
what comes out makes a page the Nu Html Checker accepts (tests/test_html_validity.py).

An image stays only if it is a picture of the site's library, which it becomes in its
responsive sizes: no third party learns who reads a page, and the Content-Security-Policy's
img-src holds. The library stands on rich text, not the reverse: the pictures app tells this
module how to find its pictures (use_picture_library).

Changes made after sanitising and fitting the elements to where the standard allows them
(French spacing here, citation links in the articles) walk the parsed HTML and rewrite its
text nodes only, so tags and attributes are never touched.
"""

import re
from functools import cache
from html import escape, unescape
from html.parser import HTMLParser

import nh3
from django.conf.locale import LANG_INFO
from django.urls import reverse_lazy
from django.utils.encoding import iri_to_uri
from django_prose_editor.config import allowlist_from_extensions

# What the psychologist can write with the editor (django-prose-editor's Tiptap extensions),
# and so all that the sanitiser lets through: the library derives its allow-list from these.
# Pasted text keeps what they know (paragraphs, headings, lists, bold, italic, links) and loses
# the rest; there is no code block, so a leading tab from a word processor stays text.
TEXT_EXTENSIONS = {
    "Heading": {"levels": [2, 3]},  # the page's title is its h1
    "Bold": True,
    "Italic": True,
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    # No link made from typed text that looks like an address ("ouvrés.Je"): only with the
    # link button, or pasted in full (ExplicitLinksOnly).
    "Link": {
        "enableTarget": False,
        "protocols": ["http", "https", "mailto", "tel"],
        "autolink": False,
    },
    # This site's own (settings.DJANGO_PROSE_EDITOR_EXTENSIONS, static/js/editor-extensions.js).
    "WordPaste": True,
    "NoInjectedStyle": True,
    "ExplicitLinksOnly": True,
    "TranslatedToolbar": True,
}
# The texts rendered into a page of their own (articles, presentation, legal pages) may also
# hold pictures of the library, with a caption: the editor's "Browse…" button opens the
# library's picker (pictures.admin.PictureAdmin.picker_view), which hands it back the
# picture's address and description.
EDITOR_EXTENSIONS = {
    **TEXT_EXTENSIONS,
    "Figure": {"pickerUrl": reverse_lazy("admin:pictures_picture_picker")},
    "Image": True,
    "Caption": True,
}
# How wide a picture of a text is shown: the reading column, 37rem wide from a 40rem screen,
# the screen less its margins below (as the article's illustration).
TEXT_PICTURE_SIZES = "(min-width: 40rem) 37rem, calc(100vw - 3rem)"
# The values the standard allows for the attributes the editor writes that take a number; any
# other value (in HTML posted by hand) is dropped, as the attribute may be left out.
ATTRIBUTE_VALUES = {
    ("ol", "start"): re.compile(r"-?\d+"),
    ("ol", "type"): re.compile(r"[1aAiI]"),
    ("a", "rel"): re.compile(r"\s*(?:(?:noopener|noreferrer|nofollow|external)\s*)+"),
    # The editor's own class, which the site styles; another would borrow the site's styles.
    ("figure", "class"): re.compile(r"figure"),
}
URL_ATTRIBUTES = {"href", "src"}
# <source>: in the <picture> a library picture becomes.
VOID_TAGS = {"br", "hr", "img", "source"}
HEADINGS = {"h2", "h3", "h4"}
LISTS = {"ol", "ul"}

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


@cache
def _cleaner(pictures):
    # Built on first use: the allow-list reads the settings (the site's own extensions).
    return nh3.Cleaner(
        **allowlist_from_extensions(EDITOR_EXTENSIONS if pictures else TEXT_EXTENSIONS),
        attribute_filter=valid_value,
    )


def sanitise(html, pictures=True):
    """`html` with only the elements and attributes the editor writes (with `pictures`, its
    EDITOR_EXTENSIONS, else its TEXT_EXTENSIONS)."""
    return _cleaner(pictures).clean(html)


def render_html(html, language=None, pictures=True):
    """Return the editor's `html` as HTML that is safe to insert into a page in `language`;
    with `pictures`, the pictures of the library it shows in their responsive sizes."""
    html = sanitise(html, pictures)
    html = fit_content_models(html, library_pictures(html) if pictures else {})
    if language == "fr":
        html = rewrite_text(html, lambda text: escape(french_spaces(text), quote=False))
    return html


# How the pictures of the library are found: {(src, data-file): picture} for a set of such
# pairs. Told by the pictures app when it is ready; until then no image is a library picture.
_find_library_pictures = None


def use_picture_library(find):
    global _find_library_pictures
    _find_library_pictures = find


def library_pictures(html):
    """The pictures of the library that the images of the sanitised `html` show, in one
    query: {(src, data-file): picture}."""
    images = set()
    for tag in re.findall(r"<img\b[^>]*>", html):
        attrs = {name: unescape(value) for name, value in re.findall(r'\s([\w-]+)="([^"]*)"', tag)}
        images.add((attrs.get("src"), attrs.get("data-file")))
    if not images or _find_library_pictures is None:
        return {}
    return _find_library_pictures(images)


def valid_value(tag, attribute, value):
    """The attribute's value as the standard allows it, or None to drop the attribute."""
    if attribute in URL_ATTRIBUTES:
        # Percent-encoded as a browser would, for a space in a pasted address or phone number.
        return iri_to_uri(value.strip()) or None
    if attribute == "hreflang":
        return language_tag(value)
    pattern = ATTRIBUTE_VALUES.get((tag, attribute))
    return value if pattern is None or pattern.fullmatch(value) else None


def language_tag(value):
    """`value` as a language Django has a locale for ("pt-br"; "en" for "en-US"), or None.
    The checker wants a language of the IANA registry, not any tag of the right shape."""
    tag = value.strip().lower()
    return next((code for code in (tag, tag.split("-")[0]) if code in LANG_INFO), None)


def fit_content_models(html, pictures):
    """The sanitised `html` with each element where the standard allows it and with the
    attributes it requires: what a pasted fragment may lack once the disallowed parts are gone.

    - an image becomes the <picture> of the library's picture it shows (`pictures`:
      {(src, data-file): pictures.Picture}, see library_pictures), described by its alt (""
      if it has none: the author gave none), or is dropped, as a figure left without one is;
    - a link without an address loses its hreflang;
    - a list item or a figure caption out of its list or figure keeps only its content, as a
      second caption of a figure does;
    - content of a list outside any of its items goes into an item of its own;
    - an empty heading is dropped.
    """
    fitter = _ContentModelFitter(pictures)
    fitter.feed(html)
    fitter.close()
    return "".join(fitter.output)


class _ContentModelFitter(HTMLParser):
    """Meant, as _TextRewriter below, for sanitised HTML, where every element is closed."""

    # The elements each of these must be a child of.
    PARENTS = {"li": LISTS, "figcaption": {"figure"}}

    def __init__(self, pictures):
        super().__init__(convert_charrefs=True)
        self.pictures = pictures
        # One entry per open element: its tag, the end tag to write ("" for one left out), and
        # for a heading or a figure where its start tag stands in the output ("implied" for an
        # item added).
        self.open = []
        self.output = []
        self.placed = 0  # pictures written so far
        self.figures = []  # per open figure: [pictures placed before it, its captions]

    def parent(self):
        written = [tag for tag, end, _start in self.open if end]
        return written[-1] if written else None

    def close_implied_item(self):
        if self.open and self.open[-1] == ("li", "</li>", "implied"):
            self.output.append(self.open.pop()[1])

    def open_implied_item(self):
        if self.parent() in LISTS:
            self.output.append("<li>")
            self.open.append(("li", "</li>", "implied"))

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "li":
            self.close_implied_item()
        else:
            self.open_implied_item()
        if tag == "img":
            picture = self.pictures.get((attrs.get("src"), attrs.get("data-file")))
            if picture:
                self.output.append(
                    picture.responsive_html(attrs.get("alt") or "", TEXT_PICTURE_SIZES)
                )
                self.placed += 1
            return
        if tag in VOID_TAGS:
            self.output.append(_start_tag(tag, attrs))
            return
        if tag == "a" and "href" not in attrs:
            attrs.pop("hreflang", None)
        if tag == "figcaption" and self.parent() == "figure":
            self.figures[-1][1] += 1
            if self.figures[-1][1] > 1:
                self.open.append((tag, "", None))
                return
        if tag in self.PARENTS and self.parent() not in self.PARENTS[tag]:
            self.open.append((tag, "", None))
            return
        if tag == "figure":
            self.figures.append([self.placed, 0])
        start = len(self.output) if tag in HEADINGS | {"figure"} else None
        self.open.append((tag, f"</{tag}>", start))
        self.output.append(_start_tag(tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag in LISTS:
            self.close_implied_item()
        opened, end, start = self.open.pop()
        if opened in HEADINGS and not re.sub(r"<[^>]*>", "", "".join(self.output[start:])).strip():
            del self.output[start:]
            return
        if opened == "figure":
            placed_before, _captions = self.figures.pop()
            if self.placed == placed_before:
                del self.output[start:]
                return
        self.output.append(end)

    def handle_data(self, data):
        if data.strip():
            self.open_implied_item()
        self.output.append(escape(data, quote=False))


def _start_tag(tag, attrs):
    written = "".join(f' {name}="{escape(value or "")}"' for name, value in attrs.items())
    return f"<{tag}{written}>"


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
