"""Help beside hard subjects: a text that mentions suicide gets, when it is saved, a box with
the numbers to call right after the first paragraph that mentions it (the Papageno
programme's safe-messaging guidance: help resources next to the text)."""

import re
import unicodedata
from html import escape
from html.parser import HTMLParser

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .rendering import VOID_TAGS, french_spaces, render_html, rewrite_text

# Matched on the text without accents, in lower case, with straight apostrophes: in French and
# in English, the words and their forms (suicide, suicidaire, suicidal, suicides…).
MENTIONS = re.compile(
    r"""\b(?:
        suicid\w*
      | idees?\ noires?
      | fin\ a\ (?:ses|mes|tes|nos|vos|leurs)\ jours
      | se\ donner\ la\ mort
      | automutil\w*
      | self[-\ ]?harm\w*
      | end(?:s|ed|ing)?\ (?:one's|my|your|his|her|our|their)\ (?:own\ )?li(?:fe|ves)
      | (?:take|takes|took|taking|taken)\ (?:one's|my|your|his|her|our|their)\ own\ li(?:fe|ves)
      | kill(?:s|ed|ing)?\ (?:oneself|myself|yourself|himself|herself|ourselves|themselves)
    )\b""",
    re.VERBOSE,
)
# The class of the box: what tells a stored text that it has one.
BOX_CLASS = "notice--help"

# The editor's help text on the texts that get the box: Papageno's three key points.
GUIDANCE = _(
    "Writing about suicide (Papageno programme): never describe the method or the place; never "
    "present suicide as a solution, or as having a single, simple cause; talk about where to "
    "find help and about recovery. A box with 3114, 15 and 112 is added after the first "
    "paragraph that mentions suicide."
)


# The name of the help line is no mention of the subject: a text that gives the help (the
# legal notice's emergency numbers) needs no box beside it.
HELP_LINE_NAMES = re.compile(r"\b(?:prevention du suicide|suicide prevention)\b")


def with_guidance(help_text):
    """A text field's help text followed by GUIDANCE, for the texts that get the box."""
    return format_lazy("{} {}", help_text, GUIDANCE)


def mentions_suicide(text):
    return MENTIONS.search(HELP_LINE_NAMES.sub("", plain(text))) is not None


def plain(text):
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).lower().split())


def has_help_box(html):
    return f'class="notice {BOX_CLASS}"' in html


_BOX = re.compile(rf'<aside class="notice {BOX_CLASS}".*?</aside>', re.DOTALL)


def without_help_box(html):
    """The stored `html` without its help box: the text she wrote (for search, say)."""
    return _BOX.sub("", html)


def languages_with_help_box(record, fields):
    """The languages in which one of the stored HTML `fields` of `record` (e.g. "body_html",
    read as body_html_fr and body_html_en) got the box."""
    return [
        language
        for language, _name in settings.LANGUAGES
        if any(has_help_box(getattr(record, f"{field}_{language}")) for field in fields)
    ]


def render_with_help_box(html, language):
    """The editor's `html` rendered for a page in `language` (rendering.render_html), with the
    help box if it mentions suicide."""
    return with_help_box(render_html(html, language), language)


def with_help_box(html, language):
    """The rendered `html` with the help box, in `language`, after its first top-level element
    (paragraph, list, quotation…) whose text mentions suicide; unchanged if none does."""
    placer = _BoxPlacer()
    placer.feed(html)
    placer.close()
    if placer.after is None:
        return html
    with translation.override(language):
        box = render_to_string("richtext/help_box.html").strip()
    if language == "fr":
        box = rewrite_text(box, lambda text: escape(french_spaces(text), quote=False))
    return "".join(placer.output[: placer.after]) + box + "".join(placer.output[placer.after :])


class _BoxPlacer(HTMLParser):
    """Writes the HTML back as it reads it (as rendering._TextRewriter does) and notes where
    the first top-level element that mentions suicide ends."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.output = []
        self.depth = 0
        self.text = []  # of the current top-level element
        self.after = None  # the index in output after which the box goes

    def handle_starttag(self, tag, attrs):
        self.output.append(self.get_starttag_text())
        if tag not in VOID_TAGS:
            self.depth += 1

    def handle_startendtag(self, tag, attrs):
        self.output.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        self.output.append(f"</{tag}>")
        self.depth = max(0, self.depth - 1)
        if self.depth == 0:
            self.element_ended()

    def handle_data(self, data):
        self.output.append(escape(data, quote=False))
        self.text.append(data)
        if self.depth == 0 and data.strip():
            self.element_ended()  # text outside any element stands on its own

    def element_ended(self):
        if self.after is None and mentions_suicide(" ".join(self.text)):
            self.after = len(self.output)
        self.text = []
