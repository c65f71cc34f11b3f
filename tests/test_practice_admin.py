"""The practice details as the psychologist fills them in, in the French admin: fees written the
French way, opening hours as she says them, messages that read naturally."""

import re
from datetime import time
from decimal import Decimal

import pytest

from practice_site.practice.models import Fee, OpeningHours

from .factories import fill_in_practice_details
from .test_admin import as_a_browser_sends_it, change_form_data

pytestmark = pytest.mark.django_db

URL = "/admin/practice/practicedetails/1/change/"
FRENCH = {"accept-language": "fr"}
ENGLISH = {"accept-language": "en"}


def post_the_details(client, headers=FRENCH, **fields):
    """Post the practice details page as it stands, with `fields` changed."""
    data = as_a_browser_sends_it(change_form_data(client.get(URL, headers=headers)))
    return client.post(URL, {**data, **fields}, headers=headers)


# Fees


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("250,50", Decimal("250.50")),
        ("250.50", Decimal("250.50")),
        ("250", Decimal(250)),
        ("82,5", Decimal("82.50")),
        ("1 250,50", Decimal("1250.50")),
        ("60 €", Decimal(60)),
    ],
)
def test_a_fee_is_read_with_a_decimal_comma_or_dot(admin_client, typed, stored):
    fill_in_practice_details()
    response = post_the_details(admin_client, **{"fees-0-amount": typed})
    assert response.status_code == 302, response.context["inline_admin_formsets"][0].formset.errors
    assert Fee.objects.get(position=0).amount == stored


@pytest.mark.parametrize("typed", ["1.250,50", "1,250.50", "250,505", "1.250", "25,0,50", "abc"])
def test_an_ambiguous_fee_is_refused_with_an_example(admin_client, typed):
    fill_in_practice_details()
    response = post_the_details(admin_client, ENGLISH, **{"fees-0-amount": typed})
    assert response.status_code == 200
    formset = response.context["inline_admin_formsets"][0].formset
    [errors] = [errors for errors in formset.errors if errors]
    assert errors["amount"] == [
        "Write the fee in euros with at most two decimals, e.g. 60 or 82.50."
    ]
    assert Fee.objects.get(position=0).amount == Decimal(60)


def test_the_french_admin_shows_a_fee_with_a_decimal_comma(admin_client):
    fill_in_practice_details()
    html = admin_client.get(URL, headers=FRENCH).content.decode()
    [amount] = re.findall(r'<input[^>]*name="fees-1-amount"[^>]*>', html)
    assert 'value="82,50"' in amount
    assert 'inputmode="decimal"' in amount
    assert 'type="text"' in amount


# Opening hours


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("9h", time(9)),
        ("9h30", time(9, 30)),
        ("9 h 30", time(9, 30)),
        ("9:30", time(9, 30)),
        ("09:30", time(9, 30)),
        ("14H", time(14)),
    ],
)
def test_an_opening_time_is_read_as_she_writes_it(admin_client, typed, read):
    fill_in_practice_details()
    response = post_the_details(
        admin_client,
        **{
            "opening_hours-TOTAL_FORMS": "1",
            "opening_hours-0-weekday": "0",
            "opening_hours-0-opens": typed,
            "opening_hours-0-closes": "19h",
        },
    )
    assert response.status_code == 302
    slot = OpeningHours.objects.get()
    assert (slot.opens, slot.closes) == (read, time(19))


@pytest.mark.parametrize("typed", ["25h", "9h75", "neuf heures", "9h3"])
def test_a_wrong_opening_time_is_refused_with_an_example(admin_client, typed):
    fill_in_practice_details()
    response = post_the_details(
        admin_client,
        ENGLISH,
        **{
            "opening_hours-TOTAL_FORMS": "1",
            "opening_hours-0-weekday": "0",
            "opening_hours-0-opens": typed,
            "opening_hours-0-closes": "19h",
        },
    )
    assert response.status_code == 200
    formset = response.context["inline_admin_formsets"][1].formset
    assert formset.errors[0]["opens"] == ["Enter a time such as 9h, 9h30 or 14:00."]
    assert not OpeningHours.objects.exists()


def test_the_opening_times_show_an_example_and_without_seconds(admin_client):
    details = fill_in_practice_details()
    details.opening_hours.create(weekday=0, opens=time(9, 30), closes=time(19))
    html = admin_client.get(URL, headers=ENGLISH).content.decode()
    [opens] = re.findall(r'<input[^>]*name="opening_hours-0-opens"[^>]*>', html)
    assert 'value="09:30"' in opens
    assert "E.g. 9h, 9h30 or 14:00." in html


# One record each: no "add another", a message in her words


def test_the_practice_details_page_offers_no_save_and_add_another(admin_client):
    fill_in_practice_details()
    html = admin_client.get(URL).content.decode()
    assert 'name="_save"' in html
    assert 'name="_addanother"' not in html


def test_the_presentation_page_offers_no_save_and_add_another(admin_client):
    html = admin_client.get("/admin/practice/presentation/add/").content.decode()
    assert 'name="_save"' in html
    assert 'name="_addanother"' not in html


@pytest.mark.parametrize(
    ("button", "next_url"), [("_save", "/admin/practice/practicedetails/"), ("_continue", URL)]
)
def test_saving_the_practice_details_says_so_in_plain_words(admin_client, button, next_url):
    fill_in_practice_details()
    response = post_the_details(admin_client, ENGLISH, **{button: "1", "phone": "06 00 00 00 00"})
    assert response["Location"] == next_url
    page = admin_client.get(URL, headers=ENGLISH)
    messages = [str(message) for message in page.context["messages"]]
    assert messages == ["The practice details have been saved."]


def test_saving_the_presentation_for_the_first_time_says_so_in_plain_words(admin_client):
    from practice_site.practice.models import Presentation

    url = "/admin/practice/presentation/add/"
    data = as_a_browser_sends_it(change_form_data(admin_client.get(url)))
    response = admin_client.post(url, {**data, "heading_fr": "Bienvenue"}, headers=ENGLISH)
    assert response.status_code == 302
    assert Presentation.objects.get().heading_fr == "Bienvenue"
    page = admin_client.get(response["Location"], headers=ENGLISH, follow=True)
    messages = [str(message) for message in page.context["messages"]]
    assert messages == ["Your presentation has been saved."]


PRACTICE_URL = "/admin/practice/practicedetails/1/change/"


def test_numbers_typed_as_on_her_card_are_stored_as_their_digits(admin_client):
    from practice_site.practice.models import PracticeDetails

    fill_in_practice_details()
    page = admin_client.get(PRACTICE_URL)
    # The field leaves room for the spaces of "10 00 12 34 56 7".
    assert re.search(r'name="rpps"[^>]*maxlength="22"', page.content.decode())
    data = change_form_data(page)
    data |= {"rpps": "10 00 12 34 56 7", "adeli": "75.93.12.345", "siret": "732 829 320 00074"}
    response = admin_client.post(PRACTICE_URL, data)
    assert response.status_code == 302
    details = PracticeDetails.objects.get()
    assert (details.rpps, details.adeli, details.siret) == (
        "10001234567",
        "759312345",
        "73282932000074",
    )


def test_a_number_still_too_short_once_read_is_refused_with_its_message(admin_client):
    fill_in_practice_details()
    data = change_form_data(admin_client.get(PRACTICE_URL)) | {"rpps": "10 00 12 34"}
    response = admin_client.post(PRACTICE_URL, data)
    assert response.status_code == 200
    assert "11" in str(response.context["adminform"].form.errors["rpps"])


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("06.12.34.56.78", "06 12 34 56 78"),
        ("0612345678", "06 12 34 56 78"),
        ("+33612345678", "+33 6 12 34 56 78"),
        ("+44 20 7946 0958", "+44 20 7946 0958"),
    ],
)
def test_a_phone_is_stored_in_the_usual_pairs(admin_client, typed, stored):
    from practice_site.practice.models import PracticeDetails

    fill_in_practice_details()
    data = change_form_data(admin_client.get(PRACTICE_URL)) | {"phone": typed}
    assert admin_client.post(PRACTICE_URL, data).status_code == 302
    assert PracticeDetails.objects.get().phone == stored


def test_coordinates_may_be_typed_with_a_decimal_comma(admin_client):
    from practice_site.practice.models import PracticeDetails

    fill_in_practice_details()
    data = change_form_data(admin_client.get(PRACTICE_URL))
    data |= {"latitude": "48,8576", "longitude": "2,3802"}
    assert admin_client.post(PRACTICE_URL, data).status_code == 302
    details = PracticeDetails.objects.get()
    assert (details.latitude, details.longitude) == (Decimal("48.8576"), Decimal("2.3802"))
