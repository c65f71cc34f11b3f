"""A frozen copy of practice_site.rendering.french_spaces of 2026-11-26, for the data migrations
that typeset the French short texts already stored (this app's titles and practical note, the
articles' titles and summaries): a migration must give the same result whatever the live code
has become. Do not edit it. (Not a migration: Django skips modules whose name starts with an
underscore.)
"""

import re

FRENCH_SPACES = [
    (re.compile(r" ([:;!?»])"), "\u00a0\\1"),
    (re.compile(r"« "), "«\u00a0"),
    (re.compile(r"(?<=\d) (?=\d{3}(?!\d))"), "\u00a0"),
    (re.compile(r"(?<=\bn°) (?=\d)"), "\u00a0"),
    (re.compile(r"(?<=\d) (?=(?:h|j|min)\b|[%€])"), "\u00a0"),
]


def french_spaces(text):
    for pattern, replacement in FRENCH_SPACES:
        text = pattern.sub(replacement, text)
    return text
