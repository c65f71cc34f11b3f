"""A reader on a phone searches from the header of the page she is reading."""

import re

from playwright.sync_api import expect

from tests.alliance import FRENCH_URL


def test_reader_searches_from_the_header_on_a_phone(page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(FRENCH_URL)
    field = page.get_by_role("searchbox", name="Rechercher dans les articles")
    expect(field).to_be_visible()
    field.fill("therapeutique")
    field.press("Enter")

    expect(page).to_have_url(re.compile(r"/fr/recherche/\?q=therapeutique$"))
    result = page.get_by_role("link", name=re.compile("^L’alliance thérapeutique"))
    expect(result).to_be_visible()
    expect(page.locator(".search-excerpt mark").first).to_have_text(
        re.compile("th.rapeut", re.IGNORECASE)
    )
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0

    result.click()
    expect(page).to_have_url(re.compile(re.escape(FRENCH_URL) + "$"))
