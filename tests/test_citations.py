"""In-text citations link to the reference list and back; references export to BibTeX, RIS."""

import re

import bibtexparser
import pytest
import rispy
from bibtexparser.bparser import BibTexParser
from bibtexparser.customization import convert_to_unicode

from articles.models import ArticleVersion, Reference

from .alliance import ENGLISH_URL, FRENCH_URL
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
    # In the order of the text, where the author looks for them (they were once listed
    # parenthetical citations first, an accident of the order the linker ran in).
    assert version.unmatched_citations == ["Rogers (1957)", "Smith et al., 2020"]


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
    assert "ne renvoient à aucune référence" in html
    assert ArticleVersion.objects.get(pk=alliance.pk).unmatched_citations == ["Rogers (1957)"]


WORKS = {
    "bordin": ("Bordin, E. S.", 1979, "The generalizability of the psychoanalytic concept"),
    "martin": ("Martin, D. J., Garske, J. P., & Davis, M. K.", 2000, "Relation of alliance"),
    "horvath4": (
        "Horvath, A. O., Del Re, A. C., Flückiger, C., & Symonds, D.",
        2011,
        "Alliance in individual psychotherapy",
    ),
    "horvath2": ("Horvath, A. O., & Symonds, D.", 2011, "Relation between working alliance"),
    # Same author, same year: APA orders them by title, leaving out "The": 2015a, 2015b.
    "wampold_how": ("Wampold, B. E.", 2015, "How important are the common factors"),
    "wampold_debate": ("Wampold, B. E.", 2015, "The great psychotherapy debate"),
    "smith": ("Smith, J., Jr., & Doe, A.", 2020, "A study by a junior"),
    "delre": ("Del Re, A. C., Flückiger, C., Horvath, A. O., & Wampold, B. E.", 2012, "Therapist"),
    "vanderberg": ("van der Berg, K.", 2010, "Particles"),
    "fluckiger2012": ("Flückiger, C., Del Re, A. C., & Wampold, B. E.", 2012, "How central"),
    "fluckiger2018": (
        "Flückiger, C., Del Re, A. C., Wampold, B. E., & Horvath, A. O.",
        2018,
        "Alliance",
    ),
    "erdos": ("Erdős, Ł.", 2020, "Unicode names"),
    "norcross": ("Norcross, J. C.", 2002, "Psychotherapy relationships that work"),
    # Group authors have no initials, so maybe no final full stop either.
    "apa": ("American Psychological Association.", 2020, "Publication manual"),
    "has": ("Haute Autorité de Santé", 2019, "Recommandations"),
    "who": ("World Health Organization", 2019, "Mental health atlas"),
    "samhsa": ("Substance Abuse and Mental Health Services Administration", 2021, "Survey"),
}
REPORTED = "reported"
NOTHING = "neither linked nor reported"
NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("language", "body", "link_text", "expected"),
    [
        ("en", "Bordin (1979) says so.", "Bordin (1979)", "bordin"),
        ("en", "It is so (Bordin, 1979).", "Bordin, 1979", "bordin"),
        ("en", "It is so (Bordin, 1979, p. 253).", "Bordin, 1979", "bordin"),
        ("en", "It is so (Bordin, 1979, pp. 253–255).", "Bordin, 1979", "bordin"),
        ("en", "Bordin (1979, p. 12) says so.", "Bordin (1979", "bordin"),
        ("en", "It is so (Bordin 1979).", "Bordin 1979", "bordin"),
        ("fr", f"C’est ainsi (Bordin,{NBSP}1979, p.{NBSP}12).", f"Bordin,{NBSP}1979", "bordin"),
        ("en", "Bordin’s (1979) model.", "Bordin’s (1979)", "bordin"),
        # The possessive of a name ending in "s" may be a bare apostrophe.
        ("en", "Norcross’ (2002) review.", "Norcross’ (2002)", "norcross"),
        ("en", "Norcross' (2002) review.", "Norcross' (2002)", "norcross"),
        ("en", "Norcross’s (2002) review.", "Norcross’s (2002)", "norcross"),
        ("en", "Rogers’ (1957) conditions.", "Rogers (1957)", REPORTED),
        ("fr", "Voir les conditions, Rogers' (1957).", "Rogers (1957)", REPORTED),
        # Whole surnames: Martinez is not Martin.
        ("en", "Martinez (2000) says so.", "Martinez (2000)", REPORTED),
        ("en", "Martin, Garske, & Davis (2000) say so.", "Martin, Garske, &amp; Davis (2000)",
         "martin"),
        ("en", "Martin et al. (2000) say so.", "Martin et al. (2000)", "martin"),
        ("en", "So (Martin et al., 2000; see also Bordin, 1979).", "Bordin, 1979", "bordin"),
        ("en", "So (Martin et al., 2000; see also Bordin, 1979).", "Martin et al., 2000", "martin"),
        # "et al." only stands for three authors or more: never the two-author Horvath paper.
        ("en", "Horvath et al. (2011) say so.", "Horvath et al. (2011)", "horvath4"),
        ("fr", "(Horvath et coll., 2011).", "Horvath et coll., 2011", "horvath4"),
        ("en", "Horvath & Symonds (2011) say so.", "Horvath &amp; Symonds (2011)", "horvath2"),
        ("en", "Horvath and Symonds (2011) say so.", "Horvath and Symonds (2011)", "horvath2"),
        ("fr", "Selon Horvath et Symonds (2011).", "Horvath et Symonds (2011)", "horvath2"),
        ("en", "So (Horvath, Del Re, Flückiger, & Symonds, 2011).",
         "Horvath, Del Re, Flückiger, &amp; Symonds, 2011", "horvath4"),
        ("en", "Horvath (2011) says so.", "Horvath (2011)", REPORTED),
        # Year suffixes: each names one work; without one, which work is meant is unknown.
        ("en", "Wampold (2015a) says so.", "Wampold (2015a)", "wampold_debate"),
        ("en", "So (Wampold, 2015b).", "Wampold, 2015b", "wampold_how"),
        ("en", "Wampold (2015) says so.", "Wampold (2015)", REPORTED),
        ("en", "Bordin (1979a) says so.", "Bordin (1979a)", REPORTED),
        ("en", "Horvath et al. (2011a) say so.", "Horvath et al. (2011a)", REPORTED),
        # "Smith, J., Jr., & Doe, A." is two authors.
        ("en", "Smith and Doe (2020) say so.", "Smith and Doe (2020)", "smith"),
        ("en", "Smith (2020) says so.", "Smith (2020)", REPORTED),
        ("en", "So (Smith et al., 2020).", "Smith et al., 2020", REPORTED),
        ("en", "Del Re et al. (2012) say so.", "Del Re et al. (2012)", "delre"),
        ("en", "Van der Berg (2010) says so.", "Van der Berg (2010)", "vanderberg"),
        ("en", "As van der Berg (2010) says.", "van der Berg (2010)", "vanderberg"),
        ("fr", "Ainsi (Martin et al., 2000 ; Bordin, 1979).", "Bordin, 1979", "bordin"),
        ("fr", "Ainsi (voir aussi Bordin, 1979).", "Bordin, 1979", "bordin"),
        ("en", "So (e.g., Bordin, 1979).", "Bordin, 1979", "bordin"),
        ("en", "So (cf. Bordin 1979).", "Bordin 1979", "bordin"),
        ("fr", "Ainsi, Bordin (1979) montre.", "Bordin (1979)", "bordin"),
        ("fr", "La théorie de Bordin (1979).", "Bordin (1979)", "bordin"),
        ("en", "Flückiger et al. (2012, 2018) say so.", "Flückiger et al. (2012", "fluckiger2012"),
        ("en", "Flückiger et al. (2012, 2018) say so.", "2018", "fluckiger2018"),
        ("en", "Erdős (2020) says so.", "Erdős (2020)", "erdos"),
        ("en", "Rogers (1957) says so.", "Rogers (1957)", REPORTED),
        # A group author links by its whole name, even one with "and" in it.
        ("en", "So (American Psychological Association, 2020).",
         "American Psychological Association, 2020", "apa"),
        ("en", "The American Psychological Association (2020) says so.",
         "American Psychological Association (2020)", "apa"),
        ("fr", "Ainsi (Haute Autorité de Santé, 2019).", "Haute Autorité de Santé, 2019", "has"),
        ("fr", "La Haute Autorité de Santé (2019) recommande.",
         "Haute Autorité de Santé (2019)", "has"),
        ("en", "The World Health Organization’s (2019) atlas.",
         "World Health Organization’s (2019)", "who"),
        ("en", f"So (see also World{NBSP}Health Organization, 2019).",
         f"World{NBSP}Health Organization, 2019", "who"),
        ("en", "So (Substance Abuse and Mental Health Services Administration, 2021).",
         "Substance Abuse and Mental Health Services Administration, 2021", "samhsa"),
        ("en", "So (World Health Organization, 2020).", "World Health Organization, 2020",
         REPORTED),
        # An unknown group is reported by its whole name in a parenthesis; in a sentence,
        # whose first word has a capital too, by the words a surname can be.
        ("en", "So (National Institute of Mental Health, 2021).",
         "National Institute of Mental Health, 2021", REPORTED),
        ("fr", "Ainsi (voir Agence d’Évaluation des Technologies 2018).",
         "Agence d’Évaluation des Technologies, 2018", REPORTED),
        ("en", "The National Institute of Mental Health (2021) says so.", "Health (2021)",
         REPORTED),
        # A link is the author's already.
        ("en", 'Read <a href="https://example.org/">Bordin (1979)</a>.', None, NOTHING),
        # A year alone, or after a word that dates, is no citation.
        ("fr", "En 1979, Bordin écrit (p. 12).", None, NOTHING),
        ("fr", "Un article paru (2011) puis (En 1979) et (March 2020).", None, NOTHING),
    ],
)  # fmt: skip
def test_citation_forms(make_version, language, body, link_text, expected):
    """Each form links to its reference, and only to it, or is reported, or is left alone."""
    references = [
        {"authors": authors, "year": year, "title": title, "journal": "J"}
        for authors, year, title in WORKS.values()
    ]
    version = make_version(references=references, **{language: {"body": body}})[language]
    version.refresh_from_db()
    links = re.findall(r'<a href="#ref-(\d+)" class="citation"[^>]*>(.*?)</a>', version.body_html)
    if expected == NOTHING:
        assert (links, version.unmatched_citations) == ([], [])
    elif expected == REPORTED:
        assert links == []
        assert version.unmatched_citations == [link_text]
    else:
        pk = version.article.references.get(title=WORKS[expected][2]).pk
        assert (str(pk), link_text) in links
        assert version.unmatched_citations == []


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
    assert records[1]["authors"] == ["Bordin, E. S."]
    assert records[1]["start_page"] == "252"
    assert records[1]["end_page"] == "260"


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
            "L’alliance thérapeutique\u00a0: un lien essentiel entre le patient et le psychologue",
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


def test_the_reference_list_shows_the_year_suffixes_it_is_cited_by(make_version, client):
    references = [
        {"authors": "Wampold, B. E.", "year": 2015, "title": title, "journal": "J"}
        for title in ["How important are the common factors", "The great psychotherapy debate"]
    ]
    version = make_version(references=references, en={"body": "Wampold (2015b)."})["en"]
    html = client.get(version.get_absolute_url()).content.decode()
    assert "Wampold, B. E. (2015a). The great psychotherapy debate." in html
    assert "Wampold, B. E. (2015b). How important are the common factors." in html


def test_bibtex_keeps_every_letter_of_any_name_with_ascii_keys(make_version, client):
    names = {
        "Erdős, Ł.": 2020,
        "Łukasiewicz, J.": 1930,
        "Çelik, Ø., Šimić, Å., & Dvořák, Æ.": 2001,
        "Straße, ı.": 1999,
    }
    make_version(
        fr={"slug": "noms"},
        references=[
            {"authors": authors, "year": year, "title": "T", "journal": "J"}
            for authors, year in names.items()
        ],
    )
    entries = parse_bibtex(client.get("/fr/articles/noms/references.bib").content.decode())
    # In APA order, accents aside.
    assert [entry["ID"] for entry in entries] == [
        "Celik2001",
        "Erdos2020",
        "Lukasiewicz1930",
        "Strasse1999",
    ]
    assert [entry["author"] for entry in entries] == [
        "Çelik, Ø. and Šimić, Å. and Dvořák, Æ.",
        "Erdős, Ł.",
        "Łukasiewicz, J.",
        "Straße, ı.",
    ]


def test_references_that_would_share_a_bibtex_key_get_distinct_ones(make_version, client):
    make_version(
        fr={"slug": "cles"},
        references=[
            {"authors": "Erdős, P.", "year": 2020, "title": "One", "journal": "J"},
            {"authors": "Erdos, A.", "year": 2020, "title": "Two", "journal": "J"},
            {"authors": "Erdős, P.", "year": 2021, "title": "Three", "journal": "J"},
        ],
    )
    entries = parse_bibtex(client.get("/fr/articles/cles/references.bib").content.decode())
    assert [entry["ID"] for entry in entries] == ["Erdos2020a", "Erdos2020b", "Erdos2021"]


def test_exports_read_suffixes_particles_and_group_authors_as_names(make_version, client):
    make_version(
        fr={"slug": "auteurs"},
        references=[
            {"authors": "Smith, J., Jr., & van der Berg, K.", "year": 2020, "title": "T",
             "journal": "J"},
            {"authors": "World Health Organization", "year": 2019, "title": "T", "journal": "J"},
        ],
    )  # fmt: skip
    bib = client.get("/fr/articles/auteurs/references.bib").content.decode()
    ris = client.get("/fr/articles/auteurs/references.ris").content.decode()
    assert [entry["author"] for entry in parse_bibtex(bib)] == [
        "Smith, Jr., J. and van der Berg, K.",
        "World Health Organization",
    ]
    # In braces: BibTeX would otherwise read Organization as the surname.
    assert "author = {{World Health Organization}}" in bib
    assert [record["authors"] for record in rispy.loads(ris)] == [
        ["Smith, J., Jr.", "van der Berg, K."],
        ["World Health Organization"],
    ]
    # RIS records start with their TY line: no numbering before them, lines end with CR LF.
    assert ris.startswith("TY  - JOUR\r\n")
    assert "\r\n2." not in ris


def test_render_articles_brings_stored_bodies_up_to_date(make_version):
    """A reference deleted in bulk (no save() called) leaves a stale link until the command."""
    from io import StringIO

    from django.core.management import call_command

    from articles.models import Reference

    version = make_version(
        references=[{"authors": "Bordin, E. S.", "year": 1979, "title": "T", "journal": "J"}],
        fr={"body": "Selon Bordin (1979)."},
    )["fr"]
    # Articles stored by older migrations are rendered anew first, so that only this one counts.
    call_command("render_articles", stdout=StringIO())
    Reference.objects.filter(article=version.article).delete()
    version.refresh_from_db()
    assert 'class="citation"' in version.body_html

    output = StringIO()
    call_command("render_articles", stdout=output)

    version.refresh_from_db()
    assert 'class="citation"' not in version.body_html
    assert version.unmatched_citations == ["Bordin (1979)"]
    assert output.getvalue() == "Language versions rendered anew: 1.\n"
    call_command("render_articles", stdout=output)
    assert output.getvalue().endswith("rendered anew: 0.\n")


def test_a_year_label_is_read_from_the_whole_list_never_by_a_query_per_reference(
    make_version, django_assert_num_queries
):
    version = make_version(
        references=[
            {"authors": "Wampold, B. E.", "year": 2015, "title": title, "journal": "J"}
            for title in ["How important are the common factors", "The great psychotherapy debate"]
        ],
        en={},
    )["en"]
    references = list(Reference.objects.filter(article=version.article))
    with django_assert_num_queries(0):
        # A suffix depends on the other references: one reference alone cannot tell it.
        with pytest.raises(ValueError, match="label_years"):
            references[0].year_label  # noqa: B018
        assert [r.year_label for r in Reference.label_years(references)] == ["2015b", "2015a"]


def test_bibtex_keys_carry_the_year_suffix_the_text_cites(make_version, client):
    """Wampold2015a is the work cited as "Wampold (2015a)", whatever its place in the list,
    in the whole list's file as in its own."""
    make_version(
        fr={"slug": "suffixes"},
        references=[
            {"authors": "Wampold, B. E.", "year": 2015, "title": title, "journal": "J"}
            for title in ["How important are the common factors", "The great psychotherapy debate"]
        ],
    )
    url = "/fr/articles/suffixes/references"
    entries = parse_bibtex(client.get(f"{url}.bib").content.decode())
    assert [(entry["ID"], entry["title"]) for entry in entries] == [
        ("Wampold2015a", "The great psychotherapy debate"),
        ("Wampold2015b", "How important are the common factors"),
    ]
    for reference in Reference.objects.filter(year=2015):
        [entry] = parse_bibtex(client.get(f"{url}/{reference.pk}.bib").content.decode())
        assert entry["ID"] == f"Wampold{reference.year}{'b' if 'How' in reference.title else 'a'}"


def test_bibtex_keys_tell_apart_works_only_their_ascii_name_confuses(make_version, client):
    """Beyond APA's suffixes: "Erdős, P." and "Erdos, A." have no suffix, the same key base."""
    make_version(
        fr={"slug": "au-dela"},
        references=[
            {"authors": "Erdos, A.", "year": 2020, "title": "Three", "journal": "J"},
            {"authors": "Erdős, P.", "year": 2020, "title": "Two", "journal": "J"},
            {"authors": "Erdős, P.", "year": 2020, "title": "One", "journal": "J"},
            {"authors": "Erdos, Z.", "year": 2020, "title": "Four", "journal": "J"},
        ],
    )
    entries = parse_bibtex(client.get("/fr/articles/au-dela/references.bib").content.decode())
    # Erdős P. is cited as 2020a ("One") and 2020b: the others take the letters after them.
    assert [(entry["ID"], entry["title"]) for entry in entries] == [
        ("Erdos2020c", "Three"),
        ("Erdos2020a", "One"),
        ("Erdos2020b", "Two"),
        ("Erdos2020d", "Four"),
    ]
