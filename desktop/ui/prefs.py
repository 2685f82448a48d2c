"""Per-user preferences kept outside the database: language, window geometry, last screen.

Why here and not in `meta`: they belong to the person at this computer and must survive a
restore of the database. QSettings stores them (the registry on Windows, an .ini file
elsewhere); tests point QSettings at a temporary folder with `use_settings_file()`.
The device's office and staff member are data, kept in the database's `meta` table.
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


def use_settings_file(path: Path | None) -> None:
    """Keep preferences in one .ini file (tests, screenshots, a portable install)."""
    global _settings_file
    _settings_file = path


def settings() -> QSettings:
    """A QSettings for this app; cheap to create, so make one where needed."""
    if _settings_file is not None:
        return QSettings(str(_settings_file), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, ORG_NAME, APP_ID)


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
