"""Fixtures shared by the whole suite: a fresh real store per test, Qt offscreen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Set before anything imports Qt: the suite never needs a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("HROMADA_DATA_DIR", None)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def store(data_dir: Path) -> Iterator:
    from desktop.store import open_store

    s = open_store(data_dir / "hromada.sqlite3", data_dir / "backups")
    yield s
    s.close()
