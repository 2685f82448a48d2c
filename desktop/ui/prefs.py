"""Preferences kept outside the database: language, window geometry, last screen.

Why here and not in `meta`: they must survive a restore of the database. Why in the data
folder (`settings.ini`, once the app knows its folder) and not the user's registry: two data
folders on one account (a real office and a demo, or two offices on a shared laptop) must not
leak their language or last screen into each other. Before a folder is known, and for values
a folder has never had, the user's QSettings are used. Tests point QSettings at a temporary
file with `use_settings_file()`. The office and staff member are data, kept in `meta`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from desktop import APP_ID, ORG_NAME

LANGUAGES = ("uk", "en")
DEFAULT_LANGUAGE = "uk"

KEY_LANGUAGE = "ui/language"
KEY_GEOMETRY = "window/geometry"
KEY_STATE = "window/state"
KEY_SCREEN = "window/screen"

_settings_file: Path | None = None
_folder_file: Path | None = None
FOLDER_SETTINGS = "settings.ini"


def use_settings_file(path: Path | None) -> None:
    """Keep preferences in one .ini file (tests, screenshots, a portable install)."""
    global _settings_file
    _settings_file = path


def use_data_folder(folder: Path | None) -> None:
    """Keep preferences with this data folder from now on. The first time, the values the
    user had chosen before (in the user's QSettings) are carried over."""
    global _folder_file
    if folder is None:
        _folder_file = None
        return
    target = folder / FOLDER_SETTINGS
    fresh = not target.exists()
    _folder_file = target
    if fresh and _settings_file is None:
        user = _user_settings()
        mine = settings()
        for key in (KEY_LANGUAGE, KEY_GEOMETRY, KEY_STATE):
            if user.contains(key):
                mine.setValue(key, user.value(key))
        mine.sync()


def _user_settings() -> QSettings:
    return QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, ORG_NAME, APP_ID)


def settings() -> QSettings:
    """A QSettings for this app; cheap to create, so make one where needed."""
    if _settings_file is not None:
        return QSettings(str(_settings_file), QSettings.Format.IniFormat)
    if _folder_file is not None:
        return QSettings(str(_folder_file), QSettings.Format.IniFormat)
    return _user_settings()


def language() -> str:
    """The UI language code; Ukrainian unless the user chose English."""
    value = str(settings().value(KEY_LANGUAGE, DEFAULT_LANGUAGE) or DEFAULT_LANGUAGE)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def set_language(code: str) -> None:
    """Store the UI language; it takes effect when the app next starts."""
    if code not in LANGUAGES:
        raise ValueError(f"unsupported language {code!r}")
    store = settings()
    store.setValue(KEY_LANGUAGE, code)
    store.sync()
