"""The project as an operator meets it: configuration, migrations, start-up."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command


def test_no_model_change_is_missing_its_migration(db):
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def start_django(**environment):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(environment, DJANGO_SETTINGS_MODULE="practice_site.settings")
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = start_django(DJANGO_DEBUG="false")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_production_starts_with_a_secret_key():
    assert start_django(DJANGO_DEBUG="false", DJANGO_SECRET_KEY="x" * 50).returncode == 0


def test_development_starts_without_a_secret_key():
    assert start_django(DJANGO_DEBUG="true").returncode == 0


@pytest.mark.django_db
def test_robots_txt_and_favicon_are_served(client):
    robots = client.get("/robots.txt")
    assert robots.status_code == 200
    assert robots.content.decode().startswith("User-agent: *")
    favicon = client.get("/favicon.ico", follow=True)
    assert favicon.status_code == 200
    assert favicon.redirect_chain[0][0].startswith("/static/favicon.")


@pytest.mark.django_db
def test_the_favicon_redirect_is_temporary(client):
    """Browsers keep a permanent redirect forever, but the icon's hashed name changes."""
    assert client.get("/favicon.ico").status_code == 302


@pytest.mark.django_db
def test_pages_name_their_icons_and_the_icons_are_served(client):
    import re

    html = client.get("/fr/").content.decode()
    for rel in ["icon", "apple-touch-icon"]:
        href = re.search(rf'<link rel="{rel}" href="([^"]+)"', html).group(1)
        assert client.get(href).status_code == 200, href
