"""Backup and restore through SQLite's online backup API.

Both work while the app has the database open: the backup API copies a consistent snapshot,
and a restore is written page by page under SQLite's own locks, so a reader never sees half
of the old file and half of the new one.
"""

from __future__ import annotations

import contextlib
import sqlite3
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
    return kept
