"""What the Events screen and the feedback table read: the calendar list, one event's
attendance counts, and its participants' feedback.

Times: events are stored either as UTC moments (`…Z`, from sync and the demo) or as naive
office-local time (typed in a form). Filters by day ("this week") must use the local date, so
the list compares `LOCAL_START`, an SQL expression giving naive local time for both forms.
There are a few thousand events per office at most, so the expression (which no index
covers) costs a few milliseconds; the office filter still uses the (office_id, starts_at)
index.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from desktop.domain import vocab
from desktop.domain.names import APOSTROPHE_VARIANTS
from desktop.store.queries.common import PagedSelect

#: Naive local start time of `t` ("2026-11-05T14:30"), whether stored as UTC or local.
LOCAL_START = (
    "(CASE WHEN t.starts_at GLOB '*Z' OR t.starts_at GLOB '*T*[+-][0-9][0-9]:[0-9][0-9]' "
    "THEN strftime('%Y-%m-%dT%H:%M', t.starts_at, 'localtime') "
    "ELSE substr(t.starts_at, 1, 16) END)"
)

#: The periods the list can show; "upcoming" is the default (today and later).
PERIODS = ("upcoming", "this_week", "this_month", "next_30_days", "past", "all")

#: Genders in the order counters show them.
GENDERS = ("female", "male", "other", "not_stated")
#: Attendance statuses counted on the Events screen.
COUNTED_STATUSES = ("registered", "attended", "no_show")


def period_bounds(period: str, today: date) -> tuple[date | None, date | None]:
    """[first day, day after the last) of a period, None for open ends."""
    if period == "upcoming":
        return today, None
    if period == "this_week":
        monday = today - timedelta(days=today.weekday())
        return monday, monday + timedelta(days=7)
    if period == "this_month":
        first = today.replace(day=1)
        following = (first + timedelta(days=32)).replace(day=1)
        return first, following
    if period == "next_30_days":
        return today, today + timedelta(days=31)
    if period == "past":
        return None, today
    if period == "all":
        return None, None
    raise ValueError(f"unknown period {period!r}")


def _like_variants(text: str) -> list[str]:
    """LIKE patterns for a title search: SQLite's LIKE folds only Latin letters, so the
    Cyrillic text is tried as typed, in lower case, capitalised and in capitals; any
    apostrophe matches any apostrophe (titles keep whatever was typed)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    for mark in APOSTROPHE_VARIANTS:
        escaped = escaped.replace(mark, "_")
    variants = [escaped, escaped.lower(), escaped[:1].upper() + escaped[1:].lower(),
                escaped.upper()]
    return [f"%{v}%" for v in dict.fromkeys(variants)]


def event_list(
    today: date, *, period: str = "upcoming", office_id: str | None = None,
    kind: str | None = None, search: str = "",
) -> PagedSelect:
    """Events for the calendar list: upcoming ones earliest first, past ones latest first
    (with "all", the upcoming ones come first, then the past).

    Only the events' own columns are selected: SQLite computes every selected column of
    every row before sorting, so names of kinds, offices and places are looked up by the
    screen from the small lookup tables (`lookups`) rather than by subqueries here.
    """
    columns = tuple((name, f"t.[{name}]") for name in (
        "id", "starts_at", "ends_at", "title", "kind", "office_id", "place", "settlement_id",
        "status", "capacity"))
    where: list[str] = ["t.deleted = 0"]
    params: list[object] = []
    if office_id:
        where.append("t.office_id = ?")
        params.append(office_id)
    if kind:
        where.append("t.kind = ?")
        params.append(kind)
    text = search.strip()
    if text:
        patterns = _like_variants(text)
        where.append(" OR ".join("t.title LIKE ? ESCAPE '\\'" for _ in patterns))
        params.extend(patterns)
    first, after = period_bounds(period, today)
    # The stored text is within a day of the local time, so a plain range on starts_at
    # (indexed) narrows the rows before the exact local comparison.
    if first is not None:
        where.append(f"t.starts_at >= ? AND {LOCAL_START} >= ?")
        params += [(first - timedelta(days=1)).isoformat(), first.isoformat()]
    if after is not None:
        where.append(f"t.starts_at < ? AND {LOCAL_START} < ?")
        params += [(after + timedelta(days=1)).isoformat(), after.isoformat()]
    if period == "past":
        order: tuple[str, ...] = (f"{LOCAL_START} DESC",)
    elif period == "all":
        # today's date is ours (ISO digits), safe to inline: ORDER BY takes no parameters
        cut = today.isoformat()
        order = (f"({LOCAL_START} < '{cut}')",
                 f"CASE WHEN {LOCAL_START} >= '{cut}' THEN {LOCAL_START} END",
                 f"{LOCAL_START} DESC")
    else:
        order = (LOCAL_START,)
    return PagedSelect(table="events", columns=columns, where=tuple(where),
                       params=tuple(params), order_by=order)


@dataclass(frozen=True)
class Lookups:
    """Names the event list shows for codes and ids (all small tables)."""

    kinds: dict[str, str]
    offices: dict[str, str]
    settlements: dict[str, str]


def lookups(conn: sqlite3.Connection, uk: bool = True) -> Lookups:
    offices = {r[0]: r[1] or r[2] or "" for r in conn.execute(
        "SELECT id, short_name, name FROM offices WHERE deleted = 0")}
    settlements = {r[0]: r[1] or "" for r in conn.execute(
        "SELECT id, name FROM settlements WHERE deleted = 0")}
    return Lookups(dict(event_kinds(conn, uk)), offices, settlements)


# -- choice lists ------------------------------------------------------------------------------

def event_kinds(conn: sqlite3.Connection, uk: bool = True) -> list[tuple[str, str]]:
    """(code, name) of the event kinds: the office's table in its order, then any built-in
    kind it lacks (a new database has an empty table), named in the UI language."""
    rows = conn.execute(
        "SELECT code, name_uk, name_en FROM event_kinds WHERE deleted = 0 "
        "ORDER BY sort_order, code").fetchall()
    kinds: dict[str, str] = {}
    for code, name_uk, name_en in rows:
        if code and code not in kinds:
            kinds[code] = (name_uk if uk else name_en) or name_uk or name_en or code
    for code in vocab.codes("event_kinds"):
        kinds.setdefault(code, vocab.label("event_kinds", code, "uk" if uk else "en"))
    return list(kinds.items())


# -- one event ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class AttendanceCounts:
    """People per attendance status and gender for one event."""

    by_status: dict[str, dict[str, int]] = field(default_factory=dict)

    def count(self, status: str, gender: str | None = None) -> int:
        per_gender = self.by_status.get(status, {})
        if gender is None:
            return sum(per_gender.values())
        return per_gender.get(gender, 0)


def attendance_counts(conn: sqlite3.Connection, event_id: str) -> AttendanceCounts:
    """How many people registered, came and did not come, by gender (a gender that is
    missing or unknown counts as not stated). Uses the (event_id, person_id) index."""
    rows = conn.execute(
        "SELECT a.status, p.gender, count(*) FROM attendance AS a "
        "LEFT JOIN people AS p ON p.id = a.person_id "
        "WHERE a.event_id = ? AND a.deleted = 0 GROUP BY a.status, p.gender",
        (event_id,)).fetchall()
    by_status: dict[str, dict[str, int]] = {}
    for status, gender, number in rows:
        key = gender if gender in GENDERS else "not_stated"
        per_gender = by_status.setdefault(status or "", {})
        per_gender[key] = per_gender.get(key, 0) + int(number)
    return AttendanceCounts(by_status)


def event_details(conn: sqlite3.Connection, event_id: str, uk: bool = True) -> dict | None:
    """One live event with the names of what it refers to (kind, offices, place, CSO)."""
    kind_name = "name_uk" if uk else "name_en"
    cursor = conn.execute(
        f"SELECT e.*, (SELECT k.{kind_name} FROM event_kinds AS k WHERE k.code = e.kind "
        "AND k.deleted = 0 ORDER BY k.sort_order LIMIT 1) AS kind_name, "
        "o.name AS office_name, s.name AS settlement_name, oo.name AS organiser_office_name, "
        "org.name AS organiser_org_name FROM events AS e "
        "LEFT JOIN offices AS o ON o.id = e.office_id "
        "LEFT JOIN settlements AS s ON s.id = e.settlement_id "
        "LEFT JOIN offices AS oo ON oo.id = e.organiser_office_id "
        "LEFT JOIN organizations AS org ON org.id = e.organiser_org_id "
        "WHERE e.id = ? AND e.deleted = 0", (event_id,))
    row = cursor.fetchone()
    if row is None:
        return None
    return dict(zip((d[0] for d in cursor.description), row, strict=True))


# -- feedback ----------------------------------------------------------------------------------

@dataclass
class FeedbackRow:
    """One participant who came, with what they said about the event."""

    attendance_id: str
    person_id: str
    last_name: str | None
    first_name: str | None
    patronymic: str | None
    knowledge_improved: int | None
    would_recommend: int | None
    rating: int | None
    comment: str | None

    def answered(self) -> bool:
        return any(v is not None and v != "" for v in (
            self.knowledge_improved, self.would_recommend, self.rating, self.comment))


def feedback_rows(conn: sqlite3.Connection, event_id: str) -> list[FeedbackRow]:
    """Participants who came (not speakers or organisers), in check-in order."""
    rows = conn.execute(
        "SELECT a.id, a.person_id, p.last_name, p.first_name, p.patronymic, "
        "a.knowledge_improved, a.would_recommend, a.rating, a.feedback_comment "
        "FROM attendance AS a LEFT JOIN people AS p ON p.id = a.person_id "
        "WHERE a.event_id = ? AND a.deleted = 0 AND a.status = 'attended' "
        "AND coalesce(a.role, 'participant') = 'participant' "
        "ORDER BY a.checked_in_at, p.last_name, p.first_name, a.id", (event_id,)).fetchall()
    return [FeedbackRow(*row) for row in rows]


@dataclass(frozen=True)
class FeedbackSummary:
    answers: int
    knowledge_improved_pct: float | None
    would_recommend_pct: float | None
    average_rating: float | None


def _share(values: list[int]) -> float | None:
    return 100.0 * sum(values) / len(values) if values else None


def summarise_feedback(rows: Iterable[FeedbackRow]) -> FeedbackSummary:
    """Answers given, % yes among those who answered each question, the average rating."""
    rows = list(rows)
    knowledge = [r.knowledge_improved for r in rows if r.knowledge_improved is not None]
    recommend = [r.would_recommend for r in rows if r.would_recommend is not None]
    ratings = [r.rating for r in rows if r.rating is not None]
    return FeedbackSummary(
        answers=sum(1 for r in rows if r.answered()),
        knowledge_improved_pct=_share(knowledge),
        would_recommend_pct=_share(recommend),
        average_rating=sum(ratings) / len(ratings) if ratings else None,
    )


def feedback_summary(conn: sqlite3.Connection, event_id: str) -> FeedbackSummary:
    """The feedback totals of one event (for its details and reports)."""
    return summarise_feedback(feedback_rows(conn, event_id))
