"""The author list of an APA 7 reference, read in one place for the citation linker, the
exports and the reference list, and the year suffixes that tell apart works of the same authors.

"Martin, D. J., Garske, J. P., & Davis, M. K." is three authors. A comma separates a surname from
its initials as well as one author from the next, so each comma-separated part is classified:
initials ("D. J.", "J.-P.") and generational suffixes ("Jr.", "III") belong to the author
before them; anything else starts a new author. So "Smith, J., Jr., & Doe, A." is Smith J. Jr.
and Doe A., and a surname with a particle ("Del Re", "van der Berg") stays whole. A group author
("World Health Organization") is a surname without initials.
"""

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from string import ascii_lowercase

from anyascii import anyascii

SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v"}
# One or more initials, each a capital and at most one more letter ("Ch.") closed by a full
# stop, maybe hyphenated ("J.-P.").
INITIALS = re.compile(r"(?:[^\W\d_]{1,2}\.[\s-]*)+")
# Before the last author: "&", or the ellipsis of APA 7 when there are more than 20 authors.
BEFORE_LAST = re.compile(r"^(?:&|and\s|…|(?:\.\s*){3})\s*")


@dataclass(frozen=True)
class Author:
    surname: str
    initials: str = ""
    suffix: str = ""

    def __str__(self):
        """As in a reference list and in RIS: "Smith, J., Jr."."""
        return ", ".join(part for part in (self.surname, self.initials, self.suffix) if part)

    @property
    def bibtex(self):
        """As BibTeX reads a name: "von Last, Jr., First"."""
        return ", ".join(part for part in (self.surname, self.suffix, self.initials) if part)


# Lower-case particles that belong to the surname ("Jean de La Fontaine" is "de La Fontaine, J.").
PARTICLES = {"de", "d'", "d’", "du", "des", "la", "le", "van", "von", "der", "den", "del", "di"}


def apa_name(name):
    """A person's name as written under an article ("Claire Dubois", "Jean-Paul de La Fontaine")
    in APA's form ("Dubois, C.", "de La Fontaine, J.-P."); a name already in that form, or of
    one word (a group author: the practice), as written."""
    words = name.split()
    if "," in name or len(words) < 2:
        return name
    start = len(words) - 1
    while start > 1 and words[start - 1].casefold() in PARTICLES:
        start -= 1
    given, surname = words[:start], " ".join(words[start:])
    initials = " ".join(
        "-".join(f"{part[0]}." for part in word.split("-") if part) for word in given
    )
    return f"{surname}, {initials}"


def parse_authors(authors):
    """The authors of an APA author string, in order."""
    names = []
    for part in authors.split(","):
        part = BEFORE_LAST.sub("", part.strip())
        if not part:
            continue
        if part.casefold() in SUFFIXES and names:
            names[-1] = Author(names[-1].surname, names[-1].initials, part)
        elif INITIALS.fullmatch(part) and names and not names[-1].initials:
            names[-1] = Author(names[-1].surname, part, names[-1].suffix)
        else:
            names.append(Author(part.removesuffix(".").strip()))
    return names


def same_surname(first, second):
    """Whether two spellings are the same surname, whatever their case ("van der Berg" at the
    start of a sentence is "Van der Berg") or kind of space and apostrophe."""
    return surname_key(first) == surname_key(second)


def surname_key(surname):
    surname = unicodedata.normalize("NFC", surname).replace("’", "'")
    return " ".join(surname.split()).casefold()


# Leading articles that APA leaves out when it orders titles, and their French counterparts.
TITLE_ARTICLES = re.compile(r"^(?:(?:a|an|the|le|la|les|un|une|des)\s+|l['’]\s*)", re.I)


def year_suffixes(references):
    """APA's year suffixes of `references` (one reference list), in their order: works with
    the same authors (surnames and initials, in order) and the same year get "a", "b"… in the
    order of their titles (APA 7, 9.47); any other work gets "". Each reference has `authors`,
    `year` and `title`, so the historical models of a migration will do."""
    references = list(references)
    groups = defaultdict(list)
    for index, reference in enumerate(references):
        authors = tuple(
            (surname_key(author.surname), "".join(author.initials.split()))
            for author in parse_authors(reference.authors)
        )
        groups[authors, reference.year].append(index)
    suffixes = [""] * len(references)
    for indexes in groups.values():
        if len(indexes) > 1:
            indexes.sort(key=lambda index: title_order(references[index].title))
            for rank, index in enumerate(indexes):
                suffixes[index] = letters(rank)
    return suffixes


def apa_order(reference):
    """Where `reference` (with `authors`, `year` and `title`) stands in an APA 7 reference
    list (9.44–9.47): by its authors' surnames, then initials, author after author, letter by
    letter, so that nothing precedes something (Loft before Loftus; Horvath alone before
    Horvath and Symonds); then by year; then by title, leading article aside (as the year
    suffixes go)."""
    authors = tuple(
        (sort_letters(author.surname), sort_letters(author.initials))
        for author in parse_authors(reference.authors)
    )
    return authors, reference.year, title_order(reference.title)


def sort_letters(name):
    """`name` as it is alphabetised: its letters and digits, accents and case aside
    ("Flückiger" is "fluckiger", "Del Re" is "delre", "O’Brien" is "obrien"). anyascii
    transliterates any script (Ł, ß, Ø…), where stripping accents would lose these letters."""
    return re.sub(r"[^a-z0-9]", "", anyascii(name).casefold())


def title_order(title):
    return TITLE_ARTICLES.sub("", title.strip()).casefold()


def letters(rank):
    """0 → "a", 25 → "z", 26 → "aa": APA runs out of letters only past 26 works a year."""
    label = ""
    rank += 1
    while rank:
        rank, remainder = divmod(rank - 1, 26)
        label = ascii_lowercase[remainder] + label
    return label
