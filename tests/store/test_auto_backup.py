"""The daily automatic backup: one a day, checked, rotated, never touching copies made by
hand; and a damaged copy never counts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop.store import backup as backups
from desktop.store.errors import NotADatabaseError


def _person(store, name: str) -> None:
    store.insert("people", {"last_name": name, "first_name": "Олена", "gender": "female"})


def test_one_a_day_rotated_and_readable(store, data_dir):
    folder = data_dir / "backups"
    manual = backups.backup(store.path, folder / backups.default_backup_name())
    start = datetime(2026, 11, 1, 12, tzinfo=UTC)
    made = []
    for day in range(6):
        _person(store, f"Day{day}")
        now = start + timedelta(days=day)
        made.append(backups.automatic_backup(store.path, folder, keep=3, now=now))
        # A second start the same day adds nothing.
        assert backups.automatic_backup(store.path, folder, keep=3,
                                        now=now + timedelta(minutes=5)) is None
    assert all(made)
    automatic = [b for b in backups.list_backups(folder) if b.automatic]
    assert [b.path for b in automatic] == made[:2:-1]  # the newest three, newest first
    assert manual.exists()  # a copy made by hand is never rotated away
    newest = automatic[0].path
    assert backups.validate_backup(newest) > 0
    import sqlite3

    with sqlite3.connect(newest) as conn:
        assert conn.execute("SELECT count(*) FROM people").fetchone()[0] == 6


def test_a_damaged_copy_is_removed_and_reported(store, data_dir, monkeypatch):
    folder = data_dir / "backups"

    def damaged(candidate):
        raise NotADatabaseError(f"{candidate} is damaged")

    monkeypatch.setattr(backups, "validate_backup", damaged)
    with pytest.raises(NotADatabaseError):
        backups.automatic_backup(store.path, folder)
    assert backups.list_backups(folder) == []


def test_listing_reads_dates_from_names(data_dir, store):
    folder = data_dir / "backups"
    target = folder / "hromada-20261105-093000.sqlite3"
    backups.backup(store.path, target)
    (listed,) = backups.list_backups(folder)
    assert listed.taken_at.astimezone(UTC) == datetime(2026, 11, 5, 9, 30, tzinfo=UTC)
    assert not listed.automatic and listed.size > 0
