"""The address that receives enquiries (health data) cannot be diverted unseen: only an account
that may read enquiries may change it, and a change is announced to the old and the new
address."""

import pytest
from django.contrib.auth.models import Permission, User

from practice_site.practice.models import PracticeDetails

from .factories import fill_in_practice_details
from .test_admin import change_form_data

# The notice is sent once the change is committed, as production does.
committing = pytest.mark.django_db(transaction=True)


def details_url(details):
    return f"/admin/practice/practicedetails/{details.pk}/change/"


def change_enquiry_address(client, details, address):
    url = details_url(details)
    data = change_form_data(client.get(url))
    data["enquiry_email"] = address
    return client.post(url, data)


@pytest.fixture
def assistant(signed_in_client):
    """A staff account that edits the practice details but may not read enquiries (e.g. the
    person who keeps the site up to date)."""
    user = User.objects.create_user("assistant", password="x", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(codename__in=["view_practicedetails", "change_practicedetails"])
    )
    return signed_in_client(user)


@pytest.mark.django_db
def test_an_account_that_cannot_read_enquiries_cannot_change_where_they_go(assistant):
    details = fill_in_practice_details(enquiry_email="cabinet-prive@example.org")

    html = assistant.get(details_url(details)).content.decode()
    response = change_enquiry_address(assistant, details, "someone@elsewhere.example")

    assert 'name="enquiry_email"' not in html
    assert "cabinet-prive@example.org" in html  # shown, read-only
    assert response.status_code == 302
    assert PracticeDetails.objects.get().enquiry_email == "cabinet-prive@example.org"


@committing
def test_a_new_enquiry_address_is_announced_to_the_old_and_the_new_one(
    admin_client, admin_user, smtp_server
):
    details = fill_in_practice_details(enquiry_email="ancienne@example.org")

    response = change_enquiry_address(admin_client, details, "nouvelle@example.org")

    assert response.status_code == 302
    recipients = sorted(r for m in smtp_server.messages for r in m.envelope_recipients)
    assert recipients == ["ancienne@example.org", "nouvelle@example.org"]
    for message in smtp_server.messages:
        body = message.get_content()
        assert "ancienne@example.org" in body
        assert "nouvelle@example.org" in body
        assert admin_user.get_username() in body


@committing
def test_the_first_address_set_is_announced_to_the_one_enquiries_went_to(admin_client, smtp_server):
    details = fill_in_practice_details()  # enquiries go to CONTACT_EMAIL

    change_enquiry_address(admin_client, details, "nouvelle@example.org")

    recipients = sorted(r for m in smtp_server.messages for r in m.envelope_recipients)
    assert recipients == ["cabinet@example.org", "nouvelle@example.org"]


@committing
def test_saving_the_details_without_changing_the_address_sends_no_notice(admin_client, smtp_server):
    details = fill_in_practice_details(enquiry_email="ancienne@example.org")
    url = details_url(details)
    data = change_form_data(admin_client.get(url))
    data["phone"] = "06 00 00 00 00"

    admin_client.post(url, data)

    assert smtp_server.messages == []


@committing
def test_going_back_in_the_history_cannot_divert_enquiries_unseen(
    admin_client, assistant, smtp_server
):
    from .test_history import history

    details = fill_in_practice_details()
    admin_url = details_url(details).removesuffix("change/")
    change_enquiry_address(admin_client, details, "ancienne@example.org")
    change_enquiry_address(admin_client, details, "nouvelle@example.org")
    *_earlier, with_the_old_address, _latest = history(admin_client, admin_url)
    smtp_server.messages.clear()

    # The assistant may go back to the earlier details, not to their address.
    assistant.post(with_the_old_address, change_form_data(assistant.get(with_the_old_address)))
    assert PracticeDetails.objects.get().enquiry_email == "nouvelle@example.org"
    assert smtp_server.messages == []

    # She may, and the address she leaves is told.
    admin_client.post(
        with_the_old_address, change_form_data(admin_client.get(with_the_old_address))
    )
    assert PracticeDetails.objects.get().enquiry_email == "ancienne@example.org"
    [notice] = smtp_server.messages
    assert sorted(notice.envelope_recipients) == ["ancienne@example.org", "nouvelle@example.org"]
