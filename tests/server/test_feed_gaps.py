"""Concurrent pushers and pullers: a pulling device never skips a committed change.

The classic failure of sequence-based feeds: writer A takes rev 10, writer B takes rev 11 and
commits first, a reader sees 11, moves its cursor past 10, and never sees A's change. The
platform serialises rev-taking writes, and this test hammers it from several threads (each with
its own database connection) on SQLite and PostgreSQL.
"""

from __future__ import annotations

import threading

from desktop.store.ids import new_id
from desktop.sync.wire import Change, PushRequest
from server import auth, service


def _device(db, office):
    code = auth.new_enrollment_code(db, office, "office")
    _, device = auth.enroll(db, code, new_id(), "t")
    return device


def test_concurrent_pushers_never_leave_gaps_for_pullers(server_db):
    office = service.create_office(server_db, "Офіс")
    writers = [_device(server_db, office) for _ in range(4)]
    reader = _device(server_db, office)
    batches, per_batch = 15, 5
    written: set[str] = set()
    lock = threading.Lock()
    done = threading.Event()
    errors: list[BaseException] = []

    def push_all(device):
        try:
            mutation = 0
            for _ in range(batches):
                changes = []
                for _ in range(per_batch):
                    mutation += 1
                    rid = new_id()
                    changes.append(Change(
                        mutation=mutation, change_id=new_id(), table="people", record_id=rid,
                        op="insert", fields={"last_name": "Паралельний", "first_name": "Тест",
                                             "gender": "male"},
                        hlc=f"{1795456133980 + mutation:013d}-00000-{device.id}",
                        changed_at="2026-11-23T10:00:00Z"))
                    with lock:
                        written.add(rid)
                service.push(server_db, device, PushRequest(device_id=device.id,
                                                            changes=changes))
        except BaseException as exc:  # surfaced in the main thread
            errors.append(exc)

    seen: set[str] = set()

    def pull_forever():
        cursor = 0
        try:
            while True:
                finished = done.is_set()
                page = service.pull(server_db, reader, cursor, 7)
                seen.update(r.id for r in page.rows if r.table == "people")
                cursor = page.cursor
                if finished and not page.more:
                    return
        except BaseException as exc:
            errors.append(exc)

    pushers = [threading.Thread(target=push_all, args=(w,)) for w in writers]
    puller = threading.Thread(target=pull_forever)
    puller.start()
    for t in pushers:
        t.start()
    for t in pushers:
        t.join(timeout=120)
    done.set()
    puller.join(timeout=120)
    assert not errors, errors
    assert len(written) == len(writers) * batches * per_batch
    missed = written - seen
    assert not missed, f"the puller skipped {len(missed)} committed changes"


def test_a_platform_started_on_an_older_database_indexes_its_feed_the_new_way(server_db):
    """The shared records' index became partial: starting the platform on a database made
    before drops the old index and makes the new one, and the feed reads as before."""
    from server import service

    with server_db.transaction(write=True) as tx:
        tx.execute("DROP INDEX IF EXISTS records_shared_rev")
        tx.execute("CREATE INDEX records_shared ON records(shared, rev)")
    server_db.create_schema()
    with server_db.transaction() as tx:
        if server_db.postgres:
            names = {r[0] for r in tx.all(
                "SELECT indexname FROM pg_indexes WHERE tablename = 'records'")}
        else:
            names = {r[0] for r in tx.all(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'records'")}
    assert "records_shared_rev" in names and "records_shared" not in names
    office = service.create_office(server_db, "Офіс")
    assert office in {r["id"] for r in service.export_records(server_db, "offices")}
