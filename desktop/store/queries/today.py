"""What the home screen shows: this office's coming events, ideas waiting for the council's
answer, advice-visit follow-ups that are due, and how much is waiting to be synced.

One call (`summary`) reads everything in one go so that the screen can run it in a worker
with its own connection and show the result at once. "Today" is passed in (the local date),
never read from the clock here, so tests and screenshots are reproducible.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from desktop.domain import deadlines
from desktop.store.ids import to_local
from desktop.store.syncstate import LAST_ACKED, count_pending

#: Events shown: today and the next two weeks.
EVENT_HORIZON_DAYS = 14
#: Follow-ups shown: due within a week, or overdue by at most a month. Visits have no "done"
#: flag, so older follow-ups are taken as dealt with rather than listed for ever.
FOLLOW_UP_AHEAD_DAYS = 7
FOLLOW_UP_OVERDUE_DAYS = 30
#: Idea statuses that still wait for the council's answer.
WAITING_STATUSES = ("new", "forwarded", "under_review")
#: At most this many rows per list; the total is reported separately.
LIST_LIMIT = 50


@dataclass(frozen=True)
class EventItem:
    id: str
    title: str
    kind: str
    kind_name_uk: str | None
    kind_name_en: str | None
    starts_at: datetime  # local time, naive
    place: str | None
    status: str | None


@dataclass(frozen=True)
class IdeaItem:
    id: str
    title: str
    status: str
    channel: str | None
    received_on: str | None
    #: The last day for the council's answer (`domain.deadlines`; None: no term), and where
    #: the idea stands against it (`deadlines.STATES`).
    due: date | None = None
    state: str | None = None


@dataclass(frozen=True)
class FollowUpItem:
    visit_id: str
    person_id: str | None
    last_name: str | None
    first_name: str | None
    patronymic: str | None
    topic: str
    follow_up_on: str


@dataclass(frozen=True)
class SyncItem:
    last_finished_at: str | None
    last_outcome: str | None
    pending_changes: int


@dataclass(frozen=True)
class TodaySummary:
    today: date
    events: list[EventItem] = field(default_factory=list)
    ideas: list[IdeaItem] = field(default_factory=list)
    ideas_total: int = 0
    follow_ups: list[FollowUpItem] = field(default_factory=list)
    follow_ups_total: int = 0
    sync: SyncItem = SyncItem(None, None, 0)


def _office_filter(office_id: str | None, column: str = "office_id") -> tuple[str, tuple]:
    if office_id is None:
        return "", ()
    return f" AND {column} = ?", (office_id,)


def coming_events(
    conn: sqlite3.Connection, office_id: str | None, today: date,
    horizon_days: int = EVENT_HORIZON_DAYS,
) -> list[EventItem]:
    """Events from today to `horizon_days` ahead, earliest first.

    Stored times are UTC or naive local, so the text range is one day wider on each side
    and the exact local-date test is done in Python.
    """
    last = today + timedelta(days=horizon_days)
    office, params = _office_filter(office_id, "e.office_id")
    rows = conn.execute(
        "SELECT e.id, e.title, e.kind, k.name_uk, k.name_en, e.starts_at, e.place, e.status "
        "FROM events AS e LEFT JOIN event_kinds AS k ON k.code = e.kind AND k.deleted = 0 "
        f"WHERE e.deleted = 0 AND e.starts_at >= ? AND e.starts_at < ?{office} "
        "ORDER BY e.starts_at, e.id",
        ((today - timedelta(days=1)).isoformat(), (last + timedelta(days=2)).isoformat(),
         *params),
    ).fetchall()
    items = []
    for event_id, title, kind, name_uk, name_en, starts_at, place, status in rows:
        local = to_local(starts_at)
        if local is not None and today <= local.date() <= last:
            items.append(EventItem(event_id, title, kind, name_uk, name_en, local, place,
                                   status))
    items.sort(key=lambda item: item.starts_at)
    return items[:LIST_LIMIT]


def waiting_ideas(
    conn: sqlite3.Connection, office_id: str | None, today: date | None = None,
) -> tuple[list[IdeaItem], int]:
    """Ideas and appeals still waiting for the council's answer, longest waiting first, each
    with its term for the answer (the council's terms and days off as synced here)."""
    office, params = _office_filter(office_id)
    marks = ",".join("?" for _ in WAITING_STATUSES)
    where = f"deleted = 0 AND status IN ({marks}){office}"
    rows = conn.execute(
        f"SELECT id, title, status, channel, received_on FROM ideas WHERE {where} "
        "ORDER BY received_on, id LIMIT ?",
        (*WAITING_STATUSES, *params, LIST_LIMIT),
    ).fetchall()
    total = conn.execute(f"SELECT count(*) FROM ideas WHERE {where}",
                         (*WAITING_STATUSES, *params)).fetchone()[0]
    from desktop.store.queries.ideas import answer_terms

    periods, work = answer_terms(conn)
    items = []
    for row in rows:
        due, state = deadlines.term_of(row[3], row[4], False, None, today or date.today(),
                                       periods, work)
        items.append(IdeaItem(*row, due=due, state=state))
    return items, int(total)


def due_follow_ups(
    conn: sqlite3.Connection, office_id: str | None, today: date,
) -> tuple[list[FollowUpItem], int]:
    """Advice visits whose follow-up date is within a week (or recently passed)."""
    office, params = _office_filter(office_id, "v.office_id")
    where = (f"v.deleted = 0 AND v.follow_up_on IS NOT NULL AND v.follow_up_on <= ? "
             f"AND v.follow_up_on >= ?{office}")
    args = ((today + timedelta(days=FOLLOW_UP_AHEAD_DAYS)).isoformat(),
            (today - timedelta(days=FOLLOW_UP_OVERDUE_DAYS)).isoformat(), *params)
    rows = conn.execute(
        "SELECT v.id, v.person_id, p.last_name, p.first_name, p.patronymic, v.topic, "
        "v.follow_up_on FROM visits AS v "
        "LEFT JOIN people AS p ON p.id = v.person_id AND p.deleted = 0 "
        f"WHERE {where} ORDER BY v.follow_up_on, v.id LIMIT ?",
        (*args, LIST_LIMIT),
    ).fetchall()
    total = conn.execute(f"SELECT count(*) FROM visits AS v WHERE {where}", args).fetchone()[0]
    return [FollowUpItem(*row) for row in rows], int(total)


def sync_state(conn: sqlite3.Connection) -> SyncItem:
    """The last sync attempt and the number of local changes the platform has not taken."""
    acked = conn.execute("SELECT value FROM meta WHERE key = ?", (LAST_ACKED,)).fetchone()
    last_acked = int(acked[0]) if acked and str(acked[0]).isdigit() else 0
    pending = count_pending(conn, last_acked)
    last = conn.execute(
        "SELECT finished_at, outcome FROM sync_log WHERE finished_at IS NOT NULL "
        "ORDER BY finished_at DESC, id DESC LIMIT 1"
    ).fetchone()
    return SyncItem(last[0] if last else None, last[1] if last else None, int(pending))


def busiest_office(conn: sqlite3.Connection, today: date) -> str | None:
    """The office with the most events in the coming two weeks (demos, screenshots)."""
    row = conn.execute(
        "SELECT office_id FROM events WHERE deleted = 0 AND starts_at >= ? AND starts_at < ? "
        "GROUP BY office_id ORDER BY count(*) DESC, office_id LIMIT 1",
        (today.isoformat(), (today + timedelta(days=EVENT_HORIZON_DAYS + 1)).isoformat()),
    ).fetchone()
    return row[0] if row else None


def summary(conn: sqlite3.Connection, office_id: str | None, today: date) -> TodaySummary:
    """Everything the home screen shows, for one office (None: every office)."""
    ideas, ideas_total = waiting_ideas(conn, office_id, today)
    follow_ups, follow_ups_total = due_follow_ups(conn, office_id, today)
    return TodaySummary(
        today=today,
        events=coming_events(conn, office_id, today),
        ideas=ideas, ideas_total=ideas_total,
        follow_ups=follow_ups, follow_ups_total=follow_ups_total,
        sync=sync_state(conn),
    )
