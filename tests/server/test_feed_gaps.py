"""Concurrent pushers and pullers: a pulling device never skips a committed change.

The classic failure of sequence-based feeds: writer A takes rev 10, writer B takes rev 11 and
commits first, a reader sees 11, moves its cursor past 10, and never sees A's change. The
platform serialises rev-taking writes, and this test hammers it from several threads (each with
its own database connection) on SQLite and PostgreSQL.
"""

from __future__ import annotations

import threading

import pytest

from desktop.store.ids import new_id
from desktop.sync.wire import Change, PushRequest
from server import auth, service


def _device(db, office):
    code = auth.new_enrollment_code(db, office, "office")
    _, device = auth.enroll(db, code, new_id(), "t")
    return device


def _beside_a_puller(db, reader, page_size: int, work: list, on_page) -> list[BaseException]:
    """Run each of `work` (functions) in a thread of its own while `reader` pulls page after
    page, calling `on_page(page)`, until the work is done and the feed has no more; returns
    what any thread raised."""
    errors: list[BaseException] = []
    done = threading.Event()

    def guarded(function) -> None:
        try:
            function()
        except BaseException as exc:  # surfaced to the test
            errors.append(exc)

    def pull_forever() -> None:
        cursor = 0
        while True:
            finished = done.is_set()
            page = service.pull(db, reader, cursor, page_size)
            on_page(page)
            cursor = page.cursor
            if finished and not page.more:
                return

    puller = threading.Thread(target=guarded, args=(pull_forever,))
    puller.start()
    threads = [threading.Thread(target=guarded, args=(function,)) for function in work]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    done.set()
    puller.join(timeout=120)
    return errors


def test_concurrent_pushers_never_leave_gaps_for_pullers(server_db):
    office = service.create_office(server_db, "Офіс")
    writers = [_device(server_db, office) for _ in range(4)]
    reader = _device(server_db, office)
    batches, per_batch = 15, 5
    written: set[str] = set()
    lock = threading.Lock()

    def push_all(device):
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

    seen: set[str] = set()
    errors = _beside_a_puller(
        server_db, reader, 7, [lambda w=w: push_all(w) for w in writers],
        lambda page: seen.update(r.id for r in page.rows if r.table == "people"))
    assert not errors, errors
    assert len(written) == len(writers) * batches * per_batch
    missed = written - seen
    assert not missed, f"the puller skipped {len(missed)} committed changes"


def test_a_puller_reading_while_devices_change_the_same_records_ends_with_their_state(
        server_db):
    """Writers making and changing records they share, side by side, while a device pulls
    page after page: what the device holds at the end (each record at the revision it last
    received) is exactly what the platform holds. An update committed out of order must
    not be skipped any more than a new record."""
    import random

    office = service.create_office(server_db, "Офіс")
    writers = [_device(server_db, office) for _ in range(3)]
    reader = _device(server_db, office)
    shared = [new_id() for _ in range(12)]

    def change(device, mutation, record_id, op, fields, millis):
        return Change(mutation=mutation, change_id=new_id(), table="people",
                      record_id=record_id, op=op, fields=fields,
                      hlc=f"{1795456133980 + millis:013d}-00000-{device.id}",
                      changed_at="2026-11-23T10:00:00Z")

    def write_all(number, device):
        order = random.Random(number)
        mutation = 0
        for batch in range(25):
            changes = []
            for record_id in order.sample(shared, 4):
                mutation += 1
                changes.append(change(device, mutation, record_id, "update",
                                      {"notes": f"{number}/{batch}"}, batch * 10 + number))
            mutation += 1
            changes.append(change(device, mutation, new_id(), "insert",
                                  {"last_name": "Новий", "first_name": f"{number}/{batch}",
                                   "gender": "male"}, batch * 10 + number))
            service.push(server_db, device, PushRequest(device_id=device.id,
                                                        changes=changes))

    held: dict[str, tuple[int, str | None]] = {}

    def keep(page) -> None:
        for row in page.rows:
            if row.table == "people":
                assert row.rev > held.get(row.id, (0, None))[0]
                held[row.id] = (row.rev, row.data.get("notes"))

    maker = _device(server_db, office)
    service.push(server_db, maker, PushRequest(device_id=maker.id, changes=[
        change(maker, n + 1, record_id, "insert",
               {"last_name": "Спільний", "first_name": str(n), "gender": "female"}, 0)
        for n, record_id in enumerate(shared)]))
    errors = _beside_a_puller(
        server_db, reader, 3,
        [lambda n=n, d=d: write_all(n, d) for n, d in enumerate(writers)], keep)
    assert not errors, errors
    platform = {r["id"]: (r["rev"], r.get("notes"))
                for r in service.export_records(server_db, "people")}
    assert held == platform


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


def _push_one(db, device, mutation: int = 1) -> str:
    person = new_id()
    service.push(db, device, PushRequest(device_id=device.id, changes=[Change(
        mutation=mutation, change_id=new_id(), table="people", record_id=person, op="insert",
        fields={"last_name": "Пізній", "first_name": "Тест", "gender": "male"},
        hlc=f"{1795456133980 + mutation:013d}-00000-{device.id}",
        changed_at="2026-11-23T10:00:00Z")]))
    return person


def _slow_writer(db, office: str, finish: threading.Event, outcome: dict, commit: bool):
    """A writer that takes a rev, writes its record and waits for `finish` before it
    commits (or rolls back): a push still on its way when a later one has committed."""
    def run() -> None:
        try:
            with db.transaction(write=True, lock_now=False) as tx:
                rev = tx.next_rev()
                outcome["rev"] = rev
                outcome["id"] = record = new_id()
                tx.execute(
                    "INSERT INTO records(tbl, id, office_id, shared, data, field_meta, rev, "
                    "deleted, hlc, updated_at) VALUES('people', ?, ?, 0, ?, '{}', ?, 0, ?, ?)",
                    (record, office, '{"last_name": "Рання", "first_name": "Тест"}', rev,
                     f"{1795456133980:013d}-00000-slow", "2026-11-23T10:00:00Z"))
                outcome["taken"].set()
                finish.wait(timeout=30)
                if not commit:
                    raise RuntimeError("rolled back on purpose")
        except RuntimeError:
            pass
    thread = threading.Thread(target=run)
    thread.start()
    return thread


@pytest.mark.parametrize("commit", [True, False], ids=["committed", "rolled-back"])
def test_a_pull_waits_for_an_earlier_writer_still_on_its_way(server_db, commit):
    """PostgreSQL's writers run side by side, so a later rev may commit first. A pull must
    not move its cursor past an earlier rev still being written: it waits for that writer,
    then sends both (or, if it rolled back, the later one alone)."""
    office = service.create_office(server_db, "Офіс")
    writer, reader = _device(server_db, office), _device(server_db, office)
    before = service.pull(server_db, reader, 0, 100).cursor
    finish = threading.Event()
    outcome: dict = {"taken": threading.Event()}
    slow = _slow_writer(server_db, office, finish, outcome, commit)
    try:
        if server_db.postgres:
            assert outcome["taken"].wait(timeout=30)
            later = _push_one(server_db, writer)  # commits a later rev first
        else:  # one writer at a time: the later push waits for the slow one instead
            assert outcome["taken"].wait(timeout=30)
            later = None
        pulled: dict = {}

        def pull() -> None:
            pulled["page"] = service.pull(server_db, reader, before, 100)

        puller = threading.Thread(target=pull)
        puller.start()
        puller.join(timeout=1.0)
        if server_db.postgres:
            assert puller.is_alive(), "the pull did not wait for the earlier writer"
    finally:
        finish.set()
        slow.join(timeout=30)
    puller.join(timeout=30)
    page = pulled["page"]
    first = [r.id for r in page.rows if r.table == "people"]
    assert [r.rev for r in page.rows] == sorted(r.rev for r in page.rows)
    if server_db.postgres:  # it waited, then read both writers' records, in rev order
        assert later in first
        if commit:
            assert first.index(outcome["id"]) < first.index(later)
        else:
            assert outcome["id"] not in first
    else:  # it read what was committed: neither (the later push had to wait)
        assert first == []
        later = _push_one(server_db, writer)
    ids, cursor = list(first), page.cursor
    while True:  # the rest, page by page, as a device reads
        page = service.pull(server_db, reader, cursor, 100)
        ids += [r.id for r in page.rows if r.table == "people"]
        cursor = page.cursor
        if not page.more:
            break
    assert later in ids and (outcome["id"] in ids) == commit
    assert len(ids) == len(set(ids))


def test_revs_go_on_from_where_an_older_platform_left_them(server_db):
    """A platform that kept revs in the `counters` row only: started again on that database,
    its next rev comes after every rev already given, on either engine."""
    office = service.create_office(server_db, "Офіс")
    device = _device(server_db, office)
    with server_db.transaction(write=True) as tx:
        tx.execute("UPDATE counters SET value = 5000 WHERE name = 'rev'")
        if server_db.postgres:
            tx.execute("DROP SEQUENCE records_rev_seq CASCADE")
    server_db.create_schema()
    _push_one(server_db, device)
    revs = [r["rev"] for r in service.export_records(server_db, "people")]
    assert revs and min(revs) > 5000
