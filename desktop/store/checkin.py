"""Writes of the check-in desk: checking a person in, undoing it, registering a walk-in.

Why a module: a check-in is not always an insert. The person may have registered in advance
(a row with status "registered"), been checked in and undone a minute ago (a tombstoned
row), or be checked in already by the laptop next to this one (sync gives both the same
row, because the id is `attendance_id(person, event)`). Each case is one transaction through
the store's write path, so the change log and sync see ordinary updates.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desktop.store.ids import attendance_id
from desktop.store.records import Store

#: The fields a check-in changes; their previous values are kept for undo.
_CHECK_IN_FIELDS = ("status", "checked_in_at", "role", "deleted")

NEW, UPDATED, ALREADY = "new", "updated", "already"


@dataclass(frozen=True)
class CheckIn:
    """What a check-in did: `outcome` is NEW (row created), UPDATED (an existing row now
    says "attended") or ALREADY (nothing changed). `previous` holds the changed fields'
    old values (None for a new row), which is what `undo_check_in` restores."""

    attendance_id: str
    event_id: str
    person_id: str
    outcome: str
    checked_in_at: str | None
    previous: dict[str, Any] | None = None


def local_now() -> str:
    """Now as office-local ISO time to the second ("2026-11-23T10:42:05")."""
    return datetime.now().isoformat(timespec="seconds")


def _existing(store: Store, event_id: str, person_id: str) -> dict | None:
    """The attendance row of this person at this event, tombstoned or not. Usually its id
    is the natural one, but rows imported before ids were natural may have another."""
    row = store.get("attendance", attendance_id(person_id, event_id), include_deleted=True)
    if row is not None:
        return row
    found = store.conn.execute(
        "SELECT id FROM attendance WHERE event_id = ? AND person_id = ?",
        (event_id, person_id)).fetchone()
    return store.get("attendance", found[0], include_deleted=True) if found else None


def check_in(
    store: Store, event_id: str, person_id: str, *, at: str | None = None,
    user_id: str | None = None,
) -> CheckIn:
    """Mark the person as attended (now, as a participant unless they had another role)."""
    moment = at or local_now()
    with store.write():
        row = _existing(store, event_id, person_id)
        if row is None:
            record = store.insert("attendance", {
                "id": attendance_id(person_id, event_id), "event_id": event_id,
                "person_id": person_id, "status": "attended", "checked_in_at": moment,
                "role": "participant",
            }, user_id=user_id)
            return CheckIn(record["id"], event_id, person_id, NEW, moment)
        if not row["deleted"] and row["status"] == "attended":
            return CheckIn(row["id"], event_id, person_id, ALREADY, row["checked_in_at"])
        previous = {name: row[name] for name in _CHECK_IN_FIELDS}
        if row["deleted"]:
            store.undelete("attendance", row["id"], user_id=user_id)
        store.update("attendance", row["id"], {
            "status": "attended", "checked_in_at": moment,
            "role": row["role"] or "participant",
        }, user_id=user_id)
        return CheckIn(row["id"], event_id, person_id, UPDATED, moment, previous)


def undo_check_in(store: Store, done: CheckIn, *, user_id: str | None = None) -> bool:
    """Take a check-in back: a new row is tombstoned, an updated one gets its old values.
    Returns False if there was nothing to undo (ALREADY, or the row is gone)."""
    if done.outcome == ALREADY:
        return False
    with store.write():
        row = store.get("attendance", done.attendance_id, include_deleted=True)
        if row is None:
            return False
        if done.outcome == NEW or done.previous is None:
            store.delete("attendance", row["id"], user_id=user_id)
            return True
        previous = dict(done.previous)
        was_deleted = previous.pop("deleted", 0)
        store.update("attendance", row["id"], previous, user_id=user_id)
        if was_deleted:
            store.delete("attendance", row["id"], user_id=user_id)
        return True


def register_walk_in(
    store: Store, person: Mapping[str, Any], event_id: str, *, at: str | None = None,
    user_id: str | None = None,
) -> tuple[dict, CheckIn]:
    """Create a person who came without registering and check them in, in one transaction.
    `person` must already be validated (a form's cleaned values)."""
    with store.write():
        created = store.insert("people", person, user_id=user_id)
        done = check_in(store, event_id, created["id"], at=at, user_id=user_id)
    return created, done
