"""Who changed what, when and on which computer: the audit trail, read for people to see.

Why: every change is already in `change_log` (written in the same transaction as the change,
the sync's outbox), with the staff member who made it and the device. An office must be
able to answer "who changed this address?" and a council officer "what changed this week?"
without a database tool. Read-only: nothing here writes.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

#: How a record is named in the council-wide list (SQL over the record's table, `?` = id).
_LABELS: dict[str, str] = {
    "people": "SELECT trim(coalesce(last_name, '') || ' ' || coalesce(first_name, '')) "
              "FROM people WHERE id = ?",
    "events": "SELECT title FROM events WHERE id = ?",
    "ideas": "SELECT title FROM ideas WHERE id = ?",
    "organizations": "SELECT name FROM organizations WHERE id = ?",
    "consultations": "SELECT title FROM consultations WHERE id = ?",
    "offices": "SELECT name FROM offices WHERE id = ?",
    "attachments": "SELECT filename FROM attachments WHERE id = ?",
    "settlements": "SELECT name FROM settlements WHERE id = ?",
    "districts": "SELECT name FROM districts WHERE id = ?",
    "idea_categories": "SELECT name_uk FROM idea_categories WHERE id = ?",
    "staff": "SELECT name FROM staff WHERE id = ?",
    "attendance": "SELECT trim(coalesce(p.last_name, '') || ' ' || coalesce(p.first_name, '')) "
                  "|| ' · ' || coalesce(e.title, '') FROM attendance AS a "
                  "LEFT JOIN people AS p ON p.id = a.person_id "
                  "LEFT JOIN events AS e ON e.id = a.event_id WHERE a.id = ?",
    "visits": "SELECT trim(coalesce(p.last_name, '') || ' ' || coalesce(p.first_name, '')) "
              "FROM visits AS v LEFT JOIN people AS p ON p.id = v.person_id WHERE v.id = ?",
    "submissions": "SELECT c.title FROM submissions AS s LEFT JOIN consultations AS c "
                   "ON c.id = s.consultation_id WHERE s.id = ?",
    "org_members": "SELECT trim(coalesce(p.last_name, '') || ' ' || coalesce(p.first_name, '')) "
                   "|| ' · ' || coalesce(o.name, '') FROM org_members AS m "
                   "LEFT JOIN people AS p ON p.id = m.person_id "
                   "LEFT JOIN organizations AS o ON o.id = m.organization_id WHERE m.id = ?",
}


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class HistoryEntry:
    changed_at: str              # UTC ISO
    op: str                      # insert, update, delete, undelete
    table: str
    record_id: str
    changes: tuple[FieldChange, ...]
    staff: str | None            # the staff member, when this device knows them
    device_id: str
    here: bool                   # made on this device (not received from the platform)
    label: str = ""              # the record's name, in the council-wide list


def _changes(op: str, old: str | None, new: str | None) -> tuple[FieldChange, ...]:
    before = _load(old)
    after = _load(new)
    fields = sorted(set(before) | set(after))
    return tuple(FieldChange(f, before.get(f), after.get(f)) for f in fields
                 if op != "update" or before.get(f) != after.get(f) or f not in before)


def _load(text: str | None) -> dict[str, Any]:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


_SELECT = ("SELECT c.changed_at, c.op, c.table_name, c.record_id, c.old, c.new, st.name, "
           "c.device_id, c.origin FROM change_log AS c "
           "LEFT JOIN staff AS st ON st.id = c.user_id ")


def _entry(row: tuple, device_id: str, label: str = "") -> HistoryEntry:
    changed_at, op, table, record_id, old, new, staff, device, origin = row
    return HistoryEntry(changed_at, op, table, record_id, _changes(op, old, new), staff,
                        device, origin == "local" and device == device_id, label)


def record_history(conn: sqlite3.Connection, table: str, record_id: str,
                   device_id: str) -> list[HistoryEntry]:
    """Every change of one record, oldest first."""
    return [_entry(row, device_id) for row in conn.execute(
        _SELECT + "WHERE c.table_name = ? AND c.record_id = ? ORDER BY c.seq",
        (table, record_id))]


def recent_changes(conn: sqlite3.Connection, device_id: str, limit: int = 500,
                   office_id: str | None = None) -> list[HistoryEntry]:
    """The latest changes of every record this device holds, newest first, each with the
    record's name (on a council device: every office's). `office_id` keeps one office's
    records (those of its people, events, ideas and CSOs)."""
    rows = conn.execute(_SELECT + "WHERE c.origin != 'bundled' ORDER BY c.seq DESC LIMIT ?",
                        (limit * 4 if office_id else limit,)).fetchall()
    found = []
    for row in rows:
        table, record_id = row[2], row[3]
        if office_id is not None and _office_of(conn, table, record_id) != office_id:
            continue
        found.append(_entry(row, device_id, label(conn, table, record_id)))
        if len(found) >= limit:
            break
    return found


def label(conn: sqlite3.Connection, table: str, record_id: str) -> str:
    sql = _LABELS.get(table)
    if sql is None:
        return ""
    try:
        row = conn.execute(sql, (record_id,)).fetchone()
    except sqlite3.Error:
        return ""
    return str(row[0]).strip(" ·") if row and row[0] else ""


def _office_of(conn: sqlite3.Connection, table: str, record_id: str) -> str | None:
    try:
        row = conn.execute(f"SELECT office_id FROM [{table}] WHERE id = ?",
                           (record_id,)).fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None
