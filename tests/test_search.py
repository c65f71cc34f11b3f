"""The search, as a reader uses it: /fr/recherche/?q= and /en/search/?q=, on the database's own
engine (FTS5 on SQLite, full-text search on PostgreSQL: run the suite on both)."""

import io
import re

import pytest

from articles.models import ArticleVersion, Reference

from .alliance import ENGLISH_URL, FRENCH_URL

SEARCH = {"fr": "/fr/recherche/", "en": "/en/search/"}
RESULT_TITLE = re.compile(r'<li class="search-result">\s*<h2><a href="([^"]+)">([^<]+)</a>')


def found(client, text, language="fr"):
    """The titles of the results, best first."""
    response = client.get(SEARCH[language], {"q": text})
    assert response.status_code == 200
    return [title for _url, title in RESULT_TITLE.findall(response.content.decode())]


@pytest.fixture
def caring(make_version):
    """An article whose words the tests search for, in both languages."""
    return make_version(
        fr={
            "title": "Le deuil périnatal",
            "summary": "Traverser la perte d’un enfant attendu.",
            "body": "<p>Les parents endeuillés ont besoin d’une écoute thérapeutique patiente.</p>",
        },
        en={
            "title": "Perinatal grief",
            "summary": "Going through the loss of an expected child.",
            "body": "<p>Grieving parents need patient listening from their therapists.</p>",
        },
        references=[
            {"authors": "Kersting, A., & Wagner, B.", "year": 2012, "title": "Complicated grief",
             "journal": "Dialogues in Clinical Neuroscience"},
        ],
    )  # fmt: skip


@pytest.mark.django_db
@pytest.mark.parametrize("text", ["therapeutique", "THÉRAPEUTIQUE", "Thérapeutique", "perinatal"])
def test_accents_and_case_do_not_matter(client, caring, text):
    assert "Le deuil périnatal" in found(client, text)


@pytest.mark.django_db
def test_french_words_are_found_by_their_other_forms(client, caring):
    assert "Le deuil périnatal" in found(client, "endeuillé")
    assert "Le deuil périnatal" in found(client, "écoutes patientes")
    # The alliance article, as the migration stored (and indexed) it.
    assert (
        "L’alliance thérapeutique\u00a0: un lien essentiel entre le patient et le psychologue"
        in (found(client, "alliances"))
    )


@pytest.mark.django_db
def test_english_words_are_found_by_their_other_forms(client, caring):
    assert "Perinatal grief" in found(client, "therapist", "en")
    assert "Perinatal grief" in found(client, "grieve", "en")
    assert any("alliance" in title for title in found(client, "alliances", "en"))


@pytest.mark.django_db
def test_each_language_finds_its_own_versions_only(client, caring):
    assert found(client, "deuil", "en") == []
    assert found(client, "grief", "fr") == []
    assert found(client, "deuil", "fr") == ["Le deuil périnatal"]


@pytest.mark.django_db
def test_drafts_are_never_found(client, make_version):
    draft = make_version(fr={"title": "Brouillon zébulonesque", "status": "draft"})["fr"]
    assert found(client, "zébulonesque") == []
    draft.status = ArticleVersion.Status.PUBLISHED
    draft.save()
    assert found(client, "zébulonesque") == ["Brouillon zébulonesque"]
    draft.status = ArticleVersion.Status.DRAFT
    draft.save()
    assert found(client, "zébulonesque") == []


@pytest.mark.django_db
def test_an_edit_or_a_deletion_shows_in_the_next_search(client, caring):
    version = caring["fr"]
    version.title = "Le chagrin périnatal"
    version.save()
    assert found(client, "chagrin") == ["Le chagrin périnatal"]
    version.article.delete()
    assert found(client, "chagrin") == []


@pytest.mark.django_db
def test_the_references_authors_are_found_in_both_languages(client, caring):
    assert found(client, "Kersting") == ["Le deuil périnatal"]
    assert found(client, "kersting", "en") == ["Perinatal grief"]
    reference = Reference.objects.create(
        article=caring["fr"].article, authors="Boelen, P. A.", year=2016, title="Grief",
        journal="Journal of Affective Disorders",
    )  # fmt: skip
    assert found(client, "Boelen") == ["Le deuil périnatal"]
    reference.delete()
    assert found(client, "Boelen") == []


@pytest.mark.django_db
def test_a_title_match_comes_before_a_body_match(client, make_version):
    make_version(fr={"title": "Dormir mieux", "body": "<p>Le sommeil et la résilience.</p>"})
    make_version(fr={"title": "La résilience", "body": "<p>Se relever après une épreuve.</p>"})
    assert found(client, "résilience") == ["La résilience", "Dormir mieux"]


@pytest.mark.django_db
def test_each_result_has_its_link_date_and_an_excerpt_with_the_words_marked(client, caring):
    html = client.get(SEARCH["fr"], {"q": "parents"}).content.decode()
    assert [url for url, _title in RESULT_TITLE.findall(html)] == [caring["fr"].get_absolute_url()]
    assert f'<time datetime="{caring["fr"].published_at:%Y-%m-%d}">' in html
    excerpt = re.search(r'<p class="search-excerpt">(.*?)</p>', html, re.S)[1]
    assert "<mark>parents</mark>" in excerpt
    assert "endeuillés" in excerpt


@pytest.mark.django_db
def test_the_excerpt_shows_the_text_escaped(client, make_version):
    make_version(fr={"title": "Balises", "body": "<p>Écrire &lt;script&gt; dans un texte.</p>"})
    html = client.get(SEARCH["fr"], {"q": "texte"}).content.decode()
    assert "&lt;script&gt;" in html
    assert "<script>" not in html


ODD_QUERIES = [
    "x" * 500, '"', '"alliance', "*", "alliance*", "NEAR(", "NEAR(a b)", "-", "-alliance",
    "(((", "\\", "a\\b", "\x00", "alliance\x00", "AND OR NOT", "title:alliance", "^", "'",
    "%", "_", "😀", "   ",
]  # fmt: skip


@pytest.mark.django_db
@pytest.mark.parametrize("text", ODD_QUERIES)
@pytest.mark.parametrize("language", ["fr", "en"])
def test_odd_queries_give_a_page_never_an_error(client, text, language):
    response = client.get(SEARCH[language], {"q": text})
    assert response.status_code == 200
    html = response.content.decode()
    assert "\x00" not in html
    assert (
        'class="search-results"' in html
        or 'class="search-nothing"' in html
        or ('class="invalid-feedback"' in html)
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("x" * 500, "Assurez-vous que cette valeur comporte au plus 200 caractères"),
        ("(((", "Tapez un ou plusieurs mots à rechercher."),
        ("\x00", "Le caractère nul n’est pas autorisé."),
    ],
)
def test_a_query_that_cannot_be_searched_says_why(client, text, message):
    html = client.get(SEARCH["fr"], {"q": text}).content.decode()
    assert message in html
    assert 'aria-invalid="true" aria-describedby="search-q-error"' in html


@pytest.mark.django_db
def test_an_empty_query_shows_the_form(client):
    for url in (SEARCH["fr"], SEARCH["fr"] + "?q="):
        response = client.get(url)
        assert response.status_code == 200
        assert 'id="search-q"' in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "en"])
def test_nothing_found_says_so_kindly_with_the_articles_and_the_contact_page(client, language):
    html = client.get(SEARCH[language], {"q": "zzzyxxq"}).content.decode()
    assert 'class="search-nothing"' in html
    assert f'href="/{language}/articles/"' in html
    assert f'href="/{language}/contact/"' in html
    sentence = {"fr": "Aucun article ne contient ces mots", "en": "No article matches these words"}
    assert sentence[language] in html


@pytest.mark.django_db
def test_more_results_than_a_page_say_so(client, make_version):
    for number in range(12):
        make_version(fr={"title": f"Séance {number}", "body": "<p>Une séance.</p>"})
    html = client.get(SEARCH["fr"], {"q": "séance"}).content.decode()
    assert len(RESULT_TITLE.findall(html)) == 10
    assert "les 10 plus pertinents" in html


@pytest.mark.django_db
def test_the_page_is_left_out_of_search_engines_and_caches(client, caring):
    response = client.get(SEARCH["fr"], {"q": "deuil"})
    assert '<meta name="robots" content="noindex">' in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    # Asked again, it is searched again: no page cache kept it.
    caring["fr"].article.delete()
    assert found(client, "deuil") == []


@pytest.mark.django_db
def test_a_search_costs_three_queries_at_most(client, caring, django_assert_max_num_queries):
    client.get(SEARCH["fr"], {"q": "deuil"})  # the practice's details, cached from then on
    with django_assert_max_num_queries(3):
        assert found(client, "deuil") == ["Le deuil périnatal"]


@pytest.mark.django_db
def test_the_search_is_not_logged(client, caring, caplog):
    caplog.set_level("DEBUG")
    client.get(SEARCH["fr"], {"q": "deuilsecret"})
    assert "deuilsecret" not in caplog.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "action"),
    [
        ("/fr/", "/fr/recherche/"),
        (FRENCH_URL, "/fr/recherche/"),
        ("/fr/contact/", "/fr/recherche/"),
        ("/en/", "/en/search/"),
        (ENGLISH_URL, "/en/search/"),
        ("/en/contact/", "/en/search/"),
    ],
)
def test_every_page_has_the_search_field_in_its_header(client, url, action):
    html = client.get(url).content.decode()
    header = re.search(r'<header class="site-header">(.*?)</header>', html, re.S)[1]
    assert f'<form class="site-search" role="search" method="get" action="{action}">' in header
    assert '<label class="visually-hidden" for="site-search-q">' in header
    assert 'id="site-search-q" name="q"' in header


@pytest.mark.django_db
def test_a_match_in_the_title_alone_shows_the_start_of_the_text(client, make_version):
    make_version(fr={"title": "Le zébulon", "summary": "Un résumé.", "body": "<p>Un texte.</p>"})
    html = client.get(SEARCH["fr"], {"q": "zébulon"}).content.decode()
    excerpt = re.search(r'<p class="search-excerpt">(.*?)</p>', html, re.S)[1]
    assert excerpt.startswith("Un résumé.")


@pytest.mark.django_db
def test_the_index_can_be_built_again_after_a_change_made_outside_the_admin(client, caring):
    from django.core.management import call_command

    ArticleVersion.objects.filter(pk=caring["fr"].pk).update(title="Le chagrin périnatal")
    assert found(client, "chagrin") == []  # a bulk update sends no signal
    call_command("rebuild_search_index", stdout=io.StringIO())
    assert found(client, "chagrin") == ["Le chagrin périnatal"]
