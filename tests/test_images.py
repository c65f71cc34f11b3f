"""Article illustrations: uploaded in the admin, checked, cleaned of their metadata, served in
responsive sizes and modern formats, and shown when the article is shared."""

import io
import re
import struct
import zlib
from html import unescape
from urllib.parse import urlsplit

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.translation import gettext
from PIL import ExifTags, Image

from articles.models import Article

from .alliance import ENGLISH_URL, FRENCH_URL
from .test_admin import change_form_data
from .test_discovery import structured_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]

# Somewhere in Paris, as a phone records where a photo was taken.
GPS = {
    ExifTags.GPS.GPSLatitudeRef: "N",
    ExifTags.GPS.GPSLatitude: (48.0, 51.0, 29.0),
    ExifTags.GPS.GPSLongitudeRef: "E",
    ExifTags.GPS.GPSLongitude: (2.0, 21.0, 7.0),
}


def photo(width=1600, height=1000, image_format="JPEG", gps=False, orientation=None):
    """An image file's bytes: a gradient (so that sizes differ), with a camera's EXIF if asked."""
    image = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Example Camera"
    if gps:
        exif[ExifTags.Base.GPSInfo] = GPS
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    buffer = io.BytesIO()
    image.save(buffer, image_format, exif=exif)
    return buffer.getvalue()


def image_bomb(width=100_000, height=100_000):
    """A PNG of a few bytes that declares width × height pixels (ten billion by default)."""

    def chunk(kind, data):
        checksum = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + checksum

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 1024))
        + chunk(b"IEND", b"")
    )


def upload(content, name="photo.jpg"):
    return SimpleUploadedFile(name, content, content_type="image/jpeg")


def illustrate(version, content=None, alt="", caption=""):
    """Give `version`'s article an illustration, as the admin stores it, and `version` its
    description."""
    article = version.article
    article.illustration = upload(content or photo())
    article.save()
    version.illustration_alt = alt
    version.illustration_caption = caption
    version.save()
    return article


@pytest.fixture
def illustrated(alliance):
    """The therapeutic-alliance article with an illustration, described in both languages."""
    article = illustrate(
        alliance, alt="Deux fauteuils face à face près d’une fenêtre", caption="Photo : K."
    )
    article.versions.filter(language="en").update(
        illustration_alt="Two armchairs facing each other by a window"
    )
    return article


def stored(url):
    """The stored file a media URL of the page names, opened with Pillow."""
    path = urlsplit(unescape(url)).path
    assert path.startswith("/media/"), url
    with default_storage.open(path.removeprefix("/media/")) as file:
        image = Image.open(io.BytesIO(file.read()))
        image.load()
        return image


def srcset_urls(srcset):
    return {int(width): url for url, width in re.findall(r"(\S+) (\d+)w", unescape(srcset))}


def picture(html):
    """The first <picture> of a page: its sources' {type: srcset} and its <img> attributes."""
    match = re.search(r"<picture>(.*?)</picture>", html, re.S)
    assert match, "no <picture> on the page"
    sources = dict(re.findall(r'<source type="([^"]+)" srcset="([^"]+)"', match[1]))
    img = dict(re.findall(r'(\w+)="([^"]*)"', re.search(r"<img [^>]+>", match[1])[0]))
    return sources, img


def meta(html, name):
    match = re.search(rf'<meta property="{re.escape(name)}" content="([^"]*)">', html)
    return unescape(match[1]) if match else None


def test_the_article_page_shows_the_illustration_in_three_widths_and_three_formats(
    client, illustrated
):
    html = client.get(FRENCH_URL).content.decode()
    sources, img = picture(html)

    assert_three_widths_in_each_modern_format(sources, height_ratio=1000 / 1600)
    fallback = srcset_urls(img["srcset"])
    assert sorted(fallback) == [480, 800, 1200]
    assert {stored(url).format for url in fallback.values()} == {"JPEG"}
    assert stored(img["src"]).size == (int(img["width"]), int(img["height"])) == (800, 500)
    assert img["sizes"]


def test_the_illustration_at_the_top_is_fetched_first_and_described_in_the_pages_language(
    client, illustrated
):
    french = client.get(FRENCH_URL).content.decode()
    english = client.get(ENGLISH_URL).content.decode()

    _sources, img = picture(french)
    assert unescape(img["alt"]) == "Deux fauteuils face à face près d’une fenêtre"
    assert img["fetchpriority"] == "high" and "loading" not in img
    assert img["decoding"] == "async"
    assert "<figcaption>Photo : K.</figcaption>" in french
    assert picture(english)[1]["alt"] == "Two armchairs facing each other by a window"
    assert "<figcaption>" not in english


def test_the_article_list_shows_the_illustration_lazily(client, illustrated):
    _sources, img = picture(client.get("/en/articles/").content.decode())
    assert img["loading"] == "lazy"
    assert img["alt"] == ""  # beside the title it illustrates: decorative


def test_a_shared_article_shows_its_illustration_cropped_to_a_link_preview(client, illustrated):
    html = client.get(ENGLISH_URL).content.decode()

    url = meta(html, "og:image")
    assert url.startswith("http://testserver/media/")
    assert stored(url).size == (1200, 630)
    assert (meta(html, "og:image:width"), meta(html, "og:image:height")) == ("1200", "630")
    assert meta(html, "og:image:alt") == "Two armchairs facing each other by a window"
    assert structured_data(html)["image"] == {
        "@type": "ImageObject",
        "url": url,
        "width": 1200,
        "height": 630,
    }


def test_an_article_without_illustration_is_shared_with_the_sites_image(client, alliance):
    from django.contrib.staticfiles import finders

    html = client.get(FRENCH_URL).content.decode()

    url = meta(html, "og:image")
    assert url.startswith("http://testserver/static/social-default.")
    with Image.open(finders.find("social-default.png")) as image:
        assert image.size == (1200, 630)
    assert "<picture>" not in html
    assert '"image"' not in structured_data(html)


def test_the_gps_position_of_a_photo_is_in_neither_the_original_nor_any_served_size(
    client, alliance
):
    content = photo(gps=True)
    assert Image.open(io.BytesIO(content)).getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the premise
    article = illustrate(alliance, content, alt="Un fauteuil")

    urls = served_urls(client.get(FRENCH_URL).content.decode())
    assert len(urls) == 10
    assert_no_metadata(article.illustration.name, urls)


def assert_three_widths_in_each_modern_format(sources, height_ratio):
    """`sources` (type: srcset) offer AVIF and WebP at 480, 800 and 1200 pixels wide, each
    file of the format and size its srcset says."""
    assert set(sources) == {"image/avif", "image/webp"}
    for mime_type, srcset in sources.items():
        urls = srcset_urls(srcset)
        assert sorted(urls) == [480, 800, 1200]
        for width, url in urls.items():
            image = stored(url)
            assert image.format == mime_type.removeprefix("image/").upper()
            assert image.size == (width, int(width * height_ratio))


def served_urls(html):
    """Every address the page's first picture is served at, and its link preview's."""
    sources, img = picture(html)
    srcsets = [*sources.values(), img["srcset"]]
    return [
        *(url for srcset in srcsets for url in srcset_urls(srcset).values()),
        meta(html, "og:image"),
    ]


def assert_no_metadata(original_name, urls):
    """Neither the stored original nor any file at `urls` keeps EXIF, XMP or ICC data."""
    with default_storage.open(original_name) as original:
        images = [Image.open(io.BytesIO(original.read()))] + [stored(url) for url in urls]
    for image in images:
        assert not image.getexif(), image.format
        assert not {"exif", "xmp", "icc_profile", "XML:com.adobe.xmp"} & set(image.info)


def test_a_photo_taken_sideways_is_stored_upright(alliance):
    # Orientation 6: the camera was turned a quarter; the pixels are stored lying down.
    article = illustrate(alliance, photo(1000, 1600, orientation=6), alt="Un fauteuil")

    assert (article.illustration_width, article.illustration_height) == (1600, 1000)
    with default_storage.open(article.illustration.name) as original:
        assert Image.open(original).size == (1600, 1000)


def test_the_stored_name_tells_nothing_of_the_uploaded_one(alliance):
    article = alliance.article
    article.illustration = upload(photo(), name="dupont-marie-seance-3.jpg")
    article.save()
    assert re.fullmatch(r"articles/[0-9a-f]{24}\.jpg", article.illustration.name)


def admin_upload(admin_client, version, content, name="photo.jpg", alt=None):
    """Post the article's admin page with `content` as its illustration; the response."""
    url = f"/admin/articles/article/{version.article_id}/change/"
    data = change_form_data(admin_client.get(url))
    if alt is not None:
        for field in [name for name in data if name.endswith("-illustration_alt")]:
            data[field] = alt
    return admin_client.post(url, {**data, "illustration": upload(content, name)})


def test_an_illustration_uploaded_in_the_admin_shows_on_the_article(admin_client, client, alliance):
    response = admin_upload(admin_client, alliance, photo(gps=True), alt="Un fauteuil")

    assert response.status_code == 302, response.context["errors"]
    assert picture(client.get(FRENCH_URL).content.decode())[1]["alt"] == "Un fauteuil"


def test_an_illustration_without_a_description_is_refused(admin_client, alliance):
    response = admin_upload(admin_client, alliance, photo())

    assert response.status_code == 200
    # In the admin's language: French.
    with translation.override("fr"):
        message = gettext("Describe the illustration for readers who cannot see it.")
    assert message in response.content.decode()
    assert not Article.objects.get(pk=alliance.article_id).illustration


def errors_of(response):
    """The illustration's errors on the admin page `response`, as ValidationErrors."""
    assert response.status_code == 200
    return response.context["adminform"].form.errors.as_data().get("illustration", [])


@pytest.mark.parametrize(
    ("content", "name", "code", "params"),
    [
        (b"Dear diary, this is not a photo at all.", "photo.jpg", "invalid_image_type", None),
        (photo(image_format="GIF"), "photo.jpg", "invalid_image_type", None),
        (image_bomb(), "bomb.png", "too_many_pixels", {"limit": 50}),
        (image_bomb(8_000, 8_000), "bomb.png", "too_many_pixels", {"limit": 50}),
        (photo(800, 600), "small.jpg", "image_too_small",
         {"width": 800, "height": 600, "min_width": 1200, "min_height": 630}),
    ],
    ids=["text-named-jpg", "gif", "bomb-for-pillow", "bomb-for-our-limit", "too-small"],
)  # fmt: skip
def test_what_is_not_a_usable_image_is_refused_with_a_clear_message(
    admin_client, alliance, content, name, code, params
):
    response = admin_upload(admin_client, alliance, content, name, alt="Un fauteuil")
    [error] = errors_of(response)
    assert (error.code, error.params) == (code, params)
    assert not Article.objects.get(pk=alliance.article_id).illustration


def test_a_file_too_heavy_is_refused_with_its_weight_and_the_limit(
    admin_client, alliance, settings
):
    settings.IMAGE_MAX_UPLOAD_SIZE = 50_000
    content = photo(2400, 1600) + b"\0" * 60_000
    [error] = errors_of(admin_upload(admin_client, alliance, content, alt="Un fauteuil"))
    # In the admin's language, French: "Ce fichier pèse 143,8 Kio ; …".
    with translation.override("fr"):
        assert str(error.message % error.params) == gettext(
            "This file is %(size)s; an image can be %(limit)s at most."
        ) % {"size": filesizeformat(len(content)), "limit": filesizeformat(50_000)}
        assert "143,8" in str(error.params["size"])


def test_the_article_page_with_an_illustration_stays_within_its_query_budget(
    client, illustrated, django_assert_max_num_queries, settings
):
    settings.PAGE_CACHE_SECONDS = 0  # the view itself, not its cached copy
    client.get(FRENCH_URL)  # the practice details come from the cache once warm
    # As any article page (test_article_pages.py): the versions, references and themes.
    with django_assert_max_num_queries(3):
        response = client.get(FRENCH_URL)
    assert "<picture>" in response.content.decode()


def test_renditions_are_made_once_the_upload_is_committed(
    alliance, django_capture_on_commit_callbacks, media_root
):
    with django_capture_on_commit_callbacks(execute=True):
        illustrate(alliance, alt="Un fauteuil")
    made = sorted(path.suffix for path in (media_root / "CACHE").rglob("*.*"))
    assert made == [".avif"] * 3 + [".jpg"] * 4 + [".webp"] * 3


def test_lost_renditions_are_made_again_by_a_command(client, illustrated, media_root):
    import shutil

    from django.core.management import call_command

    sources, _img = picture(client.get(FRENCH_URL).content.decode())
    shutil.rmtree(media_root / "CACHE")

    call_command("generate_renditions", stdout=io.StringIO())

    assert all(stored(url) for url in srcset_urls(sources["image/avif"]).values())


def test_a_preview_publishes_nothing_of_an_image_not_yet_saved(admin_client, alliance, media_root):
    """An image chosen but not saved has not been checked nor cleaned: a preview shows the
    stored illustration (none here) and writes no file where readers could fetch it."""
    url = f"/admin/articles/article/{alliance.article_id}/change/"
    data = change_form_data(admin_client.get(url))
    for field in [name for name in data if name.endswith("-illustration_alt")]:
        data[field] = "Un fauteuil"

    response = admin_client.post(
        f"/admin/articles/article/{alliance.article_id}/preview/",
        {**data, "_preview": "fr", "illustration": upload(photo(gps=True), "Dr_Doe_home.jpg")},
    )

    assert response.status_code == 200
    assert "<picture" not in response.content.decode()
    assert not any(path.is_file() for path in media_root.rglob("*"))
