"""Backups of the database and the uploaded media in one archive, and their restore.

An archive is a gzipped tar in BACKUP_DIR, readable by its owner only, named after the moment
it was taken (UTC), e.g. ``practice-backup-20261124T031700Z.tar.gz``. It holds:

- ``manifest.json``: the database engine and what the archive contains;
- ``database.sqlite3``, a copy made with SQLite's online backup API (one read transaction:
  consistent while the site writes), or ``database.pgdump``, ``pg_dump``'s custom format (one
  snapshot, likewise);
- ``media/``, MEDIA_ROOT as it was, when it existed.

Restoring puts both back: SQLite's backup API in reverse into the live file (one write
transaction), or ``pg_restore --clean --if-exists --single-transaction`` (all or nothing).
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.db.backends.postgresql.client import DatabaseClient

PREFIX = "practice-backup-"
SUFFIX = ".tar.gz"
TIMESTAMP = "%Y%m%dT%H%M%SZ"
FORMAT = 1


class BackupError(Exception):
    pass


def engine(alias="default"):
    vendor = connections[alias].vendor
    if vendor not in {"sqlite", "postgresql"}:
        raise BackupError(f"No backup for a {vendor} database.")
    return vendor


def create(directory=None, *, alias="default", now=None):
    """Take a backup into `directory` (BACKUP_DIR): return the archive's path."""
    directory = Path(directory or settings.BACKUP_DIR)
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    now = now or datetime.now(UTC)
    archive = directory / f"{PREFIX}{now:{TIMESTAMP}}{SUFFIX}"
    if archive.exists():
        raise BackupError(f"{archive} already exists.")
    vendor = engine(alias)
    media = Path(settings.MEDIA_ROOT)
    # mkdtemp's folder is its owner's only: the dump in it is as private as the archive.
    with tempfile.TemporaryDirectory(dir=directory, prefix=".work-") as work:
        dump = Path(work) / ("database.sqlite3" if vendor == "sqlite" else "database.pgdump")
        if vendor == "sqlite":
            _sqlite_copy(connections[alias].settings_dict["NAME"], dump)
        else:
            _run_pg("pg_dump", connections[alias].settings_dict, ["--format=custom", "-f", dump])
        manifest = {
            "format": FORMAT,
            "created": now.isoformat(),
            "engine": vendor,
            "database": dump.name,
            "media": media.is_dir(),
        }
        (Path(work) / "manifest.json").write_text(json.dumps(manifest, indent=2))
        # Written under a name pruning and restoring ignore, renamed once complete.
        partial = directory / f".{archive.name}.partial"
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
                tar.add(Path(work) / "manifest.json", arcname="manifest.json")
                tar.add(dump, arcname=dump.name)
                if manifest["media"]:
                    tar.add(media, arcname="media")
            partial.rename(archive)
        finally:
            partial.unlink(missing_ok=True)
    return archive


def restore(archive, *, alias="default"):
    """Replace the database and MEDIA_ROOT with what `archive` holds: return its manifest."""
    archive = Path(archive)
    vendor = engine(alias)
    work_parent = Path(settings.BACKUP_DIR)
    work_parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=work_parent, prefix=".work-") as work:
        work = Path(work)
        try:
            with tarfile.open(archive, mode="r:gz") as tar:
                # The "data" filter refuses absolute paths, "..", links leading outside, devices.
                tar.extractall(work, filter="data")
        except tarfile.TarError as error:
            raise BackupError(f"{archive.name} is not a backup archive: {error}") from error
        manifest = json.loads((work / "manifest.json").read_text())
        if manifest.get("format") != FORMAT:
            raise BackupError(f"{archive.name}: unknown archive format {manifest.get('format')}.")
        if manifest["engine"] != vendor:
            raise BackupError(
                f"{archive.name} holds a {manifest['engine']} database; this site uses {vendor}."
            )
        dump = work / manifest["database"]
        connection = connections[alias]
        # Ours would hold a stale view (SQLite) or a lock the restore waits for (PostgreSQL).
        connection.close()
        if vendor == "sqlite":
            _sqlite_restore(dump, connection.settings_dict["NAME"])
        else:
            _run_pg(
                "pg_restore",
                connection.settings_dict,
                [
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--no-privileges",
                    "--single-transaction",
                    "--exit-on-error",
                    "--dbname",
                ],
                dump,
            )
        _replace_media(work / "media" if manifest["media"] else None)
    # Pages and practice details cached from the rows that were just replaced are not served.
    from practice_site.caching import start_new_version

    start_new_version()
    return manifest


def prune(directory=None, *, keep_days, now=None):
    """Delete the archives taken more than `keep_days` days ago: return their paths."""
    directory = Path(directory or settings.BACKUP_DIR)
    limit = (now or datetime.now(UTC)) - timedelta(days=keep_days)
    deleted = []
    for archive in sorted(directory.glob(f"{PREFIX}*{SUFFIX}")):
        taken = taken_at(archive)
        if taken is not None and taken < limit:
            archive.unlink()
            deleted.append(archive)
    return deleted


def taken_at(archive):
    """When the archive was taken, from its name (a copy keeps its name, not its mtime)."""
    stamp = archive.name.removeprefix(PREFIX).removesuffix(SUFFIX)
    try:
        return datetime.strptime(stamp, TIMESTAMP).replace(tzinfo=UTC)
    except ValueError:
        return None


def _sqlite_copy(name, target):
    if not Path(name).is_file():
        raise BackupError(f"No SQLite database at {name}.")
    # mode=rw: never create an empty database where the real one was expected.
    with (
        closing(sqlite3.connect(f"{Path(name).resolve().as_uri()}?mode=rw", uri=True)) as live,
        closing(sqlite3.connect(target)) as copy,
    ):
        live.backup(copy)
        # One self-contained file in the archive, without a -wal beside it.
        copy.execute("PRAGMA journal_mode=DELETE")


def _sqlite_restore(dump, name):
    with closing(sqlite3.connect(dump)) as source:
        (result,) = source.execute("PRAGMA integrity_check").fetchone()
        if result != "ok":
            raise BackupError(f"The database in the archive is damaged: {result}")
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        # Waits, as the site's writers do, for a write in progress; then one write transaction.
        with closing(sqlite3.connect(name, timeout=30)) as live:
            source.backup(live)
            live.execute("PRAGMA journal_mode=WAL")


def _run_pg(program, settings_dict, parameters, *after):
    """Run pg_dump or pg_restore with the connection settings psql would get from Django."""
    if shutil.which(program) is None:
        raise BackupError(f"{program} is not installed (Debian: apt install postgresql-client).")
    args, env = DatabaseClient.settings_to_cmd_args_env(settings_dict, [str(p) for p in parameters])
    args = [program, *args[1:], *map(str, after)]
    result = subprocess.run(
        args, env={**os.environ, **(env or {})}, capture_output=True, text=True, check=False
    )
    if result.returncode:
        raise BackupError(f"{program} failed: {result.stderr.strip()}")


def _replace_media(restored):
    """MEDIA_ROOT becomes exactly the archive's media: files added since are gone too."""
    media = Path(settings.MEDIA_ROOT)
    if restored is None:
        if media.is_dir():
            shutil.rmtree(media)
            media.mkdir()
        return
    aside = media.with_name(f".{media.name}.before-restore")
    shutil.rmtree(aside, ignore_errors=True)
    if media.exists():
        media.rename(aside)
    media.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(restored, media)
    shutil.rmtree(aside, ignore_errors=True)
