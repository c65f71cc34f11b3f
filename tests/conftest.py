"""The suite's fixtures, and its one hook; what they build or start lives in the small modules
beside this one (factories, servers, mail servers, pages…), which bench/ reuses too."""

import functools

import pytest
from django.core.management import call_command

from . import factories, interface_strings, mail_servers, processes, servers, signing_in
from .alliance import FRENCH_SLUG


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
    return signing_in.signed_in_with_a_second_factor


@pytest.fixture
def admin_client(admin_user, signed_in_client):
    """pytest-django's admin client, with the second factor the admin asks for."""
    return signed_in_client(admin_user)


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
    from articles.models import ArticleVersion

    return ArticleVersion.objects.select_related("article").get(language="fr", slug=FRENCH_SLUG)


@pytest.fixture
def make_version(db):
    """Create an article with one version per keyword set, e.g. make_version(fr={...})."""
    return factories.make_versions


@pytest.fixture
def presentation():
    from practice_site.practice.models import Presentation

    return Presentation.objects.create(
        heading_fr="Camille Exemple, psychologue à Paris",
        heading_en="Camille Exemple, psychologist in Paris",
        introduction_fr="Je reçois adultes et couples dans le 11ᵉ arrondissement.",
        introduction_en="I see adults and couples in the 11th arrondissement.",
        summary_fr=(
            "<p>Formée à la thérapie <strong>intégrative</strong>, je consulte en français et "
            "en anglais.</p>"
        ),
        summary_en=(
            "<p>Trained in <strong>integrative</strong> therapy, I consult in French and in "
            "English.</p>"
        ),
    )


@pytest.fixture
def portrait(settings, tmp_path, presentation):
    import io

    from django.core.files.base import ContentFile
    from PIL import Image

    settings.MEDIA_ROOT = tmp_path
    image = io.BytesIO()
    Image.new("RGB", (800, 1000), "#2f5d50").save(image, "JPEG")
    presentation.portrait_alt_fr = "Camille Exemple dans son cabinet"
    presentation.portrait_alt_en = "Camille Exemple in her consulting room"
    presentation.portrait.save("camille.jpg", ContentFile(image.getvalue()))
    return presentation


@pytest.fixture(scope="session")
def french_interface_strings():
    return interface_strings.interface_strings("msgstr")


@pytest.fixture(scope="session")
def english_interface_strings():
    return interface_strings.interface_strings("msgid")


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server (aiosmtpd) on 127.0.0.1 that the site is configured to send through.
    pytest-django swaps in the locmem backend: put the SMTP one back."""
    mailbox = mail_servers.Mailbox()
    controller = mail_servers.launch_smtp_server(mailbox, servers.free_port())
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
    settings.EMAIL_PORT = servers.free_port()
    settings.EMAIL_TIMEOUT = 2
    settings.CONTACT_EMAIL = "cabinet@example.org"


@pytest.fixture
def hanging_relay():
    """An SMTP relay that accepts connections and never says a word, as a blackholed or
    overloaded one does. Yields its `port` and the `connections` it accepted, which stay open
    until the test ends."""
    relay = mail_servers.HangingRelay()
    yield relay
    relay.close()


@pytest.fixture
def run_together(transactional_db, tmp_path):
    """run_together(code, processes, **environment): run `code` (Python that may set `result`)
    in `processes` new Django processes on the test database, all starting it at once.
    Returns each process's {"started", "ended", "result"}, times from time.time()."""
    return functools.partial(processes.run_together, tmp_path)


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


@pytest.fixture
def start_gunicorn(transactional_db, tmp_path):
    """start_gunicorn(**environment): the site served by gunicorn with its production
    configuration, on the test database; returns its base URL. Stopped after the test, or
    before by start_gunicorn.stop(url)."""
    launched, by_url = [], {}

    def start(**environment):
        # One worker process of eight threads unless a test races several: each worker loads
        # the whole site, and the suite starts gunicorn a dozen times.
        environment.setdefault("GUNICORN_WORKERS", "1")
        process, log, url = servers.launch_gunicorn(tmp_path, **environment)
        launched.append((process, log))
        servers.wait_until_answering(process, log, url)
        by_url[url] = process
        return url

    def stop(url):
        """Stop the server at `url` as a service manager does, and wait until it has ended."""
        by_url[url].terminate()
        by_url[url].wait(timeout=30)

    start.stop = stop
    yield start
    for process, _log in launched:
        # The graceful stop a host's service manager sends. Not the quick one (SIGINT): its
        # signal handler takes the thread pool's lock, and hangs the worker until it is killed
        # when it lands while the worker holds that lock to hand a connection to a thread.
        # A test's clients close their connections, or the graceful stop waits on them.
        process.terminate()
    for process, _log in launched:
        process.wait(timeout=30)
    for _process, log in launched:
        assert "Traceback" not in log.read_text(), log.read_text()


@pytest.fixture
def read_counter(settings, monkeypatch):
    """Reads counted in the test's process, by a counter of the test's own (the suite counts
    none otherwise, tests/settings.py); its background flushes stop with the test."""
    from practice_site.audience import counting, middleware

    settings.AUDIENCE_COUNTING = True
    counter = counting.ReadCounter()
    monkeypatch.setattr(middleware, "reads", counter)
    yield counter
    counter.stop()


@pytest.fixture
def start_worker(transactional_db, tmp_path):
    """start_worker(**environment): the Procfile's `worker:` line, run as a host runs it
    (`bash -c`, in the project, the virtual environment's bin/ first on PATH), on the test
    database with the database task backend; returns the process, stopped after the test."""
    launched = []

    def start(**environment):
        log = tmp_path / f"worker-{len(launched)}.log"
        launched.append(servers.launch_worker(tmp_path, log, **environment))
        return launched[-1]

    yield start
    for process in launched:
        servers.stop_worker(process)
