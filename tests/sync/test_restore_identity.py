"""A device whose store goes back in time (a restored backup, a power cut that undid commits,
a data folder copied to another laptop) never loses what it records afterwards: the platform
notices the reused change numbers and the device renumbers, so every change arrives exactly
once. End to end: real stores, the real platform over HTTP, the real commands."""

from __future__ import annotations

import shutil

from desktop.store import open_store
from desktop.store.database import backup_file
from server import service
from tests.cli.test_sync_cli import desk
from tests.sync.test_end_to_end import Device, platform_view


def _people(store, prefix: str, n: int) -> list[str]:
    return [store.insert("people", {"last_name": f"{prefix}{i}", "first_name": "Оксана",
                                    "gender": "female"})["id"] for i in range(n)]


def _platform_people(db, device_id: str) -> set[str]:
    return set(platform_view(db, device_id)["people"])


def _applied_per_change(db, device_id: str) -> list[int]:
    with db.transaction() as tx:
        return [int(r[0]) for r in tx.all(
            "SELECT count(*) FROM device_changes WHERE device_id = ? GROUP BY change_id",
            (device_id,))]


def test_restore_then_new_records_all_reach_the_platform(live_server, tmp_path):
    """The issue's reproduction, with the real `backup`, `restore` and `sync` commands."""
    db = live_server.db
    office = service.create_office(db, "Офіс звʼязку Десна")
    laptop = Device(tmp_path, "laptop", live_server.url, db, office)
    laptop.sync_until_clean()
    device_id = laptop.store.device_id
    laptop.store.close()
    backup = tmp_path / "b.sqlite3"
    assert desk(laptop.dir, "backup", "-o", str(backup)).returncode == 0

    laptop.store = open_store(laptop.dir / "hromada.sqlite3")
    before = _people(laptop.store, "Перша", 5)
    laptop.store.close()
    first = desk(laptop.dir, "sync")
    assert first.returncode == 0 and "sent 5 changes" in first.stdout, first.stdout

    restored = desk(laptop.dir, "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    laptop.store = open_store(laptop.dir / "hromada.sqlite3")
    after = _people(laptop.store, "Друга", 5)
    laptop.store.close()
    second = desk(laptop.dir, "sync")
    assert second.returncode == 0, second.stdout + second.stderr
    assert "sent 5 changes" in second.stdout and "went back in time" in second.stdout
    assert "Traceback" not in second.stderr

    on_platform = _platform_people(db, device_id)
    assert set(before) <= on_platform, "the records made after the backup were lost"
    assert set(after) <= on_platform, "the records made after the restore were lost"
    assert _applied_per_change(db, device_id) == [1] * len(_applied_per_change(db, device_id))
    # The restored laptop has everything again too: its own earlier five come back.
    laptop.store = open_store(laptop.dir / "hromada.sqlite3")
    try:
        local = {r[0] for r in laptop.store.conn.execute(
            "SELECT id FROM people WHERE deleted = 0")}
        assert set(before) | set(after) <= local
        assert desk(laptop.dir, "check").returncode == 0
    finally:
        laptop.store.close()


def test_power_cut_rollback_with_nothing_new_then_new_work(live_server, tmp_path):
    """The store lost its last commits after they were pushed (an unsynced disk write): the
    first sync finds nothing to send; the work after it must still go up."""
    db = live_server.db
    office = service.create_office(db, "Офіс")
    laptop = Device(tmp_path, "laptop", live_server.url, db, office)
    laptop.sync_until_clean()
    path = laptop.dir / "hromada.sqlite3"
    snapshot = tmp_path / "as-on-disk.sqlite3"
    backup_file(path, snapshot)
    lost_locally = _people(laptop.store, "Втрачена", 3)
    laptop.sync_until_clean()
    laptop.store.close()
    for suffix in ("-wal", "-shm"):
        (path.parent / (path.name + suffix)).unlink(missing_ok=True)
    shutil.copyfile(snapshot, path)  # what the disk held when the power came back

    laptop.store = open_store(path)
    quiet = laptop.sync_until_clean()
    assert quiet.pushed == 0
    new = _people(laptop.store, "Нова", 4)
    report = laptop.sync_until_clean()
    assert report.pushed == 4 and report.renumbered == 4
    on_platform = _platform_people(db, laptop.store.device_id)
    assert set(lost_locally) | set(new) <= on_platform
    assert set(lost_locally) <= {r[0] for r in laptop.store.conn.execute(
        "SELECT id FROM people")}, "the pull brings the lost records back to the laptop"


def test_a_copied_data_folder_on_two_laptops_loses_nothing(live_server, tmp_path):
    db = live_server.db
    office = service.create_office(db, "Офіс")
    first = Device(tmp_path, "first", live_server.url, db, office)
    first.sync_until_clean()
    first.store.close()
    shutil.copytree(first.dir, tmp_path / "second")
    first.store = open_store(first.dir / "hromada.sqlite3")
    second = Device.__new__(Device)
    second.dir, second.proxy_url = tmp_path / "second", live_server.url
    second.store = open_store(second.dir / "hromada.sqlite3")
    made: set[str] = set()
    for round_ in range(3):
        made |= set(_people(first.store, f"Перший{round_}-", 2))
        made |= set(_people(second.store, f"Другий{round_}-", 3))
        first.sync_until_clean()
        second.sync_until_clean()
    first.sync_until_clean()
    device_id = first.store.device_id
    assert made <= _platform_people(db, device_id)
    counts = _applied_per_change(db, device_id)
    assert counts and set(counts) == {1}, "a change was applied twice"
    for laptop in (first, second):
        local = {r[0] for r in laptop.store.conn.execute("SELECT id FROM people")}
        assert made <= local
        laptop.store.close()
