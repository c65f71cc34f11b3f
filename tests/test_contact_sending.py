"""An enquiry reaches the psychologist by email, and is never lost when the relay fails."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import F
from django.utils import timezone

from contact.models import Enquiry

# The site sends after the enquiry is committed: these tests commit, as production does.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize(
    ("language", "expected_language_line"),
    [("fr", "Langue de la page\u00a0: Français"), ("en", "Langue de la page\u00a0: Anglais")],
)
def test_a_valid_enquiry_is_stored_and_emailed_to_the_practice(
    client, smtp_server, enquiry_data, language, expected_language_line
):
    response = client.post(f"/{language}/contact/", enquiry_data)

    assert response.status_code == 303
    assert response["Location"] == (
        "/fr/contact/merci/" if language == "fr" else "/en/contact/thanks/"
    )
    enquiry = Enquiry.objects.get()
    assert enquiry.status == Enquiry.Status.SENT
    assert enquiry.language == language
    [message] = smtp_server.messages
    assert message["To"] == "cabinet@example.org"
    assert message["From"] == "site@example.org"
    assert message["Reply-To"] == "Élise Dupré <elise@example.org>"
    assert str(enquiry.pk) in message["Subject"]
    assert "\n" not in message["Subject"]
    assert message.get_content_charset() == "utf-8"
    body = message.get_content()
    assert "Êtes-vous disponible en décembre ?" in body
    assert "06 12 34 56 78" in body
    assert expected_language_line in body


# A right-to-left override that shows what follows backwards, a zero-width space, a bidi
# isolate, and another address where the psychologist's mail program shows the sender's name.
DISGUISED_NAME = "Élise \u202eérpuD\u200b\u2066 evil@example.com <x>"


def test_a_name_is_stored_and_emailed_without_invisible_characters_or_another_address(
    client, smtp_server, enquiry_data
):
    response = client.post("/fr/contact/", {**enquiry_data, "name": DISGUISED_NAME})

    assert response.status_code == 303
    enquiry = Enquiry.objects.get()
    assert enquiry.name == "Élise érpuD evil@example.com <x>"
    [message] = smtp_server.messages
    [reply_to] = message["Reply-To"].addresses
    assert reply_to.addr_spec == "elise@example.org"
    assert not {"@", "<", ">", ",", '"'} & set(reply_to.display_name)
    assert reply_to.display_name == "Élise érpuD evilexample.com x"
    for invisible in ["\u202e", "\u200b", "\u2066"]:
        assert invisible not in str(message["Reply-To"])
        assert invisible not in message.get_content()


def test_a_name_of_invisible_characters_only_is_no_name(client, smtp_server, enquiry_data):
    response = client.post("/fr/contact/", {**enquiry_data, "name": "\u202e\u200b\u2066"})

    assert response.status_code == 400
    assert 'id="id_name_error"' in response.content.decode()
    assert not Enquiry.objects.exists()


def test_the_thank_you_page_says_when_to_expect_an_answer(client, smtp_server, enquiry_data):
    response = client.post("/en/contact/", enquiry_data, follow=True)
    html = response.content.decode()
    assert "Thank you, your message has been received" in html
    assert "usually within a few working days" in html


def test_with_the_relay_down_the_enquiry_is_kept_as_failed_and_the_reader_thanked(
    client, relay_down, enquiry_data
):
    response = client.post("/fr/contact/", enquiry_data, follow=True)

    assert response.status_code == 200
    assert "Merci, votre message a bien été reçu" in response.content.decode()
    enquiry = Enquiry.objects.get()
    assert enquiry.status == Enquiry.Status.FAILED
    assert enquiry.attempts == 1
    assert "ConnectionRefusedError" in enquiry.last_error


def test_a_relay_that_refuses_the_message_leaves_it_failed(client, smtp_server, enquiry_data):
    smtp_server.refuse = True
    client.post("/en/contact/", enquiry_data)
    enquiry = Enquiry.objects.get()
    assert enquiry.status == Enquiry.Status.FAILED
    assert "550" in enquiry.last_error


def test_a_slow_relay_times_out_without_losing_the_enquiry(
    client, smtp_server, enquiry_data, settings
):
    settings.EMAIL_TIMEOUT = 1
    smtp_server.delay = 3
    response = client.post("/en/contact/", enquiry_data)
    assert response.status_code == 303
    assert Enquiry.objects.get().status == Enquiry.Status.FAILED


def test_the_retry_command_delivers_a_failed_enquiry_exactly_once(
    client, relay_down, enquiry_data, settings
):
    client.post("/fr/contact/", enquiry_data)
    assert Enquiry.objects.get().status == Enquiry.Status.FAILED
    back_in_time(Enquiry.retry_delay(1))  # its backoff is over

    mailbox = start_smtp_server(settings)  # the relay comes back
    try:
        call_command("send_enquiries", stdout=StringIO())
        call_command("send_enquiries", stdout=StringIO())
    finally:
        mailbox.controller.stop()

    enquiry = Enquiry.objects.get()
    assert enquiry.status == Enquiry.Status.SENT
    assert enquiry.attempts == 2
    assert len(mailbox.messages) == 1


def back_in_time(delay):
    """Move every enquiry's last attempt `delay` into the past."""
    Enquiry.objects.update(claimed_at=F("claimed_at") - delay)


@pytest.mark.parametrize("attempts", [1, 2, 5])
def test_the_retry_command_waits_for_the_backoff_doubled_at_each_attempt(
    relay_down, settings, attempts
):
    settings.ENQUIRY_RETRY_DELAY = 60
    enquiry = Enquiry.objects.create(
        name="A",
        email="a@example.org",
        message="m",
        language="fr",
        attempts=attempts,
        status=Enquiry.Status.FAILED,
        claimed_at=timezone.now(),
    )
    delay = timedelta(seconds=60 * 2 ** (attempts - 1))
    assert Enquiry.retry_delay(attempts) == delay

    back_in_time(delay - timedelta(seconds=5))
    call_command("send_enquiries", stdout=StringIO())
    enquiry.refresh_from_db()
    assert enquiry.attempts == attempts  # still in its backoff: not tried

    back_in_time(timedelta(seconds=10))
    call_command("send_enquiries", stdout=StringIO())
    enquiry.refresh_from_db()
    assert enquiry.attempts == attempts + 1


def test_the_retry_command_sends_a_waiting_enquiry_left_behind(smtp_server):
    """Enqueued before a crash, or the worker down: the retry job sends it without the worker."""
    Enquiry.objects.create(name="A", email="a@example.org", message="m", language="fr")
    call_command("send_enquiries", stdout=StringIO())
    assert Enquiry.objects.get().status == Enquiry.Status.SENT
    assert len(smtp_server.messages) == 1


def test_the_retry_command_gives_up_after_the_maximum_attempts(relay_down, settings):
    settings.ENQUIRY_MAX_ATTEMPTS = 2
    enquiry = Enquiry.objects.create(
        name="A",
        email="a@example.org",
        message="m",
        language="fr",
        attempts=2,
        status=Enquiry.Status.FAILED,
    )
    call_command("send_enquiries", stdout=StringIO())
    enquiry.refresh_from_db()
    assert enquiry.attempts == 2


def start_smtp_server(settings):
    from tests.mail_servers import Mailbox, launch_smtp_server

    mailbox = Mailbox()
    mailbox.controller = launch_smtp_server(mailbox, settings.EMAIL_PORT)
    return mailbox


def test_two_retry_jobs_at_once_send_each_enquiry_once(smtp_server, run_together):
    for number in range(6):
        Enquiry.objects.create(
            name=f"Lecteur {number}", email=f"r{number}@example.org", message="m", language="fr"
        )
    smtp_server.delay = 0.3  # each send is slow, so each job is still sending when the other is

    runs = run_together(
        "from django.core.management import call_command\ncall_command('send_enquiries')\n",
        2,
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp_server.port),
        CONTACT_EMAIL="cabinet@example.org",
    )

    assert max(run["started"] for run in runs) < min(run["ended"] for run in runs)
    assert smtp_server.most_at_once == 2  # both jobs were sending at the same moment
    recipients = sorted(m["Reply-To"] for m in smtp_server.messages)
    assert len(recipients) == 6
    assert len(set(recipients)) == 6
    assert set(Enquiry.objects.values_list("status", flat=True)) == {Enquiry.Status.SENT}
    assert set(Enquiry.objects.values_list("attempts", flat=True)) == {1}


def test_send_again_from_the_admin_resends_an_enquiry(admin_client, smtp_server):
    enquiry = Enquiry.objects.create(
        name="Jean",
        email="jean@example.org",
        message="Bonjour",
        language="fr",
        status=Enquiry.Status.SENT,
        attempts=1,
    )
    response = admin_client.post(
        "/admin/contact/enquiry/",
        {"action": "send_again", "_selected_action": [enquiry.pk]},
        follow=True,
    )
    assert response.status_code == 200
    assert len(smtp_server.messages) == 1
    enquiry.refresh_from_db()
    assert enquiry.attempts == 2
    assert enquiry.status == Enquiry.Status.SENT
