"""The store's own invariants, beyond what SQLite checks by itself.

`hromada-desk check` runs these. Each yields plain-language problems; an empty result means
the file is sound. They are the invariants sync relies on, so a failure here explains a sync
failure before it happens.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from desktop.store.ids import attendance_id
from desktop.store.schema import RECORD_TABLES, SEARCH_KINDS

MAX_PER_CHECK = 20


def _limited(rows: list, describe) -> Iterator[str]:  # type: ignore[no-untyped-def]
    for row in rows[:MAX_PER_CHECK]:
        yield describe(row)
    if len(rows) > MAX_PER_CHECK:
        yield f"... and {len(rows) - MAX_PER_CHECK} more like the above"


def sqlite_problems(conn: sqlite3.Connection) -> Iterator[str]:
    result = [r[0] for r in conn.execute("PRAGMA integrity_check(50)")]
    if result != ["ok"]:
        yield from (f"SQLite integrity: {r}" for r in result)
    fk = conn.execute("PRAGMA foreign_key_check").fetchall()
    yield from _limited(
        fk, lambda r: f"{r[0]} row {r[1]} points to a missing {r[2]} record (foreign key)"
    )


def change_log_problems(conn: sqlite3.Connection) -> Iterator[str]:
    """Every record has exactly `version` log entries, and every entry has its record."""
    for table in RECORD_TABLES:
        bad = conn.execute(
            f"""SELECT t.id, t.version, coalesce(l.n, 0) FROM [{table}] AS t
                LEFT JOIN (SELECT record_id, count(*) AS n FROM change_log
                           WHERE table_name = ? GROUP BY record_id) AS l
                ON l.record_id = t.id
                WHERE coalesce(l.n, 0) != t.version""",
            (table,),
        ).fetchall()
        yield from _limited(
            bad,
            lambda r, t=table: f"{t} {r[0]} is at version {r[1]} but the change log has "
            f"{r[2]} entries for it",
        )
    orphans = conn.execute(
        "SELECT DISTINCT table_name, record_id FROM change_log AS c WHERE NOT EXISTS ("
        + " UNION ALL ".join(
            f"SELECT 1 FROM [{t}] WHERE c.table_name = '{t}' AND id = c.record_id"
            for t in RECORD_TABLES
        )
        + ")"
    ).fetchall()
    yield from _limited(orphans, lambda r: f"change log entry for missing {r[0]} {r[1]}")


def search_index_problems(conn: sqlite3.Connection) -> Iterator[str]:
    for table in SEARCH_KINDS:
        missing = conn.execute(
            f"SELECT id FROM [{table}] WHERE deleted = 0 AND id NOT IN "
            "(SELECT record_id FROM search_docs)"
        ).fetchall()
        yield from _limited(missing, lambda r, t=table: f"{t} {r[0]} is missing from search")
    stale = conn.execute(
        "SELECT kind, record_id FROM search_docs AS d WHERE NOT EXISTS ("
        + " UNION ALL ".join(
            f"SELECT 1 FROM [{t}] WHERE d.kind = '{t}' AND id = d.record_id AND deleted = 0"
            for t in SEARCH_KINDS
        )
        + ")"
    ).fetchall()
    yield from _limited(stale, lambda r: f"search finds {r[0]} {r[1]}, which is gone")
    try:
        # FTS5's own check that the index matches its content table; it is a write
        # statement in form only, so run it in a savepoint that is always rolled back.
        conn.execute("SAVEPOINT fts_check")
        conn.execute("INSERT INTO search_docs_fts(search_docs_fts) VALUES('integrity-check')")
    except sqlite3.DatabaseError as exc:
        yield f"the search index does not match its documents ({exc}); run check --repair"
    finally:
        conn.execute("ROLLBACK TO fts_check")
        conn.execute("RELEASE fts_check")


def attendance_problems(conn: sqlite3.Connection) -> Iterator[str]:
    bad = []
    for record_id, person_id, event_id in conn.execute(
        "SELECT id, person_id, event_id FROM attendance"
    ):
        if record_id != attendance_id(person_id, event_id):
            bad.append((record_id, person_id, event_id))
    yield from _limited(
        bad, lambda r: f"attendance {r[0]} does not have the id of person {r[1]} x event {r[2]}"
    )


def attachment_problems(conn: sqlite3.Connection, attachments_dir: Path) -> Iterator[str]:
    bad = []
    for record_id, sha, name in conn.execute(
        "SELECT id, sha256, filename FROM attachments WHERE deleted = 0"
    ):
        path = attachments_dir / sha[:2] / sha
        if not path.is_file():
            bad.append(f"attachment {name} ({record_id}) has no file in the data folder")
        elif hashlib.sha256(path.read_bytes()).hexdigest() != sha:
            bad.append(f"attachment {name} ({record_id}) file does not match its hash")
    yield from _limited(bad, str)


def all_problems(conn: sqlite3.Connection, attachments_dir: Path) -> Iterator[str]:
    yield from sqlite_problems(conn)
    yield from change_log_problems(conn)
    yield from search_index_problems(conn)
    yield from attendance_problems(conn)
    yield from attachment_problems(conn, attachments_dir)
