"""An office that started on its own (first run, "work on my own for now") later enrolls with
the council's platform: everything it recorded goes up under the platform's office, with its
settlements, and nothing is typed again. Real store, real platform over HTTP."""

from __future__ import annotations

from desktop.store import open_store, syncstate
from desktop.store.setup import (
    LOCAL_OFFICE,
    add_staff,
    create_own_office,
    install_reference_lists,
    settlement_choices,
)
from desktop.sync.client import enroll, sync_once
from server import auth, service
from tests.sync.test_end_to_end import platform_view


def test_records_made_before_enrolling_reach_the_platform_under_its_office(
        live_server, data_dir):
    db = live_server.db
    assert service.load_reference_lists(db) > 0
    assert service.load_reference_lists(db) == 0  # a second load adds nothing
    platform_office = service.create_office(db, "Офіс звʼязку Десна")

    store = open_store(data_dir / "hromada.sqlite3")
    install_reference_lists(store)
    village = next(c for c in settlement_choices(store) if c.name == "Десна")
    local_office, staff = create_own_office(
        store, name="Десна", kind="liaison_office", settlement_id=village.id,
        staff_name="Коваль Ірина")
    colleague = add_staff(store, local_office, "Петро Мельник")
    person = store.insert("people", {"last_name": "Шевчук", "first_name": "Олена",
                                     "gender": "female", "settlement_id": village.id,
                                     "office_id": local_office})
    kind = store.conn.execute("SELECT code FROM event_kinds LIMIT 1").fetchone()[0]
    event = store.insert("events", {"title": "Зустріч громади", "kind": kind,
                                    "office_id": local_office, "settlement_id": village.id,
                                    "starts_at": "2026-12-01T10:00:00Z"})
    # Nothing of the council's (reference lists, the office itself) waits to be pushed.
    pending = {c.table for c in syncstate.pending_changes(store, 1000)}
    assert pending == {"staff", "people", "events"}

    code = auth.new_enrollment_code(db, platform_office, "office")
    enroll(store, data_dir, live_server.url, code)
    assert store.get_meta("office_id") == platform_office
    assert store.get_meta(LOCAL_OFFICE) is None
    assert store.get("offices", local_office, include_deleted=True) is None
    assert store.get("people", person["id"])["office_id"] == platform_office
    assert store.get("staff", staff)["office_id"] == platform_office

    report = sync_once(store, data_dir)
    assert report.rejected == [] and report.set_aside == []
    view = platform_view(db, store.device_id)
    assert view["people"][person["id"]]["office_id"] == platform_office
    assert view["people"][person["id"]]["settlement_id"] == village.id
    assert view["events"][event["id"]]["office_id"] == platform_office
    assert {staff, colleague} <= set(view["staff"])
    # The device now holds the platform's office and its revisions of the reference lists.
    assert store.get("offices", platform_office)["name"] == "Офіс звʼязку Десна"
    assert store.get("settlements", village.id)["rev"] is not None
    assert sync_once(store, data_dir).up_to_date
    store.close()


def test_bad_office_form_writes_nothing(store):
    import pytest

    from desktop.domain.errors import ValidationError

    install_reference_lists(store)
    with pytest.raises(ValidationError) as caught:
        create_own_office(store, name="  ", kind="liaison_office", settlement_id=None,
                          staff_name="")
    assert {e.field for e in caught.value.errors} == {"name", "staff"}
    assert store.count("offices") == 0 and store.count("staff") == 0
    assert store.get_meta("office_id") is None


def test_reference_lists_install_once(store):
    first = install_reference_lists(store)
    assert first > 20
    assert install_reference_lists(store) == 0
    assert syncstate.pending_count(store) == 0
