"""A person forgotten on one laptop is forgotten on the platform and on every other laptop
that holds them, history and backups included; nobody can put the identity back afterwards."""

from __future__ import annotations

import json

import pytest

from desktop.domain import erasure
from desktop.store import backup, forget
from desktop.store.attachments import attach_file
from server import service
from tests.sync.test_end_to_end import Device

SURNAME, PHONE = "Ґудзикевич", "+380671234599"


def _raw(device: Device) -> bytes:
    content = b""
    for path in (device.store.path, *sorted((device.dir / "backups").glob("*.sqlite3"))):
        for candidate in (path, path.with_name(path.name + "-wal")):
            if candidate.exists():
                content += candidate.read_bytes()
    return content


@pytest.mark.parametrize("forgetter", ["office", "council"])
def test_forgetting_reaches_the_platform_and_every_laptop(live_server, tmp_path, forgetter):
    """Forgotten on the office's own laptop, or by the council for the office."""
    db = live_server.db
    office = service.create_office(db, "Приймальня")
    a = Device(tmp_path, "a", live_server.url, db, office)
    b = Device(tmp_path, "b", live_server.url, db, office)
    council = Device(tmp_path, "council", live_server.url, db, None, role="council")
    person = a.store.insert("people", {"last_name": SURNAME, "first_name": "Ярослава",
                                       "gender": "female", "age_group": "60_plus",
                                       "phone": PHONE, "office_id": office})["id"]
    scan = tmp_path / "scan.txt"
    scan.write_text("ПАСПОРТ-ҐУДЗИКЕВИЧ", encoding="utf-8")
    attach_file(a.store, a.dir / "attachments", "people", person, scan)
    a.sync_until_clean()
    b.sync_until_clean()
    assert b.store.get("people", person)["last_name"] == SURNAME
    scans = [f for f in (b.dir / "attachments").rglob("*") if f.is_file()]
    assert any("ПАСПОРТ".encode() in f.read_bytes() for f in scans)  # b downloaded it
    backup.backup(b.store.path, b.dir / "backups" / "hromada-yesterday.sqlite3")
    assert SURNAME.encode() in _raw(b) and PHONE[4:].encode() in _raw(b)

    council.sync_until_clean()
    who = a if forgetter == "office" else council
    forget.forget_person(who.store, person, attachments_dir=who.dir / "attachments")
    who.sync_until_clean()
    a.sync_until_clean()
    b.sync_until_clean()
    council.sync_until_clean()

    for device in (a, b, council):
        files = [f.read_bytes() for f in (device.dir / "attachments").rglob("*") if f.is_file()]
        assert not any("ПАСПОРТ".encode() in content for content in files)
        record = device.store.get("people", person)
        assert record["last_name"] == erasure.FORGOTTEN_LAST_NAME and record["phone"] is None
        assert record["forgotten_at"] and record["gender"] == "female"
        content = _raw(device)
        assert SURNAME.encode() not in content and PHONE[4:].encode() not in content
    platform = next(r for r in service.export_records(db, "people") if r["id"] == person)
    assert platform["last_name"] == erasure.FORGOTTEN_LAST_NAME and not platform.get("phone")
    assert SURNAME not in json.dumps(service.export_records(db, "conflicts"),
                                     ensure_ascii=False)
    with db.transaction() as tx:  # the file's bytes left the platform too
        assert tx.one("SELECT count(*) FROM blobs")[0] == 0

    # An edit made on a laptop that had not heard yet is refused, and says why.
    b.store.update("people", person, {"phone": "+380501112233"})
    b.sync_until_clean()
    platform = next(r for r in service.export_records(db, "people") if r["id"] == person)
    assert not platform.get("phone")
    refusals = [r[0] for r in b.store.conn.execute("SELECT reason FROM sync_rejections")]
    assert any("asked for their data to be removed" in reason for reason in refusals)
