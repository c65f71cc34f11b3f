"""A reader in a real browser reads the article in both languages."""

import re

from playwright.sync_api import expect

from tests.alliance import ENGLISH_URL, FRENCH_URL


def test_reader_reads_the_article_in_french_then_switches_to_english(page):
    page.goto(FRENCH_URL)
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "L’alliance thérapeutique : un lien essentiel entre le patient et le psychologue"
    )
    expect(page.get_by_role("heading", name="Conclusion")).to_be_visible()
    references = page.get_by_role("region", name="Références").get_by_role("listitem")
    expect(references).to_have_count(6)
    expect(page.locator('a[href^="https://doi.org/10."]')).to_have_count(6)

    page.get_by_role("navigation", name="Langue").get_by_role("link", name="English").click()

    expect(page).to_have_url(re.compile(re.escape(ENGLISH_URL) + "$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "The therapeutic alliance: an essential bond between patient and psychologist"
    )
    expect(page.get_by_role("region", name="References").get_by_role("listitem")).to_have_count(6)

    page.get_by_role("navigation", name="Language").get_by_role("link", name="Français").click()

    expect(page).to_have_url(re.compile(re.escape(FRENCH_URL) + "$"))


def test_reader_finds_the_article_from_the_home_page_by_keyboard(page):
    page.goto("/")  # the French browser is sent to /fr/
    expect(page).to_have_url(re.compile("/fr/$"))
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Aller au contenu principal")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_visible()
    page.get_by_role("link", name=re.compile("^L’alliance thérapeutique")).click()
    expect(page).to_have_url(re.compile(re.escape(FRENCH_URL) + "$"))


def test_the_page_fits_a_small_phone_without_sideways_scrolling(page):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(ENGLISH_URL)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def test_the_stylesheet_is_served_and_applied(page):
    stylesheet = []
    page.on("response", lambda r: stylesheet.append(r) if r.url.endswith(".css") else None)
    page.goto(FRENCH_URL)
    assert [r.status for r in stylesheet] == [200]
    assert page.evaluate("getComputedStyle(document.body).fontSize") == "18px"


def test_the_article_prints_without_navigation_and_with_its_references(page):
    page.goto(FRENCH_URL)
    page.emulate_media(media="print")
    assert not page.get_by_role("navigation", name="Menu principal").is_visible()
    assert not page.get_by_role("navigation", name="Langue").is_visible()
    assert page.get_by_role("heading", level=1).is_visible()
    assert page.get_by_text("https://doi.org/10.1037/pst0000172").is_visible()
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF")
