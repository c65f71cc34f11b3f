"""The words of a text as a reader reads them, and what changed between two texts as a word
diff: what a translator needs to bring a translation back in step with its original."""

import difflib
import re
from html.parser import HTMLParser

from django.utils.html import format_html, format_html_join

# Words are split at ordinary spaces only: a no-break space of French typography ("lien :")
# keeps its punctuation with the word before it, in the diff as on the page.
SPACES = re.compile(r"[ \t\n\r\f]+")

# Words kept either side of a change, so that a long body shows where the change stands
# without being shown whole.
CONTEXT_WORDS = 8


class _TextExtractor(HTMLParser):
    """Collects the text of an HTML fragment; every tag separates words, so that two paragraphs
    do not run into one word ("end.</p><p>Start" reads "end. Start")."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_starttag(self, tag, attrs):
        self.parts.append(" ")

    def handle_endtag(self, tag):
        self.parts.append(" ")

    def handle_data(self, data):
        self.parts.append(data)


def words_of_text(text):
    """The words of a plain text."""
    return [word for word in SPACES.split(text) if word]


def words_of_html(html):
    """The words of an HTML fragment, its tags and attributes left out."""
    extractor = _TextExtractor()
    extractor.feed(html)
    extractor.close()
    return words_of_text("".join(extractor.parts))


def word_diff(old_words, new_words):
    """HTML of what changed from `old_words` to `new_words`: removed words in <del>, added ones
    in <ins>, a few unchanged words around each change, "…" for those left out. Every word is
    escaped. Empty when the words are the same."""
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    groups = [
        g for g in matcher.get_grouped_opcodes(CONTEXT_WORDS) if len(g) > 1 or g[0][0] != "equal"
    ]
    if not groups:
        return ""
    pieces = []
    if groups[0][0][1] > 0:
        pieces.append("…")
    for number, group in enumerate(groups):
        if number:
            pieces.append("…")
        for tag, old_start, old_end, new_start, new_end in group:
            removed = " ".join(old_words[old_start:old_end])
            added = " ".join(new_words[new_start:new_end])
            if tag == "equal":
                pieces.append(format_html("{}", removed))
                continue
            if removed:
                pieces.append(format_html("<del>{}</del>", removed))
            if added:
                pieces.append(format_html("<ins>{}</ins>", added))
    if groups[-1][-1][2] < len(old_words):
        pieces.append("…")
    return format_html_join(" ", "{}", ((piece,) for piece in pieces))
