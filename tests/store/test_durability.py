"""A committed check-in survives a power cut, and the residents' data is the owner's alone."""

from __future__ import annotations

import os
import stat

import pytest

from desktop.paths import DataPaths
from desktop.store import open_store
from desktop.store.backup import backup, restore

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_store_syncs_every_commit_to_disk(store):
    assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@posix_only
def test_store_and_its_companions_are_private(tmp_path):
    old = os.umask(0o022)  # the usual desktop umask: new files readable by everyone
    try:
        data = tmp_path / "data"
        s = open_store(data / "hromada.sqlite3")
        s.insert("people", {"last_name": "Коваль", "first_name": "Олена", "gender": "female"})
        assert _mode(data) == 0o700
        for name in ("hromada.sqlite3", "hromada.sqlite3-wal", "hromada.sqlite3-shm"):
            assert _mode(data / name) == 0o600, name
        copy = backup(data / "hromada.sqlite3", data / "backups" / "b.sqlite3")
        assert _mode(copy) == 0o600 and _mode(copy.parent) == 0o700
        s.close()
        restore(copy, tmp_path / "elsewhere" / "hromada.sqlite3", tmp_path / "kept")
        assert _mode(tmp_path / "elsewhere" / "hromada.sqlite3") == 0o600
        paths = DataPaths(tmp_path / "fresh").ensure()
        assert {_mode(f) for f in (paths.root, paths.backups, paths.logs)} == {0o700}
    finally:
        os.umask(old)


@posix_only
def test_an_existing_world_readable_store_is_narrowed(tmp_path):
    path = tmp_path / "hromada.sqlite3"
    open_store(path).close()
    os.chmod(path, 0o644)
    open_store(path).close()
    assert _mode(path) == 0o600
