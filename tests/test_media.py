"""Uploaded images are served by the site itself when no proxy serves them (gunicorn alone, as
the site is first run), with the headers of immutable files, and nothing else is."""

import urllib.error
import urllib.request
from html import unescape
from urllib.parse import urlsplit

import pytest

from .alliance import ENGLISH_URL
from .test_images import illustrate, picture

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]

YEAR = 365 * 24 * 3600


def test_an_illustration_is_served_in_each_format_with_a_years_cache(client, alliance):
    article = illustrate(alliance, alt="Un fauteuil")
    sources, img = picture(client.get(alliance.get_absolute_url()).content.decode())
    urls = {
        "image/avif": sources["image/avif"].split()[0],
        "image/jpeg": img["src"],
    }

    for content_type, url in [*urls.items(), ("image/jpeg", f"/media/{article.illustration}")]:
        response = client.get(urlsplit(unescape(url)).path)
        assert response.status_code == 200, url
        assert response["Content-Type"] == content_type
        assert response["Cache-Control"] == f"public, max-age={YEAR}, immutable"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert b"".join(response.streaming_content)


@pytest.mark.parametrize(
    "path",
    [
        "/media/../manage.py",
        "/media/%2e%2e/manage.py",
        "/media/..%2fmanage.py",
        "/media//etc/passwd",
        "/media/articles/missing.jpg",
        "/media/articles/",
    ],
)
def test_nothing_outside_the_media_or_missing_is_served(client, alliance, path):
    illustrate(alliance, alt="Un fauteuil")
    assert client.get(path).status_code == 404


def test_only_images_are_served(client, media_root):
    (media_root / "articles").mkdir(parents=True)
    (media_root / "articles" / "page.html").write_text("<script>alert(1)</script>")
    (media_root / "articles" / "image.svg").write_text("<svg><script>alert(1)</script></svg>")
    assert client.get("/media/articles/page.html").status_code == 404
    assert client.get("/media/articles/image.svg").status_code == 404


def test_gunicorn_alone_serves_the_images_of_a_page(
    migrated_content, start_gunicorn, media_root, alliance
):
    from articles.models import ArticleVersion

    english = ArticleVersion.objects.get(language="en", slug=ENGLISH_URL.split("/")[-2])
    illustrate(english, alt="An armchair")
    site = start_gunicorn(DJANGO_MEDIA_ROOT=str(media_root))

    with urllib.request.urlopen(f"{site}{ENGLISH_URL}", timeout=30) as response:
        _sources, img = picture(response.read().decode())
    with urllib.request.urlopen(f"{site}{urlsplit(unescape(img['src'])).path}") as response:
        assert response.headers["Content-Type"] == "image/jpeg"
        assert response.read(2) == b"\xff\xd8"
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(f"{site}/media/%2e%2e/pyproject.toml")
    error.value.close()
    assert error.value.code == 404


def test_media_are_left_to_the_proxy_when_it_serves_them(settings, client, alliance):
    article = illustrate(alliance, alt="Un fauteuil")
    settings.SERVE_MEDIA = False
    assert client.get(f"/media/{article.illustration}").status_code == 404
