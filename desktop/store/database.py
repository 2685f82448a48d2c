"""Opening the local database: connection settings, migrations, and the backup before them."""

from __future__ import annotations

import contextlib
import functools
import itertools
import logging
import os
import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.store import reach, schema
from desktop.store.clock import HybridClock
from desktop.store.errors import NewerDatabaseError, NotADatabaseError, StoreError
from desktop.store.ids import new_id

BUSY_TIMEOUT_MS = 5000
#: Pages kept in memory per connection (KiB). SQLite's default, 2 MB, is smaller than the
#: search index's pages one keystroke reads on a big store: each search re-read them from
#: the OS (a system call per page). 32 MB keeps them; an old laptop has room for it.
CACHE_KIB = 32 * 1024
APPLICATION_ID = 0x48524D44  # "HRMD": marks the file as ours in its SQLite header


SQLITE_MAGIC = b"SQLite format 3\x00"


def read_user_version(path: Path) -> int:
    """Read the schema version from the file header without opening it with SQLite.

    Opening would be a change (a WAL file, a shared-memory file); a database from a newer
    app must be refused before anything like that happens. Offsets are from SQLite's file
    format: user_version at 60, application_id at 68, both big-endian.
    """
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise NotADatabaseError(f"{path} cannot be read ({exc.strerror})") from exc
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise NotADatabaseError(f"{path} is not a Hromada Desk database")
    version = int.from_bytes(header[60:64], "big")
    app_id = int.from_bytes(header[68:72], "big")
    if app_id not in (0, APPLICATION_ID) or (app_id == 0 and version):
        raise NotADatabaseError(f"{path} is an SQLite file but not a Hromada Desk database")
    if app_id == 0 and int.from_bytes(header[28:32], "big") > 1:
        raise NotADatabaseError(f"{path} is an SQLite file but not a Hromada Desk database")
    return version


PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


def make_private(path: Path) -> None:
    """Create `path` (if missing) readable and writable by its owner only, or narrow an
    existing one. SQLite gives its -wal and -shm files the database file's mode, so this
    covers them too. The file holds residents' names and phones: another account on a shared
    or stolen laptop must not read it (on Windows the profile folder's ACL does this job)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, PRIVATE_FILE)
        os.close(fd)
        if path.stat().st_mode & 0o077:
            os.chmod(path, PRIVATE_FILE)
    except OSError:
        pass  # a read-only medium or a file of another user: SQLite reports what matters


def make_private_folder(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    if os.name == "posix":
        with contextlib.suppress(OSError):
            if folder.stat().st_mode & 0o077:
                os.chmod(folder, PRIVATE_FOLDER)


def backup_file(source: Path, target: Path) -> Path:
    """Copy a live database consistently with SQLite's online backup API."""
    make_private_folder(target.parent)
    tmp = target.with_name(target.name + ".part")
    tmp.unlink(missing_ok=True)
    make_private(tmp)
    with (
        contextlib.closing(connect(source)) as src,
        contextlib.closing(sqlite3.connect(tmp)) as dst,
    ):
        src.backup(dst)
    tmp.replace(target)
    return target


def _timestamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S")


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    # FULL, not NORMAL: with WAL, NORMAL keeps the database consistent after a power cut but
    # may lose the last commits, i.e. a check-in the screen showed as saved. Village laptops
    # lose power; an fsync per commit costs about a millisecond (docs/reliability.md).
    conn.execute("PRAGMA synchronous = FULL")
    # Removed text is overwritten, not left in free space: a resident who asked to be
    # forgotten must not stay readable in the file (desktop/store/forget.py).
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    return conn


if TYPE_CHECKING:
    import sqlite_utils

_savepoints = itertools.count(1)


log = logging.getLogger(__name__)


class Database:
    """One open database file with its schema up to date.

    Holds the sqlite-utils Database, the device identity and the hybrid clock. The record
    write path lives in `desktop.store.records`; this class only owns the connection.
    """

    def __init__(self, path: Path, backups_dir: Path | None = None) -> None:
        #: Record tables written in the transaction under way (see `on_commit`).
        self._touched: set[str] = set()
        self._commit_listeners: list[Callable[[frozenset[str]], None]] = []
        self.path = Path(path)
        self.backups_dir = backups_dir or self.path.parent / "backups"
        existed = self.path.exists() and self.path.stat().st_size > 0
        version = read_user_version(self.path) if existed else 0
        target = len(schema.MIGRATIONS)
        if version > target:
            raise NewerDatabaseError(
                f"{self.path} was created by a newer version of Hromada Desk (schema "
                f"{version}, this version knows {target}). Update the app; the file "
                "has not been changed."
            )
        if existed and 0 < version < target:
            self.migration_backup: Path | None = backup_file(
                self.path, self.backups_dir / f"before-migration-v{version}-{_timestamp()}.sqlite3"
            )
        else:
            self.migration_backup = None
        make_private_folder(self.path.parent)
        make_private(self.path)
        self.conn = connect(self.path)
        # The header can lag behind a WAL that was never checkpointed: ask SQLite too.
        version = self.schema_version
        if version > target:
            self.conn.close()
            raise NewerDatabaseError(
                f"{self.path} was created by a newer version of Hromada Desk; the file has "
                "not been changed."
            )
        if self.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            self.conn.execute("PRAGMA journal_mode = wal")
        self._migrate(version)
        # False only while a test holds the schema at an older version.
        self.keeps_reach = self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'reach_dirty'").fetchone() is not None
        self.clock: HybridClock | None = None
        self.device_id = self._ensure_meta("device_id", new_id)
        self.clock = HybridClock(self.device_id, self.get_meta("hlc"))

    # -- transactions -------------------------------------------------------------------

    @functools.cached_property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils over the same connection, for the schema and its migrations. Made
        on first use: importing sqlite-utils (and its plugin system) is a sixth of start-up,
        and the record write path does not need it."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    @contextlib.contextmanager
    def _savepoint(self) -> Iterator[None]:
        name = f"sp_{next(_savepoints)}"
        self.conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            # A RAISE(ROLLBACK) can end the whole transaction, savepoints included.
            if self.conn.in_transaction:
                self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                self.conn.execute(f"RELEASE SAVEPOINT {name}")
            raise
        else:
            self.conn.execute(f"RELEASE SAVEPOINT {name}")

    @contextlib.contextmanager
    def write(self, *, reach_now: bool = True) -> Iterator[None]:
        """A write transaction; nested calls become savepoints of the outer one.

        BEGIN IMMEDIATE takes the write lock up front, so a second process (a CLI backup, a
        scheduled sync) waits on the busy timeout instead of failing mid-transaction.

        `reach_now=False` leaves the report's rows of people reached to a later commit (a
        pulled page with more to come: the last one brings them up to date for all), as
        long as fewer than `reach.DEFER_AT_MOST` people wait; reports bring them up to date
        first in any case (`reach.ensure_fresh`).
        """
        if self.conn.in_transaction:
            with self._savepoint():
                yield
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._touched = set()
        try:
            yield
            # The report's tables of people reached follow the check-ins in the same commit.
            if self.keeps_reach and (reach_now or not reach.may_defer(self.conn)):
                reach.refresh(self.conn)
            self._persist_clock()
        except BaseException:
            self._touched = set()
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")
            touched, self._touched = frozenset(self._touched), set()
            for listener in list(self._commit_listeners) if touched else ():
                try:
                    listener(touched)
                except Exception:  # the write is committed: a listener must not undo that
                    log.exception("a commit listener failed")

    # -- who hears of a commit --------------------------------------------------------------

    def on_commit(self, listener: Callable[[frozenset[str]], None]) -> None:
        """Call `listener(tables)` after every commit that wrote records, with the tables.

        Why here: the store's one write path knows exactly what a write changed, so the app
        tells its screens once, from one place, instead of every caller naming the tables it
        thinks it touched (and forgetting one). Listeners run after COMMIT, outside the
        transaction, on the thread that wrote."""
        self._commit_listeners.append(listener)

    def remove_commit_listener(self, listener: Callable[[frozenset[str]], None]) -> None:
        with contextlib.suppress(ValueError):
            self._commit_listeners.remove(listener)

    def touch(self, *tables: str) -> None:
        """Count `tables` as written by this transaction although nothing was logged (local
        tables such as the dismissed duplicates)."""
        self._touched.update(tables)

    def _persist_clock(self) -> None:
        if self.clock is None:
            return
        self.conn.execute(
            "INSERT INTO meta(key, value) VALUES('hlc', ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (self.clock.last,),
        )

    # -- meta -----------------------------------------------------------------------------

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str | None) -> None:
        with self.write():
            if value is None:
                self.conn.execute("DELETE FROM meta WHERE key = ?", (key,))
            else:
                self.conn.execute(
                    "INSERT INTO meta(key, value) VALUES(?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (key, value),
                )

    def _ensure_meta(self, key: str, make: type[str] | object) -> str:
        value = self.get_meta(key)
        if value is None:
            value = make()  # type: ignore[operator]
            self.set_meta(key, value)
        return value

    # -- migrations -----------------------------------------------------------------------

    def _migrate(self, current: int) -> None:
        for number in range(current, len(schema.MIGRATIONS)):
            migration = schema.MIGRATIONS[number]
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                migration(self.db)
                self.conn.execute(f"PRAGMA user_version = {number + 1}")
                self.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                self.conn.execute("COMMIT")
            except Exception as exc:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise StoreError(
                    f"Could not upgrade the database to schema {number + 1}: {exc}. "
                    f"The file was left at schema {number}."
                ) from exc

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.conn.execute("PRAGMA optimize")
        self.conn.close()


def open_reader(path: Path) -> sqlite3.Connection:
    """A read-only connection for a worker thread (lists, reports, exports).

    WAL lets it read a consistent snapshot while the UI thread's connection writes; each
    worker thread opens its own because a connection must not be shared across threads.
    """
    conn = sqlite3.connect(f"file:{Path(path).as_posix()}?mode=ro", uri=True,
                           timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA query_only = ON")
    return conn
