"""An image replaced or deleted in the admin leaves the site: its original, its renditions, and
the texts that showed it. Files left behind before are found and deleted by a command."""

import re
from html import unescape
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command

from practice_site.pictures.models import Picture
from practice_site.practice.models import Presentation

from .test_admin import change_form_data
from .test_images import illustrate, photo, upload
from .test_pictures import add_picture, figure

# The files leave once the change is committed, as in production.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("media_root")]


def media_paths(html):
    """The path of every media file a page names (sources, srcsets, link previews)."""
    return {urlsplit(url).path for url in re.findall(r"/media/[^\s\"',]+", unescape(html))}


def served(client, paths):
    return {path for path in paths if client.get(path).status_code == 200}


def test_a_picture_deleted_from_the_library_leaves_the_article_and_the_media(
    admin_client, client, make_version
):
    picture = add_picture()
    version = make_version(fr={"body": f"<p>Le cabinet.</p>{figure(picture, 'Deux fauteuils')}"})[
        "fr"
    ]
    before = media_paths(client.get(version.get_absolute_url()).content.decode())
    original = f"/media/{picture.image.name}"
    assert served(client, {original, *before}) == {original, *before}

    response = admin_client.post(f"/admin/pictures/picture/{picture.pk}/delete/", {"post": "yes"})

    assert response.status_code == 302
    html = client.get(version.get_absolute_url()).content.decode()
    assert "<picture>" not in html
    assert "Le cabinet." in html
    assert served(client, {original, *before}) == set()


def test_a_picture_deleted_leaves_the_presentation(client, settings):
    picture = add_picture()
    Presentation.objects.create(summary_fr=f"<p>Bienvenue.</p>{figure(picture, 'Le cabinet')}")
    assert "<picture>" in client.get("/fr/").content.decode()

    picture.delete()

    assert "<picture>" not in client.get("/fr/").content.decode()
    assert "<picture>" not in Presentation.objects.get().summary_html_fr


def test_a_picture_whose_file_is_replaced_shows_anew_and_the_old_file_leaves(
    admin_client, client, make_version
):
    picture = add_picture()
    version = make_version(fr={"body": figure(picture, "Deux fauteuils")})["fr"]
    before = media_paths(client.get(version.get_absolute_url()).content.decode())
    old_original = f"/media/{picture.image.name}"
    url = f"/admin/pictures/picture/{picture.pk}/change/"
    data = change_form_data(admin_client.get(url))
    data["image"] = upload(photo(width=1200, height=900))

    assert admin_client.post(url, data).status_code == 302

    after = media_paths(client.get(version.get_absolute_url()).content.decode())
    assert after and after.isdisjoint(before)
    assert served(client, after) == after
    assert served(client, {old_original, *before}) == set()


def test_a_replaced_illustration_leaves_with_its_renditions(client, migrated_content, alliance):
    article = illustrate(alliance, alt="Un fauteuil")
    old_original = f"/media/{article.illustration.name}"
    before = media_paths(client.get(alliance.get_absolute_url()).content.decode())
    assert served(client, {old_original, *before}) == {old_original, *before}

    illustrate(alliance, photo(width=1800, height=1000), alt="Un autre fauteuil")

    after = media_paths(client.get(alliance.get_absolute_url()).content.decode())
    assert after and after.isdisjoint(before)
    assert served(client, {old_original, *before}) == set()


def test_the_orphans_command_deletes_the_files_no_record_uses(media_root):
    picture = add_picture()
    from practice_site.pictures.images import generate_renditions

    generate_renditions.call(picture.image.name)
    used = sorted(walk())
    stray = ["pictures/left-behind.jpg", "CACHE/images/pictures/left-behind/0123.avif"]
    for name in stray:
        default_storage.save(name, upload(photo()))

    output = StringIO()
    call_command("delete_orphan_media", "--dry-run", "--min-age=0", stdout=output)
    assert sorted(walk()) == sorted([*used, *stray])
    assert all(name in output.getvalue() for name in stray)

    call_command("delete_orphan_media", "--min-age=0", stdout=StringIO())
    assert sorted(walk()) == used
    assert Picture.objects.get().image.name in used


def walk(folder=""):
    """Every file name of the media storage under `folder`."""
    folders, files = default_storage.listdir(folder)
    for name in files:
        yield f"{folder}{name}"
    for sub in folders:
        yield from walk(f"{folder}{sub}/")
