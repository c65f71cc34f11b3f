"""`make loadtest`: no enquiry lost or doubled under load, with the relay up, down and hanging.

Against a production-configured gunicorn and the background worker (`db_worker`) on 127.0.0.1
(loopback only, a bounded number of requests), on SQLite and, when a server answers on
127.0.0.1:5432, on PostgreSQL. In each step ENQUIRIES readers post the form at once, and every
one must be thanked (303) at once, whatever the relay does:

1. relay up: the worker emails every enquiry;
2. relay down: every enquiry is stored and waits; the relay comes back, and the worker's
   retries and two `send_enquiries` jobs at once email each exactly once;
3. relay hanging (accepts connections, never answers): the posts are not slowed; the relay
   comes back, and every enquiry is emailed exactly once.

Prints the counts and the slowest post, and exits non-zero on any loss, duplicate or 5xx.
"""

import contextlib
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

from aiosmtpd.controller import Controller
from production import (
    PYTHON,
    ROOT,
    free_port,
    gunicorn,
    manage,
    prepare,
    production_environment,
    workspace,
)

ENQUIRIES = int(os.environ.get("LOADTEST_ENQUIRIES", "200"))
CONCURRENCY = int(os.environ.get("LOADTEST_CONCURRENCY", "50"))
POSTGRES = "postgres://postgres@127.0.0.1:5432"


class Sink:
    """An SMTP server that counts what it receives, by the enquiry's marker."""

    def __init__(self, port):
        self.markers = Counter()
        self.port = port
        self.controller = None

    def start(self):
        # A stopped Controller cannot start again: a new one each time, the counts kept.
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        self.controller.stop()

    async def handle_DATA(self, server, session, envelope):
        marker = re.search(rb"loadtest-\d+-\d+", envelope.original_content)
        self.markers[marker.group().decode() if marker else "?"] += 1
        return "250 OK"


class HangingRelay:
    """A relay that accepts connections and never answers, as a blackholed relay does."""

    def __init__(self, port):
        self.server = socket.create_server(("127.0.0.1", port))
        self.server.settimeout(0.2)
        self.connections = []
        self.open = True
        self.thread = threading.Thread(target=self.accept, daemon=True)
        self.thread.start()

    def accept(self):
        while self.open:
            with contextlib.suppress(TimeoutError):
                self.connections.append(self.server.accept()[0])

    def close(self):
        # The port is free again only once accept() has returned.
        self.open = False
        self.thread.join()
        self.server.close()
        for connection in self.connections:
            connection.close()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


NOT_FOLLOWING_REDIRECTS = urllib.request.build_opener(NoRedirect)


def send_enquiry(base_url, run, number):
    """One reader: open the form, post it. Returns the HTTP status of the post."""
    headers = {"X-Forwarded-Proto": "https"}
    form_request = urllib.request.Request(f"{base_url}/fr/contact/", headers=headers)
    with urllib.request.urlopen(form_request, timeout=60) as response:
        page = response.read().decode()
        # The cookie is Secure (the browser is on https behind the proxy): send it back by hand.
        cookie = response.headers["Set-Cookie"].split(";")[0]
    fields = dict(re.findall(r'name="(csrfmiddlewaretoken|submission_id)" value="([^"]+)"', page))
    data = urllib.parse.urlencode({
        **fields,
        "name": f"Lecteur {number}",
        "email": f"lecteur{number}@example.org",
        "message": f"Bonjour, message loadtest-{run}-{number}.",
    }).encode()  # fmt: skip
    # The browser's Origin, as seen behind the TLS proxy: the CSRF check compares it.
    origin = base_url.replace("http://", "https://")
    request = urllib.request.Request(
        f"{base_url}/fr/contact/",
        data=data,
        headers={**headers, "Origin": origin, "Cookie": cookie},
    )
    try:
        with NOT_FOLLOWING_REDIRECTS.open(request, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as error:  # 303 (thank-you) included: it is not followed
        return error.code


def post_all(base_url, run):
    """Every reader posts at once: (statuses, seconds of the slowest open-and-post)."""

    def timed(number):
        start = time.monotonic()
        status = send_enquiry(base_url, run, number)
        return status, time.monotonic() - start

    with ThreadPoolExecutor(CONCURRENCY) as pool:
        results = list(pool.map(timed, range(ENQUIRIES)))
    return Counter(status for status, _ in results), max(seconds for _, seconds in results)


@contextlib.contextmanager
def worker(environment):
    """The Procfile's worker, until the block ends."""
    process = subprocess.Popen(
        [PYTHON, "manage.py", "db_worker"], cwd=ROOT, env=environment, stdout=subprocess.DEVNULL
    )
    try:
        yield process
    finally:
        process.terminate()
        process.wait(timeout=30)


def wait_until_sent(environment, count, timeout=600):
    """Rows by status once `count` enquiries are sent, or when `timeout` seconds are over."""
    deadline = time.monotonic() + timeout
    while True:
        counts = stored(environment)
        if counts.get("sent", 0) >= count or time.monotonic() > deadline:
            return counts
        time.sleep(2)


def sweep_twice(environment):
    """Two `send_enquiries` jobs at once, as cron on two machines would run them."""
    jobs = [
        subprocess.Popen([PYTHON, "manage.py", "send_enquiries"], cwd=ROOT, env=environment)
        for _ in range(2)
    ]
    return [job.wait(timeout=600) for job in jobs]


def stored(environment):
    """Enquiries in the database, by status."""
    code = (
        "import json; from contact.models import Enquiry; from django.db.models import Count; "
        "print(json.dumps(dict(Enquiry.objects.values_list('status').annotate(n=Count('id')))))"
    )
    output = manage(environment, "shell", "-c", code, capture=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def run_on(database_name, database_url, workdir):
    print(f"\n== {database_name} ==")
    smtp_port = free_port()
    environment = production_environment(
        workdir,
        database_url,
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp_port),
        EMAIL_TIMEOUT="3",
        CONTACT_RATE_LIMIT="0",
        # Retries a second after a failure, then 2, 4… seconds: the steps below take minutes,
        # not the hours of the production backoff.
        ENQUIRY_RETRY_DELAY="1",
        # Each refused send logs a warning: hundreds of them would bury the report.
        DJANGO_LOG_LEVEL="ERROR",
    )
    prepare(environment)
    failures = []
    sink = Sink(smtp_port)

    def emailed(run):
        emails = sum(n for m, n in sink.markers.items() if m.startswith(f"loadtest-{run}-"))
        return emails, [m for m, n in sink.markers.items() if n > 1]

    with gunicorn(environment) as url, worker(environment):
        sink.start()
        statuses, slowest = post_all(url, 1)
        counts = wait_until_sent(environment, ENQUIRIES)
        report("relay up", statuses, slowest, counts, *emailed(1), failures,
               expect_rows={"sent": ENQUIRIES})  # fmt: skip

        def relay_back_after(step, run, stop_relay):
            """Post while the relay fails, give the worker time to meet it, bring the relay
            back, sweep twice at once: every enquiry of the run emailed, once."""
            statuses, slowest = post_all(url, run)
            time.sleep(5)
            stop_relay()
            sink.start()
            codes = sweep_twice(environment)
            counts = wait_until_sent(environment, run * ENQUIRIES)
            if codes != [0, 0]:
                failures.append(f"send_enquiries exited with {codes}")
            report(step, statuses, slowest, counts, *emailed(run), failures,
                   expect_rows={"sent": run * ENQUIRIES})  # fmt: skip

        sink.stop()  # nothing listens on the SMTP port now
        relay_back_after("relay down, then back", 2, stop_relay=lambda: None)
        sink.stop()
        hanging = HangingRelay(smtp_port)  # accepts connections, never answers
        relay_back_after("relay hanging, then back", 3, stop_relay=hanging.close)
        sink.stop()
    return failures


def report(step, statuses, slowest, counts, emails, doubled, failures, expect_rows):
    server_errors = sum(n for status, n in statuses.items() if status >= 500)
    print(
        f"{step:>26}: responses {dict(statuses)}, slowest {slowest:.2f} s; rows {counts}; "
        f"emails {emails}; emailed twice {len(doubled)}; 5xx {server_errors}"
    )
    expected_emails = ENQUIRIES
    if statuses != Counter({303: ENQUIRIES}):
        failures.append(f"{step}: responses {dict(statuses)}")
    if counts != expect_rows:
        failures.append(f"{step}: rows {counts}, expected {expect_rows}")
    if emails != expected_emails:
        failures.append(f"{step}: {emails} emails, expected {expected_emails}")
    if doubled:
        failures.append(f"{step}: {len(doubled)} enquiries emailed twice")


def postgres_reachable():
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", 5432), timeout=2):
        return True
    return False


def main():
    failures = []
    with workspace() as workdir:
        failures += run_on("SQLite", None, workdir)
    if postgres_reachable():
        import psycopg

        name = "practice_loadtest"
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {name}")
            connection.execute(f"CREATE DATABASE {name}")
        try:
            with workspace() as workdir:
                failures += run_on("PostgreSQL", f"{POSTGRES}/{name}", workdir)
        finally:
            with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
                connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    else:
        print("\n(PostgreSQL: no server on 127.0.0.1:5432, skipped)")
    print()
    if failures:
        print("FAILED:", *failures, sep="\n  ")
        return 1
    print(f"OK: {ENQUIRIES} enquiries per step, none lost, none emailed twice, no 5xx.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
