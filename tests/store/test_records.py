"""The write path: every change is a row change plus a change-log entry, atomically."""

from __future__ import annotations

import json
import sqlite3

import pytest

from desktop.domain.validation import age_group_for
from desktop.store import RecordNotFound, StoreError
from desktop.store.ids import attendance_id


def log(store, record_id):
    return store.conn.execute(
        "SELECT op, old, new, base_version, origin FROM change_log WHERE record_id = ? "
        "ORDER BY seq", (record_id,)
    ).fetchall()


def test_insert_update_delete_are_logged_with_old_and_new_values(store):
    p = store.insert("people", {"last_name": "Коваль", "first_name": "Ірина", "gender": "female"})
    assert p["version"] == 1 and p["deleted"] == 0 and p["device_id"] == store.device_id
    store.update("people", p["id"], {"first_name": "Ірина", "birth_year": 1990})
    store.delete("people", p["id"])
    entries = log(store, p["id"])
    assert [e[0] for e in entries] == ["insert", "update", "delete"]
    assert json.loads(entries[0][2]) == {"last_name": "Коваль", "first_name": "Ірина",
                                         "gender": "female"}
    # Only the fields that really changed are written to the log: the birth year, and the
    # age group the domain's rules derive from it.
    assert json.loads(entries[1][1]) == {"birth_year": None, "age_group": None}
    assert json.loads(entries[1][2]) == {"birth_year": 1990,
                                         "age_group": age_group_for(1990)}
    assert [e[3] for e in entries] == [0, 1, 2]
    assert store.get("people", p["id"]) is None
    assert store.get("people", p["id"], include_deleted=True)["version"] == 3


def test_update_without_real_change_writes_nothing(store):
    p = store.insert("people", {"last_name": "Бондар", "first_name": "Олег", "gender": "male"})
    store.update("people", p["id"], {"last_name": "Бондар"})
    assert len(log(store, p["id"])) == 1
    assert store.get("people", p["id"])["version"] == 1


def test_undelete_restores_and_is_logged(store):
    p = store.insert("people", {"last_name": "Шевчук", "first_name": "Анна", "gender": "female"})
    store.delete("people", p["id"])
    store.undelete("people", p["id"])
    assert store.get("people", p["id"]) is not None
    assert [e[0] for e in log(store, p["id"])] == ["insert", "delete", "undelete"]


def test_hlc_in_log_strictly_increases(store):
    p = store.insert("people", {"last_name": "А", "first_name": "Б", "gender": "male"})
    for year in range(1950, 1960):
        store.update("people", p["id"], {"birth_year": year})
    hlcs = [r[0] for r in store.conn.execute("SELECT hlc FROM change_log ORDER BY seq")]
    assert hlcs == sorted(hlcs) and len(set(hlcs)) == len(hlcs)


def test_failure_in_the_log_write_rolls_back_the_change(store, monkeypatch):
    """A crash between change and log is impossible: both are in one transaction."""
    p = store.insert("people", {"last_name": "Мельник", "first_name": "Ія", "gender": "female"})

    def boom(*args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error (simulated)")

    monkeypatch.setattr(store, "_log", boom)
    with pytest.raises(sqlite3.OperationalError):
        store.update("people", p["id"], {"first_name": "Інна"})
    with pytest.raises(sqlite3.OperationalError):
        store.insert("people", {"last_name": "Новий", "first_name": "Запис", "gender": "male"})
    monkeypatch.undo()
    assert store.get("people", p["id"])["first_name"] == "Ія"
    assert store.count("people") == 1
    assert len(log(store, p["id"])) == 1


def test_a_change_and_its_log_entry_survive_a_killed_process(tmp_path):
    """Kill -9 right after a commit: a fresh process sees the change and its log entry."""
    import subprocess
    import sys

    db = tmp_path / "h.sqlite3"
    code = (
        "import os; from desktop.store import open_store; "
        f"s = open_store(__import__('pathlib').Path({str(db)!r})); "
        "s.insert('people', {'last_name': 'Крах', 'first_name': 'Тест', 'gender': 'male'}); "
        "os._exit(9)"  # no close, no checkpoint: like pulling the plug on the process
    )
    subprocess.run([sys.executable, "-c", code], check=False)
    from desktop.store import open_store

    s = open_store(db)
    try:
        assert s.count("people") == 1
        assert s.conn.execute("SELECT count(*) FROM change_log").fetchone()[0] == 1
    finally:
        s.close()


def test_insert_many_is_one_transaction(store):
    rows = [{"last_name": f"Прізвище{i}", "first_name": "Ім'я", "gender": "male"}
            for i in range(50)]
    rows.append({"last_name": "Зламаний", "no_such_field": 1})
    with pytest.raises(StoreError, match="no_such_field"):
        store.insert_many("people", rows, batch_size=10)
    assert store.count("people") == 0
    assert store.conn.execute("SELECT count(*) FROM change_log").fetchone()[0] == 0
    assert store.insert_many("people", rows[:-1], batch_size=7) == 50
    assert store.conn.execute("SELECT count(*) FROM change_log").fetchone()[0] == 50
    assert store.conn.execute("SELECT count(*) FROM search_docs").fetchone()[0] == 50


def test_unknown_table_field_and_record_are_clear_errors(store):
    with pytest.raises(StoreError, match="Unknown record type"):
        store.insert("nonsense", {})
    with pytest.raises(StoreError, match="has no field"):
        store.insert("people", {"last_name": "X", "shoe_size": 42})
    with pytest.raises(RecordNotFound):
        store.update("people", "no-such-id", {"last_name": "Y"})


def test_foreign_keys_are_enforced(store):
    with pytest.raises(sqlite3.IntegrityError):
        store.insert("attendance", {"event_id": "missing", "person_id": "missing",
                                    "status": "registered"})
    assert store.conn.execute("SELECT count(*) FROM change_log").fetchone()[0] == 0


def test_attendance_natural_id_is_the_same_on_every_device(store):
    office = store.insert("offices", {"name": "Офіс", "kind": "liaison_office"})
    event = store.insert("events", {"title": "Слухання", "kind": "public_hearing",
                                    "office_id": office["id"],
                                    "starts_at": "2026-11-23T10:00"})
    person = store.insert("people", {"last_name": "Гнатюк", "first_name": "Ян", "gender": "male"})
    aid = attendance_id(person["id"], event["id"])
    store.insert("attendance", {"id": aid, "event_id": event["id"], "person_id": person["id"],
                                "status": "attended"})
    with pytest.raises(StoreError, match="already exists"):
        store.insert("attendance", {"id": aid, "event_id": event["id"],
                                    "person_id": person["id"], "status": "attended"})


def test_lists_are_stored_as_json(store):
    org = store.insert("organizations", {"name": "ГО «Світанок»",
                                         "legal_form": "public_organization",
                                         "areas": ["youth", "ecology"]})
    assert json.loads(org["areas"]) == ["youth", "ecology"]


def test_database_settings(store):
    conn = store.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_the_write_path_refuses_what_the_domain_rules_refuse_and_writes_nothing(store):
    """The store's one write path runs the domain's rules (validation.validate), the ones
    the platform runs too: a record it would refuse never reaches the outbox."""
    from desktop.domain.errors import ValidationError

    office = store.insert("offices", {"name": "Офіс"})["id"]
    before = store.conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
    with pytest.raises(ValidationError) as refused:
        store.insert("consultations", {"title": "Бюджет громади", "office_id": office,
                                       "opens_on": "2026-11-20"})
    assert {"authority", "level"} <= refused.value.fields
    person = store.insert("people", {"last_name": " Коваль ", "first_name": "ірина",
                                     "phone": "067 123 45 67"})
    # cleaned as the forms clean: trimmed, the phone in one form, the gender defaulted
    assert person["last_name"] == "Коваль" and person["phone"] == "+380671234567"
    assert person["gender"] == "not_stated"
    with pytest.raises(ValidationError):
        store.update("people", person["id"], {"phone": "12"})
    with pytest.raises(ValidationError):
        store.insert_many("people", [{"last_name": "Бондар", "first_name": "Олег"},
                                     {"last_name": "", "first_name": "Без прізвища"}])
    assert store.get("people", person["id"])["phone"] == "+380671234567"
    assert store.count("people") == 1 and store.count("consultations") == 0
    after = store.conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
    assert after == before + 1  # the person's insert alone
