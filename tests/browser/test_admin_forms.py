"""The admin's forms as a French psychologist meets them in her browser (locale fr-FR)."""

from decimal import Decimal

from playwright.sync_api import expect

from articles.models import ArticleVersion
from practice_site.practice.models import Fee

from ..conftest import FRENCH_SLUG, fill_in_practice_details


def test_a_fee_typed_with_a_decimal_comma_is_stored_and_shown_the_french_way(admin_page):
    page = admin_page
    fill_in_practice_details()
    page.goto("/admin/practice/practicedetails/1/change/")
    amount = page.locator("input[name=fees-0-amount]")
    amount.fill("250,50")
    expect(amount).to_have_value("250,50")  # the browser kept the comma
    page.click("input[name=_save]")
    expect(page.locator(".messagelist .success")).to_be_visible()

    assert Fee.objects.get(position=0).amount == Decimal("250.50")
    page.goto("/admin/practice/practicedetails/1/change/")
    expect(page.locator("input[name=fees-0-amount]")).to_have_value("250,50")


def test_the_preview_buttons_are_in_the_save_bar_at_the_top_styled_as_its_buttons(admin_page):
    page = admin_page
    page.set_viewport_size({"width": 1280, "height": 800})
    version = ArticleVersion.objects.get(language="fr", slug=FRENCH_SLUG)
    page.goto(f"/admin/articles/article/{version.article_id}/change/")

    top_bar = page.locator(".submit-row").first
    preview = top_bar.locator("button[name=_preview][value=fr]")
    expect(preview).to_be_in_viewport()  # no scrolling down a very long page to find it
    save = top_bar.locator("input[name=_continue]")
    style = "element => [getComputedStyle(element).backgroundColor, element.offsetHeight]"
    assert preview.evaluate(style) == save.evaluate(style)


def test_the_fees_table_fits_the_page_at_1280_pixels(admin_page):
    page = admin_page
    page.set_viewport_size({"width": 1280, "height": 800})
    fill_in_practice_details()
    page.goto("/admin/practice/practicedetails/1/change/")
    fees = page.locator("#fees-group fieldset")
    # Nothing to scroll sideways to: the order and the delete box are in sight.
    assert fees.evaluate("element => element.scrollWidth <= element.clientWidth")
    fees.scroll_into_view_if_needed()
    for column in [".field-position input", ".delete input"]:
        expect(fees.locator(column).first).to_be_in_viewport(ratio=1)
