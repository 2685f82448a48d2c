"""What an event's paper needs: the sign-in sheet's people and the certificates' attendees."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from desktop.domain import vocab
from desktop.domain.consent import ANONYMOUS_FIRST_NAME, ANONYMOUS_LAST_NAME
from desktop.domain.names import full_name
from desktop.domain.paper import certificate_number
from desktop.store.ids import to_local
from desktop.store.queries.checkin import sort_key


@dataclass(frozen=True)
class PaperEvent:
    id: str
    title: str
    starts_at: datetime | None
    ends_at: datetime | None
    place: str
    office: str
    kind: str


@dataclass(frozen=True)
class SheetRow:
    person_id: str
    name: str
    settlement: str
    phone: str | None
    gender: str
    age_group: str
    consent: bool


@dataclass(frozen=True)
class Attendee:
    person_id: str
    name: str
    number: str


def paper_event(conn: sqlite3.Connection, event_id: str) -> PaperEvent | None:
    row = conn.execute(
        "SELECT e.id, e.title, e.starts_at, e.ends_at, coalesce(e.place, s.name, ''), "
        "coalesce(o.name, ''), e.kind FROM events AS e "
        "LEFT JOIN offices AS o ON o.id = e.office_id "
        "LEFT JOIN settlements AS s ON s.id = e.settlement_id "
        "WHERE e.id = ? AND e.deleted = 0", (event_id,)).fetchone()
    if row is None:
        return None
    return PaperEvent(row[0], row[1] or "", to_local(row[2]) if row[2] else None,
                      to_local(row[3]) if row[3] else None, row[4] or "", row[5] or "",
                      row[6] or "")


def sheet_rows(conn: sqlite3.Connection, event_id: str) -> list[SheetRow]:
    """Everyone registered for (or already at) the event, in Ukrainian alphabetical order."""
    rows = conn.execute(
        "SELECT p.id, p.last_name, p.first_name, p.patronymic, coalesce(s.name, ''), p.phone, "
        "p.gender, p.age_group, p.consent_given_at IS NOT NULL "
        "AND (p.consent_withdrawn_at IS NULL OR p.consent_withdrawn_at < p.consent_given_at) "
        "FROM attendance AS a JOIN people AS p ON p.id = a.person_id AND p.deleted = 0 "
        "LEFT JOIN settlements AS s ON s.id = p.settlement_id "
        "WHERE a.event_id = ? AND a.deleted = 0 AND a.status IN ('registered', 'attended')",
        (event_id,)).fetchall()
    out = [SheetRow(pid, full_name(last, first, patronymic), settlement, phone,
                    vocab.label("genders", gender) if gender not in (None, "not_stated")
                    else "", vocab.label("age_groups", group) if group else "", bool(consent))
           for pid, last, first, patronymic, settlement, phone, gender, group, consent in rows
           if not _anonymous(last, first)]
    out.sort(key=lambda r: (sort_key(r.name), r.person_id))
    return out


def attendees(conn: sqlite3.Connection, event_id: str) -> list[Attendee]:
    """People who attended, for certificates, in Ukrainian alphabetical order."""
    rows = conn.execute(
        "SELECT a.id, p.id, p.last_name, p.first_name, p.patronymic FROM attendance AS a "
        "JOIN people AS p ON p.id = a.person_id AND p.deleted = 0 "
        "WHERE a.event_id = ? AND a.deleted = 0 AND a.status = 'attended'",
        (event_id,)).fetchall()
    out = [Attendee(pid, full_name(last, first, patronymic), certificate_number(aid))
           for aid, pid, last, first, patronymic in rows if not _anonymous(last, first)]
    out.sort(key=lambda a: (sort_key(a.name), a.person_id))
    return out


def _anonymous(last: str | None, first: str | None) -> bool:
    """Kept for statistics only (no consent): nobody to print a name or a certificate for."""
    return last == ANONYMOUS_LAST_NAME and first == ANONYMOUS_FIRST_NAME
