"""Sync inside the app: on demand, on a schedule, and as soon as the connection comes back.

The run itself is `desktop.sync` (no Qt), on a pool thread with its own store connection; this
object only decides when to run it and turns the outcome into the status the window shows.
A run that is already going is never started twice; a failed run leaves everything it did not
finish in the outbox for the next one.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QThreadPool, QTimer, Signal

from desktop.store import open_store, syncstate
from desktop.ui.context import AppContext
from desktop.ui.workers import BackgroundTask, Job, run_in_background

log = logging.getLogger(__name__)

SCHEDULE_MINUTES = 15
PROBE_SECONDS = 30
DEMO_PLATFORM_DOWN = QT_TRANSLATE_NOOP(
    "SyncErrors", "The demo platform could not be started on this computer; the details are "
    "in demo-platform/platform.log in the data folder.")


#: When, after start-up, to start listening for the network coming back.
NETWORK_WATCH_DELAY_MS = 3000


class SyncController(QObject):
    status_changed = Signal(str, str)  # short text for the status bar, longer tooltip
    #: The button or F5 was pressed on a device with no platform: the window offers to connect.
    not_connected = Signal()

    def __init__(self, ctx: AppContext, parent: QObject | None = None, *,
                 schedule_minutes: int = SCHEDULE_MINUTES) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task: BackgroundTask | None = None
        self.last_error: str | None = None
        self.offline = False
        self.next_try: datetime | None = None
        self._schedule = QTimer(self)
        self._schedule.setInterval(schedule_minutes * 60_000)
        self._schedule.timeout.connect(self.sync_quietly)
        self._probe = QTimer(self)
        self._probe.setInterval(PROBE_SECONDS * 1000)
        self._probe.timeout.connect(self._probe_connection)
        # Its own thread: a sync waiting on a slow link must never hold up the database
        # reads that lists and reports run on the shared pool.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        # Loading Qt's network-information backend takes a tenth of start-up (24 ms): a
        # few seconds after the window is up is soon enough to hear that the link came back
        # (the probe timer covers the time before, and systems with no backend).
        QTimer.singleShot(NETWORK_WATCH_DELAY_MS, self, self._watch_network)

    # -- when -----------------------------------------------------------------------------

    def start(self) -> None:
        """Start the schedule (and one sync soon after start-up, when enrolled)."""
        self._schedule.start()
        if self.enrolled:
            QTimer.singleShot(3000, self.sync_quietly)
        self.refresh_status()

    def stop(self) -> None:
        self._schedule.stop()
        self._probe.stop()
        if self.task is not None and not self.task.is_finished():
            self.task.cancel()
        # A run mid-way through a network call is abandoned after a short wait: its store
        # transaction rolls back with the process, and the outbox keeps everything.
        self._pool.waitForDone(3000)

    @property
    def enrolled(self) -> bool:
        return bool(self.ctx.store.get_meta(syncstate.SERVER_URL))

    @property
    def running(self) -> bool:
        return self.task is not None and not self.task.is_finished()

    def sync_now(self) -> None:
        """The button: shows progress and errors."""
        self._run(interactive=True)

    def sync_quietly(self) -> None:
        """Schedule and reconnection: no dialogs, the status bar says what happened."""
        self._run(interactive=False)

    def _watch_network(self) -> None:
        """Qt's network information backend tells us when the link comes back, where the
        platform has one; the probe timer covers the rest."""
        try:
            from PySide6.QtNetwork import QNetworkInformation

            if QNetworkInformation.loadDefaultBackend():
                info = QNetworkInformation.instance()
                info.reachabilityChanged.connect(self._reachability_changed)
        except Exception:  # no backend on this system: the probe does the job
            log.debug("no network information backend", exc_info=True)

    def _reachability_changed(self, reachability: Any) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        if reachability == QNetworkInformation.Reachability.Online and self.offline:
            self.sync_quietly()

    def _probe_connection(self) -> None:
        if self.offline and not self.running:
            self.sync_quietly()

    # -- running --------------------------------------------------------------------------

    def _run(self, *, interactive: bool) -> None:
        if not self.enrolled:
            if interactive:
                self.not_connected.emit()
            return
        if self.running:
            if interactive:
                self.ctx.bus.status_message.emit(self.tr("A sync is already under way."))
            return
        paths = self.ctx.paths
        self.status_changed.emit(self.tr("Syncing…"), "")

        def work(job: Job) -> Any:
            from desktop.sync.client import make_engine

            store = open_store(paths.database, paths.backups)
            try:
                from desktop.demo.platform import DemoPlatform, is_demo

                if is_demo(store):  # the demo's own platform: start it if it is not running
                    from desktop.demo.platform import DemoPlatformError
                    from desktop.sync.errors import SyncError

                    try:
                        DemoPlatform(paths.root).set_up(store, paths.root)
                    except DemoPlatformError as exc:
                        log.error("demo platform: %s", exc)
                        raise SyncError(DEMO_PLATFORM_DOWN) from exc
                engine = make_engine(store, paths.root, cancel=lambda: job.cancelled,
                                     progress=lambda text: job.report(0, 0, text))
                return engine.run()
            finally:
                store.close()

        self.task = run_in_background(
            self.parent() if interactive else None, work, self._succeeded, self._failed,
            progress=interactive, cancellable=interactive, busy_cursor=False,
            label=self.tr("Syncing with the council's platform…"),
            on_cancelled=self.refresh_status, pool=self._pool,
        )

    def _succeeded(self, report: Any) -> None:
        self.offline = False
        self._probe.stop()
        self.last_error = None
        if not report.up_to_date:
            self.last_error = "; ".join(report.notes) or None
        message = self.tr("Sent {sent}, received {received}.").format(
            sent=report.pushed, received=report.pulled)
        self.ctx.bus.sync_finished.emit(True, message)
        if report.pulled:
            self.ctx.bus.data_changed.emit("*")
        self.refresh_status()

    def _failed(self, error: BaseException) -> None:
        from desktop.sync.errors import Offline, SyncError
        from desktop.ui.translate import translate

        # Known sync messages are marked for translation in desktop.sync; others (e.g. a
        # reason given by the platform) are shown as they came.
        text = translate("SyncErrors", str(error)) if isinstance(error, SyncError) else \
            self.tr("Sync stopped because of an unexpected problem; it will try again.")
        if not isinstance(error, SyncError):
            log.error("sync failed", exc_info=error)
        self.offline = isinstance(error, Offline)
        if self.offline:
            self._probe.start()
            self.next_try = datetime.now() + timedelta(seconds=PROBE_SECONDS)
            text = self.tr("No connection to the platform. Everything is kept on this "
                           "computer; the next try is at {time}.").format(
                time=self.next_try.strftime("%H:%M:%S"))
        self.last_error = text
        self.ctx.bus.sync_finished.emit(False, text)
        self.refresh_status()

    # -- status ---------------------------------------------------------------------------

    def status(self) -> tuple[str, str]:
        store = self.ctx.store
        if not self.enrolled:
            return self.tr("Not connected to the platform"), self.tr(
                "Everything is kept on this computer. Enroll the device in Settings to send "
                "it to the council.")
        pending = syncstate.pending_count(store)
        conflicts = syncstate.open_conflicts(store)
        refused = len(syncstate.open_rejections(store)) + len(syncstate.open_set_aside(store))
        last = store.get_meta("sync.last_success")
        when = _local_time(last) if last else self.tr("never")
        parts = [self.tr("Synced {when}").format(when=when)]
        if pending:
            parts.append(self.tr("{n} waiting").format(n=pending))
        if conflicts:
            parts.append(self.tr("{n} conflicts").format(n=conflicts))
        if refused:
            parts.append(self.tr("{n} refused").format(n=refused))
        if self.offline:
            parts.append(self.tr("offline, next try {time}").format(
                time=self.next_try.strftime("%H:%M") if self.next_try else "—"))
        demo = syncstate.is_demo_platform(store)
        if demo:
            parts.insert(0, self.tr("Demo platform"))
        tooltip = [self.tr("Last successful sync: {when}").format(when=when),
                   self.tr("Changes waiting to be sent: {n}").format(n=pending)]
        if demo:
            tooltip.insert(0, self.tr(
                "This is a demo platform running on this computer, filled with the demo "
                "community. A real office connects to its council's platform instead."))
        if self.last_error:
            tooltip.append(self.tr("Last problem: {text}").format(text=self.last_error))
        return " · ".join(parts), "\n".join(tooltip)

    def refresh_status(self) -> None:
        self.status_changed.emit(*self.status())


def _local_time(iso: str) -> str:
    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return iso
    return moment.strftime("%d.%m %H:%M")
