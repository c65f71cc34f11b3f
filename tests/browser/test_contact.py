"""A reader sends an enquiry with the keyboard alone, in each language."""

import re

import pytest
from playwright.sync_api import expect

from contact.models import Enquiry


def tab_to(page, element_id, limit=60):
    """Press Tab until the element with `element_id` has the focus, as a keyboard user does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == element_id:
            return
    raise AssertionError(f"#{element_id} cannot be reached with the Tab key")


def tab_to_submit(page, label):
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == label:
            return
    raise AssertionError(f"the {label!r} button cannot be reached with the Tab key")


@pytest.mark.parametrize(
    ("language", "email_error", "send_label", "thanks"),
    [
        (
            "fr",
            "Veuillez saisir une adresse e-mail valide, par exemple nom@example.com.",
            "Envoyer mon message",
            "Merci, votre message a bien été reçu",
        ),
        (
            "en",
            "Please enter a valid email address, such as name@example.com.",
            "Send my message",
            "Thank you, your message has been received",
        ),
    ],
)
def test_reader_sends_an_enquiry_by_keyboard_and_it_reaches_the_practice(
    page, smtp_server, language, email_error, send_label, thanks
):
    page.goto(f"/{language}/contact/")

    tab_to(page, "id_name")
    page.keyboard.type("Élise Dupré")
    page.keyboard.press("Tab")
    page.keyboard.type("elise@example")  # no top-level domain: refused
    tab_to(page, "id_message")
    page.keyboard.type("Bonjour, je voudrais un rendez-vous.")
    tab_to_submit(page, send_label)
    page.keyboard.press("Enter")

    email_field = page.locator("#id_email")
    expect(page.locator("#id_email_error")).to_have_text(email_error)
    expect(email_field).to_have_attribute("aria-invalid", "true")
    expect(email_field).to_have_attribute("aria-describedby", re.compile("id_email_error"))
    expect(page.locator("#id_name")).to_have_value("Élise Dupré")
    assert Enquiry.objects.count() == 0

    tab_to(page, "id_email")
    page.keyboard.press("Control+A")
    page.keyboard.type("elise@example.org")
    tab_to_submit(page, send_label)
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text(thanks)
    [message] = smtp_server.messages
    assert message["Reply-To"] == "Élise Dupré <elise@example.org>"
    assert "Bonjour, je voudrais un rendez-vous." in message.get_content()


def test_back_after_a_message_too_long_gives_her_text_again(page):
    """What the page that refuses it advises: the site refused her text unread, her browser
    still has it."""
    text = "Je traverse une période difficile. " * 2000  # over the 64 KiB of a public page
    page.goto("/fr/contact/")
    page.fill("#id_name", "Élise Dupré")
    page.fill("#id_email", "elise@example.org")
    # The field's maxlength stops a browser that honours it; this one is made not to.
    page.locator("#id_message").evaluate("field => field.removeAttribute('maxlength')")
    page.fill("#id_message", text)
    page.get_by_role("button", name="Envoyer mon message").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Votre message est trop long")
    expect(page.get_by_text("Revenez en arrière avec votre navigateur")).to_be_visible()
    page.go_back()
    expect(page.locator("#id_message")).to_have_value(text)
    assert Enquiry.objects.count() == 0
