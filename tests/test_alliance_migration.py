"""The data migration creates the therapeutic-alliance article, in both languages."""

import re

from articles.models import ArticleVersion, Reference

DOIS = [
    "10.1037/h0085885",
    "10.1037/0022-006X.68.3.438",
    "10.1016/S0272-7358(02)00146-0",
    "10.1037/a0022186",
    "10.1037/a0025749",
    "10.1037/pst0000172",
]


def test_the_article_is_published_in_french_and_english(alliance):
    versions = {v.language: v for v in alliance.article.versions.all()}
    assert set(versions) == {"fr", "en"}
    assert all(v.is_published for v in versions.values())
    assert versions["fr"].slug == "alliance-therapeutique"
    assert versions["en"].slug == "therapeutic-alliance"
    assert versions["fr"].title.startswith("L’alliance thérapeutique")
    assert versions["en"].title.startswith("The therapeutic alliance")


def test_the_six_references_are_stored_in_order_with_their_dois(alliance):
    references = list(alliance.article.references.all())
    assert [r.doi for r in references] == DOIS
    assert [r.year for r in references] == [1979, 2000, 2003, 2011, 2012, 2018]
    assert Reference.objects.get(doi="10.1037/a0025749").pages == "10–17"


def test_the_french_text_keeps_the_authors_words_with_its_slips_fixed(alliance):
    body = alliance.body
    assert "dans un climat de confiance" in body
    assert "lors des séances" in body
    assert "l’espace des séances" in body
    assert "une base sur laquelle" in body
    for slip in ["dan d’un", "des séance ", "des séance.", "gardez-à-l’esprit"]:
        assert slip not in body
    assert "L’alliance thérapeutique n’est pas une technique, c’est une rencontre humaine." in body


def structure(html):
    """The outline of a rendered body: its headings, list items and paragraphs, by tag."""
    return re.findall(r"<(h2|h3|ol|ul|li|p)>", html)


def test_both_versions_have_the_same_structure(alliance):
    english = ArticleVersion.objects.get(language="en", slug="therapeutic-alliance")
    french_outline = structure(alliance.body_html)
    assert french_outline == structure(english.body_html)
    assert french_outline.count("h2") == 6
    assert french_outline.count("h3") == 4
    assert french_outline.count("ol") == 1
    assert french_outline.count("ul") == 2
