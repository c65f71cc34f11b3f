"""`manage.py backup` and `manage.py restore`: on SQLite, or on the PostgreSQL database of
DATABASE_URL (pg_dump and pg_restore)."""

import io
import json
import stat
import tarfile
from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from articles.models import Article, ArticleVersion, Reference
from contact.models import Enquiry
from practice_site.practice import backups
from practice_site.practice.models import LegalPage, PracticeDetails
from tests.factories import fill_in_practice_details

RESTORED_MODELS = [Article, ArticleVersion, Reference, PracticeDetails, LegalPage, Enquiry]


def every_row():
    return {
        model._meta.label: list(model.objects.order_by("pk").values()) for model in RESTORED_MODELS
    }


def enquiry(name, **fields):
    return Enquiry.objects.create(
        name=name, email=f"{name.lower()}@example.org", message=f"Message from {name}",
        language="fr", **fields,
    )  # fmt: skip


@pytest.fixture
def backup_dir(settings, tmp_path):
    settings.BACKUP_DIR = tmp_path / "backups"
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.BACKUP_DIR


def back_up(*options):
    out = io.StringIO()
    call_command("backup", *options, stdout=out)
    return out.getvalue()


def only_archive(directory):
    (archive,) = directory.glob(f"{backups.PREFIX}*{backups.SUFFIX}")
    return archive


def test_restore_puts_back_every_row_and_the_media(migrated_content, backup_dir):
    fill_in_practice_details()
    enquiry("Alice", status=Enquiry.Status.SENT)
    enquiry("Bruno")
    media = backup_dir.parent / "media"
    (media / "photos").mkdir(parents=True)
    (media / "photos" / "cabinet.jpg").write_bytes(b"the office")
    before = every_row()
    assert all(before.values()), "every model has rows to lose"

    back_up()
    archive = only_archive(backup_dir)

    version = ArticleVersion.objects.get(language="fr")
    version.title = "Un autre titre"
    version.save()
    Reference.objects.order_by("pk").first().delete()
    fill_in_practice_details(psychologist_name="Quelqu’un d’autre", phone="01 00 00 00 00")
    Enquiry.objects.get(name="Alice").delete()
    enquiry("Chloé")
    legal_page = LegalPage.objects.first()
    legal_page.body_fr += "\n\nUn paragraphe ajouté."
    legal_page.save()
    (media / "photos" / "cabinet.jpg").write_bytes(b"another office")
    (media / "added.pdf").write_bytes(b"after the backup")
    assert every_row() != before

    call_command("restore", str(archive), "--noinput", stdout=io.StringIO())

    assert every_row() == before
    assert sorted(p.relative_to(media).as_posix() for p in media.rglob("*")) == [
        "photos",
        "photos/cabinet.jpg",
    ]
    assert (media / "photos" / "cabinet.jpg").read_bytes() == b"the office"
    # The counters came back with the rows: the next enquiry gets a new number.
    assert enquiry("Denis").pk > max(row["id"] for row in before["contact.Enquiry"])


def test_archive_is_private_and_timestamped(migrated_content, backup_dir):
    back_up()

    archive = only_archive(backup_dir)
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    assert stat.S_IMODE(backup_dir.stat().st_mode) == 0o700
    taken = backups.taken_at(archive)
    assert abs(datetime.now(UTC) - taken) < timedelta(minutes=1)
    assert list(backup_dir.iterdir()) == [archive], "no work file left behind"


def test_without_media_folder_the_archive_has_no_media_and_restores(migrated_content, backup_dir):
    media = backup_dir.parent / "media"
    assert not media.exists()
    back_up()
    archive = only_archive(backup_dir)
    with tarfile.open(archive) as tar:
        assert sorted(tar.getnames()) == [
            f"database.{'sqlite3' if connection.vendor == 'sqlite' else 'pgdump'}",
            "manifest.json",
        ]
    media.mkdir()
    (media / "uploaded-since.txt").write_text("later")

    call_command("restore", str(archive), "--noinput", stdout=io.StringIO())

    assert list(media.iterdir()) == []


def test_backup_holds_only_what_was_committed_when_it_started(
    migrated_content, backup_dir, run_together
):
    """A write in progress in another process neither blocks the backup nor gets into it, even
    once committed: the copy is one consistent state of the database."""
    titles = set(ArticleVersion.objects.values_list("title", flat=True))

    [outcome] = run_together(
        "import io, threading\n"
        "from django.core.management import call_command\n"
        "from django.db import connections, transaction\n"
        "from articles.models import ArticleVersion\n"
        "with transaction.atomic():\n"
        "    ArticleVersion.objects.update(title='Written during the backup')\n"
        "    done = threading.Event()\n"
        "    def back_up():\n"
        "        try:\n"
        "            call_command('backup', stdout=io.StringIO())\n"
        "        finally:\n"
        "            connections.close_all()\n"
        "            done.set()\n"
        "    threading.Thread(target=back_up).start()\n"
        "    result = done.wait(30)\n",
        1,
        BACKUP_DIR=str(backup_dir),
        DJANGO_MEDIA_ROOT=str(backup_dir.parent / "media"),
    )
    assert outcome["result"], "the backup waited for the write in progress"
    assert set(ArticleVersion.objects.values_list("title", flat=True)) == {
        "Written during the backup"
    }

    call_command("restore", str(only_archive(backup_dir)), "--noinput", stdout=io.StringIO())

    assert set(ArticleVersion.objects.values_list("title", flat=True)) == titles


def test_restore_asks_before_replacing(migrated_content, backup_dir, monkeypatch):
    back_up()
    ArticleVersion.objects.update(title="Kept")
    monkeypatch.setattr("builtins.input", lambda question: "no")

    with pytest.raises(CommandError, match="cancelled"):
        call_command("restore", str(only_archive(backup_dir)), stdout=io.StringIO())

    assert set(ArticleVersion.objects.values_list("title", flat=True)) == {"Kept"}


def test_restore_refuses_an_archive_writing_outside_its_folder(db, backup_dir, tmp_path):
    archive = tmp_path / "evil.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        payload = b"overwritten"
        member = tarfile.TarInfo("../../escaped.txt")
        member.size = len(payload)
        tar.addfile(member, io.BytesIO(payload))

    with pytest.raises(CommandError, match="not a backup archive"):
        call_command("restore", str(archive), "--noinput")

    assert not list(tmp_path.parent.glob("**/escaped.txt"))


def test_restore_refuses_another_engine(db, backup_dir, tmp_path):
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    manifest = {"format": backups.FORMAT, "engine": other, "database": "x", "media": False}
    archive = tmp_path / "other.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        data = json.dumps(manifest).encode()
        member = tarfile.TarInfo("manifest.json")
        member.size = len(data)
        tar.addfile(member, io.BytesIO(data))

    with pytest.raises(CommandError, match=f"holds a {other} database"):
        call_command("restore", str(archive), "--noinput")


def archive_taken(directory, days_ago):
    taken = datetime.now(UTC) - timedelta(days=days_ago)
    archive = directory / f"{backups.PREFIX}{taken:{backups.TIMESTAMP}}{backups.SUFFIX}"
    archive.write_bytes(b"")
    return archive


def test_backup_deletes_archives_older_than_keep_days(migrated_content, backup_dir):
    backup_dir.mkdir()
    too_old = archive_taken(backup_dir, days_ago=31)
    recent = archive_taken(backup_dir, days_ago=29)
    unrelated = backup_dir / "notes.txt"
    unrelated.write_text("not an archive")

    output = back_up("--keep-days", "30")

    assert not too_old.exists()
    assert too_old.name in output
    assert recent.exists()
    assert unrelated.exists()
    assert len(list(backup_dir.glob(f"{backups.PREFIX}*"))) == 2, "the new one and the recent"


def test_keep_days_defaults_to_the_enquiry_retention(settings):
    assert settings.BACKUP_KEEP_DAYS == settings.ENQUIRY_RETENTION_DAYS


def test_keep_days_zero_keeps_every_archive(migrated_content, backup_dir):
    backup_dir.mkdir()
    old = archive_taken(backup_dir, days_ago=400)

    back_up("--keep-days", "0")

    assert old.exists()
