import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import translation

from articles.models import ArticleVersion, Reference


def test_body_is_rendered_to_html_when_saved(make_version):
    body = "<h2>Pourquoi</h2><ol><li><p>un</p></li><li><p>deux</p></li></ol><ul><li>puce</li></ul>"
    version = make_version(fr={"body": body})["fr"]
    assert "<h2>Pourquoi</h2>" in version.body_html
    assert "<ol><li><p>un</p></li>" in version.body_html
    assert "<li>puce</li>" in version.body_html


def test_rendered_body_drops_scripts_and_event_handlers(make_version):
    body = (
        '<script>alert(1)</script><p onclick="x()">Texte</p><a href="javascript:alert(2)">lien</a>'
    )
    html = make_version(fr={"body": body})["fr"].body_html
    assert "<script" not in html
    assert "onclick" not in html
    assert "javascript:" not in html
    assert "Texte" in html


def test_editing_the_body_renders_it_again(make_version):
    version = make_version(fr={"body": "Avant"})["fr"]
    version.body = "<p>Après <strong>modification</strong></p>"
    version.save(update_fields=["body"])
    version.refresh_from_db()
    assert "<strong>modification</strong>" in version.body_html


def test_reading_time_grows_with_the_text(make_version):
    versions = make_version(fr={"body": "mot " * 100}, en={"body": "word " * 1000})
    assert versions["fr"].reading_time == 1
    assert versions["en"].reading_time == 5


def test_publishing_sets_the_publication_date_once(make_version):
    version = make_version(fr={"status": ArticleVersion.Status.DRAFT})["fr"]
    assert version.published_at is None
    version.status = ArticleVersion.Status.PUBLISHED
    version.save()
    first_published = version.published_at
    assert first_published is not None
    version.title = "Nouveau titre"
    version.save()
    assert version.published_at == first_published


def test_publishing_by_a_status_only_save_stores_the_publication_date(make_version):
    version = make_version(fr={"status": ArticleVersion.Status.DRAFT})["fr"]
    version.status = ArticleVersion.Status.PUBLISHED
    version.save(update_fields=["status"])
    version.refresh_from_db()
    assert version.published_at is not None


def test_an_article_has_one_version_per_language(make_version):
    version = make_version(fr={})["fr"]
    with pytest.raises(IntegrityError):
        ArticleVersion.objects.create(
            article=version.article, language="fr", title="Doublon", slug="doublon", summary="s"
        )


def test_a_slug_is_unique_within_a_language_only(make_version):
    make_version(fr={"slug": "meme-slug"})
    make_version(en={"slug": "meme-slug"})  # another language: allowed
    with pytest.raises(IntegrityError):
        make_version(fr={"slug": "meme-slug"})


def test_duplicate_slug_is_reported_as_a_form_error_not_a_crash(make_version):
    make_version(fr={"slug": "pris"})
    other = make_version(en={})["en"]
    duplicate = ArticleVersion(
        article=other.article, language="fr", title="t", slug="pris", summary="s", body="b"
    )
    with translation.override("en"), pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert error.value.messages == ["Another article in this language has this page address."]


def test_each_version_has_its_own_address(make_version):
    versions = make_version(fr={"slug": "bonjour"}, en={"slug": "hello"})
    assert versions["fr"].get_absolute_url() == "/fr/articles/bonjour/"
    assert versions["en"].get_absolute_url() == "/en/articles/hello/"


@pytest.mark.parametrize(
    ("pasted", "stored"),
    [
        ("10.1037/h0085885", "10.1037/h0085885"),
        ("10.1016/S0272-7358(02)00146-0", "10.1016/S0272-7358(02)00146-0"),
        ("https://doi.org/10.1037/h0085885", "10.1037/h0085885"),
        ("http://dx.doi.org/10.1037/h0085885", "10.1037/h0085885"),
        ("https://www.doi.org/10.1037/a0022186", "10.1037/a0022186"),
        ("doi:10.1037/pst0000172", "10.1037/pst0000172"),
        ("DOI: 10.1037/pst0000172", "10.1037/pst0000172"),
        ("  10.1037/a0025749.  ", "10.1037/a0025749"),
        ("https://doi.org/10.1037/ 0022-006X.68.3.438.", "10.1037/0022-006X.68.3.438"),
        (
            "https://doi.org/10.1016/S0272-7358%2802%2900146-0",
            "10.1016/S0272-7358(02)00146-0",
        ),
        ("", ""),
    ],
)
def test_a_doi_is_stored_bare_however_it_was_pasted(make_version, pasted, stored):
    article = make_version(fr={})["fr"].article
    reference = Reference(
        article=article, authors="A, B.", year=2000, title="T", journal="J", doi=pasted
    )
    reference.full_clean()
    assert reference.doi == stored


@pytest.mark.parametrize(
    "doi", ["h0085885", "https://example.org/10.1037/h0085885", "10.1037", "ISBN 978-2-07"]
)
def test_what_is_not_a_doi_is_refused(make_version, doi):
    article = make_version(fr={})["fr"].article
    reference = Reference(
        article=article, authors="A, B.", year=2000, title="T", journal="J", doi=doi
    )
    with pytest.raises(ValidationError) as error:
        reference.full_clean()
    assert [e.code for e in error.value.error_dict["doi"]] == ["invalid_doi"]
    with translation.override("en"):
        assert error.value.messages == ["Enter a DOI such as 10.1037/a0022186."]


def test_reference_links_to_its_doi_or_else_its_url():
    assert Reference(doi="10.1037/a0022186").link == "https://doi.org/10.1037/a0022186"
    assert Reference(url="https://example.org/paper").link == "https://example.org/paper"


def test_reference_title_is_closed_by_one_stop():
    assert Reference(title="Alliance in psychotherapy").title_with_stop.endswith("psychotherapy.")
    assert Reference(title="How central is it?").title_with_stop.endswith("it?")


def test_french_punctuation_never_starts_a_line(make_version):
    versions = make_version(fr={"body": "Trois piliers : « confiance » ?"}, en={"body": "Why : so"})
    assert "piliers\u00a0: «\u00a0confiance\u00a0»\u00a0?" in versions["fr"].body_html
    assert "Why : so" in versions["en"].body_html
