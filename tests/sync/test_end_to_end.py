"""Offices sync with the real platform through a link that cuts, stalls and crawls.

Every device is a real store in a temporary folder; the platform is uvicorn on 127.0.0.1 (on
SQLite and PostgreSQL); between them, the fault-injecting proxy. After the faults heal, every
device must hold exactly what the platform holds for its scope: nothing lost, nothing doubled.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest

from desktop.store import open_store, syncstate
from desktop.store.ids import attendance_id
from desktop.sync.client import enroll, make_engine
from desktop.sync.transport import SyncError, Transport, make_session
from desktop.sync.wire import SYNCED_TABLES
from server import auth, service
from tests.sync.faultproxy import FaultProxy


class Device:
    def __init__(self, root: Path, name: str, proxy_url: str, db, office: str | None,
                 role: str = "office") -> None:
        self.dir = root / name
        self.dir.mkdir()
        self.store = open_store(self.dir / "hromada.sqlite3")
        self.proxy_url = proxy_url
        code = auth.new_enrollment_code(db, office, role)
        enroll(self.store, self.dir, proxy_url, code, transport=self._transport(None))

    def _transport(self, token: str | None, retries: int = 2) -> Transport:
        return Transport(self.proxy_url, token,
                         session=make_session(retries=retries, backoff=0.01), timeout=(2, 4))

    def sync(self, retries: int = 2):
        from desktop.sync.credentials import load_token

        token = load_token(self.store.device_id, self.dir)
        return make_engine(self.store, self.dir,
                           transport=self._transport(token, retries)).run()

    def sync_until_clean(self, attempts: int = 40):
        last: Exception | None = None
        for _ in range(attempts):
            try:
                report = self.sync()
            except SyncError as exc:
                last = exc
                continue
            if report.up_to_date:
                return report
        raise AssertionError(f"never converged: {last}")

    def snapshot(self) -> dict[str, dict[str, dict]]:
        out: dict[str, dict[str, dict]] = {}
        for table in SYNCED_TABLES:
            rows = {}
            for row in self.store.conn.execute(f"SELECT * FROM [{table}] WHERE deleted = 0"):
                record = dict(zip(self.store._columns(table), row, strict=True))
                rows[record["id"]] = _user_fields(record)
            out[table] = rows
        return out


def _user_fields(record: dict) -> dict:
    skip = {"id", "created_at", "updated_at", "device_id", "version", "deleted", "rev", "sort_key"}
    return {k: v for k, v in record.items() if k not in skip and v is not None}


def platform_view(db, device_id: str) -> dict[str, dict[str, dict]]:
    """What the platform holds for this device's scope, read straight from its database."""
    device = next(d for d in _devices(db) if d.id == device_id)
    out: dict[str, dict[str, dict]] = {t: {} for t in SYNCED_TABLES}
    cursor = 0
    while True:
        page = service.pull(db, device, cursor, 1000)
        for row in page.rows:
            if row.deleted:
                out[row.table].pop(row.id, None)
            else:
                out[row.table][row.id] = {k: v for k, v in row.data.items() if v is not None}
        cursor = page.cursor
        if not page.more:
            return out


def _devices(db):
    with db.transaction() as tx:
        rows = tx.all("SELECT id, office_id, role, last_mutation FROM devices")
    return [auth.Device(r[0], r[1], r[2], int(r[3])) for r in rows]


@pytest.fixture
def proxy(live_server):
    with FaultProxy("127.0.0.1", live_server.port, seed=11) as p:
        yield p


def _person(store, last, first, phone=None, office=None):
    return store.insert("people", {"last_name": last, "first_name": first, "gender": "female",
                                   "phone": phone, "office_id": office})


def test_offices_converge_through_a_dropping_link(live_server, proxy, tmp_path):
    db = live_server.db
    office_a = service.create_office(db, "Офіс звʼязку Десна")
    office_b = service.create_office(db, "Офіс звʼязку Стадниця")
    a1 = Device(tmp_path, "a1", proxy.url, db, office_a)
    a2 = Device(tmp_path, "a2", proxy.url, db, office_a)
    b1 = Device(tmp_path, "b1", proxy.url, db, office_b)
    council = Device(tmp_path, "council", proxy.url, db, None, role="council")
    for device in (a1, a2, b1, council):
        device.sync_until_clean()

    # Offline work at office A on laptop 1: people, an event, check-ins.
    event = a1.store.insert("events", {"title": "Громадські слухання щодо бюджету",
                                       "kind": "public_hearing", "office_id": office_a,
                                       "starts_at": "2026-11-23T10:00"})
    people = [_person(a1.store, f"Мʼякота{i}", "Олена", f"+38067{i:07d}", office_a)
              for i in range(60)]
    for p in people[:30]:
        a1.store.insert("attendance", {"id": attendance_id(p["id"], event["id"]),
                                       "event_id": event["id"], "person_id": p["id"],
                                       "status": "attended"})
    ideas = [a1.store.insert("ideas", {"title": f"Ліхтар №{i}", "description": "Темно",
                                       "channel": "appeal", "office_id": office_a,
                                       "received_on": "2026-11-20", "status": "new"})
             for i in range(10)]
    b_people = [_person(b1.store, "Стадницька", f"Ім{i}", office=office_b) for i in range(20)]
    org = b1.store.insert("organizations", {"name": "ГО «Світанок»",
                                            "legal_form": "public_organization"})

    # The link is bad: connections cut at random points, in both directions.
    proxy.set_faults(cut_probability=0.35, latency_seconds=0.002)
    for _ in range(6):
        for device in (a1, b1):
            with contextlib.suppress(SyncError):
                device.sync()
    proxy.heal()
    for device in (a1, b1, a2, council, a1, b1):
        device.sync_until_clean()
    assert proxy.stats["cut_requests"] + proxy.stats["cut_responses"] > 0

    # Laptop 2 at the same event checks the same person in (same natural id) and a new one.
    a2.store.insert("attendance", {"id": attendance_id(people[0]["id"], event["id"]),
                                   "event_id": event["id"], "person_id": people[0]["id"],
                                   "status": "attended"}) if a2.store.get(
        "attendance", attendance_id(people[0]["id"], event["id"])) is None else None
    a2.store.insert("attendance", {"id": attendance_id(people[40]["id"], event["id"]),
                                   "event_id": event["id"], "person_id": people[40]["id"],
                                   "status": "attended"})
    # The council answers an idea; both offices edit the shared CSO.
    council.store.update("ideas", ideas[0]["id"], {"status": "answered",
                                                   "response": "Встановимо до весни",
                                                   "responded_on": "2026-11-23"})
    a1.store.update("organizations", org["id"], {"phone": "+380671112233"})
    b1.store.update("organizations", org["id"], {"email": "svitanok@example.org"})

    proxy.set_faults(cut_probability=0.3, bandwidth_bps=200_000)
    for _ in range(4):
        for device in (a2, council, a1, b1):
            with contextlib.suppress(SyncError):
                device.sync()
    proxy.heal()
    for device in (a2, council, a1, b1, a1, a2, b1, council):
        device.sync_until_clean()

    for device in (a1, a2, b1, council):
        local = device.snapshot()
        remote = platform_view(db, device.store.device_id)
        for table in SYNCED_TABLES:
            assert local[table] == remote[table], (device.dir.name, table)
        assert syncstate.pending_count(device.store) == 0

    a_view = a1.snapshot()
    assert len(a_view["people"]) == 60 and len(a_view["attendance"]) == 31
    assert a_view["ideas"][ideas[0]["id"]]["response"] == "Встановимо до весни"
    merged = a_view["organizations"][org["id"]]
    assert merged["phone"] == "+380671112233" and merged["email"] == "svitanok@example.org"
    b_view = b1.snapshot()
    assert len(b_view["people"]) == 20, "office B must never receive office A's people"
    assert set(b_view["people"]) == {p["id"] for p in b_people}
    council_view = council.snapshot()
    assert len(council_view["people"]) == 80


def test_a_killed_sync_resumes_and_the_outbox_survives(live_server, proxy, tmp_path):
    db = live_server.db
    office = service.create_office(db, "Офіс")
    dev = Device(tmp_path, "d", proxy.url, db, office)
    dev.sync_until_clean()
    for i in range(250):
        _person(dev.store, "Перервана", f"Синхронізація{i}", office=office)
    # The link dies in the middle of the push's response, every time.
    proxy.set_faults(cut_response_after=200)
    with pytest.raises(SyncError):
        dev.sync()
    assert syncstate.pending_count(dev.store) >= 50, "the outbox must not be lost"
    # Simulate a crashed run: its log entry never finished, and its lock is stale.
    dev.store.set_meta("sync.lock", "999999:0")
    proxy.heal()
    report = dev.sync_until_clean()
    assert any("interrupted" in n for n in report.notes) or report.up_to_date
    assert len(platform_view(db, dev.store.device_id)["people"]) == 250
    assert syncstate.pending_count(dev.store) == 0


def test_rejected_changes_are_kept_and_shown(live_server, proxy, tmp_path):
    db = live_server.db
    office = service.create_office(db, "Офіс")
    dev = Device(tmp_path, "d", proxy.url, db, office)
    dev.sync_until_clean()
    district = dev.store.insert("districts", {"name": "Самовільний округ"})
    ok = _person(dev.store, "Дозволена", "Особа", office=office)
    report = dev.sync_until_clean()
    assert any("council" in r for r in report.rejected) or syncstate.open_rejections(dev.store)
    rejections = syncstate.open_rejections(dev.store)
    assert [r[2] for r in rejections] == [district["id"]]
    assert ok["id"] in platform_view(db, dev.store.device_id)["people"]


def test_full_resync_after_tombstones_were_purged(live_server, proxy, tmp_path):
    db = live_server.db
    office = service.create_office(db, "Офіс")
    a = Device(tmp_path, "a", proxy.url, db, office)
    b = Device(tmp_path, "b", proxy.url, db, office)
    a.sync_until_clean()
    people = [_person(a.store, "Видалений", f"{i}", office=office) for i in range(5)]
    a.sync_until_clean()
    b.sync_until_clean()
    assert len(b.snapshot()["people"]) == 5
    a.store.delete("people", people[0]["id"])
    a.sync_until_clean()
    service.purge_tombstones(db, "9999-01-01T00:00:00Z")
    # b was away; meanwhile it recorded something of its own.
    mine = _person(b.store, "Свій", "Незасинхронізований", office=office)
    report = b.sync_until_clean()
    assert report.full_resync or b.store.get("people", people[0]["id"]) is None
    view = b.snapshot()["people"]
    assert people[0]["id"] not in view
    assert mine["id"] in view and mine["id"] in platform_view(db, b.store.device_id)["people"]


def test_attachments_upload_once(live_server, proxy, tmp_path):
    import hashlib

    db = live_server.db
    office = service.create_office(db, "Офіс")
    dev = Device(tmp_path, "d", proxy.url, db, office)
    dev.sync_until_clean()
    blob = b"\x89PNG fake photo " * 40_000
    sha = hashlib.sha256(blob).hexdigest()
    folder = dev.dir / "attachments" / sha[:2]
    folder.mkdir(parents=True)
    (folder / sha).write_bytes(blob)
    idea = dev.store.insert("ideas", {"title": "Яма", "description": "Фото ями",
                                      "channel": "appeal", "office_id": office,
                                      "received_on": "2026-11-20", "status": "new"})
    dev.store.insert("attachments", {"owner_table": "ideas", "owner_id": idea["id"],
                                     "sha256": sha, "filename": "яма.png", "size": len(blob)})
    # The first 256 KiB part arrives; the link drops in the middle of the second.
    proxy.set_faults(cut_request_after=400_000)
    with pytest.raises(SyncError):
        dev.sync(retries=0)
    with db.transaction() as tx:
        received = tx.one("SELECT sum(length(data)) FROM blob_parts WHERE sha256 = ?",
                          (f"{sha}:office:{office}",))  # parts are kept per office
    assert received[0] == 256 * 1024
    proxy.heal()
    before = proxy.stats["bytes_up"]
    report = dev.sync_until_clean()
    assert report.uploaded_files == 1
    # Resumed, not restarted: far less than the whole file went up the second time.
    assert proxy.stats["bytes_up"] - before < len(blob)
    with db.transaction() as tx:
        assert tx.one("SELECT size FROM blobs WHERE sha256 = ?", (sha,))[0] == len(blob)
    data = json.loads(json.dumps(platform_view(db, dev.store.device_id)["attachments"]))
    assert [a["sha256"] for a in data.values()] == [sha]
    # The council's device receives the record and the file itself, checked by hash.
    council = Device(tmp_path, "council", proxy.url, db, None, role="council")
    report = council.sync_until_clean()
    assert report.downloaded_files == 1
    assert (council.dir / "attachments" / sha[:2] / sha).read_bytes() == blob


def test_same_walk_in_on_two_laptops_is_listed_as_a_possible_duplicate(live_server, proxy,
                                                                          tmp_path):
    from desktop.store.duplicates import open_duplicates

    db = live_server.db
    office = service.create_office(db, "Офіс")
    a = Device(tmp_path, "a", proxy.url, db, office)
    b = Device(tmp_path, "b", proxy.url, db, office)
    a.sync_until_clean()
    b.sync_until_clean()
    one = _person(a.store, "Пʼятничук", "Ганна", "+380501234567", office)
    two = _person(b.store, "Пʼятничук", "Ганна", "+380501234567", office)
    a.sync_until_clean()
    report = b.sync_until_clean()
    assert report.new_duplicates == 1
    pairs = open_duplicates(b.store)
    assert [tuple(sorted(p[:2])) for p in pairs] == [tuple(sorted((one["id"], two["id"])))]
    assert "phone" in pairs[0][2].lower() or "телефон" in pairs[0][2].lower()
    # Both people are kept: nothing is merged without a person deciding.
    assert len(b.snapshot()["people"]) == 2


def test_a_quiet_sync_is_one_push_and_one_pull(live_server, proxy, tmp_path):
    """On a 2G link round trips cost more than bytes: little to do means two requests."""
    from desktop.sync.credentials import load_token

    db = live_server.db
    office = service.create_office(db, "Офіс")
    dev = Device(tmp_path, "d", proxy.url, db, office)
    dev.sync_until_clean()
    for i in range(3):
        _person(dev.store, "Тихий", f"День{i}", office=office)
    transport = dev._transport(load_token(dev.store.device_id, dev.dir))
    report = make_engine(dev.store, dev.dir, transport=transport).run()
    assert report.up_to_date and report.pushed == 3
    assert transport.requests == 2
    # Nothing to send: the push is skipped entirely.
    transport = dev._transport(load_token(dev.store.device_id, dev.dir))
    make_engine(dev.store, dev.dir, transport=transport).run()
    assert transport.requests == 1


def test_a_checksum_mismatch_is_repaired_and_logged(live_server, proxy, tmp_path):
    db = live_server.db
    office = service.create_office(db, "Офіс")
    dev = Device(tmp_path, "d", proxy.url, db, office)
    dev.sync_until_clean()
    people = [_person(dev.store, "Цілий", f"{i}", office=office) for i in range(5)]
    dev.sync_until_clean()
    # Damage the local copy behind the store's back: a row the platform has is gone.
    with dev.store.write():
        dev.store.conn.execute("UPDATE people SET deleted = 1 WHERE id = ?", (people[0]["id"],))
    report = dev.sync()
    assert report.refetched == ["people"]
    assert any("re-read" in note for note in report.notes)
    assert report.checksums_ok
    assert dev.store.get("people", people[0]["id"]) is not None
    message = dev.store.conn.execute(
        "SELECT message FROM sync_log ORDER BY id DESC LIMIT 1").fetchone()[0]
    assert "people" in message
