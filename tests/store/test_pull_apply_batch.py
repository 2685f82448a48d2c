"""A pulled page's new records go into the store together (`syncstate._insert_new`), and the
store ends exactly as if they had gone in one by one; an odd one sends the page the slow way,
where it alone is set aside."""

from __future__ import annotations

import uuid
from pathlib import Path

from desktop.store import open_store, syncstate
from desktop.store.ids import attendance_id
from desktop.store.syncstate import PulledRow

EVENT = "01940000-0000-7000-8000-0000000000e1"
OFFICE = "01940000-0000-7000-8000-00000000000f"


def _hlc(n: int) -> str:
    return f"{1_800_000_000_000 + n:013d}-00000-platform0"


def _base(path: Path):
    """A store that already holds an office, an event, one person and one of its own
    unsent people: the same for each way of applying."""
    store = open_store(path)
    with store.write():
        syncstate.apply_pulled(store, [
            PulledRow("offices", OFFICE, 1, False, {"name": "Приймальня"}, _hlc(1)),
            PulledRow("events", EVENT, 2, False, {
                "title": "Збори", "kind": "meeting", "office_id": OFFICE,
                "starts_at": "2026-11-20T10:00"}, _hlc(2)),
            PulledRow("people", "known", 3, False, {
                "last_name": "Відома", "first_name": "Ольга", "gender": "female"}, _hlc(3)),
        ], 3)
    return store


def _page(own: str) -> list[PulledRow]:
    rows: list[PulledRow] = []
    rev = 10
    for i in range(40):
        person = f"p{i:03d}"
        rows.append(PulledRow("people", person, rev, False, {
            "last_name": f"Мельник{i}", "first_name": "Іван", "gender": "male",
            "phone": f"+38067{i:07d}", "birth_year": 1960 + i}, _hlc(rev)))
        rows.append(PulledRow("attendance", attendance_id(person, EVENT), rev + 1, False, {
            "event_id": EVENT, "person_id": person, "status": "attended"}, _hlc(rev + 1)))
        rev += 2
    rows += [
        # The deletion of a record this device never had: nothing to keep, not counted.
        PulledRow("people", "gone", rev, True, {"last_name": "Стерта"}, _hlc(rev)),
        # A record twice in one page: both versions, in order.
        PulledRow("people", "twice", rev + 1, False, {
            "last_name": "Перша", "first_name": "Версія", "gender": "female"}, _hlc(rev + 1)),
        PulledRow("people", "twice", rev + 2, False, {
            "last_name": "Друга", "first_name": "Версія", "gender": "female"}, _hlc(rev + 2)),
        # A record this device holds: an update, the row-by-row way.
        PulledRow("people", "known", rev + 3, False, {
            "last_name": "Відома", "first_name": "Оля", "gender": "female"}, _hlc(rev + 3)),
        # This device's own unsent person: skipped until its push is answered.
        PulledRow("people", own, rev + 4, False, {
            "last_name": "Чужа", "first_name": "Версія", "gender": "female"}, _hlc(rev + 4)),
    ]
    return rows


def _state(store) -> dict[str, list]:
    """Everything applying a page writes, less what differs by device and by moment."""
    def rows(sql: str) -> list:
        return sorted(tuple(r) for r in store.conn.execute(sql))

    def records(table: str) -> list:
        columns = [c for c in store._columns(table)
                   if c not in ("created_at", "updated_at", "device_id")]
        return rows(f"SELECT {', '.join(f'[{c}]' for c in columns)} FROM [{table}]")

    return {
        "people": records("people"), "attendance": records("attendance"),
        "names": rows("SELECT last_name FROM people"),
        "log": rows("SELECT table_name, record_id, op, old, new, base_version, base_rev, hlc, "
                    "origin, mutation FROM change_log WHERE origin = 'remote'"),
        "search": rows("SELECT kind, record_id, name, extra FROM search_docs"),
        "reach": rows("SELECT * FROM reach"), "reach_days": rows("SELECT * FROM reach_days"),
        "clock": store._clock().last.split("-")[:2],
    }


def _apply(tmp_path: Path, name: str, together: bool, monkeypatch) -> tuple:
    store = _base(tmp_path / f"{name}.sqlite3")
    own = store.insert("people", {"id": "own", "last_name": "Своя", "first_name": "Ганна",
                                  "gender": "female"})["id"]
    with monkeypatch.context() as patch:
        if not together:
            patch.setattr(syncstate, "_insert_new", lambda *args: set())
        statements: list[str] = []
        store.conn.set_trace_callback(statements.append)
        counts = syncstate.apply_pulled(store, _page(own), 99)
        store.conn.set_trace_callback(None)
    state = _state(store)
    store.close()
    return counts, state, statements


def test_new_records_go_in_together_and_end_as_they_would_one_by_one(tmp_path, monkeypatch):
    together, state, statements = _apply(tmp_path, "together", True, monkeypatch)
    one_by_one, expected, slow = _apply(tmp_path, "one-by-one", False, monkeypatch)
    assert together == one_by_one == (83, 1)  # 80 new, "twice" twice, "known"; own skipped
    assert state == expected
    names = {name for (name,) in state["names"]}
    assert {"Мельник0", "Мельник39", "Друга"} <= names and "Стерта" not in names
    assert len(state["reach"]) == 40
    # One savepoint for the page's new records, not one each.
    assert sum("SAVEPOINT" in s for s in statements) < 10 < \
        sum("SAVEPOINT" in s for s in slow)


def test_one_odd_new_record_sends_the_page_one_by_one_and_only_it_is_set_aside(tmp_path):
    store = _base(tmp_path / "odd.sqlite3")
    store.insert("attendance", {"id": attendance_id("known", EVENT), "event_id": EVENT,
                                "person_id": "known", "status": "attended"})
    syncstate.acknowledge(store, 10**6)
    page = [PulledRow("people", f"n{i}", 100 + i, False, {
        "last_name": f"Нова{i}", "first_name": "Ірина", "gender": "female"}, _hlc(100 + i))
        for i in range(30)]
    # Another id for a pair this store holds: the unique (event, person) rule refuses it.
    odd = str(uuid.uuid4())
    page.insert(15, PulledRow("attendance", odd, 200, False, {
        "event_id": EVENT, "person_id": "known", "status": "registered"}, _hlc(200)))
    applied, skipped = syncstate.apply_pulled(store, page, 200)
    assert (applied, skipped) == (30, 0)
    assert [r[1] for r in syncstate.open_set_aside(store)] == [odd]
    assert store.count("people") == 31
    assert store.get("attendance", odd, include_deleted=True) is None
    assert store.conn.execute("SELECT count(*) FROM change_log WHERE origin = 'remote' "
                              "AND table_name = 'people' AND record_id LIKE 'n%'"
                              ).fetchone()[0] == 30
    assert len(store.search("Нова", kinds=("people",))) == 30
    store.close()


def test_a_new_person_already_forgotten_elsewhere_is_forgotten_here_too(tmp_path):
    store = _base(tmp_path / "forgotten.sqlite3")
    row = PulledRow("people", "erased", 50, False, {
        "last_name": "Вилучено", "first_name": "Вилучено", "gender": "female",
        "forgotten_at": "2026-11-30T10:00:00Z"}, _hlc(50))
    assert syncstate.apply_pulled(store, [row], 50) == (1, 0)
    assert store.get("people", "erased")["forgotten_at"]
    # As `forget.forget_received` leaves a forgotten person: no search entry for the name.
    assert store.search("Вилучено", kinds=("people",)) == []
    store.close()
