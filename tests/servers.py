"""The site's own processes started as a host starts them, on the test database: gunicorn with
its production configuration and the Procfile's worker, and what they need to run."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url():
    """The test database, as another process reaches it."""
    from django.db import connection

    database = connection.settings_dict
    if database["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{database['NAME']}"
    user = database["USER"] or "postgres"
    host, port = database["HOST"] or "127.0.0.1", database["PORT"] or 5432
    return f"postgres://{user}@{host}:{port}/{database['NAME']}"


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


def launch_gunicorn(tmp_path, **environment):
    """gunicorn serving the site with its production configuration; returns the process, its
    log file and its base URL, before it answers (wait_until_answering)."""
    from django.conf import settings

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
    return process, log, f"http://127.0.0.1:{port}"


def wait_until_answering(process, log, url):
    """Wait until gunicorn answers at `url`, failing with its log if it exits or is slow."""
    deadline = time.monotonic() + 30
    while True:
        assert process.poll() is None, log.read_text()
        assert time.monotonic() < deadline, log.read_text()
        try:
            with urllib.request.urlopen(f"{url}/.well-known/security.txt", timeout=2):
                return
        except OSError:
            time.sleep(0.1)


def procfile_command(name):
    """The command of the Procfile's `name:` line."""
    from django.conf import settings

    for line in (settings.BASE_DIR / "Procfile").read_text().splitlines():
        process, _, command = line.partition(":")
        if process.strip() == name:
            return command.strip()
    raise LookupError(name)


def launch_worker(tmp_path, log, **environment):
    """The Procfile's `worker:` line, run as a host runs it (`bash -c`, in the project, the
    virtual environment's bin/ first on PATH); its output goes to `log`."""
    from django.conf import settings

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
    return process


def stop_worker(process):
    """Stop the worker as a process manager does (SIGTERM: it ends the task it runs first)."""
    if process.poll() is None:
        process.terminate()
        process.wait(timeout=30)


def wait_until_sent(count, timeout=60):
    """Wait until `count` enquiries are sent and none is waiting or being sent."""
    from contact.models import Enquiry

    deadline = time.monotonic() + timeout
    while True:
        statuses = list(Enquiry.objects.values_list("status", flat=True))
        if statuses.count(Enquiry.Status.SENT) >= count and set(statuses) == {"sent"}:
            return
        assert time.monotonic() < deadline, statuses
        time.sleep(0.2)
