"""Reading a page as a reader does: the text and the spoken attributes of one language, and
whether words stand in it whole."""

import re
from html.parser import HTMLParser


class _VisibleText(HTMLParser):
    """Collects what a reader meets in a page (text and the attributes read aloud or shown),
    leaving out elements marked as being in another language (lang="...")."""

    SPOKEN_ATTRIBUTES = {"alt", "aria-label", "title", "placeholder", "content", "value"}
    VOID = {"meta", "link", "img", "input", "br", "hr", "source", "area", "base", "col", "wbr"}

    def __init__(self, language):
        super().__init__()
        self.language = language
        self.stack = []  # one flag per open element: is it in another language?
        self.chunks = []

    def _foreign(self):
        return any(self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        foreign = self._foreign() or attrs.get("lang", self.language) != self.language
        if not foreign:
            self.chunks += [v for k, v in attrs.items() if k in self.SPOKEN_ATTRIBUTES and v]
        if tag not in self.VOID:
            self.stack.append(foreign)

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not self._foreign() and data.strip():
            self.chunks.append(data)


def contains_words(text, words):
    """Whether `words` stand in `text` as whole words ("Par" is not in "Paris")."""
    return re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text) is not None


def visible_text(html, language):
    parser = _VisibleText(language)
    parser.feed(html)
    return " ".join(" ".join(parser.chunks).split())
