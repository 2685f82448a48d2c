"""The report's rows of people reached after a pull of many pages: brought up to date once,
by the last page (not page by page), and as a rebuild from scratch would make them; a pull
cut short leaves none waiting for the next check-in's commit."""

from __future__ import annotations

from pathlib import Path

from desktop.store import open_store, reach, syncstate
from desktop.store.ids import attendance_id
from desktop.sync.client import enroll
from desktop.sync.credentials import load_token
from desktop.sync.engine import Cancelled, SyncEngine
from desktop.sync.transport import Transport
from server import auth, service


def _community(live_server, tmp_path: Path) -> str:
    """An office's laptop with two events, 30 people and their check-ins, all pushed."""
    db = live_server.db
    office = service.create_office(db, "Офіс")
    folder = tmp_path / "office"
    folder.mkdir()
    store = open_store(folder / "hromada.sqlite3")
    enroll(store, folder, live_server.url, auth.new_enrollment_code(db, office, "office"))
    events = [store.insert("events", {"title": f"Збори {n}", "kind": "meeting",
                                      "office_id": office,
                                      "starts_at": f"2026-11-{10 + n}T10:00"})["id"]
              for n in range(2)]
    for i in range(30):
        person = store.insert("people", {"last_name": f"Мельник{i}", "first_name": "Іван",
                                         "gender": "male" if i % 2 else "female",
                                         "birth_year": 1950 + i})["id"]
        for event in events[: 1 + i % 2]:
            store.insert("attendance", {"id": attendance_id(person, event),
                                        "event_id": event, "person_id": person,
                                        "status": "attended"})
    SyncEngine(store, Transport(live_server.url, load_token(store.device_id, folder)),
               folder).run()
    store.close()
    return office


def _council(live_server, tmp_path: Path, name: str, **engine) -> tuple:
    folder = tmp_path / name
    folder.mkdir()
    store = open_store(folder / "hromada.sqlite3")
    enroll(store, folder, live_server.url,
           auth.new_enrollment_code(live_server.db, None, "council"))
    transport = Transport(live_server.url, load_token(store.device_id, folder))
    return store, SyncEngine(store, transport, folder, pull_limit=10, **engine)


def _reach(store) -> tuple[list, list]:
    return (sorted(store.conn.execute("SELECT * FROM reach")),
            sorted(store.conn.execute("SELECT * FROM reach_days")))


def _rebuilt(store) -> tuple[list, list]:
    """What a rebuild from scratch makes of the same check-ins (then undone)."""
    store.conn.execute("BEGIN")
    try:
        reach.rebuild(store.conn)
        return _reach(store)
    finally:
        store.conn.execute("ROLLBACK")


def test_a_pull_of_many_pages_brings_reach_up_to_date_once(live_server, tmp_path,
                                                           monkeypatch):
    _community(live_server, tmp_path)
    store, engine = _council(live_server, tmp_path, "council")
    refreshes = []
    real = reach.refresh
    monkeypatch.setattr(reach, "refresh", lambda conn: (
        refreshes.append(reach.has_dirty(conn)), real(conn)))
    report = engine.run()
    assert report.pulled >= 75  # 30 people, 45 check-ins, 2 events, the office...: 8+ pages
    assert not reach.has_dirty(store.conn)
    assert len(_reach(store)[0]) == 45
    assert _reach(store) == _rebuilt(store)
    assert refreshes.count(True) == 1  # the last page's commit, not one per page
    store.close()


def test_pages_leave_reach_waiting_only_up_to_a_bound(tmp_path, monkeypatch):
    monkeypatch.setattr(reach, "DEFER_AT_MOST", 3)
    store = open_store(tmp_path / "h.sqlite3")
    office = store.insert("offices", {"name": "Офіс"})["id"]
    event = store.insert("events", {"title": "Збори", "kind": "meeting", "office_id": office,
                                    "starts_at": "2026-11-20T10:00"})["id"]
    page = [syncstate.PulledRow("attendance", attendance_id(f"p{i}", event), 10 + i, False,
                                {"event_id": event, "person_id": f"p{i}",
                                 "status": "attended"}) for i in range(2)]
    syncstate.apply_pulled(store, page, 11, more=True)
    assert reach.has_dirty(store.conn)  # two people wait for the last page
    page = [syncstate.PulledRow("attendance", attendance_id(f"p{i}", event), 10 + i, False,
                                {"event_id": event, "person_id": f"p{i}",
                                 "status": "attended"}) for i in range(2, 4)]
    syncstate.apply_pulled(store, page, 13, more=True)
    assert not reach.has_dirty(store.conn)  # four would be past the bound: done now
    assert _reach(store) == _rebuilt(store)
    store.close()


def test_a_pull_cut_short_leaves_no_people_waiting(live_server, tmp_path):
    _community(live_server, tmp_path)
    pages = []
    store, engine = _council(live_server, tmp_path, "cut",
                             progress=pages.append, cancel=lambda: len(pages) >= 3)
    try:
        engine.run()
    except Cancelled:
        pass
    else:
        raise AssertionError("the pull was not cut short")
    assert 0 < store.count("attendance") < 45  # part of the pull arrived
    assert not reach.has_dirty(store.conn)  # settled by the engine, not the next check-in
    assert _reach(store) == _rebuilt(store)
    store.close()
