"""What the sync client reads from and writes to the local store.

The outbox is the change log itself: local changes with a mutation number above the last one
the platform acknowledged. Pulled rows are applied through the same write path as a user's
edit (row, change-log entry with origin 'remote', search index), together with the new cursor,
in one transaction: a crash mid-pull re-reads the page, never skips it.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from desktop.domain.errors import FieldError
from desktop.store import reach
from desktop.store.errors import StoreError
from desktop.store.ids import utc_now
from desktop.store.records import Store, _dumps, _encode
from desktop.store.schema import RECORD_TABLES

log = logging.getLogger(__name__)

LAST_ACKED = "sync.last_acked_mutation"
CURSOR = "sync.cursor"
SERVER_URL = "sync.server_url"
ROLE = "sync.role"
#: Set when this store may have lost records it once sent (a restored backup, a store that
#: went back in time): the next pull takes the device's own records too.
REREAD_OWN = "sync.reread_own"
#: Set (to its URL) on a store enrolled with the demo platform `make run` starts.
DEMO_PLATFORM = "demo.platform"
#: How many changes the next push carries, when a push was lost midway (the link could not
#: carry a bigger one): halved after each loss, doubled back after each push that passed.
PUSH_BATCH = "sync.push_batch"
#: How many changes the platform said it takes in one push (absent: not said yet).
PUSH_LIMIT = "sync.push_limit"
#: A change's share of a push besides its fields (ids, clock, numbers) in JSON, roughly.
CHANGE_ENVELOPE_BYTES = 200


class OutgoingChange(NamedTuple):
    """One change from this device's log, as the push sends it (`mutation` orders them).
    (NamedTuples here, not dataclasses: this module loads at every start; see `Hlc`.)"""

    mutation: int
    change_id: str
    table: str
    record_id: str
    op: str
    fields: dict[str, Any]
    base_rev: int | None
    hlc: str
    changed_at: str
    user_id: str | None


def is_set_up(store: Store) -> bool:
    """An office chosen, or a platform to take one from: the main window has something to
    open on. Otherwise the app starts with the first-run wizard."""
    return bool(store.get_meta("office_id") or store.get_meta(SERVER_URL))


def is_demo_platform(store: Store) -> bool:
    return bool(store.get_meta(DEMO_PLATFORM))


def last_acked(store: Store) -> int:
    return int(store.get_meta(LAST_ACKED, "0") or 0)


def pending_count(store: Store) -> int:
    return count_pending(store.conn, last_acked(store))


def count_pending(conn: sqlite3.Connection, acked: int) -> int:
    """How many of this device's changes the platform has not acknowledged.

    Why only the mutation: pulled rows have none, so no other test is needed, and this count
    is read from the mutation index alone. Asking the origin too made SQLite read every
    pending row of the table: 0.6 s on a store whose 1.3 million changes were never sent,
    spent by the home screen at every start."""
    row = conn.execute(
        "SELECT count(*) FROM change_log INDEXED BY idx_change_log_mutation WHERE mutation > ?",
        (acked,)).fetchone()
    return int(row[0])


def pending_changes(store: Store, limit: int, after: int | None = None,
                    max_bytes: int | None = None) -> list[OutgoingChange]:
    """The outbox's next changes in order: at most `limit`, and (when given) no more than
    `max_bytes` of their fields' JSON, always at least one."""
    start = last_acked(store) if after is None else after
    rows = store.conn.execute(
        "SELECT mutation, change_id, table_name, record_id, op, new, base_rev, hlc, changed_at, "
        "user_id, length(CAST(new AS BLOB)) FROM change_log WHERE mutation > ? "
        "ORDER BY mutation LIMIT ?",
        (start, limit),
    ).fetchall()
    if max_bytes is not None:
        total = 0
        for n, row in enumerate(rows):
            total += (row[10] or 0) + CHANGE_ENVELOPE_BYTES
            if total > max_bytes and n > 0:
                del rows[n:]
                break
    return [
        OutgoingChange(m, cid, t, rid, op, json.loads(new or "{}"), base_rev, hlc, at, uid)
        for m, cid, t, rid, op, new, base_rev, hlc, at, uid, _size in rows
    ]


def acknowledge(
    store: Store, last_mutation: int, rejections: Iterable[tuple[int, str, str, str]] = (),
    revisions: Iterable[tuple[str, str, int]] = (),
) -> None:
    """Record what the platform has taken (and what it refused, with its reason), and the
    revisions at which its records became exactly ours (so they need not come back)."""
    with store.write():
        for table, record_id, rev in revisions:
            if table in RECORD_TABLES:
                store.conn.execute(
                    f"UPDATE [{table}] SET rev = ? WHERE id = ? AND (rev IS NULL OR rev < ?)",
                    (rev, record_id, rev))
        for mutation, table, record_id, reason in rejections:
            store.conn.execute(
                "INSERT INTO sync_rejections(mutation, table_name, record_id, reason, "
                "rejected_at) VALUES(?, ?, ?, ?, ?) ON CONFLICT(mutation) DO UPDATE SET "
                "reason = excluded.reason",
                (mutation, table, record_id, reason, utc_now()),
            )
        if last_mutation > last_acked(store):
            store.set_meta(LAST_ACKED, str(last_mutation))


def renumber_outbox(store: Store, diverged_at: int, expected: int) -> int:
    """Move our changes numbered from `diverged_at` on to `expected` onwards, in order.

    The platform holds numbers up to `expected - 1`, some with changes this store no longer
    has (it was restored from a backup, rolled back by a power cut, or copied to another
    laptop). Everything we hold below `diverged_at` matched what the platform received, so it
    counts as delivered; everything from there on is new to the platform and is sent again
    under fresh numbers. Returns how many changes were renumbered.
    """
    shift = expected - diverged_at
    if shift <= 0 or diverged_at < 1:
        raise StoreError(f"cannot renumber changes from {diverged_at} to {expected}")
    with store.write():
        # Through negative numbers: the unique index must hold after every row, not only at
        # the end of the statement.
        moved = store.conn.execute(
            "UPDATE change_log SET mutation = -(mutation + ?) WHERE mutation >= ?",
            (shift, diverged_at)).rowcount
        store.conn.execute("UPDATE change_log SET mutation = -mutation WHERE mutation < 0")
        store.conn.execute(
            "UPDATE sync_rejections SET mutation = -(mutation + ?) WHERE mutation >= ?",
            (shift, diverged_at))
        store.conn.execute("UPDATE sync_rejections SET mutation = -mutation WHERE mutation < 0")
        store.set_meta(LAST_ACKED, str(diverged_at - 1))
    return int(moved)


def pending_keys(store: Store) -> set[tuple[str, str]]:
    """(table, id) of every record with a change not yet acknowledged, read once.

    Why one read and not a query per pulled row: with a week's backlog and statistics taken
    when the log was small, SQLite's planner answered each per-row query by scanning the whole
    outbox (a pull grew with the square of the backlog). This is one range read on the
    mutation index, linear in the backlog, and the pull then asks a set."""
    return {(t, rid) for t, rid in store.conn.execute(
        "SELECT table_name, record_id FROM change_log INDEXED BY idx_change_log_mutation "
        "WHERE mutation > ?", (last_acked(store),))}


def has_pending(store: Store, table: str, record_id: str) -> bool:
    return store.conn.execute(
        "SELECT 1 FROM change_log WHERE table_name = ? AND record_id = ? AND mutation > ? "
        "LIMIT 1",
        (table, record_id, last_acked(store)),
    ).fetchone() is not None


class PulledRow(NamedTuple):
    """One row of a pull page: the record as the platform holds it at revision `rev`."""

    table: str
    id: str
    rev: int
    deleted: bool
    data: Mapping[str, Any]
    hlc: str | None = None


#: A pulled row the sync layer refused: the row, the reason in English (CLI, log), and the
#: domain's FieldErrors behind it (shown translated in the app).
Refused = tuple[PulledRow, str, Sequence[FieldError]]


def apply_pulled(
    store: Store, rows: Iterable[PulledRow], cursor: int, refused: Iterable[Refused] = (),
    pending: set[tuple[str, str]] | None = None, more: bool = False,
) -> tuple[int, int]:
    """Apply a page from the platform and move the cursor, atomically.

    `more`: other pages follow in this pull, so the report's rows of people reached may
    wait for the last one (`Database.write`).

    Returns (applied, skipped): a row with local changes not yet acknowledged is skipped; its
    merged state comes back with the next feed entry after our push. Foreign keys are not
    enforced for pulled rows: the platform is the authority, and scope may legitimately hide
    a parent (and a row's parent may arrive on a later page after it was edited).

    Nothing in a row can stop the sync: `refused` rows (the sync layer found them outside the
    wire schema) and rows that fail to apply here are set aside with their reason, visible in
    the app, and the cursor moves past them. A later version of the record clears the entry.
    """
    applied = skipped = 0
    forgotten: list[str] = []
    files: set[str] = set()
    store.conn.execute("PRAGMA foreign_keys = OFF")  # only takes effect outside a transaction
    try:
        with store.write(reach_now=not more):
            if pending is None:
                pending = pending_keys(store)
            waiting = _set_aside_keys(store)
            for row, reason, errors in refused:
                set_aside(store, row, reason, errors)
            rows = [row for row in rows if row.table in RECORD_TABLES]
            # Records this device has never had (all of a first pull, most of any pull) go in
            # together; should any of them fail, they all take the row-by-row way below.
            new = _insert_new(store, rows, pending)
            for row in rows:
                if (row.table, row.id) in pending:
                    skipped += 1
                    continue
                if (row.table, row.id) in new:
                    applied += 1
                    if row.table == "people" and row.data.get("forgotten_at"):
                        forgotten.append(row.id)
                    if (row.table, row.id) in waiting:
                        store.conn.execute(
                            "DELETE FROM sync_setaside WHERE table_name = ? AND record_id = ?",
                            (row.table, row.id))
                    continue
                store.conn.execute("SAVEPOINT pulled_row")
                try:
                    if row.hlc:
                        store._clock().observe(row.hlc)
                    newly_forgotten = row.table == "people" and \
                        bool(row.data.get("forgotten_at")) and not _forgotten_here(store, row.id)
                    changed = _apply_one(store, row)
                    if newly_forgotten:
                        forgotten.append(row.id)
                except Exception as exc:  # any row may be odd; none may stop the sync
                    store.conn.execute("ROLLBACK TO pulled_row")
                    store.conn.execute("RELEASE pulled_row")
                    log.warning("pulled %s %s set aside: %s", row.table, row.id, exc)
                    set_aside(store, row, f"could not be stored here: {exc}")
                    continue
                store.conn.execute("RELEASE pulled_row")
                if (row.table, row.id) in waiting:
                    store.conn.execute(
                        "DELETE FROM sync_setaside WHERE table_name = ? AND record_id = ?",
                        (row.table, row.id))
                if changed:
                    applied += 1
            if forgotten:
                # Someone asked, on another device, to be forgotten: the pulled rows changed
                # the records; the history and the index here must forget them too.
                from desktop.store import forget

                files = forget.forget_received(store.conn, forgotten)
            store.conn.execute(
                "INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET "
                "value = excluded.value",
                (CURSOR, str(cursor)),
            )
    finally:
        store.conn.execute("PRAGMA foreign_keys = ON")
    if forgotten:
        from desktop.store import forget

        # the files live beside the store (DataPaths.attachments)
        forget.remove_unused_files(store.conn, store.path.parent / "attachments", files)
        forget.wipe_free_space(store.conn, vacuum=False)
        for person_id in forgotten:
            forget.scrub_backups(store.backups_dir, person_id)
    return applied, skipped


def settle_reach(store: Store) -> None:
    """Bring the report's rows of people reached up to date now, if a pull cut short left
    them for a later page (`apply_pulled(more=True)`): here, in the sync's worker, not in
    the next check-in's commit."""
    if store.keeps_reach and reach.has_dirty(store.conn) and not store.conn.in_transaction:
        with store.write():
            pass


def _forgotten_here(store: Store, person_id: str) -> bool:
    row = store.conn.execute("SELECT forgotten_at FROM people WHERE id = ?",
                             (person_id,)).fetchone()
    return bool(row and row[0])


def _set_aside_keys(store: Store) -> set[tuple[str, str]]:
    return {(t, r) for t, r in store.conn.execute(
        "SELECT table_name, record_id FROM sync_setaside")}


def set_aside(store: Store, row: PulledRow, reason: str,
              errors: Sequence[FieldError] = ()) -> None:
    """Keep a pulled row that cannot be applied, with why, for a person to see."""
    try:
        data = _dumps(dict(row.data))
        details = _dumps([[e.field, e.template, dict(e.args)] for e in errors]) if errors \
            else None
    except (TypeError, ValueError):
        data = details = None
    data = data if data is None or len(data) <= 100_000 else data[:100_000]
    with store.write():
        store.conn.execute(
            "INSERT INTO sync_setaside(table_name, record_id, rev, reason, details, data, "
            "set_aside_at, dismissed) VALUES(?, ?, ?, ?, ?, ?, ?, 0) "
            "ON CONFLICT(table_name, record_id) DO UPDATE SET rev = excluded.rev, "
            "reason = excluded.reason, details = excluded.details, data = excluded.data, "
            "set_aside_at = excluded.set_aside_at, dismissed = 0",
            (str(row.table)[:40], str(row.id)[:64],
             row.rev if isinstance(row.rev, int) and 0 <= row.rev < 2**63 else None,
             reason[:1000], details, data, utc_now()))


def open_set_aside(store: Store) -> list[tuple[str, str, int, str]]:
    """(table, record id, rev, reason) of received rows not applied here, oldest first."""
    return [tuple(r) for r in store.conn.execute(  # type: ignore[misc]
        "SELECT table_name, record_id, rev, reason FROM sync_setaside WHERE dismissed = 0 "
        "ORDER BY set_aside_at")]


def set_aside_errors(store: Store, table: str, record_id: str) -> list[FieldError]:
    """The FieldErrors behind a set-aside row (empty when it failed to apply here)."""
    row = store.conn.execute("SELECT details FROM sync_setaside WHERE table_name = ? AND "
                             "record_id = ?", (table, record_id)).fetchone()
    try:
        items = json.loads(row[0]) if row and row[0] else []
        return [FieldError(str(f), str(t), dict(a)) for f, t, a in items]
    except (ValueError, TypeError):
        return []


def set_aside_data(store: Store, table: str, record_id: str) -> dict[str, Any] | None:
    """The set-aside row's data as received (to name the record to a person)."""
    row = store.conn.execute("SELECT data FROM sync_setaside WHERE table_name = ? AND "
                             "record_id = ?", (table, record_id)).fetchone()
    try:
        data = json.loads(row[0]) if row and row[0] else None
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def dismiss_set_aside(store: Store, table: str, record_id: str) -> None:
    with store.write():
        store.conn.execute("UPDATE sync_setaside SET dismissed = 1 WHERE table_name = ? AND "
                           "record_id = ?", (table, record_id))


def _insert_new(store: Store, rows: Sequence[PulledRow],
                pending: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """Insert, in one statement per table, the page's live records this device has never
    had, as `_apply_one` would one by one; returns their keys.

    Why: a first pull (a new council laptop, the console's mirror) is hundreds of thousands
    of new records, and one savepoint, existence check and three statements for each was a
    fifth of the time. All or nothing: any failure (an odd value a table refuses) undoes the
    lot and returns nothing, and the caller applies them row by row, where an odd row is
    set aside alone."""
    candidates: dict[tuple[str, str], PulledRow] = {}
    repeated: set[tuple[str, str]] = set()
    for row in rows:
        key = (row.table, row.id)
        if key in candidates:
            repeated.add(key)
        elif not row.deleted and key not in pending:
            candidates[key] = row
    for key in repeated:  # a record twice in a page: in order, one by one
        candidates.pop(key, None)
    by_table: dict[str, list[str]] = {}
    for table, record_id in candidates:
        by_table.setdefault(table, []).append(record_id)
    for table, ids in by_table.items():
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ", ".join("?" for _ in chunk)
            for (record_id,) in store.conn.execute(
                    f"SELECT id FROM [{table}] WHERE id IN ({marks})", chunk):
                candidates.pop((table, record_id), None)
    if not candidates:
        return set()
    store.conn.execute("SAVEPOINT pulled_new")
    try:
        now = utc_now()
        records: dict[str, list[dict[str, Any]]] = {}
        logged: list[dict[str, Any]] = []
        for row in candidates.values():
            if row.hlc:
                store._clock().observe(row.hlc)
            record, entry = _new_record(store, row, _fields(row), now)
            records.setdefault(row.table, []).append(record)
            logged.append(entry)
        for table, new_rows in records.items():
            store._insert_rows(table, new_rows)
            store._index_many(table, new_rows)
        store._insert_rows("change_log", logged)
    except Exception as exc:  # any row may be odd: then one by one, where it is set aside
        store.conn.execute("ROLLBACK TO pulled_new")
        store.conn.execute("RELEASE pulled_new")
        log.info("a page's new records go in one by one: %s: %s", type(exc).__name__, exc)
        return set()
    store.conn.execute("RELEASE pulled_new")
    return set(candidates)


def _fields(row: PulledRow) -> dict[str, Any]:
    """The row's fields this version stores, encoded for SQLite."""
    allowed = RECORD_TABLES[row.table][0]
    return {k: _encode(v) for k, v in row.data.items() if k in allowed}


def _new_record(store: Store, row: PulledRow, fields: dict[str, Any],
                now: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The record a live pulled row makes on a device that never had it, and its log entry
    (one by one in `_apply_one`, together in `_insert_new`)."""
    record = {"id": row.id, "created_at": now, "updated_at": now,
              "device_id": store.device_id, "version": 1, "deleted": 0, "rev": row.rev,
              **fields, **store._derived(row.table, fields)}
    entry = store._log_row(row.table, row.id, "insert", None, {**fields, "deleted": 0}, 0,
                           None, now, None, None, origin="remote", hlc=row.hlc)
    return record, entry


def _apply_one(store: Store, row: PulledRow) -> bool:
    fields = _fields(row)
    current = store.get(row.table, row.id, include_deleted=True)
    now = utc_now()
    if current is None and row.deleted:
        return False  # the deletion of a record this device never had: nothing to keep
    if current is None:
        record, entry = _new_record(store, row, fields, now)
        store._insert_rows(row.table, [record])
        store._insert_rows("change_log", [entry])
        store._index(row.table, record)
        return True
    changed = {k: v for k, v in fields.items() if current.get(k) != v}
    if int(row.deleted) != current["deleted"]:
        changed["deleted"] = int(row.deleted)
    if not changed and current.get("rev") == row.rev:
        return False
    if not changed:
        store._update_row(row.table, row.id, {"rev": row.rev})
        return True
    old = {k: current.get(k) for k in changed}
    update = {**changed, "updated_at": now, "version": current["version"] + 1, "rev": row.rev,
              **store._derived(row.table, {**current, **changed})}
    store._update_row(row.table, row.id, update)
    op = "update"
    if "deleted" in changed:
        op = "delete" if changed["deleted"] else "undelete"
    store._insert_rows("change_log", [store._log_row(
        row.table, row.id, op, old, changed, current["version"], current.get("rev"), now, None,
        None, origin="remote", hlc=row.hlc)])
    store._index(row.table, {**current, **update})
    return True


def live_revs(store: Store, table: str) -> Iterable[tuple[str, int]]:
    """(id, rev) of the live rows the platform has given us: the input of the checksums."""
    return store.conn.execute(
        f"SELECT id, rev FROM [{table}] WHERE deleted = 0 AND rev IS NOT NULL"
    )


def tables_with_pending(store: Store) -> set[str]:
    return {r[0] for r in store.conn.execute(
        "SELECT DISTINCT table_name FROM change_log WHERE mutation > ?", (last_acked(store),))}


def tables_with_set_aside(store: Store) -> set[str]:
    return {r[0] for r in store.conn.execute("SELECT DISTINCT table_name FROM sync_setaside")}


def forget_missing(store: Store, table: str, seen_ids: set[str]) -> int:
    """After a full resync: rows the platform no longer has (purged tombstones, or records
    that left our scope) are tombstoned locally, unless they still have unsent changes."""
    pending = {rid for t, rid in pending_keys(store) if t == table}
    gone = [
        rid for (rid,) in store.conn.execute(
            f"SELECT id FROM [{table}] WHERE rev IS NOT NULL AND deleted = 0")
        if rid not in seen_ids and rid not in pending
    ]
    rows = [PulledRow(table, rid, 0, True, {}) for rid in gone]
    if rows:
        apply_pulled(store, rows, int(store.get_meta(CURSOR, "0") or 0))
    return len(rows)


def unsent_attachment_hashes(store: Store) -> list[str]:
    """Files whose attachment record is still in the outbox: upload them before the push."""
    return [r[0] for r in store.conn.execute(
        "SELECT DISTINCT a.sha256 FROM attachments AS a JOIN change_log AS c "
        "ON c.table_name = 'attachments' AND c.record_id = a.id AND c.mutation > ? "
        "WHERE a.deleted = 0", (last_acked(store),))]


def start_sync_log(store: Store) -> tuple[int, int]:
    """Open a sync-log entry; returns (its id, how many earlier runs never finished)."""
    with store.write():
        interrupted = store.conn.execute(
            "UPDATE sync_log SET outcome = 'interrupted', finished_at = ? "
            "WHERE finished_at IS NULL", (utc_now(),)).rowcount
        cur = store.conn.execute("INSERT INTO sync_log(started_at) VALUES(?)", (utc_now(),))
        return int(cur.lastrowid or 0), int(interrupted)


def finish_sync_log(store: Store, log_id: int, outcome: str, pushed: int, pulled: int,
                    message: str) -> None:
    with store.write():
        store.conn.execute(
            "UPDATE sync_log SET finished_at = ?, outcome = ?, pushed = ?, pulled = ?, "
            "message = ? WHERE id = ?", (utc_now(), outcome, pushed, pulled, message, log_id))


def last_sync(store: Store) -> tuple[str | None, str | None, str | None]:
    """(finished_at, outcome, message) of the latest finished run, for the status bar."""
    row = store.conn.execute(
        "SELECT finished_at, outcome, message FROM sync_log WHERE finished_at IS NOT NULL "
        "ORDER BY id DESC LIMIT 1").fetchone()
    return (row[0], row[1], row[2]) if row else (None, None, None)


def open_rejections(store: Store) -> list[tuple[int, str, str, str]]:
    return [tuple(r) for r in store.conn.execute(  # type: ignore[misc]
        "SELECT mutation, table_name, record_id, reason FROM sync_rejections "
        "WHERE dismissed = 0 ORDER BY mutation")]


def open_conflicts(store: Store) -> int:
    return int(store.conn.execute(
        "SELECT count(*) FROM conflicts WHERE deleted = 0 AND resolved_at IS NULL").fetchone()[0])


def conflict_rows(store: Store) -> list[dict[str, Any]]:
    """Unresolved conflicts, newest first, for a person to look at."""
    columns = ["id", "table_name", "record_id", "field", "winning_value", "losing_value",
               "winning_hlc", "losing_hlc", "losing_device"]
    return [dict(zip(columns, r, strict=True)) for r in store.conn.execute(
        f"SELECT {', '.join(columns)} FROM conflicts WHERE deleted = 0 AND resolved_at IS NULL "
        "ORDER BY losing_hlc DESC")]


def dismiss_rejection(store: Store, mutation: int) -> None:
    with store.write():
        store.conn.execute("UPDATE sync_rejections SET dismissed = 1 WHERE mutation = ?",
                           (mutation,))


def attachment_hashes(store: Store) -> list[str]:
    """Every file the live attachment records point to (to fetch the ones we lack)."""
    return [r[0] for r in store.conn.execute(
        "SELECT DISTINCT sha256 FROM attachments WHERE deleted = 0")]
