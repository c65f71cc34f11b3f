"""The psychologist's portrait: uploaded in the admin, checked and cleaned of its metadata like
an article illustration, shown in responsive sizes on the home and About pages, and the picture
of the site when a page without an illustration of its own is shared."""

import io
import re

import pytest
from django.core.files.storage import default_storage
from PIL import ExifTags, Image

from practice_site.practice.models import Presentation

from .alliance import ENGLISH_URL
from .factories import fill_in_practice_details
from .test_admin import change_form_data
from .test_fees_hours_and_access import practice_data
from .test_images import (
    assert_no_metadata,
    meta,
    photo,
    picture,
    served_urls,
    srcset_urls,
    stored,
    upload,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]

FRENCH_ALT = "Camille Exemple dans son cabinet"
ENGLISH_ALT = "Camille Exemple in her consulting room"


def portrait_photo(width=800, height=1000, **kwargs):
    return photo(width, height, **kwargs)


def give_portrait(content=None):
    """The presentation with a portrait, described in both languages, as the admin stores it."""
    presentation = Presentation.objects.filter(pk=1).first() or Presentation()
    presentation.portrait_alt_fr = FRENCH_ALT
    presentation.portrait_alt_en = ENGLISH_ALT
    presentation.portrait = upload(content or portrait_photo())
    presentation.save()
    return presentation


def face_photo(width=800, height=1000):
    """A head-and-shoulders portrait as a plain picture: the face (red) in the upper 40% of the
    photo, the shoulders and the background (blue) below."""
    image = Image.new("RGB", (width, height), "blue")
    image.paste("red", (0, 0, width, height * 40 // 100))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=95)
    return buffer.getvalue()


@pytest.mark.parametrize("url", ["/fr/", "/en/", "/fr/a-propos/", "/en/about/"])
def test_the_portrait_is_served_in_responsive_sizes_at_the_top_of_the_page(client, url):
    give_portrait()
    html = client.get(url).content.decode()

    sources, img = picture(html)
    assert set(sources) == {"image/avif", "image/webp"}
    assert sorted(srcset_urls(img["srcset"])) == [480, 800]  # never wider than the original
    assert stored(img["src"]).size == (int(img["width"]), int(img["height"])) == (800, 1000)
    # As wide as its CSS box (14rem), not the reading column: the browser takes the 480.
    assert img["sizes"] == "14rem"
    assert img["class"] == "portrait"
    assert img["fetchpriority"] == "high" and "loading" not in img
    assert img["alt"] == (FRENCH_ALT if url.startswith("/fr/") else ENGLISH_ALT)


def test_the_gps_position_of_a_portrait_is_in_neither_the_original_nor_any_served_size(client):
    content = portrait_photo(gps=True)
    assert Image.open(io.BytesIO(content)).getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the premise
    presentation = give_portrait(content)

    urls = served_urls(client.get("/fr/").content.decode())
    assert len(urls) == 7
    assert_no_metadata(presentation.portrait.name, urls)


def test_the_stored_portrait_is_named_after_its_content():
    presentation = give_portrait()
    assert presentation.portrait.name.startswith("portraits/")
    assert "photo" not in presentation.portrait.name


@pytest.mark.parametrize(
    "url", ["/fr/", "/en/about/", "/en/contact/", "/fr/articles/", ENGLISH_URL]
)
def test_pages_without_an_illustration_are_shared_with_the_portrait(client, url):
    give_portrait()
    html = client.get(url).content.decode()

    image_url = meta(html, "og:image")
    assert image_url.startswith("http://testserver/media/")
    assert stored(image_url).size == (1200, 630)
    assert (meta(html, "og:image:width"), meta(html, "og:image:height")) == ("1200", "630")
    assert meta(html, "og:image:alt") == (FRENCH_ALT if url.startswith("/fr/") else ENGLISH_ALT)


def test_the_link_preview_of_a_portrait_keeps_the_face(client):
    give_portrait(face_photo())
    card = stored(meta(client.get("/en/").content.decode(), "og:image"))
    # Cropped from the middle, the card would be mostly shoulders; from the upper part, the face
    # is in its middle.
    assert card.getpixel((600, 315))[0] > 200


def test_the_practice_is_described_for_search_engines_with_its_portrait(client):
    fill_in_practice_details()
    give_portrait()
    html = client.get("/en/contact/").content.decode()

    assert practice_data(html)["image"] == {
        "@type": "ImageObject",
        "url": meta(html, "og:image"),
        "width": 1200,
        "height": 630,
    }


def admin_upload(admin_client, content):
    url = "/admin/practice/presentation/add/"
    data = change_form_data(admin_client.get(url))
    data |= {"portrait_alt_fr": FRENCH_ALT, "portrait_alt_en": ENGLISH_ALT}
    return admin_client.post(url, {**data, "portrait": upload(content)})


def test_a_portrait_uploaded_in_the_admin_shows_on_the_home_page(admin_client, client):
    response = admin_upload(admin_client, portrait_photo(gps=True))

    assert response.status_code == 302, response.context["errors"]
    assert picture(client.get("/en/").content.decode())[1]["alt"] == ENGLISH_ALT


def test_a_portrait_too_small_to_be_sharp_is_refused(admin_client):
    response = admin_upload(admin_client, portrait_photo(300, 400))

    assert response.status_code == 200
    [error] = response.context["adminform"].form.errors.as_data()["portrait"]
    assert error.code == "image_too_small"
    assert (error.params["min_width"], error.params["min_height"]) == (400, 400)
    assert not Presentation.objects.exists()


def test_a_portrait_stored_before_the_pipeline_is_cleaned_by_the_migration(
    client, django_capture_on_commit_callbacks
):
    """Uploaded as sent, with its GPS position and its file name, before the portrait went
    through the pipeline: the data migration stores a clean copy in its place."""
    from importlib import import_module

    from django.apps import apps

    migration = import_module("practice_site.practice.migrations.0013_clean_stored_portraits")
    old_name = default_storage.save(
        "portraits/camille-dupont.jpg", upload(portrait_photo(gps=True))
    )
    Presentation.objects.create(
        portrait=old_name, portrait_alt_fr="Camille", portrait_alt_en="Camille"
    )

    with django_capture_on_commit_callbacks(execute=True) as deletions:
        migration.clean_stored_portraits(apps, None)
        # The original stays until the new name is committed.
        assert default_storage.exists(old_name)

    assert len(deletions) == 1
    presentation = Presentation.objects.get()
    assert re.fullmatch(r"portraits/[0-9a-f]{24}\.jpg", presentation.portrait.name)
    assert (presentation.portrait_width, presentation.portrait_height) == (800, 1000)
    assert not default_storage.exists(old_name)
    with default_storage.open(presentation.portrait.name) as original:
        assert not Image.open(io.BytesIO(original.read())).getexif()
    _sources, img = picture(client.get("/en/").content.decode())
    assert not stored(img["src"]).getexif()
