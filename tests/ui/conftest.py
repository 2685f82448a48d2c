"""UI fixtures: the app configured once (Ukrainian, as users see it), preferences in a
temporary file per test, a real temporary store with an office and its staff."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def app(qapp):
    from desktop.ui.app import configure_application, install_translations

    configure_application(qapp)
    install_translations(qapp, "uk")
    return qapp


@pytest.fixture(autouse=True)
def settings_file(tmp_path: Path) -> Iterator[Path]:
    """QSettings goes to a per-test .ini file, never the developer's own settings."""
    from desktop.ui import prefs

    path = tmp_path / "settings.ini"
    prefs.use_settings_file(path)
    yield path
    prefs.use_settings_file(None)
    prefs.use_data_folder(None)


@pytest.fixture(autouse=True)
def _isolated(qtbot) -> Iterator[None]:
    """Each test gets its own signal bus and waits for its background jobs, so nothing of
    one test calls back into the next."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from desktop.ui.signals import reset_bus
    from desktop.ui.workers import running_tasks

    reset_bus()
    yield
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=10_000)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def _no_unexpected_message_boxes(monkeypatch) -> None:
    """A modal message box nobody answers would hang the suite offscreen: fail instead.
    A test that expects one patches it with its own answer."""
    from PySide6.QtWidgets import QMessageBox

    def unexpected(*args, **_kwargs):
        texts = [a for a in args if isinstance(a, str)]
        raise AssertionError(f"unexpected message box: {texts}")

    for name in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(unexpected))


@pytest.fixture
def paths(data_dir: Path):
    from desktop.paths import DataPaths

    return DataPaths(data_dir).ensure()


@pytest.fixture
def offices(store) -> dict[str, str]:
    """Two offices with two staff members each; returns name -> id."""
    ids = {}
    for name, short in (("Приймальня в Десні", "Десна"), ("Приймальня у Стадниці", "Стадниця")):
        ids[short] = store.insert("offices", {"name": name, "short_name": short,
                                              "kind": "liaison_office", "active": 1})["id"]
    for office, people in (("Десна", ("Коваленко Олена Петрівна", "Бондар Іван Іванович")),
                           ("Стадниця", ("Мельник Ганна Юріївна", "Ткачук Петро Олегович"))):
        for person in people:
            ids[person] = store.insert("staff", {"name": person, "office_id": ids[office],
                                                 "role": "operator", "active": 1})["id"]
    return ids


@pytest.fixture
def ctx(app, store, paths):
    from desktop.ui.context import AppContext

    return AppContext.create(store, paths)


@pytest.fixture
def window(app, qtbot, store, paths):
    from desktop.ui.app import create_main_window

    win = create_main_window(store, paths)
    qtbot.addWidget(win)
    win.resize(1366, 728)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: win.has_shortcuts)  # made once its first frame is drawn
    return win


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Qt warnings fail tests (pyproject: qt_log_level_fail), except the offscreen
    platform's note that it cannot resize windows to their hints, which is not ours."""
    for item in items:
        if "tests/ui" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(
                r"This plugin does not support propagateSizeHints"))
