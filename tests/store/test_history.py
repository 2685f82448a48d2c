"""The audit trail as people read it (desktop/store/queries/history.py)."""

from __future__ import annotations

from desktop.store.queries import history


def test_a_records_history_says_who_what_and_from_what(store):
    office = store.insert("offices", {"name": "Офіс"})["id"]
    staff = store.insert("staff", {"name": "Коваль Ірина", "office_id": office,
                                   "role": "operator", "active": 1})["id"]
    store.user_id = staff
    person = store.insert("people", {"last_name": "Шевчук", "first_name": "Олена",
                                     "gender": "female"})["id"]
    store.update("people", person, {"address": "вул. Садова, 1"})
    store.update("people", person, {"address": "вул. Липова, 7"})
    store.delete("people", person)
    entries = history.record_history(store.conn, "people", person, store.device_id)
    assert [e.op for e in entries] == ["insert", "update", "update", "delete"]
    assert all(e.staff == "Коваль Ірина" and e.here for e in entries)
    moved = entries[2]
    assert [(c.field, c.old, c.new) for c in moved.changes] == [
        ("address", "вул. Садова, 1", "вул. Липова, 7")]
    assert {c.field for c in entries[0].changes} >= {"last_name", "first_name"}


def test_what_changed_names_each_record_and_can_keep_one_office(store):
    a = store.insert("offices", {"name": "Десна"})["id"]
    b = store.insert("offices", {"name": "Стадниця"})["id"]
    store.insert("events", {"title": "Слухання", "office_id": a, "kind": "public_hearing",
                            "starts_at": "2026-11-20T10:00"})
    store.insert("events", {"title": "Тренінг", "office_id": b, "kind": "training",
                            "starts_at": "2026-11-21T10:00"})
    latest = history.recent_changes(store.conn, store.device_id, limit=10)
    assert [e.label for e in latest[:2]] == ["Тренінг", "Слухання"]  # newest first
    only_a = history.recent_changes(store.conn, store.device_id, limit=10, office_id=a)
    assert [e.label for e in only_a if e.table == "events"] == ["Слухання"]
