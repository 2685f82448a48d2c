"""What the console reads from and writes to the platform's records.

Why an officer's answer goes through `service.push`: it must be a council change like one
from a council laptop - the same authorisation rules (`scope`), the same merge, a revision in
the feed that the office's device pulls, and the same audit (who and when in the field's
history). The console is one more council device, `CONSOLE_DEVICE`, that never holds a token.
"""

from __future__ import annotations

import json
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from desktop.domain import deadlines, kpi
from desktop.sync.wire import Change, PushRequest
from server import service
from server.auth import Device, now_iso
from server.db import ServerDB

CONSOLE_DEVICE = "console-web"
#: Statuses an officer sets with an answer (the office sets "new" and "forwarded").
ANSWER_STATUSES = ("under_review", "answered", "accepted", "rejected", "implemented")


@dataclass(frozen=True)
class DeviceRow:
    id: str
    office_id: str | None
    role: str
    name: str
    enrolled_at: str
    revoked_at: str | None
    last_seen_at: str | None


#: What the inbox holds: ideas and appeals, and submissions to public consultations.
INBOX_TABLES = ("ideas", "submissions")


@dataclass(frozen=True)
class InboxItem:
    table: str
    id: str
    office_id: str | None
    data: dict[str, Any]
    title: str
    due: date | None
    state: str | None
    answered: bool

    @property
    def waiting(self) -> bool:
        return not self.answered


def _live(db: ServerDB, table: str) -> list[tuple[str, dict[str, Any]]]:
    with db.transaction() as tx:
        rows = tx.all("SELECT id, data FROM records WHERE tbl = ? AND deleted = 0", (table,))
    return [(rid, json.loads(text)) for rid, text in rows]


def answer_terms(db: ServerDB
                 ) -> tuple[dict[str, deadlines.AnswerPeriod | None], deadlines.WorkCalendar]:
    """The council's terms and days off, as every device receives them."""
    return (deadlines.periods_from_rows(data for _id, data in _live(db, "answer_periods")),
            deadlines.calendar_from_rows(data for _id, data in _live(db, "days_off")))


def open_conflicts(db: ServerDB) -> dict[str | None, int]:
    """Office id -> conflicts nobody has resolved yet (two offices edited one field)."""
    counts: dict[str | None, int] = {}
    with db.transaction() as tx:
        rows = tx.all("SELECT office_id, data FROM records WHERE tbl = 'conflicts' "
                      "AND deleted = 0")
    for office_id, text in rows:
        if not json.loads(text).get("resolved_at"):
            counts[office_id] = counts.get(office_id, 0) + 1
    return counts


def days_off(db: ServerDB) -> list[tuple[str, dict[str, Any]]]:
    return sorted(_live(db, "days_off"), key=lambda item: str(item[1].get("day")))


def inbox(db: ServerDB, today: date) -> list[InboxItem]:
    """Every live idea and submission with its term (`deadlines`), the most urgent first."""
    periods, work = answer_terms(db)
    with db.transaction() as tx:
        rows = tx.all("SELECT tbl, id, office_id, data FROM records WHERE tbl IN "
                      "('ideas', 'submissions', 'consultations') AND deleted = 0")
    consultations = {rid: json.loads(text).get("title") or "" for table, rid, _o, text in rows
                     if table == "consultations"}
    out = []
    for table, record_id, office_id, text in rows:
        if table not in INBOX_TABLES:
            continue
        data = json.loads(text)
        received = deadlines.day_of(data.get("received_on"))
        responded = deadlines.day_of(data.get("responded_on"))
        if table == "ideas":
            kind, title = data.get("channel"), data.get("title") or ""
            answered = kpi.idea_answered(data.get("status"), responded)
        else:
            kind = "submission"
            words = " ".join((data.get("text") or "").split())
            title = f"{consultations.get(data.get('consultation_id'), '')}: " \
                f"{words[:80]}{'…' if len(words) > 80 else ''}"
            answered = responded is not None or bool(data.get("response"))
        due, state = deadlines.term_of(kind, received, answered, responded, today, periods,
                                       work)
        out.append(InboxItem(table, record_id, office_id, data, title, due, state, answered))
    order = {s: n for n, s in enumerate(deadlines.STATES)}
    out.sort(key=lambda i: (order.get(i.state or "", 9), i.due or date.max,
                            i.data.get("received_on") or ""))
    return out


def item(db: ServerDB, table: str, record_id: str, today: date) -> InboxItem | None:
    return next((i for i in inbox(db, today) if i.table == table and i.id == record_id), None)


def offices(db: ServerDB) -> dict[str, str]:
    """Office id -> name, by name."""
    with db.transaction() as tx:
        rows = tx.all("SELECT id, data FROM records WHERE tbl = 'offices' AND deleted = 0")
    names = {rid: json.loads(data).get("name") or rid for rid, data in rows}
    return dict(sorted(names.items(), key=lambda item: item[1]))


def devices(db: ServerDB) -> list[DeviceRow]:
    with db.transaction() as tx:
        rows = tx.all("SELECT id, office_id, role, name, enrolled_at, revoked_at, last_seen_at "
                      "FROM devices WHERE id <> ? ORDER BY enrolled_at", (CONSOLE_DEVICE,))
    return [DeviceRow(r[0], r[1], r[2], r[3] or r[0], r[4], r[5], r[6]) for r in rows]


def _console_device(db: ServerDB) -> Device:
    with db.transaction(write=True) as tx:
        row = tx.one("SELECT last_mutation FROM devices WHERE id = ?", (CONSOLE_DEVICE,))
        if row is None:
            tx.execute("INSERT INTO devices(id, token_hash, office_id, role, name, enrolled_at)"
                       " VALUES(?, ?, NULL, 'council', 'Council console', ?)",
                       (CONSOLE_DEVICE, "unusable:" + secrets.token_hex(16), now_iso()))
            last = 0
        else:
            last = int(row[0])
    return Device(CONSOLE_DEVICE, None, "council", last)


def council_change(db: ServerDB, table: str, record_id: str, fields: dict[str, Any],
                   user_id: str, *, create: bool = False, delete: bool = False) -> str | None:
    """Apply one council edit as a change in the feed (a new record with `create` when
    there is none yet); returns why it was refused, or None."""
    for _attempt in range(5):
        device = _console_device(db)
        with db.transaction() as tx:
            row = tx.one("SELECT rev FROM records WHERE tbl = ? AND id = ?", (table, record_id))
        if row is None and not create:
            return "there is no such record"
        millis = int(time.time() * 1000)
        change = Change(mutation=device.last_mutation + 1, table=table, record_id=record_id,
                        op="delete" if delete else "update" if row else "insert",
                        fields=fields,
                        base_rev=int(row[0]) if row else None,
                        hlc=f"{millis:013d}-00000-{CONSOLE_DEVICE}",
                        changed_at=datetime.now(UTC).isoformat(timespec="milliseconds")
                        .replace("+00:00", "Z"), user_id=user_id)
        try:
            response = service.push(db, device, PushRequest(device_id=CONSOLE_DEVICE,
                                                            changes=[change]))
        except service.GapError:
            continue  # another officer saved at the same moment: number it again
        except service.PlatformBusyError:
            continue  # offices kept changing the same record: nothing written, try again
        result = response.results[0]
        return result.reason if result.status == "rejected" else None
    return "the platform is busy; try again"


def target_id(office_id: str, year: int) -> str:
    """One targets record per office and year, whoever sets it first."""
    return f"target-{office_id}-{year}"


def targets(db: ServerDB, year: int) -> dict[str, dict[str, Any]]:
    """Office id -> its targets for `year`."""
    with db.transaction() as tx:
        rows = tx.all("SELECT data FROM records WHERE tbl = 'targets' AND deleted = 0")
    out = {}
    for (text,) in rows:
        data = json.loads(text)
        if data.get("year") == year and data.get("office_id"):
            out[data["office_id"]] = data
    return out
