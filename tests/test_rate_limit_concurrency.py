"""The contact form's rate limit holds when many processes count one address at the same
moment: with the default setup (SQLite or PostgreSQL, file cache), with Redis, and through
gunicorn's workers."""

import socket

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

PROCESSES, CHECKS, LIMIT = 5, 8, "5/h"
COUNT_EIGHT_TIMES = (
    "from contact.ratelimit import RateLimit\n"
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
    runs = run_together(COUNT_EIGHT_TIMES, PROCESSES, REDIS_URL="redis://127.0.0.1:6379/13")

    assert_overlapped(runs)
    assert sum(run["result"] for run in runs) == 5
