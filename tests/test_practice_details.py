"""The practice details the law asks for: validated as the registers write them, carried over
from the single texts they replace, and listed on the admin home until they are all there."""

import importlib

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from practice_site.practice.models import PracticeDetails
from practice_site.practice.validators import validate_adeli, validate_rpps, validate_siret

from .factories import fill_in_practice_details

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("validator", "value"),
    [
        (validate_rpps, "10001234567"),
        (validate_adeli, "759312345"),
        (validate_siret, "73282932000074"),
    ],
)
def test_a_well_formed_number_is_accepted(validator, value):
    validator(value)


@pytest.mark.parametrize(
    ("validator", "value", "code", "message"),
    [
        (validate_rpps, "1000123456", "invalid_rpps", "An RPPS number has 11 digits"),
        (validate_rpps, "1000123456X", "invalid_rpps", "An RPPS number has 11 digits"),
        (validate_rpps, "١٠٠٠١٢٣٤٥٦٧", "invalid_rpps", "An RPPS number has 11 digits"),
        (validate_adeli, "75931234", "invalid_adeli", "An ADELI number has 9 digits"),
        (validate_adeli, "75 931 2345", "invalid_adeli", "An ADELI number has 9 digits"),
        (validate_siret, "7328293200007", "invalid_siret", "A SIRET number has 14 digits"),
        (validate_siret, "73282932000075", "invalid_siret_checksum", "has a typing error"),
    ],
)
def test_a_malformed_number_is_refused_with_a_code_and_a_readable_message(
    validator, value, code, message
):
    from django.utils import translation

    with translation.override("en"):
        with pytest.raises(ValidationError) as refused:
            validator(value)
        assert refused.value.code == code
        assert message in refused.value.messages[0]


def test_the_admin_shows_why_a_number_is_refused(admin_client):
    from .test_admin import change_form_data

    details = fill_in_practice_details()
    url = f"/admin/practice/practicedetails/{details.pk}/change/"
    data = {**change_form_data(admin_client.get(url)), "siret": "73282932000075"}
    response = admin_client.post(url, data, headers={"accept-language": "en"})
    assert response.status_code == 200
    assert "This SIRET number has a typing error" in response.content.decode()


def split_host(text):
    module = importlib.import_module(
        "practice_site.practice.migrations.0002_host_and_registration_details"
    )
    return module.split_host(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "OVH SAS\n2 rue Kellermann\n59100 Roubaix\n+33 9 72 10 10 07",
            ("OVH SAS", "2 rue Kellermann\n59100 Roubaix", "+33 9 72 10 10 07"),
        ),
        (
            "Hébergeur Exemple, 1 rue du Serveur, 59000 Lille",
            ("Hébergeur Exemple", "1 rue du Serveur\n59000 Lille", ""),
        ),
        ("Hébergeur Exemple", ("Hébergeur Exemple", "", "")),
        ("", ("", "", "")),
    ],
)
def test_the_migration_splits_the_host_text_into_its_three_details(text, expected):
    assert split_host(text) == expected


def test_the_migration_carries_the_host_and_the_registration_number_over(transactional_db):
    executor = MigrationExecutor(connection)
    before = [("practice", "0001_initial")]
    executor.migrate(before)
    old_apps = executor.loader.project_state(before).apps
    old_apps.get_model("practice", "PracticeDetails").objects.update_or_create(
        pk=1,
        defaults={
            "host": "OVH SAS\n2 rue Kellermann\n59100 Roubaix",
            "registration_number": "75 93 1234 5",
        },
    )

    call_command("migrate", "practice", verbosity=0)

    from practice_site.practice.models import PracticeDetails

    details = PracticeDetails.objects.get(pk=1)
    assert (details.host_name, details.host_address) == (
        "OVH SAS",
        "2 rue Kellermann\n59100 Roubaix",
    )
    assert (details.adeli, details.rpps) == ("759312345", "")


def test_the_admin_home_lists_what_is_missing_before_going_live(admin_client):
    fill_in_practice_details(host_phone="", rpps="")
    html = admin_client.get("/admin/", headers={"accept-language": "en"}).content.decode()
    checklist = html[html.index('id="going-live-title"') :]
    checklist = checklist[: checklist.index("</section>")]
    # One item for the practice details, naming what they lack, linked to the first of them.
    assert checklist.count("<li>") == 1
    assert (
        '<a href="/admin/practice/practicedetails/1/change/#id_rpps">'
        "The practice details lack these fields: RPPS number, host&#x27;s phone.</a>"
    ) in checklist


def test_the_admin_home_links_a_legal_page_that_lost_a_placeholder(admin_client):
    from practice_site.practice.models import LegalPage

    fill_in_practice_details()
    page = LegalPage.objects.get(kind="privacy")
    page.body_fr = page.body_fr.replace("{retention_days}", "30")
    page.save()
    html = admin_client.get("/admin/").content.decode()
    assert f'href="/admin/practice/legalpage/{page.pk}/change/"' in html
    assert "{retention_days}" in html


def test_the_admin_home_has_no_checklist_once_all_is_set(admin_client):
    from practice_site.practice.models import Presentation

    fill_in_practice_details()
    Presentation.objects.create(summary_fr="<p>Psychologue clinicienne, j’accompagne…</p>")
    assert 'id="going-live-title"' not in admin_client.get("/admin/").content.decode()


def test_once_the_details_are_complete_the_home_suggests_the_presentation(admin_client):
    fill_in_practice_details()
    html = admin_client.get("/admin/", headers={"accept-language": "en"}).content.decode()
    checklist = html[html.index('id="going-live-title"') :]
    checklist = checklist[: checklist.index("</section>")]
    assert ">To do</h2>" in checklist
    assert "must not be put online" not in checklist
    assert checklist.count("<li>") == 1
    assert '<a href="/admin/practice/presentation/add/">Introduce yourself:' in checklist


def test_the_presentation_waits_until_the_details_are_complete(admin_client):
    fill_in_practice_details(rpps="")
    html = admin_client.get("/admin/", headers={"accept-language": "en"}).content.decode()
    assert "Introduce yourself" not in html


def test_the_access_help_text_does_not_invite_her_to_publish_the_door_code():
    # The access is shown on public pages: a door code there would open the building to all.
    help_text = str(PracticeDetails._meta.get_field("access_fr").help_text)
    assert "code" not in help_text.lower()
