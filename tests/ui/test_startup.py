"""What the UI package does when it is first imported (desktop/ui/startup.py)."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_PROBE = r"""
import json, sys
import logging, typing, dataclasses, sqlite3      # loaded before the UI, as by the app
import desktop.store
before = set(sys.modules)
import desktop.ui                                  # marks what is loaded so far
feature = sys.modules["shibokensupport.feature"]
read = []
original = feature._mod_uses_pyside
feature._mod_uses_pyside = lambda module: read.append(module.__name__) or original(module)
import logging, typing, dataclasses, sqlite3, desktop.store.records   # imported again by name
from desktop.ui.app import create_main_window     # the rest of the start
marks = feature.pyside_feature_dict
disagree = [name for name in before
            if name in marks and marks[name] != (0 if original(sys.modules[name]) else -1)]
print(json.dumps({"read": read, "before": sorted(before), "disagree": disagree}))
"""


def _probe() -> dict:
    done = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True,
                          cwd=ROOT, env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin"},
                          check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_modules_loaded_before_the_ui_are_not_read_again_by_pyside():
    found = _probe()
    again = set(found["read"]) & set(found["before"])
    assert not again, f"PySide read the source of {sorted(again)}"
    assert [name for name in found["read"] if name.startswith("desktop.ui")] == []
    assert "logging" in found["before"] and "desktop.store.records" in found["before"]


def test_each_mark_is_what_pyside_itself_would_have_found():
    # -1 is PySide's answer for a module whose source never names PySide6. The app's own
    # modules may name it in a comment; the marks only matter for __feature__ (next test).
    found = _probe()
    assert [n for n in found["disagree"] if not n.startswith("desktop")] == []


def test_the_app_never_selects_pyside_features():
    """The marks stand for "selects no __feature__"; true only while no module does."""
    users = []
    for path in (ROOT / "desktop").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.ImportFrom) and node.module == "__feature__") or \
                    (isinstance(node, ast.Import) and any(a.name == "__feature__"
                                                         for a in node.names)):
                users.append(str(path.relative_to(ROOT)))
    assert users == []
