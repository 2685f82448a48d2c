"""The figures of a report, read from the store in one go (`compute`).

Why it is shaped like this: a report over a year of a busy community touches hundreds of
thousands of check-ins, so the heavy part must be done by SQLite, not by Python, and only
once. `compute` first copies the period's events and their check-ins into TEMP tables (the
connection's private scratch database; the main file stays read-only), driving from the
events by `idx_events_starts_at` and `idx_attendance_event_id_person_id`, then answers
every question from those small tables. Measured on the 200 000-people / 924 000-check-in
demo on the development VM: a month ≈ 1.2 s, a year for every office ≈ 3 s; it runs in a
worker (`reader_job`) and stops within a moment of `should_stop()` turning true.

Stored moments (`events.starts_at`, `visits.visited_at`) are UTC (…Z) or naive local time;
the period is in local calendar days, so the text range is widened by a day on each side
for the index and the exact local date is taken with `_local_day` (SQLite's 'localtime'
uses the same system time zone as `datetime.astimezone()`).

The definitions of what is counted are in `desktop.domain.kpi`; this module only counts.
"""

from __future__ import annotations

import contextlib
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from datetime import date, timedelta

from desktop.domain import kpi

#: How many steps `compute` reports progress for.
STEPS = 10
#: Page cache while a report is computed, in KiB.
CACHE_KIB = 64 * 1024

Progress = Callable[[int, int, str], None]


class ReportCancelled(Exception):
    """`should_stop()` became true while the report was being computed."""


def _local_day(column: str) -> str:
    """SQL for the local calendar date (YYYY-MM-DD) of a stored moment."""
    return (f"(CASE WHEN {column} LIKE '%Z' OR (length({column}) > 16 AND "
            f"substr({column}, -6, 1) IN ('+', '-')) THEN date({column}, 'localtime') "
            f"ELSE substr({column}, 1, 10) END)")


def _reached(alias: str) -> str:
    roles = ", ".join(f"'{role}'" for role in sorted(kpi.NOT_REACHED_ROLES))
    return f"coalesce({alias}.role, '') NOT IN ({roles})"


def _office(office_id: str | None, column: str) -> tuple[str, tuple]:
    return ("", ()) if office_id is None else (f" AND {column} = ?", (office_id,))


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


@contextlib.contextmanager
def _scratch(conn: sqlite3.Connection, should_stop: Callable[[], bool] | None
             ) -> Iterator[Callable[[str], str]]:
    """TEMP tables for one computation (names unique to it, dropped afterwards), with
    `query_only` lifted for the temp schema only and the cancel check installed."""
    suffix = uuid.uuid4().hex[:8]
    made: list[str] = []

    def name(base: str) -> str:
        table = f"rep_{base}_{suffix}"
        made.append(table)
        return table

    saved = {pragma: conn.execute(f"PRAGMA {pragma}").fetchone()[0]
             for pragma in ("query_only", "temp_store", "cache_size")}
    conn.execute("PRAGMA query_only = OFF")
    # Scratch tables in memory (tens of MB at most) and a bigger page cache while counting.
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute(f"PRAGMA cache_size = {-CACHE_KIB}")
    if should_stop is not None:
        conn.set_progress_handler(lambda: 1 if should_stop() else 0, 20_000)
    try:
        yield name
    except sqlite3.OperationalError as error:
        if should_stop is not None and should_stop():
            raise ReportCancelled() from error
        raise
    finally:
        conn.set_progress_handler(None, 0)
        for table in reversed(made):
            with contextlib.suppress(sqlite3.Error):
                conn.execute(f"DROP TABLE IF EXISTS temp.{table}")
        for pragma, value in saved.items():
            conn.execute(f"PRAGMA {pragma} = {int(value)}")


def compute(
    conn: sqlite3.Connection,
    period: kpi.Period,
    office_id: str | None,
    *,
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> kpi.ReportFigures:
    """Every figure of the report for `office_id` (None: every office) in `period`.

    Use a reader connection (`open_reader`) on a worker thread. Raises `ReportCancelled`
    if `should_stop()` becomes true.
    """
    start, end = period.start.isoformat(), period.end.isoformat()
    low = (period.start - timedelta(days=1)).isoformat()
    high = (period.end + timedelta(days=2)).isoformat()
    step = 0

    def advance(text: str) -> None:
        nonlocal step
        if should_stop is not None and should_stop():
            raise ReportCancelled()
        step += 1
        if progress is not None:
            progress(step, STEPS, text)

    with _scratch(conn, should_stop) as temp:
        ev, att, ppl, prev = temp("events"), temp("attendance"), temp("people"), temp("prev")
        office_sql, office_args = _office(office_id, "office_id")

        # 1. the period's events (small), then their check-ins (the heavy part)
        advance("events")
        conn.execute(
            f"CREATE TEMP TABLE {ev} AS SELECT id, office_id, kind, "
            "participation_level AS level, status FROM events "
            f"WHERE deleted = 0 AND starts_at >= ? AND starts_at < ?{office_sql} "
            f"AND {_local_day('starts_at')} BETWEEN ? AND ?",
            (low, high, *office_args, start, end))
        conn.execute(f"CREATE UNIQUE INDEX temp.{ev}_id ON {ev}(id)")
        advance("attendance")
        conn.execute(
            f"CREATE TEMP TABLE {att} AS SELECT a.event_id, e.office_id, a.person_id, "
            f"{_reached('a')} AS reached, a.knowledge_improved AS knowledge, "
            "a.would_recommend AS recommend, a.rating "
            f"FROM {ev} AS e CROSS JOIN attendance AS a ON a.event_id = e.id "
            "WHERE coalesce(e.status, '') != 'cancelled' AND a.deleted = 0 "
            "AND a.status = 'attended'")

        # 2. events, held or not
        advance("events held")
        events = [kpi.EventFacts(*row) for row in conn.execute(
            f"SELECT e.office_id, e.kind, e.level, e.status, coalesce(c.n, 0) FROM {ev} AS e "
            f"LEFT JOIN (SELECT event_id, count(*) AS n FROM {att} GROUP BY event_id) AS c "
            "ON c.event_id = e.id")]
        kind_names = {code: (uk, en) for code, uk, en in conn.execute(
            "SELECT code, name_uk, name_en FROM event_kinds WHERE deleted = 0")}

        # 3. people reached: each person once, with their number of check-ins
        advance("people")
        conn.execute(
            f"CREATE TEMP TABLE {ppl} AS SELECT person_id, count(*) AS n FROM {att} "
            "WHERE reached GROUP BY person_id")
        conn.execute(f"CREATE UNIQUE INDEX temp.{ppl}_id ON {ppl}(person_id)")
        rows = conn.execute(
            f"SELECT p.gender, p.age_group, count(*), sum(r.n) FROM {ppl} AS r "
            "LEFT JOIN people AS p ON p.id = r.person_id GROUP BY 1, 2").fetchall()
        unique_by = kpi.cross_table((g, a, n) for g, a, n, _ in rows)
        attendances_by = kpi.cross_table((g, a, total) for g, a, _, total in rows)

        # 4. first-time participants: nobody of them had a check-in in scope before
        advance("first time")
        unique, attendances = conn.execute(
            f"SELECT count(*), coalesce(sum(n), 0) FROM {ppl}").fetchone()
        conn.execute(
            f"CREATE TEMP TABLE {prev} AS SELECT id FROM events WHERE deleted = 0 "
            f"AND coalesce(status, '') != 'cancelled' AND starts_at < ?{office_sql} "
            f"AND {_local_day('starts_at')} < ?",
            ((period.start + timedelta(days=1)).isoformat(), *office_args, start))
        conn.execute(f"CREATE UNIQUE INDEX temp.{prev}_id ON {prev}(id)")
        # A full scan with two index probes per row beats walking idx_attendance_person_id
        # (a random table read per check-in) by a factor of five on big stores.
        returning = 0 if not unique else conn.execute(
            "SELECT count(DISTINCT a.person_id) FROM attendance AS a NOT INDEXED "
            f"WHERE a.deleted = 0 AND a.status = 'attended' AND {_reached('a')} "
            f"AND a.event_id IN {prev} AND a.person_id IN (SELECT person_id FROM {ppl})"
        ).fetchone()[0]
        reach = kpi.Reach(attendances=int(attendances), unique_people=int(unique),
                          first_time=int(unique) - int(returning),
                          unique_by=unique_by, attendances_by=attendances_by)

        # 5. feedback, and check-ins per office (one pass over the check-ins)
        advance("feedback")
        per_office_reach: dict[str, tuple[int, int]] = {}
        sums = [0] * 7
        for office, n, people, *values in conn.execute(
                # one office: its unique people are those of the report (no second DISTINCT)
                "SELECT office_id, count(*), "
                f"{'count(DISTINCT person_id)' if office_id is None else unique}, "
                "sum(knowledge IS NOT NULL OR recommend IS NOT NULL OR rating IS NOT NULL), "
                "sum(knowledge = 1), count(knowledge), sum(recommend = 1), count(recommend), "
                f"sum(rating), count(rating) FROM {att} WHERE reached GROUP BY office_id"):
            per_office_reach[office] = (int(n), int(people))
            sums = [total + int(value or 0) for total, value in zip(sums, values, strict=True)]
        feedback = kpi.Feedback(*sums)

        # 6. CSOs
        advance("csos")
        org_sql, org_args = _office(office_id, "o.office_id")
        forms = dict(conn.execute(
            "SELECT o.legal_form, count(*) FROM organizations AS o WHERE o.deleted = 0 "
            f"AND substr(o.registered_on, 1, 10) BETWEEN ? AND ?{org_sql} GROUP BY 1",
            (start, end, *org_args)).fetchall())
        with_memo, signed = conn.execute(
            "SELECT count(*), coalesce(sum(substr(o.memorandum_on, 1, 10) >= ?), 0) "
            "FROM organizations AS o WHERE o.deleted = 0 AND o.memorandum = 1 "
            f"AND (o.memorandum_on IS NULL OR substr(o.memorandum_on, 1, 10) <= ?){org_sql}",
            (start, end, *org_args)).fetchone()
        members = conn.execute(
            "SELECT count(*) FROM org_members AS m JOIN organizations AS o "
            "ON o.id = m.organization_id AND o.deleted = 0 WHERE m.deleted = 0 "
            f"AND substr(m.since, 1, 10) BETWEEN ? AND ?{org_sql}",
            (start, end, *org_args)).fetchone()[0]
        csos_by_office = dict(conn.execute(
            "SELECT o.office_id, count(*) FROM organizations AS o WHERE o.deleted = 0 "
            f"AND substr(o.registered_on, 1, 10) BETWEEN ? AND ?{org_sql} GROUP BY 1",
            (start, end, *org_args)).fetchall())
        legal_forms: dict[str, int] = {}
        for form, n in sorted(forms.items(), key=lambda item: -item[1]):
            legal_forms[form or "other"] = legal_forms.get(form or "other", 0) + int(n)
        csos = kpi.Csos(
            created=sum(legal_forms.values()), with_memorandum=int(with_memo),
            memoranda_signed=int(signed), new_members=int(members),
            by_legal_form=legal_forms,
        )

        # 7. ideas and appeals
        advance("ideas")
        idea_rows = conn.execute(
            "SELECT channel, status, received_on, responded_on, office_id FROM ideas "
            f"WHERE deleted = 0 AND substr(received_on, 1, 10) BETWEEN ? AND ?{office_sql}",
            (start, end, *office_args)).fetchall()
        ideas = kpi.summarize_ideas(
            kpi.IdeaFacts(channel or "", status or "", _day(received) or period.start,
                          _day(responded))
            for channel, status, received, responded, _office_id in idea_rows)
        ideas_by_office: dict[str, int] = {}
        for *_rest, idea_office in idea_rows:
            ideas_by_office[idea_office] = ideas_by_office.get(idea_office, 0) + 1

        # 8. consultations and submissions
        advance("consultations")
        consultation_rows = conn.execute(
            "SELECT level, status FROM consultations WHERE deleted = 0 "
            "AND coalesce(opens_on, closes_on) IS NOT NULL "
            "AND substr(coalesce(opens_on, closes_on), 1, 10) <= ? "
            f"AND substr(coalesce(closes_on, opens_on), 1, 10) >= ?{office_sql}",
            (end, start, *office_args)).fetchall()
        sub_sql, sub_args = _office(office_id, "coalesce(s.office_id, c.office_id)")
        submissions, answered = conn.execute(
            "SELECT count(*), count(s.responded_on) FROM submissions AS s "
            "LEFT JOIN consultations AS c ON c.id = s.consultation_id "
            "WHERE s.deleted = 0 AND (c.id IS NULL OR c.deleted = 0) "
            f"AND substr(s.received_on, 1, 10) BETWEEN ? AND ?{sub_sql}",
            (start, end, *sub_args)).fetchone()
        consultations = kpi.summarize_consultations(consultation_rows, int(submissions),
                                                    int(answered))

        # 9. advice visits, and the per-office table
        advance("visits")
        visit_where = (f"deleted = 0 AND visited_at >= ? AND visited_at < ?{office_sql} "
                       f"AND {_local_day('visited_at')} BETWEEN ? AND ?")
        visit_args = (low, high, *office_args, start, end)
        by_tool = conn.execute(
            f"SELECT tool, count(*) FROM visits WHERE {visit_where} GROUP BY 1",
            visit_args).fetchall()
        visitors = conn.execute(
            f"SELECT count(DISTINCT person_id) FROM visits WHERE {visit_where}",
            visit_args).fetchone()[0]
        visits_by_office = dict(conn.execute(
            f"SELECT office_id, count(*) FROM visits WHERE {visit_where} GROUP BY 1",
            visit_args).fetchall())
        visits = kpi.visits_from(by_tool, int(visitors))

        summary = kpi.summarize_events(events)
        office_rows = conn.execute(
            "SELECT id, coalesce(nullif(name, ''), short_name, id) FROM offices "
            f"WHERE deleted = 0{'' if office_id is None else ' AND id = ?'} ORDER BY name, id",
            office_args).fetchall()
        offices = tuple(
            kpi.OfficeFigures(
                office_id=oid, name=name,
                events_held=summary.by_office.get(oid, 0),
                attendances=per_office_reach.get(oid, (0, 0))[0],
                unique_people=per_office_reach.get(oid, (0, 0))[1],
                ideas_received=ideas_by_office.get(oid, 0),
                visits=int(visits_by_office.get(oid, 0)),
                csos_created=int(csos_by_office.get(oid, 0)),
            )
            for oid, name in office_rows)
        office_name = offices[0].name if office_id is not None and offices else None

    return kpi.ReportFigures(
        period=period, office_id=office_id, office_name=office_name,
        events=summary, kind_names=kind_names, reach=reach, feedback=feedback, csos=csos,
        ideas=ideas, consultations=consultations, visits=visits, offices=offices,
    )


def offices(conn: sqlite3.Connection) -> list[tuple[str, str, str | None]]:
    """(id, name, short name) of every office known to this device, by name (a handful of
    rows: the UI thread may call it)."""
    return [(oid, name, short or None) for oid, name, short in conn.execute(
        "SELECT id, coalesce(nullif(name, ''), short_name, id), short_name FROM offices "
        "WHERE deleted = 0 ORDER BY name, id")]
