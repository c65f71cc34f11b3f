"""The psychologist acts on enquiries from the admin: where they go, what she still has to
answer, a reply in the enquirer's language."""

import datetime
import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone

from contact.models import Enquiry

from .factories import fill_in_practice_details, make_enquiry
from .interface_strings import in_french
from .test_admin import change_form_data

ENQUIRIES = "/admin/contact/enquiry/"


@pytest.mark.django_db(transaction=True)
def test_an_enquiry_sent_after_the_address_is_changed_in_the_admin_reaches_the_new_one(
    admin_client, client, smtp_server, enquiry_data
):
    details = fill_in_practice_details()
    url = f"/admin/practice/practicedetails/{details.pk}/change/"
    data = change_form_data(admin_client.get(url))
    data["enquiry_email"] = "demandes@cabinet.example"
    assert admin_client.post(url, data).status_code == 302
    smtp_server.messages.clear()  # the notice of the change (tests/test_enquiry_address.py)

    client.post("/fr/contact/", enquiry_data)

    [message] = smtp_server.messages
    assert message.envelope_recipients == ["demandes@cabinet.example"]
    assert message["To"] == "demandes@cabinet.example"
    enquiry = Enquiry.objects.get()
    html = admin_client.get(f"{ENQUIRIES}{enquiry.pk}/change/").content.decode()
    assert "demandes@cabinet.example" in html
    assert in_french("sent to") in html.lower()


@pytest.mark.django_db(transaction=True)
def test_with_no_address_set_in_the_admin_enquiries_go_to_contact_email(
    client, smtp_server, enquiry_data
):
    fill_in_practice_details()  # the public address is not where enquiries go

    client.post("/fr/contact/", enquiry_data)

    [message] = smtp_server.messages
    assert message.envelope_recipients == ["cabinet@example.org"]  # settings.CONTACT_EMAIL
    assert Enquiry.objects.get().sent_to == "cabinet@example.org"


def reply_link(admin_client, enquiry):
    html = admin_client.get(f"{ENQUIRIES}{enquiry.pk}/change/").content.decode()
    start = html.index('href="mailto:') + len('href="')
    link = urlsplit(html[start : html.index('"', start)].replace("&amp;", "&"))
    query = parse_qs(link.query)
    return unquote(link.path), query["subject"][0], query["body"][0]


@pytest.mark.django_db
def test_the_reply_link_answers_a_french_enquirer_in_french(admin_client):
    enquiry = make_enquiry(language="fr")
    Enquiry.objects.filter(pk=enquiry.pk).update(
        created_at=datetime.datetime(2025, 3, 1, 10, tzinfo=datetime.UTC)
    )

    address, subject, body = reply_link(admin_client, enquiry)

    assert address == "elise@example.org"
    assert subject == in_french("Re: your message of %(date)s") % {"date": "1 mars 2025"}
    assert body.startswith(in_french("Hello %(name)s,") % {"name": "Élise Dupré"})


@pytest.mark.django_db
def test_the_reply_link_answers_an_english_enquirer_in_english(admin_client):
    enquiry = make_enquiry(language="en", name="Alex Martin", email="alex@example.org")
    Enquiry.objects.filter(pk=enquiry.pk).update(
        created_at=datetime.datetime(2025, 3, 1, 10, tzinfo=datetime.UTC)
    )

    address, subject, body = reply_link(admin_client, enquiry)

    assert address == "alex@example.org"
    assert subject == "Re: your message of March 1, 2025"
    assert body == "Hello Alex Martin,\r\n\r\n"


@pytest.mark.django_db
def test_she_marks_an_enquiry_handled_and_filters_on_it(admin_client):
    answered = make_enquiry(name="Alex Martin")
    waiting = make_enquiry(name="Élise Dupré")

    response = admin_client.post(
        ENQUIRIES, {"action": "mark_handled", "_selected_action": [answered.pk]}, follow=True
    )

    assert response.status_code == 200
    handled = admin_client.get(ENQUIRIES, {"handled__exact": "1"}).context["cl"].result_list
    not_handled = admin_client.get(ENQUIRIES, {"handled__exact": "0"}).context["cl"].result_list
    assert list(handled) == [answered]
    assert list(not_handled) == [waiting]

    admin_client.post(ENQUIRIES, {"action": "mark_not_handled", "_selected_action": [answered.pk]})
    assert not Enquiry.objects.get(pk=answered.pk).handled


@pytest.mark.django_db
def test_the_list_shows_the_message_whole_on_demand(admin_client):
    long_message = "Bonjour, " + "je voudrais un rendez-vous. " * 10 + "Merci."
    make_enquiry(message=long_message)

    html = admin_client.get(ENQUIRIES).content.decode()

    assert "<details><summary>Bonjour, je voudrais un rendez-vous." in html
    assert "Merci.</details>" in html


@pytest.mark.django_db
def test_an_enquiry_has_no_view_on_site_button(admin_client):
    enquiry = make_enquiry()
    html = admin_client.get(f"{ENQUIRIES}{enquiry.pk}/change/").content.decode()
    assert "viewsitelink" not in html


@pytest.mark.django_db
def test_the_delete_action_is_worded_for_enquiries(admin_client):
    make_enquiry()
    html = admin_client.get(ENQUIRIES).content.decode()
    assert in_french("Delete the selected enquiries") in html
    assert "Supprimer les demandes de contact sélectionnés" not in html


@pytest.mark.django_db
def test_the_list_filters_by_status_and_date(admin_client):
    make_enquiry(status=Enquiry.Status.FAILED)
    make_enquiry()
    old = make_enquiry()
    Enquiry.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=400)
    )

    failed = admin_client.get(ENQUIRIES, {"status__exact": "failed"}).context["cl"]
    this_year = admin_client.get(ENQUIRIES, {"created_at__year": timezone.now().year})

    assert failed.result_count == 1
    assert this_year.context["cl"].result_count == 2


@pytest.mark.django_db
def test_the_practice_group_can_mark_enquiries_handled(signed_in_client):
    member = User.objects.create_user("member", password="x", is_staff=True)
    member.groups.add(Group.objects.get(name="practice"))
    enquiry = make_enquiry()

    signed_in_client(member).post(
        ENQUIRIES, {"action": "mark_handled", "_selected_action": [enquiry.pk]}
    )

    assert Enquiry.objects.get(pk=enquiry.pk).handled


@pytest.mark.django_db
def test_the_enquiry_search_finds_an_enquiry_by_its_number_only(admin_client):
    # A search is a GET query: a name, an address or words of a message typed there would land
    # in the access logs and the browser's history.
    enquiry = make_enquiry(
        name="Élise Dupré", email="elise@example.org", message="Je traverse une dépression."
    )
    make_enquiry(name="Someone Else")

    def found(query):
        return list(admin_client.get(ENQUIRIES, {"q": query}).context["cl"].result_list)

    assert found(str(enquiry.pk)) == [enquiry]
    assert found("Dupré") == []
    assert found("elise@example.org") == []
    assert found("dépression") == []


@pytest.mark.django_db
def test_the_enquiry_search_tells_her_a_name_cannot_be_searched(admin_client):
    """Else a search by name that finds nothing looks broken."""
    admin_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "fr"
    html = admin_client.get(ENQUIRIES).content.decode()

    assert "Recherchez par numéro de message (par exemple 12)\u00a0; filtrez par statut" in html
    assert "La recherche par nom ou par adresse n’est pas possible" in html


def test_the_list_shows_who_wrote_and_what_first(admin_client):
    make_enquiry(name="Élise Dupré", message="Bonjour, je voudrais un rendez-vous.")
    html = admin_client.get(ENQUIRIES).content.decode()
    row = html.split("<tbody>")[1].split("</tr>")[0]
    cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
    assert "Élise Dupré" in cells[1]  # after the selection box
    assert "Bonjour, je voudrais un rendez-vous." in cells[2]


def test_she_marks_an_enquiry_handled_from_its_page_and_back(admin_client):
    enquiry = make_enquiry()
    page = admin_client.get(f"{ENQUIRIES}{enquiry.pk}/change/").content.decode()
    url = f"{ENQUIRIES}{enquiry.pk}/handled/"
    assert f'formaction="{url}"' in page
    assert "Marquer comme traitée" in page
    response = admin_client.post(url, {"handled": "1"}, follow=True)
    assert Enquiry.objects.get(pk=enquiry.pk).handled
    assert "Marquer comme non traitée" in response.content.decode()
    admin_client.post(url, {"handled": ""})
    assert not Enquiry.objects.get(pk=enquiry.pk).handled


def test_marking_handled_takes_a_post_with_its_token(admin_client, client):
    enquiry = make_enquiry()
    url = f"{ENQUIRIES}{enquiry.pk}/handled/"
    assert admin_client.get(url).status_code == 405
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.cookies = admin_client.cookies
    assert strict.post(url, {"handled": "1"}).status_code == 403
    assert not Enquiry.objects.get(pk=enquiry.pk).handled


def test_the_deletion_page_names_the_sender(admin_client):
    enquiry = make_enquiry(name="Élise Dupré")
    page = admin_client.get(f"{ENQUIRIES}{enquiry.pk}/delete/").content.decode()
    assert f"Message n°\u00a0{enquiry.pk}, de Élise Dupré, reçu le" in page
    chosen = admin_client.post(
        ENQUIRIES, {"action": "delete_selected", "_selected_action": [enquiry.pk]}
    ).content.decode()
    assert "de Élise Dupré, reçu le" in chosen
