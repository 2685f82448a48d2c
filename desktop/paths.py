"""Every folder the app uses is decided here, and only here.

One override (`--data-dir`, else `HROMADA_DATA_DIR`) moves everything at once, which is what
tests, smoke runs and a second office profile on the same laptop need.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path
from typing import NamedTuple

import platformdirs

from desktop import APP_ID, ORG_NAME

ENV_DATA_DIR = "HROMADA_DATA_DIR"
DB_FILENAME = "hromada.sqlite3"


@cache
def resources_dir() -> Path:
    """The read-only `resources/` folder (demo-data sources, icons, translations).

    It sits beside the package in a checkout or an editable install; a PyInstaller build
    unpacks it under `sys._MEIPASS`, so the frozen app finds it there instead. Worked out
    once: every icon asks for it, and start-up shows a dozen.
    """
    frozen_root = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_ID, ORG_NAME, roaming=False))


def resolve_data_dir(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """`--data-dir` beats `HROMADA_DATA_DIR`, which beats the platform's user data folder."""
    if cli_value:
        return Path(cli_value).expanduser().resolve()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser().resolve()
    return default_data_dir()


class DataPaths(NamedTuple):
    """The layout inside one data folder."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / DB_FILENAME

    @property
    def attachments(self) -> Path:
        return self.root / "attachments"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    def ensure(self) -> DataPaths:
        from desktop.store.database import make_private_folder

        for folder in (self.root, self.attachments, self.backups, self.logs):
            make_private_folder(folder)
        return self
