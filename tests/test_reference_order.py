"""The reference list is in APA order (7th ed., 9.44–9.47) whatever order the references were
typed in: on the article page, in the BibTeX and RIS files and in the structured data."""

import json
import random
import re

import pytest
import rispy

from articles.models import Reference

from .test_citations import parse_bibtex

pytestmark = pytest.mark.django_db


def work(authors, year, title=""):
    """A reference; its title, unless given, tells it from the others."""
    return {"authors": authors, "year": year, "title": title or f"{authors} {year}", "journal": "J"}


# As APA lists them.
APA_ORDER = [
    work("Ackerman, S. J., & Hilsenroth, M. J.", 2003),
    # Letter by letter, accents, case and spaces aside.
    work("Ångström, A.", 2001),
    work("Bordin, E. S.", 1979),
    work("Delaney, K.", 2015),
    work("Del Re, A. C.", 2010),
    work("de Vries, J.", 1999),
    # The same authors: by year.
    work("Flückiger, C., & Del Re, A. C.", 2012),
    work("Flückiger, C., & Del Re, A. C.", 2018),
    # The same first author: by the next authors before the year (Horvath before Symonds).
    work("Flückiger, C., Del Re, A. C., Wampold, B. E., & Horvath, A. O.", 2018),
    work("Flückiger, C., Del Re, A. C., Wampold, B. E., Symonds, D., & Horvath, A. O.", 2012),
    # One author before the same author with others; the same authors and year by title,
    # leading article aside.
    work("Horvath, A. O.", 2011),
    work("Horvath, A. O., & Symonds, D.", 2011, "An alliance in individual psychotherapy"),
    work("Horvath, A. O., & Symonds, D.", 2011, "The working alliance"),
    # Nothing precedes something: Loft before Loftus.
    work("Loft, V. H.", 2020),
    work("Loftus, E. F.", 1996),
    # Same surname: by initials.
    work("Martin, A.", 2005),
    work("Martin, D. J., Garske, J. P., & Davis, M. K.", 2000),
]


@pytest.fixture
def shuffled(make_version):
    """An article whose references were typed in random order."""
    typed = APA_ORDER[:]
    random.Random(11).shuffle(typed)
    assert typed != APA_ORDER
    return make_version(references=typed, en={"slug": "shuffled"})["en"]


def expected():
    return [(w["authors"], w["year"], w["title"]) for w in APA_ORDER]


def test_references_typed_in_any_order_are_listed_alphabetically(client, shuffled):
    html = client.get("/en/articles/shuffled/").content.decode()
    listed = re.findall(r'<li id="ref-(\d+)">', html)
    references = Reference.objects.in_bulk([int(pk) for pk in listed])
    assert [(r.authors, r.year, r.title) for r in map(references.get, map(int, listed))] == (
        expected()
    )


def test_the_year_suffixes_follow_the_order_of_the_titles(client, shuffled):
    html = client.get("/en/articles/shuffled/").content.decode()
    assert html.index("Horvath, A. O., &amp; Symonds, D. (2011a). An alliance") < html.index(
        "Horvath, A. O., &amp; Symonds, D. (2011b). The working alliance"
    )


def test_the_exports_and_the_structured_data_list_them_in_the_same_order(client, shuffled):
    url = "/en/articles/shuffled/"
    titles = [w["title"] for w in APA_ORDER]
    records = rispy.loads(client.get(url + "references.ris").content.decode())
    assert [record["title"] for record in records] == titles
    entries = parse_bibtex(client.get(url + "references.bib").content.decode())
    assert [entry["title"].strip("{}") for entry in entries] == titles
    html = client.get(url).content.decode()
    data = json.loads(re.search(r'application/ld\+json">(.*?)</script>', html, re.S)[1])
    assert [citation["name"] for citation in data["citation"]] == titles
