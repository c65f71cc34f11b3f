"""In-text author–year citations (APA 7), linked to the reference list when an article is saved.

What is a citation. The linker reads the text nodes of the sanitised HTML (never inside an
existing link) and sees two shapes:
- narrative: surnames, maybe possessive, then the year in parentheses: "Bordin (1979)",
  "Bordin’s (1979)", "Rogers’ (1957)", "Bordin (1979, p. 12)",
  "Horvath et al. (2011a)", "Flückiger et al. (2012, 2018)";
- parenthetical: in a parenthesis, surnames and a year, with a comma ("Bordin, 1979") or, first
  in the parenthesis or after a ";" and words such as "see also", "voir aussi", "e.g.,", "cf.",
  without one ("Bordin 1979"); several works separated by ";"; a page after the year
  ("Bordin, 1979, pp. 253–255").
Surnames start with a capital, maybe after a particle ("Del Re", "van der Berg"); two are joined
by "&", "and" or "et", more by commas; "et al." or "et coll." stands for the others. Any space
may be a no-break one. A group author of the reference list (one without initials: "World
Health Organization", "Substance Abuse and Mental Health Services Administration") is read as
one name, whatever its case. Only the authors and the year become the link ("Bordin, 1979",
"Bordin (1979)"; a second year of the same authors alone).

What it matches. Whole surnames, whatever their case or apostrophe (Martinez is not Martin), all
of them and in order, except that "et al." is the first surname(s) of a work with three or more
authors (APA 7, 8.17); the year; and the year suffix, which only a work with a sibling of the
same authors and year has ("2011a" is the first of them by title, see articles.authors). A
citation that fits no reference, or more than one, stays text and is reported, in the order of
the text. A sentence may start before a narrative citation ("Ainsi, Bordin (1979)", "la théorie
de Bordin (1979)"): when the whole fits nothing, a first word set off by a comma or a lower-case
particle is tried without.

What is not a citation, so never reported: a year with no capitalised word before it ("En
1979", "(2011)", "(p. 12)"), and, without a comma in a parenthesis, a word that dates rather than
names ("(En 1979)", "(March 2020)"). A false report costs the author a look; a citation missed
silently would be linked to nothing without a warning, so in doubt a citation is reported.
Limits: a citation cut by inline markup ("*Horvath et al.* (2011)") is not seen, and a
citation in a link is neither linked nor reported. A group author missing from the reference
list is reported whole in a parenthesis ("National Institute of Mental Health, 2021"), but in a
sentence only by its last words a surname can be ("Health (2021)"), as the capital of a
sentence's first word looks like a name's; one whose last word has no capital ("(Institut
national de la santé, 2018)") is not seen.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape, unescape

from practice_site.richtext.rendering import rewrite_text

from .authors import same_surname

# Every capital letter of the Latin, Greek and Cyrillic alphabets ("Ł", "Ø", "Ç"…).
UPPER = "[{}]".format("".join(c for c in map(chr, range(0x2000)) if c.isupper()))
PARTICLE = (
    r"(?:(?:[Dd](?:e|el|ella|es|i|a|u|os)|[Vv][ao]n|[Ll][ae]|[Tt]e[nr])\s+"
    r"(?:(?:[Dd]e[rn]?|[Ll]a|[Ll]os)\s+)?)"
)
# "O’Brien", "Jean-Pierre", but not the possessive of "Bordin’s (1979)".
NAME = rf"{UPPER}\w*(?:-\w+|['’](?!s\b)\w+)*"
SURNAME = rf"{PARTICLE}?{NAME}"
JOIN = r"(?:,?\s+(?:&|and|et)\s+|,\s+)"
ETAL = r"\s+et\s+(?:al|coll)\.?"
YEAR = r"(?P<year>\d{4})(?P<suffix>[a-z]?)(?!\w)"
# More years of the same authors: "2012, 2018", each closing the item ("2000 patients" does not).
YEARS = r"(?P<years>\d{4}[a-z]?(?!\w)(?:\s*,\s*\d{4}[a-z]?(?=\s*(?:[,;)]|$)))*)"
PARENTHESIS = re.compile(r"\(([^()]*)\)")
# Words before the works cited in a parenthesis, and capitalised words that date, not name.
LEAD = re.compile(
    r"(?:\s*(?:(?:see|also|voir|aussi|for example|par exemple|notamment|and|et|or|ou)\b"
    r"|cf\.|e\.g\.|i\.e\.),?)*\s*",
    re.IGNORECASE,
)
NOT_NAMES = {
    "en", "in", "depuis", "since", "dès", "avant", "après", "before", "after", "from", "until",
    "vers", "circa", "around", "fin", "début", "mid", "early", "late", "spring", "summer",
    "autumn", "fall", "winter", "printemps", "été", "automne", "hiver",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
}  # fmt: skip
YEAR_IN_LIST = re.compile(YEAR)
ETAL_AT_END = re.compile(rf",?{ETAL}$")
JOINS = re.compile(JOIN)
LEADING_PARTICLE = re.compile(rf"(?:[a-z]\w*\s+)+(?={NAME})")
# The words of a group author's name before those a surname can be ("National Institute of"
# Mental Health): capitalised words and the small words between them.
NAME_WORDS = re.compile(
    rf"(?:(?:(?:[dl]['’])?{UPPER}[\w'’-]*|de|du|des|la|le|les|of|for|and|the|on|et)\s+)+"
)
# Links are left as they are, the text of a citation someone already linked too.
SKIPPED = frozenset({"a"})
# A citation as CitationLinker.link writes it, to be read back from the stored HTML.
CITATION_LINK = re.compile(r'<a href="#ref-(?P<pk>\d+)" class="citation"[^>]*>(?P<text>[^<]*)</a>')


@dataclass(frozen=True)
class Patterns:
    """The regular expressions of one reference list, whose group authors ("World Health
    Organization") are names of their own: no surname spans their words, and some have an
    "and" that would join two."""

    narrative: re.Pattern
    item: re.Pattern
    name: re.Pattern


@lru_cache(maxsize=64)
def patterns(groups=()):
    """The Patterns of a reference list with these group authors' names."""
    alternatives = [
        r"\s+".join(
            re.escape(word).replace("’", "'").replace("'", "['’]") for word in group.split()
        )
        # The longest first, of names that begin alike.
        for group in sorted(groups, key=len, reverse=True)
    ]
    one = rf"(?:(?i:{'|'.join(alternatives)})(?!\w)|{SURNAME})" if alternatives else SURNAME
    authors = rf"(?<![\w-])(?P<authors>{one}(?:{JOIN}{one})*(?:,?{ETAL})?)"
    return Patterns(
        # A possessive: "Bordin’s (1979)", and "Rogers’ (1957)" of a name ending in "s".
        narrative=re.compile(rf"{authors}(?:['’]s?)?\s*\(\s*{YEARS}(?=\s*[,;)])"),
        item=re.compile(rf"{authors}(?:(?P<comma>\s*,)\s*|\s+){YEARS}"),
        name=re.compile(rf"(?<![\w-]){one}"),
    )


@dataclass(frozen=True)
class Cited:
    """One author–year citation of the text: where its link would go and what it cites."""

    start: int
    end: int
    authors: str
    year: int
    suffix: str
    narrative: bool
    with_authors: bool  # False for a second year of the same authors: its link is the year
    name_before: str = ""  # NAME_WORDS before the authors in a parenthesis

    def report(self):
        authors = " ".join(f"{self.name_before}{self.authors}".split())
        year = f"{self.year}{self.suffix}"
        return f"{authors} ({year})" if self.narrative else f"{authors}, {year}"


def find_citations(text, patterns):
    """The citations of a text node, in order, none overlapping another."""
    found = [*narrative_citations(text, patterns), *parenthetical_citations(text, patterns)]
    found.sort(key=lambda cited: (cited.start, -cited.end))
    kept = []
    for cited in found:
        if not kept or cited.start >= kept[-1].end:
            kept.append(cited)
    return kept


def narrative_citations(text, patterns):
    for match in patterns.narrative.finditer(text):
        yield from each_year(match, text, narrative=True)


def parenthetical_citations(text, patterns):
    for parenthesis in PARENTHESIS.finditer(text):
        offset = parenthesis.start(1)
        for segment in re.finditer(r"[^;]+", parenthesis[1]):
            for match in patterns.item.finditer(segment[0]):
                before = segment[0][: match.start()]
                lead = LEAD.match(before).end()
                # An unknown group author ("(National Institute of Mental Health, 2021)") is
                # reported whole, not by the words a surname can be ("Mental Health").
                name_before = before[lead:] if NAME_WORDS.fullmatch(before[lead:]) else ""
                if not match["comma"]:
                    first = re.match(r"\w+", name_before or match["authors"])[0]
                    if (lead < len(before) and not name_before) or first.casefold() in NOT_NAMES:
                        continue
                yield from each_year(
                    match, text, False, offset=offset + segment.start(), name_before=name_before
                )


def each_year(match, text, narrative, offset=0, name_before=""):
    """A citation per year of `match`: the first links its authors too, the others only their
    year ("Flückiger et al., 2012, 2018")."""
    start = offset + match.start("authors")
    for number, year in enumerate(YEAR_IN_LIST.finditer(match["years"])):
        year_start = offset + match.start("years") + year.start()
        end = year_start + len(year[0])
        # "Rogers (1957)": the link closes the parenthesis it opened.
        if narrative and number == 0 and text[end : end + 1] == ")":
            end += 1
        yield Cited(
            start=start if number == 0 else year_start,
            end=end,
            authors=match["authors"],
            year=int(year["year"]),
            suffix=year["suffix"],
            narrative=narrative,
            with_authors=number == 0,
            name_before=name_before if number == 0 else "",
        )


def cited_surnames(authors, patterns):
    """("Horvath", …), and whether "et al." stands for more, from a citation's authors."""
    et_al = ETAL_AT_END.search(authors)
    if et_al:
        authors = authors[: et_al.start()]
    return [name[0] for name in patterns.name.finditer(authors)], bool(et_al)


def shorter_readings(authors):
    """Offsets into `authors` where the citation may start instead, when the whole cites
    nothing: after a first word set off by a comma ("Ainsi, Bordin") and after lower-case
    words before a capital ("de Bordin", "la théorie de Bordin")."""
    first_join = JOINS.search(authors)
    if first_join and first_join[0].strip() == ",":
        yield first_join.end()
    particle = LEADING_PARTICLE.match(authors)
    if particle:
        yield particle.end()


@dataclass
class Work:
    """A reference as the linker needs it: surnames parsed, year suffix worked out."""

    pk: int
    surnames: list
    year: int
    suffix: str

    def is_cited_by(self, surnames, et_al, year, suffix):
        if (year, suffix) != (self.year, self.suffix):
            return False
        if et_al:
            # APA 7: "et al." from three authors on, after as many surnames as tell works apart.
            return len(self.surnames) >= 3 and self.starts_with(surnames, len(self.surnames) - 1)
        return len(surnames) == len(self.surnames) and self.starts_with(surnames, len(surnames))

    def starts_with(self, surnames, at_most):
        return len(surnames) <= at_most and all(
            same_surname(cited, own) for cited, own in zip(surnames, self.surnames, strict=False)
        )


@dataclass
class CitationLinker:
    """Links the citations of one body to `references`, an article's Reference list with
    its year suffixes set (Reference.label_years)."""

    references: list
    cited: list = field(default_factory=list)  # reference ids, in order of first citation
    unmatched: list = field(default_factory=list)

    def __post_init__(self):
        self.works = []
        groups = set()
        for reference in self.references:
            self.works.append(
                Work(reference.pk, reference.surnames, reference.year, reference.year_suffix)
            )
            # One word is a surname to the patterns already ("UNESCO").
            groups.update(
                author.surname
                for author in reference.author_list
                if not author.initials and len(author.surname.split()) > 1
            )
        self.patterns = patterns(tuple(sorted(groups)))

    def work_for(self, authors, year, suffix):
        """The one work these authors, year and suffix cite, or None."""
        surnames, et_al = cited_surnames(authors, self.patterns)
        works = [work for work in self.works if work.is_cited_by(surnames, et_al, year, suffix)]
        return works[0] if len(works) == 1 else None

    def resolve(self, cited):
        """(offset of the link into the citation, the work cited) or (0, None)."""
        readings = shorter_readings(cited.authors) if cited.with_authors else ()
        for offset in (0, *readings):
            work = self.work_for(cited.authors[offset:], cited.year, cited.suffix)
            if work is not None:
                return offset, work
        return 0, None

    def link(self, text):
        """The text node `text` as HTML, its citations linked."""
        output, position = [], 0
        for cited in find_citations(text, self.patterns):
            offset, work = self.resolve(cited)
            if work is None:
                if cited.report() not in self.unmatched:
                    self.unmatched.append(cited.report())
                continue
            start = cited.start + offset
            first = work.pk not in self.cited
            if first:
                self.cited.append(work.pk)
            anchor = f' id="cite-{work.pk}"' if first else ""
            output += [
                escape(text[position:start], quote=False),
                f'<a href="#ref-{work.pk}" class="citation"{anchor}>',
                escape(text[start : cited.end], quote=False),
                "</a>",
            ]
            position = cited.end
        output.append(escape(text[position:], quote=False))
        return "".join(output)


def link_citations(html, references):
    """Return (html with linked citations, ids of the cited references, unmatched citations)."""
    linker = CitationLinker(references)
    linked = rewrite_text(html, linker.link, skip=SKIPPED)
    return linked, linker.cited, linker.unmatched


def linked_citations(html):
    """{reference id: the texts of its citations, each once, in order} of `html` as
    link_citations wrote it ("Bordin, 1979", "Bordin (1979)")."""
    found = {}
    for link in CITATION_LINK.finditer(html):
        texts = found.setdefault(int(link["pk"]), [])
        text = " ".join(unescape(link["text"]).split())
        if text not in texts:
            texts.append(text)
    return found
