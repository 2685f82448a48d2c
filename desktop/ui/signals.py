"""The application-wide signal bus (as in Vorta's application object).

Why: screens must not call each other. A screen that changes data emits
`bus().data_changed.emit("people")`; every screen showing people refreshes itself (the base
class does it lazily: at once if visible, else when next shown). Sync reports through
`sync_finished`, and any screen can ask the main window to show another screen with
`navigate`.

Connect bound methods of your widgets, not lambdas: the bus lives as long as the app, and
Qt only disconnects a slot automatically when it is a method of a destroyed QObject.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Bus(QObject):
    """Signals any part of the UI may emit or listen to."""

    #: A record table (or "meta" for this device's settings) changed.
    data_changed = Signal(str)
    #: A sync run ended: (succeeded, plain message for the status bar).
    sync_finished = Signal(bool, str)
    #: Show a screen by key ("ideas"), optionally at an item: {"table": ..., "id": ...}.
    navigate = Signal(str, object)
    #: Something worth a brief status-bar message ("Backup saved").
    status_message = Signal(str)


_bus: Bus | None = None


def bus() -> Bus:
    """The one bus of the application (created on first use, after QApplication)."""
    global _bus
    if _bus is None:
        _bus = Bus()
    return _bus


def reset_bus() -> None:
    """Start over with a new bus (tests: widgets of an earlier test stop hearing signals)."""
    global _bus
    _bus = None
