"""Background jobs: results, errors and cancelling come back on the UI thread."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.store.errors import StoreError
from desktop.ui import workers
from desktop.ui.workers import reader_job, run_in_background


def test_result_arrives_on_the_ui_thread(app, qtbot):
    ui_thread = threading.get_ident()
    seen = []

    def work(job):
        seen.append(threading.get_ident())
        return 42

    results = []
    task = run_in_background(None, work, lambda value: results.append(
        (value, threading.get_ident())))
    qtbot.waitUntil(task.is_finished, timeout=5000)
    assert results == [(42, ui_thread)]
    assert seen[0] != ui_thread


def test_failure_goes_to_on_failure(app, qtbot):
    errors = []

    def work(job):
        raise StoreError("the disk is full")

    task = run_in_background(None, work, lambda value: None, errors.append)
    qtbot.waitUntil(task.is_finished, timeout=5000)
    assert [str(e) for e in errors] == ["the disk is full"]
    assert workers.plain_message(errors[0]) == "the disk is full"


def test_reader_job_uses_its_own_read_only_connection(app, qtbot, store):
    store.insert("districts", {"name": "Десна"})
    results = []

    def count(conn, job):
        assert conn is not store.conn
        return conn.execute("SELECT count(*) FROM districts").fetchone()[0]

    task = run_in_background(None, reader_job(store.path, count), results.append)
    qtbot.waitUntil(task.is_finished, timeout=5000)
    assert results == [1]


def test_progress_dialog_appears_and_escape_cancels(app, qtbot, monkeypatch):
    monkeypatch.setattr(workers, "PROGRESS_AFTER_MS", 50)
    monkeypatch.setattr(workers, "BUSY_CURSOR_AFTER_MS", 10)
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    steps = []

    def work(job):
        for step in range(3000):  # long enough to still be running on a loaded machine
            job.check()
            job.report(step, 3000, f"Крок {step}")
            steps.append(step)
            time.sleep(0.01)
        return "done"

    outcome = []
    task = run_in_background(parent, work, outcome.append,
                             on_cancelled=lambda: outcome.append("cancelled"),
                             label="Рахуємо…")
    qtbot.waitUntil(lambda: parent.findChild(QProgressDialog) is not None
                    and parent.findChild(QProgressDialog).isVisible(), timeout=15_000)
    dialog = parent.findChild(QProgressDialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(task.is_finished, timeout=15_000)
    assert outcome == ["cancelled"]
    assert len(steps) < 3000


def test_closing_the_progress_dialog_before_it_is_active_still_cancels(app, qtbot, monkeypatch):
    """Escape before the dialog's window is active never reaches its cancel shortcut: QDialog
    rejects (hides) it instead. That, too, must stop the job, or it runs on unseen."""
    monkeypatch.setattr(workers, "PROGRESS_AFTER_MS", 10)
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()

    def work(job):
        for _ in range(3000):
            job.check()
            time.sleep(0.01)
        return "done"

    outcome = []
    task = run_in_background(parent, work, outcome.append,
                             on_cancelled=lambda: outcome.append("cancelled"))
    qtbot.waitUntil(lambda: parent.findChild(QProgressDialog) is not None, timeout=15_000)
    parent.findChild(QProgressDialog).reject()  # what Escape does to an inactive dialog
    qtbot.waitUntil(task.is_finished, timeout=15_000)
    assert outcome == ["cancelled"]


def test_callbacks_are_skipped_when_the_parent_is_gone(app, qtbot):
    parent = QWidget()
    release = threading.Event()
    called = []
    task = run_in_background(parent, lambda job: release.wait(5), called.append,
                             progress=False, busy_cursor=False)
    parent.deleteLater()
    qtbot.waitUntil(lambda: not __import__("shiboken6").isValid(parent), timeout=5000)
    release.set()
    qtbot.waitUntil(task.is_finished, timeout=5000)
    assert called == []
