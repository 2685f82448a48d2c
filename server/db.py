"""The platform's database: SQLite by default, PostgreSQL in production, one SQL dialect.

The service keeps no state between requests (every request opens its transaction here), so
several processes can serve the same PostgreSQL database behind a load balancer.

Revs (the change-feed sequence) must never be skipped by a pulling device, though writers
commit in another order than they took them (docs/sync-protocol.md, "the gap problem"):
- SQLite has one writer at a time (BEGIN IMMEDIATE): revs commit in the order taken.
- PostgreSQL: writers run side by side. Each marks the revs it took "in flight" (an advisory
  lock its transaction holds until it ends, `Tx.take_revs`), and a reader first waits for the
  writers in flight below the newest rev, then reads no further than that rev
  (`Tx.feed_horizon`). So a reader never sees a rev before every smaller one has been
  committed or rolled back.
Other writes that must not run side by side (enrolment codes, files) take one database-wide
lock (`transaction(write=True)`; PostgreSQL: a transaction-scoped advisory lock).
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

WRITE_LOCK_KEY = 0x48524D44  # advisory lock id shared by every server process
#: PostgreSQL: held by a writer for the microseconds it takes revs and marks them in flight,
#: and (shared) by a reader while it reads the newest rev and what is in flight, so a reader
#: never sees revs taken but not yet marked.
FEED_LOCK_KEY = WRITE_LOCK_KEY + 1
#: PostgreSQL: the advisory lock `IN_FLIGHT + first rev` is held by the transaction that took
#: those revs until it commits or rolls back (above every other key this platform uses).
IN_FLIGHT = 1 << 62
#: PostgreSQL connections each platform process keeps open, and the most it opens. Opening one
#: costs both sides about 7 ms of CPU (the password's SCRAM exchange, a new server process),
#: so they are opened when the process starts and kept. Bounded, because every connection is
#: a process on the database server, and PostgreSQL allows 100 by default: with a connection
#: per thread (uvicorn's pool has 40) two platform processes could take 80.
POOL_MIN_SIZE = 4
POOL_MAX_SIZE = 10
#: Seconds a request waits for a free connection before the platform answers 503 `busy`
#: (a device's transport sends it again after a pause).
POOL_TIMEOUT_S = 30.0

#: PostgreSQL's side of the feed: a sequence (taking revs locks no row, so writers need not
#: wait for each other to commit), and the two functions writers and readers call.
PG_FEED = [
    "CREATE SEQUENCE IF NOT EXISTS records_rev_seq",
    f"""CREATE OR REPLACE FUNCTION hromada_take_revs(n bigint) RETURNS bigint
    LANGUAGE plpgsql AS $$
    DECLARE first bigint;
    BEGIN
      PERFORM pg_advisory_lock({FEED_LOCK_KEY});
      BEGIN
        first := nextval('records_rev_seq');
        IF n > 1 THEN
          PERFORM setval('records_rev_seq', first + n - 1);
        END IF;
        PERFORM pg_advisory_xact_lock({IN_FLIGHT} + first);
      EXCEPTION WHEN OTHERS THEN
        PERFORM pg_advisory_unlock({FEED_LOCK_KEY});
        RAISE;
      END;
      PERFORM pg_advisory_unlock({FEED_LOCK_KEY});
      RETURN first;
    END $$""",
    f"""CREATE OR REPLACE FUNCTION hromada_feed_horizon() RETURNS bigint
    LANGUAGE plpgsql AS $$
    DECLARE newest bigint; waiting bigint[]; k bigint;
    BEGIN
      PERFORM pg_advisory_lock_shared({FEED_LOCK_KEY});
      SELECT CASE WHEN is_called THEN last_value ELSE 0 END INTO newest FROM records_rev_seq;
      SELECT array_agg((l.classid::bigint << 32) | l.objid::bigint) INTO waiting
        FROM pg_locks AS l
        WHERE l.locktype = 'advisory' AND l.objsubid = 1 AND l.granted
          AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND l.classid::bigint >= {IN_FLIGHT >> 32} AND l.pid <> pg_backend_pid();
      PERFORM pg_advisory_unlock_shared({FEED_LOCK_KEY});
      IF waiting IS NOT NULL THEN
        FOREACH k IN ARRAY waiting LOOP
          PERFORM pg_advisory_lock_shared(k);  -- until that writer commits or rolls back
          PERFORM pg_advisory_unlock_shared(k);
        END LOOP;
      END IF;
      RETURN newest;
    END $$""",
]

SCHEMA = [
    """CREATE TABLE IF NOT EXISTS devices (
        id TEXT PRIMARY KEY, token_hash TEXT UNIQUE NOT NULL, office_id TEXT, role TEXT NOT NULL,
        name TEXT, enrolled_at TEXT NOT NULL, revoked_at TEXT,
        last_mutation BIGINT NOT NULL DEFAULT 0, last_seen_at TEXT)""",
    """CREATE TABLE IF NOT EXISTS enrollment_codes (
        code_hash TEXT PRIMARY KEY, office_id TEXT, role TEXT NOT NULL, expires_at TEXT NOT NULL,
        used_at TEXT, used_by TEXT)""",
    """CREATE TABLE IF NOT EXISTS records (
        tbl TEXT NOT NULL, id TEXT NOT NULL, office_id TEXT, shared INTEGER NOT NULL,
        data TEXT NOT NULL, field_meta TEXT NOT NULL, rev BIGINT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0, hlc TEXT, updated_at TEXT NOT NULL,
        PRIMARY KEY (tbl, id))""",
    "CREATE UNIQUE INDEX IF NOT EXISTS records_rev ON records(rev)",
    "CREATE INDEX IF NOT EXISTS records_scope ON records(office_id, rev)",
    # The shared records' part of a pull's feed. Partial: most records are one office's,
    # and each index a record is in costs every push time.
    "DROP INDEX IF EXISTS records_shared",
    "CREATE INDEX IF NOT EXISTS records_shared_rev ON records(rev) WHERE shared = 1",
    "CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL)",
    # Which change each device's mutation number carried: a number sent again with another
    # change means the device's store went back in time (a restored backup, a power cut, a
    # copied folder), and the device must renumber instead of having its changes dropped
    # as "duplicates" (docs/sync-protocol.md, "Diverged outboxes").
    """CREATE TABLE IF NOT EXISTS device_changes (
        device_id TEXT NOT NULL, mutation BIGINT NOT NULL, change_id TEXT NOT NULL,
        PRIMARY KEY (device_id, mutation))""",
    """CREATE TABLE IF NOT EXISTS blob_parts (
        sha256 TEXT NOT NULL, start BIGINT NOT NULL, data {blob} NOT NULL,
        PRIMARY KEY (sha256, start))""",
    # Who may read a stored file: the offices (or the council) whose devices uploaded it
    # whole. Naming a hash in a record gives no access; uploading the file's bytes does.
    """CREATE TABLE IF NOT EXISTS blob_access (
        sha256 TEXT NOT NULL, holder TEXT NOT NULL, PRIMARY KEY (sha256, holder))""",
    """CREATE TABLE IF NOT EXISTS blobs (
        sha256 TEXT PRIMARY KEY, size BIGINT NOT NULL, data {blob} NOT NULL,
        received_at TEXT NOT NULL)""",
    # The council's web console (server/console): staff accounts, their sessions (only a
    # hash of each session's token) and recent failed logins (rate limiting).
    """CREATE TABLE IF NOT EXISTS console_staff (
        id TEXT PRIMARY KEY, login TEXT UNIQUE NOT NULL, name TEXT NOT NULL, role TEXT NOT NULL,
        password_hash TEXT NOT NULL, created_at TEXT NOT NULL, disabled_at TEXT)""",
    """CREATE TABLE IF NOT EXISTS console_sessions (
        token_hash TEXT PRIMARY KEY, staff_id TEXT NOT NULL, csrf TEXT NOT NULL,
        last_seen_at TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS console_login_failures (
        login TEXT NOT NULL, address TEXT NOT NULL, at TEXT NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS console_login_failures_at ON console_login_failures(at)",
]


def _copy_field(value: Any) -> str:
    if value is None:
        return "\\N"
    if type(value) is not str:
        return str(int(value))
    if "\\" in value or "\t" in value or "\n" in value or "\r" in value:
        value = value.replace("\\", "\\\\").replace("\t", "\\t").replace(
            "\n", "\\n").replace("\r", "\\r")
    return value


def copy_line_start(values: Sequence[str | int | None]) -> str:
    """The start of a line of PostgreSQL's COPY text format: these values (text, whole
    numbers, None), each followed by a tab. The caller adds the last value and the line
    break (`Tx.copy_lines`): a push prepares its rows while planning, and only the
    revision, the last column, waits until it writes."""
    return "".join([_copy_field(v) + "\t" for v in values])


class Tx:
    """A cursor-like wrapper that speaks `?` placeholders on both engines."""

    def __init__(self, conn: Any, postgres: bool) -> None:
        self._conn = conn
        self._pg = postgres

    @property
    def postgres(self) -> bool:
        return self._pg

    def copy_lines(self, table: str, columns: Sequence[str], lines: Sequence[str]) -> None:
        """PostgreSQL only: COPY lines already in its text format (`copy_line_start`)."""
        with self._conn.cursor() as cursor, \
                cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            copy.write("".join(lines))  # encoded as the connection's encoding

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        if self._pg:
            sql = sql.replace("?", "%s")
        return self._conn.execute(sql, tuple(params))

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if self._pg:
            with self._conn.cursor() as cursor:
                cursor.executemany(sql.replace("?", "%s"), [tuple(r) for r in rows])
        else:
            self._conn.executemany(sql, [tuple(r) for r in rows])

    def where_in(self, column: str, values: Sequence[Any]) -> tuple[str, list[Any]]:
        """`column` is one of `values`: one array parameter on PostgreSQL (the statement
        is the same whatever the number, so psycopg parses and plans it once), a list of
        placeholders on SQLite (keep `values` under its limit of 999)."""
        if self._pg:
            joined = ",".join(values) if all(type(v) is str for v in values) else None
            if values and joined is not None and joined.count(",") == len(values) - 1:
                # Text ids without commas (every record id: wire.ID_PATTERN): one text the
                # database splits. As an array, psycopg's Python dumped each of a push's
                # thousand ids one by one, 7 % of a push's time on the platform.
                return f"{column} = ANY(string_to_array(?, ','))", [joined]
            return f"{column} = ANY(?)", [list(values)]
        return f"{column} IN ({', '.join('?' for _ in values)})", list(values)

    def insert_rows(self, table: str, columns: Sequence[str],
                    rows: Sequence[Sequence[Any]]) -> None:
        """Insert many rows at once. PostgreSQL: COPY, whose rows psycopg writes in C (a
        pipelined executemany spends 50 µs of Python on each row);
        SQLite: executemany, already a loop in C."""
        if not rows:
            return
        names = ", ".join(columns)
        if self._pg:
            with self._conn.cursor() as cursor, \
                    cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join("?" for _ in columns)
            self._conn.executemany(f"INSERT INTO {table}({names}) VALUES({marks})",
                                   [tuple(r) for r in rows])

    def lock_writes(self) -> None:
        """Take the platform's write lock now, in a transaction begun with
        `transaction(write=True, lock_now=False)` (SQLite's BEGIN IMMEDIATE took it already)."""
        if self._pg:
            self._conn.execute(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")

    def lock_device(self, device_id: str) -> tuple | None:
        """Lock a device's row for this transaction (PostgreSQL; SQLite's writer holds
        everything already) and return its (last_mutation, office_id, role, revoked_at).

        Every writer that changes a device's row locks it *first*: a push holds it while it
        writes its records, so a revocation that took the platform's write lock first and
        then waited for the row could meet a writer waiting the other way round."""
        return self.one("SELECT last_mutation, office_id, role, revoked_at FROM devices "
                        "WHERE id = ?" + (" FOR UPDATE" if self._pg else ""), (device_id,))

    def one(self, sql: str, params: Sequence[Any] = ()) -> tuple | None:
        return self.execute(sql, params).fetchone()

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        return list(self.execute(sql, params).fetchall())

    def take_revs(self, count: int) -> int:
        """Take `count` consecutive revs for this transaction's writes; returns the first.

        PostgreSQL: from a sequence, marked in flight until this transaction ends (a
        rollback to a savepoint taken before unmarks them too), and no row is locked, so
        other writers go on. SQLite: its writer is alone, a counter does."""
        if self._pg:
            row = self.one(f"SELECT hromada_take_revs({int(count)})")
            assert row is not None
            return int(row[0])
        row = self.one("UPDATE counters SET value = value + ? WHERE name = 'rev' "
                       "RETURNING value", (count,))
        assert row is not None
        return int(row[0]) - count + 1

    def next_rev(self) -> int:
        return self.take_revs(1)

    def feed_horizon(self) -> int | None:
        """The newest rev a reader may read up to: every rev up to it is committed or
        rolled back (PostgreSQL: after waiting for the writers in flight below it). Call it
        before reading the feed, in READ COMMITTED (the next statement's snapshot sees what
        those writers committed). None: no limit (SQLite's readers see whole writes)."""
        if not self._pg:
            return None
        row = self.one("SELECT hromada_feed_horizon()")
        assert row is not None
        return int(row[0])


class ServerDB:
    def __init__(self, url: str) -> None:
        self.url = url
        parsed = urlparse(url)
        if parsed.scheme == "sqlite":
            self.postgres = False
            raw = url[len("sqlite:///"):] if url.startswith("sqlite:///") else parsed.path
            self.path = Path(raw)
            self.path.parent.mkdir(parents=True, exist_ok=True)
        elif parsed.scheme in ("postgresql", "postgres"):
            self.postgres = True
            self.path = None  # type: ignore[assignment]
        else:
            raise ValueError(
                f"unsupported database URL {url!r}: use sqlite:///path or postgresql://..."
            )
        #: SQLite: a connection per thread, reused (uvicorn's thread pool serves many requests).
        self._local = threading.local()
        #: PostgreSQL: a pool shared by the process's threads (POOL_MIN_SIZE).
        self._pool: Any = None
        if self.postgres:
            import psycopg
            from psycopg_pool import ConnectionPool

            # One connection first: a database that cannot be reached is its own error (a
            # wrong password, no such host) at once, not the pool's timeout later.
            psycopg.connect(url, autocommit=True).close()
            self._pool = ConnectionPool(
                url, min_size=POOL_MIN_SIZE, max_size=POOL_MAX_SIZE, timeout=POOL_TIMEOUT_S,
                kwargs={"autocommit": True}, name="hromada-platform", open=False)
            try:
                self._pool.open(wait=True, timeout=POOL_TIMEOUT_S)
            except Exception:
                self._pool.close()
                raise
        self.create_schema()

    # -- connections ----------------------------------------------------------------------

    def _connect(self) -> Any:
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None,
                               check_same_thread=False)
        conn.execute("PRAGMA journal_mode = WAL")
        # FULL: a push the platform acknowledged survives a power cut; the device has already
        # marked those changes delivered, so losing them here would lose them everywhere.
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA busy_timeout = 30000")
        return conn

    def _conn(self) -> Any:
        """SQLite: this thread's connection."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect()
            self._local.conn = conn
        return conn

    @property
    def retry_errors(self) -> tuple[type[Exception], ...]:
        """What a write that may succeed when planned again raises on this engine: a
        unique key broken by another writer's row, and (PostgreSQL) a deadlock, where the
        database gave up this writer so the other could go on."""
        if self.postgres:
            import psycopg

            return (psycopg.IntegrityError, psycopg.errors.DeadlockDetected)
        return (sqlite3.IntegrityError,)

    @contextlib.contextmanager
    def transaction(self, write: bool = False, lock_now: bool = True) -> Iterator[Tx]:
        """A transaction. `write` ones are SQLite's one writer; on PostgreSQL they hold the
        platform's write lock until they end, or with `lock_now=False` only from
        `Tx.lock_writes()` (a push never takes it: see the module's docstring)."""
        if self.postgres:
            # Back to the pool at the end; one that broke meanwhile is replaced.
            with self._pool.connection() as conn:
                yield from self._transaction(conn, write, lock_now)
        else:
            yield from self._transaction(self._conn(), write, lock_now)

    def _transaction(self, conn: Any, write: bool, lock_now: bool) -> Iterator[Tx]:
        try:
            if self.postgres:
                # One round trip for both (a statement without parameters may hold two):
                # the lock is held until COMMIT, and every round trip under it is waited
                # for by every other writer.
                conn.execute("BEGIN ISOLATION LEVEL READ COMMITTED" + (
                    f"; SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})"
                    if write and lock_now else ""))
            else:
                conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            yield Tx(conn, self.postgres)
        except BaseException:
            with contextlib.suppress(Exception):
                conn.execute("ROLLBACK")
            raise
        else:
            conn.execute("COMMIT")

    def create_schema(self) -> None:
        blob = "BYTEA" if self.postgres else "BLOB"
        with self.transaction(write=True) as tx:
            for statement in SCHEMA:
                tx.execute(statement.format(blob=blob))
            # Added after the first release: which device's copy a record now equals (the
            # pull does not send that device its own record back).
            if self.postgres:
                tx.execute("ALTER TABLE records ADD COLUMN IF NOT EXISTS echo_device TEXT")
            elif "echo_device" not in {r[1] for r in tx.all("PRAGMA table_info(records)")}:
                tx.execute("ALTER TABLE records ADD COLUMN echo_device TEXT")
            if tx.one("SELECT value FROM counters WHERE name = 'rev'") is None:
                tx.execute("INSERT INTO counters(name, value) VALUES('rev', 0)")
            if self.postgres:
                for statement in PG_FEED:
                    tx.execute(statement)
                _catch_up_sequence(tx)
            if tx.one("SELECT value FROM counters WHERE name = 'purged_rev'") is None:
                tx.execute("INSERT INTO counters(name, value) VALUES('purged_rev', 0)")

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None


def _catch_up_sequence(tx: Tx) -> None:
    """Move PostgreSQL's rev sequence past every rev already given: those a platform took
    from the `counters` row before it had the sequence, and any in the records. Under the
    feed lock until the schema's transaction ends: no writer takes revs in between."""
    tx.execute(f"SELECT pg_advisory_xact_lock({FEED_LOCK_KEY})")
    row = tx.one("SELECT greatest((SELECT CASE WHEN is_called THEN last_value ELSE 0 END "
                 "FROM records_rev_seq), (SELECT coalesce(max(rev), 0) FROM records), "
                 "(SELECT value FROM counters WHERE name = 'rev'))")
    if row is not None and int(row[0]) > 0:
        tx.execute("SELECT setval('records_rev_seq', ?)", (int(row[0]),))


def default_sqlite_url() -> str:
    import platformdirs

    folder = Path(platformdirs.user_data_dir("HromadaServer", "Hromada"))
    return f"sqlite:///{folder / 'platform.sqlite3'}"
