"""A production-configured copy of the site on 127.0.0.1, for the benchmark scripts.

DEBUG off, a random secret key, static files collected (whitenoise, hashed and compressed), a
fresh database with the migrations applied, gunicorn with its production settings
(practice_site/gunicorn.conf.py). Everything lives in a temporary folder and is removed after.
"""

import contextlib
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_environment(workdir, database_url=None, **overrides):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        DJANGO_STATIC_ROOT=str(workdir / "static"),
        DJANGO_CACHE_DIR=str(workdir / "cache"),
        DJANGO_LOG_LEVEL="WARNING",
        DATABASE_URL=database_url or f"sqlite:///{workdir / 'db.sqlite3'}",
        # The scripts talk plain HTTP to gunicorn as a TLS proxy would, saying so in
        # X-Forwarded-Proto: the production redirect to HTTPS stays on.
        DJANGO_BEHIND_PROXY="true",
    )
    environment.update(overrides)
    return environment


def manage(environment, *arguments, capture=False):
    return subprocess.run(
        [PYTHON, "manage.py", *arguments],
        cwd=ROOT,
        env=environment,
        check=True,
        capture_output=capture,
        text=True,
    )


@contextlib.contextmanager
def workspace():
    workdir = Path(tempfile.mkdtemp(prefix="practice-bench-"))
    try:
        yield workdir
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def prepare(environment):
    """Schema, article and static files, as an operator's deployment does."""
    manage(environment, "migrate", "--noinput", "--verbosity", "0")
    manage(environment, "collectstatic", "--noinput", "--verbosity", "0")


@contextlib.contextmanager
def gunicorn(environment, workers=None):
    """gunicorn serving the site until the block ends; yields its base URL."""
    port = free_port()
    command = [
        PYTHON, "-m", "gunicorn", "-c", "practice_site/gunicorn.conf.py",
        "--bind", f"127.0.0.1:{port}", "--access-logfile", "/dev/null",
    ]  # fmt: skip
    if workers:
        command += ["--workers", str(workers)]
    process = subprocess.Popen([*command, "practice_site.wsgi"], cwd=ROOT, env=environment)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def wait_until_up(url, process, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited with code {process.returncode}")
        try:
            request = urllib.request.Request(
                f"{url}/.well-known/security.txt", headers={"X-Forwarded-Proto": "https"}
            )
            with urllib.request.urlopen(request, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"gunicorn did not answer on {url} within {timeout} s")
