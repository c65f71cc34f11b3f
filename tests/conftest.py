import os
import re
import urllib.parse
import urllib.request
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.core.management import call_command

from articles.models import Article, ArticleVersion, Reference

FRENCH_SLUG = "alliance-therapeutique"
ENGLISH_SLUG = "therapeutic-alliance"
FRENCH_URL = f"/fr/articles/{FRENCH_SLUG}/"
ENGLISH_URL = f"/en/articles/{ENGLISH_SLUG}/"


def password_step(username, password):
    """What the admin's sign-in form (django-two-factor-auth's wizard) posts first."""
    return {
        "login_view-current_step": "auth",
        "auth-username": username,
        "auth-password": password,
    }


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """On SQLite, a test database in a file rather than in memory, so that other processes
    (two retry jobs at once) and the live server's thread can open it as production would."""
    from django.db import connections

    database = connections["default"].settings_dict
    if database["ENGINE"].endswith("sqlite3"):
        database["TEST"]["NAME"] = str(tmp_path_factory.mktemp("db") / "test.sqlite3")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """The browser tests last: Playwright's event loop stays open until the session ends, and
    Django refuses database access beside it (tests/browser/conftest.py lifts that for them
    only)."""
    items.sort(key=lambda item: "browser" in item.path.parts)


@pytest.fixture(autouse=True)
def empty_cache():
    """The cache is shared by design (page cache, practice details): start each test with it
    empty. It is the suite's own (tests/settings.py), never a running server's."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def signed_in_client():
    """A client signed in to the admin as `user` with a second factor (an enrolled
    authenticator), as the admin requires with ADMIN_TWO_FACTOR on, the suite's setting as in
    production."""
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY

    def sign_in(user):
        client = Client()
        client.force_login(user)
        device = user.totpdevice_set.create(name="default")
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
        return client

    return sign_in


@pytest.fixture
def admin_client(admin_user, signed_in_client):
    """pytest-django's admin client, with the second factor the admin asks for."""
    return signed_in_client(admin_user)


def in_french(message):
    """`message` as the French interface says it."""
    from django.utils import translation

    with translation.override("fr"):
        return translation.gettext(message)


def make_enquiry(**fields):
    """An enquiry stored as the form stores one, with `fields` instead of the defaults."""
    from contact.models import Enquiry

    defaults = {
        "name": "Élise Dupré",
        "email": "elise@example.org",
        "message": "Bonjour",
        "language": "fr",
    }
    return Enquiry.objects.create(**{**defaults, **fields})


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploads and renditions in a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


# What the data migrations wrote (the article, the legal pages, the "practice" group, the
# first revisions), as the test database had it once migrated.
MIGRATED_CONTENT = ["articles", "contact", "practice", "auth.group", "reversion"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, tmp_path_factory):
    """pytest-django's test database, and a copy of the content its migrations wrote."""
    snapshot = tmp_path_factory.mktemp("migrated-content") / "content.json"
    with django_db_blocker.unblock():
        call_command(
            "dumpdata", *MIGRATED_CONTENT, natural_foreign=True, output=str(snapshot), verbosity=0
        )
    return snapshot


@pytest.fixture
def migrated_content(transactional_db, django_db_setup):
    """The content the data migrations create. Tests that commit (transactional_db) empty the
    database after them: load it again for the next one. Loaded, not migrated anew: on
    PostgreSQL each migration back and forth leaves dropped columns that still count towards
    a table's limit of 1,600."""
    from articles.models import ArticleVersion

    if not ArticleVersion.objects.exists():
        call_command("loaddata", str(django_db_setup), verbosity=0)


# Every detail a legal notice needs (and the optional ones), as a psychologist fills them in.
PRACTICE_DETAILS = {
    "psychologist_name": "Camille Exemple",
    "title_fr": "Psychologue clinicienne",
    "title_en": "Clinical psychologist",
    "rpps": "10001234567",
    "adeli": "759312345",
    "address": "12 rue de l’Exemple\n75011 Paris",
    "phone": "06 12 34 56 78",
    "email": "cabinet@example.org",
    "practical_note_fr": "Je réponds sous deux jours ouvrés.",
    "practical_note_en": "I answer within two working days.",
    "host_name": "Hébergeur Exemple SAS",
    "host_address": "1 rue du Serveur\n59000 Lille",
    "host_phone": "03 20 00 00 00",
    "siret": "73282932000074",
    "insurer_name": "Assurances Exemple",
    "insurer_contact": "2 place de la Garantie, 69002 Lyon",
}


# The fees the law asks the site to show, as she lists them.
PRACTICE_FEES = [
    {"label_fr": "Séance individuelle", "label_en": "Individual session", "amount": Decimal(60),
     "duration": 50},
    {"label_fr": "Séance de couple", "label_en": "Couples session", "amount": Decimal("82.50"),
     "duration": 75},
]  # fmt: skip


def fill_in_practice_details(fees=PRACTICE_FEES, **overrides):
    from practice_site.practice.models import PracticeDetails

    details = PracticeDetails.objects.filter(pk=1).first() or PracticeDetails()
    for field, value in {**PRACTICE_DETAILS, **overrides}.items():
        setattr(details, field, value)
    details.save()
    details.fees.all().delete()
    for position, fee in enumerate(fees):
        details.fees.create(position=position, **fee)
    return details


@pytest.fixture
def live_server_thread_client():
    """Fetch a page from another thread, on a database connection of its own, as a second
    reader would: it sees only what is committed."""
    import threading

    from django.db import connection
    from django.test import Client

    def get(url):
        result = {}

        def read():
            try:
                result["html"] = Client().get(url).content.decode()
            finally:
                connection.close()

        thread = threading.Thread(target=read)
        thread.start()
        thread.join()
        return result["html"]

    return get


@pytest.fixture(scope="session", autouse=True)
def collected_static(tmp_path_factory):
    """Serve static files through the production storage (hashed names, manifest), as a
    deployed site does, rather than a test-only shortcut."""
    from django.conf import settings

    settings.STATIC_ROOT = tmp_path_factory.mktemp("static")
    call_command("collectstatic", interactive=False, verbosity=0)


@pytest.fixture
def alliance(db):
    """The French version of the therapeutic-alliance article, as the data migration made it."""
    return ArticleVersion.objects.select_related("article").get(language="fr", slug=FRENCH_SLUG)


@pytest.fixture
def make_version(db):
    """Create an article with one version per keyword set, e.g. make_version(fr={...})."""

    def make(author="Anne Example", references=(), **versions):
        article = Article.objects.create(author=author)
        created = {}
        for language, fields in versions.items():
            defaults = {
                "title": f"Title {language}",
                "slug": f"slug-{language}-{article.pk}",
                "summary": f"Summary {language}",
                "body": f"Body {language}",
                "status": ArticleVersion.Status.PUBLISHED,
            }
            created[language] = ArticleVersion.objects.create(
                article=article, language=language, **{**defaults, **fields}
            )
        for fields in references:
            Reference.objects.create(article=article, **fields)
        return created

    return make


class _VisibleText(HTMLParser):
    """Collects what a reader meets in a page (text and the attributes read aloud or shown),
    leaving out elements marked as being in another language (lang="...")."""

    SPOKEN_ATTRIBUTES = {"alt", "aria-label", "title", "placeholder", "content", "value"}
    VOID = {"meta", "link", "img", "input", "br", "hr", "source", "area", "base", "col", "wbr"}

    def __init__(self, language):
        super().__init__()
        self.language = language
        self.stack = []  # one flag per open element: is it in another language?
        self.chunks = []

    def _foreign(self):
        return any(self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        foreign = self._foreign() or attrs.get("lang", self.language) != self.language
        if not foreign:
            self.chunks += [v for k, v in attrs.items() if k in self.SPOKEN_ATTRIBUTES and v]
        if tag not in self.VOID:
            self.stack.append(foreign)

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not self._foreign() and data.strip():
            self.chunks.append(data)


def contains_words(text, words):
    """Whether `words` stand in `text` as whole words ("Par" is not in "Paris")."""
    import re

    return re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text) is not None


def visible_text(html, language):
    parser = _VisibleText(language)
    parser.feed(html)
    return " ".join(" ".join(parser.chunks).split())


def _interface_strings(side):
    """Interface strings whose French and English differ, as `side` ("msgid" for English,
    "msgstr" for French) writes them: what must never show on a page in the other language.
    Lower-case single words are field labels of the admin, not reader-facing text."""
    import re

    import polib
    from django.conf import settings

    catalogue = polib.pofile(str(settings.BASE_DIR / "locale/fr/LC_MESSAGES/django.po"))
    strings = set()
    for entry in catalogue:
        if entry.msgid_plural or entry.msgstr == entry.msgid:
            continue
        if not (entry.msgid[0].isupper() or " " in entry.msgid):
            continue
        other_side = entry.msgstr if side == "msgid" else entry.msgid
        for fragment in re.split(r"%\(\w+\)s", getattr(entry, side)):
            # A fragment both languages write alike ("pixels.") tells nothing.
            if len(fragment.strip()) >= 3 and fragment.strip() not in other_side:
                strings.add(fragment.strip())
    return sorted(strings)


@pytest.fixture(scope="session")
def french_interface_strings():
    return _interface_strings("msgstr")


@pytest.fixture(scope="session")
def english_interface_strings():
    return _interface_strings("msgid")


class Mailbox:
    """What a real SMTP server on 127.0.0.1 received, as parsed email messages."""

    def __init__(self):
        self.messages = []
        self.delay = 0  # seconds the server waits before accepting each message
        self.refuse = False
        self.receiving = 0
        self.most_at_once = 0  # the most messages it was receiving at the same time

    async def handle_DATA(self, server, session, envelope):
        import asyncio
        import email
        from email import policy

        self.receiving += 1
        self.most_at_once = max(self.most_at_once, self.receiving)
        try:
            if self.delay:
                await asyncio.sleep(self.delay)
        finally:
            self.receiving -= 1
        if self.refuse:
            return "550 5.7.1 Message refused"
        message = email.message_from_bytes(envelope.original_content, policy=policy.default)
        message.envelope_recipients = envelope.rcpt_tos
        self.messages.append(message)
        return "250 OK"


def free_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server (aiosmtpd) on 127.0.0.1 that the site is configured to send through.
    pytest-django swaps in the locmem backend: put the SMTP one back."""
    from aiosmtpd.controller import Controller

    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    settings.CONTACT_EMAIL = "cabinet@example.org"
    settings.DEFAULT_FROM_EMAIL = "site@example.org"
    mailbox.port = controller.port
    yield mailbox
    controller.stop()


@pytest.fixture
def relay_down(settings):
    """The site configured for an SMTP relay that is not there (nothing listens on the port)."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = free_port()
    settings.EMAIL_TIMEOUT = 2
    settings.CONTACT_EMAIL = "cabinet@example.org"


def database_url():
    """The test database, as another process reaches it."""
    from django.db import connection

    database = connection.settings_dict
    if database["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{database['NAME']}"
    user = database["USER"] or "postgres"
    host, port = database["HOST"] or "127.0.0.1", database["PORT"] or 5432
    return f"postgres://{user}@{host}:{port}/{database['NAME']}"


# Run in each process of `run_together`: Django set up and connected before the start signal,
# so that the processes run the code under test at the same moment, not one after another.
_TOGETHER = """
import json, sys, time
from pathlib import Path

import django

django.setup()
from django.db import connection

connection.ensure_connection()
folder, number, code = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
(folder / f"ready-{number}").touch()
while not (folder / "go").exists():
    time.sleep(0.001)
started = time.time()
scope = {}
exec(code, scope)
print(json.dumps({"started": started, "ended": time.time(), "result": scope.get("result")}))
"""


@pytest.fixture
def run_together(transactional_db, tmp_path):
    """run_together(code, processes, **environment): run `code` (Python that may set `result`)
    in `processes` new Django processes on the test database, all starting it at once.
    Returns each process's {"started", "ended", "result"}, times from time.time()."""
    import json
    import subprocess
    import sys
    import time

    from django.conf import settings

    def run(code, processes, **environment):
        folder = tmp_path / f"together-{time.monotonic_ns()}"
        folder.mkdir()
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "practice_site.settings",
            "DATABASE_URL": database_url(),
            "DJANGO_CACHE_DIR": str(tmp_path / "cache"),
            **environment,
        }
        children = [
            subprocess.Popen(
                [sys.executable, "-c", _TOGETHER, str(folder), str(number), code],
                cwd=settings.BASE_DIR,
                env=environment,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for number in range(processes)
        ]
        try:
            deadline = time.monotonic() + 60
            while len(list(folder.glob("ready-*"))) < processes:
                failed = [child for child in children if child.poll() is not None]
                assert not failed, failed[0].communicate()
                assert time.monotonic() < deadline, "the processes did not start in time"
                time.sleep(0.01)
            (folder / "go").touch()
            outputs = [child.communicate(timeout=60) for child in children]
        finally:
            for child in children:
                child.kill()
        assert [child.returncode for child in children] == [0] * processes, outputs
        return [json.loads(stdout.strip().splitlines()[-1]) for stdout, _stderr in outputs]

    return run


@pytest.fixture
def enquiry_data():
    import uuid

    return {
        "name": "Élise Dupré",
        "email": "elise@example.org",
        "phone": "06 12 34 56 78",
        "message": (
            "Bonjour,\nje souhaiterais prendre rendez-vous. Êtes-vous disponible en décembre ?"
        ),
        "website": "",
        "submission_id": str(uuid.uuid4()),
    }


def site_environment(tmp_path, **environment):
    """The environment of a process of the site (gunicorn, the worker) on the test database,
    configured as in production."""
    from django.conf import settings

    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "practice_site.settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "insecure-key-for-tests-only",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        # Collected for the session by conftest: whitenoise needs the manifest with DEBUG off.
        "DJANGO_STATIC_ROOT": str(settings.STATIC_ROOT),
        "DJANGO_CACHE_DIR": str(tmp_path / "cache"),
        "DJANGO_LOG_LEVEL": "WARNING",
        "DATABASE_URL": database_url(),
        "CONTACT_EMAIL": "cabinet@example.org",
        **environment,
    }


@pytest.fixture
def start_gunicorn(transactional_db, tmp_path):
    """start_gunicorn(**environment): the site served by gunicorn with its production
    configuration, on the test database; returns its base URL. Stopped after the test."""
    import subprocess
    import sys
    import time
    import urllib.request

    from django.conf import settings

    processes = []

    def start(**environment):
        port = free_port()
        log = tmp_path / f"gunicorn-{port}.log"
        command = [
            sys.executable, "-m", "gunicorn", "-c", "practice_site/gunicorn.conf.py",
            "--bind", f"127.0.0.1:{port}", "--access-logfile", "/dev/null", "practice_site.wsgi",
        ]  # fmt: skip
        with log.open("w") as output:
            process = subprocess.Popen(
                command,
                cwd=settings.BASE_DIR,
                env=site_environment(tmp_path, **environment),
                stdout=output,
                stderr=output,
            )
        processes.append((process, log))
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            assert process.poll() is None, log.read_text()
            assert time.monotonic() < deadline, log.read_text()
            try:
                with urllib.request.urlopen(f"{url}/.well-known/security.txt", timeout=2):
                    return url
            except OSError:
                time.sleep(0.1)

    yield start
    for process, _log in processes:
        process.terminate()
        process.wait(timeout=30)
    for _process, log in processes:
        assert "Traceback" not in log.read_text(), log.read_text()


def procfile_command(name):
    """The command of the Procfile's `name:` line."""
    from django.conf import settings

    for line in (settings.BASE_DIR / "Procfile").read_text().splitlines():
        process, _, command = line.partition(":")
        if process.strip() == name:
            return command.strip()
    raise LookupError(name)


@pytest.fixture
def start_worker(transactional_db, tmp_path):
    """start_worker(**environment): the Procfile's `worker:` line, run as a host runs it
    (`bash -c`, in the project, the virtual environment's bin/ first on PATH), on the test
    database with the database task backend; returns the process, stopped after the test."""
    import subprocess
    import sys
    from pathlib import Path

    from django.conf import settings

    processes = []

    def start(**environment):
        log = tmp_path / f"worker-{len(processes)}.log"
        bin_folder = str(Path(sys.executable).parent)
        environment = site_environment(
            tmp_path, PATH=f"{bin_folder}:{os.environ['PATH']}", **environment
        )
        with log.open("w") as output:
            process = subprocess.Popen(
                ["bash", "-c", procfile_command("worker")],
                cwd=settings.BASE_DIR,
                env=environment,
                stdout=output,
                stderr=output,
            )
        process.log = log
        processes.append(process)
        return process

    yield start
    for process in processes:
        stop_worker(process)


def stop_worker(process):
    """Stop the worker as a process manager does (SIGTERM: it ends the task it runs first)."""
    if process.poll() is None:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture
def hanging_relay():
    """An SMTP relay that accepts connections and never says a word, as a blackholed or
    overloaded one does. Yields its `port` and the `connections` it accepted, which stay open
    until the test ends."""
    import socket
    import threading
    from types import SimpleNamespace

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(128)
    listener.settimeout(0.1)
    relay = SimpleNamespace(port=listener.getsockname()[1], connections=[])
    stopped = threading.Event()

    def accept():
        while not stopped.is_set():
            try:
                connection, _address = listener.accept()
            except TimeoutError:
                continue
            relay.connections.append(connection)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield relay
    stopped.set()
    thread.join(timeout=5)
    listener.close()
    for connection in relay.connections:
        connection.close()


def wait_until_sent(count, timeout=60):
    """Wait until `count` enquiries are sent and none is waiting or being sent."""
    import time

    from contact.models import Enquiry

    deadline = time.monotonic() + timeout
    while True:
        statuses = list(Enquiry.objects.values_list("status", flat=True))
        if statuses.count(Enquiry.Status.SENT) >= count and set(statuses) == {"sent"}:
            return
        assert time.monotonic() < deadline, statuses
        time.sleep(0.2)


# Readers of a real server (gunicorn in the tests that start one), through urllib.
class NoRedirect(urllib.request.HTTPRedirectHandler):
    """Leaves a redirect (the 303 thank-you) to be read, not followed."""

    def redirect_request(self, *args, **kwargs):
        return None


def open_the_form(url, number):
    """One reader opens the contact page; returns the request that posts it filled in."""
    with urllib.request.urlopen(f"{url}/fr/contact/", timeout=30) as response:
        page = response.read().decode()
        # The cookie is Secure (DEBUG off) and this is plain HTTP: send it back by hand.
        [cookie] = [
            c.split(";")[0] for c in response.headers.get_all("Set-Cookie") if "csrftoken" in c
        ]
    fields = dict(re.findall(r'name="(csrfmiddlewaretoken|submission_id)" value="([^"]+)"', page))
    data = urllib.parse.urlencode({
        **fields,
        "name": f"Lecteur {number}",
        "email": f"lecteur{number}@example.org",
        "message": "Bonjour, je souhaiterais prendre rendez-vous.",
    }).encode()  # fmt: skip
    return urllib.request.Request(f"{url}/fr/contact/", data=data, headers={"Cookie": cookie})
