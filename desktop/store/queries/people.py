"""What the People screen reads: the directory list, one person's history, link counts.

The list is a `PagedSelect`, so 200,000 people open as fast as 200: with an empty search it
walks the alphabetical sort-key index; a search goes through the full-text index with the
same folded prefix expression as `Store.search` (any case, any apostrophe, phone digits), as
a sub-select, so the results page lazily and can be counted in a worker like any list.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from desktop.domain.names import sort_key
from desktop.store.queries.common import PagedSelect
from desktop.store.search import match_expression, person_words, words_expression

#: Consent filter values.
CONSENT_GIVEN = "given"
CONSENT_MISSING = "missing"
CONSENT_WITHDRAWN = "withdrawn"

#: History lists show at most this many rows (a person with more is very rare).
HISTORY_LIMIT = 500

_LIST_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "t.id"),
    ("last_name", "t.last_name"),
    ("first_name", "t.first_name"),
    ("patronymic", "t.patronymic"),
    ("gender", "t.gender"),
    ("birth_year", "t.birth_year"),
    ("phone", "t.phone"),
    ("settlement", "(SELECT s.name FROM settlements AS s WHERE s.id = t.settlement_id)"),
    ("consent_given_at", "t.consent_given_at"),
    ("consent_withdrawn_at", "t.consent_withdrawn_at"),
)

SEARCH_SUBSELECT = (
    "t.id IN (SELECT d.record_id FROM search_docs_fts AS f JOIN search_docs AS d "
    "ON d.doc_id = f.rowid WHERE search_docs_fts MATCH ? AND d.kind = ?)")


def search_condition(kind: str, text: str) -> tuple[str, tuple[Any, ...]] | None:
    """A WHERE term keeping the records of `kind` whose search document matches `text`
    (every word a prefix), or None when the text has no words to search for."""
    expression = match_expression(text)
    if expression is None:
        return None
    return SEARCH_SUBSELECT, (expression, kind)


def people_list(
    text: str = "", *, gender: str | None = None, settlement_id: str | None = None,
    consent: str | None = None,
) -> PagedSelect:
    """Live people matching the search and filters, by last name then first name."""
    where: list[str] = ["t.deleted = 0"]
    params: list[Any] = []
    letter = text.strip()
    if len(letter) == 1 and letter.isalpha():
        # One letter matches a third of everyone through the full-text index (slow, and
        # not what anyone means): it is the first letter of the surname, read by index.
        first = sort_key(letter)
        where.append("t.sort_key >= ? AND t.sort_key < ?")
        params.extend((first, first[:-1] + chr(ord(first[-1]) + 1)))
    elif words := person_words(text):  # the same words as every person search
        where.append(SEARCH_SUBSELECT)
        params.extend((words_expression(words), "people"))
    if gender:
        where.append("t.gender = ?")
        params.append(gender)
    if settlement_id:
        where.append("t.settlement_id = ?")
        params.append(settlement_id)
    if consent == CONSENT_GIVEN:
        where.append("t.consent_given_at IS NOT NULL AND t.consent_withdrawn_at IS NULL")
    elif consent == CONSENT_MISSING:
        where.append("t.consent_given_at IS NULL AND t.consent_withdrawn_at IS NULL")
    order_by: tuple[str, ...] = ("t.sort_key",)  # Ukrainian alphabetical order, indexed
    if consent == CONSENT_WITHDRAWN:
        where.append("t.consent_withdrawn_at IS NOT NULL")
        # Few people withdraw: reading them all and sorting beats walking the name index
        # (the unary + keeps SQLite from choosing that index).
        order_by = ("+t.sort_key",)
    return PagedSelect(
        table="people", columns=_LIST_COLUMNS, where=tuple(where), params=tuple(params),
        order_by=order_by,
    )


def _dicts(cursor: sqlite3.Cursor) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def people_by_ids(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, dict]:
    """Live people by id (missing and deleted ones left out)."""
    wanted = list(dict.fromkeys(ids))
    found: dict[str, dict] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        marks = ",".join("?" for _ in chunk)
        for row in _dicts(conn.execute(
                f"SELECT * FROM people WHERE deleted = 0 AND id IN ({marks})", chunk)):
            found[row["id"]] = row
    return found


def attendance_history(conn: sqlite3.Connection, person_id: str) -> list[dict[str, Any]]:
    """The events a person registered for or attended, newest first."""
    return _dicts(conn.execute(
        """SELECT a.id, a.event_id, e.title, e.starts_at, a.status, a.role, a.rating,
                  a.knowledge_improved, a.would_recommend, a.feedback_comment
           FROM attendance AS a JOIN events AS e ON e.id = a.event_id
           WHERE a.person_id = ? AND a.deleted = 0 AND e.deleted = 0
           ORDER BY e.starts_at DESC LIMIT ?""", (person_id, HISTORY_LIMIT)))


def ideas_authored(conn: sqlite3.Connection, person_id: str) -> list[dict[str, Any]]:
    return _dicts(conn.execute(
        """SELECT id, title, channel, status, received_on FROM ideas
           WHERE author_person_id = ? AND deleted = 0
           ORDER BY received_on DESC, id DESC LIMIT ?""", (person_id, HISTORY_LIMIT)))


def advice_visits(conn: sqlite3.Connection, person_id: str) -> list[dict[str, Any]]:
    return _dicts(conn.execute(
        """SELECT id, visited_at, topic, tool, outcome, follow_up_on FROM visits
           WHERE person_id = ? AND deleted = 0
           ORDER BY visited_at DESC, id DESC LIMIT ?""", (person_id, HISTORY_LIMIT)))


def cso_roles(conn: sqlite3.Connection, person_id: str) -> list[dict[str, Any]]:
    return _dicts(conn.execute(
        """SELECT m.id, m.organization_id, o.name, o.short_name, m.role, m.since, m.until
           FROM org_members AS m JOIN organizations AS o ON o.id = m.organization_id
           WHERE m.person_id = ? AND m.deleted = 0 AND o.deleted = 0
           ORDER BY m.until IS NOT NULL, o.name LIMIT ?""", (person_id, HISTORY_LIMIT)))


def link_counts(conn: sqlite3.Connection, person_id: str) -> dict[str, int]:
    """How many live records point at a person, per table (merge and delete dialogs)."""
    queries = {
        "attendance": "SELECT count(*) FROM attendance WHERE person_id = ? AND deleted = 0",
        "ideas": "SELECT count(*) FROM ideas WHERE author_person_id = ? AND deleted = 0",
        "visits": "SELECT count(*) FROM visits WHERE person_id = ? AND deleted = 0",
        "submissions": "SELECT count(*) FROM submissions WHERE person_id = ? AND deleted = 0",
        "org_members": "SELECT count(*) FROM org_members WHERE person_id = ? AND deleted = 0",
    }
    return {table: int(conn.execute(sql, (person_id,)).fetchone()[0])
            for table, sql in queries.items()}


def latest_consent_text_version(conn: sqlite3.Connection) -> str | None:
    """The consent text version most recently recorded (offered when recording a new one)."""
    row = conn.execute(
        "SELECT consent_text_version FROM people WHERE deleted = 0 AND "
        "consent_text_version IS NOT NULL ORDER BY id DESC LIMIT 1").fetchone()
    return row[0] if row else None
