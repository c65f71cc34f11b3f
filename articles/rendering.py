"""What rendering an article adds to the shared rendering of the editor's HTML: linked
citations and the reading time. Done once when an article is saved, never on a page view."""

import math
import re

from practice_site.richtext.care import with_help_box
from practice_site.richtext.rendering import render_html

from .citations import link_citations

# Adult readers read running text at about 200-250 words a minute; take the slower figure.
WORDS_PER_MINUTE = 200


def render_body(html, language, references):
    """An article body as stored: (HTML with its citations linked to `references` and the help
    box if it mentions suicide, ids of the cited references, citations that match no reference,
    reading minutes)."""
    html, cited, unmatched = link_citations(render_html(html, language), references)
    return with_help_box(html, language), cited, unmatched, reading_minutes(html)


def reading_minutes(html):
    """Minutes a reader needs for the text of `html`, at least one."""
    words = len(re.sub(r"<[^>]+>", " ", html).split())
    return max(1, math.ceil(words / WORDS_PER_MINUTE))
