"""What the sync client reads from and writes to the local store.

The outbox is the change log itself: local changes with a mutation number above the last one
the platform acknowledged. Pulled rows are applied through the same write path as a user's
edit (row, change-log entry with origin 'remote', search index), together with the new cursor,
in one transaction: a crash mid-pull re-reads the page, never skips it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from desktop.store.ids import utc_now
from desktop.store.records import Store, _encode
from desktop.store.schema import RECORD_TABLES

LAST_ACKED = "sync.last_acked_mutation"
CURSOR = "sync.cursor"
SERVER_URL = "sync.server_url"
ROLE = "sync.role"


@dataclass(frozen=True)
class OutgoingChange:
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


def last_acked(store: Store) -> int:
    return int(store.get_meta(LAST_ACKED, "0") or 0)


def pending_count(store: Store) -> int:
    row = store.conn.execute(
        "SELECT count(*) FROM change_log WHERE mutation > ?", (last_acked(store),)
    ).fetchone()
    return int(row[0])


def pending_changes(store: Store, limit: int, after: int | None = None) -> list[OutgoingChange]:
    start = last_acked(store) if after is None else after
    rows = store.conn.execute(
        "SELECT mutation, change_id, table_name, record_id, op, new, base_rev, hlc, changed_at, "
        "user_id FROM change_log WHERE mutation > ? ORDER BY mutation LIMIT ?",
        (start, limit),
    ).fetchall()
    return [
        OutgoingChange(m, cid, t, rid, op, json.loads(new or "{}"), base_rev, hlc, at, uid)
        for m, cid, t, rid, op, new, base_rev, hlc, at, uid in rows
    ]


def acknowledge(
    store: Store, last_mutation: int, rejections: Iterable[tuple[int, str, str, str]] = ()
) -> None:
    """Record what the platform has taken (and what it refused, with its reason)."""
    with store.write():
        for mutation, table, record_id, reason in rejections:
            store.conn.execute(
                "INSERT INTO sync_rejections(mutation, table_name, record_id, reason, "
                "rejected_at) VALUES(?, ?, ?, ?, ?) ON CONFLICT(mutation) DO UPDATE SET "
                "reason = excluded.reason",
                (mutation, table, record_id, reason, utc_now()),
            )
        if last_mutation > last_acked(store):
            store.set_meta(LAST_ACKED, str(last_mutation))


def has_pending(store: Store, table: str, record_id: str) -> bool:
    return store.conn.execute(
        "SELECT 1 FROM change_log WHERE table_name = ? AND record_id = ? AND mutation > ? "
        "LIMIT 1",
        (table, record_id, last_acked(store)),
    ).fetchone() is not None


@dataclass
class PulledRow:
    table: str
    id: str
    rev: int
    deleted: bool
    data: Mapping[str, Any]
    hlc: str | None = None


def apply_pulled(store: Store, rows: Iterable[PulledRow], cursor: int) -> tuple[int, int]:
    """Apply a page from the platform and move the cursor, atomically.

    Returns (applied, skipped): a row with local changes not yet acknowledged is skipped; its
    merged state comes back with the next feed entry after our push. Foreign keys are not
    enforced for pulled rows: the platform is the authority, and scope may legitimately hide
    a parent (and a row's parent may arrive on a later page after it was edited).
    """
    applied = skipped = 0
    store.conn.execute("PRAGMA foreign_keys = OFF")  # only takes effect outside a transaction
    try:
        with store.write():
            for row in rows:
                if row.table not in RECORD_TABLES:
                    continue
                if row.hlc:
                    store._clock().observe(row.hlc)
                if has_pending(store, row.table, row.id):
                    skipped += 1
                    continue
                if _apply_one(store, row):
                    applied += 1
            store.conn.execute(
                "INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET "
                "value = excluded.value",
                (CURSOR, str(cursor)),
            )
    finally:
        store.conn.execute("PRAGMA foreign_keys = ON")
    return applied, skipped


def _apply_one(store: Store, row: PulledRow) -> bool:
    allowed = RECORD_TABLES[row.table][0]
    fields = {k: _encode(v) for k, v in row.data.items() if k in allowed}
    current = store.get(row.table, row.id, include_deleted=True)
    now = utc_now()
    if current is None:
        record = {"id": row.id, "created_at": now, "updated_at": now,
                  "device_id": store.device_id, "version": 1, "deleted": int(row.deleted),
                  "rev": row.rev, **fields, **store._derived(row.table, fields)}
        store.db[row.table].insert(record)
        store.db["change_log"].insert(store._log_row(
            row.table, row.id, "insert", None, {**fields, "deleted": int(row.deleted)}, 0,
            None, now, None, None, origin="remote", hlc=row.hlc))
        store._index(row.table, record)
        return True
    changed = {k: v for k, v in fields.items() if current.get(k) != v}
    if int(row.deleted) != current["deleted"]:
        changed["deleted"] = int(row.deleted)
    if not changed and current.get("rev") == row.rev:
        return False
    if not changed:
        store.db[row.table].update(row.id, {"rev": row.rev})
        return True
    old = {k: current.get(k) for k in changed}
    update = {**changed, "updated_at": now, "version": current["version"] + 1, "rev": row.rev,
              **store._derived(row.table, {**current, **changed})}
    store.db[row.table].update(row.id, update)
    op = "update"
    if "deleted" in changed:
        op = "delete" if changed["deleted"] else "undelete"
    store.db["change_log"].insert(store._log_row(
        row.table, row.id, op, old, changed, current["version"], current.get("rev"), now, None,
        None, origin="remote", hlc=row.hlc))
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


def forget_missing(store: Store, table: str, seen_ids: set[str]) -> int:
    """After a full resync: rows the platform no longer has (purged tombstones, or records
    that left our scope) are tombstoned locally, unless they still have unsent changes."""
    gone = [
        rid for (rid,) in store.conn.execute(
            f"SELECT id FROM [{table}] WHERE rev IS NOT NULL AND deleted = 0")
        if rid not in seen_ids and not has_pending(store, table, rid)
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
