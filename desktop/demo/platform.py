"""A council platform on this computer for the demo, so a newcomer sees sync work.

`make run` calls `hromada-desk demo-platform` (start it, fill it, enroll the demo device) and
then opens the app; the app starts the platform again whenever it syncs and it is not
running, and stops it when the app closes. Everything lives in `<data folder>/demo-platform/`:
the platform's SQLite file, its port, its process id and its log, so a second `make run`
reuses both the platform and the device's enrollment.

How the platform gets the whole demo city while the device stays an ordinary office device:
a copy of the demo store, under a device id of its own, enrolls as the council and pushes
everything (offices, people of every office, events...). The demo store's own history is
then marked as already delivered (it is exactly what the copy sent), and the store enrolls
as its office's device. Its first sync pulls what the platform holds for that office.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import requests

from desktop.store import open_store, syncstate
from desktop.store.database import backup_file
from desktop.store.ids import new_id
from desktop.store.records import Store

DEMO_PLATFORM = syncstate.DEMO_PLATFORM
FOLDER = "demo-platform"
START_TIMEOUT = 30.0


class DemoPlatformError(Exception):
    """The demo platform cannot run here (said in plain words)."""


def is_demo(store: Store) -> bool:
    return syncstate.is_demo_platform(store)


def server_available() -> bool:
    """The platform is not part of the installed app (only of a checkout with `make run`)."""
    import importlib.util

    return all(importlib.util.find_spec(name) is not None
               for name in ("server", "fastapi", "uvicorn"))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class DemoPlatform:
    def __init__(self, data_root: Path) -> None:
        self.folder = data_root / FOLDER
        self.database = self.folder / "platform.sqlite3"
        self.pid_file = self.folder / "pid"
        self.port_file = self.folder / "port"
        self.log_file = self.folder / "platform.log"

    @property
    def db_url(self) -> str:
        return f"sqlite:///{self.database}"

    @property
    def port(self) -> int | None:
        try:
            return int(self.port_file.read_text().strip())
        except (OSError, ValueError):
            return None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # -- the process ------------------------------------------------------------------------

    def healthy(self) -> bool:
        if self.port is None:
            return False
        try:
            answer = requests.get(self.url + "/v1/health", timeout=1)
            return answer.ok and answer.json().get("status") == "ok"
        except (requests.RequestException, ValueError):
            return False

    def ensure_running(self) -> str:
        """Start the platform unless it already answers; returns its URL."""
        if self.healthy():
            return self.url
        if not server_available():
            raise DemoPlatformError(
                "the demo platform needs the server part of Hromada Desk, which this "
                "installation does not have (run the demo from a checkout with make run)")
        self.folder.mkdir(parents=True, exist_ok=True)
        port = self.port
        if port is None or not self._port_free(port):
            port = _free_port()
            self.port_file.write_text(str(port))
        with self.log_file.open("ab") as log:
            process = subprocess.Popen(
                [sys.executable, "-m", "server", "--db", self.db_url, "serve",
                 "--host", "127.0.0.1", "--port", str(port)],
                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                start_new_session=True)
        self.pid_file.write_text(str(process.pid))
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise DemoPlatformError(
                    f"the demo platform stopped at start; see {self.log_file}")
            if self.healthy():
                return self.url
            time.sleep(0.2)
        self.stop()
        raise DemoPlatformError(f"the demo platform did not start; see {self.log_file}")

    @staticmethod
    def _port_free(port: int) -> bool:
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                return False
        return True

    def stop(self) -> bool:
        """Stop the platform this data folder runs; True if one was running."""
        try:
            pid = int(self.pid_file.read_text().strip())
        except (OSError, ValueError):
            return False
        self.pid_file.unlink(missing_ok=True)
        try:
            os.kill(pid, signal.SIGTERM)
        except (ProcessLookupError, PermissionError):
            return False
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, os.WNOHANG)
            time.sleep(0.1)
        return True

    # -- filling it, and the device ---------------------------------------------------------

    def _code(self, office_id: str | None, role: str) -> str:
        from server import auth
        from server.db import ServerDB

        db = ServerDB(self.db_url)
        try:
            return auth.new_enrollment_code(db, office_id, role)
        finally:
            db.close()

    def set_up(self, store: Store, data_root: Path,
               progress: Callable[[str], None] = lambda _text: None) -> str:
        """Start the platform and enroll the demo store with it (once); returns the URL."""
        from desktop.sync.client import enroll

        url = self.ensure_running()
        if store.get_meta(syncstate.SERVER_URL):
            if not is_demo(store):
                raise DemoPlatformError(
                    "this data folder is connected to a real platform; the demo platform is "
                    "only for demo data folders")
            if store.get_meta(syncstate.SERVER_URL) != url:  # a new port this time
                store.set_meta(syncstate.SERVER_URL, url)
                store.set_meta(DEMO_PLATFORM, url)
            return url
        office = store.get_meta("office_id")
        if not office:
            raise DemoPlatformError("the demo data folder has no office; run the demo first")
        progress("filling the demo platform with the demo community")
        self._seed_from_copy(store, data_root)
        with store.write():
            # The copy delivered exactly these changes: they are history now, not outbox.
            store.conn.execute("UPDATE change_log SET mutation = NULL, origin = 'remote' "
                               "WHERE mutation IS NOT NULL")
            store.set_meta(syncstate.LAST_ACKED, "0")
        progress("enrolling the demo device")
        enroll(store, data_root, url, self._code(office, "office"))
        store.set_meta(DEMO_PLATFORM, url)
        return url

    def _seed_from_copy(self, store: Store, data_root: Path) -> None:
        seed_dir = self.folder / "council-seed"
        if not push_copy_as_council(store.path, seed_dir, self.url, self._code(None, "council")):
            raise DemoPlatformError("the demo platform could not be filled")
        # The copy (and its council token) has done its job: nothing of it stays behind.
        shutil.rmtree(seed_dir, ignore_errors=True)


def push_copy_as_council(source: Path, folder: Path, url: str, code: str) -> bool:
    """Fill a platform with everything a store holds: a copy of it in `folder`, under a
    device id and clock of its own, enrolls as the council with `code` and pushes it all.
    False if the platform was still not up to date after ten syncs. (The demo platform is
    filled this way, and the bench's first pull reads what this pushed.)"""
    from desktop.sync.client import enroll, sync_once

    folder.mkdir(parents=True, exist_ok=True)
    seed_db = folder / "hromada.sqlite3"
    for stale in folder.glob("hromada.sqlite3*"):
        stale.unlink()
    backup_file(source, seed_db)
    with contextlib.closing(sqlite3.connect(seed_db)) as conn, conn:
        conn.execute("UPDATE meta SET value = ? WHERE key = 'device_id'", (new_id(),))
        conn.execute("DELETE FROM meta WHERE key = 'hlc'")
    council = open_store(seed_db, folder / "backups")
    try:
        enroll(council, folder, url, code)
        return any(sync_once(council, folder).up_to_date for _attempt in range(10))
    finally:
        council.close()
