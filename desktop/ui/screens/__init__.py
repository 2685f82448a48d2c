"""The screens of the main window, in navigation order, and how they are found.

To add a screen, create `desktop/ui/screens/<key>.py` with a `Screen` subclass (see
`base.py`) and a module-level `SCREEN = YourScreen`; the key must be in `SCREEN_KEYS` (its
position is its place in the navigation and its Ctrl+<n> shortcut). Until the module exists
the navigation shows a placeholder with the title and icon from `PENDING`; remove the entry
once your module is in.
"""

from __future__ import annotations

import importlib
import importlib.util

from desktop.domain.i18n import QT_TRANSLATE_NOOP
from desktop.ui.screens.base import PlaceholderScreen, Screen

#: Navigation order; Ctrl+1 .. Ctrl+9 follow it.
SCREEN_KEYS: tuple[str, ...] = (
    "today", "events", "checkin", "people", "ideas", "consultations", "csos", "reports",
    "settings",
)

#: Title and icon of every screen, so the navigation can be drawn without importing the
#: screens (each is built the first time it is shown; start-up builds only one). A test
#: checks these against the classes.
NAVIGATION: dict[str, tuple[str, str]] = {
    "today": (QT_TRANSLATE_NOOP("Screens", "Today"), "today"),
    "events": (QT_TRANSLATE_NOOP("Screens", "Events"), "events"),
    "checkin": (QT_TRANSLATE_NOOP("Screens", "Check-in"), "checkin"),
    "people": (QT_TRANSLATE_NOOP("Screens", "People"), "people"),
    "ideas": (QT_TRANSLATE_NOOP("Screens", "Ideas & appeals"), "ideas"),
    "consultations": (QT_TRANSLATE_NOOP("Screens", "Consultations"), "consultations"),
    "csos": (QT_TRANSLATE_NOOP("Screens", "CSOs"), "csos"),
    "reports": (QT_TRANSLATE_NOOP("Screens", "Reports"), "reports"),
    "settings": (QT_TRANSLATE_NOOP("Screens", "Settings"), "settings"),
}

#: Title and icon of screens not built yet (their placeholders use these).
PENDING: dict[str, tuple[str, str]] = {}


def _placeholder(key: str) -> type[Screen]:
    title, icon = PENDING.get(key, (key, "placeholder"))
    return type(f"Placeholder_{key}", (PlaceholderScreen,),
                {"key": key, "title": title, "icon": icon})


def screen_class(key: str) -> type[Screen]:
    """The screen class for `key`: its module's `SCREEN`, or a placeholder if there is no
    module yet. A module that exists but fails to import is a bug and raises."""
    name = f"{__name__}.{key}"
    if importlib.util.find_spec(name) is None:
        return _placeholder(key)
    module = importlib.import_module(name)
    cls = getattr(module, "SCREEN", None)
    if not (isinstance(cls, type) and issubclass(cls, Screen)):
        raise TypeError(f"{name} must define SCREEN = <a Screen subclass>")
    if cls.key != key:
        raise TypeError(f"{name}.SCREEN.key is {cls.key!r}, expected {key!r}")
    return cls

