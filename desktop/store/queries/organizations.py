"""What the CSO directory reads: the organisations list with its filters, and their people.

"Registered in the last 12 months" is the council's "CSOs created" indicator; the caller
passes the date a year ago (from the local date), so the query never reads the clock.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from desktop.store.queries.common import PagedSelect
from desktop.store.queries.people import search_condition

_LIST_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "t.id"),
    ("name", "t.name"),
    ("short_name", "t.short_name"),
    ("edrpou", "t.edrpou"),
    ("legal_form", "t.legal_form"),
    ("areas", "t.areas"),
    ("registered_on", "t.registered_on"),
    ("memorandum", "t.memorandum"),
    ("memorandum_on", "t.memorandum_on"),
    ("settlement", "(SELECT s.name FROM settlements AS s WHERE s.id = t.settlement_id)"),
    ("members", "(SELECT count(*) FROM org_members AS m JOIN people AS p "
                "ON p.id = m.person_id WHERE m.organization_id = t.id AND m.deleted = 0 "
                "AND p.deleted = 0)"),
)

def organizations_list(
    text: str = "", *, legal_form: str | None = None, area: str | None = None,
    memorandum: bool | None = None, registered_since: str | None = None,
) -> PagedSelect:
    """Live CSOs matching the search (name, short name, EDRPOU) and filters, by name.

    `memorandum`: True = signed a memorandum with the council, False = not (or unknown).
    `registered_since`: ISO date; only CSOs registered on or after it.
    """
    where: list[str] = ["t.deleted = 0"]
    params: list[Any] = []
    found = search_condition("organizations", text)
    if found is not None:
        where.append(found[0])
        params.extend(found[1])
    if legal_form:
        where.append("t.legal_form = ?")
        params.append(legal_form)
    if area:
        where.append("EXISTS (SELECT 1 FROM json_each(CASE WHEN json_valid(t.areas) "
                     "THEN t.areas ELSE '[]' END) WHERE value = ?)")
        params.append(area)
    if memorandum is True:
        where.append("t.memorandum = 1")
    elif memorandum is False:
        where.append("coalesce(t.memorandum, 0) = 0")
    if registered_since:
        where.append("t.registered_on >= ?")
        params.append(registered_since)
    return PagedSelect(
        table="organizations", columns=_LIST_COLUMNS, where=tuple(where),
        params=tuple(params), order_by=("t.sort_key",),  # Ukrainian alphabetical order
    )


def _dicts(cursor: sqlite3.Cursor) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def members(conn: sqlite3.Connection, organization_id: str) -> list[dict[str, Any]]:
    """The CSO's people: current roles first (heads before members), then former ones."""
    return _dicts(conn.execute(
        """SELECT m.id, m.person_id, m.role, m.since, m.until,
                  p.last_name, p.first_name, p.patronymic, p.phone
           FROM org_members AS m JOIN people AS p ON p.id = m.person_id
           WHERE m.organization_id = ? AND m.deleted = 0 AND p.deleted = 0
           ORDER BY m.until IS NOT NULL,
                    CASE m.role WHEN 'head' THEN 0 WHEN 'deputy' THEN 1 WHEN 'contact' THEN 2
                                WHEN 'member' THEN 3 ELSE 4 END,
                    p.last_name, p.first_name""", (organization_id,)))


def with_edrpou(conn: sqlite3.Connection, edrpou: str,
                except_id: str | None = None) -> dict[str, Any] | None:
    """Another live CSO already registered with this EDRPOU code, if any."""
    rows = _dicts(conn.execute(
        "SELECT id, name FROM organizations WHERE edrpou = ? AND deleted = 0 AND id != ? "
        "LIMIT 1", (edrpou, except_id or "")))
    return rows[0] if rows else None
