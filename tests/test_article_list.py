"""The article list, ten a page, with a navigation between its pages that every reader can
use; each page is cached apart."""

from datetime import timedelta

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(make_version):
    """24 published French articles besides the alliance one (25 in all: three pages), the
    newest "Article 0", the alliance one the oldest."""
    from articles.models import ArticleVersion

    now = timezone.now()
    ArticleVersion.objects.filter(language="fr").update(published_at=now - timedelta(days=365))
    for n in range(24):
        make_version(fr={"title": f"Article {n}", "published_at": now - timedelta(hours=n)})


def titles(html):
    return [
        part.split("</a>")[0].split(">")[-1] for part in html.split('class="teaser__title"')[1:]
    ]


def test_the_list_shows_ten_articles_a_page_newest_first(client, library):
    first = titles(client.get("/fr/articles/").content.decode())
    second = titles(client.get("/fr/articles/?page=2").content.decode())
    third = titles(client.get("/fr/articles/?page=3").content.decode())

    assert first == [f"Article {n}" for n in range(10)]
    assert second == [f"Article {n}" for n in range(10, 20)]
    assert len(third) == 5 and third[-1].startswith("L’alliance thérapeutique")


def test_the_pages_nav_marks_the_current_page_and_links_the_others(client, library):
    html = client.get("/fr/articles/?page=2").content.decode()
    nav = html.split('<nav class="pagination"', 1)[1].split("</nav>", 1)[0]

    assert 'aria-label="Pages de la liste"' in nav
    assert '<a href="/fr/articles/" rel="prev">Page précédente</a>' in nav
    assert '<a href="/fr/articles/?page=3" rel="next">Page suivante</a>' in nav
    assert '<a href="/fr/articles/?page=2" aria-current="page">' in nav
    assert nav.count("aria-current") == 1
    assert '<a href="/fr/articles/"><span class="visually-hidden">Page </span>1</a>' in nav


def test_the_first_and_last_pages_have_no_link_beyond_them(client, library):
    first = client.get("/en/articles/").content.decode()
    last = client.get("/fr/articles/?page=3").content.decode()
    assert "Previous page" not in first and "Next page" not in first  # one page in English
    assert 'rel="prev"' in last and 'rel="next"' not in last


def test_a_long_list_leaves_out_the_middle_pages(client, make_version):
    for n in range(120):
        make_version(fr={"title": f"Article {n}"})
    html = client.get("/fr/articles/?page=7").content.decode()
    nav = html.split('<nav class="pagination"', 1)[1].split("</nav>", 1)[0]
    assert "?page=13" in nav and "?page=6" in nav and "?page=8" in nav
    assert "?page=3" not in nav and "?page=10" not in nav
    assert nav.count("…") == 2


def test_a_page_after_the_first_is_its_own_canonical_address_without_translation(client, library):
    head = client.get("/fr/articles/?page=2").content.decode().split("</head>")[0]
    assert '<link rel="canonical" href="http://testserver/fr/articles/?page=2">' in head
    assert 'hreflang="en"' not in head
    assert "<title>Articles, page 2 · " in head


@pytest.mark.parametrize("page", ["4", "0", "-1", "abc", "2.5", "99999999999999999999", ""])
def test_a_page_that_does_not_exist_is_a_404(client, library, page):
    response = client.get(f"/fr/articles/?page={page}")
    assert response.status_code == (200 if page == "" else 404)


def test_each_page_is_cached_apart(client, library, django_assert_num_queries):
    first = client.get("/fr/articles/").content
    second = client.get("/fr/articles/?page=2").content
    assert second != first
    with django_assert_num_queries(0):
        assert client.get("/fr/articles/?page=2").content == second
        assert client.get("/fr/articles/").content == first


def test_a_page_costs_two_queries_whatever_the_articles(
    client, library, django_assert_num_queries, settings
):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/fr/articles/")  # the practice details come from the cache once warm
    with django_assert_num_queries(2):  # the count and the page
        client.get("/fr/articles/?page=3")
