"""Forward-only migrations: older files upgrade (after a backup), newer ones stay untouched."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from desktop.store import NewerDatabaseError, NotADatabaseError, open_store, schema


def sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_gets_every_migration(tmp_path):
    s = open_store(tmp_path / "h.sqlite3")
    assert s.schema_version == len(schema.MIGRATIONS)
    s.close()


def test_older_file_is_backed_up_then_upgraded_keeping_its_data(tmp_path, monkeypatch):
    db = tmp_path / "h.sqlite3"
    s = open_store(db)
    person = s.insert("people", {"last_name": "Стара", "first_name": "Версія", "gender": "female"})
    s.close()

    def m_next(database):
        database["people"].add_column("nickname", str)

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, m_next])
    upgraded = open_store(db, tmp_path / "backups")
    try:
        assert upgraded.schema_version == len(schema.MIGRATIONS)
        assert "nickname" in upgraded._columns("people")
        assert upgraded.get("people", person["id"])["last_name"] == "Стара"
        backup = upgraded.migration_backup
        assert backup is not None and backup.parent == tmp_path / "backups"
        with sqlite3.connect(backup) as old:
            assert old.execute("PRAGMA user_version").fetchone()[0] == len(schema.MIGRATIONS) - 1
            assert old.execute("SELECT count(*) FROM people").fetchone()[0] == 1
    finally:
        upgraded.close()


def test_failed_migration_leaves_file_at_old_version(tmp_path, monkeypatch):
    db = tmp_path / "h.sqlite3"
    open_store(db).close()

    def m_broken(database):
        database["people"].add_column("half_done", str)
        raise RuntimeError("power cut")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, m_broken])
    with pytest.raises(Exception, match="left at schema"):
        open_store(db)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(schema.MIGRATIONS) - 1
        columns = [r[1] for r in conn.execute("PRAGMA table_info(people)")]
        assert "half_done" not in columns


def test_newer_file_is_refused_and_not_touched(tmp_path):
    db = tmp_path / "h.sqlite3"
    open_store(db).close()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 999")
    conn.close()  # the last connection checkpoints the WAL into the file and removes it
    assert not (tmp_path / "h.sqlite3-wal").exists()
    before = sha(db)
    with pytest.raises(NewerDatabaseError, match="newer version"):
        open_store(db)
    assert sha(db) == before
    assert not (tmp_path / "h.sqlite3-wal").exists()


def test_foreign_sqlite_file_is_refused(tmp_path):
    db = tmp_path / "other.sqlite3"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE t(x)")
    with pytest.raises(NotADatabaseError):
        open_store(db)
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(NotADatabaseError):
        open_store(garbage)


def test_newer_version_still_in_the_wal_is_refused(tmp_path):
    """The header can lag behind an un-checkpointed WAL; SQLite's own answer is checked too."""
    db = tmp_path / "h.sqlite3"
    open_store(db).close()
    holder = sqlite3.connect(db)  # keeps the WAL from being checkpointed into the file
    try:
        holder.execute("PRAGMA user_version = 999")
        holder.commit()
        with pytest.raises(NewerDatabaseError):
            open_store(db)
        assert holder.execute("PRAGMA user_version").fetchone()[0] == 999
    finally:
        holder.close()


def test_a_real_version_1_file_upgrades_to_the_current_schema(tmp_path, monkeypatch):
    db = tmp_path / "h.sqlite3"
    current = list(schema.MIGRATIONS)
    monkeypatch.setattr(schema, "MIGRATIONS", current[:1])
    old = open_store(db)
    person = old.insert("people", {"last_name": "Перша", "first_name": "Версія",
                                   "gender": "female"})
    old.close()
    monkeypatch.setattr(schema, "MIGRATIONS", current)
    upgraded = open_store(db, tmp_path / "backups")
    try:
        assert upgraded.schema_version == len(current) >= 2
        assert upgraded.migration_backup is not None
        tables = {r[0] for r in upgraded.conn.execute("SELECT name FROM sqlite_master")}
        assert "possible_duplicates" in tables
        assert upgraded.get("people", person["id"])["last_name"] == "Перша"
    finally:
        upgraded.close()
