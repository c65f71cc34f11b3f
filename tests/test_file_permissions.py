"""What the site writes to disk is the site's own: the SQLite database (every enquiry) and the
uploaded images are not readable by the machine's other users, whatever the umask."""

import os
import re
import stat
import subprocess
import sys

import pytest
from django.conf import settings

from practice_site.pictures.models import Picture

from .test_images import photo, upload


@pytest.fixture
def usual_umask():
    """The umask most shells and services start with, under which files are world-readable."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def modes(folder):
    return {
        str(path.relative_to(folder)): stat.S_IMODE(path.stat().st_mode)
        for path in [folder, *folder.rglob("*")]
    }


def test_a_new_sqlite_database_is_readable_by_its_owner_only(tmp_path, usual_umask):
    database = tmp_path / "site" / "db.sqlite3"
    database.parent.mkdir()
    environment = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    # One app's migrations create the file and its journals as the first `migrate` does; the
    # whole project's would only take longer.
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "contenttypes", "--noinput", "--verbosity", "0"],
        cwd=settings.BASE_DIR,
        env={
            **environment,
            "DJANGO_SETTINGS_MODULE": "practice_site.settings",
            "DATABASE_URL": f"sqlite:///{database}",
        },
        check=True,
        capture_output=True,
    )

    files = modes(database.parent)
    del files["."]
    assert "db.sqlite3" in files
    assert files == dict.fromkeys(files, 0o600)


@pytest.mark.django_db
def test_uploaded_images_are_not_readable_by_other_users(media_root, usual_umask):
    Picture.objects.create(image=upload(photo()), title="Fauteuils", description="Deux fauteuils")

    stored = modes(media_root)
    assert any(name.startswith("pictures/") for name in stored)
    assert {name: mode for name, mode in stored.items() if mode & 0o007} == {}


def test_the_readme_s_systemd_units_create_no_world_readable_file():
    readme = (settings.BASE_DIR / "README.md").read_text()
    units = re.findall(r"```ini\n(# /etc/systemd/system/.*?)```", readme, re.DOTALL)
    assert len(units) == 2
    for unit in units:
        service = unit.split("[Service]\n", 1)[1].split("\n[", 1)[0]
        assert "UMask=0027" in service.splitlines(), unit
