"""Practice details, legal pages and the enquiries' admin, as the psychologist keeps them."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from contact.models import Enquiry
from practice_site.core.models import RateLimitCounter
from practice_site.practice.models import LegalPage, PracticeDetails

from .factories import fill_in_practice_details, make_enquiry

pytestmark = pytest.mark.django_db


@pytest.fixture
def practice(db):
    return fill_in_practice_details()


def test_the_migration_creates_the_practice_details_and_both_legal_pages():
    assert PracticeDetails.objects.count() == 1
    assert set(LegalPage.objects.values_list("kind", flat=True)) == {"legal-notice", "privacy"}


@pytest.mark.parametrize(
    ("language", "title", "note"),
    [
        ("fr", "Psychologue clinicienne", "Je réponds sous deux jours ouvrés."),
        ("en", "Clinical psychologist", "I answer within two working days."),
    ],
)
def test_the_contact_page_shows_how_to_reach_the_practice(client, practice, language, title, note):
    html = client.get(f"/{language}/contact/").content.decode()
    assert "Camille Exemple" in html
    assert title in html
    assert note in html
    assert '<a href="tel:0612345678">06 12 34 56 78</a>' in html
    assert '<a href="mailto:cabinet@example.org">cabinet@example.org</a>' in html
    assert "12 rue de l’Exemple<br>75011 Paris" in html


def test_every_page_footer_shows_the_practice_and_the_legal_links(client, practice):
    html = client.get("/en/articles/").content.decode()
    footer = html[html.index("<footer") :]
    assert "Camille Exemple" in footer
    assert 'href="/en/legal-notice/"' in footer
    assert 'href="/en/privacy/"' in footer
    french_footer = client.get("/fr/articles/").content.decode().split("<footer")[1]
    assert 'href="/fr/mentions-legales/"' in french_footer
    assert 'href="/fr/confidentialite/"' in french_footer


def test_an_edit_of_the_practice_details_shows_on_the_next_request(client, practice):
    assert "Camille Exemple" in client.get("/fr/").content.decode()
    practice.psychologist_name = "Camille Nouveau-Nom"
    practice.save()
    assert "Camille Nouveau-Nom" in client.get("/fr/").content.decode()


def test_the_admin_edits_the_single_practice_details_record(admin_client, practice):
    response = admin_client.get("/admin/practice/practicedetails/")
    assert response.status_code == 302
    assert response["Location"].endswith(f"/admin/practice/practicedetails/{practice.pk}/change/")
    assert admin_client.get("/admin/practice/practicedetails/add/").status_code == 403


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("/fr/mentions-legales/", "Mentions légales"),
        ("/en/legal-notice/", "Legal notice"),
        ("/fr/confidentialite/", "Politique de confidentialité"),
        ("/en/privacy/", "Privacy policy"),
    ],
)
def test_legal_pages_exist_in_both_languages(client, practice, url, title):
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert f"<h1>{title}</h1>" in html
    assert "{name}" not in html


@pytest.mark.parametrize("url", ["/fr/mentions-legales/", "/en/legal-notice/"])
def test_the_legal_notice_names_the_publisher_and_the_host(client, practice, url):
    html = client.get(url).content.decode()
    assert "Camille Exemple" in html
    assert "Camille Exemple EI" not in html
    for detail in ["10001234567", "759312345", "73282932000074", "Assurances Exemple"]:
        assert detail in html
    assert "Hébergeur Exemple SAS" in html
    assert "1 rue du Serveur, 59000 Lille" in html
    assert "03 20 00 00 00" in html


def test_an_entrepreneur_individuel_is_published_as_name_ei(client, practice):
    practice.entrepreneur_individuel = True
    practice.save()
    html = client.get("/fr/mentions-legales/").content.decode()
    assert "Ce site est édité par Camille Exemple EI, Psychologue clinicienne." in html


def test_an_optional_detail_left_empty_shows_as_a_dash(client, practice):
    practice.adeli = ""
    practice.save()
    html = client.get("/en/legal-notice/").content.decode()
    assert "ADELI number (if any): —" in html


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_contact_page_card_shows_the_rpps_number(client, practice, language):
    html = client.get(f"/{language}/contact/").content.decode()
    card = html[html.index('<address class="practice-card">') :]
    assert "10001234567" in card[: card.index("</address>")]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_privacy_policy_states_the_configured_retention(client, settings, language):
    settings.ENQUIRY_RETENTION_DAYS = 180
    url = "/fr/confidentialite/" if language == "fr" else "/en/privacy/"
    privacy = client.get(url).content.decode()
    form = client.get(f"/{language}/contact/").content.decode()
    assert "180" in privacy
    assert "365" not in privacy
    assert "180" in form


def test_the_privacy_policy_names_the_cnil(client):
    assert "CNIL" in client.get("/fr/confidentialite/").content.decode()
    assert "CNIL" in client.get("/en/privacy/").content.decode()


def test_practice_details_are_escaped_on_legal_pages(client, practice):
    practice.psychologist_name = "<script>alert(1)</script>"
    practice.save()
    html = client.get("/fr/mentions-legales/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_purge_deletes_enquiries_sent_longer_ago_than_the_retention(settings):
    settings.ENQUIRY_RETENTION_DAYS = 30
    now = timezone.now()
    make_enquiry(status=Enquiry.Status.SENT, sent_at=now - datetime.timedelta(days=31))
    recent = make_enquiry(status=Enquiry.Status.SENT, sent_at=now - datetime.timedelta(days=29))
    output = StringIO()
    call_command("purge_enquiries", stdout=output)
    assert list(Enquiry.objects.all()) == [recent]
    assert "1 enquiries sent more than 30 days ago deleted" in output.getvalue()


def test_purge_deletes_the_rate_limit_counters_whose_window_ended(settings):
    settings.CONTACT_RATE_LIMIT = "5/h"
    RateLimitCounter.objects.count_one("203.0.113.1", 3600)
    RateLimitCounter.objects.count_one("203.0.113.2", 3600)
    RateLimitCounter.objects.filter(key=RateLimitCounter.key_for("203.0.113.1")).update(
        window_start=timezone.now() - datetime.timedelta(minutes=61),
        window_end=timezone.now() - datetime.timedelta(minutes=1),
    )
    output = StringIO()
    call_command("purge_enquiries", stdout=output)
    assert [c.key for c in RateLimitCounter.objects.all()] == [
        RateLimitCounter.key_for("203.0.113.2")
    ]
    assert "1 rate-limit counters of ended windows deleted." in output.getvalue()


def test_the_admin_lists_enquiries_with_their_status(admin_client):
    make_enquiry(name="Élise", status=Enquiry.Status.FAILED)
    make_enquiry(name="Jean", status=Enquiry.Status.SENT)
    html = admin_client.get("/admin/contact/enquiry/", {"status__exact": "failed"}).content.decode()
    assert "Élise" in html
    assert "Jean" not in html
    assert "Échec de l’envoi" in html


def test_the_admin_shows_an_enquiry_read_only_and_escaped(admin_client):
    enquiry = make_enquiry(name="<b>Élise</b>", message="<script>alert(1)</script>")
    response = admin_client.get(f"/admin/contact/enquiry/{enquiry.pk}/change/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'name="message"' not in html  # no input: it cannot be edited
    assert (
        admin_client.post(
            f"/admin/contact/enquiry/{enquiry.pk}/change/", {"message": "changed"}
        ).status_code
        == 403
    )
    enquiry.refresh_from_db()
    assert enquiry.message == "<script>alert(1)</script>"


def test_the_admin_searches_enquiries(admin_client):
    make_enquiry(name="Élise", message="rendez-vous en décembre")
    jean = make_enquiry(name="Jean", message="question")
    # By number: never by the sender or the message (tests/test_enquiry_admin.py).
    changelist = admin_client.get("/admin/contact/enquiry/", {"q": jean.pk}).context["cl"]
    assert [e.name for e in changelist.result_list] == ["Jean"]


def test_the_language_switcher_leads_to_the_same_contact_page(client):
    html = client.get("/fr/contact/merci/").content.decode()
    assert 'href="http://testserver/en/contact/thanks/" lang="en"' in html
    html = client.get("/en/privacy/").content.decode()
    assert 'href="http://testserver/fr/confidentialite/" lang="fr"' in html


def test_an_empty_english_note_never_falls_back_to_french(client, practice):
    practice.practical_note_en = ""
    practice.save()
    assert "Je réponds sous deux jours ouvrés." not in client.get("/en/contact/").content.decode()
    assert "Je réponds sous deux jours ouvrés." in client.get("/fr/contact/").content.decode()


def test_the_site_is_named_after_the_psychologist_once_she_is_named(client, practice):
    html = client.get("/en/privacy/").content.decode()
    assert "<title>Privacy policy · Camille Exemple</title>" in html
    assert '<meta property="og:site_name" content="Camille Exemple">' in html
    assert '<a class="site-name" href="/en/">Camille Exemple</a>' in html


def test_until_then_it_is_the_practice_in_the_page_language(client):
    assert "<title>Cabinet de psychologie</title>" in client.get("/fr/").content.decode()
    assert "<title>Psychology practice</title>" in client.get("/en/").content.decode()
