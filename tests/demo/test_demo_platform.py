"""The demo platform the way `make run` starts it: real processes, real HTTP on loopback.
The demo device ends up an ordinary office device that syncs with a platform holding the
whole demo city; a second run reuses both; stopping it stops the process."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.demo.platform import DEMO_PLATFORM, DemoPlatform
from desktop.store import open_store, syncstate
from tests.cli.test_sync_cli import desk


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (our own child, already exited) counts as gone.
    state = Path(f"/proc/{pid}/stat")
    return not (state.exists() and state.read_text().split()[2] == "Z")


@pytest.fixture
def demo_folder(tmp_path):
    folder = tmp_path / "demo-data"
    made = desk(folder, "demo", "--people", "120", "--events", "8")
    assert made.returncode == 0, made.stderr
    yield folder
    DemoPlatform(folder).stop()


def test_make_run_path_starts_fills_enrolls_and_syncs(demo_folder):
    first = desk(demo_folder, "demo-platform")
    assert first.returncode == 0, first.stderr
    platform = DemoPlatform(demo_folder)
    assert platform.healthy()
    assert not (platform.folder / "council-seed").exists()  # the copy is gone

    store = open_store(demo_folder / "hromada.sqlite3")
    try:
        assert store.get_meta(DEMO_PLATFORM) == platform.url
        assert store.get_meta(syncstate.ROLE) == "office"
        assert syncstate.pending_count(store) == 0  # nothing re-sent: the copy delivered it
        office = store.get_meta("office_id")
    finally:
        store.close()

    synced = desk(demo_folder, "sync")
    assert synced.returncode == 0, synced.stdout + synced.stderr
    assert "refused" not in synced.stdout
    # The platform holds the whole city: every office's people, not only this device's.
    with sqlite3.connect(platform.database) as conn:
        people = conn.execute("SELECT count(*) FROM records WHERE tbl = 'people'").fetchone()[0]
        offices = conn.execute(
            "SELECT count(DISTINCT office_id) FROM records WHERE tbl = 'people'").fetchone()[0]
    assert people == 120 and offices > 1

    # Something new at the desk goes up as the office's own record.
    store = open_store(demo_folder / "hromada.sqlite3")
    try:
        person = store.insert("people", {"last_name": "Нова", "first_name": "Людина",
                                         "gender": "female"})
    finally:
        store.close()
    again = desk(demo_folder, "sync")
    assert again.returncode == 0 and "sent 1 changes" in again.stdout, again.stdout
    with sqlite3.connect(platform.database) as conn:
        owner = conn.execute("SELECT office_id FROM records WHERE id = ?",
                             (person["id"],)).fetchone()
    assert owner == (office,)

    # A second make run reuses the platform and the enrollment; --stop stops the process.
    pid = int(platform.pid_file.read_text())
    second = desk(demo_folder, "demo-platform")
    assert second.returncode == 0 and "filling" not in second.stderr
    assert int(platform.pid_file.read_text()) == pid
    assert desk(demo_folder, "demo-platform", "--stop").returncode == 0
    assert not _alive(pid) and not platform.healthy()
    # The next sync starts it again (what the app does on its first sync).
    store = open_store(demo_folder / "hromada.sqlite3")
    try:
        platform.set_up(store, demo_folder)
        assert platform.healthy()
    finally:
        store.close()


def test_demo_refused_in_a_folder_connected_to_a_real_platform(live_server, tmp_path):
    from server import auth, service

    db = live_server.db
    office = service.create_office(db, "Офіс звʼязку")
    folder = tmp_path / "office"
    enrolled = desk(folder, "enroll", live_server.url, auth.new_enrollment_code(db, office,
                                                                                "office"))
    assert enrolled.returncode == 0, enrolled.stderr
    refused = desk(folder, "demo", "--people", "10", "--events", "1")
    assert refused.returncode == 1
    assert "connected to the platform" in refused.stderr and "Traceback" not in refused.stderr
    store = open_store(folder / "hromada.sqlite3")
    try:
        assert store.count("people") == 0 and syncstate.pending_count(store) == 0
    finally:
        store.close()
    # The demo platform is refused there too.
    platform = desk(folder, "demo-platform")
    assert platform.returncode == 1 and "real platform" in platform.stderr
    DemoPlatform(folder).stop()


def test_server_module_is_what_make_run_starts():
    """The platform command the demo spawns exists in this environment."""
    shown = subprocess.run([sys.executable, "-m", "server", "--help"], capture_output=True,
                           text=True, check=False)
    assert shown.returncode == 0 and "serve" in shown.stdout
