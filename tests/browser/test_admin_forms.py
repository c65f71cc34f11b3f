"""The admin's forms as a French psychologist meets them in her browser (locale fr-FR)."""

import re
from decimal import Decimal

from playwright.sync_api import expect

from articles.models import ArticleVersion
from practice_site.practice.models import Fee, PracticeDetails

from ..alliance import FRENCH_SLUG
from ..factories import fill_in_practice_details


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


# The visual editor


def open_the_practical_note(page):
    page.goto("/admin/practice/practicedetails/1/change/")
    editor = page.locator(".field-practical_note_fr .ProseMirror[contenteditable=true]")
    expect(editor).to_be_visible()
    return editor


# What django-prose-editor's script writes in English.
ENGLISH_TOOLBAR = [
    "bold", "italic", "unordered list", "ordered list", "blockquote", "insert link",
    "remove link", "undo", "redo", "paragraph", "heading 2", "heading 3", "heading 2",
    "list properties", "Heading 2", "Heading 3", "Paragraph",
]  # fmt: skip


def test_the_editor_toolbar_speaks_french(admin_page):
    page = admin_page
    fill_in_practice_details()
    editor = open_the_practical_note(page)
    toolbar = page.locator(".field-practical_note_fr .prose-menubar")

    expect(toolbar.locator("[data-name=bold]")).to_have_attribute("title", "Gras")
    expect(toolbar.locator("[data-name=bold]")).to_have_attribute("aria-label", "Gras")
    expect(toolbar.locator(".prose-menubar__option")).to_have_text(
        ["Titre 2", "Titre 3", "Paragraphe"]
    )
    # The block type's button changes as the cursor moves into a heading: still French.
    editor.click()
    toolbar.locator(".prose-menubar__selected").click()
    toolbar.locator(".prose-menubar__option[data-name=heading2]").click()
    expect(toolbar.locator(".prose-menubar__selected button")).to_have_attribute("title", "Titre 2")

    labels = toolbar.evaluate(
        """toolbar => [
            ...[...toolbar.querySelectorAll("[title], [aria-label]")]
                .flatMap(e => [e.title, e.getAttribute("aria-label")]),
            ...[...toolbar.querySelectorAll(".prose-menubar__option")].map(e => e.textContent),
        ]"""
    )
    assert not set(labels) & set(ENGLISH_TOOLBAR)
    # The block type menu's arrow is drawn, not a character a font may lack (an empty box).
    arrow = toolbar.locator(".prose-menubar__selected").evaluate(
        "element => getComputedStyle(element, '::after').content"
    )
    assert arrow == '""'
    assert page.refused == []


def test_typed_text_that_looks_like_an_address_is_no_link(admin_page):
    page = admin_page
    fill_in_practice_details(practical_note_fr="")
    editor = open_the_practical_note(page)
    editor.click()
    page.keyboard.type("Je réponds sous deux jours ouvrés.Je vous réponds ")
    page.keyboard.type("aussi par www.exemple.fr et exemple.org. ")
    expect(editor).to_contain_text("ouvrés.Je vous réponds")
    assert editor.locator("a").count() == 0
    page.click("input[name=_save]")
    expect(page.locator(".messagelist .success")).to_be_visible()

    page.goto("/fr/contact/")
    expect(page.locator("main")).to_contain_text("ouvrés.Je vous réponds")
    assert page.locator("main a[href*='ouvr']").count() == 0
    assert PracticeDetails.objects.get().practical_note_fr.count("<a") == 0


def test_a_link_made_with_the_link_button_is_kept(admin_page):
    page = admin_page
    fill_in_practice_details(practical_note_fr="")
    editor = open_the_practical_note(page)
    editor.click()
    page.keyboard.type("Prenez rendez-vous")
    page.keyboard.press("Shift+Home")
    link_button = page.locator(".field-practical_note_fr [data-name=link]")
    # The editor learns of the selection a moment later; till then the button does nothing.
    expect(link_button).not_to_have_class(re.compile(r"\bdisabled\b"))
    link_button.click()
    dialog = page.locator("dialog[open]")
    dialog.locator("input").first.fill("https://www.doctolib.fr/")
    dialog.locator("button[type=submit], input[type=submit]").first.click()
    expect(editor.locator("a")).to_have_attribute("href", "https://www.doctolib.fr/")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist .success")).to_be_visible()
    assert 'href="https://www.doctolib.fr/"' in PracticeDetails.objects.get().practical_note_fr
