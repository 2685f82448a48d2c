"""Forgetting a person on this device, in its backups and, through sync, everywhere.

Why it is more than an update: the store keeps history. A person's name is in their record,
but also in every earlier value of the change log, in conflicts the platform recorded, in
the search index, in duplicates waiting for review, in rows set aside by sync, in the
automatic backups, in the attachment files, and — until SQLite reuses the space — in freed
pages of the file and its write-ahead log. `forget_person` removes it from all of them:

1. the record and the records about the person change through the store's one write path
   (`desktop.domain.erasure` says what changes), so the change syncs like any other: the
   platform and every device that holds the person receive `forgotten_at` and the removed
   values, and the platform refuses any later change that would put the identity back;
2. `scrub` rewrites what the write path does not touch (the change log's stored values,
   conflicts, set-aside rows, possible duplicates, the search index) on any connection:
   this device's, a receiving device's (`syncstate.apply_pulled` calls it for each
   forgotten person it applies) and each backup file's (`scrub_backups`);
3. the freed space is overwritten: the store runs with `secure_delete` (database.connect),
   the search index is merged so old words leave it, the write-ahead log is checkpointed
   and emptied, and the file is vacuumed.

Statistics stay exactly as they were: gender, age group, settlement and every check-in are
kept (tests/store/test_forget.py compares the year's report before and after).
"""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.domain import erasure
from desktop.store.errors import RecordNotFound
from desktop.store.ids import utc_now
from desktop.store.records import Store, derived_columns
from desktop.store.search import search_doc

log = logging.getLogger(__name__)


@dataclass
class Forgotten:
    """What forgetting one person changed on this device."""

    person_id: str
    records: int = 0          # the person's record and the records about them
    history: int = 0          # earlier values rewritten in the change log
    files: int = 0            # attachment files deleted from the data folder
    backups: list[Path] = field(default_factory=list)  # backup files scrubbed
    backups_failed: list[Path] = field(default_factory=list)


def related_ids(conn: sqlite3.Connection, person_id: str) -> dict[str, list[str]]:
    """The records about the person, by table (before their links are cleared)."""
    found: dict[str, list[str]] = {"people": [person_id]}
    for table, link, _fields in erasure.RELATED:
        with contextlib.suppress(sqlite3.OperationalError):  # an older backup's schema
            found[table] = [r[0] for r in conn.execute(
                f"SELECT id FROM {table} WHERE {link} = ?", (person_id,))]
    owners = [(t, i) for t in erasure.FILE_OWNERS for i in found.get(t, [])]
    found["attachments"] = [r[0] for t, i in owners for r in conn.execute(
        "SELECT id FROM attachments WHERE owner_table = ? AND owner_id = ?", (t, i))]
    about = [(t, i) for t, record_ids in found.items() for i in record_ids]
    with contextlib.suppress(sqlite3.OperationalError):
        found["conflicts"] = [r[0] for t, i in about for r in conn.execute(
            "SELECT id FROM conflicts WHERE table_name = ? AND record_id = ?", (t, i))]
    return found


#: Fields rewritten in the change log of records that are not the person's or about them,
#: but hold their values: a file's name, a conflict's kept values.
_HOLDERS: dict[str, dict[str, str | None]] = {
    "attachments": {"filename": erasure.REMOVED_TEXT},
    "conflicts": {"winning_value": None, "losing_value": None},
}


def forget_person(store: Store, person_id: str, *, attachments_dir: Path | None = None,
                  user_id: str | None = None, vacuum: bool = True,
                  finish: bool = True) -> Forgotten:
    """Forget the person here and everywhere sync reaches (see the module docstring).

    With `finish=False` the file's free space and the backups are left to `finish_forgetting`
    (the app runs that on a worker with its own connection: vacuuming takes a while)."""
    person = store.get("people", person_id, include_deleted=True)
    if person is None:
        raise RecordNotFound(f"There is no person with id {person_id} on this device")
    result = Forgotten(person_id)
    now = utc_now()
    with store.write():
        ids = related_ids(store.conn, person_id)
        files = {r[0] for attachment_id in ids["attachments"] for r in store.conn.execute(
            "SELECT sha256 FROM attachments WHERE id = ? AND sha256 IS NOT NULL",
            (attachment_id,))}
        store.update("people", person_id, erasure.forgotten_person(person, now),
                     user_id=user_id)
        result.records = 1
        for table, _link, fields in erasure.RELATED:
            for record_id in ids.get(table, []):
                record = store.get(table, record_id, include_deleted=True)
                changes = {k: v for k, v in fields.items() if record and record.get(k) != v
                           and (v is not None or record.get(k) is not None)}
                if record is not None and changes:
                    store.update(table, record_id, changes, user_id=user_id)
                    result.records += 1
        for attachment_id in ids["attachments"]:
            record = store.get("attachments", attachment_id, include_deleted=True)
            if record is None:
                continue
            changed = False
            if record.get("filename") != erasure.REMOVED_TEXT:
                store.update("attachments", attachment_id,
                             {"filename": erasure.REMOVED_TEXT}, user_id=user_id)
                changed = True
            if not record.get("deleted"):
                store.delete("attachments", attachment_id, user_id=user_id)
                changed = True
            result.records += changed
        # Conflicts about these records hold old values; an office may clear them (the
        # platform allows exactly that), and the change reaches every copy.
        for conflict_id in _conflicts_about(store.conn, ids):
            store.update("conflicts", conflict_id,
                         {"winning_value": None, "losing_value": None}, user_id=user_id)
        result.history = scrub(store.conn, person_id, ids)
    if attachments_dir is not None:
        result.files = remove_unused_files(store.conn, attachments_dir, files)
    if finish:
        wipe_free_space(store.conn, vacuum=vacuum)
        result.backups, result.backups_failed = scrub_backups(store.backups_dir, person_id)
    log.info("forgot person %s: %d records, %d earlier values, %d files, %d backups",
             person_id, result.records, result.history, result.files, len(result.backups))
    return result


def _conflicts_about(conn: sqlite3.Connection, ids: dict[str, list[str]]) -> list[str]:
    found = []
    for table, record_ids in ids.items():
        if table == "conflicts":
            continue
        for record_id in record_ids:
            found += [r[0] for r in conn.execute(
                "SELECT id FROM conflicts WHERE table_name = ? AND record_id = ? AND "
                "(winning_value IS NOT NULL OR losing_value IS NOT NULL)", (table, record_id))]
    return found


def scrub(conn: sqlite3.Connection, person_id: str,
          ids: dict[str, list[str]] | None = None) -> int:
    """Rewrite, without logging, everything on `conn` that still holds what forgetting
    removes: the records themselves (for a backup or a receiving device; on the forgetting
    device they are already changed), the change log's stored values, conflicts, set-aside
    rows, possible duplicates and the search index. Runs inside the caller's transaction if
    there is one. Returns how many change-log entries were rewritten."""
    ids = ids if ids is not None else related_ids(conn, person_id)
    person = _row(conn, "people", person_id)
    if person is not None:
        # Only what forgetting removes (and the moment, in a backup that lacks it): the
        # consent fields of the synced record are left to the change that forgot it.
        forgotten = {**person, **erasure.forgotten_person(person, person.get("forgotten_at")
                                                          or utc_now())}
        forgotten.update(derived_columns("people", forgotten))
        direct = {*erasure.PERSON_FIELDS, "age_group", "forgotten_at", "sort_key"}
        _set(conn, "people", person_id, {k: forgotten[k] for k in direct
                                         if k in person and forgotten[k] != person[k]})
        _reindex(conn, "people", forgotten)
    for table, _link, fields in erasure.RELATED:
        for record_id in ids.get(table, []):
            row = _row(conn, table, record_id)
            if row is not None:
                _set(conn, table, record_id, {k: v for k, v in fields.items() if k in row})
    for attachment_id in ids.get("attachments", []):
        _set(conn, "attachments", attachment_id, {"filename": erasure.REMOVED_TEXT})
    rewritten = 0
    for table, record_ids in ids.items():
        if table in _HOLDERS:
            for record_id in record_ids:
                rewritten += _scrub_log(conn, table, record_id, _HOLDERS[table])
            continue
        for record_id in record_ids:
            rewritten += _scrub_log(conn, table, record_id)
            with contextlib.suppress(sqlite3.OperationalError):
                conn.execute(
                    "UPDATE conflicts SET winning_value = NULL, losing_value = NULL "
                    "WHERE table_name = ? AND record_id = ?", (table, record_id))
            with contextlib.suppress(sqlite3.OperationalError):
                conn.execute("DELETE FROM sync_setaside WHERE table_name = ? AND "
                             "record_id = ?", (table, record_id))
    with contextlib.suppress(sqlite3.OperationalError):
        conn.execute("DELETE FROM possible_duplicates WHERE person_a = ? OR person_b = ?",
                     (person_id, person_id))
    return rewritten


def _row(conn: sqlite3.Connection, table: str, record_id: str) -> dict[str, Any] | None:
    try:
        cursor = conn.execute(f"SELECT * FROM {table} WHERE id = ?", (record_id,))
    except sqlite3.OperationalError:
        return None
    row = cursor.fetchone()
    return None if row is None else dict(zip([d[0] for d in cursor.description], row,
                                             strict=True))


def _set(conn: sqlite3.Connection, table: str, record_id: str, values: dict[str, Any]) -> None:
    if values:
        assignments = ", ".join(f"{column} = ?" for column in values)
        conn.execute(f"UPDATE {table} SET {assignments} WHERE id = ?",
                     (*values.values(), record_id))


def _reindex(conn: sqlite3.Connection, table: str, row: dict[str, Any]) -> None:
    with contextlib.suppress(sqlite3.OperationalError):
        doc = search_doc(table, row)
        conn.execute("UPDATE search_docs SET name = ?, extra = ? WHERE record_id = ?",
                     (doc["name"], doc["extra"], row["id"]))


def _scrub_log(conn: sqlite3.Connection, table: str, record_id: str,
               only: dict[str, str | None] | None = None) -> int:
    """Rewrite the stored values of one record's changes; returns how many changed."""
    changed = 0
    for seq, old, new in conn.execute(
            "SELECT seq, old, new FROM change_log WHERE table_name = ? AND record_id = ?",
            (table, record_id)).fetchall():
        values = [_scrub_json(table, text, only) for text in (old, new)]
        if values != [old, new]:
            conn.execute("UPDATE change_log SET old = ?, new = ? WHERE seq = ?",
                         (*values, seq))
            changed += 1
    return changed


def _scrub_json(table: str, text: str | None,
                only: dict[str, str | None] | None) -> str | None:
    if not text:
        return text
    try:
        values = json.loads(text)
    except ValueError:
        return None  # unreadable history cannot be checked: it goes
    if not isinstance(values, dict):
        return text
    if only is not None:
        cleaned = {k: (only[k] if k in only and v is not None else v)
                   for k, v in values.items()}
    else:
        cleaned = erasure.scrubbed(table, values)
    if cleaned == values:
        return text
    return json.dumps(cleaned, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def finish_forgetting(database: Path, backups_dir: Path, person_id: str
                      ) -> tuple[list[Path], list[Path]]:
    """The slow part of forgetting, on a connection of its own (any thread): overwrite the
    file's free space and clean the backups. Returns (backups cleaned, not opened)."""
    conn = sqlite3.connect(database, timeout=30, isolation_level=None)
    try:
        conn.execute("PRAGMA secure_delete = ON")
        wipe_free_space(conn)
    finally:
        conn.close()
    return scrub_backups(backups_dir, person_id)


def remove_unused_files(conn: sqlite3.Connection, attachments_dir: Path,
                        candidates: Iterable[str]) -> int:
    """Delete the files among `candidates` (the forgotten person's) that no live attachment
    names any more. Other files stay, even unused: a deleted attachment can be restored."""
    removed = 0
    for sha256 in candidates:
        if conn.execute("SELECT 1 FROM attachments WHERE sha256 = ? AND deleted = 0",
                        (sha256,)).fetchone() is not None:
            continue  # the same file attached to someone else's record
        path = attachments_dir / sha256[:2] / sha256
        with contextlib.suppress(OSError):
            path.unlink()
            removed += 1
    return removed


def wipe_free_space(conn: sqlite3.Connection, *, vacuum: bool = True) -> None:
    """Overwrite what the rewritten rows left behind: merge the search index (its old
    segments still list the removed words), empty the write-ahead log and, unless told
    otherwise, vacuum the file. Must run outside a transaction."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("INSERT INTO search_docs_fts(search_docs_fts) VALUES('optimize')")
    except sqlite3.OperationalError:
        pass  # a file without the search index (a very old backup)
    finally:
        conn.execute("COMMIT")
    if vacuum:
        conn.execute("VACUUM")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def scrub_backups(backups_dir: Path, person_id: str) -> tuple[list[Path], list[Path]]:
    """Forget the person in every backup file of the data folder (each one rewritten and
    vacuumed in place). Returns (scrubbed, could not be opened)."""
    done: list[Path] = []
    failed: list[Path] = []
    if not backups_dir.is_dir():
        return done, failed
    for path in sorted(backups_dir.glob("*.sqlite3")):
        try:
            scrub_file(path, person_id)
        except (sqlite3.Error, OSError) as exc:
            log.warning("could not forget %s in backup %s: %s", person_id, path, exc)
            failed.append(path)
        else:
            done.append(path)
    return done, failed


def scrub_file(path: Path, person_id: str) -> None:
    """Forget the person in one database file (a backup), in place."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA secure_delete = ON")
        holds = conn.execute("SELECT 1 FROM people WHERE id = ?", (person_id,)).fetchone()
        if holds is None:
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            scrub(conn, person_id)
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        wipe_free_space(conn)
    finally:
        conn.close()


def forget_received(conn: sqlite3.Connection, person_ids: Iterable[str]) -> set[str]:
    """A receiving device's part (inside `apply_pulled`'s transaction): the pulled rows have
    already changed the records; this removes the rest of what this device holds. Returns
    the files (sha256) that were the people's, for `remove_unused_files` after the commit."""
    files: set[str] = set()
    for person_id in person_ids:
        ids = related_ids(conn, person_id)
        files |= {r[0] for attachment_id in ids["attachments"] for r in conn.execute(
            "SELECT sha256 FROM attachments WHERE id = ? AND sha256 IS NOT NULL",
            (attachment_id,))}
        scrub(conn, person_id, ids)
    return files
