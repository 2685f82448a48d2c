"""One running app per data folder: a second launch brings the first window to the front.

Why: two copies on one store would each run sync and the daily backup, and a hub
administrator who double-clicks the icon again (because the first start looked slow) must not
end up with two windows showing different states. The name is derived from the data folder,
so two folders (a real office and a demo) can still run side by side.

How: a lock file in the data folder says whether a copy runs (`claim`, at once, with Qt's
QLockFile, which takes over the lock of a copy that crashed). Only a second launch, which finds
it taken, talks to the first over a local socket; the first starts listening once its window
is up. The sockets (QtNetwork and hashlib) took ~17 ms of every start (issue 11).
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalSocket

CONNECT_TIMEOUT_MS = 500
#: How long a second launch keeps asking a first copy that is still starting.
STARTING_COPY_WAIT_S = 5.0
MESSAGE = b"show\n"
LOCK_NAME = ".hromada-desk.lock"


def claim(data_folder: Path) -> tuple[QLockFile | None, bool]:
    """(the folder's lock, held while the app runs; whether another copy holds it).

    A lock left by a copy that crashed is taken over (its process is gone). A folder where no
    lock can be made (missing, read-only) gives (None, False): opening the store says why."""
    lock = QLockFile(str(data_folder / LOCK_NAME))
    lock.setStaleLockTime(0)  # only a dead owner makes a lock stale, never its age
    if lock.tryLock(0):
        return lock, False
    return None, lock.error() == QLockFile.LockError.LockFailedError


def ask_running_copy(data_folder: Path, wait_s: float = STARTING_COPY_WAIT_S) -> bool:
    """A second launch: ask the copy that holds the lock to come forward (it may still be
    starting, so ask again for a while). False if none answered."""
    deadline = time.monotonic() + wait_s
    while True:
        if notify_running(data_folder):
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.1)


def server_name(data_folder: Path) -> str:
    import hashlib

    digest = hashlib.sha256(str(data_folder.resolve()).encode("utf-8")).hexdigest()[:16]
    user = os.environ.get("USER") or os.environ.get("USERNAME") or "user"
    return f"hromada-desk-{user}-{digest}"


def notify_running(data_folder: Path) -> bool:
    """True if another copy runs on this folder (it has been asked to come forward)."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(server_name(data_folder))
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    socket.write(MESSAGE)
    socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
    socket.disconnectFromServer()
    return True


class InstanceGuard(QObject):
    """Listens for later launches on the same data folder; `activated` asks for the window."""

    activated = Signal()

    def __init__(self, data_folder: Path, parent: QObject | None = None) -> None:
        from PySide6.QtNetwork import QLocalServer

        super().__init__(parent)
        self.name = server_name(data_folder)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self.server.listen(self.name):
            # A copy that crashed leaves its socket file behind on Unix: clear it, try again.
            QLocalServer.removeServer(self.name)  # (only the lock's holder gets here)
            self.server.listen(self.name)
        self.server.newConnection.connect(self._connected)
        self._sockets: list[QLocalSocket] = []

    @property
    def listening(self) -> bool:
        return self.server.isListening()

    def _connected(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._sockets.append(socket)  # kept here, closed with the guard
            socket.readyRead.connect(self._read)

    def _read(self) -> None:
        for socket in list(self._sockets):
            if socket.bytesAvailable() and bytes(socket.readAll().data()).startswith(
                    MESSAGE.strip()):
                self.activated.emit()
            if socket.state() == socket.LocalSocketState.UnconnectedState:
                self._sockets.remove(socket)

    def close(self) -> None:
        for socket in self._sockets:
            socket.abort()
        self._sockets.clear()
        self.server.close()
