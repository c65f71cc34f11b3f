"""The data migration creates the therapeutic-alliance article, in both languages."""

import re
from html import unescape

import pytest
from django.core.management import call_command

from articles.models import ArticleVersion, Reference

from .alliance import ENGLISH_SLUG, ENGLISH_URL, FRENCH_URL

pytestmark = pytest.mark.django_db

# In APA order (7th ed., 9.44–9.46): alphabetical by first author, then by the following
# ones, and only then by year: Flückiger 2018 (… Wampold & Horvath) before Flückiger 2012
# (… Wampold, Symonds & Horvath), as Horvath comes before Symonds.
DOIS = [
    "10.1016/S0272-7358(02)00146-0",  # Ackerman & Hilsenroth, 2003
    "10.1037/h0085885",  # Bordin, 1979
    "10.1037/pst0000172",  # Flückiger, Del Re, Wampold & Horvath, 2018
    "10.1037/a0025749",  # Flückiger, Del Re, Wampold, Symonds & Horvath, 2012
    "10.1037/a0022186",  # Horvath, Del Re, Flückiger & Symonds, 2011
    "10.1037/0022-006X.68.3.438",  # Martin, Garske & Davis, 2000
]


def test_the_article_is_published_in_french_and_english(alliance):
    versions = {v.language: v for v in alliance.article.versions.all()}
    assert set(versions) == {"fr", "en"}
    assert all(v.is_published for v in versions.values())
    assert versions["fr"].slug == "alliance-therapeutique"
    assert versions["en"].slug == "therapeutic-alliance"
    assert versions["fr"].title.startswith("L’alliance thérapeutique")
    assert versions["en"].title.startswith("The therapeutic alliance")


def test_the_six_references_are_listed_in_apa_order_with_their_dois(alliance):
    references = Reference.reference_list(alliance.article.references.all())
    assert [r.doi for r in references] == DOIS
    assert [r.year for r in references] == [2003, 1979, 2018, 2012, 2011, 2000]
    assert Reference.objects.get(doi="10.1037/a0025749").pages == "10–17"


def test_the_french_text_keeps_the_authors_words_with_its_slips_fixed(alliance):
    body = alliance.body
    assert "dans un climat de confiance" in body
    assert "lors des séances" in body
    assert "l’espace des séances" in body
    assert "une base sur laquelle" in body
    assert "m’envoyer un e-mail ou SMS." in body
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
    assert french_outline.count("h3") == 3
    assert french_outline.count("ol") == 1
    assert french_outline.count("ul") == 2


@pytest.fixture
def english(db):
    return ArticleVersion.objects.select_related("article").get(language="en", slug=ENGLISH_SLUG)


def text_of(html):
    """What a reader reads of `html`: its text, no-break spaces made plain."""
    return " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())


def headings(html):
    return [text_of(heading) for heading in re.findall(r"<h[23]>(.*?)</h[23]>", html)]


def sentence_with(words, html):
    """The sentence of the rendered `html` in which `words` stand, with its markup."""
    return next(sentence for sentence in re.split(r"(?<=\.) ", html) if words in sentence)


# Mistranslations, a clinical term rendered three ways, a sentence without its subject, and
# turns a native reader would not write.
FLAGGED_ENGLISH = [
    "in confidence",
    "not inevitable",
    "difficulty",
    "setting",
    "framework",
    "It does not mean",
    "Far beyond",
    "lets words flow",
    "whatever the type",
    "hold the course",
    "do not hesitate",
    "free of obstacles",
]
FIXED_ENGLISH = [
    "to address a specific disorder",
    "one of the factors that matter most",
    "Much more than a simple",
    "Agreement on the tasks",
    "a joint effort in which both play an active part",
    "Because trust makes it possible to speak freely",
    "within a confidential and caring frame",
    "helps you remain committed to the process, stay the course",
    "regardless of the approach",
    "help foster this connection",
    "Clarity: understanding the frame",
    "Consistency: respect for the frame",
    "Safety: sessions offer a space where you can feel safe.",
    "Without a solid relational frame",
    "immediate recovery or an obstacle-free therapy",
    "that need not be final",
    "The alliance does not mean that the therapist is “your friend”.",
    "with boundaries (confidentiality, the frame, and so on)",
    "to begin the work on a basis of trust",
    "feel free to get in touch",
    "Because it fosters a collaborative approach to care",
    "A word of caution: common misconceptions",
]


def test_the_english_text_has_none_of_the_flagged_phrases(english):
    text = text_of(english.body_html)
    for phrase in FLAGGED_ENGLISH:
        assert phrase.casefold() not in text.casefold(), phrase


def test_the_english_text_has_the_fixes(english):
    text = text_of(english.body_html)
    for phrase in FIXED_ENGLISH:
        assert phrase in text, phrase


def test_no_english_heading_has_a_contraction(english):
    for heading in headings(english.body_html):
        assert not re.search(r"\w[’']\w", heading), heading


@pytest.mark.parametrize(
    ("url", "contact_url", "words"),
    [(FRENCH_URL, "/fr/contact/", "ce formulaire"), (ENGLISH_URL, "/en/contact/", "this form")],
)
def test_this_form_links_to_the_contact_form_in_the_same_language(client, url, contact_url, words):
    html = client.get(url).content.decode()
    assert re.search(rf'<a href="{contact_url}"[^>]*>{words}</a>', html)
    contact = client.get(contact_url)
    assert contact.status_code == 200
    assert 'name="message"' in contact.content.decode()


@pytest.mark.parametrize(
    ("language", "question", "title_heading"),
    [
        ("fr", "Qu’est-ce que l’alliance thérapeutique ?", "Alliance thérapeutique"),
        ("en", "What is the therapeutic alliance?", "The therapeutic alliance"),
    ],
)
def test_the_first_heading_is_the_question_not_the_title_again(language, question, title_heading):
    version = ArticleVersion.objects.get(language=language)
    h2 = [text_of(h) for h in re.findall(r"<h2>(.*?)</h2>", version.body_html)]
    assert h2[0] == question
    assert not any(heading.casefold() == title_heading.casefold() for heading in h2)


@pytest.mark.parametrize(
    ("language", "approach", "type_of_therapy"),
    [
        ("fr", "quel que soit le type de méthode utilisée", "plus déterminante que le type"),
        ("en", "regardless of the approach", "may matter more than the type of therapy"),
    ],
)
def test_flückiger_2012_is_cited_for_regardless_of_the_approach(
    language, approach, type_of_therapy
):
    version = ArticleVersion.objects.get(language=language)
    flückiger_2012 = Reference.objects.get(doi="10.1037/a0025749")
    link = f'href="#ref-{flückiger_2012.pk}"'
    assert link in sentence_with(approach, version.body_html)
    assert link not in sentence_with(type_of_therapy, version.body_html)
    assert version.body_html.count(link) == 1


@pytest.mark.parametrize(
    ("language", "parenthesis", "two_authors"),
    [
        (
            "fr",
            "(Flückiger et al., 2018 ; Horvath et al., 2011 ; Martin et al., 2000)",
            "(Ackerman et Hilsenroth, 2003)",
        ),
        (
            "en",
            "(Flückiger et al., 2018; Horvath et al., 2011; Martin et al., 2000)",
            "(Ackerman & Hilsenroth, 2003)",
        ),
    ],
)
def test_citations_follow_apa_and_all_link_to_their_reference(language, parenthesis, two_authors):
    version = ArticleVersion.objects.get(language=language)
    text = text_of(version.body_html)
    assert parenthesis in text
    assert two_authors in text
    assert "Garske" not in text
    assert version.unmatched_citations == []
    assert len(version.cited_references) == 6


def test_the_french_text_uses_et_and_french_quotation_marks(alliance):
    text = text_of(alliance.body_html)
    assert "&" not in text
    assert "“" not in alliance.body and "”" not in alliance.body
    assert "« parler »" in text
    assert not re.search(r" [:;?!»]|« ", unescape(alliance.body_html)), "a breaking space"


MIGRATION_BEFORE = "0004_alliance_citations"
MIGRATION_FIXES = "0005_alliance_language_fixes"


@pytest.fixture
def back_before_the_fixes(migrated_content):
    """The article as the migrations before the language fixes wrote it (later migrations, such
    as the conversion of the bodies to HTML, cannot be undone exactly: the articles' tables are
    made again from the start); every migration applied again after."""
    call_command("migrate", "articles", "zero", verbosity=0)
    call_command("migrate", "articles", MIGRATION_BEFORE, verbosity=0)
    yield
    call_command("migrate", verbosity=0)


def stored_version(language):
    # Only the text: the table is as an earlier migration left it, without later columns.
    return ArticleVersion.objects.only("body", "body_html").get(language=language)


def apply_the_fixes():
    call_command("migrate", "articles", MIGRATION_FIXES, verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_migrating_backwards_restores_the_earlier_text(back_before_the_fixes):
    apply_the_fixes()
    english = stored_version("en")
    assert "to begin the work on a basis of trust" in english.body
    assert "on a basis of trust" in english.body_html
    assert "(Ackerman et Hilsenroth, 2003)" in stored_version("fr").body

    call_command("migrate", "articles", MIGRATION_BEFORE, verbosity=0)

    english.refresh_from_db()
    french = stored_version("fr")
    assert "to begin the work in confidence" in english.body
    assert "## The therapeutic alliance" in english.body
    assert (
        "plus déterminante que le type de thérapie choisi (Flückiger et al., 2012)" in french.body
    )
    assert "(Ackerman & Hilsenroth, 2003)" in french.body


@pytest.mark.django_db(transaction=True)
def test_the_fixes_leave_a_version_the_psychologist_edited_alone(back_before_the_fixes):
    edited = "\r\n\r\nA sentence the psychologist added."
    english = stored_version("en")
    ArticleVersion.objects.filter(pk=english.pk).update(body=english.body + edited)

    apply_the_fixes()

    english.refresh_from_db()
    assert english.body.endswith(edited)
    assert "to begin the work in confidence" in english.body
    # The other version, untouched, is fixed.
    assert "[ce formulaire](/fr/contact/)" in stored_version("fr").body


@pytest.mark.django_db(transaction=True)
def test_a_text_saved_from_the_admin_with_windows_line_endings_is_still_fixed(
    back_before_the_fixes,
):
    english = stored_version("en")
    ArticleVersion.objects.filter(pk=english.pk).update(body=english.body.replace("\n", "\r\n"))

    apply_the_fixes()

    english.refresh_from_db()
    assert "to begin the work on a basis of trust" in english.body
