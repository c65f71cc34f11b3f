"""Enquiries are emailed by the worker, never by the web request: a relay that hangs slows no
page, and every enquiry reaches the practice exactly once when the relay comes back, whether
the worker was running during the posts or not."""

import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django_tasks_db.models import DBTaskResult

from contact.models import Enquiry
from contact.tasks import send_enquiry
from tests.alliance import FRENCH_URL
from tests.readers import NoRedirect, open_the_form
from tests.servers import stop_worker, wait_until_sent

pytestmark = pytest.mark.django_db(transaction=True)

READERS = 12
# Each reader gives up after CLIENT_TIMEOUT seconds; a site whose web request sent the email
# itself would hold it for SITE_EMAIL_TIMEOUT on the hanging relay, so it would never answer.
# How fast the answers come is measured by the benchmarks (`make loadtest`), not asserted here.
CLIENT_TIMEOUT, SITE_EMAIL_TIMEOUT = 30, "600"
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def timed_post(request, everyone_has_the_form):
    everyone_has_the_form.wait()
    started = time.monotonic()
    try:
        opener = urllib.request.build_opener(NoRedirect)
        with opener.open(request, timeout=CLIENT_TIMEOUT) as response:
            status = response.status
    except urllib.error.HTTPError as error:  # the 303 to the thank-you page
        status = error.code
    return status, time.monotonic() - started


def read_the_article(url, until):
    """A reader loading the article again and again until `until` is set; each load's time."""
    durations = []
    while not until.is_set():
        started = time.monotonic()
        with urllib.request.urlopen(f"{url}{FRENCH_URL}", timeout=CLIENT_TIMEOUT) as response:
            assert response.status == 200
            response.read()
        durations.append(time.monotonic() - started)
        time.sleep(0.05)
    return durations


def post_at_once_while_reading(url, readers=READERS):
    """`readers` enquiries posted at the same moment while another reader loads the article;
    (post answers, article load times)."""
    requests = [open_the_form(url, number) for number in range(readers)]
    barrier = threading.Barrier(readers)
    done = threading.Event()
    with ThreadPoolExecutor(readers + 1) as pool:
        article = pool.submit(read_the_article, url, done)
        try:
            answers = list(pool.map(lambda request: timed_post(request, barrier), requests))
        finally:
            done.set()  # also when a post failed: the test fails rather than hangs
        article_times = article.result()
    return answers, article_times


def report(label, answers, article_times):
    """The measured figures, for the record (pytest -s shows them)."""
    figures = {
        "posts": len(answers),
        "slowest_thanks_s": round(max(seconds for _status, seconds in answers), 3),
        "article_loads": len(article_times),
        "slowest_article_s": round(max(article_times), 3),
    }
    print(f"\n{label}: {json.dumps(figures)}")


def assert_delivered_exactly_once(mailbox, readers=READERS):
    # A second delivery could only come from a task still waiting or running: let them finish.
    deadline = time.monotonic() + 60
    while DBTaskResult.objects.filter(status__in=["READY", "RUNNING"]).exists():
        assert time.monotonic() < deadline, list(DBTaskResult.objects.values("status", "run_after"))
        time.sleep(0.2)
    recipients = sorted(message["Reply-To"] for message in mailbox.messages)
    assert recipients == sorted(f"Lecteur {n} <lecteur{n}@example.org>" for n in range(readers))
    assert set(Enquiry.objects.values_list("status", flat=True)) == {Enquiry.Status.SENT}


def test_with_the_relay_hanging_readers_are_thanked_at_once_and_the_worker_delivers_later(
    migrated_content, start_gunicorn, start_worker, hanging_relay, smtp_server
):
    hanging = {"EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(hanging_relay.port)}
    # The site itself points at the hanging relay: were it to send, its workers would hang.
    site = start_gunicorn(CONTACT_RATE_LIMIT="0", EMAIL_TIMEOUT=SITE_EMAIL_TIMEOUT, **hanging)
    # Stopping the worker below waits for the attempt it is making: a short one.
    worker = start_worker(EMAIL_TIMEOUT="1", ENQUIRY_RETRY_DELAY="1", **hanging)

    answers, article_times = post_at_once_while_reading(site)

    report("relay hanging, worker running", answers, article_times)
    assert [status for status, _seconds in answers] == [303] * READERS
    assert Enquiry.objects.count() == READERS
    deadline = time.monotonic() + 15
    while not hanging_relay.connections:  # the worker is stuck on the relay, not the site
        assert time.monotonic() < deadline, worker.log.read_text()
        time.sleep(0.1)
    assert Enquiry.objects.exclude(status=Enquiry.Status.SENT).count() == READERS

    # The relay comes back: the worker is restarted with the working one.
    stop_worker(worker)
    start_worker(EMAIL_HOST="127.0.0.1", EMAIL_PORT=str(smtp_server.port), ENQUIRY_RETRY_DELAY="1")
    wait_until_sent(READERS)
    assert_delivered_exactly_once(smtp_server)


def test_enquiries_posted_while_the_worker_is_stopped_wait_and_are_delivered_once_it_starts(
    migrated_content, start_gunicorn, start_worker, smtp_server
):
    relay = {"EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(smtp_server.port)}
    site = start_gunicorn(CONTACT_RATE_LIMIT="0", **relay)
    stop_worker(start_worker(**relay))

    answers, article_times = post_at_once_while_reading(site)

    report("worker stopped", answers, article_times)
    assert [status for status, _seconds in answers] == [303] * READERS
    assert set(Enquiry.objects.values_list("status", flat=True)) == {Enquiry.Status.PENDING}
    assert smtp_server.messages == []

    start_worker(**relay)
    wait_until_sent(READERS)
    assert_delivered_exactly_once(smtp_server)


def test_the_task_queue_holds_the_enquiry_id_and_nothing_the_enquirer_wrote(
    client, settings, enquiry_data
):
    settings.TASKS = DATABASE_TASKS
    client.post("/fr/contact/", enquiry_data)

    enquiry = Enquiry.objects.get()
    [queued] = DBTaskResult.objects.all()
    assert queued.task_path == "contact.tasks.send_enquiry"
    assert queued.args_kwargs == {"args": [enquiry.pk], "kwargs": {"force": False}}
    assert enquiry.status == Enquiry.Status.PENDING  # the worker sends it, not the request


def test_after_a_failure_the_task_enqueues_itself_again_after_the_backoff(relay_down, settings):
    settings.TASKS = DATABASE_TASKS
    settings.ENQUIRY_RETRY_DELAY = 60
    enquiry = Enquiry.objects.create(name="A", email="a@example.org", message="m", language="fr")

    assert send_enquiry.call(enquiry.pk) is False

    enquiry.refresh_from_db()
    assert (enquiry.status, enquiry.attempts) == (Enquiry.Status.FAILED, 1)
    [retry] = DBTaskResult.objects.all()
    assert retry.args_kwargs["args"] == [enquiry.pk]
    waited = (retry.run_after - enquiry.claimed_at).total_seconds()
    assert 59 < waited < 65


def test_a_task_for_an_enquiry_already_sent_sends_nothing(smtp_server):
    enquiry = Enquiry.objects.create(
        name="A", email="a@example.org", message="m", language="fr", status="sent", attempts=1
    )
    assert send_enquiry.call(enquiry.pk) is False
    assert smtp_server.messages == []


def test_a_task_for_an_enquiry_deleted_meanwhile_does_nothing(smtp_server):
    assert send_enquiry.call(123456) is False
