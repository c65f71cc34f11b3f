"""In-text author–year citations, linked to the reference list when an article is saved.

"Bordin (1979)", "Horvath et al. (2011)", "(Martin, Garske & Davis, 2000; Flückiger et al.,
2018)" and their French forms ("Horvath et coll.", "Ackerman et Hilsenroth, 2003") become links to
the matching entry of the article's reference list; the first citation of each reference gets
an id the reference list links back to. A citation that matches no reference stays text and is
reported, so the author can fix it.
"""

import re
from dataclasses import dataclass, field

SPACE = "[ \u00a0]"  # French typography may have put a no-break space
NAME = r"[A-ZÀ-ÖØ-Þ][\w’'\-]+"
# A surname may start with a particle ("Del Re", "Van der Berg"); any other capitalised word
# before it ("Edward Bordin", "As Horvath") is not part of the citation.
PARTICLE = rf"(?:(?:Del|De|Des|Di|Da|Du|Van|Von|Le|La|Mac|Mc)(?:{SPACE}der|{SPACE}den)?{SPACE})"
SURNAME = rf"{PARTICLE}?{NAME}"
JOIN = rf"(?:,?{SPACE}(?:&amp;|&|and|et){SPACE}|,{SPACE})"
ETAL = rf"{SPACE}(?:et{SPACE}al\.|et{SPACE}coll\.)"
AUTHORS = rf"{SURNAME}(?:{ETAL}|(?:{JOIN}{SURNAME})*)"
YEAR = r"\d{4}[a-z]?"
NARRATIVE = re.compile(rf"(?P<authors>{AUTHORS}){SPACE}\((?P<year>{YEAR})\)")
ONE_PARENTHETICAL = rf"{AUTHORS},{SPACE}{YEAR}"
# "(see also Bordin, 1979)", "(voir aussi Bordin, 1979)", "(e.g., Bordin, 1979)".
LEAD = rf"(?P<lead>(?:(?:see|also|e\.g\.,?|cf\.|voir|aussi|par{SPACE}exemple,?){SPACE})*)"
PARENTHETICAL = re.compile(
    rf"\({LEAD}(?P<inner>{ONE_PARENTHETICAL}(?:{SPACE}?;{SPACE}?{ONE_PARENTHETICAL})*)\)"
)
SEGMENT = re.compile(rf"(?P<authors>{AUTHORS}),{SPACE}(?P<year>{YEAR})")
TAG = re.compile(r"(<[^>]*>)")


def surnames(authors):
    """The surnames in an APA author list: "Martin, D. J., Garske, J. P., & Davis, M. K."
    gives ["Martin", "Garske", "Davis"] (initials end with a full stop, surnames do not)."""
    parts = [part.strip().removeprefix("& ").strip() for part in authors.split(",")]
    return [part for part in parts if part and not part.endswith(".")]


@dataclass
class CitationLinker:
    """Links the citations of one body against `references` (id, authors, year)."""

    references: list
    cited: list = field(default_factory=list)  # reference ids, in order of first citation
    unmatched: list = field(default_factory=list)

    def reference_for(self, authors, year):
        """The reference whose first author and year match; with several (same first author,
        same year), the one whose other surnames appear too."""
        candidates = [
            reference
            for reference in self.references
            if str(reference.year) == year[:4]
            and surnames(reference.authors)
            and surnames(reference.authors)[0] in authors
        ]
        candidates.sort(key=lambda r: -sum(name in authors for name in surnames(r.authors)))
        return candidates[0] if candidates else None

    def link(self, text, authors, year):
        reference = self.reference_for(authors, year)
        if reference is None:
            self.unmatched.append(text)
            return text
        first = reference.pk not in self.cited
        if first:
            self.cited.append(reference.pk)
        anchor = f' id="cite-{reference.pk}"' if first else ""
        return f'<a href="#ref-{reference.pk}" class="citation"{anchor}>{text}</a>'

    def narrative(self, match):
        return self.link(match.group(0), match["authors"], match["year"])

    def parenthetical(self, match):
        inner = SEGMENT.sub(
            lambda segment: self.link(segment.group(0), segment["authors"], segment["year"]),
            match["inner"],
        )
        return f"({match['lead']}{inner})"

    def text(self, text):
        text = PARENTHETICAL.sub(self.parenthetical, text)
        # Narrative citations, outside the links just made.
        parts = re.split(r"(<a [^>]*>.*?</a>)", text)
        return "".join(
            part if part.startswith("<a ") else NARRATIVE.sub(self.narrative, part)
            for part in parts
        )

    def html(self, html):
        """`html` with its citations linked, leaving tags and existing links alone."""
        output, in_link = [], 0
        for part in TAG.split(html):
            if TAG.fullmatch(part):
                if re.match(r"<a[\s>]", part):
                    in_link += 1
                elif part.startswith("</a"):
                    in_link = max(0, in_link - 1)
                output.append(part)
            else:
                output.append(part if in_link else self.text(part))
        return "".join(output)


def link_citations(html, references):
    """Return (html with linked citations, ids of the cited references, unmatched citations)."""
    linker = CitationLinker(list(references))
    linked = linker.html(html)
    return linked, linker.cited, linker.unmatched
