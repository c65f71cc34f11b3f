"""Search engines and sharing: canonical and hreflang links, sitemap, robots.txt, structured
data, Open Graph."""

import json
import re
import xml.etree.ElementTree as ET

import pytest

from articles.models import ArticleVersion

from .alliance import ENGLISH_URL, FRENCH_URL
from .test_alliance_migration import DOIS

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def head_alternates(html):
    """{hreflang: href} of the page's <link rel="alternate" hreflang> elements."""
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def sitemap_alternates(client):
    """{page location: {hreflang: href}} from /sitemap.xml."""
    root = ET.fromstring(client.get("/sitemap.xml").content)
    return {
        url.find(f"{SITEMAP}loc").text: {
            link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
        }
        for url in root.findall(f"{SITEMAP}url")
    }


def test_article_pages_name_their_canonical_address(client):
    html = client.get(ENGLISH_URL).content.decode()
    assert f'<link rel="canonical" href="http://testserver{ENGLISH_URL}">' in html


def test_page_alternates_are_both_versions_with_french_as_default(client):
    assert head_alternates(client.get(ENGLISH_URL).content.decode()) == {
        "fr": f"http://testserver{FRENCH_URL}",
        "en": f"http://testserver{ENGLISH_URL}",
        "x-default": f"http://testserver{FRENCH_URL}",
    }


def test_sitemap_and_page_alternates_agree(client):
    in_sitemap = sitemap_alternates(client)
    for path in [FRENCH_URL, ENGLISH_URL, "/fr/", "/en/contact/", "/fr/mentions-legales/"]:
        page = head_alternates(client.get(path).content.decode())
        assert in_sitemap[f"http://testserver{path}"] == page, path


def test_sitemap_lists_every_public_page_in_both_languages(client):
    locations = set(sitemap_alternates(client))
    for path in ["/fr/", "/en/", "/fr/articles/", "/en/articles/", FRENCH_URL, ENGLISH_URL,
                 "/fr/contact/", "/en/contact/", "/fr/mentions-legales/", "/en/legal-notice/",
                 "/fr/confidentialite/", "/en/privacy/"]:  # fmt: skip
        assert f"http://testserver{path}" in locations


def test_an_unpublished_english_version_is_in_neither_sitemap_nor_alternates(client, alliance):
    english = ArticleVersion.objects.get(language="en", slug="therapeutic-alliance")
    english.status = ArticleVersion.Status.DRAFT
    english.save()
    in_sitemap = sitemap_alternates(client)
    assert f"http://testserver{ENGLISH_URL}" not in in_sitemap
    expected = {
        "fr": f"http://testserver{FRENCH_URL}",
        "x-default": f"http://testserver{FRENCH_URL}",
    }
    assert in_sitemap[f"http://testserver{FRENCH_URL}"] == expected
    assert head_alternates(client.get(FRENCH_URL).content.decode()) == expected


def test_robots_txt_points_to_the_sitemap(client):
    assert "Sitemap: http://testserver/sitemap.xml" in client.get("/robots.txt").content.decode()


def structured_data(html):
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(block.group(1))


@pytest.mark.parametrize(("url", "language"), [(FRENCH_URL, "fr"), (ENGLISH_URL, "en")])
def test_article_structured_data_lists_its_six_citations_in_apa_order(client, url, language):
    data = structured_data(client.get(url).content.decode())
    assert data["@type"] == "ScholarlyArticle"
    assert data["inLanguage"] == language
    assert data["datePublished"]
    assert data["dateModified"]
    assert [citation["identifier"]["value"] for citation in data["citation"]] == DOIS


def test_structured_data_names_the_author_with_their_title(client):
    from practice_site.practice.models import PracticeDetails

    details = PracticeDetails.load()
    details.psychologist_name = "Camille Exemple"
    details.title_en = "Clinical psychologist"
    details.save()
    data = structured_data(client.get(ENGLISH_URL).content.decode())
    assert data["author"] == {
        "@type": "Person",
        "name": "Camille Exemple",
        "jobTitle": "Clinical psychologist",
    }


def test_structured_data_cannot_close_its_element(client, alliance):
    alliance.summary = "</script><script>alert(1)</script>"
    alliance.save()
    html = client.get(FRENCH_URL).content.decode()
    assert "<script>alert(1)" not in html
    assert structured_data(html)["description"] == "</script><script>alert(1)</script>"


def test_article_pages_describe_themselves_for_sharing(client):
    html = client.get(ENGLISH_URL).content.decode()
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="The therapeutic alliance: an essential' in html
    assert '<meta property="og:locale" content="en_GB">' in html
    assert '<meta property="og:locale:alternate" content="fr_FR">' in html
    assert f'<meta property="og:url" content="http://testserver{ENGLISH_URL}">' in html


ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.mark.parametrize(
    ("language", "title", "other_title"),
    [
        ("fr", "L’alliance thérapeutique", "The therapeutic alliance"),
        ("en", "The therapeutic alliance", "L’alliance thérapeutique"),
    ],
)
def test_each_language_has_a_feed_of_its_published_articles(
    client, make_version, language, title, other_title
):
    make_version(**{language: {"title": "Un brouillon", "status": ArticleVersion.Status.DRAFT}})
    response = client.get(f"/{language}/articles/feed/")
    feed = ET.fromstring(response.content)
    titles = [entry.find(f"{ATOM}title").text for entry in feed.findall(f"{ATOM}entry")]
    assert response["Content-Type"].startswith("application/atom+xml")
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == language
    assert len(titles) == 1
    assert titles[0].startswith(title)
    assert not titles[0].startswith(other_title)


def test_pages_link_to_the_feed_of_their_language(client):
    html = client.get("/en/").content.decode()
    assert '<link rel="alternate" type="application/atom+xml" href="/en/articles/feed/"' in html


@pytest.mark.parametrize("url", [FRENCH_URL, ENGLISH_URL])
def test_the_article_page_runs_no_javascript(client, url):
    scripts = re.findall(r"<script\b[^>]*>", client.get(url).content.decode())
    assert scripts == ['<script type="application/ld+json">']


def test_a_reference_edit_dates_the_article_for_readers_and_crawlers(client, alliance):
    """Last-Modified, the sitemap's lastmod and the structured data's dateModified all move."""
    import datetime

    from django.utils import timezone

    from articles.models import Article

    long_ago = timezone.now() - datetime.timedelta(days=30)
    Article.objects.filter(pk=alliance.article_id).update(updated_at=long_ago)
    type(alliance).objects.update(updated_at=long_ago)
    before_page = structured_data(client.get(FRENCH_URL).content.decode())["dateModified"]
    before_sitemap = client.get("/sitemap.xml").content.decode()

    reference = alliance.article.references.get(year=1979)
    reference.pages = "252–261"
    reference.save()

    after_page = structured_data(client.get(FRENCH_URL).content.decode())["dateModified"]
    assert after_page > before_page
    assert timezone.localdate(long_ago).isoformat() in before_sitemap
    assert (
        timezone.localdate(long_ago).isoformat() not in client.get("/sitemap.xml").content.decode()
    )


def test_each_language_version_has_its_own_lastmod_in_the_sitemap(client, alliance):
    import datetime

    from django.utils import timezone

    from articles.models import Article

    long_ago = timezone.now() - datetime.timedelta(days=30)
    Article.objects.filter(pk=alliance.article_id).update(updated_at=long_ago)
    ArticleVersion.objects.update(updated_at=long_ago)
    alliance.title = "Titre revu"
    alliance.save()

    root = ET.fromstring(client.get("/sitemap.xml").content)
    lastmod = {
        url.find(f"{SITEMAP}loc").text: url.findtext(f"{SITEMAP}lastmod")
        for url in root.findall(f"{SITEMAP}url")
    }
    assert lastmod[f"http://testserver{FRENCH_URL}"] == timezone.localdate().isoformat()
    assert lastmod[f"http://testserver{ENGLISH_URL}"] == timezone.localdate(long_ago).isoformat()
