"""References as BibTeX and RIS, for reference managers (Zotero, EndNote, JabRef…)."""

import re
import unicodedata

# Combining accents and the LaTeX commands that write them: "ü" is {\"u}, "é" is {\'e}.
LATEX_ACCENTS = {
    "\u0300": "`", "\u0301": "'", "\u0302": "^", "\u0303": "~", "\u0308": '"',
    "\u0327": "c", "\u030c": "v", "\u0304": "=", "\u0306": "u", "\u030a": "r",
}  # fmt: skip
LATEX_SPECIALS = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
    "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
    "–": "--", "—": "---", "’": "'", "“": "``", "”": "''", "œ": r"{\oe}", "Œ": r"{\OE}",
    "æ": r"{\ae}", "ß": r"{\ss}", "ø": r"{\o}",
}  # fmt: skip


def latex(text):
    """`text` with LaTeX's special characters escaped and accents as LaTeX commands, so any
    BibTeX program reads it, whatever its encoding."""
    output = []
    for character in text:
        if character in LATEX_SPECIALS:
            output.append(LATEX_SPECIALS[character])
            continue
        decomposed = unicodedata.normalize("NFD", character)
        base, accents = decomposed[0], decomposed[1:]
        if accents and all(accent in LATEX_ACCENTS for accent in accents) and base.isascii():
            for accent in accents:
                base = f"{{\\{LATEX_ACCENTS[accent]}{base}}}"
            output.append(base)
        else:
            output.append(character)
    return "".join(output)


def author_list(authors):
    """APA "Martin, D. J., Garske, J. P., & Davis, M. K." as
    ["Martin, D. J.", "Garske, J. P.", "Davis, M. K."]."""
    parts = [part.strip().removeprefix("& ").strip() for part in authors.split(",")]
    names, current = [], []
    for part in parts:
        if not part:
            continue
        current.append(part)
        if part.endswith("."):  # initials close a name
            names.append(", ".join(current))
            current = []
    if current:
        names.append(", ".join(current))
    return names


def citation_key(reference):
    first = author_list(reference.authors)[0].split(",")[0] if reference.authors else "ref"
    ascii_name = unicodedata.normalize("NFKD", first).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z]", "", ascii_name) + str(reference.year)


def page_range(pages):
    """ "252–260" as ("252", "260"); "e1234" as ("e1234", "")."""
    start, *end = re.split(r"\s*[–—-]\s*", pages, maxsplit=1)
    return start, end[0] if end else ""


def to_bibtex(references):
    entries = []
    for reference in references:
        fields = {
            "author": " and ".join(author_list(reference.authors)),
            "title": reference.title,
            "journal": reference.journal,
            "year": str(reference.year),
            "volume": reference.volume,
            "number": reference.issue,
            "pages": reference.pages,
            "doi": reference.doi,
            "url": reference.link,
        }
        # Titles keep their capitals: BibTeX styles would otherwise lower-case them.
        body = ",\n".join(
            f"  {name} = {{{{{latex(value)}}}}}" if name == "title" else
            f"  {name} = {{{value if name in ('doi', 'url') else latex(value)}}}"
            for name, value in fields.items()
            if value
        )  # fmt: skip
        entries.append(f"@article{{{citation_key(reference)},\n{body}\n}}\n")
    return "\n".join(entries)


def to_ris(references):
    records = []
    for reference in references:
        start, end = page_range(reference.pages)
        lines = [("TY", "JOUR")]
        lines += [("AU", name) for name in author_list(reference.authors)]
        lines += [
            ("PY", str(reference.year)),
            ("TI", reference.title),
            ("JO", reference.journal),
            ("VL", reference.volume),
            ("IS", reference.issue),
            ("SP", start),
            ("EP", end),
            ("DO", reference.doi),
            ("UR", reference.link),
        ]
        record = "".join(f"{tag}  - {value}\r\n" for tag, value in lines if value)
        records.append(record + "ER  - \r\n")
    return "\r\n".join(records)
