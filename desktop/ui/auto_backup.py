"""The daily backup nobody has to remember: made shortly after start and checked every hour
(a laptop left on for days still gets one copy a day), always on a worker thread."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.ui.context import AppContext
from desktop.ui.workers import BackgroundTask, run_in_background

log = logging.getLogger(__name__)

FIRST_DELAY_MS = 20_000
CHECK_EVERY_MS = 60 * 60_000


def keep_count(ctx: AppContext) -> int:
    # The backup module is imported when a backup is due, not at start-up (4 ms, issue 11).
    from desktop.store import backup as backups

    try:
        return max(1, int(ctx.store.get_meta(backups.KEEP_KEY) or backups.DEFAULT_KEEP))
    except ValueError:
        return backups.DEFAULT_KEEP


class AutoBackup(QObject):
    made = Signal(object)  # the new file's Path
    failed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task: BackgroundTask | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self.run)

    def start(self, first_delay_ms: int = FIRST_DELAY_MS) -> None:
        self._timer.start()
        QTimer.singleShot(first_delay_ms, self.run)

    def stop(self) -> None:
        self._timer.stop()

    def run(self) -> None:
        if self.task is not None and not self.task.is_finished():
            return
        from desktop.store import backup as backups

        paths, keep = self.ctx.paths, keep_count(self.ctx)

        def work(_job: object) -> Path | None:
            return backups.automatic_backup(paths.database, paths.backups, keep)

        def done(path: Path | None) -> None:
            if path is not None:
                log.info("automatic backup %s", path)
                self.made.emit(path)

        def problem(error: BaseException) -> None:
            log.error("automatic backup failed: %s", error)
            self.failed.emit(str(error))

        self.task = run_in_background(None, work, done, problem, progress=False,
                                      busy_cursor=False)
