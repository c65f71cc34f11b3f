"""In-text citations link to the reference list and back; references export to BibTeX, RIS."""

import re

import bibtexparser
import pytest
import rispy
from bibtexparser.bparser import BibTexParser
from bibtexparser.customization import convert_to_unicode

from articles.models import ArticleVersion

from .conftest import ENGLISH_URL, FRENCH_URL
from .test_alliance_migration import DOIS

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", [FRENCH_URL, ENGLISH_URL])
def test_each_reference_is_linked_from_the_text_and_back(client, alliance, url):
    html = client.get(url).content.decode()
    body = html.split('class="article__body"')[1].split('class="references"')[0]
    for reference in alliance.article.references.all():
        assert f'<a href="#ref-{reference.pk}" class="citation" id="cite-{reference.pk}">' in body
        entry = re.search(rf'<li id="ref-{reference.pk}">(.*?)</li>', html, re.S).group(1)
        assert f'href="#cite-{reference.pk}"' in entry


def test_citations_in_french_and_english_forms_are_linked(make_version):
    references = [
        {"authors": "Horvath, A. O., & Symonds, D.", "year": 2011, "title": "T", "journal": "J"},
        {"authors": "Bordin, E. S.", "year": 1979, "title": "T", "journal": "J"},
    ]
    versions = make_version(
        references=references,
        fr={"body": "Selon Bordin (1979), et d’autres (Horvath et Symonds, 2011)."},
        en={"body": "As Horvath and Symonds (2011) showed (see also Bordin, 1979)."},
    )
    for version in versions.values():
        version.refresh_from_db()
        assert version.body_html.count('class="citation"') == 2
        assert version.unmatched_citations == []


def test_a_citation_matching_no_reference_stays_text_and_is_reported(make_version):
    version = make_version(fr={"body": "Comme l’écrit Rogers (1957), et (Smith et al., 2020)."})[
        "fr"
    ]
    assert 'class="citation"' not in version.body_html
    assert version.unmatched_citations == ["Smith et al., 2020", "Rogers (1957)"]


def test_adding_the_missing_reference_links_the_citation(make_version):
    version = make_version(fr={"body": "Comme l’écrit Rogers (1957)."})["fr"]
    version.article.references.create(
        authors="Rogers, C. R.",
        year=1957,
        title="The necessary and sufficient conditions",
        journal="Journal of Consulting Psychology",
    )
    version.refresh_from_db()
    assert 'class="citation"' in version.body_html
    assert version.unmatched_citations == []


def test_the_admin_warns_about_unmatched_citations_on_save(admin_client, alliance):
    from .test_admin import change_form_data

    url = f"/admin/articles/article/{alliance.article.pk}/change/"
    data = change_form_data(admin_client.get(url))
    body_field = next(name for name, value in data.items() if value == alliance.body)
    data[body_field] = alliance.body + "\n\nVoir aussi Rogers (1957)."
    response = admin_client.post(url, data, follow=True)
    html = response.content.decode()
    assert "Rogers (1957)" in html
    assert "ne correspondent à aucune référence" in html
    assert ArticleVersion.objects.get(pk=alliance.pk).unmatched_citations == ["Rogers (1957)"]


def parse_bibtex(text):
    parser = BibTexParser(common_strings=True)
    parser.customization = convert_to_unicode
    return bibtexparser.loads(text, parser=parser).entries


@pytest.mark.parametrize("url", [FRENCH_URL, ENGLISH_URL])
def test_the_reference_list_downloads_as_bibtex_with_the_six_dois(client, url):
    response = client.get(url + "references.bib")
    entries = parse_bibtex(response.content.decode())
    assert response["Content-Type"].startswith("application/x-bibtex")
    assert "attachment" in response["Content-Disposition"]
    assert [entry["doi"] for entry in entries] == DOIS
    horvath = next(entry for entry in entries if entry["year"] == "2011")
    assert horvath["author"] == "Horvath, A. O. and Del Re, A. C. and Flückiger, C. and Symonds, D."
    assert horvath["journal"] == "Psychotherapy"


def test_bibtex_escapes_accents_braces_and_ampersands(make_version, client):
    make_version(
        fr={"slug": "echappements"},
        references=[
            {
                "authors": "Flückiger, C., & Müller, É.",
                "year": 2020,
                "journal": "Revue & {Co}",
                "title": "Un titre {avec} 50 % de $péc¡aux_",
            },
        ],
    )
    text = client.get("/fr/articles/echappements/references.bib").content.decode()
    assert r"Fl{\"u}ckiger" in text
    assert r"Revue \& \{Co\}" in text
    assert r"50 \% de \$p{\'e}c¡aux\_" in text
    [entry] = parse_bibtex(text)
    assert entry["author"] == "Flückiger, C. and Müller, É."


@pytest.mark.parametrize("url", [FRENCH_URL, ENGLISH_URL])
def test_the_reference_list_downloads_as_ris_with_the_six_dois(client, url):
    response = client.get(url + "references.ris")
    records = rispy.loads(response.content.decode())
    assert response["Content-Type"].startswith("application/x-research-info-systems")
    assert [record["doi"] for record in records] == DOIS
    assert records[0]["authors"] == ["Bordin, E. S."]
    assert records[0]["start_page"] == "252"
    assert records[0]["end_page"] == "260"


def test_each_reference_downloads_on_its_own(client, alliance):
    reference = alliance.article.references.get(year=2003)
    bib = client.get(f"{FRENCH_URL}references/{reference.pk}.bib").content.decode()
    ris = client.get(f"{FRENCH_URL}references/{reference.pk}.ris").content.decode()
    assert [entry["doi"] for entry in parse_bibtex(bib)] == ["10.1016/S0272-7358(02)00146-0"]
    assert [record["doi"] for record in rispy.loads(ris)] == ["10.1016/S0272-7358(02)00146-0"]


@pytest.mark.parametrize("path", ["references.pdf", "references/999999.bib", "../x/references.bib"])
def test_unknown_exports_are_404(client, path):
    assert client.get(FRENCH_URL + path).status_code == 404


def test_an_unpublished_version_exports_nothing(client, alliance):
    alliance.status = ArticleVersion.Status.DRAFT
    alliance.save()
    assert client.get(FRENCH_URL + "references.bib").status_code == 404


@pytest.mark.parametrize(
    ("url", "citation"),
    [
        (
            FRENCH_URL,
            "L’alliance thérapeutique : un lien essentiel entre le patient et le psychologue",
        ),
        (
            ENGLISH_URL,
            "The therapeutic alliance: an essential bond between patient and psychologist",
        ),
    ],
)
def test_the_page_says_how_to_cite_it(client, url, citation):
    html = client.get(url).content.decode()
    section = html.split('id="cite-this-title"')[1]
    assert f"<cite>{citation}</cite>" in section
    assert f"http://testserver{url}" in section
