"""Bad input gets a clear, translated error on the form; nothing invalid is stored or sent."""

import datetime
import re
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.utils import timezone

from contact.models import Enquiry
from practice_site.core.models import RateLimitCounter

pytestmark = pytest.mark.django_db


def post(client, data, language="en", **extra):
    return client.post(f"/{language}/contact/", data, **extra)


def assert_nothing_stored_or_sent(mailoutbox):
    assert Enquiry.objects.count() == 0
    assert mailoutbox == []


def test_the_contact_page_shows_the_emergency_numbers_in_both_languages(client):
    french = client.get("/fr/contact/").content.decode()
    english = client.get("/en/contact/").content.decode()
    for number in ["15", "112", "3114"]:
        assert f'<a href="tel:{number}">{number}</a>' in french
        assert f'<a href="tel:{number}">{number}</a>' in english
    assert "En cas d’urgence, n’utilisez pas ce formulaire" in french
    assert "In an emergency, do not use this form" in english


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_emergency_notice_gives_114_for_deaf_and_hard_of_hearing_people(client, language):
    html = client.get(f"/{language}/contact/").content.decode()
    notice = html[html.index('id="emergency-title"') : html.index("</aside>")]
    assert '<a href="sms:114">114</a>' in notice


@pytest.mark.parametrize("url", ["/fr/", "/en/", "/fr/articles/", "/en/contact/"])
def test_every_page_footer_gives_114(client, url):
    footer = client.get(url).content.decode().split("<footer")[1]
    assert '<a href="sms:114">114</a>' in footer


@pytest.mark.parametrize("url", ["/en/contact/", "/en/articles/"])
def test_english_pages_say_the_numbers_are_french_and_link_112_for_elsewhere(client, url):
    html = client.get(url).content.decode()
    sentence = 'These numbers work in France. Elsewhere in Europe, call <a href="tel:112">112</a>.'
    assert html.count(sentence) == (2 if "contact" in url else 1)  # the notice and the footer


def test_french_pages_do_not_point_elsewhere_in_europe(client):
    assert "Europe, call" not in client.get("/fr/contact/").content.decode()


def test_the_form_has_the_contract_fields_and_a_privacy_notice(client):
    html = client.get("/en/contact/").content.decode()
    for field in ["name", "email", "phone", "message"]:
        assert f'name="{field}"' in html
    assert 'name="consent"' not in html
    assert 'href="/en/privacy/">Read the privacy policy</a>' in html


def test_the_form_posts_without_any_consent_field(client, enquiry_data, mailoutbox):
    assert "consent" not in enquiry_data
    response = post(client, enquiry_data)
    assert response.status_code == 303
    assert Enquiry.objects.get().name == "Élise Dupré"


def test_the_information_notice_stands_above_the_send_button(client, settings):
    from practice_site.practice.models import PracticeDetails

    settings.ENQUIRY_RETENTION_DAYS = 30
    PracticeDetails.objects.update(psychologist_name="Camille Exemple")
    html = client.get("/en/contact/").content.decode()
    start = html.index('id="privacy-notice"')
    notice = html[start : html.index('<button type="submit"', start)]
    for words in [
        "Only Camille Exemple receives your message, and uses it solely to answer you:",
        "a step you ask for before any consultation (GDPR, art. 6(1)(b))",
        "a professional bound by secrecy (art. 9(2)(h) and 9(3))",
        "deleted from this site 30 days after it is sent",
        "The copy sent by email stays in the practice’s mailbox.",
        'href="/en/privacy/">Read the privacy policy</a>',
    ]:
        assert words in notice


def test_the_information_notice_shows_on_the_french_page(client, settings):
    from practice_site.practice.models import PracticeDetails

    settings.ENQUIRY_RETENTION_DAYS = 30
    PracticeDetails.objects.update(psychologist_name="Camille Exemple")
    html = client.get("/fr/contact/").content.decode()
    start = html.index('id="privacy-notice"')
    notice = html[start : html.index('<button type="submit"', start)]
    assert "Camille Exemple" in notice
    assert "effacé de ce site 30\u00a0jours après son envoi" in notice
    assert 'href="/fr/confidentialite/"' in notice


@pytest.mark.parametrize(
    ("language", "errors"),
    [
        (
            "fr",
            [
                "Veuillez indiquer votre nom.",
                "Veuillez écrire votre message.",
            ],
        ),
        (
            "en",
            [
                "Please enter your name.",
                "Please write your message.",
            ],
        ),
    ],
)
def test_missing_fields_are_reported_in_the_page_language(client, mailoutbox, language, errors):
    response = post(client, {"email": "a@example.org"}, language)
    html = response.content.decode()
    assert response.status_code == 400
    for error in errors:
        assert error in html
    assert_nothing_stored_or_sent(mailoutbox)


def test_errors_are_tied_to_their_field_and_the_input_is_kept(client, enquiry_data, mailoutbox):
    response = post(client, {**enquiry_data, "email": "not-an-email"})
    html = response.content.decode()
    assert response.status_code == 400
    assert 'aria-invalid="true"' in html
    described_by = re.search(r'<input[^>]*name="email"[^>]*aria-describedby="([^"]+)"', html)
    assert set(described_by.group(1).split()) == {"id_email_error", "id_email_helptext"}
    assert 'id="id_email_error"' in html
    assert "Please enter a valid email address, such as name@example.com." in html
    assert 'value="Élise Dupré"' in html
    assert "Êtes-vous disponible en décembre ?" in html
    assert_nothing_stored_or_sent(mailoutbox)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", "Élise\r\nBcc: victim@example.org"),
        ("email", "elise@example.org\nBcc: victim@example.org"),
        ("phone", "06 12\r\n34 56 78"),
        ("name", "Élise\x00"),
        ("message", "Bonjour\x00"),
        ("message", "Bonjour \x1b[31m"),
    ],
)
def test_line_breaks_and_control_characters_are_refused(
    client, enquiry_data, mailoutbox, field, value
):
    response = post(client, {**enquiry_data, field: value})
    assert response.status_code == 400
    assert f'id="id_{field}_error"' in response.content.decode()
    assert_nothing_stored_or_sent(mailoutbox)


def test_line_breaks_are_allowed_in_the_message(client, enquiry_data):
    response = post(client, {**enquiry_data, "message": "Ligne 1\r\nLigne 2"})
    assert response.status_code == 303
    assert Enquiry.objects.get().message == "Ligne 1\nLigne 2"


@pytest.mark.parametrize(
    "phone",
    [
        "06 12 34 56 78",
        "06.12.34.56.78",
        "+33 6 12 34 56 78",
        "0033612345678",
        "+1 (415) 555-0123",
        "",
    ],
)
def test_french_and_international_phone_numbers_are_accepted(client, enquiry_data, phone):
    assert post(client, {**enquiry_data, "phone": phone}).status_code == 303


@pytest.mark.parametrize("phone", ["12345", "06 12 34", "phone me", "+33 6 12 34 56 78 90 12 34"])
def test_an_invalid_phone_number_is_refused(client, enquiry_data, mailoutbox, phone):
    response = post(client, {**enquiry_data, "phone": phone})
    assert response.status_code == 400
    assert "Please enter a French or international phone number" in response.content.decode()
    assert_nothing_stored_or_sent(mailoutbox)


def test_lengths_are_bounded_on_the_server(client, enquiry_data, mailoutbox):
    response = post(client, {**enquiry_data, "name": "N" * 101, "message": "m" * 2001})
    html = response.content.decode()
    assert response.status_code == 400
    assert "at most 100 characters (it has 101)" in html
    assert "at most 2000 characters (it has 2001)" in html
    assert_nothing_stored_or_sent(mailoutbox)


def test_a_one_megabyte_message_gets_an_error_not_a_crash(client, enquiry_data, mailoutbox):
    response = post(client, {**enquiry_data, "message": "x" * 1_000_000})
    # Over PUBLIC_REQUEST_MAX_SIZE: refused before the form reads it (tests/test_request_size.py).
    assert response.status_code == 413
    assert "<h1>Your message is too long</h1>" in response.content.decode()
    assert_nothing_stored_or_sent(mailoutbox)


def test_invalid_utf8_is_refused(client, enquiry_data, mailoutbox):
    body = (
        "name=%FF%FE%FDbad&email=a%40example.org&message=Bonjour"
        f"&submission_id={enquiry_data['submission_id']}"
    )
    response = client.post("/en/contact/", body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert "This field contains characters that are not allowed." in response.content.decode()
    assert_nothing_stored_or_sent(mailoutbox)


def test_html_in_the_fields_is_shown_as_text(client, enquiry_data, mailoutbox):
    script = "<script>alert('x')</script>"
    response = post(client, {**enquiry_data, "name": script, "email": "invalid"})
    html = response.content.decode()
    assert script not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert_nothing_stored_or_sent(mailoutbox)


def test_a_post_without_csrf_token_gets_a_translated_403(enquiry_data, mailoutbox):
    strict_client = Client(enforce_csrf_checks=True)
    for language, title in [
        ("fr", "Votre message n’a pas pu être envoyé"),
        ("en", "Your message could not be sent"),
    ]:
        response = post(strict_client, enquiry_data, language)
        assert response.status_code == 403
        assert f"<h1>{title}</h1>" in response.content.decode()
    assert_nothing_stored_or_sent(mailoutbox)


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_methods_other_than_get_and_post_are_not_allowed(client, method, mailoutbox):
    response = getattr(client, method)("/en/contact/")
    assert response.status_code == 405
    assert_nothing_stored_or_sent(mailoutbox)


def test_a_filled_honeypot_is_thanked_and_dropped(client, enquiry_data, mailoutbox):
    response = post(client, {**enquiry_data, "website": "http://spam.example"})
    assert response.status_code == 303
    assert response["Location"] == "/en/contact/thanks/"
    assert_nothing_stored_or_sent(mailoutbox)


def test_the_honeypot_is_labelled_for_screen_readers(client):
    html = client.get("/fr/contact/").content.decode()
    assert re.search(r'<label\s+for="id_website"', html)
    assert "Laissez ce champ vide" in html


def test_the_same_form_posted_twice_stores_one_enquiry(
    client, enquiry_data, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = post(client, enquiry_data)
        second = post(client, enquiry_data)
    assert first.status_code == second.status_code == 303
    assert Enquiry.objects.count() == 1
    assert len(mailoutbox) == 1


def submit_from(address, data, **headers):
    import uuid

    return Client(REMOTE_ADDR=address, headers=headers).post(
        "/en/contact/", {**data, "submission_id": str(uuid.uuid4())}
    )


def test_the_rate_limit_stops_a_client_but_not_another(settings, enquiry_data):
    settings.CONTACT_RATE_LIMIT = "2/h"
    assert submit_from("203.0.113.1", enquiry_data).status_code == 303
    assert submit_from("203.0.113.1", enquiry_data).status_code == 303
    blocked = submit_from("203.0.113.1", enquiry_data)
    assert blocked.status_code == 429
    assert "You have sent several messages in a short time." in blocked.content.decode()
    assert 'value="Élise Dupré"' in blocked.content.decode()  # nothing typed is lost
    assert submit_from("203.0.113.2", enquiry_data).status_code == 303
    assert Enquiry.objects.count() == 3


def test_the_rate_limit_counts_an_ipv6_network_as_one_client(settings, enquiry_data):
    """A home or a phone gets a whole /64: each of its addresses is the same client."""
    settings.CONTACT_RATE_LIMIT = "2/h"
    assert submit_from("2001:db8:1:2::1", enquiry_data).status_code == 303
    assert submit_from("2001:db8:1:2:aaaa::7", enquiry_data).status_code == 303
    assert submit_from("2001:db8:1:2:ffff:ffff:ffff:fffe", enquiry_data).status_code == 429
    assert submit_from("2001:db8:1:3::1", enquiry_data).status_code == 303


def test_the_rate_limit_lets_the_client_in_again_after_the_window(settings, enquiry_data):
    settings.CONTACT_RATE_LIMIT = "1/h"
    assert submit_from("203.0.113.1", enquiry_data).status_code == 303
    assert submit_from("203.0.113.1", enquiry_data).status_code == 429
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1, seconds=1)
    RateLimitCounter.objects.update(window_start=an_hour_ago)
    assert submit_from("203.0.113.1", enquiry_data).status_code == 303


def test_the_rate_limit_stores_the_address_only_as_a_hash_keyed_with_the_secret(
    settings, enquiry_data
):
    settings.CONTACT_RATE_LIMIT = "2/h"
    submit_from("203.0.113.1", enquiry_data)
    [counter] = RateLimitCounter.objects.all()
    assert "203.0.113" not in counter.key
    assert counter.count == 1

    settings.SECRET_KEY = "another-secret-key"
    submit_from("203.0.113.1", enquiry_data)
    assert RateLimitCounter.objects.count() == 2  # another key, another hash


def test_the_rate_limit_can_be_turned_off(settings, enquiry_data):
    settings.CONTACT_RATE_LIMIT = "0"
    assert all(submit_from("203.0.113.1", enquiry_data).status_code == 303 for _ in range(8))


def test_a_forwarded_address_counts_only_behind_a_trusted_proxy(settings, enquiry_data):
    settings.CONTACT_RATE_LIMIT = "1/h"
    first = {"x-forwarded-for": "198.51.100.1"}
    second = {"x-forwarded-for": "198.51.100.2"}
    assert submit_from("127.0.0.1", enquiry_data, **first).status_code == 303
    assert submit_from("127.0.0.1", enquiry_data, **second).status_code == 429  # forged header

    settings.TRUSTED_PROXY = True
    assert submit_from("127.0.0.1", enquiry_data, **second).status_code == 303
    assert (
        submit_from(
            "127.0.0.1", enquiry_data, **{"x-forwarded-for": "6.6.6.6, 198.51.100.2"}
        ).status_code
        == 429
    )


def test_a_request_too_large_to_read_gets_a_translated_400(client, mailoutbox):
    """More fields than Django parses (DATA_UPLOAD_MAX_NUMBER_FIELDS), in a body small enough
    for PUBLIC_REQUEST_MAX_SIZE: URL-encoded, as the form posts."""
    fields = urlencode({f"field{number}": "x" for number in range(1100)})
    response = client.post("/fr/contact/", fields, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert "<h1>Requête invalide</h1>" in response.content.decode()
    assert_nothing_stored_or_sent(mailoutbox)
