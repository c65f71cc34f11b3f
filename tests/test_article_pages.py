import re

import pytest

from articles.models import ArticleVersion

from .alliance import ENGLISH_URL, FRENCH_URL
from .pages import contains_words, visible_text
from .test_alliance_migration import DOIS

pytestmark = pytest.mark.django_db


def test_root_redirects_to_the_browsers_language(client):
    assert client.get("/", headers={"accept-language": "en-GB,en;q=0.9"})["Location"] == "/en/"
    assert client.get("/", headers={"accept-language": "fr-FR,fr;q=0.9"})["Location"] == "/fr/"


def test_root_redirects_to_french_by_default(client):
    assert client.get("/", headers={"accept-language": "de"})["Location"] == "/fr/"


@pytest.mark.parametrize(
    ("url", "language", "heading", "reference_title"),
    [
        (FRENCH_URL, "fr", "L’alliance thérapeutique\u00a0: un lien essentiel", "Références"),
        (ENGLISH_URL, "en", "The therapeutic alliance: an essential bond", "References"),
    ],
)
def test_article_page_shows_the_whole_article_in_its_language(
    client, url, language, heading, reference_title
):
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    assert heading in html
    assert f'<h2 id="references-title">{reference_title}</h2>' in html
    assert "Conclusion" in html
    assert html.count("<h2>") == 6


@pytest.mark.parametrize("url", [FRENCH_URL, ENGLISH_URL])
def test_article_page_links_each_reference_to_its_doi(client, url):
    html = client.get(url).content.decode()
    links = re.findall(r'<a href="(https://doi\.org/[^"]+)">', html)
    assert links == [f"https://doi.org/{doi}" for doi in DOIS]


def test_references_are_formatted_in_apa_style(client):
    html = client.get(ENGLISH_URL).content.decode()
    assert (
        "Flückiger, C., Del Re, A. C., Wampold, B. E., Symonds, D., &amp; Horvath, A. O. (2012). "
        "How central is the alliance in psychotherapy? A multilevel longitudinal meta-analysis. "
        "<cite>Journal of Counseling Psychology</cite>, <i>59</i>(1), 10–17."
    ) in html


def test_switcher_links_the_two_language_versions(client):
    french = client.get(FRENCH_URL).content.decode()
    english = client.get(ENGLISH_URL).content.decode()
    assert f'href="http://testserver{ENGLISH_URL}" lang="en" hreflang="en">English</a>' in french
    assert f'href="http://testserver{FRENCH_URL}" lang="fr" hreflang="fr">Français</a>' in english


def test_hreflang_alternates_list_the_published_versions(client):
    html = client.get(FRENCH_URL).content.decode()
    assert f'<link rel="alternate" hreflang="fr" href="http://testserver{FRENCH_URL}">' in html
    assert f'<link rel="alternate" hreflang="en" href="http://testserver{ENGLISH_URL}">' in html


def test_article_without_english_version_is_not_offered_in_english(client, make_version):
    french_only = make_version(fr={"title": "Seulement en français", "slug": "seul"})["fr"]
    page = client.get(french_only.get_absolute_url()).content.decode()
    assert 'hreflang="en" href' not in page.split("</head>")[0]
    assert 'href="http://testserver/en/" lang="en"' in page
    assert "Seulement en français" not in client.get("/en/articles/").content.decode()
    assert "Seulement en français" not in client.get("/en/").content.decode()
    assert client.get("/en/articles/seul/").status_code == 404


def test_an_english_draft_is_not_listed_linked_or_served(client, make_version):
    versions = make_version(
        fr={"title": "Publié", "slug": "publie"},
        en={"title": "English draft", "slug": "draft", "status": ArticleVersion.Status.DRAFT},
    )
    french_page = client.get(versions["fr"].get_absolute_url()).content.decode()
    assert "/en/articles/draft/" not in french_page
    assert "English draft" not in client.get("/en/articles/").content.decode()
    assert client.get("/en/articles/draft/").status_code == 404


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/fr/articles/n-existe-pas/", "Page introuvable"),
        ("/en/articles/does-not-exist/", "Page not found"),
        ("/en/articles/alliance-therapeutique/", "Page not found"),  # French slug, English URL
    ],
)
def test_unknown_article_is_a_translated_styled_404(client, url, message):
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert f"<h1>{message}</h1>" in html
    assert 'rel="stylesheet"' in html


def test_staff_can_preview_a_draft_that_readers_cannot_see(client, admin_client, make_version):
    draft = make_version(fr={"title": "Brouillon secret", "status": ArticleVersion.Status.DRAFT})
    url = draft["fr"].get_absolute_url()
    assert client.get(url).status_code == 404
    preview = admin_client.get(url)
    assert preview.status_code == 200
    assert "Brouillon secret" in preview.content.decode()
    assert "Aperçu du brouillon" in preview.content.decode()


def test_a_password_alone_does_not_preview_a_draft(client, admin_user, make_version, settings):
    """Staff signed in without the second factor (not yet enrolled) see what readers see."""
    settings.ADMIN_TWO_FACTOR = True
    draft = make_version(fr={"title": "Brouillon secret", "status": ArticleVersion.Status.DRAFT})
    client.force_login(admin_user)

    assert client.get(draft["fr"].get_absolute_url()).status_code == 404


def test_article_list_shows_published_articles_of_the_language_newest_first(client, make_version):
    make_version(fr={"title": "Brouillon", "status": ArticleVersion.Status.DRAFT})
    make_version(fr={"title": "Article plus récent"})
    html = client.get("/fr/articles/").content.decode()
    assert html.index("Article plus récent") < html.index("L’alliance thérapeutique")
    assert "Brouillon" not in html
    assert "The therapeutic alliance" not in html


def test_home_page_welcomes_and_lists_the_latest_articles(client):
    html = client.get("/en/").content.decode()
    assert '<h1 id="welcome-title">Welcome</h1>' in html
    assert f'<a href="{ENGLISH_URL}">The therapeutic alliance' in html


def test_article_page_costs_at_most_three_queries_whatever_the_references(
    client, alliance, django_assert_max_num_queries, settings
):
    settings.PAGE_CACHE_SECONDS = 0  # the view itself, not its cached copy
    for extra in range(10):
        alliance.article.references.create(
            authors="Doe, J.", year=2020, title=f"Extra {extra}", journal="J"
        )
    client.get(FRENCH_URL)  # the practice details in the footer come from the cache once warm
    # The version with its siblings, the references, the themes (tests/test_themes.py).
    with django_assert_max_num_queries(3):
        response = client.get(FRENCH_URL)
    assert response.content.decode().count('<li id="ref-') == 16


def test_article_page_never_renders_the_body(client, monkeypatch):
    def fail(*args, **kwargs):
        raise AssertionError("Body sanitised during a page view")

    monkeypatch.setattr("practice_site.richtext.rendering.sanitise", fail)
    response = client.get(ENGLISH_URL)
    assert response.status_code == 200
    assert "<h2>Conclusion</h2>" in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/en/",
        "/en/articles/",
        ENGLISH_URL,
        "/en/articles/nope/",
        "/en/contact/",
        "/en/contact/thanks/",
        "/en/about/",
        "/en/legal-notice/",
        "/en/privacy/",
    ],
)
def test_english_pages_have_no_french_interface_text(client, url, french_interface_strings):
    text = visible_text(client.get(url).content.decode(), "en")
    assert [s for s in french_interface_strings if contains_words(text, s)] == []


@pytest.mark.parametrize(
    "url",
    [
        "/fr/",
        "/fr/articles/",
        FRENCH_URL,
        "/fr/articles/nope/",
        "/fr/contact/",
        "/fr/contact/merci/",
        "/fr/mentions-legales/",
        "/fr/confidentialite/",
    ],
)
def test_french_pages_have_no_english_interface_text(client, url, english_interface_strings):
    text = visible_text(client.get(url).content.decode(), "fr")
    assert [s for s in english_interface_strings if contains_words(text, s)] == []


@pytest.mark.parametrize(
    ("language", "message"), [("fr", "Un problème est survenu"), ("en", "Something went wrong")]
)
def test_server_error_page_is_translated_and_styled(rf, language, message):
    from django.utils import translation
    from django.views.defaults import server_error

    with translation.override(language):
        response = server_error(rf.get(f"/{language}/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert f"<h1>{message}</h1>" in html
    assert 'rel="stylesheet"' in html


@pytest.mark.parametrize(
    ("path", "filename"),
    [
        ("references.bib", "alliance-therapeutique.bib"),
        ("references.ris", "alliance-therapeutique.ris"),
    ],
)
def test_reference_exports_download_under_the_articles_name(client, path, filename):
    response = client.get(FRENCH_URL + path)
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'


def test_only_the_export_formats_have_an_address():
    from django.urls import NoReverseMatch, reverse

    assert reverse("articles:references-export", kwargs={"slug": "x", "format": "ris"})
    with pytest.raises(NoReverseMatch):
        reverse("articles:references-export", kwargs={"slug": "x", "format": "pdf"})
