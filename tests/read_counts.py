"""What the admin home's "Reads" panel shows, and waiting until it shows a figure: the counts
reach the database in the background, a flush interval after the reads."""

import html
import re
import time

_ROW = re.compile(
    r'<th scope="row"><a [^>]*>(?P<title>[^<]*)</a></th>\s*'
    r"<td>(?P<language>[^<]*)</td>\s*"
    r'<td class="reads-total">(?P<total>\d+)</td>'
)


def reads_panel(page):
    """The panel's HTML in the admin home `page`, or None when it is not there."""
    match = re.search(r'<section class="module home-reads".*?</section>', page, re.S)
    return match and match[0]


def reads_shown(client):
    """{(title, language): reads over the last 30 days} as the admin home shows them."""
    panel = reads_panel(client.get("/admin/").content.decode()) or ""
    return {
        (html.unescape(row["title"]), row["language"]): int(row["total"])
        for row in _ROW.finditer(panel)
    }


def wait_until_shown(client, title, language, reads, timeout=30):
    """Ask the admin home until it shows `reads` for the version `title` in `language`, as she
    would reload it; fails at once on more, and after `timeout` seconds on fewer."""
    deadline = time.monotonic() + timeout
    while True:
        shown = reads_shown(client)
        assert shown.get((title, language), 0) <= reads, shown
        if shown.get((title, language)) == reads:
            return shown
        assert time.monotonic() < deadline, shown
        time.sleep(0.1)
