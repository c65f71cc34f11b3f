"""The psychologist places a picture of the library in an article from the editor; readers see
it in responsive sizes."""

import mimetypes
import re
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import expect

from practice_site.pictures.models import Picture

from ..alliance import FRENCH_URL
from ..test_images import photo, upload
from .test_editor import open_the_article


@pytest.fixture
def picture(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return Picture.objects.create(
        image=upload(photo()), title="Les fauteuils", description="Deux fauteuils face à face"
    )


@pytest.fixture
def media_served(admin_page, settings):
    """The uploaded files, served to the browser as the proxy or the bucket serves them in
    production (Django serves none with DEBUG off)."""

    def serve(route):
        name = unquote(urlsplit(route.request.url).path).removeprefix("/media/")
        path = settings.MEDIA_ROOT / name
        if not path.is_file():
            route.fulfill(status=404)
            return
        route.fulfill(body=path.read_bytes(), content_type=mimetypes.guess_type(path)[0])

    admin_page.context.route("**/media/**", serve)
    return admin_page


def test_a_library_picture_placed_from_the_editor_is_served_in_responsive_sizes(
    media_served, picture
):
    page = media_served
    _version, editor = open_the_article(page)
    editor.click()
    page.keyboard.press("Control+Home")
    page.locator(".field-body").first.locator(".prose-menubar [title=figure]").click()

    dialog = page.locator("dialog.prose-editor-dialog")
    expect(dialog.get_by_role("heading")).to_have_text("Insérer une figure")
    with page.expect_popup() as picker_window:
        dialog.get_by_role("button", name="Parcourir...").click()
    picker = picker_window.value
    choice = picker.get_by_role("button", name="Les fauteuils")
    expect(choice).to_be_enabled()  # the picker's script is ready to answer the editor
    # The window closes itself from its click handler. A click driven from outside
    # (Playwright's mouse) would still be waiting on the window's reply to the mouse-up when
    # it closes, and fails at random (microsoft/playwright#26900); the click is pressed from
    # within the page instead, after the driver's call has returned.
    with picker.expect_event("close"):
        choice.evaluate("button => setTimeout(() => button.click())")

    expect(dialog.locator("input[name=imageUrl]")).to_have_value(picture.image.url)
    assert picker.is_closed()
    alt = dialog.locator("input[name=altText]")
    expect(alt).to_have_value("Deux fauteuils face à face")
    alt.fill("Deux fauteuils face à face, près d’une fenêtre")
    dialog.locator("input[name=caption]").fill("Le cabinet : l’espace des séances")
    dialog.get_by_role("button", name="Insérer").click()
    expect(editor.locator("figure img")).to_have_attribute("src", picture.image.url)
    page.click("input[name=_save]")
    expect(page.locator(".messagelist .success")).to_be_visible()
    assert page.refused == []

    page.goto(FRENCH_URL)
    figure = page.locator(".article__body figure")
    expect(figure.locator("figcaption")).to_have_text("Le cabinet\u00a0: l’espace des séances")
    sources = figure.locator("picture source")
    expect(sources).to_have_count(2)
    assert [sources.nth(i).get_attribute("type") for i in range(2)] == [
        "image/avif",
        "image/webp",
    ]
    for i in range(2):
        widths = re.findall(r" (\d+)w", sources.nth(i).get_attribute("srcset"))
        assert widths == ["480", "800", "1200"]
    img = figure.locator("picture img")
    expect(img).to_have_attribute("alt", "Deux fauteuils face à face, près d’une fenêtre")
    expect(img).to_have_attribute("loading", "lazy")
    expect(img).to_have_attribute("width", "800")
    expect(img).to_have_attribute("height", "500")
    img.scroll_into_view_if_needed()
    # Loaded from the site's own files, which the Content-Security-Policy lets in.
    expect(img).to_have_js_property("complete", True)
    assert img.evaluate("image => image.naturalWidth") > 0
    assert page.refused == []
    assert page.locator("script:not([type='application/ld+json'])").count() == 0
