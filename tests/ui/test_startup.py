"""What the UI package does when it is first imported (desktop/ui/startup.py)."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.ui import startup

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


# -- the real start: `hromada-desk` through its entry point, until the window's first frame --

_REAL_START = r"""
import gc, json, sys
from desktop.ui import startup   # first here, to watch the start; the app imports it anyway
paused = gc.get_threshold()[0]
seen = {}
startup.after_first_paint(lambda: seen.update(modules=sorted(sys.modules)))
from desktop.cli import main
code = main(["--data-dir", sys.argv[1]])
print(json.dumps({"code": code, "painted": startup.first_paint_at is not None,
                  "modules": seen.get("modules", []), "paused": paused,
                  "threshold": gc.get_threshold()[0], "frozen": gc.get_freeze_count()}))
"""

#: What a start that only opens the window must not wait for: sync's HTTP stack and wire
#: models, the sockets that answer a second launch, the rotating log handler, the first-run
#: wizard, the export module behind the commands' parsers, `dataclasses` (nothing made at
#: start-up is one).
NOT_BEFORE_THE_WINDOW = ("requests", "urllib3", "pydantic", "desktop.sync.transport",
                         "desktop.sync.wire", "PySide6.QtNetwork", "logging.handlers",
                         "desktop.ui.first_run", "desktop.store.export", "dataclasses")


@pytest.fixture(scope="module")
def office_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("office")
    done = subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(folder), "demo",
                           "--people", "30", "--events", "3"], capture_output=True, text=True,
                          cwd=ROOT, timeout=240, check=False)
    assert done.returncode == 0, done.stderr
    return folder


def _start(folder: Path, tmp_path: Path) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HROMADA_QUIT_AFTER_FIRST_PAINT": "1",
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run([sys.executable, "-c", _REAL_START, str(folder)], capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=240, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_app_opens_its_window_without_what_only_later_work_needs(office_folder, tmp_path):
    found = _start(office_folder, tmp_path)
    assert found["code"] == 0 and found["painted"]
    loaded = set(found["modules"])
    assert "desktop.ui.main_window" in loaded and "desktop.store.records" in loaded
    assert sorted(loaded & set(NOT_BEFORE_THE_WINDOW)) == []


def test_the_collector_waits_for_the_first_frame_then_keeps_its_threshold(office_folder,
                                                                           tmp_path):
    found = _start(office_folder, tmp_path)
    assert found["paused"] == startup.START_THRESHOLD
    assert found["threshold"] == 700  # Python's own, back once the window was drawn
    assert found["frozen"] > 10_000  # what the start made is left out of later collections


def test_a_start_leaves_no_lock_behind_and_the_next_one_opens_too(office_folder, tmp_path):
    from desktop.ui.single_instance import LOCK_NAME

    for _ in range(2):
        assert _start(office_folder, tmp_path)["painted"]
        assert not (office_folder / LOCK_NAME).exists()


def test_the_log_is_written_from_the_start_and_rotates_once_the_window_is_up(tmp_path,
                                                                               monkeypatch):
    import logging
    from logging.handlers import RotatingFileHandler

    from desktop.paths import DataPaths
    from desktop.ui import app as app_module

    monkeypatch.setattr(startup, "first_paint_at", None)
    monkeypatch.setattr(startup, "_after_first_paint", [])
    monkeypatch.setattr(startup, "resume_collection", lambda: None)
    monkeypatch.delenv(startup.QUIT_AFTER_FIRST_PAINT_ENV, raising=False)
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    try:
        app_module.setup_logging(DataPaths(tmp_path))
        logging.getLogger("hromada.test").warning("written before the window")
        assert [type(h) for h in root.handlers if h not in before] == [logging.FileHandler]
        startup.window_painted()
        assert [type(h) for h in root.handlers if h not in before] == [RotatingFileHandler]
        logging.getLogger("hromada.test").warning("written after it")
        text = (tmp_path / "logs" / "hromada-desk.log").read_text(encoding="utf-8")
        assert "written before the window" in text and "written after it" in text
    finally:
        for handler in [h for h in root.handlers if h not in before]:
            root.removeHandler(handler)
            handler.close()
        root.setLevel(level)


def test_a_second_launch_on_a_running_folder_brings_the_first_forward_and_ends(office_folder,
                                                                             tmp_path):
    """Two real processes: the second finds the lock taken, asks the first (which may still be
    starting) to come forward, and ends without a window of its own."""
    from desktop.ui.single_instance import LOCK_NAME

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    env.pop(startup.QUIT_AFTER_FIRST_PAINT_ENV, None)
    first = subprocess.Popen([sys.executable, "-m", "desktop", "--data-dir", str(office_folder)],
                             cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    try:
        for _ in range(600):  # its lock comes first, its socket once its window is up
            if (office_folder / LOCK_NAME).exists() or first.poll() is not None:
                break
            time.sleep(0.05)
        assert first.poll() is None and (office_folder / LOCK_NAME).exists()
        second = subprocess.run([sys.executable, "-m", "desktop", "--data-dir",
                                 str(office_folder)], cwd=ROOT, env=env, capture_output=True,
                                text=True, timeout=120, check=False)
        assert second.returncode == 0, second.stderr
        assert first.poll() is None  # the first goes on
    finally:
        first.terminate()
        first.wait(timeout=60)


def test_the_start_is_over_even_when_the_window_is_never_drawn(app, qtbot, ctx, monkeypatch):
    """A window started minimised paints only when restored: what waits for the first frame
    (the socket a second launch asks, the collector) must not wait for that."""
    from desktop.ui.main_window import MainWindow

    monkeypatch.setattr(startup, "first_paint_at", None)
    monkeypatch.setattr(startup, "_after_first_paint", [])
    monkeypatch.setattr(startup, "resume_collection", lambda: None)
    monkeypatch.setattr(startup, "FIRST_PAINT_LATEST_MS", 50)
    monkeypatch.delenv(startup.QUIT_AFTER_FIRST_PAINT_ENV, raising=False)
    done: list[int] = []
    startup.after_first_paint(lambda: done.append(1))
    window = MainWindow(ctx)  # never shown
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: done == [1], timeout=5000)
    assert startup.first_paint_at is not None and not window.isVisible()
    qtbot.waitUntil(lambda: window.has_shortcuts)  # ready for when it is restored


def test_the_window_makes_its_shortcuts_once_its_first_frame_is_drawn(app, qtbot, ctx,
                                                                      monkeypatch):
    """Not before (issue 11): the key-sequence and action types cost the first frame ~1%."""
    from desktop.ui.main_window import MainWindow

    monkeypatch.setattr(startup, "first_paint_at", None)
    monkeypatch.setattr(startup, "_after_first_paint", [])
    monkeypatch.setattr(startup, "resume_collection", lambda: None)
    monkeypatch.delenv(startup.QUIT_AFTER_FIRST_PAINT_ENV, raising=False)
    shortcuts_at_first_frame: list[bool] = []
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    startup.after_first_paint(lambda: shortcuts_at_first_frame.append(window.has_shortcuts))
    assert not window.has_shortcuts and window.actions() == []
    window.resize(1366, 728)
    window.show()
    qtbot.waitUntil(lambda: window.has_shortcuts)
    assert shortcuts_at_first_frame == [False]  # the frame was timed without them
    keys = {action.shortcut().toString() for action in window.actions()}
    assert {"Ctrl+1", "Ctrl+9", "F1", "F5", "Ctrl+H", "Ctrl+F", "Ctrl+N", "Ctrl+S"} <= keys
    assert window.nav.item(0).toolTip().endswith("(Ctrl+1)")
    window.add_shortcuts()  # made once only
    assert len(window.actions()) == len(keys)
