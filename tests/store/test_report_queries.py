"""The report's SQL against a naive recomputation in Python from the exported rows.

The recomputation reads whole tables with `SELECT *` and applies the definitions of
`desktop.domain.kpi` row by row, sharing nothing with the SQL except those definitions; if
the two disagree on any figure, one of them is wrong.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

import pytest

from desktop.demo.generator import REFERENCE_DATE, generate
from desktop.domain import kpi
from desktop.store.database import open_reader
from desktop.store.ids import to_local
from desktop.store.queries import reports


def rows(conn, sql: str) -> list[dict]:
    cursor = conn.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def local_day(stamp: str) -> date:
    moment = to_local(stamp)
    assert moment is not None, stamp
    return moment.date()


def naive(conn, period: kpi.Period, office_id: str | None) -> dict:
    """Every figure, the slow and obvious way."""
    in_scope = (lambda o: True) if office_id is None else (lambda o: o == office_id)
    events = {e["id"]: e for e in rows(conn, "SELECT * FROM events") if not e["deleted"]
              and in_scope(e["office_id"])}
    people = {p["id"]: p for p in rows(conn, "SELECT * FROM people")}
    period_events = {i: e for i, e in events.items()
                     if period.contains(local_day(e["starts_at"]))}
    attended = defaultdict(int)
    check_ins = []  # reached check-ins at the period's not-cancelled events
    before = set()  # people reached in scope before the period
    for a in rows(conn, "SELECT * FROM attendance"):
        event = events.get(a["event_id"])
        if a["deleted"] or a["status"] != "attended" or event is None \
                or event["status"] == "cancelled":
            continue
        day = local_day(event["starts_at"])
        if a["event_id"] in period_events:
            attended[a["event_id"]] += 1
            if kpi.counts_as_reached(a["role"]):
                check_ins.append(a)
        elif day < period.start and kpi.counts_as_reached(a["role"]):
            before.add(a["person_id"])
    unique = {a["person_id"] for a in check_ins}
    gender = Counter(kpi.gender_key((people.get(p) or {}).get("gender")) for p in unique)
    age = Counter(kpi.age_key((people.get(p) or {}).get("age_group")) for p in unique)
    held = [e for i, e in period_events.items() if kpi.is_held(e["status"], attended[i])]
    per_office = defaultdict(set)
    for a in check_ins:
        per_office[events[a["event_id"]]["office_id"]].add(a["person_id"])
    feedback = kpi.tally_feedback(
        (a["knowledge_improved"], a["would_recommend"], a["rating"]) for a in check_ins)
    ideas = [i for i in rows(conn, "SELECT * FROM ideas") if not i["deleted"]
             and in_scope(i["office_id"]) and period.contains(date.fromisoformat(i["received_on"]))]
    orgs = [o for o in rows(conn, "SELECT * FROM organizations") if not o["deleted"]
            and in_scope(o["office_id"])]
    org_ids = {o["id"] for o in orgs}
    visits = [v for v in rows(conn, "SELECT * FROM visits") if not v["deleted"]
              and in_scope(v["office_id"]) and period.contains(local_day(v["visited_at"]))]
    return {
        "held": len(held),
        "by_level": Counter(e["participation_level"] for e in held),
        "by_kind": Counter(e["kind"] for e in held),
        "attendances": len(check_ins),
        "unique": len(unique),
        "first_time": len(unique - before),
        "gender": gender,
        "age": age,
        "feedback": feedback,
        "per_office": {o: len(p) for o, p in per_office.items()},
        "ideas": len(ideas),
        "ideas_by_status": Counter(i["status"] for i in ideas),
        "ideas_answered": sum(kpi.idea_answered(i["status"], i["responded_on"]) for i in ideas),
        "csos_created": sum(1 for o in orgs if o["registered_on"]
                            and period.contains(date.fromisoformat(o["registered_on"]))),
        "memoranda": sum(1 for o in orgs if o["memorandum"] == 1 and (
            not o["memorandum_on"] or date.fromisoformat(o["memorandum_on"]) <= period.end)),
        "new_members": sum(1 for m in rows(conn, "SELECT * FROM org_members")
                           if not m["deleted"] and m["organization_id"] in org_ids
                           and m["since"] and period.contains(date.fromisoformat(m["since"]))),
        "visits": len(visits),
        "visits_by_tool": Counter(v["tool"] for v in visits),
    }


@pytest.fixture
def demo(store):
    generate(store, people=300, events=40, seed=3)
    return store


def busiest(conn) -> str:
    return conn.execute("SELECT office_id FROM events GROUP BY 1 ORDER BY count(*) DESC, 1 "
                        "LIMIT 1").fetchone()[0]


@pytest.mark.parametrize("period", [
    kpi.period_for("this_year", REFERENCE_DATE),
    kpi.period_for("this_quarter", date(2025, 11, 15)),
    kpi.Period(date(2026, 3, 1), date(2026, 8, 31)),
], ids=["year", "quarter", "spring-summer"])
@pytest.mark.parametrize("one_office", [False, True], ids=["all", "one"])
def test_report_matches_a_naive_recomputation(demo, period, one_office):
    conn = open_reader(demo.path)
    try:
        office_id = busiest(conn) if one_office else None
        figures = reports.compute(conn, period, office_id)
        expected = naive(conn, period, office_id)
    finally:
        conn.close()
    assert expected["attendances"] > 0  # the demo has something to count
    assert figures.events.held == expected["held"]
    assert {k: v for k, v in figures.events.by_level.items() if v} == \
        {k: v for k, v in expected["by_level"].items() if v}
    assert dict(figures.events.by_kind) == dict(expected["by_kind"])
    assert figures.reach.attendances == expected["attendances"]
    assert figures.reach.unique_people == expected["unique"]
    assert figures.reach.first_time == expected["first_time"]
    assert {k: v for k, v in figures.reach.by_gender().items() if v} == dict(expected["gender"])
    assert {k: v for k, v in figures.reach.by_age().items() if v} == dict(expected["age"])
    assert figures.feedback == expected["feedback"]
    assert {o.office_id: o.unique_people for o in figures.offices if o.unique_people} == \
        expected["per_office"]
    assert figures.ideas.received == expected["ideas"]
    assert {k: v for k, v in figures.ideas.by_status.items() if v} == \
        dict(expected["ideas_by_status"])
    assert figures.ideas.answered == expected["ideas_answered"]
    assert figures.csos.created == expected["csos_created"]
    assert figures.csos.with_memorandum == expected["memoranda"]
    assert figures.csos.new_members == expected["new_members"]
    assert figures.visits.total == expected["visits"]
    assert {k: v for k, v in figures.visits.by_tool.items() if v} == \
        dict(expected["visits_by_tool"])
    if one_office:
        assert figures.office_name and [o.office_id for o in figures.offices] == [office_id]
    else:
        assert figures.office_name is None and len(figures.offices) == 6


def test_hand_built_data_counts_exactly(store, kyiv_time):
    office = store.insert("offices", {"name": "Приймальня в Десні", "short_name": "Десна"})["id"]
    other = store.insert("offices", {"name": "Хаб", "short_name": "Хаб"})["id"]
    women = [store.insert("people", {"last_name": f"Жінка{i}", "first_name": "А",
                                     "gender": "female", "age_group": "18_35"})["id"]
             for i in range(3)]
    man = store.insert("people", {"last_name": "Чоловік", "first_name": "Б", "gender": "male",
                                  "age_group": "60_plus"})["id"]
    anon = store.insert("people", {"last_name": "Хтось", "first_name": "В",
                                   "gender": "not_stated"})["id"]

    def event(starts_at: str, status: str | None = "held", where: str = office,
              level: str | None = "dialogue") -> str:
        return store.insert("events", {"title": "Подія", "kind": "training", "office_id": where,
                                       "starts_at": starts_at, "status": status,
                                       "participation_level": level})["id"]

    # 30 Sept 22:30 UTC is 1 October 01:30 in Kyiv: an October event.
    october_first = event("2026-09-30T22:30:00.000Z")
    october_naive = event("2026-10-15T18:00", status="planned")  # people came: held
    # 31 October 22:30 UTC is already 1 November in Kyiv: not October.
    november = event("2026-10-31T22:30:00.000Z")
    cancelled = event("2026-10-20T10:00:00.000Z", status="cancelled")
    september = event("2026-09-10T10:00:00.000Z")
    elsewhere = event("2026-10-05T10:00:00.000Z", where=other, level=None)
    empty_planned = event("2026-10-28T10:00:00.000Z", status="planned")

    def came(event_id: str, person: str, role: str = "participant", **feedback) -> None:
        store.insert("attendance", {"event_id": event_id, "person_id": person,
                                    "status": "attended", "role": role, **feedback})

    came(september, women[0])  # so women[0] is not new in October
    came(october_first, women[0], knowledge_improved=1, would_recommend=1, rating=5)
    came(october_first, women[1], knowledge_improved=0, would_recommend=1, rating=3)
    came(october_first, man, role="organiser", knowledge_improved=1)  # not reached
    came(october_naive, women[0], knowledge_improved=1)
    came(october_naive, anon)
    came(november, women[2])
    came(cancelled, women[2])
    came(elsewhere, women[2], would_recommend=0)
    store.insert("attendance", {"event_id": october_naive, "person_id": women[2],
                                "status": "no_show"})
    store.insert("ideas", {"title": "Ліхтарі", "description": "…", "channel": "appeal",
                           "office_id": office, "received_on": "2026-10-02",
                           "status": "answered", "responded_on": "2026-10-12"})
    store.insert("ideas", {"title": "Лавки", "description": "…", "channel": "petition",
                           "office_id": office, "received_on": "2026-10-30", "status": "new"})
    store.insert("ideas", {"title": "Інше", "description": "…", "channel": "petition",
                           "office_id": office, "received_on": "2026-11-01", "status": "new"})
    org = store.insert("organizations", {"name": "ГО «Десна»", "legal_form": "public_organization",
                                         "office_id": office, "registered_on": "2026-10-03",
                                         "memorandum": 1, "memorandum_on": "2026-10-20"})["id"]
    store.insert("org_members", {"organization_id": org, "person_id": man, "role": "head",
                                 "since": "2026-10-03"})
    store.insert("visits", {"office_id": office, "visited_at": "2026-09-30T21:30:00.000Z",
                            "topic": "Петиція", "tool": "petition", "person_id": anon})
    store.insert("visits", {"office_id": office, "visited_at": "2026-10-31T23:00:00.000Z",
                            "topic": "Грант", "tool": "grant"})
    store.delete("attendance", store.conn.execute(
        "SELECT id FROM attendance WHERE event_id = ? AND person_id = ?",
        (october_naive, anon)).fetchone()[0])

    october = kpi.Period(date(2026, 10, 1), date(2026, 10, 31))
    conn = open_reader(store.path)
    try:
        mine = reports.compute(conn, october, office)
        everyone = reports.compute(conn, october, None)
    finally:
        conn.close()
    assert (mine.events.held, mine.events.not_held, mine.events.cancelled) == (2, 1, 1)
    assert empty_planned  # planned, nobody came: not held
    assert mine.events.by_level == {"information": 0, "consultation": 0, "dialogue": 2,
                                    "partnership": 0}
    assert mine.reach.attendances == 3  # women[0] twice, women[1] once
    assert mine.reach.unique_people == 2
    assert mine.reach.first_time == 1  # women[1]; women[0] came in September
    assert mine.reach.by_gender() == {"female": 2, "male": 0, "other": 0, "not_stated": 0}
    assert mine.reach.by_gender(unique=False)["female"] == 3
    assert mine.feedback == kpi.Feedback(answers=3, knowledge_yes=2, knowledge_answers=3,
                                         recommend_yes=2, recommend_answers=2,
                                         rating_total=8, rating_answers=2)
    assert mine.ideas.received == 2 and mine.ideas.answered == 1
    assert mine.ideas.average_days == 10
    assert (mine.csos.created, mine.csos.with_memorandum, mine.csos.memoranda_signed,
            mine.csos.new_members) == (1, 1, 1, 1)
    assert mine.csos.by_legal_form == {"public_organization": 1}
    assert mine.visits.total == 1 and mine.visits.by_tool["petition"] == 1
    assert mine.office_name == "Приймальня в Десні"

    assert everyone.events.held == 3
    assert everyone.events.by_level[None] == 1
    assert everyone.reach.unique_people == 3 and everyone.reach.attendances == 4
    # women[2] was reached only by the other office in October; nobody before in scope
    assert everyone.reach.first_time == 2
    by_office = {o.name: (o.events_held, o.attendances, o.unique_people) for o in everyone.offices}
    assert by_office == {"Приймальня в Десні": (2, 3, 2), "Хаб": (1, 1, 1)}


def test_a_computation_can_be_stopped_and_leaves_the_connection_as_it_was(demo):
    conn = open_reader(demo.path)
    try:
        calls = []

        def stop_after_two() -> bool:
            calls.append(1)
            return len(calls) > 2

        with pytest.raises(reports.ReportCancelled):
            reports.compute(conn, kpi.period_for("this_year", REFERENCE_DATE), None,
                            should_stop=stop_after_two)
        assert conn.execute("PRAGMA query_only").fetchone()[0] == 1
        assert conn.execute("SELECT count(*) FROM temp.sqlite_master").fetchone()[0] == 0
        steps: list[tuple[int, int]] = []
        reports.compute(conn, kpi.period_for("this_year", REFERENCE_DATE), None,
                        progress=lambda done, total, text: steps.append((done, total)))
        assert steps[-1] == (reports.STEPS, reports.STEPS)
        assert [done for done, _ in steps] == list(range(1, reports.STEPS + 1))
        assert conn.execute("SELECT count(*) FROM temp.sqlite_master").fetchone()[0] == 0
        with pytest.raises(Exception):  # noqa: B017 - still read-only for the main file
            conn.execute("INSERT INTO meta VALUES ('x', 'y')")
    finally:
        conn.close()
