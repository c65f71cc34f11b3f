"""The contact form's rate limit holds when many processes count one address at the same
moment: with the default setup (SQLite or PostgreSQL, file cache), with Redis, and through
gunicorn's workers."""

import socket
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from threading import Barrier

import pytest

from contact.models import Enquiry
from tests.readers import NoRedirect, open_the_form
from tests.servers import wait_until_sent

pytestmark = pytest.mark.django_db(transaction=True)

PROCESSES, CHECKS, LIMIT = 5, 8, "5/h"
COUNT_EIGHT_TIMES = (
    "from practice_site.core.ratelimit import RateLimit\n"
    f"limit = RateLimit.parse({LIMIT!r})\n"
    f"result = sum(limit.allows('198.51.100.7') for _ in range({CHECKS}))\n"
)
REDIS = ("127.0.0.1", 6379)


def redis_reachable():
    try:
        with socket.create_connection(REDIS, timeout=1) as connection:
            connection.sendall(b"PING\r\n")
            return connection.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def assert_overlapped(runs):
    """Every process started before any other had finished: they counted at the same time."""
    assert max(run["started"] for run in runs) < min(run["ended"] for run in runs), runs


def test_five_processes_at_once_are_allowed_exactly_the_limit(run_together):
    runs = run_together(COUNT_EIGHT_TIMES, PROCESSES)

    assert_overlapped(runs)
    assert sum(run["result"] for run in runs) == 5


@pytest.mark.skipif(not redis_reachable(), reason="no Redis server answers on 127.0.0.1:6379")
def test_five_processes_at_once_are_allowed_exactly_the_limit_with_redis(run_together):
    """The site set up for several machines (REDIS_URL): the counter lives in the database,
    not in the cache, so the limit holds the same whichever cache the site uses."""
    runs = run_together(COUNT_EIGHT_TIMES, PROCESSES, REDIS_URL="redis://127.0.0.1:6379/13")

    assert_overlapped(runs)
    assert sum(run["result"] for run in runs) == 5


@pytest.fixture
def gunicorn_site(smtp_server, start_gunicorn):
    """The site served by gunicorn with its production configuration and several workers, on
    the test database; yields its base URL."""
    return start_gunicorn(
        CONTACT_RATE_LIMIT=LIMIT,
        # Enough for the posts to really race: with four, the old cache-based counter still
        # passed this test one time in two.
        GUNICORN_WORKERS="8",
    )


def post_the_form(url, number, everyone_has_the_form):
    """One reader: open the contact page, wait for the others, post it; (status, page)."""
    request = open_the_form(url, number)
    everyone_has_the_form.wait()
    try:
        with urllib.request.build_opener(NoRedirect).open(request, timeout=60) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:  # the 303 to the thank-you page included
        return error.code, error.read().decode()


def test_forty_posts_at_once_through_gunicorn_store_and_send_only_the_limit(
    gunicorn_site, smtp_server, start_worker
):
    readers = 40
    barrier = Barrier(readers)
    with ThreadPoolExecutor(readers) as pool:
        answers = list(pool.map(lambda n: post_the_form(gunicorn_site, n, barrier), range(readers)))

    assert Counter(status for status, _page in answers) == {303: 5, 429: 35}
    refused = [page for status, page in answers if status == 429]
    assert all("Vous avez envoyé plusieurs messages en peu de temps." in p for p in refused)
    assert Enquiry.objects.count() == 5

    start_worker(EMAIL_HOST="127.0.0.1", EMAIL_PORT=str(smtp_server.port))
    wait_until_sent(5)
    assert len(smtp_server.messages) == 5
