"""How a platform process holds its database: PostgreSQL connections come from a bounded pool
opened at start (server/db.py), a request that finds none free in time is answered 503
`busy`, and a platform process's cycle collector leaves the app's own objects alone
(server/api.py, `collect_garbage_seldom`)."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests

import server.db as server_db_module
from tests.conftest import PG_AVAILABLE, PG_URL, LiveServer, make_db

ROOT = Path(__file__).resolve().parents[2]
needs_postgres = pytest.mark.skipif(not PG_AVAILABLE, reason="no PostgreSQL")


def _connections_of(application_name: str, settled: int | None = None) -> int:
    """How many connections named so are open (other than the one asking); with `settled`,
    waits up to ten seconds for that many (a closed connection's server process ends
    a moment later)."""
    import psycopg

    deadline = time.monotonic() + (10 if settled is not None else 0)
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        while True:
            row = conn.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = %s "
                "AND pid <> pg_backend_pid()", (application_name,)).fetchone()
            count = int(row[0])
            if settled is None or count == settled or time.monotonic() > deadline:
                return count
            time.sleep(0.05)


@pytest.mark.postgres
@needs_postgres
def test_many_threads_share_a_bounded_set_of_connections_opened_at_start(tmp_path, monkeypatch):
    # The connections made here carry a name of their own, so only they are counted.
    name = "hromada-pool-test"
    monkeypatch.setenv("PGAPPNAME", name)
    db = make_db("postgres", tmp_path)
    try:
        opened = _connections_of(name)
        assert opened >= server_db_module.POOL_MIN_SIZE, "the pool opens its connections first"
        barrier = threading.Barrier(30)
        errors: list[BaseException] = []

        def work() -> None:
            try:
                barrier.wait()
                with db.transaction() as tx:
                    assert tx.one("SELECT 1") == (1,)
            except BaseException as exc:  # reported below
                errors.append(exc)

        threads = [threading.Thread(target=work) for _ in range(30)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert not errors
        # A connection per thread would have made thirty.
        assert _connections_of(name) <= server_db_module.POOL_MAX_SIZE
    finally:
        db.close()
    assert _connections_of(name, settled=0) == 0, "closing the database closes its connections"


@pytest.mark.postgres
@needs_postgres
def test_a_request_that_finds_no_free_connection_is_answered_busy(tmp_path, monkeypatch):
    monkeypatch.setattr(server_db_module, "POOL_MIN_SIZE", 1)
    monkeypatch.setattr(server_db_module, "POOL_MAX_SIZE", 1)
    monkeypatch.setattr(server_db_module, "POOL_TIMEOUT_S", 0.5)
    db = make_db("postgres", tmp_path)
    server = LiveServer(db)
    held = threading.Event()
    release = threading.Event()

    def hold() -> None:
        with db.transaction():
            held.set()
            release.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert held.wait(10)
        answer = requests.get(server.url + "/v1/pull", timeout=10,
                              headers={"Authorization": "Bearer nobody"})
        assert answer.status_code == 503, answer.text
        assert answer.json()["error"] == "busy"
        release.set()
        holder.join()
        # Free again: the same request now gets as far as the token check.
        answer = requests.get(server.url + "/v1/pull", timeout=10,
                              headers={"Authorization": "Bearer nobody"})
        assert answer.status_code == 401
    finally:
        release.set()
        server.stop()
        db.close()


def test_a_platform_process_freezes_its_own_objects_for_the_collector(tmp_path):
    """`serve --workers N` builds each process's app with `app_from_environment`: afterwards
    the collector skips the app's objects and waits for many new ones before it runs."""
    url = f"sqlite:///{tmp_path / 'p.sqlite3'}"
    script = (
        "import gc, json, os\n"
        f"os.environ['HROMADA_SERVER_DB'] = {url!r}\n"
        "before = gc.get_threshold()[0]\n"
        "from server.api import GC_THRESHOLD, app_from_environment\n"
        "app_from_environment()\n"
        "print(json.dumps([before, gc.get_threshold()[0], GC_THRESHOLD, gc.get_freeze_count(),"
        " len(gc.get_objects())]))\n")
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                         text=True, timeout=120, check=True).stdout
    before, after, wanted, frozen, still_scanned = json.loads(out)
    assert before == 700 and after == wanted > before
    assert frozen > 50_000, "the app's modules and objects are out of the collector's way"
    assert still_scanned < frozen / 10
