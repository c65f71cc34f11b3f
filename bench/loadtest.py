"""`make loadtest`: no enquiry lost or doubled under load, with the relay up and down.

Against a production-configured gunicorn on 127.0.0.1 (loopback only, a bounded number of
requests), on SQLite and, when a server answers on 127.0.0.1:5432, on PostgreSQL:

1. relay up: ENQUIRIES readers post the form at once → as many rows and as many emails;
2. relay down: the same → as many rows, failed; then the relay comes back and two
   `send_enquiries` jobs run at once → every enquiry emailed exactly once.

Prints the counts and exits non-zero on any loss, duplicate or server error.
"""

import contextlib
import json
import os
import re
import socket
import subprocess
import sys
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
        self.controller = Controller(self, hostname="127.0.0.1", port=port)

    async def handle_DATA(self, server, session, envelope):
        marker = re.search(rb"loadtest-\d+-\d+", envelope.original_content)
        self.markers[marker.group().decode() if marker else "?"] += 1
        return "250 OK"


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
    with ThreadPoolExecutor(CONCURRENCY) as pool:
        return Counter(pool.map(lambda n: send_enquiry(base_url, run, n), range(ENQUIRIES)))


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
        EMAIL_TIMEOUT="5",
        CONTACT_RATE_LIMIT="0",
        # Each refused send logs a warning: 200 of them would bury the report.
        DJANGO_LOG_LEVEL="ERROR",
    )
    prepare(environment)
    failures = []
    sink = Sink(smtp_port)

    sink.controller.start()
    with gunicorn(environment) as url:
        statuses = post_all(url, 1)
    sink.controller.stop()
    counts = stored(environment)
    emails = sum(n for m, n in sink.markers.items() if m.startswith("loadtest-1-"))
    doubled = [m for m, n in sink.markers.items() if n > 1]
    report("relay up", statuses, counts, emails, doubled, failures,
           expect_rows={"sent": ENQUIRIES})  # fmt: skip

    with gunicorn(environment) as url:  # nothing listens on the SMTP port now
        statuses = post_all(url, 2)
    counts = stored(environment)
    report("relay down", statuses, counts, 0, [], failures,
           expect_rows={"sent": ENQUIRIES, "failed": ENQUIRIES})  # fmt: skip

    sink = Sink(smtp_port)
    sink.controller.start()
    jobs = [
        subprocess.Popen([PYTHON, "manage.py", "send_enquiries"], cwd=ROOT, env=environment)
        for _ in range(2)
    ]
    codes = [job.wait(timeout=600) for job in jobs]
    sink.controller.stop()
    counts = stored(environment)
    emails = sum(n for m, n in sink.markers.items() if m.startswith("loadtest-2-"))
    doubled = [m for m, n in sink.markers.items() if n > 1]
    if codes != [0, 0]:
        failures.append(f"send_enquiries exited with {codes}")
    report("retry, two jobs at once", Counter(), counts, emails, doubled, failures,
           expect_rows={"sent": 2 * ENQUIRIES})  # fmt: skip
    return failures


def report(step, statuses, counts, emails, doubled, failures, expect_rows):
    server_errors = sum(n for status, n in statuses.items() if status >= 500)
    print(
        f"{step:>24}: responses {dict(statuses) or '-'}; rows {counts}; "
        f"emails {emails}; emailed twice {len(doubled)}; 5xx {server_errors}"
    )
    expected_emails = 0 if step == "relay down" else ENQUIRIES
    if statuses and statuses != Counter({303: ENQUIRIES}):
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
