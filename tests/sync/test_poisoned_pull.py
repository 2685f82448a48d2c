"""No row in the feed can stop a device's sync. Rows an older platform let in (written here
straight into the platform's database, since today's platform refuses them) are set aside on
the device with the reason, the cursor moves past them, and the app and the command say so."""

from __future__ import annotations

import json

import pytest

from desktop.store import syncstate
from desktop.store.ids import attendance_id, new_id
from server import service
from server.auth import now_iso
from tests.cli.test_sync_cli import desk
from tests.sync.test_end_to_end import Device


def _plant(db, table: str, record_id: str, data: dict, office: str | None, shared: int) -> int:
    """A record as an older, more trusting platform would have stored it."""
    with db.transaction(write=True) as tx:
        rev = tx.next_rev()
        tx.execute(
            "INSERT INTO records(tbl, id, office_id, shared, data, field_meta, rev, deleted, hlc, "
            "updated_at) VALUES(?, ?, ?, ?, ?, '{}', ?, 0, ?, ?)",
            (table, record_id, office, shared, json.dumps(data), rev,
             "1795456133980-00000-old", now_iso()))
    return rev


POISON = [
    ("capacity", 10**30),
    ("capacity", 2**63),
    ("capacity", 1e300),
    ("title", 12345),
    ("title", "Збори\x00"),
    ("starts_at", "вчора"),
    ("kind", "Not A Kind!"),
]


@pytest.mark.parametrize(("field", "value"), POISON)
def test_a_poisoned_shared_event_is_set_aside_and_sync_goes_on(live_server, tmp_path, field,
                                                              value):
    db = live_server.db
    office = service.create_office(db, "Офіс")
    laptop = Device(tmp_path, "laptop", live_server.url, db, office)
    laptop.sync_until_clean()
    bad = new_id()
    event = {"title": "Збори", "kind": "meeting", "starts_at": "2026-11-20T10:00",
             "office_id": office, field: value}
    _plant(db, "events", bad, event, office, 1)
    after = new_id()  # a good record after the bad one must still arrive
    service_person = {"last_name": "Гарна", "first_name": "Людина", "gender": "female"}
    _plant(db, "people", after, service_person, office, 0)

    report = laptop.sync_until_clean()
    assert report.set_aside and bad in report.set_aside[0]
    assert laptop.store.get("people", after) is not None
    assert laptop.store.get("events", bad, include_deleted=True) is None
    aside = syncstate.open_set_aside(laptop.store)
    assert [(t, r) for t, r, _rev, _why in aside] == [("events", bad)]
    # The next sync is quiet: the cursor moved past the bad row, nothing is re-read.
    again = laptop.sync()
    assert again.up_to_date and again.pulled == 0 and not again.refetched


def test_text_that_cannot_travel_as_utf8_does_not_fail_the_feed(live_server, tmp_path):
    """A lone surrogate (only an older platform could have stored one) would make the page
    unserialisable for every device; the feed sends a replacement character instead."""
    db = live_server.db
    office = service.create_office(db, "Офіс")
    laptop = Device(tmp_path, "laptop", live_server.url, db, office)
    laptop.sync_until_clean()
    bad = new_id()
    raw = json.dumps({"title": "Збори \ud800", "kind": "meeting", "office_id": office,
                      "starts_at": "2026-11-20T10:00"})  # ASCII escapes keep the surrogate
    with db.transaction(write=True) as tx:
        rev = tx.next_rev()
        tx.execute("INSERT INTO records(tbl, id, office_id, shared, data, field_meta, rev, "
                   "deleted, hlc, updated_at) VALUES('events', ?, ?, 1, ?, '{}', ?, 0, NULL, ?)",
                   (bad, office, raw, rev, now_iso()))
    laptop.sync_until_clean()
    assert laptop.store.get("events", bad)["title"].startswith("Збори ")


def test_a_row_that_fails_only_on_the_device_is_set_aside(live_server, tmp_path):
    """Passes the wire schema, but breaks the device's unique (event, person) rule: an
    attendance under a made-up id for a pair the laptop already holds."""
    db = live_server.db
    office = service.create_office(db, "Офіс")
    laptop = Device(tmp_path, "laptop", live_server.url, db, office)
    laptop.sync_until_clean()
    event = laptop.store.insert("events", {"title": "Збори", "kind": "meeting",
                                           "office_id": office,
                                           "starts_at": "2026-11-20T10:00"})["id"]
    person = laptop.store.insert("people", {"last_name": "Коваль", "first_name": "Олена",
                                            "gender": "female"})["id"]
    laptop.store.insert("attendance", {"id": attendance_id(person, event), "event_id": event,
                                       "person_id": person, "status": "attended"})
    laptop.sync_until_clean()
    odd = new_id()
    _plant(db, "attendance", odd, {"event_id": event, "person_id": person,
                                   "status": "registered"}, office, 0)
    report = laptop.sync_until_clean()
    assert any(odd == r for _t, r, _rev, _why in syncstate.open_set_aside(laptop.store))
    assert "could not be stored" in syncstate.open_set_aside(laptop.store)[0][3]
    assert report.up_to_date
    # Nothing half-applied: the row, its log entry and its search entry all rolled back.
    assert laptop.store.get("attendance", odd, include_deleted=True) is None
    assert not laptop.store.conn.execute(
        "SELECT 1 FROM change_log WHERE record_id = ?", (odd,)).fetchone()
    # The platform mends the record (a later version): it applies and the entry clears.
    with db.transaction(write=True) as tx:
        rev = tx.next_rev()
        tx.execute("UPDATE records SET deleted = 1, rev = ? WHERE id = ?", (rev, odd))
    laptop.sync_until_clean()
    assert syncstate.open_set_aside(laptop.store) == []


def test_sync_command_reports_set_aside_rows_and_never_a_traceback(live_server, tmp_path):
    db = live_server.db
    office = service.create_office(db, "Офіс")
    laptop = Device(tmp_path, "laptop", live_server.url, db, office)
    laptop.sync_until_clean()
    laptop.store.close()
    bad = new_id()
    _plant(db, "events", bad, {"title": "Збори", "kind": "meeting", "office_id": office,
                               "starts_at": "2026-11-20T10:00", "capacity": 10**30}, office, 1)
    result = desk(laptop.dir, "sync")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "set aside" in result.stdout and bad in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_an_unexpected_fault_is_one_line_and_exit_1(tmp_path):
    """A fault of ours (here: a store whose sync tables were dropped by hand) is one plain
    line on stderr, the traceback goes to the data folder's log."""
    import sqlite3

    data = tmp_path / "d"
    assert desk(data, "demo", "--people", "0", "--events", "0").returncode == 0
    with sqlite3.connect(data / "hromada.sqlite3") as conn:
        conn.execute("INSERT INTO meta(key, value) VALUES('sync.server_url', "
                     "'http://127.0.0.1:9') ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        conn.execute("DROP TABLE sync_log")
    (data / "sync-token").write_text("x")
    result = desk(data, "sync")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    log = data / "logs" / "errors.log"
    assert log.is_file() and "Traceback" in log.read_text()
