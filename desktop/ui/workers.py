"""One way to run slow work off the UI thread (Anki's QueryOp idea), with progress and Cancel.

Why: a frozen window on an old laptop looks like a crash, and people click again or kill the
app mid-write. Anything that may take more than a blink (counts over big tables, backups,
reports, imports) goes through `run_in_background`:

    run_in_background(
        self, reader_job(store.path, lambda conn, job: people.count(conn)),
        on_success=self._show_count,
        label=self.tr("Counting people…"),
    )

What the user sees follows the usual desktop conventions: nothing for half a second, then a
busy cursor; from two seconds a progress dialog (modal to the window) with Cancel, which Esc
also triggers. The function gets a `Job`: `job.cancel` is a `threading.Event` to check
between steps (or call `job.check()`, which raises `Cancelled`), and `job.report(done,
total, text)` moves the progress bar.

Rules for the function: it runs on a pool thread, so it must not touch widgets or the UI
thread's `Store.conn`; database reads open their own connection with
`desktop.store.database.open_reader(path)` (`reader_job` does that). Its result or exception
comes back on the UI thread, to `on_success` / `on_failure`. Without `on_failure`, the
error is shown in a message box in plain words and the traceback goes to the log.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from desktop.domain.errors import ValidationError
from desktop.store.database import open_reader
from desktop.store.errors import StoreError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressDialog

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Milliseconds before the busy cursor, and before the progress dialog.
BUSY_CURSOR_AFTER_MS = 500
PROGRESS_AFTER_MS = 2000


class Cancelled(Exception):
    """Raised by `Job.check()` once the user pressed Cancel; ends the job quietly."""


class _Signals(QObject):
    """Lives on the UI thread; the worker emits through it, so slots run on the UI thread."""

    finished = Signal(object, object)  # (result, exception or None)
    progressed = Signal(int, int, str)  # (done, total, text)


class Job:
    """What the background function receives: the cancel flag and a progress reporter."""

    def __init__(self, signals: _Signals) -> None:
        self.cancel = threading.Event()
        self._signals = signals

    @property
    def cancelled(self) -> bool:
        return self.cancel.is_set()

    def check(self) -> None:
        """Raise `Cancelled` if the user asked to stop; call it between steps."""
        if self.cancel.is_set():
            raise Cancelled()

    def report(self, done: int, total: int = 0, text: str = "") -> None:
        """Progress so far (`total` 0 = unknown); safe to call from the worker thread."""
        with contextlib.suppress(RuntimeError):  # the task was torn down at exit
            self._signals.progressed.emit(int(done), int(total), text)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[Job], Any], job: Job, signals: _Signals) -> None:
        super().__init__()
        # Python owns it (the task keeps a reference until the job ends): with auto-delete,
        # the wrapper could be garbage-collected before a pool thread gets to run it.
        self.setAutoDelete(False)
        self._fn, self._job, self._signals = fn, job, signals

    def run(self) -> None:
        try:
            result = self._fn(self._job)
        except BaseException as exc:  # every failure goes back to the UI thread
            outcome: tuple[Any, BaseException | None] = (None, exc)
        else:
            outcome = (result, None)
        with contextlib.suppress(RuntimeError):
            self._signals.finished.emit(*outcome)


class BackgroundTask(QObject):
    """A running background job; `run_in_background` returns one.

    Keep it if you need to cancel (`cancel()`) or wait (`is_finished()`, the `done`
    signal); otherwise ignore it, it keeps itself alive until the job ends.
    """

    done = Signal()

    def __init__(
        self, parent: QObject | None, fn: Callable[[Job], Any], *,
        on_success: Callable[[Any], None] | None,
        on_failure: Callable[[BaseException], None] | None,
        on_cancelled: Callable[[], None] | None,
        progress: bool, cancellable: bool, busy_cursor: bool, label: str,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__()
        self._parent = parent
        self._fn = fn
        self._on_success, self._on_failure, self._on_cancelled = (
            on_success, on_failure, on_cancelled)
        self._progress, self._cancellable, self._busy_cursor = progress, cancellable, busy_cursor
        self._label = label or QCoreApplication.translate("Workers", "Working…")
        self._signals = _Signals()
        self._signals.finished.connect(self._finish)
        self._signals.progressed.connect(self._progressed)
        self.job = Job(self._signals)
        self._finished = False
        self._cursor_set = False
        self._dialog: QProgressDialog | None = None
        self._last_progress = (0, 0, "")
        self._timers: list[QTimer] = []
        self._pool = pool
        self._runnable: _Runnable | None = None

    # -- public ---------------------------------------------------------------------------

    def cancel(self) -> None:
        """Ask the job to stop; it ends at its next `check()` (or when it looks at the flag)."""
        self.job.cancel.set()
        if self._dialog is not None:
            self._dialog.setLabelText(QCoreApplication.translate("Workers", "Stopping…"))

    def is_finished(self) -> bool:
        return self._finished

    # -- internals ------------------------------------------------------------------------

    def start(self) -> BackgroundTask:
        _RUNNING.add(self)
        if self._busy_cursor:
            self._after(BUSY_CURSOR_AFTER_MS, self._show_busy_cursor)
        if self._progress:
            self._after(PROGRESS_AFTER_MS, self._show_dialog)
        self._runnable = _Runnable(self._fn, self.job, self._signals)
        (self._pool or QThreadPool.globalInstance()).start(self._runnable)
        return self

    def _after(self, msec: int, slot: Callable[[], None]) -> None:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(slot)
        timer.start(msec)
        self._timers.append(timer)

    def _parent_alive(self) -> bool:
        return self._parent is None or shiboken6.isValid(self._parent)

    def _show_busy_cursor(self) -> None:
        if not self._finished and not self._cursor_set:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
            self._cursor_set = True

    def _show_dialog(self) -> None:
        if self._finished or not self._parent_alive():
            return
        cancel_text = (QCoreApplication.translate("Workers", "Cancel")
                       if self._cancellable else None)
        window = self._parent if isinstance(self._parent, QWidget) else None
        from PySide6.QtWidgets import QProgressDialog  # only when a job runs long

        dialog = QProgressDialog(self._label, cancel_text, 0, 0, window)
        dialog.setWindowTitle(QCoreApplication.translate("Workers", "Please wait"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.setMinimumWidth(360)
        if self._cancellable:
            dialog.canceled.connect(self.cancel)
            # Escape reaches the dialog's own shortcut only once its window is active; before
            # that QDialog closes it as "rejected", which must stop the job just the same.
            dialog.rejected.connect(self.cancel)
        else:
            dialog.setCancelButton(None)
        self._dialog = dialog
        self._progressed(*self._last_progress)
        dialog.show()

    def _progressed(self, done: int, total: int, text: str) -> None:
        self._last_progress = (done, total, text)
        if self._dialog is None:
            return
        if not shiboken6.isValid(self._dialog):  # its window was closed meanwhile
            self._dialog = None
            return
        self._dialog.setMaximum(max(total, 0))
        self._dialog.setValue(min(done, total) if total > 0 else 0)
        if text and not self.job.cancelled:
            self._dialog.setLabelText(text)

    def _finish(self, result: Any, error: BaseException | None) -> None:
        self._finished = True
        for timer in self._timers:
            timer.stop()
        if self._cursor_set:
            QApplication.restoreOverrideCursor()
            self._cursor_set = False
        if self._dialog is not None:
            if shiboken6.isValid(self._dialog):
                self._dialog.close()
                self._dialog.deleteLater()
            self._dialog = None
        try:
            if not self._parent_alive():
                return
            if isinstance(error, Cancelled) or (error is None and self.job.cancelled):
                if self._on_cancelled is not None:
                    self._on_cancelled()
            elif error is not None:
                if self._on_failure is not None:
                    self._on_failure(error)
                else:
                    show_error(self._parent if isinstance(self._parent, QWidget) else None,
                               error)
            elif self._on_success is not None:
                self._on_success(result)
        finally:
            _RUNNING.discard(self)
            self.done.emit()


#: Tasks still running: referenced here so Python does not collect them mid-job.
_RUNNING: set[BackgroundTask] = set()


def run_in_background(
    parent: QObject | None,
    fn: Callable[[Job], T],
    on_success: Callable[[T], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    *,
    progress: bool = True,
    cancellable: bool = True,
    busy_cursor: bool = True,
    label: str = "",
    on_cancelled: Callable[[], None] | None = None,
    pool: QThreadPool | None = None,
) -> BackgroundTask:
    """Run `fn(job)` on a pool thread; call back on the UI thread with the result.

    `progress`: show the progress dialog after two seconds (turn off for quiet refreshes,
    together with `busy_cursor`). `cancellable`: the dialog has Cancel (and Esc cancels).
    `label`: what the dialog says is happening. `parent` (usually the screen) is where the
    dialog appears; callbacks are skipped if it has been deleted meanwhile. `pool`: network
    work (sync) runs on its own pool so a slow link never delays the database reads that
    lists and reports wait for.
    """
    return BackgroundTask(
        parent, fn, on_success=on_success, on_failure=on_failure, on_cancelled=on_cancelled,
        progress=progress, cancellable=cancellable, busy_cursor=busy_cursor, label=label,
        pool=pool,
    ).start()


def reader_job(
    db_path: Path, fn: Callable[[sqlite3.Connection, Job], T],
) -> Callable[[Job], T]:
    """Wrap `fn(conn, job)` so it gets its own read-only connection, closed afterwards."""
    def run(job: Job) -> T:
        conn = open_reader(db_path)
        try:
            return fn(conn, job)
        finally:
            conn.close()
    return run


def running_tasks() -> int:
    """How many background jobs have not finished (tests wait for 0; exit waits too)."""
    return len(_RUNNING)


def wait_for_all(timeout_ms: int = 10_000) -> bool:
    """Block until pool threads are idle (at exit, so no job is cut off mid-write)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)


def connect_problem(error: BaseException) -> str:
    """Why connecting to the platform failed, in the UI language: the sync layer's own
    sentences are marked for translation; anything else is said as plain_message says it."""
    from desktop.sync.errors import SyncError
    from desktop.ui.translate import translate

    if isinstance(error, SyncError):
        return translate("SyncErrors", str(error))
    return plain_message(error)


def plain_message(error: BaseException) -> str:
    """An error as words a hub administrator can act on (no traceback)."""
    if isinstance(error, ValidationError):
        from desktop.ui.translate import render_error

        return "\n".join(render_error(e) for e in error.errors)
    if isinstance(error, StoreError):
        return str(error)
    if isinstance(error, PermissionError):
        return QCoreApplication.translate(
            "Workers", "No permission to use {file}.").format(file=error.filename or "")
    if isinstance(error, OSError):
        return QCoreApplication.translate(
            "Workers", "The file could not be used: {reason}").format(
                reason=error.strerror or str(error))
    return QCoreApplication.translate(
        "Workers", "Something went wrong: {error}").format(error=error)


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """The default failure handler: log the details, show the plain message."""
    if not isinstance(error, StoreError | OSError | ValidationError):
        log.error("background job failed", exc_info=error)
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(parent, QCoreApplication.translate("Workers", "Could not finish"),
                        plain_message(error))
