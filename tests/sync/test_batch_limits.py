"""No batch can stick a sync: pushes and pages are bounded by bytes, a push the link loses
midway makes the next one smaller, and one the platform refuses for its size is split.

Real stores, the real platform over HTTP on loopback (SQLite and PostgreSQL), the fault proxy
between them where the link misbehaves.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest

from desktop.store import open_store, syncstate
from desktop.sync.client import enroll, make_engine
from desktop.sync.credentials import load_token
from desktop.sync.engine import MIN_PUSH_BATCH
from desktop.sync.transport import Offline, SyncError, Transport, make_session
from desktop.sync.wire import (
    DEFAULT_PUSH_BATCH,
    MAX_BODY_BYTES,
    MAX_PUSH_CHANGES,
    PULL_PAGE_BYTES,
    PUSH_MAX_BYTES,
)
from server import auth, service
from tests.sync.faultproxy import FaultProxy

# An appeal as long as a field may be (20,000 letters), in Ukrainian: 38 KB of UTF-8.
LONG = ("Просимо відремонтувати дорогу до школи в селі, бо восени її розмиває. " * 300)[:19_990]


class RecordingTransport(Transport):
    """The real transport, noting the size of each push body and each pull page it got."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.push_sizes: list[int] = []
        self.push_counts: list[int] = []
        self.page_sizes: list[tuple[int, int]] = []  # (rows, bytes of their data)

    def post(self, path, body, **params):
        if path == "/v1/push":
            self.push_sizes.append(len(json.dumps(body, ensure_ascii=False,
                                                  separators=(",", ":")).encode()))
            self.push_counts.append(len(body["changes"]))
        return super().post(path, body, **params)

    def get(self, path, **params):
        answer = super().get(path, **params)
        if path == "/v1/pull":
            rows = answer.get("rows", [])
            self.page_sizes.append((len(rows), sum(
                len(json.dumps(r["data"], ensure_ascii=False).encode()) for r in rows)))
        return answer


class Laptop:
    def __init__(self, root: Path, name: str, url: str, db, office: str) -> None:
        self.dir = root / name
        self.dir.mkdir()
        self.url = url
        self.store = open_store(self.dir / "hromada.sqlite3")
        enroll(self.store, self.dir, url, auth.new_enrollment_code(db, office, "office"),
               transport=Transport(url, None, session=make_session(retries=0)))
        self.transport: RecordingTransport | None = None

    def sync(self):
        self.transport = RecordingTransport(
            self.url, load_token(self.store.device_id, self.dir),
            session=make_session(retries=0, backoff=0.01), timeout=(2, 10))
        return make_engine(self.store, self.dir, transport=self.transport).run()


def _synced_laptop(root: Path, url: str, db) -> tuple[str, Laptop]:
    """A new office and a laptop of it, enrolled and synced once (nothing to send yet)."""
    office = service.create_office(db, "Офіс")
    laptop = Laptop(root, "l", url, db, office)
    assert laptop.sync().up_to_date
    return office, laptop


def _appeals(store, office: str, n: int) -> None:
    for i in range(n):
        store.insert("ideas", {"title": f"Дорога №{i}", "description": LONG, "channel": "appeal",
                               "office_id": office, "received_on": "2026-11-20",
                               "status": "new"})


def _people(store, office: str, n: int) -> None:
    for i in range(n):
        store.insert("people", {"last_name": f"Коваленко{i}", "first_name": "Олена",
                                "gender": "female", "office_id": office})


def test_long_appeals_go_up_and_come_down_in_pieces_the_platform_takes(live_server, tmp_path):
    """260 appeals of 20,000 letters are 10 MB: one push of them used to be refused as too
    large on every sync, for good, and everything after them waited behind."""
    db = live_server.db
    office = service.create_office(db, "Офіс звʼязку Вороновиця")
    writer = Laptop(tmp_path, "writer", live_server.url, db, office)
    reader = Laptop(tmp_path, "reader", live_server.url, db, office)
    _appeals(writer.store, office, 260)
    _people(writer.store, office, 5)  # after the appeals: they must not wait forever
    assert 260 * len(LONG.encode()) > MAX_BODY_BYTES

    assert writer.sync().up_to_date
    assert writer.transport is not None
    assert max(writer.transport.push_sizes) <= PUSH_MAX_BYTES + 4096  # + the envelope
    assert syncstate.pending_count(writer.store) == 0

    report = reader.sync()
    assert report.up_to_date
    assert reader.transport is not None
    pages = reader.transport.page_sizes
    assert len(pages) > 1 and sum(rows for rows, _ in pages) >= 265
    # A page stops at about PULL_PAGE_BYTES of data: one row more at most.
    assert all(size <= PULL_PAGE_BYTES + len(LONG.encode()) + 1024 for _, size in pages)
    assert reader.store.conn.execute("SELECT count(*) FROM ideas WHERE description = ?",
                                     (LONG,)).fetchone()[0] == 260
    assert reader.store.conn.execute("SELECT count(*) FROM people").fetchone()[0] == 5


def test_a_page_is_cut_by_bytes_but_always_carries_a_row(server_db, tmp_path):
    """The feed itself: a page holds fewer rows than asked once it reaches PULL_PAGE_BYTES,
    its cursor is where it stopped, and the next page goes on from there with nothing lost
    or repeated."""
    office = service.create_office(server_db, "Офіс")
    store = open_store(tmp_path / "w.sqlite3")
    _token, device = auth.enroll(server_db, auth.new_enrollment_code(server_db, office, "office"),
                                store.device_id, "w")
    store.conn.execute("PRAGMA foreign_keys = OFF")  # the office row comes with a first pull
    _appeals(store, office, 120)
    changes = syncstate.pending_changes(store, 500)
    from desktop.sync.wire import Change, PushRequest

    for start in range(0, len(changes), 20):
        service.push(server_db, device, PushRequest(device_id=store.device_id, changes=[
            Change(mutation=c.mutation, table=c.table, record_id=c.record_id, op=c.op,
                   fields=c.fields, base_rev=c.base_rev, hlc=c.hlc, changed_at=c.changed_at,
                   user_id=c.user_id) for c in changes[start:start + 20]]))
    _token, other = auth.enroll(server_db, auth.new_enrollment_code(server_db, office, "office"),
                           "device-other-0001", "r")
    seen: list[str] = []
    cursor, pages = 0, 0
    while True:
        page = service.pull(server_db, other, cursor, 500)
        pages += 1
        assert page.rows, "a page that is not the last carries at least one row"
        assert len(page.rows) < 500
        size = sum(len(json.dumps(r.data, ensure_ascii=False).encode()) for r in page.rows)
        assert size <= PULL_PAGE_BYTES + len(LONG.encode()) + 1024
        seen += [r.id for r in page.rows if r.table == "ideas"]
        cursor = page.cursor
        if not page.more:
            break
    assert pages > 2
    assert len(seen) == len(set(seen)) == 120
    store.close()


@pytest.fixture
def proxy(live_server):
    with FaultProxy("127.0.0.1", live_server.port, seed=3) as p:
        yield p


def test_a_push_lost_midway_makes_the_next_smaller_and_passes_grow_it_back(live_server, proxy,
                                                                           tmp_path):
    """A link that drops every request over a few KB: the default push of 500 people never
    passes; halved after each loss it gets through, and once the link heals each push that
    passes doubles the size back."""
    db = live_server.db
    office, laptop = _synced_laptop(tmp_path, proxy.url, db)
    _people(laptop.store, office, 1200)

    proxy.set_faults(cut_request_after=6000)  # a connection dies after 6 KB sent
    with pytest.raises(Offline) as lost:
        laptop.sync()
    assert lost.value.midway
    assert laptop.store.get_meta(syncstate.PUSH_BATCH) == str(DEFAULT_PUSH_BATCH // 2)

    runs = 0
    while syncstate.pending_count(laptop.store) and runs < 60:
        runs += 1
        with contextlib.suppress(Offline):
            laptop.sync()
    assert syncstate.pending_count(laptop.store) == 0, "the outbox never got through"
    assert proxy.stats["cut_requests"] > 1
    assert MIN_PUSH_BATCH <= int(laptop.store.get_meta(syncstate.PUSH_BATCH) or 0) < 250

    proxy.heal()
    _people(laptop.store, office, 1500)
    assert laptop.sync().up_to_date
    assert laptop.store.get_meta(syncstate.PUSH_BATCH) is None  # back to the default
    assert laptop.transport is not None
    sizes = laptop.transport.push_sizes
    assert sizes[1] > sizes[0] * 1.8  # doubled after the first passed


def test_an_unreachable_platform_does_not_shrink_pushes(tmp_path):
    """No connection at all says nothing about the link's capacity: the batch stays."""
    store = open_store(tmp_path / "s.sqlite3")
    transport = Transport("http://127.0.0.1:9", "token", session=make_session(retries=0),
                          timeout=(1, 1))
    with pytest.raises(Offline) as lost:
        transport.post("/v1/push", {"device_id": store.device_id, "changes": []})
    assert not lost.value.midway
    store.close()


def test_a_push_refused_as_too_large_is_split_in_the_same_run(live_server, tmp_path,
                                                              monkeypatch):
    """A platform that takes smaller bodies than this app sends (another version, another
    set-up): each push it refuses for its size is halved, and the sync completes."""
    import server.api

    monkeypatch.setattr(server.api, "MAX_BODY_BYTES", 48 * 1024)
    db = live_server.db
    office, laptop = _synced_laptop(tmp_path, live_server.url, db)
    _people(laptop.store, office, 700)
    assert laptop.sync().up_to_date
    assert laptop.transport is not None
    sizes = laptop.transport.push_sizes
    assert max(sizes) > 48 * 1024  # the refused ones were tried
    assert syncstate.pending_count(laptop.store) == 0


def test_one_change_too_large_for_the_platform_is_named_not_retried_forever(
        live_server, tmp_path, monkeypatch):
    import server.api

    monkeypatch.setattr(server.api, "MAX_BODY_BYTES", 16 * 1024)
    db = live_server.db
    office, laptop = _synced_laptop(tmp_path, live_server.url, db)
    _appeals(laptop.store, office, 1)
    with pytest.raises(SyncError, match="too large"):
        laptop.sync()


def test_the_platform_says_how_many_changes_it_takes_and_the_device_sends_that_many(
        live_server, tmp_path):
    """Until the platform has said, a push is what every platform takes (500); then as many
    as it said, so 3,000 people go up in three pushes instead of six."""
    db = live_server.db
    office, laptop = _synced_laptop(tmp_path, live_server.url, db)
    _people(laptop.store, office, 3000)
    assert laptop.sync().up_to_date
    assert laptop.transport is not None
    assert laptop.transport.push_counts == [DEFAULT_PUSH_BATCH, MAX_PUSH_CHANGES, 500]
    assert laptop.store.get_meta(syncstate.PUSH_LIMIT) == str(MAX_PUSH_CHANGES)
    assert syncstate.pending_count(laptop.store) == 0


def test_a_device_that_does_not_ask_never_meets_the_platform_limit(live_server, tmp_path):
    """Devices of earlier releases read the push's answer strictly: without `limits=1` the
    answer is exactly what it was."""
    db = live_server.db
    office = service.create_office(db, "Офіс")
    store = open_store(tmp_path / "s.sqlite3")
    token, _device = auth.enroll(db, auth.new_enrollment_code(db, office, "office"),
                                 store.device_id, "old")
    body = {"device_id": store.device_id, "changes": []}
    for params, has_limit in (({}, False), ({"echo": 1}, False), ({"limits": 1}, True)):
        answer = Transport(live_server.url, token, session=make_session(retries=0)).post(
            "/v1/push", body, **params)
        assert ("max_changes" in answer) is has_limit, params
    store.close()


def test_a_platform_that_takes_fewer_than_it_said_gets_what_every_platform_takes(
        server_db, tmp_path):
    """A platform that takes fewer changes than it once said (put back to an older version,
    or set lower by its administrator) refuses a longer push (422): the device forgets what
    it was told, sends 500, and learns the platform's number again."""
    from server.ratelimit import Limits
    from tests.conftest import LiveServer

    server = LiveServer(server_db, Limits(push_changes=800))
    try:
        office, laptop = _synced_laptop(tmp_path, server.url, server_db)
        laptop.store.set_meta(syncstate.PUSH_LIMIT, str(MAX_PUSH_CHANGES))  # told once
        _people(laptop.store, office, 2100)
        assert laptop.sync().up_to_date
        assert laptop.transport is not None
        assert laptop.transport.push_counts == [MAX_PUSH_CHANGES, DEFAULT_PUSH_BATCH, 800, 800]
        assert laptop.store.get_meta(syncstate.PUSH_LIMIT) == "800"
        assert syncstate.pending_count(laptop.store) == 0
    finally:
        server.stop()
