"""Themes group articles per language: a page and a feed per theme and language, its place in
the sitemap, links from the article page, and the related articles under it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import ArticleVersion, Theme

from .alliance import ENGLISH_URL, FRENCH_URL
from .factories import make_theme
from .test_admin import change_form_data

pytestmark = pytest.mark.django_db

DRAFT = ArticleVersion.Status.DRAFT


@pytest.fixture
def anxiety():
    return make_theme("Anxiété", "Anxiety")


@pytest.fixture
def sleep():
    return make_theme("Sommeil", "Sleep")


def published(days_ago):
    return timezone.now() - timedelta(days=days_ago)


def test_a_theme_page_lists_its_published_articles_in_the_pages_language(
    client, make_version, anxiety, sleep
):
    make_version(themes=[anxiety], fr={"title": "Le trac"}, en={"title": "Stage fright"})
    make_version(themes=[anxiety], fr={"title": "Brouillon d’angoisse", "status": DRAFT})
    make_version(themes=[sleep], fr={"title": "Insomnies"})

    french = client.get("/fr/articles/themes/anxiete/").content.decode()
    english = client.get("/en/articles/themes/anxiety/").content.decode()

    assert "<h1>Anxiété</h1>" in french
    assert "Le trac" in french
    assert "Stage fright" not in french and "Brouillon" not in french
    assert "Insomnies" not in french
    assert "<h1>Anxiety</h1>" in english
    assert "Stage fright" in english and "Le trac" not in english


def test_a_theme_with_no_article_published_in_a_language_has_no_page_in_it(
    client, make_version, anxiety
):
    make_version(themes=[anxiety], fr={"title": "Le trac"}, en={"status": DRAFT})

    assert client.get("/fr/articles/themes/anxiete/").status_code == 200
    assert client.get("/en/articles/themes/anxiety/").status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/fr/articles/themes/sommeil/",  # a theme of no article
        "/fr/articles/themes/no-such-theme/",
        "/en/articles/themes/anxiete/",  # the French address under /en/
    ],
)
def test_an_address_that_is_no_themes_page_in_its_language_is_a_404(
    client, make_version, anxiety, sleep, url
):
    make_version(themes=[anxiety], fr={}, en={})
    assert client.get(url).status_code == 404


def test_a_theme_page_offers_its_other_language_only_where_it_has_articles(
    client, make_version, anxiety, sleep
):
    make_version(themes=[anxiety], fr={}, en={})
    make_version(themes=[sleep], fr={}, en={"status": DRAFT})

    both = client.get("/fr/articles/themes/anxiete/").content.decode()
    english = "http://testserver/en/articles/themes/anxiety/"
    assert f'<link rel="alternate" hreflang="en" href="{english}">' in both
    assert f'<a href="{english}" lang="en"' in both

    french_only = client.get("/fr/articles/themes/sommeil/").content.decode()
    assert 'hreflang="en"' not in french_only.split("</head>")[0]
    assert 'href="http://testserver/en/" lang="en"' in french_only  # the English home instead


def test_each_theme_has_a_feed_of_its_articles_linked_from_its_page(
    client, make_version, anxiety, sleep
):
    make_version(themes=[anxiety], fr={"title": "Le trac"}, en={"title": "Stage fright"})
    make_version(themes=[sleep], fr={"title": "Insomnies"})

    page = client.get("/fr/articles/themes/anxiete/").content.decode()
    assert (
        '<link rel="alternate" type="application/atom+xml" '
        'href="/fr/articles/themes/anxiete/feed/"' in page
    )
    feed = client.get("/fr/articles/themes/anxiete/feed/")
    assert feed["Content-Type"].startswith("application/atom+xml")
    xml = feed.content.decode()
    assert "<title>Le trac</title>" in xml
    assert "Insomnies" not in xml and "Stage fright" not in xml
    assert "Anxiété" in xml
    assert client.get("/en/articles/themes/sommeil/feed/").status_code == 404


def test_the_sitemap_lists_each_themes_pages_with_their_alternates(
    client, make_version, anxiety, sleep
):
    make_version(themes=[anxiety], fr={}, en={})
    make_version(themes=[sleep], fr={}, en={"status": DRAFT})
    make_theme("Deuil", "Grief")  # no article: no page

    xml = client.get("/sitemap.xml").content.decode()

    assert "<loc>http://testserver/fr/articles/themes/anxiete/</loc>" in xml
    assert "<loc>http://testserver/en/articles/themes/anxiety/</loc>" in xml
    assert (
        '<xhtml:link rel="alternate" hreflang="en" '
        'href="http://testserver/en/articles/themes/anxiety/"/>' in xml
    )
    assert "<loc>http://testserver/fr/articles/themes/sommeil/</loc>" in xml
    assert "themes/sleep/" not in xml
    assert "deuil" not in xml


def test_the_article_page_links_its_themes_in_its_language(client, alliance, anxiety, sleep):
    alliance.article.themes.set([anxiety, sleep])

    french = client.get(FRENCH_URL).content.decode()
    english = client.get(ENGLISH_URL).content.decode()

    assert '<a href="/fr/articles/themes/anxiete/">Anxiété</a>' in french
    assert '<a href="/fr/articles/themes/sommeil/">Sommeil</a>' in french
    assert '<a href="/en/articles/themes/anxiety/">Anxiety</a>' in english
    assert "Anxiété" not in english


def test_a_theme_chosen_outside_the_admin_shows_on_the_next_request(client, alliance, anxiety):
    client.get(FRENCH_URL)  # in the page cache
    alliance.article.themes.add(anxiety)
    assert "/fr/articles/themes/anxiete/" in client.get(FRENCH_URL).content.decode()


def related_titles(client, url):
    html = client.get(url).content.decode()
    if 'id="related-title"' not in html:
        return []
    related = html.split('id="related-title"', 1)[1]
    return [
        part.split("</a>")[0].split(">")[-1] for part in related.split('class="teaser__title"')[1:]
    ]


def test_related_articles_share_its_themes_most_shared_first_then_newest(
    client, alliance, make_version, anxiety, sleep
):
    grief = make_theme("Deuil", "Grief")
    alliance.article.themes.set([anxiety, sleep])
    make_version(themes=[anxiety], fr={"title": "Un thème, ancien", "published_at": published(30)})
    make_version(themes=[sleep], fr={"title": "Un thème, récent", "published_at": published(1)})
    make_version(
        themes=[anxiety, sleep], fr={"title": "Deux thèmes", "published_at": published(90)}
    )
    make_version(
        themes=[anxiety], fr={"title": "Un thème, le plus ancien", "published_at": published(99)}
    )
    make_version(themes=[grief], fr={"title": "Autre thème"})

    assert related_titles(client, FRENCH_URL) == [
        "Deux thèmes",
        "Un thème, récent",
        "Un thème, ancien",
    ]


def test_related_articles_are_published_in_the_pages_language(
    client, alliance, make_version, anxiety
):
    alliance.article.themes.set([anxiety])
    make_version(
        themes=[anxiety],
        fr={"title": "Brouillon", "status": DRAFT},
        en={"title": "Published in English"},
    )
    make_version(themes=[anxiety], en={"title": "English only"})

    assert related_titles(client, FRENCH_URL) == []
    assert sorted(related_titles(client, ENGLISH_URL)) == ["English only", "Published in English"]


def test_an_article_without_themes_or_fellows_shows_no_related_block(client, alliance, anxiety):
    assert related_titles(client, FRENCH_URL) == []
    alliance.article.themes.set([anxiety])  # itself excluded: no other article of the theme
    assert related_titles(client, FRENCH_URL) == []


@pytest.mark.parametrize("fellows", [0, 1, 12])
def test_the_article_page_costs_four_queries_whatever_its_themes_and_related_articles(
    client, alliance, make_version, django_assert_num_queries, settings, fellows
):
    settings.PAGE_CACHE_SECONDS = 0  # the view itself, not its cached copy
    themes = [make_theme(f"Thème {n}", f"Theme {n}") for n in range(5)]
    alliance.article.themes.set(themes)
    for n in range(fellows):
        make_version(themes=themes[: n % 5 + 1], fr={"title": f"Voisin {n}"})
    client.get(FRENCH_URL)  # the practice details come from the cache once warm
    with django_assert_num_queries(4):
        html = client.get(FRENCH_URL).content.decode()
    assert html.count('class="teaser__title"') == min(fellows, 3)


def test_a_theme_page_costs_four_queries_whatever_its_articles(
    client, make_version, anxiety, django_assert_num_queries, settings
):
    settings.PAGE_CACHE_SECONDS = 0
    for n in range(15):
        make_version(themes=[anxiety], fr={"title": f"Article {n}"}, en={})
    client.get("/fr/articles/themes/anxiete/")
    with django_assert_num_queries(4):
        html = client.get("/fr/articles/themes/anxiete/").content.decode()
    assert html.count('class="teaser__title"') == 10
    with django_assert_num_queries(4):
        html = client.get("/fr/articles/themes/anxiete/?page=2").content.decode()
    assert html.count('class="teaser__title"') == 5


def test_she_creates_a_theme_in_the_admin_and_chooses_it_on_the_article(
    admin_client, client, alliance
):
    response = admin_client.post(
        "/admin/articles/theme/add/",
        {"name_fr": "Relation thérapeutique", "slug_fr": "relation-therapeutique",
         "name_en": "Therapeutic relationship", "slug_en": "therapeutic-relationship"},
    )  # fmt: skip
    assert response.status_code == 302
    theme = Theme.objects.get(slug_fr="relation-therapeutique")
    url = f"/admin/articles/article/{alliance.article.pk}/change/"
    page = admin_client.get(url)
    assert 'name="themes"' in page.content.decode()
    data = change_form_data(page)
    data["themes"] = [theme.pk]

    assert admin_client.post(url, data).status_code == 302

    assert "Therapeutic relationship" in client.get(ENGLISH_URL).content.decode()
    assert client.get("/en/articles/themes/therapeutic-relationship/").status_code == 200


def test_a_themes_edit_can_be_undone_from_its_history(admin_client, anxiety):
    from reversion.models import Version

    url = f"/admin/articles/theme/{anxiety.pk}/"
    names = {"name_en": "Worry", "slug_en": "worry"}
    admin_client.post(f"{url}change/", {"name_fr": "Inquiétude", "slug_fr": "inquietude", **names})
    admin_client.post(f"{url}change/", {"name_fr": "Angoisse", "slug_fr": "angoisse", **names})
    first = Version.objects.get_for_object(anxiety).last()
    revert = f"{url}history/{first.pk}/"
    assert admin_client.get(f"{url}history/").status_code == 200

    response = admin_client.post(revert, change_form_data(admin_client.get(revert)))

    assert response.status_code == 302
    anxiety.refresh_from_db()
    assert (anxiety.name_fr, anxiety.slug_fr) == ("Inquiétude", "inquietude")


def test_a_french_theme_name_gets_french_spacing(anxiety):
    theme = make_theme("Stress : comprendre", "Stress: understanding", slug_fr="stress")
    assert theme.name_fr == "Stress\u00a0: comprendre"


def test_a_theme_page_and_a_later_page_of_the_list_are_valid_html(
    client, alliance, make_version, anxiety, tmp_path
):
    from .test_html_validity import check_html

    alliance.article.themes.set([anxiety])
    for n in range(11):
        make_version(themes=[anxiety], fr={"title": f"Article {n}"}, en={"title": f"Article {n}"})
    pages = {}
    for language, slug in [("fr", "anxiete"), ("en", "anxiety")]:
        for name, url in {
            "theme": f"/{language}/articles/themes/{slug}/",
            "theme-page-2": f"/{language}/articles/themes/{slug}/?page=2",
            "list-page-2": f"/{language}/articles/?page=2",
            "article": alliance.get_absolute_url()
            if language == "fr"
            else alliance.article.versions.get(language="en").get_absolute_url(),
        }.items():
            response = client.get(url)
            assert response.status_code == 200, url
            pages[f"{language}-{name}.html"] = response.content.decode()
    assert 'class="related"' in pages["en-article.html"]
    problems = check_html(pages, tmp_path)
    assert not problems, "\n".join(problems)
