"""The article's "Cite this article" line as APA 7 writes a web page: the author's surname and
initials, the year, the title without a doubled mark, the site, the address."""

import re

import pytest

pytestmark = pytest.mark.django_db


def cite_this(client, version):
    html = client.get(version.get_absolute_url()).content.decode()
    section = html.split('id="cite-this-title"')[1].split("</section>")[0]
    return " ".join(re.sub(r"<[^>]+>", "", section.split("</h2>", 1)[1]).split())


@pytest.mark.parametrize(
    ("author", "cited"),
    [
        ("Claire Dubois", "Dubois, C."),
        ("Jean-Paul Martin", "Martin, J.-P."),
        ("Anne Marie de La Fontaine", "de La Fontaine, A. M."),
        ("Dubois, C.", "Dubois, C."),
    ],
)
def test_how_to_cite_names_the_author_as_apa_does(make_version, client, author, cited):
    version = make_version(author=author, fr={"title": "Une première séance"})["fr"]
    year = version.published_at.year
    assert cite_this(client, version).startswith(f"{cited} ({year}). Une première séance.")


def test_a_title_that_ends_with_its_own_mark_gets_no_full_stop_after_it(make_version, client):
    version = make_version(author="Claire Dubois", fr={"title": "Que dire à la première séance ?"})
    text = cite_this(client, version["fr"])
    assert "Que dire à la première séance ? Cabinet de psychologie." in text
    assert "?." not in text
