"""Everything this device holds about one resident: the answer to "what do you keep about
me?" (the right of access under Ukraine's personal-data law and the GDPR it follows).

Why here and complete rather than "the person's card": a resident asks about all of it — the
events they came to, what they said in consultations, their visits and ideas, the CSOs they
belong to, the files attached to them, conflicts that hold an old value of theirs, and who
changed their record and when. Staff are named; other residents are not (an idea's or a
visit's text is theirs to see, other people's records are not included).
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

#: (section, SQL selecting the rows that are about the person; one `?` is the person's id)
_SECTIONS: list[tuple[str, str]] = [
    ("attendance",
     "SELECT e.title AS event, e.starts_at, a.status, a.role, a.checked_in_at, "
     "a.knowledge_improved, a.would_recommend, a.rating, a.feedback_comment "
     "FROM attendance AS a LEFT JOIN events AS e ON e.id = a.event_id "
     "WHERE a.person_id = ? AND a.deleted = 0 ORDER BY e.starts_at"),
    ("submissions",
     "SELECT c.title AS consultation, s.text, s.received_via, s.received_on, s.response, "
     "s.responded_on FROM submissions AS s LEFT JOIN consultations AS c "
     "ON c.id = s.consultation_id WHERE s.person_id = ? AND s.deleted = 0 "
     "ORDER BY s.received_on"),
    ("visits",
     "SELECT v.visited_at, v.topic, v.tool, v.outcome, v.follow_up_on, st.name AS staff "
     "FROM visits AS v LEFT JOIN staff AS st ON st.id = v.staff_id "
     "WHERE v.person_id = ? AND v.deleted = 0 ORDER BY v.visited_at"),
    ("ideas",
     "SELECT title, description, channel, received_on, status, response, responded_on "
     "FROM ideas WHERE author_person_id = ? AND deleted = 0 ORDER BY received_on"),
    ("organizations",
     "SELECT o.name AS organization, m.role, m.since, m.until FROM org_members AS m "
     "LEFT JOIN organizations AS o ON o.id = m.organization_id "
     "WHERE m.person_id = ? AND m.deleted = 0 ORDER BY o.name"),
    ("attachments",
     "SELECT filename, mime, size, created_at FROM attachments "
     "WHERE owner_table = 'people' AND owner_id = ? AND deleted = 0 ORDER BY created_at"),
    ("conflicts",
     "SELECT field, winning_value, losing_value, resolved_at FROM conflicts "
     "WHERE table_name = 'people' AND record_id = ? AND deleted = 0"),
]

_PERSON_FIELDS = (
    "last_name", "first_name", "patronymic", "gender", "birth_year", "age_group", "phone",
    "email", "address", "idp", "disability", "notes", "consent_given_at",
    "consent_text_version", "consent_method", "consent_withdrawn_at", "created_at",
    "updated_at",
)


def _rows(conn: sqlite3.Connection, sql: str, args: tuple) -> list[dict[str, Any]]:
    cursor = conn.execute(sql, args)
    names = [d[0] for d in cursor.description]
    return [{k: v for k, v in zip(names, row, strict=True) if v is not None} for row in cursor]


def everything_about(conn: sqlite3.Connection, person_id: str) -> dict[str, Any] | None:
    """All this device holds about the person, as plain data; None if there is no such
    person here (deleted people count: their data is still held until purged)."""
    names = [c[1] for c in conn.execute("PRAGMA table_info(people)")]
    row = conn.execute("SELECT * FROM people WHERE id = ?", (person_id,)).fetchone()
    if row is None:
        return None
    record = dict(zip(names, row, strict=True))
    person = {k: record[k] for k in _PERSON_FIELDS if record.get(k) not in (None, "")}
    settlement = conn.execute("SELECT name FROM settlements WHERE id = ?",
                              (record.get("settlement_id"),)).fetchone()
    office = conn.execute("SELECT name FROM offices WHERE id = ?",
                          (record.get("office_id"),)).fetchone()
    if settlement:
        person["settlement"] = settlement[0]
    if office:
        person["registered_by_office"] = office[0]
    if record.get("deleted"):
        person["deleted"] = True
    out: dict[str, Any] = {"person_id": person_id, "person": person}
    for section, sql in _SECTIONS:
        out[section] = _rows(conn, sql, (person_id,))
    history = []
    for changed_at, op, new, name, origin in conn.execute(
            "SELECT c.changed_at, c.op, c.new, st.name, c.origin FROM change_log AS c "
            "LEFT JOIN staff AS st ON st.id = c.user_id "
            "WHERE c.table_name = 'people' AND c.record_id = ? ORDER BY c.seq", (person_id,)):
        fields = sorted(json.loads(new or "{}"))
        history.append({"when": changed_at, "what": op, "fields": fields,
                        "by": name or ("another device" if origin == "remote" else None)})
    out["history"] = [{k: v for k, v in h.items() if v is not None} for h in history]
    return out
