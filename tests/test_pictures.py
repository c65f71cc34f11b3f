"""The picture library: a picture uploaded once in the admin is placed in any text from the
editor, and served in the text in responsive sizes and modern formats; no other image reaches a
page."""

import re
from html import unescape

import pytest

from articles.models import ArticleVersion
from practice_site.pictures.models import Picture
from practice_site.practice.models import PracticeDetails, Presentation
from practice_site.richtext.rendering import render_html

from .alliance import FRENCH_URL
from .factories import fill_in_practice_details
from .test_admin import change_form_data
from .test_images import (
    assert_three_widths_in_each_modern_format,
    photo,
    srcset_urls,
    stored,
    upload,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]


def add_picture(title="Les fauteuils", description="Deux fauteuils face à face", **photo_options):
    """A picture of the library, as the admin stores it."""
    return Picture.objects.create(
        image=upload(photo(**photo_options)), title=title, description=description
    )


def figure(picture, alt, caption=""):
    """A picture placed with the editor, as its Figure extension writes it."""
    caption = f'<figcaption class="figure-caption">{caption}</figcaption>' if caption else ""
    return (
        f'<figure class="figure"><img src="{picture.image.url}" alt="{alt}" '
        f'data-file="{picture.pk}">{caption}</figure>'
    )


def pictures_of(html):
    """Each <picture> of `html`: its sources' {type: srcset} and its <img> attributes."""
    found = []
    for match in re.finditer(r"<picture>(.*?)</picture>", html, re.S):
        sources = dict(re.findall(r'<source type="([^"]+)" srcset="([^"]+)"', match[1]))
        img = re.search(r"<img [^>]+>", match[1])[0]
        found.append((sources, dict(re.findall(r'([\w-]+)="([^"]*)"', img))))
    return found


@pytest.fixture
def picture():
    return add_picture()


@pytest.fixture
def article_with_a_picture(alliance, picture):
    alliance.body = (
        f"<p>Le cabinet : deux fauteuils.</p>"
        f"{figure(picture, 'Deux fauteuils : face à face', 'Le cabinet (Bordin, 1979) : vue')}"
        f"{alliance.body}"
    )
    alliance.save()
    return alliance


def test_a_library_picture_in_an_article_is_served_in_three_widths_and_two_modern_formats(
    client, article_with_a_picture
):
    body = client.get(FRENCH_URL).content.decode().split('class="article__body">')[1]
    [(sources, img)] = pictures_of(body)

    assert_three_widths_in_each_modern_format(sources, height_ratio=1000 / 1600)
    assert sorted(srcset_urls(img["srcset"])) == [480, 800, 1200]
    assert stored(img["src"]).format == "JPEG"
    assert (img["width"], img["height"]) == ("800", "500")
    assert (img["loading"], img["decoding"]) == ("lazy", "async")
    assert unescape(img["alt"]) == "Deux fauteuils : face à face"  # as written, not respaced
    assert "data-file" not in img


def test_the_picture_stands_in_its_figure_before_its_caption_whose_text_is_typeset(
    article_with_a_picture,
):
    html = ArticleVersion.objects.get(pk=article_with_a_picture.pk).body_html
    match = re.search(
        r'<figure class="figure"><picture>.*?</picture>(<figcaption>.*?)</figure>', html, re.S
    )
    assert match, html
    caption = match[1]
    assert re.fullmatch(
        r'<figcaption>Le cabinet \(<a href="#ref-\d+" class="citation" id="cite-\d+">'
        r"Bordin, 1979</a>\)\u00a0: vue</figcaption>",
        caption,
    )


def test_the_editor_keeps_the_picture_as_it_placed_it(article_with_a_picture, picture):
    """The stored text is the editor's, which it reads back: only the page gets the <picture>."""
    body = ArticleVersion.objects.get(pk=article_with_a_picture.pk).body
    assert (
        figure(picture, "Deux fauteuils : face à face", "Le cabinet (Bordin, 1979) : vue") in body
    )


@pytest.mark.parametrize(
    "markup",
    [
        '<p>Texte<img src="https://tracker.example/pixel.png" alt="">.</p>',
        '<figure class="figure"><img src="https://images.example/photo.jpg" alt="Une photo">'
        "<figcaption>Une légende</figcaption></figure>",
        '<img src="/media/articles/not-in-the-library.jpg" alt="">',
        '<img src="/media/pictures/deleted-since.jpg" alt="">',
        '<img src="data:image/png;base64,iVBORw0KGgo=" alt="">',
    ],
)
def test_an_image_that_is_not_a_picture_of_the_library_is_dropped(markup, picture):
    html = render_html(markup)
    assert "<img" not in html
    assert "<figure" not in html
    assert "Une légende" not in html  # the caption of nothing went with its figure


def test_an_address_elsewhere_that_names_a_library_picture_shows_only_the_site_s_own_files(
    picture,
):
    """What a page shows is made from the stored picture, never from the address written."""
    html = render_html(f'<img src="https://elsewhere.example/{picture.image.name}" alt="x">')
    [(sources, img)] = pictures_of(html)
    urls = [img["src"], *srcset_urls(img["srcset"]).values()]
    urls += [url for srcset in sources.values() for url in srcset_urls(srcset).values()]
    assert all(url.startswith("/media/CACHE/images/pictures/") for url in urls), urls


def test_a_picture_whose_file_was_replaced_shows_its_new_file(article_with_a_picture, picture):
    """The editor keeps the picture's id beside its address."""
    picture.image = upload(photo(width=1200, height=900))
    picture.save()
    article_with_a_picture.save()  # the text, saved again, as it stood in the editor

    html = ArticleVersion.objects.get(pk=article_with_a_picture.pk).body_html
    [(_sources, img)] = pictures_of(html)
    assert stored(img["src"]).size == (800, 600)
    assert picture.image.name.removesuffix(".jpg") in img["src"]


def test_an_image_without_an_address_is_dropped(picture):
    assert render_html('<p>a<img alt="x">b</p>') == "<p>ab</p>"


def test_a_figure_keeps_one_caption():
    picture = add_picture()
    html = render_html(
        f'<figure><img src="{picture.image.url}" alt=""><figcaption>Une</figcaption>'
        "<figcaption>Deux</figcaption></figure>"
    )
    assert html.count("<figcaption>") == 1
    assert html.endswith("<figcaption>Une</figcaption>Deux</figure>")


def test_a_figure_keeps_only_the_editor_s_class(picture):
    html = render_html(f'<figure class="notice"><img src="{picture.image.url}" alt=""></figure>')
    assert html.startswith("<figure><picture>")


def test_the_presentation_can_show_a_library_picture(picture):
    presentation = Presentation(body_fr=figure(picture, "Le cabinet"), body_en="<p>x</p>")
    presentation.save()
    [(_sources, img)] = pictures_of(presentation.body_html_fr)
    assert img["alt"] == "Le cabinet"


def test_the_practical_note_takes_no_picture(admin_client, picture):
    """It is stored as the editor wrote it, which could not read a <picture> back."""
    fill_in_practice_details()
    url = "/admin/practice/practicedetails/1/change/"
    data = change_form_data(admin_client.get(url))
    data["practical_note_fr"] = f"<p>Bienvenue.</p>{figure(picture, 'Le cabinet')}"
    assert admin_client.post(url, data).status_code == 302
    assert PracticeDetails.objects.get().practical_note_fr == "<p>Bienvenue.</p>"


def test_the_practical_note_takes_no_picture_whatever_saves_it(picture):
    """Not only through the admin's form: the model's own rendering of it takes none."""
    details = fill_in_practice_details()
    details.practical_note_fr = f"<p>Bienvenue.</p>{figure(picture, 'Le cabinet')}"
    details.save()
    assert PracticeDetails.objects.get().practical_note_fr == "<p>Bienvenue.</p>"


@pytest.fixture
def french_admin(admin_client):
    admin_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "fr"
    return admin_client


def test_the_library_lists_each_picture_with_its_thumbnail_in_french(french_admin, picture):
    response = french_admin.get("/admin/pictures/picture/")
    html = response.content.decode()

    assert response.status_code == 200
    assert '<html lang="fr"' in html
    thumbnail = re.search(
        r'<img class="picture-thumbnail" src="([^"]+)" width="480" height="300"', html
    )
    assert thumbnail, html
    assert stored(thumbnail[1]).size == (480, 300)
    assert "Les fauteuils" in html
    assert "1600 × 1000" in html
    assert "Rechercher" in html  # the list's search box


def test_the_library_finds_a_picture_by_its_title(french_admin, picture):
    add_picture(title="Salle d’attente")
    html = french_admin.get("/admin/pictures/picture/", {"q": "attente"}).content.decode()
    assert "Salle d’attente" in html
    assert "Les fauteuils" not in html


def test_an_upload_to_the_library_is_checked_and_cleaned(french_admin):
    too_small = french_admin.post(
        "/admin/pictures/picture/add/",
        {"image": upload(photo(width=300, height=200)), "title": "Petite"},
    )
    assert too_small.status_code == 200
    assert not Picture.objects.exists()

    response = french_admin.post(
        "/admin/pictures/picture/add/",
        {"image": upload(photo(gps=True), name="IMG_0042 chez moi.jpg"), "title": "Le cabinet"},
    )
    assert response.status_code == 302
    picture = Picture.objects.get()
    assert re.fullmatch(r"pictures/[0-9a-f]{24}\.jpg", picture.image.name)
    assert (picture.width, picture.height) == (1600, 1000)
    assert not stored(picture.image.url).getexif()


def test_the_picker_offers_each_picture_with_its_address_and_description(french_admin, picture):
    html = french_admin.get("/admin/pictures/picture/picker/").content.decode()
    choice = re.search(r'<button type="button" class="picture-picker__choice"([^>]*)>', html)
    assert choice, html
    attributes = dict(re.findall(r'data-([\w-]+)="([^"]*)"', choice[1]))
    assert attributes == {
        "address": picture.image.url,
        "id": str(picture.pk),
        "description": "Deux fauteuils face à face",
    }
    assert re.search(r'<script type="module" src="/static/js/picture-picker\.[0-9a-f]+\.js">', html)


def test_the_picker_is_only_for_the_admin(client, picture):
    response = client.get("/admin/pictures/picture/picker/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_the_editor_s_menus_and_dialogs_speak_french(french_admin, alliance):
    html = french_admin.get(f"/admin/articles/article/{alliance.article_id}/change/").content
    catalogue = re.search(rb'<script src="(/admin/jsi18n/editor/)"', html)
    assert catalogue, "the editor's catalogue is not loaded"
    script = french_admin.get(catalogue[1].decode()).content.decode()
    assert '"Insert Figure": "Ins\\u00e9rer une figure"' in script


def test_a_picture_s_page_shows_it_and_a_new_one_s_page_asks_for_it(french_admin, picture):
    change = french_admin.get(f"/admin/pictures/picture/{picture.pk}/change/").content.decode()
    assert '<img class="picture-thumbnail"' in change
    add = french_admin.get("/admin/pictures/picture/add/")
    assert add.status_code == 200
    assert 'type="file" name="image"' in add.content.decode()
