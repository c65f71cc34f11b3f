"""An enquiry is health data: kept no longer than it serves, named by number only, and sent to
the relay encrypted."""

import datetime
import os
import uuid
from io import StringIO

import pytest
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import RequestFactory
from django.utils import timezone, translation

from contact.models import Enquiry

from . import going_live
from .factories import make_enquiry
from .interface_strings import in_french
from .test_security import PRODUCTION

# The site sends after the enquiry is committed: tests that send commit, as production does.
committing = pytest.mark.django_db(transaction=True)


def age(enquiry, days, field="sent_at"):
    """Move the enquiry's `field` `days` into the past."""
    Enquiry.objects.filter(pk=enquiry.pk).update(
        **{field: timezone.now() - datetime.timedelta(days=days)}
    )


def log_change(enquiry, message="Sent again"):
    """A history entry for the enquiry, as the admin writes one."""
    request = RequestFactory().get("/")
    request.user = User.objects.get_or_create(username="psy", is_staff=True)[0]
    admin.site.get_model_admin(Enquiry).log_change(request, enquiry, message)


def purge():
    output = StringIO()
    call_command("purge_enquiries", stdout=output)
    return output.getvalue()


@committing
@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_email_subject_shows_neither_the_name_nor_the_address_nor_the_message(
    client, smtp_server, enquiry_data, language
):
    client.post(f"/{language}/contact/", enquiry_data)

    enquiry = Enquiry.objects.get()
    [message] = smtp_server.messages
    subject = message["Subject"]
    assert str(enquiry.pk) in subject
    for private in ["Élise", "Dupré", "elise@example.org", "06 12 34 56 78", "rendez-vous"]:
        assert private not in subject
    assert message["Reply-To"] == "Élise Dupré <elise@example.org>"
    body = message.get_content()
    assert "Élise Dupré" in body
    assert "elise@example.org" in body
    assert "Êtes-vous disponible en décembre ?" in body


@committing
def test_an_enquiry_sent_longer_ago_than_the_retention_is_purged_with_its_log_entries(
    client, smtp_server, enquiry_data, settings
):
    settings.ENQUIRY_RETENTION_DAYS = 30
    client.post("/fr/contact/", enquiry_data)
    old = Enquiry.objects.get()
    assert old.status == Enquiry.Status.SENT
    log_change(old)
    client.post("/fr/contact/", {**enquiry_data, "submission_id": str(uuid.uuid4())})
    recent = Enquiry.objects.exclude(pk=old.pk).get()
    log_change(recent)
    age(old, days=31)

    output = purge()

    assert list(Enquiry.objects.all()) == [recent]
    assert [entry.object_id for entry in LogEntry.objects.all()] == [str(recent.pk)]
    assert "1 enquiries sent more than 30 days ago deleted" in output


@pytest.mark.django_db
def test_an_enquiry_sent_within_the_retention_is_kept(settings):
    settings.ENQUIRY_RETENTION_DAYS = 30
    enquiry = make_enquiry(status=Enquiry.Status.SENT, sent_at=timezone.now())
    age(enquiry, days=29)
    purge()
    assert Enquiry.objects.filter(pk=enquiry.pk).exists()


@committing
def test_an_enquiry_never_delivered_stays_however_old_and_the_admin_says_so(
    client, admin_client, relay_down, enquiry_data, settings
):
    settings.ENQUIRY_RETENTION_DAYS = 30
    settings.ENQUIRY_MAX_ATTEMPTS = 1  # the retry job gives up after this one failure
    client.post("/fr/contact/", enquiry_data)
    enquiry = Enquiry.objects.get()
    assert enquiry.status == Enquiry.Status.FAILED
    assert enquiry.given_up
    age(enquiry, days=400, field="created_at")

    purge()

    assert Enquiry.objects.filter(pk=enquiry.pk).exists()
    html = admin_client.get("/admin/contact/enquiry/").content.decode()
    assert in_french("Never delivered: kept until sent again or deleted") in html


@pytest.mark.django_db
def test_the_admin_says_a_pending_enquiry_is_kept_until_delivered(admin_client):
    make_enquiry()
    html = admin_client.get("/admin/contact/enquiry/").content.decode()
    assert in_french("Kept until delivered") in html


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "en"])
def test_an_enquiry_is_named_by_its_number_only(language):
    enquiry = make_enquiry()
    with translation.override(language):
        name = str(enquiry)
    assert str(enquiry.pk) in name
    for private in ["Élise", "Dupré", "elise@example.org"]:
        assert private not in name


@pytest.mark.django_db
def test_the_admin_log_and_messages_do_not_name_the_enquirer(admin_client):
    enquiry = make_enquiry()
    response = admin_client.post(
        f"/admin/contact/enquiry/{enquiry.pk}/delete/", {"post": "yes"}, follow=True
    )
    shown = [str(message) for message in response.context["messages"]]
    assert shown
    [entry] = LogEntry.objects.all()
    for text in [*shown, entry.object_repr, entry.change_message]:
        assert "Élise" not in text
        assert "elise@example.org" not in text
    assert str(enquiry.pk) in entry.object_repr


@pytest.mark.django_db
def test_a_message_of_2001_characters_is_refused_with_a_translated_error(
    client, enquiry_data, mailoutbox
):
    response = client.post("/fr/contact/", {**enquiry_data, "message": "m" * 2001})
    assert response.status_code == 400
    assert "au plus 2000 caractères (actuellement 2001)" in response.content.decode()
    assert Enquiry.objects.count() == 0
    assert mailoutbox == []


@pytest.mark.django_db
def test_a_message_of_2000_characters_is_accepted(client, enquiry_data):
    response = client.post("/en/contact/", {**enquiry_data, "message": "m" * 2000})
    assert response.status_code == 303
    assert len(Enquiry.objects.get().message) == 2000


@pytest.mark.django_db
def test_the_message_field_asks_for_the_purpose_only(client):
    html = client.get("/en/contact/").content.decode()
    assert 'maxlength="2000"' in html
    assert "please give no health details here" in html


def production_environment(**environment):
    """Production settings with no relay but the one `environment` gives."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "EMAIL_"))}
    production = {k: v for k, v in PRODUCTION.items() if not k.startswith("EMAIL_")}
    return {**base, **production, **environment}


def deploy_check(**environment):
    _code, output, _issues = going_live.check_deploy(production_environment(**environment))
    return output


@pytest.mark.django_db
def test_check_deploy_refuses_a_remote_relay_without_encryption():
    output = deploy_check(EMAIL_HOST="smtp.example.net")
    assert "practice.E010" in output
    assert "smtp.example.net" in output


@pytest.mark.django_db
@pytest.mark.parametrize(
    "environment",
    [
        {"EMAIL_HOST": "smtp.example.net", "EMAIL_USE_TLS": "on"},
        {"EMAIL_HOST": "smtp.example.net", "EMAIL_USE_SSL": "on"},
        {"EMAIL_HOST": "127.0.0.1"},
        {"EMAIL_HOST": "localhost"},
        {"EMAIL_HOST": "::1"},
        {},
    ],
)
def test_check_deploy_accepts_an_encrypted_or_local_relay(environment):
    assert "practice.E010" not in deploy_check(**environment)


def test_check_reports_tls_and_ssl_both_on(settings):
    settings.EMAIL_USE_TLS = True
    settings.EMAIL_USE_SSL = True
    with pytest.raises(SystemCheckError, match=r"contact\.E002"):
        call_command("check")


@pytest.mark.parametrize(
    ("environment", "port"),
    [({"EMAIL_USE_SSL": "on"}, "465"), ({"EMAIL_USE_TLS": "on"}, "587"), ({}, "25")],
)
def test_the_relay_port_follows_the_encryption(environment, port):
    assert going_live.production_settings(production_environment(**environment))[
        "EMAIL_PORT"
    ] == int(port)


@pytest.mark.django_db
def test_the_admin_home_warns_when_an_enquiry_outstayed_the_retention(admin_client, settings):
    settings.ENQUIRY_RETENTION_DAYS = 30
    enquiry = make_enquiry(status=Enquiry.Status.SENT, sent_at=timezone.now())
    html = admin_client.get("/admin/").content.decode()
    assert "purge_enquiries" not in html

    age(enquiry, days=31)
    html = admin_client.get("/admin/").content.decode()
    assert '<li class="warning">' in html
    assert "python manage.py purge_enquiries" in html


@pytest.mark.django_db
def test_the_admin_home_warning_is_only_for_those_who_can_see_enquiries(signed_in_client, settings):
    settings.ENQUIRY_RETENTION_DAYS = 30
    enquiry = make_enquiry(status=Enquiry.Status.SENT, sent_at=timezone.now())
    age(enquiry, days=31)
    staff = User.objects.create_user("editor", password="x", is_staff=True)
    response = signed_in_client(staff).get("/admin/")
    assert response.status_code == 200
    assert "purge_enquiries" not in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_migration_removes_the_names_from_earlier_log_entries(migrated_content):
    enquiry = make_enquiry()
    log_change(enquiry)
    LogEntry.objects.update(object_repr="Élise Dupré, 2025-03-01 10:00")
    call_command("migrate", "contact", "0005", verbosity=0)

    # Every app forward, as a deployment does: going back unapplied the apps that depend on
    # contact's migrations (core), and the next test needs them.
    call_command("migrate", verbosity=0)

    assert LogEntry.objects.get().object_repr == f"Message n° {enquiry.pk}"


def test_a_rate_limit_period_longer_than_the_policy_states_is_flagged(settings):
    from django.core.checks import run_checks

    settings.CONTACT_RATE_LIMIT = "20/d"
    assert "contact.W001" in [message.id for message in run_checks()]
    settings.CONTACT_RATE_LIMIT = "5/h"
    assert "contact.W001" not in [message.id for message in run_checks()]
