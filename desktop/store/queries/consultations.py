"""What the Consultations screen reads: consultations and the submissions to each.

Consultations are few (tens to a few hundred a year), so a text search folds titles and
authorities in Python, which matches Ukrainian case and apostrophe variants that SQLite's
LIKE would miss. Submissions are read by their `consultation_id` index, with the citizen's
name looked up by primary key.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date
from typing import Any

from desktop.domain.names import fold
from desktop.store.queries.common import PagedSelect

CONSULTATION_COLUMNS: tuple[tuple[str, str], ...] = tuple(
    (name, f"t.[{name}]") for name in (
        "id", "title", "authority", "topic", "level", "method", "opens_on", "closes_on",
        "status", "office_id"))


def consultations_query(
    *, level: str | None = None, status: str | None = None, since: date | None = None,
    until: date | None = None, ids: Sequence[str] | None = None,
) -> PagedSelect:
    """Live consultations, the latest opening first. `since`/`until`: only those open at
    some point of the period (an unknown opening or closing date does not exclude)."""
    where = ["t.deleted = 0"]
    params: list[Any] = []
    if level:
        where.append("t.level = ?")
        params.append(level)
    if status:
        where.append("t.status = ?")
        params.append(status)
    if until is not None:
        where.append("(t.opens_on IS NULL OR t.opens_on <= ?)")
        params.append(until.isoformat())
    if since is not None:
        where.append("(coalesce(t.closes_on, t.opens_on) IS NULL "
                     "OR coalesce(t.closes_on, t.opens_on) >= ?)")
        params.append(since.isoformat())
    if ids is not None:
        if not ids:
            where.append("0")
        else:
            where.append(f"t.id IN ({','.join('?' for _ in ids)})")
            params.extend(ids)
    return PagedSelect(table="consultations", columns=CONSULTATION_COLUMNS,
                       where=tuple(where), params=tuple(params),
                       order_by=("t.opens_on DESC",))


def matching_ids(conn: sqlite3.Connection, text: str) -> list[str]:
    """Ids of live consultations whose title, authority or topic contain every word of
    `text` (case and apostrophes ignored)."""
    words = fold(text).split()
    if not words:
        return []
    found = []
    for record_id, title, authority, topic in conn.execute(
            "SELECT id, title, authority, topic FROM consultations WHERE deleted = 0"):
        haystack = fold(" ".join(filter(None, (title, authority, topic))))
        if all(word in haystack for word in words):
            found.append(record_id)
    return found


_PERSON = "(SELECT p.[{column}] FROM people AS p WHERE p.id = t.person_id)"

SUBMISSION_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "t.id"),
    ("received_on", "t.received_on"),
    ("received_via", "t.received_via"),
    ("last_name", _PERSON.format(column="last_name")),
    ("first_name", _PERSON.format(column="first_name")),
    ("patronymic", _PERSON.format(column="patronymic")),
    ("text", "t.text"),
    ("responded_on", "t.responded_on"),
    ("response", "t.response IS NOT NULL AND t.response <> ''"),
    ("person_id", "t.person_id"),
)


def submissions_query(consultation_id: str | None) -> PagedSelect:
    """The live submissions to one consultation, the latest received first."""
    return PagedSelect(
        table="submissions", columns=SUBMISSION_COLUMNS,
        where=("t.deleted = 0", "t.consultation_id = ?"), params=(consultation_id or "",),
        order_by=("t.received_on DESC",))
