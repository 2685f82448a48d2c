"""PySide6 6.12.0 drops a reference to True on every Signal.emit under Python 3.11 and the
interpreter aborts after about a thousand emits; pyproject.toml excludes it. This guards the
exclusion: if a broken binding is ever installed, this fails instead of the app crashing."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(str)


def test_emitting_signals_does_not_leak_references_to_true(app):
    emitter = _Emitter()
    seen = []
    emitter.fired.connect(seen.append)
    before = sys.getrefcount(True)
    for _ in range(200):  # few enough to stay far from the abort on a broken build
        emitter.fired.emit("x")
    assert len(seen) == 200
    assert sys.getrefcount(True) >= before - 5
