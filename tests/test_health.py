"""/health/ for a monitor: 200 when the database and the cache answer and no enquiry has waited
more than 15 minutes, 503 otherwise; nothing personal in it, never cached, rate-limited."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core.cache.backends.base import BaseCache
from django.db import OperationalError, connection
from django.utils import timezone

from contact.models import Enquiry

pytestmark = pytest.mark.django_db

URL = "/health/"


class BrokenCache(BaseCache):
    """A cache whose server is down: every call fails, as Django's Redis backend does then."""

    def __init__(self, location, params):
        super().__init__(params)

    def _fail(self, *args, **kwargs):
        raise ConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    add = get = set = delete = touch = has_key = incr = clear = _fail


@pytest.fixture
def make_enquiry(enquiry_data):
    def make(minutes_ago, **fields):
        enquiry = Enquiry.objects.create(
            name=enquiry_data["name"],
            email=enquiry_data["email"],
            phone=enquiry_data["phone"],
            message=enquiry_data["message"],
            language="fr",
            **fields,
        )
        # auto_now_add sets created_at on create: move it back afterwards.
        Enquiry.objects.filter(pk=enquiry.pk).update(
            created_at=timezone.now() - timedelta(minutes=minutes_ago)
        )
        return enquiry

    return make


def test_healthy_site_answers_200_and_names_each_check(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["status"] == "ok"
    assert {name: check["status"] for name, check in body["checks"].items()} == {
        "database": "ok",
        "cache": "ok",
        "enquiries": "ok",
    }
    assert body["checks"]["enquiries"]["count"] == 0


def test_a_recent_waiting_enquiry_is_not_a_failure(client, make_enquiry):
    make_enquiry(minutes_ago=14)
    assert client.get(URL).status_code == 200


def test_an_enquiry_waiting_over_15_minutes_turns_it_503(client, make_enquiry):
    make_enquiry(minutes_ago=47)
    make_enquiry(minutes_ago=20, status=Enquiry.Status.FAILED, attempts=2)
    response = client.get(URL)
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "failing"
    assert body["checks"]["enquiries"] == {
        "status": "failing",
        "waiting_over_minutes": 15,
        "count": 2,
        "oldest_minutes": 47,
    }
    assert body["checks"]["database"]["status"] == "ok"


def test_an_enquiry_stuck_in_sending_counts_as_waiting(client, make_enquiry):
    make_enquiry(minutes_ago=30, status=Enquiry.Status.SENDING, attempts=1)
    assert client.get(URL).status_code == 503


def test_an_old_enquiry_already_sent_is_not_waiting(client, make_enquiry):
    make_enquiry(minutes_ago=600, status=Enquiry.Status.SENT, attempts=1, sent_at=timezone.now())
    assert client.get(URL).status_code == 200


def test_a_sent_enquiry_being_resent_from_the_admin_is_not_waiting(client, make_enquiry):
    make_enquiry(minutes_ago=600, status=Enquiry.Status.SENDING, attempts=2, sent_at=timezone.now())
    assert client.get(URL).status_code == 200


def test_waiting_longer_than_leaves_out_what_the_retry_job_gave_up_on(settings, make_enquiry):
    waiting = make_enquiry(minutes_ago=60, status=Enquiry.Status.FAILED, attempts=1)
    make_enquiry(
        minutes_ago=60, status=Enquiry.Status.FAILED, attempts=settings.ENQUIRY_MAX_ATTEMPTS
    )
    make_enquiry(minutes_ago=5)
    assert list(Enquiry.objects.waiting_longer_than(15)) == [waiting]


def test_the_body_holds_nothing_of_the_enquiry(client, make_enquiry, enquiry_data):
    make_enquiry(minutes_ago=47)
    body = client.get(URL).content.decode()
    for field in ["name", "email", "phone", "message"]:
        assert enquiry_data[field] not in body
    assert "elise" not in body.lower()


def test_a_cache_that_does_not_answer_turns_it_503(client, settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "tests.test_health.BrokenCache"},
    }
    response = client.get(URL)
    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks["cache"]["status"] == "failing"
    assert checks["database"]["status"] == "ok"


def test_a_database_that_does_not_answer_turns_it_503(client):
    with mock.patch.object(
        connection, "cursor", side_effect=OperationalError("connection refused")
    ):
        response = client.get(URL)
    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks["database"]["status"] == "failing"
    assert checks["cache"]["status"] == "ok"


def test_more_than_60_requests_a_minute_from_one_address_get_429(client):
    for _ in range(60):
        assert client.get(URL).status_code == 200
    response = client.get(URL)
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert "no-store" in response["Cache-Control"]


def test_the_limit_is_per_address(client):
    for _ in range(61):
        client.get(URL)
    assert client.get(URL, REMOTE_ADDR="192.0.2.7").status_code == 200


def test_the_health_limit_does_not_use_up_the_contact_forms(client, settings):
    """Its counter has a key of its own: a monitor does not stop the practice's own address
    from sending an enquiry."""
    from practice_site.core.models import RateLimitCounter

    client.get(URL)
    assert RateLimitCounter.objects.get().key != RateLimitCounter.key_for("127.0.0.1")


def test_it_is_never_cached_and_sets_no_cookie(client):
    response = client.get(URL)
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies
    assert "ETag" not in response


def test_answers_are_not_served_from_the_page_cache(client, make_enquiry, settings):
    settings.PAGE_CACHE_SECONDS = 3600
    assert client.get(URL).status_code == 200
    make_enquiry(minutes_ago=47)
    assert client.get(URL).status_code == 503


def test_head_is_answered_and_post_refused(client):
    assert client.head(URL).status_code == 200
    assert client.post(URL).status_code == 405


def test_a_monitor_on_the_machine_gets_an_answer_not_a_redirect_to_https(client, settings):
    """With DEBUG off, as in production: plain HTTP to 127.0.0.1, no X-Forwarded-Proto."""
    settings.SECURE_SSL_REDIRECT = True
    assert client.get(URL, HTTP_HOST="127.0.0.1").status_code == 200
    assert client.get(URL, HTTP_HOST="localhost").status_code == 200
    assert client.get("/fr/", HTTP_HOST="127.0.0.1").status_code == 301


def test_it_is_not_in_the_sitemap(client):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/fr/" in sitemap
    assert "health" not in sitemap
