"""The practice's fees, hours, access and booking link on the contact and About pages, and
the practice described for search engines (structured data, its postal address)."""

import json
import re
from datetime import time
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from practice_site.practice.going_live import NO_FEES, missing_before_going_live
from practice_site.practice.models import OpeningHours, Presentation
from practice_site.practice.models.base import postal_address

from .factories import fill_in_practice_details
from .pages import visible_text
from .test_admin import as_a_browser_sends_it, change_form_data
from .test_presentation import LANGUAGES, about_url

pytestmark = pytest.mark.django_db


def json_ld(html):
    """The JSON-LD blocks of a page, parsed."""
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def practice_data(html):
    [data] = [block for block in json_ld(html) if block["@type"] == "MedicalBusiness"]
    return data


def table_rows(html, caption):
    """[[cell text, …], …] of the body rows of the table with this caption."""
    table = re.search(rf"<caption>{re.escape(caption)}</caption>(.*?)</table>", html, re.S)
    assert table, f"no table “{caption}”"
    body = table.group(1).split("<tbody>")[1]
    return [
        [" ".join(re.sub(r"<[^>]+>", "", cell).split()) for cell in re.findall(
            r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]  # fmt: skip


@pytest.fixture
def practice():
    """Her details with fees, hours, access, a map and a booking link."""
    details = fill_in_practice_details(
        video=True,
        booking_url="https://www.doctolib.fr/psychologue/paris/camille-exemple",
        access_fr="Métro Voltaire. Deuxième étage avec ascenseur.",
        access_en="Voltaire metro station. Second floor, with a lift.",
        latitude=Decimal("48.857800"),
        longitude=Decimal("2.380200"),
    )
    for weekday, opens, closes in [(0, 9, 12), (0, 14, 19), (3, 10, 18)]:
        details.opening_hours.create(weekday=weekday, opens=time(opens), closes=time(closes))
    return details


# Contact page: the practical details


def test_the_contact_page_lists_the_fees_in_an_accessible_table(client, practice):
    html = client.get("/en/contact/").content.decode()
    assert table_rows(html, "Fees") == [
        ["Individual session", "50 minutes", "€60"],
        ["Couples session", "75 minutes", "€82.50"],
    ]
    table = html[html.index("<caption>Fees</caption>") : html.index("</table>")]
    assert table.count('<th scope="col">') == 3
    assert table.count('<th scope="row">') == 2


def test_the_french_contact_page_names_the_sessions_in_french(client, practice):
    html = client.get("/fr/contact/").content.decode()
    with translation.override("fr"):
        rows = table_rows(html, translation.gettext("Fees"))
    assert [row[0] for row in rows] == ["Séance individuelle", "Séance de couple"]
    assert "60" in rows[0][2]


def test_an_english_page_never_shows_the_french_fee_labels(client, practice):
    text = visible_text(client.get("/en/contact/").content.decode(), "en")
    assert "Séance" not in text


@pytest.mark.parametrize(
    ("language", "monday", "first_hours"), [("fr", "Lundi", "09:00"), ("en", "Monday", "9 a.m.")]
)
def test_the_contact_page_shows_the_opening_hours_by_day(
    client, practice, language, monday, first_hours
):
    html = client.get(f"/{language}/contact/").content.decode()
    with translation.override(language):
        rows = table_rows(html, translation.gettext("Opening hours"))
    # Row headers start with a capital, though French writes the days in lower case.
    assert [row[0] for row in rows] == [monday, rows[1][0]]
    assert rows[1][0][0].isupper()
    assert rows[0][1].startswith(first_hours)
    assert rows[0][1].count("–") == 2  # morning and afternoon on the same line
    assert '<time datetime="14:00">' in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_contact_page_offers_the_booking_link_beside_the_form(client, practice, language):
    html = client.get(f"/{language}/contact/").content.decode()
    start = html.index('id="form-title"')
    form_section = html[start : html.index("<form", start)]
    assert f'href="{practice.booking_url}"' in form_section


def test_no_booking_button_without_a_booking_link(client, practice):
    practice.booking_url = ""
    practice.save()
    assert "doctolib" not in client.get("/en/contact/").content.decode()


@pytest.mark.parametrize(
    ("language", "access"),
    [("fr", "Deuxième étage avec ascenseur."), ("en", "Second floor, with a lift.")],
)
def test_the_contact_page_says_how_to_get_there_with_a_map_link(client, practice, language, access):
    html = client.get(f"/{language}/contact/").content.decode()
    assert access in html
    url = (
        "https://www.openstreetmap.org/?mlat=48.857800&amp;mlon=2.380200#map=17/48.857800/2.380200"
    )
    assert f'href="{url}"' in html
    assert "<iframe" not in html


def test_the_consultation_modes_are_stated(client, practice):
    assert "Consultations in person or by video." in client.get("/en/contact/").content.decode()
    practice.in_person = False
    practice.save()
    assert "Consultations by video only." in client.get("/en/contact/").content.decode()


def test_mon_soutien_psy_is_explained_only_when_she_takes_part(client, practice):
    assert "Mon soutien psy" not in client.get("/en/contact/").content.decode()
    practice.mon_soutien_psy = True
    practice.save()
    html = client.get("/en/contact/").content.decode()
    assert "up to 12 sessions a year" in html
    assert 'href="https://monsoutienpsy.ameli.fr/"' in html


def test_her_own_mon_soutien_psy_sentence_replaces_the_standard_one(client, practice):
    practice.mon_soutien_psy = True
    practice.mon_soutien_psy_note_fr = "Je suis psychologue partenaire de « Mon soutien psy »."
    practice.mon_soutien_psy_note_en = "I am a partner psychologist of “Mon soutien psy”."
    practice.full_clean()
    practice.save()
    french = client.get("/fr/contact/").content.decode()
    assert "Je suis psychologue partenaire" in french
    assert "12 séances" not in french
    english = client.get("/en/contact/").content.decode()
    assert "I am a partner psychologist" in english
    assert "Je suis psychologue partenaire" not in english
    assert "up to 12 sessions a year" not in english


@pytest.mark.parametrize("written", ["fr", "en"])
def test_her_own_mon_soutien_psy_sentence_is_written_in_both_languages_or_neither(
    practice, written
):
    """Else a reader in the other language would read the standard sentence, which may no
    longer be true when she wrote her own because the scheme changed."""
    setattr(practice, f"mon_soutien_psy_note_{written}", "Mon soutien psy : 12 séances.")
    with pytest.raises(ValidationError) as error:
        practice.full_clean()
    [missing] = {"fr", "en"} - {written}
    [message] = error.value.error_dict[f"mon_soutien_psy_note_{missing}"]
    assert message.code == "mon_soutien_psy_note_in_one_language"
    with translation.override("fr"):
        assert str(message.message) == translation.gettext(
            "Write your own sentence in French and in English, or leave both empty for the "
            "standard one."
        )


def test_the_practice_details_report_every_mistake_at_once(practice):
    practice.longitude = None
    practice.mon_soutien_psy_note_fr = "Mon soutien psy : 12 séances."
    with pytest.raises(ValidationError) as error:
        practice.full_clean()
    assert set(error.value.error_dict) == {"__all__", "mon_soutien_psy_note_en"}


def test_coordinates_come_in_pairs(practice):
    practice.longitude = None
    with pytest.raises(ValidationError) as error:
        practice.full_clean()
    assert error.value.error_dict["__all__"][0].code == "incomplete_coordinates"


def test_opening_hours_must_close_after_they_open(practice):
    hours = OpeningHours(practice=practice, weekday=1, opens=time(18), closes=time(9))
    with pytest.raises(ValidationError) as error:
        hours.full_clean()
    assert error.value.error_dict["closes"][0].code == "closes_before_opening"


# Structured data


@pytest.mark.parametrize("url", ["/fr/contact/", "/en/contact/", "/fr/", "/en/"])
def test_pages_presenting_the_practice_describe_it_for_search_engines(client, practice, url):
    data = practice_data(client.get(url).content.decode())
    assert data["@context"] == "https://schema.org"
    assert data["name"] == "Camille Exemple"
    assert data["telephone"] == "06 12 34 56 78"
    assert data["url"] == f"http://testserver/{url.split('/')[1]}/"
    assert data["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "12 rue de l’Exemple",
        "postalCode": "75011",
        "addressLocality": "Paris",
        "addressCountry": "FR",
    }
    assert data["openingHoursSpecification"] == [
        {"@type": "OpeningHoursSpecification", "dayOfWeek": "https://schema.org/Monday",
         "opens": "09:00", "closes": "12:00"},
        {"@type": "OpeningHoursSpecification", "dayOfWeek": "https://schema.org/Monday",
         "opens": "14:00", "closes": "19:00"},
        {"@type": "OpeningHoursSpecification", "dayOfWeek": "https://schema.org/Thursday",
         "opens": "10:00", "closes": "18:00"},
    ]  # fmt: skip
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 48.8578, "longitude": 2.3802}
    assert "image" not in data


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pages_presenting_the_practice_describe_one_and_the_same_business(
    client, practice, language
):
    home = f"http://testserver/{language}/"
    urls = [f"/{language}/", f"/{language}/contact/", about_url(language)]
    ids = {practice_data(client.get(url).content.decode())["@id"] for url in urls}
    assert ids == {f"{home}#practice"}


def test_the_home_page_reads_the_presentation_once(client, practice, presentation, monkeypatch):
    loads = []
    load = Presentation.load.__func__
    monkeypatch.setattr(Presentation, "load", classmethod(lambda cls: loads.append(1) or load(cls)))
    client.get("/en/")
    assert len(loads) == 1


def test_the_price_range_spans_the_fees(client, practice):
    assert practice_data(client.get("/en/contact/").content.decode())["priceRange"] == "€60–€82.50"


def test_the_structured_data_shows_the_portrait_when_there_is_one(client, practice, portrait):
    data = practice_data(client.get("/en/").content.decode())
    card = r"http://testserver/media/CACHE/images/portraits/\w+/\w+\.jpg"
    assert re.fullmatch(card, data["image"]["url"])
    assert (data["image"]["width"], data["image"]["height"]) == (1200, 630)


def test_the_structured_data_cannot_close_its_element(client, practice):
    practice.psychologist_name = "</script><script>alert(1)</script>"
    practice.save()
    html = client.get("/en/contact/").content.decode()
    assert "<script>alert(1)" not in html
    assert practice_data(html)["name"] == practice.psychologist_name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3 place du Marché\nBâtiment B\n69002 Lyon",
         {"streetAddress": "3 place du Marché, Bâtiment B", "postalCode": "69002",
          "addressLocality": "Lyon"}),
        ("12 rue X\n75011 Paris Cedex 11\nFrance",
         {"streetAddress": "12 rue X", "postalCode": "75011", "addressLocality": "Paris Cedex 11"}),
        ("Cabinet sans code postal", {"streetAddress": "Cabinet sans code postal"}),
    ],
)  # fmt: skip
def test_the_address_is_split_into_its_postal_parts(text, expected):
    assert postal_address(text) == {"@type": "PostalAddress", "addressCountry": "FR", **expected}


# About page: the practical details


def test_the_about_page_shows_the_practical_details(client, practice):
    html = client.get(about_url("en")).content.decode()
    assert table_rows(html, "Fees")[0] == ["Individual session", "50 minutes", "€60"]
    assert table_rows(html, "Opening hours")
    assert f'href="{practice.booking_url}"' in html


@pytest.mark.parametrize("url", ["/en/contact/", "/en/about/"])
def test_the_booking_button_says_it_leaves_the_site(client, practice, url):
    html = client.get(url).content.decode()
    [button] = re.findall(rf'<a [^>]*href="{re.escape(practice.booking_url)}"[^>]*>(.*?)</a>', html)
    assert visible_text(button, "en") == "Book an appointment online (external site)"


@pytest.mark.parametrize("url", ["/en/contact/", "/en/about/"])
def test_the_fees_have_no_duration_column_when_no_fee_has_a_duration(client, url):
    fill_in_practice_details(
        fees=[{"label_fr": "Séance", "label_en": "Session", "amount": Decimal(60)}]
    )
    html = client.get(url).content.decode()
    assert table_rows(html, "Fees") == [["Session", "€60"]]
    assert "Duration" not in html


def test_a_fee_without_a_duration_beside_one_with_has_an_empty_cell(client, practice):
    practice.fees.filter(label_en="Couples session").update(duration=None)
    html = client.get("/en/contact/").content.decode()
    assert table_rows(html, "Fees")[1] == ["Couples session", "", "€82.50"]


# Going live, caching


def test_going_live_requires_the_fees_to_be_shown():
    fill_in_practice_details(fees=[])
    [missing] = [item for item in missing_before_going_live() if item.id == NO_FEES]
    assert missing.url() == "/admin/practice/practicedetails/1/change/#fees-group"
    fill_in_practice_details()
    assert NO_FEES not in [item.id for item in missing_before_going_live()]


def test_a_fee_edit_shows_on_the_cached_about_page(client, practice):
    client.get("/en/about/")
    fee = practice.fees.get(label_en="Individual session")
    fee.amount = Decimal(65)
    fee.save()
    html = client.get("/en/about/").content.decode()
    assert table_rows(html, "Fees")[0] == ["Individual session", "50 minutes", "€65"]


def test_the_contact_page_reads_fees_and_hours_from_the_cache(
    client, practice, django_assert_max_num_queries
):
    client.get("/en/contact/")
    # The session and the rate limit's reads, not one per fee or per day.
    with django_assert_max_num_queries(0):
        html = client.get("/en/contact/").content.decode()
    assert table_rows(html, "Opening hours")


# The admin


def test_a_fee_added_in_the_admin_shows_on_the_contact_page(admin_client, client, practice):
    client.get("/en/about/")
    url = f"/admin/practice/practicedetails/{practice.pk}/change/"
    data = as_a_browser_sends_it(change_form_data(admin_client.get(url)))
    data.update({
        "fees-TOTAL_FORMS": "3",
        "fees-2-label_fr": "Première consultation",
        "fees-2-label_en": "First consultation",
        "fees-2-amount": "70",
        "fees-2-duration": "60",
        "fees-2-position": "2",
    })  # fmt: skip
    assert admin_client.post(url, data).status_code == 302
    for page in ["/en/contact/", "/en/about/"]:
        rows = table_rows(client.get(page).content.decode(), "Fees")
        assert rows[-1] == ["First consultation", "60 minutes", "€70"]


def test_the_fee_table_says_the_fees_include_all_taxes(client, practice):
    html = client.get("/en/contact/").content.decode()
    after_the_fees = html[html.index("</table>") :]
    assert "Fees include all taxes." in after_the_fees[: after_the_fees.index("<table")]
