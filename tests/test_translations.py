"""The interface is translated, and the committed catalogues are what the site runs on."""

import gettext
import os
import re
import shutil
import subprocess
import sys

import polib
import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def catalogue_path(language, extension):
    return settings.BASE_DIR / "locale" / language / "LC_MESSAGES" / f"django.{extension}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated(language):
    po = polib.pofile(str(catalogue_path(language, "po")))
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_its_po_file(language):
    """The .mo files are committed so that a machine without GNU gettext is translated; this
    fails when a .po was edited without running `make messages`."""
    po = polib.pofile(str(catalogue_path(language, "po")))
    with open(catalogue_path(language, "mo"), "rb") as mo_file:
        compiled = gettext.GNUTranslations(mo_file)
    for entry in po.translated_entries():
        if entry.msgid_plural:
            assert compiled.ngettext(entry.msgid, entry.msgid_plural, 1) == entry.msgstr_plural[0]
        elif entry.msgctxt:
            assert compiled.pgettext(entry.msgctxt, entry.msgid) == entry.msgstr, entry.msgid
        else:
            assert compiled.gettext(entry.msgid) == entry.msgstr, entry.msgid


@pytest.mark.parametrize(
    ("language", "expected"), [("fr", "Aller au contenu principal"), ("en", "Skip to main content")]
)
def test_a_known_interface_string_is_translated(language, expected):
    with translation.override(language):
        assert _("Skip to main content") == expected


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "expected"), [("fr", "Accueil"), ("en", "Home")])
def test_pages_are_served_in_the_language_of_their_address(client, language, expected):
    html = client.get(f"/{language}/").content.decode()
    assert f'<html lang="{language}">' in html
    assert f">{expected}</a>" in html


def without_creation_date(po_text):
    return re.sub(r'"POT-Creation-Date: [^"]*"\n', "", po_text)


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext is not installed")
def test_the_catalogues_hold_every_string_of_the_code_and_no_other(tmp_path):
    """`make messages` on a copy of the project changes no catalogue: no string of the code is
    missing from them, none is left that the code no longer has."""
    copy = tmp_path / "project"
    ignored = shutil.ignore_patterns(".*", "node_modules", "*.egg-info", "__pycache__", "*.mo")
    shutil.copytree(settings.BASE_DIR, copy, ignore=ignored)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--no-location", "--no-obsolete"]
        + [f"--locale={language}" for language in LANGUAGES],
        cwd=copy,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "practice_site.settings"},
        check=True,
        capture_output=True,
    )
    for language in LANGUAGES:
        committed = catalogue_path(language, "po").read_text()
        made = (copy / catalogue_path(language, "po").relative_to(settings.BASE_DIR)).read_text()
        assert without_creation_date(made) == without_creation_date(committed), language
