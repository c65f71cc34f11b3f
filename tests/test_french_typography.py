"""French reads as a French professional typesets it: a no-break space (U+00A0) before : ; ? !
and inside « », within "5 000", "n° 42", "24 h/24"; the typographic apostrophe ’. In the
interface (the French catalogue) and on every public page, whatever the psychologist typed."""

import json
import re
from html.parser import HTMLParser

import polib
import pytest
from django.conf import settings

from .alliance import FRENCH_URL
from .factories import fill_in_practice_details

# A space that may break where French forbids it: an ordinary one, or none at all.
BREAKS = [
    (re.compile(r"(?: |(?<=[^\W\d]))[:;?!»]"), "a breakable space (or none) before : ; ? ! »"),
    (re.compile(r"«(?: |(?=\w))"), "a breakable space (or none) after «"),
]
NUMBERS = [
    (re.compile(r"\d \d{3}(?!\d)"), "a breakable space inside a number"),
    (re.compile(r"\bn° ?\d"), "no no-break space after n°"),
    (re.compile(r"\d (?:h|j|min)\b|\d [%€]"), "a breakable space between a number and its unit"),
]
# Addresses keep their colons and question marks as they are ("https://…", "?page=2").
ADDRESS = re.compile(r"\b(?:https?|mailto|tel|sms):\S*")


def typography_faults(text):
    text = ADDRESS.sub("", text)
    return [
        f"{fault}: …{text[max(0, m.start() - 25) : m.end() + 25]}…"
        for pattern, fault in BREAKS + NUMBERS
        for m in pattern.finditer(text)
    ]


def catalogue():
    return polib.pofile(str(settings.BASE_DIR / "locale/fr/LC_MESSAGES/django.po"))


def as_read(msgstr):
    """The translation as a reader meets it: tags left out, each placeholder a number."""
    text = re.sub(r"<[^>]+>", "", msgstr)
    return re.sub(r"%\(\w+\)[sd]|\{\w+\}", "42", text)


def test_every_french_translation_follows_french_typography():
    faults = [
        f"{entry.msgid!r}: {fault}"
        for entry in catalogue()
        for msgstr in [entry.msgstr, *entry.msgstr_plural.values()]
        if msgstr
        for fault in typography_faults(as_read(msgstr))
    ]
    assert faults == []


def test_french_translations_use_the_typographic_apostrophe():
    straight = [
        entry.msgid
        for entry in catalogue()
        for msgstr in [entry.msgstr, *entry.msgstr_plural.values()]
        if "'" in as_read(msgstr)
    ]
    assert straight == []


# One thing, one word, as the interface says it everywhere.
AVOIDED_WORDS = {
    "courriel": "e-mail",
    "mél": "e-mail",
    "bibliographie": "références",
    "notice": "politique de confidentialité",
    "texto": "SMS",
}


@pytest.mark.parametrize(("avoided", "used"), AVOIDED_WORDS.items())
def test_the_french_interface_names_each_thing_with_one_word(avoided, used):
    found = [e.msgid for e in catalogue() if re.search(rf"\b{avoided}", e.msgstr, re.IGNORECASE)]
    assert found == [], f"say “{used}”"


def test_the_rule_finds_what_a_french_typesetter_would_correct():
    assert typography_faults("Nom : Camille") and typography_faults("Pourquoi?")
    assert typography_faults("« oui»") and typography_faults("5 000 caractères")
    assert typography_faults("n° 42") and typography_faults("24 h/24")
    assert not typography_faults("Nom\u00a0: «\u00a0oui\u00a0», 5\u00a0000 et n°\u00a042")
    assert not typography_faults("24\u00a0h/24 et 7\u00a0j/7")
    assert not typography_faults("https://doi.org/10.1037/a0022186 et 06 12 34 56 78")


class _ReadText(HTMLParser):
    """Every piece of French a reader, a screen reader or a search engine gets from a page: text
    nodes, the attributes shown or read aloud, and the strings of the structured data. Left
    out: elements in another language (lang="en": the language switcher), the references,
    quoted as published, and the reader's own message. The no-break spaces are kept (the
    suite's `visible_text` folds them into spaces)."""

    ATTRIBUTES = {"alt", "aria-label", "title", "placeholder", "content"}
    VOID = {"meta", "link", "img", "input", "br", "hr", "source", "area", "base", "col", "wbr"}

    def __init__(self):
        super().__init__()
        self.texts = []
        self.stack = []  # one flag per open element: is its text left out?
        self.in_json_ld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        left_out = (
            any(self.stack)
            or attrs.get("lang", "fr") != "fr"
            or (attrs.get("id") or "").startswith("ref-")
            or tag == "textarea"  # what the reader typed, sent back as typed
        )
        if not left_out:
            self.texts += [v for k, v in attrs.items() if k in self.ATTRIBUTES and v]
        if tag not in self.VOID:
            self.stack.append(left_out)
        self.in_json_ld = tag == "script" and attrs.get("type") == "application/ld+json"

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()
        self.in_json_ld = False

    def handle_data(self, data):
        if self.in_json_ld:
            self.texts += list(json_strings(json.loads(data)))
        elif data.strip() and not any(self.stack):
            self.texts.append(data)


def json_strings(data):
    """The strings of the structured data, but for its citations: the references again."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            if key != "citation":
                yield from json_strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from json_strings(value)


def read_text(html):
    parser = _ReadText()
    parser.feed(html)
    return parser.texts


@pytest.fixture
def french_pages(client, alliance, enquiry_data):
    """Every public French page, as the psychologist fills in her details with ordinary spaces,
    and the contact page as it comes back with errors."""
    fill_in_practice_details(
        title_fr="Psychologue : thérapies « brèves »",
        practical_note_fr="Je réponds sous 48 h ; appelez le 06 12 34 56 78 !",
    )
    urls = [
        "/fr/",
        "/fr/articles/",
        FRENCH_URL,
        "/fr/articles/feed/",
        "/fr/contact/",
        "/fr/contact/merci/",
        "/fr/mentions-legales/",
        "/fr/confidentialite/",
    ]
    pages = {url: client.get(url) for url in urls}
    pages["/fr/contact/ (errors)"] = client.post(
        "/fr/contact/", {**enquiry_data, "email": "pas une adresse", "name": ""}
    )
    pages["/fr/no-such-page/"] = client.get("/fr/no-such-page/")
    return pages


EXPECTED_STATUS = {"/fr/contact/ (errors)": 400, "/fr/no-such-page/": 404}


def test_every_public_french_page_follows_french_typography(french_pages):
    faults = {}
    for url, response in french_pages.items():
        assert response.status_code == EXPECTED_STATUS.get(url, 200), url
        texts = read_text(response.content.decode())
        found = [fault for text in texts for fault in typography_faults(text)]
        if found:
            faults[url] = found
    assert faults == {}


def test_the_psychologist_s_french_short_texts_are_typeset_when_saved(make_version):
    from practice_site.practice.models import LegalPage

    version = make_version(
        fr={"title": "Pourquoi ? « Oui » : 5 000 mots", "summary": "Vraiment ; n° 42 !"},
        en={"title": "Why? “Yes”: 5 000 words", "summary": "Really; no. 42!"},
    )
    details = fill_in_practice_details(
        title_fr="Psychologue : clinicienne", practical_note_fr="Joignable 24 h/24 !"
    )
    page = LegalPage.objects.get(kind=LegalPage.Kind.PRIVACY)
    page.title_fr = "Vos données : ce qu’il faut savoir"
    page.save()

    version["fr"].refresh_from_db()
    assert version["fr"].title == "Pourquoi\u00a0? «\u00a0Oui\u00a0»\u00a0: 5\u00a0000 mots"
    assert version["fr"].summary == "Vraiment\u00a0; n°\u00a042\u00a0!"
    assert version["en"].title == "Why? “Yes”: 5 000 words"  # English is typeset its own way
    details.refresh_from_db()
    assert details.title_fr == "Psychologue\u00a0: clinicienne"
    assert details.practical_note_fr == "Joignable 24\u00a0h/24\u00a0!"
    assert details.title_en == "Clinical psychologist"
    page.refresh_from_db()
    assert page.title_fr == "Vos données\u00a0: ce qu’il faut savoir"
