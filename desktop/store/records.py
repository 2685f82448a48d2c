"""The one write path for records: row, change log and search index in one transaction.

Nothing else in the app writes record tables. That is what makes the change log a complete
audit trail and a trustworthy sync outbox: a change and its log entry commit together or not
at all, so there is no moment at which a crash can leave one without the other. Every
record written here passes the domain's rules first (`validation.validate`, as the forms,
the importers and the platform apply them), so no code path can queue a change the platform
would refuse.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import islice
from pathlib import Path
from typing import Any

from desktop.domain.names import sort_key
from desktop.domain.validation import validate
from desktop.store.clock import HybridClock
from desktop.store.database import Database
from desktop.store.errors import RecordNotFound, StoreError
from desktop.store.ids import new_id, utc_now
from desktop.store.schema import COMMON, RECORD_TABLES, SEARCH_KINDS, SORT_KEY_SOURCES
from desktop.store.search import SEARCH_DOC_BUILDERS, Hit, rebuild, search, search_doc

META_COLUMNS = frozenset(COMMON) | {"sort_key"}


def derived_columns(table: str, row: Mapping[str, Any]) -> dict[str, Any]:
    """Columns the store keeps in step with a record's fields (the alphabetical sort key)."""
    sources = SORT_KEY_SOURCES.get(table)
    if sources is None:
        return {}
    return {"sort_key": sort_key(*(row.get(c) for c in sources))}


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _encode(value: Any) -> Any:
    """Lists and dicts (e.g. a CSO's areas of work) are stored as JSON text."""
    if isinstance(value, list | tuple | dict):
        return _dumps(list(value) if isinstance(value, tuple) else value)
    if isinstance(value, bool):
        return int(value)
    return value


def _chunks(items: Iterable[dict], size: int) -> Iterator[list[dict]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


#: A bulk write this large refreshes the planner's statistics afterwards.
BULK_STATISTICS_ROWS = 1000


#: A record's entry in the search index, made or replaced (`Store._index`, `_index_many`).
_SEARCH_UPSERT = (
    "INSERT INTO search_docs(kind, record_id, name, extra) VALUES(:kind, :record_id, :name, "
    ":extra) ON CONFLICT(record_id) DO UPDATE SET name = excluded.name, extra = excluded.extra")

class Store(Database):
    """The local database of one office device, with its record write path."""

    def __init__(self, path: Path, backups_dir: Path | None = None) -> None:
        super().__init__(path, backups_dir)
        self.user_id: str | None = self.get_meta("staff_id")

    # -- reading --------------------------------------------------------------------------

    def get(self, table: str, record_id: str, *, include_deleted: bool = False) -> dict | None:
        self._check_table(table)
        row = self.conn.execute(f"SELECT * FROM [{table}] WHERE id = ?", (record_id,)).fetchone()
        if row is None:
            return None
        record = dict(zip(self._columns(table), row, strict=True))
        if record["deleted"] and not include_deleted:
            return None
        return record

    def count(self, table: str, *, include_deleted: bool = False) -> int:
        self._check_table(table)
        where = "" if include_deleted else " WHERE deleted = 0"
        return int(self.conn.execute(f"SELECT count(*) FROM [{table}]{where}").fetchone()[0])

    # -- writing --------------------------------------------------------------------------

    def insert(self, table: str, values: Mapping[str, Any], *, user_id: str | None = None) -> dict:
        """Create a record; the id is generated unless given (natural keys, imports)."""
        self._check_table(table)
        fields = self._user_fields(table, values)
        now = utc_now()
        record_id = values.get("id") or new_id()
        row = {
            "id": record_id, "created_at": now, "updated_at": now,
            "device_id": self.device_id, "version": 1, "deleted": 0, **fields,
            **self._derived(table, fields),
        }
        with self.write():
            if self.get(table, record_id, include_deleted=True) is not None:
                raise StoreError(f"{table} record {record_id} already exists")
            self._insert_rows(table, [row])
            self._log(table, record_id, "insert", None, fields, 0, None, now, user_id)
            self._index(table, row)
        return self.get(table, record_id) or row

    def update(
        self, table: str, record_id: str, changes: Mapping[str, Any], *,
        user_id: str | None = None,
    ) -> dict:
        """Change some fields; only fields whose value really changes are written and logged."""
        self._check_table(table)
        fields = self._user_fields(table, changes, partial=True)
        with self.write():
            current = self.get(table, record_id, include_deleted=True)
            if current is None:
                raise RecordNotFound(f"There is no {table} record with id {record_id}")
            changed = {k: v for k, v in fields.items() if current.get(k) != v}
            if not changed:
                return current
            old = {k: current.get(k) for k in changed}
            self._apply(table, current, changed, "update", old, user_id)
        return self.get(table, record_id, include_deleted=True) or current

    def delete(self, table: str, record_id: str, *, user_id: str | None = None) -> None:
        """Tombstone the record: it disappears from lists but sync can still carry it."""
        self._set_deleted(table, record_id, 1, "delete", user_id)

    def undelete(self, table: str, record_id: str, *, user_id: str | None = None) -> None:
        """Undo a delete (the UI's undo); logged like any other change."""
        self._set_deleted(table, record_id, 0, "undelete", user_id)

    def insert_many(
        self, table: str, rows: Iterable[Mapping[str, Any]], *, user_id: str | None = None,
        batch_size: int = 5000,
    ) -> int:
        """Create many records in one transaction (imports, demo data), logged like insert().

        Batches keep memory flat for a million rows while the whole call still commits or
        rolls back as one.
        """
        self._check_table(table)
        builder = SEARCH_DOC_BUILDERS.get(table)
        total = 0
        with self.write():
            for chunk in _chunks(rows, batch_size):  # type: ignore[arg-type]
                now = utc_now()
                mutation = self._last_mutation()
                records, log, docs = [], [], []
                for values in chunk:
                    fields = self._user_fields(table, values)
                    record_id = values.get("id") or new_id()
                    records.append({
                        "id": record_id, "created_at": now, "updated_at": now,
                        "device_id": self.device_id, "version": 1, "deleted": 0, **fields,
                        **self._derived(table, fields),
                    })
                    mutation += 1
                    log.append(self._log_row(table, record_id, "insert", None, fields, 0, None,
                                             now, user_id, mutation))
                    if builder is not None:
                        docs.append(search_doc(table, records[-1]))
                self._insert_rows(table, records)
                self._insert_rows("change_log", log)
                if docs:
                    self._insert_rows("search_docs", docs)
                total += len(records)
        if total >= BULK_STATISTICS_ROWS:
            self.refresh_statistics(table)
        return total

    def refresh_statistics(self, *tables: str) -> None:
        """Statistics for the planner after a bulk write: ones taken when a table was small
        lead it to scan instead of seek. A sampled ANALYZE (analysis_limit) stays quick on a
        million rows."""
        self.conn.execute("PRAGMA analysis_limit = 1000")
        for table in {*tables, "change_log"}:
            self.conn.execute(f"ANALYZE [{table}]")

    def rebuild_search(self) -> int:
        """Recreate the search index from the records (repair after damage or a restore)."""
        with self.write():
            rows = {}
            for table in SEARCH_DOC_BUILDERS:
                columns = self._columns(table)
                rows[table] = [
                    dict(zip(columns, r, strict=True))
                    for r in self.conn.execute(f"SELECT * FROM [{table}] WHERE deleted = 0")
                ]
            rebuild(self.conn, rows)
            self.conn.execute("INSERT INTO search_docs_fts(search_docs_fts) VALUES('rebuild')")
        return sum(len(r) for r in rows.values())

    def search(
        self, query: str, kinds: tuple[str, ...] = SEARCH_KINDS, limit: int = 50
    ) -> list[Hit]:
        """Prefix search, folded for case and apostrophes; best matches first."""
        return search(self.conn, query, kinds, limit)

    def _insert_rows(self, table: str, rows: list[dict]) -> None:
        """executemany with one fixed column list: the bulk path's hot loop stays in C."""
        if not rows:
            return
        present = self._columns(table)  # a missing key is NULL; an INTEGER key then numbers itself
        marks = ", ".join("?" for _ in present)
        names = ", ".join(f"[{c}]" for c in present)
        self.conn.executemany(
            f"INSERT INTO [{table}] ({names}) VALUES ({marks})",
            ([r.get(c) for c in present] for r in rows),
        )

    def _update_row(self, table: str, record_id: str, values: Mapping[str, Any]) -> None:
        """One UPDATE by id, without sqlite-utils re-reading the table's structure each time
        (that was most of the cost of applying a pulled page)."""
        names = list(values)
        assignments = ", ".join(f"[{n}] = ?" for n in names)
        self.conn.execute(f"UPDATE [{table}] SET {assignments} WHERE id = ?",
                          [*(values[n] for n in names), record_id])

    # -- internals ------------------------------------------------------------------------

    def _set_deleted(
        self, table: str, record_id: str, flag: int, op: str, user_id: str | None
    ) -> None:
        self._check_table(table)
        with self.write():
            current = self.get(table, record_id, include_deleted=True)
            if current is None:
                raise RecordNotFound(f"There is no {table} record with id {record_id}")
            if current["deleted"] == flag:
                return
            self._apply(table, current, {"deleted": flag}, op, {"deleted": current["deleted"]},
                        user_id)

    def _apply(
        self, table: str, current: dict, changed: dict, op: str, old: dict,
        user_id: str | None,
    ) -> None:
        now = utc_now()
        base = current["version"]
        update = {**changed, "updated_at": now, "device_id": self.device_id, "version": base + 1,
                  **self._derived(table, {**current, **changed})}
        self._update_row(table, current["id"], update)
        self._log(table, current["id"], op, old, changed, base, current.get("rev"), now,
                  user_id)
        self._index(table, {**current, **update})

    def _log(
        self, table: str, record_id: str, op: str, old: dict | None, new: dict,
        base_version: int, base_rev: int | None, now: str, user_id: str | None,
    ) -> None:
        self._insert_rows("change_log", [
            self._log_row(table, record_id, op, old, new, base_version, base_rev, now, user_id,
                          self._last_mutation() + 1)])

    def _last_mutation(self) -> int:
        row = self.conn.execute("SELECT max(mutation) FROM change_log").fetchone()
        return int(row[0] or 0)

    def _log_row(
        self, table: str, record_id: str, op: str, old: dict | None, new: dict,
        base_version: int, base_rev: int | None, now: str, user_id: str | None,
        mutation: int | None, origin: str = "local", hlc: str | None = None,
    ) -> dict:
        self._touched.add(table)  # every logged change passes here: see Database.on_commit
        return {
            "mutation": mutation, "change_id": new_id(), "table_name": table,
            "record_id": record_id, "op": op, "old": None if old is None else _dumps(old),
            "new": _dumps(new), "base_version": base_version, "base_rev": base_rev,
            "changed_at": now, "hlc": hlc or self._clock().now(), "device_id": self.device_id,
            "user_id": user_id or self.user_id, "origin": origin,
        }

    def _derived(self, table: str, row: Mapping[str, Any]) -> dict[str, Any]:
        """derived_columns(), limited to the columns this file has (an older schema, e.g.
        while a test writes a file at an earlier version)."""
        columns = self._columns(table)
        return {k: v for k, v in derived_columns(table, row).items() if k in columns}

    def _clock(self) -> HybridClock:
        assert self.clock is not None, "the clock is created when the database opens"
        return self.clock

    def _index(self, table: str, row: dict) -> None:
        if table not in SEARCH_DOC_BUILDERS:
            return
        if row.get("deleted"):
            self.conn.execute("DELETE FROM search_docs WHERE record_id = ?", (row["id"],))
            return
        self.conn.execute(_SEARCH_UPSERT, search_doc(table, row))

    def _index_many(self, table: str, rows: Sequence[dict]) -> None:
        """`_index` for many live rows in one statement."""
        if table not in SEARCH_DOC_BUILDERS or not rows:
            return
        self.conn.executemany(_SEARCH_UPSERT, [search_doc(table, row) for row in rows])

    def _user_fields(self, table: str, values: Mapping[str, Any], *,
                     partial: bool = False) -> dict:
        """The record's own fields of `values`, checked and cleaned by the domain's rules
        (`validation.validate`, the rules the forms and importers show): whatever writes
        through the store, nothing the platform would refuse gets into the outbox."""
        allowed = RECORD_TABLES[table][0]
        unknown = [k for k in values if k not in allowed and k not in META_COLUMNS]
        if unknown:
            raise StoreError(f"{table} has no field(s): {', '.join(sorted(unknown))}")
        own = {k: v for k, v in values.items() if k in allowed}
        cleaned = validate(table, own, partial=partial)
        return {k: _encode(v) for k, v in cleaned.items() if k in allowed}

    @staticmethod
    def _check_table(table: str) -> None:
        if table not in RECORD_TABLES:
            raise StoreError(f"Unknown record type: {table}")

    def _columns(self, table: str) -> list[str]:
        cache = self.__dict__.setdefault("_column_cache", {})
        if table not in cache:
            cache[table] = [r[1] for r in self.conn.execute(f"PRAGMA table_info([{table}])")]
        return cache[table]


def open_store(path: Path, backups_dir: Path | None = None) -> Store:
    return Store(path, backups_dir)
