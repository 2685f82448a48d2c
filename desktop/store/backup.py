"""Backup and restore through SQLite's online backup API.

Both work while the app has the database open: the backup API copies a consistent snapshot,
and a restore is written page by page under SQLite's own locks, so a reader never sees half
of the old file and half of the new one.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from desktop.store import schema
from desktop.store.database import (
    APPLICATION_ID,
    backup_file,
    connect,
    make_private,
    make_private_folder,
)
from desktop.store.errors import NewerDatabaseError, NotADatabaseError


def default_backup_name(prefix: str = "hromada") -> str:
    return f"{prefix}-{datetime.now(UTC).strftime('%Y%m%d-%H%M%S')}.sqlite3"


def backup(database: Path, target: Path) -> Path:
    if not database.exists():
        raise NotADatabaseError(f"There is no database at {database} to back up")
    return backup_file(database, target)


def validate_backup(candidate: Path) -> int:
    """Check that a file is a sound Hromada Desk database we can open; returns its schema."""
    if not candidate.is_file():
        raise NotADatabaseError(f"{candidate} does not exist or is not a file")
    try:
        # immutable: read a file nobody else writes without creating WAL/shared-memory files
        uri = f"file:{candidate.as_posix()}?mode=ro&immutable=1"
        with contextlib.closing(sqlite3.connect(uri, uri=True)) as conn:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if app_id != APPLICATION_ID:
                raise NotADatabaseError(f"{candidate} is not a Hromada Desk database")
            result = conn.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as exc:
        raise NotADatabaseError(f"{candidate} is not a readable database ({exc})") from exc
    if result != [("ok",)]:
        first = "; ".join(r[0] for r in result[:3])
        raise NotADatabaseError(f"{candidate} is damaged: {first}")
    if version > len(schema.MIGRATIONS):
        raise NewerDatabaseError(
            f"{candidate} comes from a newer version of Hromada Desk (schema {version}); "
            "update the app before restoring it"
        )
    return int(version)


def restore(candidate: Path, database: Path, backups_dir: Path) -> Path | None:
    """Replace the database with `candidate`, keeping the current file as a backup first.

    Returns where the previous database was kept (None if there was none).
    """
    validate_backup(candidate)
    kept = None
    if database.exists():
        kept = backup_file(database, backups_dir / default_backup_name("before-restore"))
    make_private_folder(database.parent)
    make_private(database)
    with (
        contextlib.closing(sqlite3.connect(f"file:{candidate.as_posix()}?mode=ro&immutable=1",
                                           uri=True)) as src,
        contextlib.closing(connect(database)) as dst,
    ):
        src.backup(dst)
        # Records this device sent after the backup was made are on the platform but no
        # longer here: the next pull must bring the device's own records too.
        with dst:
            dst.execute("INSERT INTO meta(key, value) VALUES('sync.reread_own', '1') "
                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value")
    return kept


# -- automatic daily backups --------------------------------------------------------------

AUTO_PREFIX = "auto"
#: meta key: how many automatic backups to keep (a data-folder setting).
KEEP_KEY = "backup.keep"
DEFAULT_KEEP = 14


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: datetime  # local time
    automatic: bool
    size: int


def _taken_at(path: Path) -> datetime:
    """From the name (`prefix-YYYYmmdd-HHMMSS`, UTC) when it has one, else the file time."""
    stem = path.stem
    try:
        moment = datetime.strptime(stem[-15:], "%Y%m%d-%H%M%S").replace(tzinfo=UTC)
    except ValueError:
        moment = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    return moment.astimezone()


def list_backups(backups_dir: Path) -> list[BackupFile]:
    """Every backup in the folder, newest first (automatic and made by hand)."""
    if not backups_dir.is_dir():
        return []
    found = []
    for path in backups_dir.glob("*.sqlite3"):
        with contextlib.suppress(OSError):
            found.append(BackupFile(path, _taken_at(path), path.name.startswith(AUTO_PREFIX),
                                    path.stat().st_size))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def automatic_backup(database: Path, backups_dir: Path, keep: int = DEFAULT_KEEP,
                     now: datetime | None = None) -> Path | None:
    """Today's automatic backup, unless there already is one; then only the newest `keep`
    automatic backups stay (copies made by hand are never removed).

    Each copy is read back with `integrity_check` before it counts: a copy that fails is
    deleted and the error raised, so a bad copy never pushes a good one out of the rotation.
    Returns the new file, or None when today's copy already existed.
    """
    now = now or datetime.now(UTC)
    today = now.astimezone().date()
    existing = [b for b in list_backups(backups_dir) if b.automatic]
    made = None
    if not any(b.taken_at.date() == today for b in existing):
        target = backups_dir / f"{AUTO_PREFIX}-{now.astimezone(UTC):%Y%m%d-%H%M%S}.sqlite3"
        backup(database, target)
        try:
            validate_backup(target)
        except NotADatabaseError:
            target.unlink(missing_ok=True)
            raise
        made = target
    automatic = [b for b in list_backups(backups_dir) if b.automatic]
    for old in automatic[max(keep, 1):]:
        old.path.unlink(missing_ok=True)
    return made
