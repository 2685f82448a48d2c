"""What the advice-visits list and the person picker read.

Visits are read by the `(office_id, visited_at)` index; the visitor's and staff member's
names come from correlated lookups by primary key, so a page of 200 rows costs 400 index
probes, not a join over every person. "Follow-ups due" uses the home screen's definition
(`desktop.store.queries.today`), so both screens list the same visits.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from desktop.store.queries.common import PagedSelect
from desktop.store.queries.today import FOLLOW_UP_AHEAD_DAYS, FOLLOW_UP_OVERDUE_DAYS

_PERSON = "(SELECT p.[{column}] FROM people AS p WHERE p.id = t.person_id)"

VISIT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "t.id"),
    ("visited_at", "t.visited_at"),
    ("last_name", _PERSON.format(column="last_name")),
    ("first_name", _PERSON.format(column="first_name")),
    ("patronymic", _PERSON.format(column="patronymic")),
    ("topic", "t.topic"),
    ("tool", "t.tool"),
    ("outcome", "t.outcome"),
    ("follow_up_on", "t.follow_up_on"),
    ("staff_name", "(SELECT s.name FROM staff AS s WHERE s.id = t.staff_id)"),
    ("person_id", "t.person_id"),
    ("office_id", "t.office_id"),
)


def visits_query(
    *, office_id: str | None = None, since: str | None = None, until: str | None = None,
    tool: str | None = None, follow_ups_due_on: date | None = None,
) -> PagedSelect:
    """Live advice visits, newest first (or, for follow-ups, the earliest due first).

    `since`/`until`: stored-time bounds (`since` <= visited_at < `until`), UTC ISO text.
    `follow_ups_due_on`: only visits whose follow-up is due around that day, as on the home
    screen (a week ahead, up to a month overdue).
    """
    where = ["t.deleted = 0"]
    params: list[Any] = []
    if office_id:
        where.append("t.office_id = ?")
        params.append(office_id)
    if since:
        where.append("t.visited_at >= ?")
        params.append(since)
    if until:
        where.append("t.visited_at < ?")
        params.append(until)
    if tool:
        where.append("t.tool = ?")
        params.append(tool)
    order = ("t.visited_at DESC",)
    if follow_ups_due_on is not None:
        where.append("t.follow_up_on IS NOT NULL AND t.follow_up_on <= ? "
                     "AND t.follow_up_on >= ?")
        params += [(follow_ups_due_on + timedelta(days=FOLLOW_UP_AHEAD_DAYS)).isoformat(),
                   (follow_ups_due_on - timedelta(days=FOLLOW_UP_OVERDUE_DAYS)).isoformat()]
        order = ("t.follow_up_on ASC",)
    return PagedSelect(table="visits", columns=VISIT_COLUMNS, where=tuple(where),
                       params=tuple(params), order_by=order)


PERSON_COLUMNS = ("id", "last_name", "first_name", "patronymic", "birth_year", "phone",
                  "consent_given_at", "consent_text_version", "consent_method",
                  "consent_withdrawn_at")


def people_brief(conn: sqlite3.Connection, ids: Sequence[str]) -> list[dict[str, Any]]:
    """Name, birth year, phone and consent of the given live people, in the order of `ids`
    (search results keep their ranking)."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return []
    found: dict[str, dict[str, Any]] = {}
    names = ", ".join(PERSON_COLUMNS)
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        marks = ",".join("?" for _ in chunk)
        for row in conn.execute(
                f"SELECT {names} FROM people WHERE deleted = 0 AND id IN ({marks})", chunk):
            found[row[0]] = dict(zip(PERSON_COLUMNS, row, strict=True))
    return [found[i] for i in wanted if i in found]


def person_brief(conn: sqlite3.Connection, person_id: str | None) -> dict[str, Any] | None:
    if not person_id:
        return None
    rows = people_brief(conn, [person_id])
    return rows[0] if rows else None


def staff_of_office(conn: sqlite3.Connection, office_id: str | None,
                    keep: str | None = None) -> list[tuple[str, str]]:
    """(id, name) of an office's active staff (plus `keep`, even if no longer active)."""
    if not office_id:
        rows = conn.execute("SELECT id, name, active FROM staff WHERE deleted = 0 AND id = ?",
                            (keep or "",)).fetchall()
    else:
        rows = conn.execute(
            "SELECT id, name, active FROM staff WHERE deleted = 0 AND (office_id = ? OR id = ?) "
            "ORDER BY name", (office_id, keep or "")).fetchall()
    return [(record_id, name or "") for record_id, name, active in rows
            if active != 0 or record_id == keep]
