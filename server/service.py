"""The platform's sync logic: applying pushed changes exactly once, serving the change feed.

No HTTP here (server/api.py adapts it), so the same functions serve tests, the admin command
line and the API.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

import orjson

from desktop.domain import erasure
from desktop.domain.errors import ValidationError
from desktop.domain.validation import validate
from desktop.store.ids import attendance_id
from desktop.store.schema import RECORD_TABLES
from desktop.sync import wire
from desktop.sync.wire import (
    CHECKSUM_MODULUS,
    PULL_PAGE_BYTES,
    SYNCED_TABLES,
    Change,
    ChangeResult,
    PullResponse,
    PushRequest,
    PushResponse,
    Row,
    TableChecksum,
    checksum_term,
    field_problem,
    identity,
)
from server import codec
from server.auth import Device, now_iso
from server.db import ServerDB, Tx, copy_line_start
from server.scope import SHARED_TABLES, owner_office, readable_filter, write_refusal

DELETED = "_deleted"  # the tombstone flag merges like a field


class GapError(Exception):
    """The batch starts after a mutation the platform has not received (409)."""

    def __init__(self, expected: int) -> None:
        super().__init__(f"expected mutation {expected} next; resend from there")
        self.expected = expected


class DivergedError(Exception):
    """The device sent a mutation number the platform holds with another change (409).

    Its store went back in time: a restored backup, a power cut that undid commits, or the
    data folder copied to a second laptop. Answering "duplicate" would drop its new changes
    silently; instead it is told to number them after the platform's last one.
    """

    def __init__(self, expected: int, diverged_at: int) -> None:
        super().__init__(
            f"change {diverged_at} of this device differs from the one the platform received "
            f"earlier (this device's data went back in time, e.g. a restored backup); "
            f"renumber from {expected}")
        self.expected = expected
        self.diverged_at = diverged_at


# References the platform checks: a change may only point at a record the platform holds and
# the device may see. Reference lists (settlements, offices...) are the council's and are not
# checked: a device may hold a list older than the platform's.
CHECKED_PARENTS = frozenset({"people", "events", "consultations", "organizations"})
REFERENCES: dict[str, list[tuple[str, str]]] = {
    table: [(column, parent) for column, parent in fks if parent in CHECKED_PARENTS]
    for table, (_columns, fks) in RECORD_TABLES.items()
}


@dataclass
class Existing:
    office_id: str | None
    data: dict[str, Any]
    meta: dict[str, list[Any]]  # field -> [hlc, device_id, rev]
    deleted: bool
    rev: int
    echo_device: str | None = None
    shared: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {"office_id": self.office_id, "data": self.data}


_LOAD = "SELECT tbl, id, office_id, data, field_meta, deleted, rev, echo_device, shared " \
        "FROM records"


def _existing(row: tuple) -> Existing:
    rev = int(row[6])
    meta = codec.loads(row[4])
    for entry in meta.values():
        if entry[2] == 0:  # the record's own revision (`_meta_text`)
            entry[2] = rev
    return Existing(row[2], codec.loads(row[3]), meta, bool(row[5]), rev, row[7],
                    bool(row[8]))


def _meta_text(meta: dict[str, list[Any]], rev: int,
               real: Callable[[int | None], int | None] | None = None) -> str | None:
    """Field metadata as stored: field -> [hlc, device, revision], where revision 0 is the
    record's own (`rev`: the fields its latest change wrote, most of them). Other
    placeholder revisions are replaced by `real`; without it, None says there are some."""
    out = {}
    for field, (hlc, device_id, field_rev) in meta.items():
        if field_rev == rev:
            field_rev = 0
        elif field_rev > PLACEHOLDER:
            if real is None:
                return None
            field_rev = real(field_rev)
        out[field] = [hlc, device_id, field_rev]
    return _dumps(out)


#: A record's columns as a push writes them: the revision, known last, at the end.
_COPY_COLUMNS = ("tbl", "id", "office_id", "shared", "data", "field_meta", "deleted", "hlc",
                 "updated_at", "echo_device", "rev")


class _NewRow(NamedTuple):
    """A record a push makes, encoded while it plans (`_Batch.seal`)."""

    #: `_COPY_COLUMNS` but the revision
    values: tuple[Any, ...]
    #: the field metadata, when it holds a placeholder other than the record's own
    #: revision and so is encoded when the revisions are taken; else None (in `values`)
    meta: dict[str, list[Any]] | None
    #: the record's placeholder revision
    rev: int
    #: PostgreSQL: `values` as the start of a COPY line, when `meta` is None
    line: str | None

def _rows_of(tx: Tx, select: str, keys: Iterable[tuple[str, str]],
             then: str = "") -> list[tuple]:
    """The rows of `select` (on records) for these (table, id) keys, by the primary key:
    one statement per table and 500 ids, in the key's order, each ending with `then`.
    (Asked by id alone, the database cannot use the key, which leads with the table: every
    push read the whole table, a cost that grew with the platform.)"""
    by_table: dict[str, list[str]] = {}
    for table, record_id in keys:
        by_table.setdefault(table, []).append(record_id)
    rows: list[tuple] = []
    for table, ids in sorted(by_table.items()):
        ids.sort()
        for start in range(0, len(ids), 500):
            where, args = tx.where_in("id", ids[start:start + 500])
            rows += tx.all(f"{select} WHERE tbl = ? AND {where}{then}", [table, *args])
    return rows


#: Revisions handed out while a push is planned stand in for the real ones (taken when it
#: writes): above every real revision, so a comparison with a device's base revision comes
#: out as it would with the real number.
PLACEHOLDER = 1 << 62


class _Batch:
    """One push, planned without locks, then written.

    Why: a push used to do all its work (loading, checking and merging each change) under
    one lock every writer waited for, and twenty offices pushing at once waited for each
    other's Python. Now a push reads the records it touches once and merges every change
    with placeholder revisions; then it locks the records it changes, checks that nothing
    it read has changed (else it plans again), takes its revisions in one call and writes
    everything in one statement per kind. What a later change in the same push sees is
    exactly what it saw before."""

    def __init__(self, tx: Tx, changes: list[Change]) -> None:
        self.tx = tx
        self.records: dict[tuple[str, str], Existing | None] = {}
        #: The revision of every record read from the database (None: it was not there).
        self.seen: dict[tuple[str, str], int | None] = {}
        wanted = {(c.table, c.record_id) for c in changes}
        for row in _rows_of(tx, _LOAD, wanted):
            self.records[(row[0], row[1])] = _existing(row)
        for key in wanted:
            self.records.setdefault(key, None)
            record = self.records[key]
            self.seen[key] = record.rev if record else None
        #: One time for the whole push: its records were received together.
        self.now = now_iso()
        self.today = dt.date.today()
        self.placeholders = 0
        self.inserts: list[list[Any]] = []
        self.updates: list[list[Any]] = []
        #: Files of forgotten people, removed once no live attachment names them.
        self.forgotten_files: set[str] = set()

    def load(self, table: str, record_id: str) -> Existing | None:
        key = (table, record_id)
        if key not in self.records:
            row = self.tx.one(f"{_LOAD} WHERE tbl = ? AND id = ?", key)
            self.records[key] = _existing(row) if row else None
            self.seen[key] = int(row[6]) if row else None
        return self.records[key]

    def stored(self, table: str, record_id: str, record: Existing) -> None:
        self.records[(table, record_id)] = record

    def next_rev(self) -> int:
        self.placeholders += 1
        return PLACEHOLDER + self.placeholders

    def still_current(self, tx: Tx) -> bool:
        """Whether every record this plan read is as it was; on PostgreSQL the records it
        changes are locked first (`FOR UPDATE`, in the key's order, so two pushes never
        wait for each other in a circle), and stay as read until this push commits.

        Records only read (an office, a settlement a person names) are compared, not
        locked: every office's pushes name the same few, and locking them would make those
        pushes wait for each other. A record the plan found missing and makes is not read
        again: if another device made it meanwhile, writing it breaks the records' key,
        and the push plans again then."""
        made = {(row[0], row[1]) for row in self.inserts}
        changed = {(row[7], row[8]) for row in self.updates}
        seen = {key: rev for key, rev in self.seen.items() if rev is not None or key not in made}
        now: dict[tuple[str, str], int | None] = dict.fromkeys(seen)
        locked = changed & seen.keys() if tx.postgres else set()
        if locked:
            for table, record_id, rev in _rows_of(tx, "SELECT tbl, id, rev FROM records",
                                                  locked, " ORDER BY id FOR UPDATE"):
                now[(table, record_id)] = int(rev)
        for table, record_id, rev in _rows_of(tx, "SELECT tbl, id, rev FROM records",
                                              seen.keys() - locked):
            now[(table, record_id)] = int(rev)
        return now == seen

    def seal(self) -> None:
        """Encode every row now, while planning (a writer holds its records' locks while
        it writes): the data, and the field metadata with 0 standing for the record's own
        revision, so only that one number is left to fill in when the revisions are taken.

        A record changed twice in one push keeps fields of an earlier placeholder
        revision; its metadata is encoded with the revisions (`_meta_text` gives None)."""
        pg = self.tx.postgres
        # In the key's order: two pushes making the same records (one check-in on two
        # laptops) then wait for each other's rows in one order, never in a circle.
        self.inserts.sort(key=lambda row: (row[0], row[1]))
        self.insert_rows: list[_NewRow] = []
        for table, record_id, office, shared, data, meta, rev, deleted, hlc, now, echo \
                in self.inserts:
            text = _meta_text(meta, rev)
            values = (table, record_id, office, shared, _dumps(data), text, deleted, hlc, now,
                      echo)
            ready = text is not None
            self.insert_rows.append(_NewRow(
                values, None if ready else meta, rev,
                copy_line_start(values) if pg and ready else None))
        self.update_rows: list[tuple[list[Any], dict[str, list[Any]], int]] = []
        for data, meta, rev, deleted, hlc, now, echo, table, record_id in self.updates:
            self.update_rows.append(([_dumps(data), _meta_text(meta, rev), None, deleted, hlc,
                                      now, echo, table, record_id], meta, rev))

    def write(self, tx: Tx) -> Callable[[int | None], int | None]:
        """Take the real revisions and write everything; returns the map from placeholder
        to real revision (for the push's answer). Call `seal` first."""
        base = tx.take_revs(self.placeholders) - 1 if self.placeholders else 0

        def real(rev: int | None) -> int | None:
            return rev - PLACEHOLDER + base if rev is not None and rev > PLACEHOLDER else rev

        # Inserts first: a record made and then changed in the same push is inserted, then
        # updated, in the order of its changes.
        if self.insert_rows:
            lines, rows = [], []
            for row in self.insert_rows:
                values, line = row.values, row.line
                if row.meta is not None:  # its metadata waited for the real revisions
                    values = (*values[:5], _meta_text(row.meta, row.rev, real), *values[6:])
                    line = copy_line_start(values) if tx.postgres else None
                if line is not None:
                    lines.append(f"{line}{real(row.rev)}\n")
                else:
                    rows.append((*values, real(row.rev)))
            if tx.postgres:
                tx.copy_lines("records", _COPY_COLUMNS, lines)
            else:
                tx.insert_rows("records", _COPY_COLUMNS, rows)
        if self.update_rows:
            for values, meta, rev in self.update_rows:
                values[2] = real(rev)
                if values[1] is None:
                    values[1] = _meta_text(meta, rev, real)
            tx.executemany(
                "UPDATE records SET data = ?, field_meta = ?, rev = ?, deleted = ?, hlc = ?, "
                "updated_at = ?, echo_device = ? WHERE tbl = ? AND id = ?",
                [values for values, _, _ in self.update_rows])
        for sha256 in sorted(self.forgotten_files):
            # a hex digest: safe inside the pattern
            if tx.one("SELECT 1 FROM records WHERE tbl = 'attachments' AND deleted = 0 "
                      "AND data LIKE ?", (f'%"sha256":"{sha256}"%',)) is None:
                for table in ("blobs", "blob_parts", "blob_access"):
                    tx.execute(f"DELETE FROM {table} WHERE sha256 = ?", (sha256,))
        return real


#: One push plans at a time in a process. Planning is Python work, and a process runs one
#: thread of Python at a time: ten pushes planning together in the server's thread pool take
#: as long as ten in turn, but meanwhile they starve the pushes that are writing of the
#: interpreter. Processes, not threads, add planning capacity (`hromada-server serve
#: --workers N`).
_PLANNING = threading.Lock()


@dataclass
class _Plan:
    batch: _Batch
    last_before: int
    #: (mutation, status, why refused, revision with a placeholder or None) per change
    results: list[tuple[int, str, str | None, int | None]]
    taken: list[tuple[str, int, str]]
    last_after: int


@dataclass
class PushOutcome:
    """What a push did: (mutation, status, why refused, revision) per change, and the last
    mutation taken. The HTTP layer encodes it straight to JSON (`as_json`): made into five
    hundred pydantic models and dumped, it was a tenth of a push's Python on the platform."""

    results: list[tuple[int, str, str | None, int | None]]
    last_mutation: int

    def as_response(self) -> PushResponse:
        return PushResponse(
            results=[ChangeResult.model_construct(mutation=m, status=s, reason=r, rev=v)
                     for m, s, r, v in self.results],
            last_mutation=self.last_mutation)

    def as_json(self, with_revs: bool, max_changes: int | None = None) -> bytes:
        """The answer as `as_response().model_dump_json()` writes it, `rev` left out unless
        the device asked for it (an older device's strict reader must not meet it), and
        `max_changes` only when given (the same)."""
        if with_revs:
            results = [{"mutation": m, "status": s, "reason": r, "rev": v}
                       for m, s, r, v in self.results]
        else:
            results = [{"mutation": m, "status": s, "reason": r} for m, s, r, _ in self.results]
        answer: dict[str, Any] = {"results": results, "last_mutation": self.last_mutation}
        if max_changes is not None:
            answer["max_changes"] = max_changes
        try:
            return orjson.dumps(answer)
        except TypeError:  # a reason quoting a lone surrogate (a field's name or value)
            for result in results:
                if result["reason"]:
                    result["reason"] = result["reason"].encode(
                        "utf-8", "backslashreplace").decode("utf-8")
            return orjson.dumps(answer)


def push(db: ServerDB, device: Device, request: PushRequest,
         echo: bool = False) -> PushResponse:
    return apply_push(db, device, request, echo).as_response()


def apply_push(db: ServerDB, device: Device, request: PushRequest,
               echo: bool = False) -> PushOutcome:
    if request.device_id != device.id:
        raise PermissionError("the device id does not match the token")
    with _PLANNING, db.transaction() as tx:
        plan = _plan(tx, device, request, echo)
    # Pushes of different offices write side by side (docs/sync-protocol.md, "the gap
    # problem"): the device's row, locked first, keeps one device's pushes in order; the
    # records a push changes are locked by `still_current`; new records meet at the key.
    with db.transaction(write=True, lock_now=False) as tx:
        row = tx.lock_device(device.id)
        if (int(row[0]) if row else 0) != plan.last_before:
            plan = _plan(tx, device, request, echo)  # the same device pushed in between
        if plan.taken:
            tx.insert_rows("device_changes", ("device_id", "mutation", "change_id"),
                           plan.taken)
        tx.execute("UPDATE devices SET last_mutation = ?, last_seen_at = ? WHERE id = ?",
                   (plan.last_after, now_iso(), device.id))
        tx.execute("SAVEPOINT records")
        for attempt in range(1, MAX_WRITE_ATTEMPTS + 1):
            if not plan.batch.still_current(tx):
                plan = _replan(tx, device, request, echo, plan)  # someone wrote in between
                continue
            try:
                real = plan.batch.write(tx)
                break
            except db.retry_errors as exc:
                # Another device made a record this push makes too (the same check-in
                # from two laptops) after the plan found none, or (PostgreSQL) another
                # writer held rows this one needed while waiting for this one's: plan
                # again, with the records as they are now.
                if attempt == MAX_WRITE_ATTEMPTS:
                    raise PlatformBusyError("other writers kept making the same records "
                                            "while this push was written") from exc
                tx.execute("ROLLBACK TO SAVEPOINT records")
                plan = _replan(tx, device, request, echo, plan)
        else:
            raise PlatformBusyError("the records kept changing while this push was written")
    return PushOutcome([(mutation, status, reason, real(rev))
                        for mutation, status, reason, rev in plan.results], plan.last_after)


#: How many times a push plans again because other writers changed its records meanwhile
#: before it gives up (the device sends it again later). Each time, the records it changes
#: are locked, so a second plan almost always writes.
MAX_WRITE_ATTEMPTS = 10


class PlatformBusyError(RuntimeError):
    """A push could not be written after planning it `MAX_WRITE_ATTEMPTS` times."""


def _replan(tx: Tx, device: Device, request: PushRequest, echo: bool, plan: _Plan) -> _Plan:
    """The push planned again in its write transaction, after this transaction already took
    the device's mutations: the same ones (same request, same device's state), merged with
    the records as they are now."""
    again = _plan(tx, device, request, echo, last=plan.last_before)
    assert again.taken == plan.taken and again.last_after == plan.last_after
    return again


def _plan(tx: Tx, device: Device, request: PushRequest, echo: bool,
          last: int | None = None) -> _Plan:
    """Everything a push will do, computed from what `tx` reads; writes nothing. `last`: the
    device's last mutation before this push, when the transaction has moved it already."""
    if last is None:
        row = tx.one("SELECT last_mutation FROM devices WHERE id = ?", (device.id,))
        last = int(row[0]) if row else 0
    results: list[tuple[int, str, str | None, int | None]] = []
    expected = last + 1
    batch = _Batch(tx, [c for c in request.changes if c.mutation > last])
    taken: list[tuple[str, int, str]] = []
    for change in request.changes:
        if change.mutation <= last:
            known = tx.one("SELECT change_id FROM device_changes WHERE device_id = ? AND "
                           "mutation = ?", (device.id, change.mutation))
            if known is not None and known[0] != identity(change):
                raise DivergedError(last + 1, change.mutation)
            results.append((change.mutation, "duplicate", None,
                            _echo_rev(batch, device, change) if echo else None))
            continue
        if change.mutation != expected:
            raise GapError(expected)
        reason, clean_rev = _apply(device, change, batch)
        taken.append((device.id, change.mutation, identity(change)))
        results.append((change.mutation, "rejected" if reason else "applied", reason,
                        clean_rev if echo else None))
        expected += 1
    batch.seal()
    return _Plan(batch, last, results, taken, expected - 1)


def _echo_rev(batch: _Batch, device: Device, change: Change) -> int | None:
    """The record's revision if it still equals this device's copy (a change sent again)."""
    record = batch.load(change.table, change.record_id)
    return record.rev if record is not None and record.echo_device == device.id else None


def _apply(device: Device, change: Change,
           batch: _Batch) -> tuple[str | None, int | None]:
    """Merge one change into the record; returns (why it was refused or None, the new
    revision when the merged record is exactly the device's own copy).

    The merged record equals the device's copy when the device made its change on top of the
    platform's current record (its base revision is the current one, or the current one came
    cleanly from this device's previous change) and every field of the change won."""
    table = change.table
    if table not in SYNCED_TABLES:
        return f"unknown record type {table!r}", None
    problem = field_problem(table, change.fields)
    if problem:
        return f"not valid: {problem}", None
    existing = batch.load(table, change.record_id)
    fields = dict(change.fields)
    fields.pop("deleted", None)
    refusal = write_refusal(device, table, existing.as_dict() if existing else None, fields)
    if refusal:
        return refusal, None
    clean = existing is None or existing.rev == change.base_rev or \
        existing.echo_device == device.id
    if change.op in ("delete", "undelete"):
        fields = {DELETED: change.op == "delete"}
    losers: list[tuple[str, Any, Any, str, str, str, str]] = []
    if existing is None:
        # A new record (most of what offices push): every field is this change's, with
        # nothing to merge it with; what the loop below would work out field by field.
        deleted = bool(fields.pop(DELETED, False))
        data = dict(fields)
        meta = {field: [change.hlc, device.id, 0] for field in fields}
        if change.op in ("delete", "undelete"):
            meta[DELETED] = [change.hlc, device.id, 0]
        fields = meta  # the fields it writes, whose revisions are filled in below
    else:
        data = dict(existing.data)
        meta = dict(existing.meta)
        deleted = existing.deleted
    merging = () if existing is None else fields.items()
    for field, value in merging:
        current = deleted if field == DELETED else data.get(field)
        previous = meta.get(field)
        sequential = (
            previous is None
            or previous[1] == device.id
            or (change.base_rev is not None and previous[2] <= change.base_rev)
        )
        if sequential or change.hlc > previous[0]:
            if not sequential and current != value:
                # This change wins: the value it replaces, written by the other device, is
                # the one kept as the conflict's losing value.
                losers.append((field, value, current, change.hlc, previous[0], device.id,
                               previous[1]))
            new_value = value
        else:
            if current != value:
                # The value already there wins; this device's value is kept as the loser.
                losers.append((field, current, value, previous[0], change.hlc, previous[1],
                               device.id))
                clean = False
            continue
        if field == DELETED:
            deleted = bool(new_value)
        else:
            data[field] = new_value
        meta[field] = [change.hlc, device.id, 0]  # rev filled in below
    if existing is not None and data == existing.data and deleted == existing.deleted \
            and not losers:
        # Nothing changed (e.g. the same check-in from two laptops).
        return None, (existing.rev if clean else None)
    if not deleted:
        try:
            validate(table, data, today=batch.today)
        except ValidationError as exc:
            return f"not valid: {exc}", None
        refusal = _reference_refusal(batch, device, table, change.record_id, data,
                                     fields if existing is not None else data)
        if refusal:
            return refusal, None
    if table == "attachments" and deleted and data.get("filename") == erasure.REMOVED_TEXT \
            and isinstance(data.get("sha256"), str) and data["sha256"].isalnum():
        batch.forgotten_files.add(data["sha256"])  # a forgotten person's file
    rev = batch.next_rev()
    for field in fields:
        if field in meta and meta[field][2] == 0:
            meta[field][2] = rev
    hlc = max((m[0] for m in meta.values()), default=change.hlc)
    echo_device = device.id if clean else None
    if existing is None:
        office = owner_office(table, data, device)
        shared = table in SHARED_TABLES
        batch.inserts.append(
            [table, change.record_id, office, int(shared), data, meta, rev, int(deleted), hlc,
             batch.now, echo_device])
    else:
        office = existing.office_id
        shared = existing.shared
        batch.updates.append(
            [data, meta, rev, int(deleted), hlc, batch.now, echo_device, table,
             change.record_id])
    batch.stored(table, change.record_id,
                 Existing(office, data, meta, deleted, rev, echo_device, shared))
    for field, winner, loser, win_hlc, lose_hlc, win_device, lose_device in losers:
        _record_conflict(batch, table, change.record_id, office, field, winner, loser,
                         win_hlc, lose_hlc, lose_device)
        del win_device
    return None, (rev if clean else None)


def _reference_refusal(
    batch: _Batch, device: Device, table: str, record_id: str, data: dict[str, Any],
    changed: dict[str, Any],
) -> str | None:
    """Why the references this change sets cannot be accepted; None if they can.

    Only references the change itself sets are checked (a record's older references were
    checked when they were set), in the batch's order: a person and their attendance pushed
    together apply, the attendance of a refused person does not.
    """
    if table == "attendance" and record_id != attendance_id(
            str(data.get("person_id")), str(data.get("event_id"))):
        return wire.REFUSE_ATTENDANCE_ID
    targets = list(REFERENCES.get(table, ()))
    if table == "attachments" and data.get("owner_table") in RECORD_TABLES:
        targets.append(("owner_id", str(data["owner_table"])))
    for column, parent in targets:
        value = changed.get(column)
        if value is None or column not in changed:
            continue
        word = wire.PARENT_WORDS.get(parent, "record")
        row = batch.load(parent, str(value))
        if row is None:
            return wire.REFUSE_MISSING_PARENT.format(word=word, column=column, value=value)
        if not device.is_council and not row.shared and row.office_id != device.office_id:
            return wire.REFUSE_FOREIGN_PARENT.format(word=word, column=column, value=value)
    return None


def _record_conflict(
    batch: _Batch, table: str, record_id: str, office: str | None, field: str,
    winner: Any, loser: Any, win_hlc: str, lose_hlc: str, lose_device: str,
) -> None:
    from desktop.store.ids import natural_id

    conflict_id = natural_id("conflict", table, record_id, field, lose_hlc)
    if batch.load("conflicts", conflict_id) is not None:
        return  # the same conflict, already recorded (a change sent again)
    data = {
        "table_name": table, "record_id": record_id,
        "field": "deleted" if field == DELETED else field,
        "winning_value": _text(winner), "losing_value": _text(loser),
        "winning_hlc": win_hlc, "losing_hlc": lose_hlc, "losing_device": lose_device,
        "office_id": office,
    }
    meta = {k: [win_hlc, "platform", 0] for k in data}
    rev = batch.next_rev()
    shared = table in SHARED_TABLES
    batch.inserts.append(["conflicts", conflict_id, office, int(shared), data, meta, rev, 0,
                          win_hlc, batch.now, None])
    batch.stored("conflicts", conflict_id, Existing(office, data, meta, False, rev, None, shared))


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def _dumps(value: Any) -> str:
    return codec.dumps(value)


#: How many rows one pull may read past while skipping a device's own records.
MAX_ECHO_SCAN = 50_000


def pull(db: ServerDB, device: Device, cursor: int, limit: int,
         skip_echo: bool = False, acked: int | None = None) -> PullResponse:
    where, params = readable_filter(device)
    with db.transaction() as tx:
        if skip_echo:
            # A device that has not acknowledged everything the platform took from it went
            # back in time (a restored backup, a copied folder): its own records may be
            # missing there, so they are sent like anyone else's.
            row = tx.one("SELECT last_mutation FROM devices WHERE id = ?", (device.id,))
            if acked is None or (row is not None and int(row[0]) > acked):
                skip_echo = False
        purged = tx.one("SELECT value FROM counters WHERE name = 'purged_rev'")
        if cursor and purged and cursor < int(purged[0]):
            return PullResponse(rows=[], cursor=0, more=True, full_resync=True)
        # The cursor passes the device's own records too (windows of the same `rev > cursor
        # ORDER BY rev` as without skipping, so the feed stays gap-free); only their bytes
        # are not sent, and a page keeps reading past them (up to MAX_ECHO_SCAN rows) so a
        # big push does not cost a round trip per empty page.
        # No further than every writer before has gone (PostgreSQL's writers commit in
        # another order than their revs): a row beyond waits for the next page.
        horizon = tx.feed_horizon()
        rows: list[Row] = []
        new_cursor, scanned, size = cursor, 0, 0
        while True:
            want = limit - len(rows)
            fetched = tx.all(
                f"SELECT tbl, id, rev, deleted, hlc, data, echo_device FROM records "
                f"WHERE rev > ? AND {where} ORDER BY rev LIMIT ?",
                (new_cursor, *params, want + 1),
            )
            more = len(fetched) > want
            fetched = fetched[:want]
            held_back = horizon is not None and bool(fetched) and int(fetched[-1][2]) > horizon
            if held_back:
                fetched = [row for row in fetched if int(row[2]) <= horizon]  # type: ignore[operator]
                more = True
            full = False
            for t, i, r, d, h, data, echo in fetched:
                if not (skip_echo and echo == device.id):
                    # A page ends at about PULL_PAGE_BYTES of data; one row always goes.
                    weight = len(data) if data.isascii() else \
                        len(data.encode("utf-8", "surrogatepass"))
                    if rows and size + weight > PULL_PAGE_BYTES:
                        full = True
                        break
                    size += weight
                    rows.append(Row(table=t, id=i, rev=int(r), deleted=bool(d), hlc=h,
                                    data=_feed_data(data)))
                new_cursor = int(r)
                scanned += 1
            if full:
                more = True
                break
            if not more or held_back or len(rows) >= limit or not skip_echo or \
                    scanned >= MAX_ECHO_SCAN:
                break
        checksums = None if more else _checksums(tx, where, params)
    return PullResponse(rows=rows, cursor=new_cursor, more=more, checksums=checksums)


def _feed_data(text: str) -> dict[str, Any]:
    """A record's data as the feed sends it. Text that cannot travel as UTF-8 (a lone
    surrogate, only possible in data an older platform stored) is sent with U+FFFD in its
    place, so one such record cannot fail the page for every device."""
    data = json.loads(text)
    if "\\ud" in text.lower():
        data = {k: v.encode("utf-8", "replace").decode("utf-8") if isinstance(v, str) else v
                for k, v in data.items()}
    return data


def _checksums(tx: Tx, where: str, params: list[Any]) -> dict[str, TableChecksum]:
    sums: dict[str, list[int]] = {}
    for table, record_id, rev in tx.execute(
        f"SELECT tbl, id, rev FROM records WHERE deleted = 0 AND {where}", params
    ):
        entry = sums.setdefault(table, [0, 0])
        entry[0] += 1
        entry[1] = (entry[1] + checksum_term(record_id, int(rev))) % CHECKSUM_MODULUS
    return {t: TableChecksum(count=c, sum=s) for t, (c, s) in sums.items()}


def _platform_insert(tx: Tx, table: str, record_id: str, data: dict[str, Any],
                     office_id: str | None) -> None:
    """A record the platform itself creates (offices, reference lists): shared, with the
    oldest possible clock so that any later edit by the council wins."""
    rev = tx.next_rev()
    hlc = f"{0:013d}-{0:05d}-platform"
    meta = {k: [hlc, "platform", rev] for k in data}
    tx.execute(
        "INSERT INTO records(tbl, id, office_id, shared, data, field_meta, rev, deleted, "
        "hlc, updated_at) VALUES(?, ?, ?, 1, ?, ?, ?, 0, ?, ?)",
        (table, record_id, office_id, _dumps(data), _dumps(meta), rev, hlc, now_iso()),
    )


def create_office(db: ServerDB, name: str, kind: str = "liaison_office",
                  office_id: str | None = None) -> str:
    """Offices are ordinary shared records: every device learns of a new one by sync."""
    from desktop.store.ids import new_id

    office_id = office_id or new_id()
    data = {"name": name.strip(), "kind": kind, "active": 1}
    validate("offices", data)
    with db.transaction(write=True) as tx:
        _platform_insert(tx, "offices", office_id, data, office_id)
    return office_id


def load_reference_lists(db: ServerDB) -> int:
    """The reference lists bundled with the app (districts, settlements, event kinds, idea
    categories), with the same natural ids the app gives them: an office that started on its
    own refers to these rows, so its records are accepted when it enrolls. Rows already here
    are left alone; returns how many were added."""
    from desktop.store.setup import reference_rows

    added = 0
    with db.transaction(write=True) as tx:
        for table, rows in reference_rows().items():
            for row in rows:
                if tx.one("SELECT 1 FROM records WHERE tbl = ? AND id = ?",
                          (table, row["id"])) is not None:
                    continue
                data = {k: v for k, v in row.items() if k != "id"}
                validate(table, data)
                _platform_insert(tx, table, row["id"], data, None)
                added += 1
    return added


def office_exists(db: ServerDB, office_id: str) -> bool:
    with db.transaction() as tx:
        return tx.one("SELECT 1 FROM records WHERE tbl = 'offices' AND id = ? AND deleted = 0",
                      (office_id,)) is not None


def office_name(db: ServerDB, office_id: str | None) -> str | None:
    if office_id is None:
        return None
    with db.transaction() as tx:
        row = tx.one("SELECT data FROM records WHERE tbl = 'offices' AND id = ?", (office_id,))
    return json.loads(row[0]).get("name") if row else None


def export_records(db: ServerDB, table: str) -> list[dict[str, Any]]:
    with db.transaction() as tx:
        rows = tx.all("SELECT id, office_id, rev, data FROM records WHERE tbl = ? AND deleted = 0 "
                      "ORDER BY rev", (table,))
    return [{"id": i, **json.loads(d), "rev": int(r)} for i, o, r, d in rows]


def purge_tombstones(db: ServerDB, older_than_iso: str) -> int:
    """Drop tombstones older than the retention; devices behind them must fully resync."""
    with db.transaction(write=True) as tx:
        row = tx.one("SELECT max(rev), count(*) FROM records WHERE deleted = 1 AND updated_at < ?",
                     (older_than_iso,))
        if not row or not row[1]:
            return 0
        tx.execute("DELETE FROM records WHERE deleted = 1 AND updated_at < ?", (older_than_iso,))
        tx.execute("UPDATE counters SET value = ? WHERE name = 'purged_rev' AND value < ?",
                   (row[0], row[0]))
        return int(row[1])
