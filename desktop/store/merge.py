"""Merging two people: every link moves to the kept person, the duplicate is tombstoned.

Why one module and one transaction: a merge touches a person, their attendance, ideas,
advice visits, consultation comments and CSO roles. Done halfway (a crash, a validation
error in the fifth step) it would leave a person's history split between a live record and
a deleted one. Everything below runs inside one `store.write()`, and every change goes
through `Store.insert/update/delete`, so the change log (the audit trail and the sync
outbox) has an entry for each moved record.

Attendance is special: its id is derived from person x event (`attendance_id`), so two
laptops checking in the same person converge. Moving it to another person therefore means a
new record under the kept person's natural id and a tombstone for the old one; if both
people were at the same event, the two are combined into one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from desktop.domain import merge as rules
from desktop.domain.validation import validate
from desktop.store.errors import RecordNotFound, StoreError
from desktop.store.ids import attendance_id, utc_now
from desktop.store.records import Store

ATTENDANCE_FIELDS = ("status", "checked_in_at", "role", "knowledge_improved",
                     "would_recommend", "rating", "feedback_comment")
MEMBER_FIELDS = ("role", "since", "until")


@dataclass
class MergeReport:
    """What a merge moved, for the message shown afterwards."""

    kept_id: str
    removed_id: str
    person_fields: int = 0
    attendance_moved: int = 0
    attendance_combined: int = 0
    ideas: int = 0
    visits: int = 0
    submissions: int = 0
    memberships_moved: int = 0
    memberships_combined: int = 0

    @property
    def links(self) -> int:
        return (self.attendance_moved + self.attendance_combined + self.ideas + self.visits
                + self.submissions + self.memberships_moved + self.memberships_combined)


def _live_ids(store: Store, table: str, column: str, person_id: str) -> list[str]:
    return [row[0] for row in store.conn.execute(
        f"SELECT id FROM [{table}] WHERE [{column}] = ? AND deleted = 0 ORDER BY id",
        (person_id,))]


def _changed(current: Mapping[str, Any], values: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if current.get(k) != v}


def merge_people(
    store: Store, kept_id: str, duplicate_id: str,
    choices: Mapping[str, rules.Side] | None = None, *, user_id: str | None = None,
) -> MergeReport:
    """Merge `duplicate_id` into `kept_id`; `choices` says per detail (see
    `desktop.domain.merge.CHOICE_GROUPS`) whose value to keep, defaults elsewhere.

    Raises RecordNotFound if either person is missing or deleted, StoreError if they are the
    same record, ValidationError if the chosen values do not make a valid person. Nothing
    is changed unless everything succeeds.
    """
    if kept_id == duplicate_id:
        raise StoreError("A person cannot be merged with themselves")
    report = MergeReport(kept_id, duplicate_id)
    with store.write():
        kept = store.get("people", kept_id)
        duplicate = store.get("people", duplicate_id)
        if kept is None or duplicate is None:
            raise RecordNotFound("One of the two people no longer exists")
        values = rules.merged_values(kept, duplicate, choices or {})
        cleaned = validate("people", values)
        changes = {k: v for k, v in cleaned.items() if kept.get(k) != v}
        if changes:
            store.update("people", kept_id, changes, user_id=user_id)
            report.person_fields = len(changes)

        _move_attendance(store, kept_id, duplicate_id, report, user_id)
        for table, column, counter in (("ideas", "author_person_id", "ideas"),
                                       ("visits", "person_id", "visits"),
                                       ("submissions", "person_id", "submissions")):
            for record_id in _live_ids(store, table, column, duplicate_id):
                store.update(table, record_id, {column: kept_id}, user_id=user_id)
                setattr(report, counter, getattr(report, counter) + 1)
        _move_memberships(store, kept_id, duplicate_id, report, user_id)

        store.delete("people", duplicate_id, user_id=user_id)
        _settle_possible_duplicates(store, kept_id, duplicate_id)
    return report


def _move_attendance(store: Store, kept_id: str, duplicate_id: str, report: MergeReport,
                     user_id: str | None) -> None:
    for old_id in _live_ids(store, "attendance", "person_id", duplicate_id):
        old = store.get("attendance", old_id)
        assert old is not None
        new_id = attendance_id(kept_id, old["event_id"])
        existing = store.get("attendance", new_id, include_deleted=True)
        if existing is not None and not existing["deleted"]:
            # Both were at this event: one attendance keeps what either recorded.
            combined = rules.merge_attendance(existing, old)
            changes = _changed(existing, combined)
            if changes:
                store.update("attendance", new_id, changes, user_id=user_id)
            report.attendance_combined += 1
        elif existing is not None:
            # The kept person's attendance here had been cancelled by deletion: bring it
            # back with the duplicate's details (the natural id allows only one row).
            store.undelete("attendance", new_id, user_id=user_id)
            changes = _changed(existing, {k: old.get(k) for k in ATTENDANCE_FIELDS})
            if changes:
                store.update("attendance", new_id, changes, user_id=user_id)
            report.attendance_moved += 1
        else:
            store.insert("attendance", {
                "id": new_id, "event_id": old["event_id"], "person_id": kept_id,
                **{k: old.get(k) for k in ATTENDANCE_FIELDS},
            }, user_id=user_id)
            report.attendance_moved += 1
        store.delete("attendance", old_id, user_id=user_id)


def _move_memberships(store: Store, kept_id: str, duplicate_id: str, report: MergeReport,
                      user_id: str | None) -> None:
    kept_roles = {}
    for record_id in _live_ids(store, "org_members", "person_id", kept_id):
        row = store.get("org_members", record_id)
        if row is not None:
            kept_roles.setdefault(row["organization_id"], row)
    for record_id in _live_ids(store, "org_members", "person_id", duplicate_id):
        row = store.get("org_members", record_id)
        assert row is not None
        same_org = kept_roles.get(row["organization_id"])
        if same_org is None:
            store.update("org_members", record_id, {"person_id": kept_id}, user_id=user_id)
            report.memberships_moved += 1
            continue
        changes = _changed(same_org, rules.merge_membership(same_org, row))
        if changes:
            store.update("org_members", same_org["id"], changes, user_id=user_id)
            same_org.update(changes)
        store.delete("org_members", record_id, user_id=user_id)
        report.memberships_combined += 1


def _settle_possible_duplicates(store: Store, kept_id: str, duplicate_id: str) -> None:
    """The merged pair is settled; other pairs of the removed person now concern the kept
    one (unless that is the pair itself)."""
    conn = store.conn
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND "
                    "name = 'possible_duplicates'").fetchone() is None:
        return  # a database from before the duplicate list existed
    first, second = sorted((kept_id, duplicate_id))
    conn.execute("UPDATE possible_duplicates SET dismissed = 1 WHERE person_a = ? AND "
                 "person_b = ?", (first, second))
    others = conn.execute(
        "SELECT person_a, person_b, reason FROM possible_duplicates WHERE dismissed = 0 AND "
        "(person_a = ? OR person_b = ?)", (duplicate_id, duplicate_id)).fetchall()
    for person_a, person_b, reason in others:
        third = person_b if person_a == duplicate_id else person_a
        if third != kept_id:
            a, b = sorted((kept_id, third))
            conn.execute("INSERT INTO possible_duplicates(person_a, person_b, reason, "
                         "found_at) VALUES(?, ?, ?, ?) ON CONFLICT DO NOTHING",
                         (a, b, reason, utc_now()))
        conn.execute("UPDATE possible_duplicates SET dismissed = 1 WHERE person_a = ? AND "
                     "person_b = ?", (person_a, person_b))
