"""The people-reached tables (desktop/store/reach.py) kept in step with every kind of edit.

The report reads `reach` and `reach_days` instead of the check-ins, so a stale row would be a
wrong figure sent to the council. Hypothesis makes random sequences of the edits that move a
check-in in or out of a report (check-in, role, status, deletion, a purge, an event moved,
cancelled, given to another office or deleted, a person's gender corrected); after each
sequence the maintained tables must equal a rebuild from scratch, and the report must equal
the naive recomputation of tests/store/test_report_queries.py.
"""

from __future__ import annotations

import sqlite3
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain import kpi
from desktop.store import open_store, reach
from desktop.store.database import open_reader
from desktop.store.queries import reports
from tests.store.test_report_queries import naive

DAYS = ["2026-09-30T22:30:00.000Z", "2026-10-01T09:00:00.000Z", "2026-10-15T18:00",
        "2026-10-31T22:30:00.000Z", "2026-11-03T10:00:00.000Z", "2026-09-10T10:00:00.000Z"]
PERIODS = [kpi.Period(date(2026, 10, 1), date(2026, 10, 31)),
           kpi.Period(date(2026, 9, 1), date(2026, 11, 30)),
           kpi.Period(date(2026, 10, 15), date(2026, 11, 3))]

edits = st.lists(st.one_of(
    st.tuples(st.just("check_in"), st.integers(0, 4), st.integers(0, 5),
              st.sampled_from(["participant", "speaker", "organiser", "facilitator", None]),
              st.sampled_from(["attended", "registered", "no_show"]),
              st.sampled_from([None, 1, 5])),
    st.tuples(st.just("attendance"), st.integers(0, 40),
              st.sampled_from(["status", "role", "deleted", "rating", "purge"])),
    st.tuples(st.just("event"), st.integers(0, 5),
              st.sampled_from(["move", "cancel", "restore", "office", "delete"]),
              st.integers(0, len(DAYS) - 1)),
    st.tuples(st.just("person"), st.integers(0, 4),
              st.sampled_from(["female", "male", None]),
              st.sampled_from(["18_35", "60_plus", None])),
), max_size=25)


def snapshot(conn: sqlite3.Connection) -> tuple[list, list]:
    rows = sorted(conn.execute("SELECT * FROM reach").fetchall())
    days = sorted(r for r in conn.execute("SELECT * FROM reach_days").fetchall() if any(r[3:]))
    return rows, days


def rebuilt(conn: sqlite3.Connection) -> tuple[list, list]:
    conn.execute("SAVEPOINT check_rebuild")
    try:
        reach.rebuild(conn)
        return snapshot(conn)
    finally:
        conn.execute("ROLLBACK TO check_rebuild")
        conn.execute("RELEASE check_rebuild")


def apply(store, ids: dict, edit: tuple) -> None:
    kind = edit[0]
    if kind == "check_in":
        _, person, event, role, status, rating = edit
        key = (ids["people"][person], ids["events"][event])
        if key in ids["pairs"]:
            return
        ids["pairs"].add(key)
        ids["attendance"].append(store.insert("attendance", {
            "person_id": key[0], "event_id": key[1], "role": role, "status": status,
            "rating": rating, "knowledge_improved": 1 if rating else None})["id"])
    elif kind == "attendance":
        _, n, change = edit
        if not ids["attendance"]:
            return
        row = ids["attendance"][n % len(ids["attendance"])]
        current = store.get("attendance", row, include_deleted=True)
        if current is None:
            return
        if change == "purge":
            with store.write():
                store.conn.execute("DELETE FROM attendance WHERE id = ?", (row,))
        elif change == "deleted":
            (store.undelete if current["deleted"] else store.delete)("attendance", row)
        else:
            store.update("attendance", row, {
                "status": {"status": "no_show" if current["status"] == "attended"
                           else "attended"},
                "role": {"role": "organiser" if current["role"] != "organiser"
                         else "participant"},
                "rating": {"rating": 1 + (current["rating"] or 0) % 5},
            }[change])
    elif kind == "event":
        _, n, change, day = edit
        event = ids["events"][n]
        current = store.get("events", event, include_deleted=True)
        if change == "move":
            store.update("events", event, {"starts_at": DAYS[day]})
        elif change == "cancel":
            store.update("events", event, {"status": "cancelled"})
        elif change == "restore":
            store.update("events", event, {"status": "held"})
            if current["deleted"]:
                store.undelete("events", event)
        elif change == "office":
            other = next(o for o in ids["offices"] if o != current["office_id"])
            store.update("events", event, {"office_id": other})
        elif not current["deleted"]:
            store.delete("events", event)
    else:
        _, n, gender, age = edit
        store.update("people", ids["people"][n], {"gender": gender, "age_group": age})


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(edits=edits)
def test_the_tables_follow_every_edit_and_the_report_stays_exact(kyiv_time, edits):
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "h.sqlite3")
        try:
            offices = [store.insert("offices", {"name": name})["id"] for name in ("А", "Б")]
            ids = {
                "offices": offices,
                "people": [store.insert("people", {"last_name": f"Особа{i}", "first_name": "Я",
                                                   "gender": "female" if i % 2 else "male",
                                                   "age_group": "36_59"})["id"]
                           for i in range(5)],
                "events": [store.insert("events", {"title": "Подія", "kind": "training",
                                                   "office_id": offices[i % 2],
                                                   "starts_at": DAYS[i], "status": "held"})["id"]
                           for i in range(6)],
                "attendance": [], "pairs": set(),
            }
            for person in range(5):  # most people came to several events already
                for event in range(6):
                    if (person + event) % 3 != 1:
                        apply(store, ids, ("check_in", person, event, "participant",
                                           "attended", event % 5 or None))
            for edit in edits:
                apply(store, ids, edit)
            assert not reach.has_dirty(store.conn)
            assert snapshot(store.conn) == rebuilt(store.conn)
            reader = open_reader(store.path)
            try:
                for period in PERIODS:
                    for office in (None, offices[0]):
                        figures = reports.compute(reader, period, office)
                        expected = naive(reader, period, office)
                        # the daily sums and the pass over the period give the same counts
                        days = (period.start.isoformat(), period.end.isoformat(), office)
                        assert reach.people_counts(reader, *days, how="after") == \
                            reach.people_counts(reader, *days, how="inside")
                        assert figures.reach.attendances == expected["attendances"]
                        assert figures.reach.unique_people == expected["unique"]
                        assert figures.reach.first_time == expected["first_time"]
                        assert figures.feedback == expected["feedback"]
                        assert figures.events.held == expected["held"]
                        assert {k: v for k, v in figures.reach.by_gender().items() if v} == \
                            {k: v for k, v in expected["gender"].items() if v}
                        if office is None:
                            assert {o.office_id: o.unique_people for o in figures.offices
                                    if o.unique_people} == expected["per_office"]
            finally:
                reader.close()
        finally:
            store.close()


def test_a_report_brings_rows_written_behind_the_stores_back_up_to_date(store, kyiv_time):
    """A file changed outside the store's write path (an older app, a raw SQL session): the
    triggers still note the person, and the report refreshes before it counts."""
    office = store.insert("offices", {"name": "А"})["id"]
    person = store.insert("people", {"last_name": "Особа", "first_name": "Я",
                                     "gender": "female"})["id"]
    event = store.insert("events", {"title": "Подія", "office_id": office, "status": "held",
                                    "kind": "meeting",
                                    "starts_at": "2026-10-05T10:00:00.000Z"})["id"]
    raw = sqlite3.connect(store.path, isolation_level=None)
    raw.execute("INSERT INTO attendance (id, created_at, updated_at, device_id, event_id, "
                "person_id, status) VALUES ('raw', '', '', 'x', ?, ?, 'attended')",
                (event, person))
    raw.close()
    reader = open_reader(store.path)
    try:
        assert reach.has_dirty(reader)
        figures = reports.compute(reader, PERIODS[0], None)
        assert figures.reach.unique_people == 1 and figures.reach.by_gender()["female"] == 1
        assert not reach.has_dirty(reader)
    finally:
        reader.close()


def test_another_time_zone_rebuilds_the_days(store, monkeypatch):
    """A UTC moment late in the evening is the next day in Kyiv: the day kept for it follows
    the computer's zone, even when the zone changed after the rows were made."""
    import time

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    try:
        office = store.insert("offices", {"name": "А"})["id"]
        person = store.insert("people", {"last_name": "Особа", "first_name": "Я"})["id"]
        event = store.insert("events", {"title": "Подія", "office_id": office,
                                        "status": "held", "kind": "meeting",
                                        "starts_at": "2026-09-30T22:30:00.000Z"})["id"]
        store.insert("attendance", {"event_id": event, "person_id": person,
                                    "status": "attended"})
        assert store.conn.execute("SELECT day FROM reach").fetchone()[0] == "2026-09-30"
        monkeypatch.setenv("TZ", "Europe/Kyiv")
        time.tzset()
        reader = open_reader(store.path)
        try:
            figures = reports.compute(reader, PERIODS[0], None)
        finally:
            reader.close()
        assert figures.reach.unique_people == 1
        assert store.conn.execute("SELECT day FROM reach").fetchone()[0] == "2026-10-01"
    finally:
        monkeypatch.undo()
        time.tzset()
