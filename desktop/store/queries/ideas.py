"""What the Ideas & appeals screen reads: the filtered list, lookups, and attachments.

The list is a `PagedSelect` (the screen pages and counts it); a text search first asks the
full-text index for matching ids (`Store.search`), then filters the list by them. Ideas are
read by `status, received_on` and `office_id` indexes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date
from typing import Any

from desktop.domain import deadlines
from desktop.store.queries.common import PagedSelect, options, select_records

#: Statuses that still wait for the council's answer (the same as the home screen's).
WAITING_STATUSES = ("new", "forwarded", "under_review")
#: Statuses an office may set itself; the others come from the council through sync.
OFFICE_STATUSES = ("new", "forwarded")

LIST_COLUMNS = ("id", "received_on", "title", "channel", "category_id", "status",
                "settlement_id", "office_id", "responded_on", "description")

def answer_terms(conn: sqlite3.Connection
                 ) -> tuple[dict[str, deadlines.AnswerPeriod | None], deadlines.WorkCalendar]:
    """The council's terms for answers and its working calendar, as synced to this device
    (the legal defaults where the council has set nothing)."""
    periods = deadlines.periods_from_rows(
        {"kind": k, "amount": a, "unit": u, "longest_days": d} for k, a, u, d in conn.execute(
            "SELECT kind, amount, unit, longest_days FROM answer_periods WHERE deleted = 0"))
    work = deadlines.calendar_from_rows(
        {"day": day, "working": working} for day, working in conn.execute(
            "SELECT day, working FROM days_off WHERE deleted = 0"))
    return periods, work


def due_sort(periods: dict[str, deadlines.AnswerPeriod | None] | None = None) -> str:
    """An SQL expression over `t` that orders ideas by their due date, for a header click:
    the legal term added to `received_on` (working days as weeks and days, so the order
    is right though a day off may shift the date itself by a day or two); no term last."""
    cases = []
    for kind, period in (periods or deadlines.DEFAULT_PERIODS).items():
        if period is None:
            continue
        days = period.amount * 7 // 5 if period.unit == "working_days" else period.amount
        unit = "months" if period.unit == "months" else "days"
        cases.append(f"WHEN '{kind}' THEN date(t.received_on, '+{days} {unit}')")
    return f"coalesce(CASE t.channel {' '.join(cases)} END, '9999')"


#: Most ideas a text search filters the list to (best matches of the full-text index).
SEARCH_LIMIT = 2000


def ideas_query(
    *, statuses: Sequence[str] | None = None, channel: str | None = None,
    category_id: str | None = None, office_id: str | None = None,
    since: date | None = None, until: date | None = None,
    ids: Sequence[str] | None = None,
) -> PagedSelect:
    """Live ideas matching every given filter, newest received first.

    `since`/`until`: the received date, both days included. `ids`: only these (the result
    of a text search; an empty list matches nothing).
    """
    filters: dict[str, Any] = {}
    if statuses:
        filters["status"] = tuple(statuses)
    if channel:
        filters["channel"] = channel
    if category_id:
        filters["category_id"] = category_id
    if office_id:
        filters["office_id"] = office_id
    if ids is not None:
        filters["id"] = tuple(ids)
    query = select_records("ideas", LIST_COLUMNS, filters=filters,
                           order_by=["-received_on"])
    where, params = list(query.where), list(query.params)
    if since is not None:
        where.append("t.received_on >= ?")
        params.append(since.isoformat())
    if until is not None:
        where.append("t.received_on <= ?")
        params.append(until.isoformat())
    return query._replace(where=tuple(where), params=tuple(params))


def categories(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Idea categories in their display order: id, code, name_uk, name_en."""
    return [{"id": record_id, "code": code, "name_uk": uk, "name_en": en}
            for record_id, (code, uk, en, _order) in options(
                conn, "idea_categories", ["code", "name_uk", "name_en", "sort_order"],
                order_by=["sort_order", "name_uk"])]


def settlements(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(id, name) of the community's settlements, by name."""
    return [(record_id, name or "") for record_id, (name,) in
            options(conn, "settlements", ["name"], order_by=["name"])]


def offices(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(id, name) of the offices, by name."""
    return [(record_id, name or short or "") for record_id, (name, short) in
            options(conn, "offices", ["name", "short_name"], order_by=["name"])]


def attachments(conn: sqlite3.Connection, owner_table: str, owner_id: str) -> list[dict]:
    """The live attachments of one record, oldest first (read by owner_table, owner_id)."""
    columns = ["id", "sha256", "filename", "mime", "size", "created_at"]
    query = select_records("attachments", columns,
                           filters={"owner_table": owner_table, "owner_id": owner_id},
                           order_by=["created_at"])
    return [dict(zip(query.names, row, strict=True)) for row in query.all(conn)]
