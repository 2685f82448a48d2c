"""Backup while the database is open, restore that validates first and keeps the old file."""

from __future__ import annotations

import sqlite3

import pytest

from desktop.store import NotADatabaseError, open_store
from desktop.store.backup import backup, restore


def test_backup_while_writing_then_restore(store, tmp_path, data_dir):
    for i in range(20):
        store.insert("people", {"last_name": f"Ім{i}", "first_name": "Тест", "gender": "male"})
    copy = backup(store.path, tmp_path / "copy.sqlite3")
    store.insert("people", {"last_name": "Після", "first_name": "Копії", "gender": "male"})
    kept = restore(copy, store.path, data_dir / "backups")
    assert kept is not None and kept.exists()
    assert store.count("people") == 20  # the open connection sees the restored content
    with sqlite3.connect(kept) as old:
        assert old.execute("SELECT count(*) FROM people").fetchone()[0] == 21


def test_restore_refuses_a_bad_file_and_changes_nothing(store, tmp_path, data_dir):
    store.insert("people", {"last_name": "Ціла", "first_name": "База", "gender": "female"})
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"\0" * 4096)
    foreign = tmp_path / "foreign.sqlite3"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE x(y)")
    for bad in (junk, foreign, tmp_path / "missing.sqlite3"):
        with pytest.raises(NotADatabaseError):
            restore(bad, store.path, data_dir / "backups")
    assert store.count("people") == 1
    assert not list((data_dir / "backups").glob("before-restore*"))


def test_restored_older_backup_is_upgraded_on_open(tmp_path):
    db = tmp_path / "h.sqlite3"
    open_store(db).close()
    s = open_store(db)
    assert s.schema_version >= 1
    s.close()
