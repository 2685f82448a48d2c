"""The figures of a report, read from the store in one go (`compute`).

Why it is shaped like this: a report over a year of a busy community covers hundreds of
thousands of check-ins. The questions about people (how many different ones, how many for
the first time, by gender and age) are answered from `reach` (desktop/store/reach.py), one
row per counted check-in with the day of the person's previous one, and its daily sums:
for a period that ends near today from the sums alone, else by a single range scan of a
covering index; check-ins and feedback come from the sums too. Measured on the
200,000-person / 1,105,000-check-in bench store (`make bench`, `dashboard_ms`): a year for
every office went from 2.4 s to 0.3 s with the scan, and to 83-90 ms with the sums. It runs
in a worker (`reader_job`) and stops within a moment of `should_stop()` turning true.

Stored moments (`events.starts_at`, `visits.visited_at`) are UTC (…Z) or naive local time;
the period is in local calendar days, so the text range is widened by a day on each side
for the index and the exact local date is taken with `reach.local_day` (SQLite's
'localtime' uses the same system time zone as `datetime.astimezone()`).

The definitions of what is counted are in `desktop.domain.kpi`; this module only counts.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import Any

from desktop.domain import kpi
from desktop.domain.deadlines import day_of
from desktop.store import reach

#: How many steps `compute` reports progress for.
STEPS = 8
#: Page cache while a report is computed, in KiB.
CACHE_KIB = 64 * 1024

Progress = Callable[[int, int, str], None]


class ReportCancelled(Exception):
    """`should_stop()` became true while the report was being computed."""


def _office(office_id: str | None, column: str) -> tuple[str, tuple]:
    return ("", ()) if office_id is None else (f" AND {column} = ?", (office_id,))


@contextlib.contextmanager
def _cancellable(conn: sqlite3.Connection, should_stop: Callable[[], bool] | None
                 ) -> Iterator[None]:
    """A bigger page cache while counting, and the cancel check installed."""
    saved = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute(f"PRAGMA cache_size = {-CACHE_KIB}")
    if should_stop is not None:
        conn.set_progress_handler(lambda: 1 if should_stop() else 0, 20_000)
    try:
        yield
    except sqlite3.OperationalError as error:
        if should_stop is not None and should_stop():
            raise ReportCancelled() from error
        raise
    finally:
        conn.set_progress_handler(None, 0)
        conn.execute(f"PRAGMA cache_size = {int(saved)}")


def compute(
    conn: sqlite3.Connection,
    period: kpi.Period,
    office_id: str | None,
    *,
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
    today: date | None = None,
) -> kpi.ReportFigures:
    """Every figure of the report for `office_id` (None: every office) in `period`, as
    things stand on `today` (the real today if None: what is overdue).

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

    advance("people reached")
    reach.ensure_fresh(conn)
    with _cancellable(conn, should_stop):
        office_sql, office_args = _office(office_id, "office_id")

        # 1. the period's events, held or not (held: a check-in of any role, or marked so)
        advance("events held")
        events = [kpi.EventFacts(*row) for row in conn.execute(
            "SELECT e.office_id, e.kind, e.participation_level, e.status, "
            "coalesce(e.status, '') != 'cancelled' AND EXISTS (SELECT 1 FROM attendance AS a "
            "WHERE a.event_id = e.id AND a.deleted = 0 AND a.status = 'attended') "
            f"FROM events AS e WHERE e.deleted = 0 AND e.starts_at >= ? AND e.starts_at < ?"
            f"{_office(office_id, 'e.office_id')[0]} "
            f"AND {reach.local_day('e.starts_at')} BETWEEN ? AND ?",
            (low, high, *office_args, start, end))]
        kind_names = {code: (uk, en) for code, uk, en in conn.execute(
            "SELECT code, name_uk, name_en FROM event_kinds WHERE deleted = 0")}

        # 2. check-ins and feedback, from the daily sums
        advance("feedback")
        sums = reach.period_sums(conn, start, end, office_id)
        attendances_by = kpi.cross_table((*reach.decode(grp), row.checkins)
                                         for (_office, grp), row in sums.items()
                                         if row.checkins)
        feedback = kpi.Feedback(*(sum(row[i] for row in sums.values()) for i in range(1, 8)))
        checkins_by_office: dict[str, int] = {}
        for (office, _grp), row in sums.items():
            if row.checkins:
                checkins_by_office[office] = checkins_by_office.get(office, 0) + row.checkins

        # 3. different people reached, in all and per office, and those reached for the
        # first time: from the daily sums, or one pass over the period's check-ins
        # (desktop/store/reach.py, `people_counts`)
        advance("people")
        unique_by_group: dict[int, int] = {}
        unique_by_office: dict[str, int] = {}
        first_time = 0
        for (office, grp), (in_office, in_scope, first) in reach.people_counts(
                conn, start, end, office_id, sums).items():
            unique_by_group[grp] = unique_by_group.get(grp, 0) + in_scope
            unique_by_office[office] = unique_by_office.get(office, 0) + in_office
            first_time += first
        reach_figures = kpi.Reach(
            attendances=sum(checkins_by_office.values()),
            unique_people=sum(unique_by_group.values()), first_time=first_time,
            unique_by=kpi.cross_table((*reach.decode(grp), n)
                                      for grp, n in unique_by_group.items()),
            attendances_by=attendances_by)
        per_office_reach = {office: (checkins, unique_by_office.get(office, 0))
                            for office, checkins in checkins_by_office.items()}

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
        from desktop.store.queries.ideas import answer_terms

        periods, work = answer_terms(conn)
        idea_rows = conn.execute(
            "SELECT channel, status, received_on, responded_on, office_id FROM ideas "
            f"WHERE deleted = 0 AND substr(received_on, 1, 10) BETWEEN ? AND ?{office_sql}",
            (start, end, *office_args)).fetchall()
        ideas = kpi.summarize_ideas(
            (kpi.IdeaFacts(channel or "", status or "", day_of(received) or period.start,
                           day_of(responded))
             for channel, status, received, responded, _office_id in idea_rows),
            today=today or date.today(), periods=periods, work=work)
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
        # From the visits' index alone (`visits_for_reports`), counted per office and tool
        # in one pass: the rows of a busy year's visits are not read three times.
        visit_where = (f"deleted = 0 AND visited_at >= ? AND visited_at < ?{office_sql} "
                       f"AND {reach.local_day('visited_at')} BETWEEN ? AND ?")
        visit_args = (low, high, *office_args, start, end)
        tools: dict[str | None, int] = {}
        visits_by_office: dict[str, int] = {}
        for office, tool, n in conn.execute(
                f"SELECT office_id, tool, count(*) FROM visits WHERE {visit_where} "
                "GROUP BY 1, 2", visit_args):
            tools[tool] = tools.get(tool, 0) + int(n)
            visits_by_office[office] = visits_by_office.get(office, 0) + int(n)
        visitors = conn.execute(
            f"SELECT count(DISTINCT person_id) FROM visits WHERE {visit_where}",
            visit_args).fetchone()[0]
        visits = kpi.visits_from(tools.items(), int(visitors))

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
        events=summary, kind_names=kind_names, reach=reach_figures, feedback=feedback, csos=csos,
        ideas=ideas, consultations=consultations, visits=visits, offices=offices,
        targets=targets(conn, period, office_id),
    )


def targets(conn: sqlite3.Connection, period: kpi.Period,
            office_id: str | None) -> kpi.Targets:
    """The council's targets for the years of `period` (summed over offices and years)."""
    sql = ("SELECT sum(events_held), sum(csos_created), sum(people_reached) FROM targets "
           "WHERE deleted = 0 AND year BETWEEN ? AND ?")
    args: list[Any] = [period.start.year, period.end.year]
    if office_id is not None:
        sql += " AND office_id = ?"
        args.append(office_id)
    events, csos, people = conn.execute(sql, args).fetchone()
    return kpi.Targets(events, csos, people)


def offices(conn: sqlite3.Connection) -> list[tuple[str, str, str | None]]:
    """(id, name, short name) of every office known to this device, by name (a handful of
    rows: the UI thread may call it)."""
    return [(oid, name, short or None) for oid, name, short in conn.execute(
        "SELECT id, coalesce(nullif(name, ''), short_name, id), short_name FROM offices "
        "WHERE deleted = 0 ORDER BY name, id")]
