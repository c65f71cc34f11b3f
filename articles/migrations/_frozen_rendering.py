"""A frozen copy of the rendering and citation linking of 2026-11-24, for the data migrations
that store the therapeutic-alliance article (0002, 0004); the Markdown part is the practice
app's frozen copy of the same day, shared rather than copied twice.

A migration must give the same result whatever the live code has become: these migrations use
this copy, never articles.rendering or articles.citations. Do not edit it; the psychologist's
next save renders a body with the current code. (Not a migration: Django skips modules whose
name starts with an underscore.)
"""

import math
import re
from dataclasses import dataclass, field

from practice_site.practice.migrations._frozen_markdown import TAG, render_markdown

# Adult readers read running text at about 200-250 words a minute; take the slower figure.
WORDS_PER_MINUTE = 200


def render_body(text, language, references):
    """An article body as stored: (HTML with its citations linked to `references`, ids of the
    cited references, citations that match no reference, reading minutes)."""
    html, cited, unmatched = link_citations(render_markdown(text, language), references)
    return html, cited, unmatched, reading_minutes(html)


def reading_minutes(html):
    """Minutes a reader needs for the text of `html`, at least one."""
    words = len(re.sub(r"<[^>]+>", " ", html).split())
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


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
