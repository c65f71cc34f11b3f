"""References as BibTeX and RIS, for reference managers (Zotero, EndNote, JabRef…)."""

import re
import unicodedata
from collections import Counter
from itertools import count
from string import ascii_lowercase

import rispy
from anyascii import anyascii

from .authors import letters

# Combining accents and the LaTeX commands that write them: "ü" is {\"u}, "ç" is {\c{c}}.
# A command named by a symbol takes its letter as is, one named by a letter needs braces.
LATEX_ACCENTS = {
    "\u0300": "`", "\u0301": "'", "\u0302": "^", "\u0303": "~", "\u0308": '"', "\u0304": "=",
    "\u0307": ".", "\u0327": "c", "\u030c": "v", "\u0306": "u", "\u030a": "r", "\u030b": "H",
    "\u0328": "k",
}  # fmt: skip
LATEX_SPECIALS = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
    "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
    "–": "--", "—": "---", "’": "'", "“": "``", "”": "''", "œ": r"{\oe}", "Œ": r"{\OE}",
    "æ": r"{\ae}", "Æ": r"{\AE}", "ß": r"{\ss}", "ø": r"{\o}", "Ø": r"{\O}", "ł": r"{\l}",
    "Ł": r"{\L}", "å": r"{\aa}", "Å": r"{\AA}", "ı": r"{\i}",
}  # fmt: skip


def latex(text):
    """`text` with LaTeX's special characters escaped and the letters LaTeX has a command for
    written with it, so any BibTeX program reads it; any other letter stays as it is, in UTF-8
    (the file's encoding), rather than being lost."""
    output = []
    for character in unicodedata.normalize("NFC", text):
        if character in LATEX_SPECIALS:
            output.append(LATEX_SPECIALS[character])
            continue
        base, *accents = unicodedata.normalize("NFD", character)
        if accents and base.isascii() and all(accent in LATEX_ACCENTS for accent in accents):
            for accent in accents:
                command = LATEX_ACCENTS[accent]
                letter = f"{{{base}}}" if command.isalpha() else base
                base = f"{{\\{command}{letter}}}"
            output.append(base)
        else:
            output.append(character)
    return "".join(output)


def bibtex_name(author):
    """The author in LaTeX; a group author ("World Health Organization") in braces, or BibTeX
    would take its last word for a surname."""
    return latex(author.bibtex) if author.initials else f"{{{latex(author.surname)}}}"


def citation_keys(references):
    """One key a reference of a year-labelled reference list (see Reference.label_years), in
    ASCII as BibTeX wants it: the first surname and the year as the text cites it
    ("Erdos2020", "Wampold2015a"). Keys that would still be the same (Erdős and Erdos, both
    2020) get the next letters no other key has, in order. anyascii transliterates any script
    (Ł, ß, Ø, Cyrillic…), where stripping accents loses the letters that have none."""
    bases = []
    for reference in references:
        surnames = reference.surnames
        name = re.sub(r"[^A-Za-z]", "", anyascii(surnames[0])) if surnames else ""
        bases.append(f"{name or 'ref'}{reference.year_label}")
    counts = Counter(bases)
    taken = {base for base in bases if counts[base] == 1}
    keys = []
    for base in bases:
        key = base
        if counts[base] > 1:
            # After the year, as for works without a suffix: "2015aa" would read as APA's.
            stem = base.rstrip(ascii_lowercase)
            key = next(
                candidate
                for rank in count()
                if (candidate := f"{stem}{letters(rank)}") not in taken
            )
        taken.add(key)
        keys.append(key)
    return keys


def page_range(pages):
    """ "252–260" as ("252", "260"); "e1234" as ("e1234", "")."""
    start, *end = re.split(r"\s*[–—-]\s*", pages, maxsplit=1)
    return start, end[0] if end else ""


def to_bibtex(references, only=None):
    """The entries of `references`, one article's year-labelled list, or of its reference
    `only`, whose key is the one it has in the whole list's file."""
    references = list(references)
    entries = []
    for reference, key in zip(references, citation_keys(references), strict=True):
        if only is not None and reference != only:
            continue
        fields = {
            "author": " and ".join(bibtex_name(author) for author in reference.author_list),
            # Titles keep their capitals: BibTeX styles would otherwise lower-case them.
            "title": f"{{{latex(reference.title)}}}",
            "journal": latex(reference.journal),
            "year": str(reference.year),
            "volume": latex(reference.volume),
            "number": latex(reference.issue),
            "pages": latex(reference.pages),
            "doi": reference.doi,
            "url": reference.link,
        }
        body = ",\n".join(
            f"  {name} = {{{value}}}" for name, value in fields.items() if value.strip("{}")
        )
        entries.append(f"@article{{{key},\n{body}\n}}\n")
    return "\n".join(entries)


class RisWriter(rispy.RisWriter):
    """rispy's writer as the RIS format has it: lines end with CR LF, and no "1.", "2."…
    before each record (a reader such as Zotero would take it for the end of the last line
    of the record before)."""

    NEWLINE = "\r\n"

    def set_header(self, count):
        return ""


def to_ris(references, only=None):
    """The records of `references`, or of the one reference `only` (as `to_bibtex`)."""
    records = []
    for reference in [only] if only is not None else references:
        start, end = page_range(reference.pages)
        record = {
            "type_of_reference": "JOUR",
            "authors": [str(author) for author in reference.author_list],
            "year": str(reference.year),
            "title": reference.title,
            "journal_name": reference.journal,
            "volume": reference.volume,
            "number": reference.issue,
            "start_page": start,
            "end_page": end,
            "doi": reference.doi,
            "urls": [reference.link] if reference.link else [],
        }
        records.append({name: value for name, value in record.items() if value})
    return rispy.dumps(records, implementation=RisWriter)
