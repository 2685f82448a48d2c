"""`make bench`: the figures of a real council's scale, each beside its floor or the naive way,
measured in the same run (issue 11). Writes `bench/results.json` and prints a table with each
goal and whether it is met. Benchmarks are not tests: nothing here fails the test suite.

The big store (200,000 people, 3,000 events, over a million check-ins; `--quick`: 20,000 and
600) is built once by the demo generator and cached outside git in
`~/.cache/hromada-bench/`, so a second run starts measuring at once.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(os.environ.get("HROMADA_BENCH_CACHE", Path.home() / ".cache" / "hromada-bench"))
PREFIXES = ["Ко", "Ков", "Кова", "Шев", "Шевч", "Мел", "Мель", "Бон", "Бонд", "Тка", "Лис",
            "Сав", "Гна", "Оль", "Пол", "Кра", "050", "067 1", "Ірин", "Олена Ко"]

# (key, goal text, test on the results) for the table; a goal is met or not, nothing more.
GOALS: list[tuple[str, str, Callable[[dict[str, Any]], bool]]] = [
    ("checkin_keystroke_p95_ms", "p95 ≤ 8 ms", lambda r: r["checkin_keystroke_p95_ms"] <= 8),
    ("checkin_search_p95_ms", "≥ 20× faster than naive",
     lambda r: r["checkin_search_naive_p95_ms"] >= 20 * r["checkin_search_p95_ms"]),
    ("startup_ratio", "≤ 2× a bare PySide6 window", lambda r: r["startup_ratio"] <= 2),
    ("dashboard_ms", "≤ 300 ms", lambda r: r["dashboard_ms"] <= 300),
    ("sync_push_10k_s", "≤ 3 s, linear (10k ≤ 12× 1k)",
     lambda r: r["sync_push_10k_s"] <= 3 and r["sync_push_10k_s"] <= 12 * r["sync_push_1k_s"]),
    ("sync_bytes_ratio", "≤ 1.15× gzip-9 floor", lambda r: r["sync_bytes_ratio"] <= 1.15),
    ("sync_time_ratio_2g", "≤ 1.3× the 2G floor", lambda r: r["sync_time_ratio_2g"] <= 1.3),
    ("sync_noop_round_trips", "≤ 2", lambda r: r["sync_noop_round_trips"] <= 2),
    ("server_changes_per_s_postgres", "≥ 10,000/s, 20 devices",
     lambda r: (r.get("server_changes_per_s_postgres") or 0) >= 10_000),
]


#: The parts `--only` can pick, in the order they are measured.
STEPS = ("checkin", "startup", "reports", "sync", "first-pull", "import", "ingest-sqlite",
         "ingest-postgres")


def _best(fn: Callable[[], Any], runs: int = 3) -> tuple[float, Any]:
    best, value = float("inf"), None
    for _ in range(runs):
        started = time.perf_counter()
        value = fn()
        best = min(best, time.perf_counter() - started)
    return best, value


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


# -- the store ----------------------------------------------------------------------------

#: How many events an average resident of the big store came to: enough for over a million
#: check-ins at 3,000 events (the demo's default of 5 gives 920,000).
VISITS_PER_PERSON = 6


def big_store(people: int, events: int) -> Path:
    """The cached demo store of this size (built by the generator the first time)."""
    folder = CACHE / f"store-{people}-{events}-v{VISITS_PER_PERSON}"
    database = folder / "hromada.sqlite3"
    if not (folder / "complete").exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        print(f"building the {people:,}-person store once (cached in {folder}) ...",
              file=sys.stderr, flush=True)
        subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(folder), "demo",
                        "--people", str(people), "--events", str(events), "--seed", "1",
                        "--visits-per-person", str(VISITS_PER_PERSON)],
                       check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
        (folder / "complete").write_text("ok")
    # A store cached by an older version: bring its schema up to date once (the copy kept
    # before a migration is dropped: the cache can be rebuilt).
    from desktop.store import open_store

    store = open_store(database, folder / "backups")
    if store.migration_backup is not None:
        store.migration_backup.unlink()
    store.close()
    return database


# -- check-in ----------------------------------------------------------------------------

def checkin_search(database: Path) -> dict[str, float]:
    from desktop.store.database import open_reader
    from desktop.store.queries import checkin as queries

    conn = open_reader(database)
    event = conn.execute("SELECT event_id FROM attendance GROUP BY event_id "
                         "ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    ours, naive = [], []
    # As the desk searches: the event's list is read when it opens the event, not per key.
    registered = queries.registered_ids(conn, event)
    roster = queries.event_roster(conn, event, registered)
    for _round in range(5):
        for text in PREFIXES:
            started = time.perf_counter()
            queries.find_people(conn, text, event, registered=registered, roster=roster)
            ours.append((time.perf_counter() - started) * 1000)
    # The naive way: a LIKE scan over every person; its first round only warms the file
    # cache, as the first of the five rounds above does for ours.
    _naive_round(conn, [])
    _naive_round(conn, naive)
    conn.close()
    return {"checkin_search_p95_ms": _p95(ours), "checkin_search_naive_p95_ms": _p95(naive)}


def _naive_round(conn: Any, naive: list[float]) -> None:
    for text in PREFIXES:
        words = text.split()
        where = " AND ".join("(last_name LIKE ? OR first_name LIKE ? OR phone LIKE ?)"
                             for _ in words)
        args = [v for w in words for v in (f"{w}%", f"{w}%", f"%{w.replace(' ', '')}%")]
        started = time.perf_counter()
        conn.execute(f"SELECT id, last_name, first_name, phone FROM people WHERE deleted = 0 "
                     f"AND {where} ORDER BY last_name, first_name LIMIT 50", args).fetchall()
        naive.append((time.perf_counter() - started) * 1000)


_UI_SCRIPT = r"""
import os, sys, time, json, resource
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
t0 = time.perf_counter()
from pathlib import Path
mode, data, settings = sys.argv[1], sys.argv[2], sys.argv[3]
if mode == "bare":
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication([]); w = QMainWindow(); w.resize(1366, 728); w.show(); app.processEvents()
    print(json.dumps({"startup_s": time.perf_counter() - t0})); sys.exit(0)
if mode == "app":
    # What a double-click on the app does (`hromada-desk`, no arguments: the data folder is
    # the user's, found by platformdirs), through its entry point, until the main window's
    # first frame is done; then it quits (HROMADA_QUIT_AFTER_FIRST_PAINT).
    from desktop.cli import main
    code = main([])
    from desktop.ui import startup
    print(json.dumps({"startup_s": startup.first_paint_at - t0, "exit": code,
                      "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
    sys.exit(0)
from desktop.paths import DataPaths
from desktop.store import open_store
from desktop.ui import prefs
from desktop.ui.app import application, create_main_window, install_translations
prefs.use_settings_file(Path(settings))
app = application([]); install_translations(app, "uk")
paths = DataPaths(Path(data)); store = open_store(paths.database)
window = create_main_window(store, paths); window.resize(1366, 728); window.show()
app.processEvents()
out = {}
if mode == "keys":
    window.show_screen("checkin"); desk = window.screen("checkin")
    event = store.conn.execute("SELECT event_id FROM attendance GROUP BY event_id "
                               "ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    desk.set_event(event)
    # The desk is opened, then the first person steps up: the event loop has its idle moment
    # and lays the desk out for the event before the first key (one processEvents left the
    # layouts it asks for to that key: the whole desk was laid out and painted again there).
    settled = time.perf_counter() + 0.3
    while time.perf_counter() < settled:
        app.processEvents(); time.sleep(0.01)
    samples = []
    for _ in range(5):
        for text in json.loads(sys.argv[4]):
            started = time.perf_counter()
            desk.search.setText(text)  # what a key press does: the search runs on the change
            desk.results.viewport().repaint()
            app.processEvents()
            samples.append((time.perf_counter() - started) * 1000)
    out["samples"] = samples
print(json.dumps(out))
"""


#: A 1366x768 laptop screen for Qt's offscreen platform (its own default is 800x800).
_SCREEN = {"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
                        "logicalDpi": 96, "logicalBpp": 32, "dpr": 1}]}


def _ui(mode: str, data: Path, tmp: Path, *extra: str) -> dict[str, Any]:
    # As an installed app starts: with its modules' bytecode cached (pip and PyInstaller
    # both ship .pyc; an environment that forbids writing them would time the compiler).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["XDG_CONFIG_HOME"] = str(tmp / "config")  # nobody's own preferences
    if mode in ("app", "bare"):
        # Both on a laptop's screen: the app opens maximised there, as on a hub's laptop
        # (on Qt's default 800x800 it would draw less than the bare 1366x728 window).
        screen = tmp / "screen.json"
        screen.write_text(json.dumps(_SCREEN), encoding="utf-8")
        env["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
    if mode == "app":
        env["HROMADA_QUIT_AFTER_FIRST_PAINT"] = "1"
        # The user's data folder (XDG_DATA_HOME/HromadaDesk on Linux) is the bench's store.
        user_data = tmp / "user-data"  # a fresh folder per bench run
        user_data.mkdir(exist_ok=True)
        if not (user_data / "HromadaDesk").exists():
            (user_data / "HromadaDesk").symlink_to(data, target_is_directory=True)
        env["XDG_DATA_HOME"] = str(user_data)
        env.pop("HROMADA_DATA_DIR", None)
    done = subprocess.run([sys.executable, "-c", _UI_SCRIPT, mode, str(data),
                           str(tmp / "settings.ini"), *extra], capture_output=True, text=True,
                          cwd=ROOT, check=True, env=env)
    return json.loads(done.stdout.strip().splitlines()[-1])


#: Starts of each, taken in turn; the best of each is compared. Fifteen rather than seven
#: (2026-12-03): with seven, one slow spell over the app's starts moved the ratio from 1.7 to
#: 2.3 between runs a minute apart on the same code; the best of fifteen finds both floors.
STARTUP_PAIRS = 15


def startup_and_keys(database: Path, tmp: Path) -> dict[str, float]:
    data = database.parent
    from desktop.ui.prefs import FOLDER_SETTINGS

    # The app keeps its window state in the data folder: every run starts from the same one
    # (the first, below, opens maximised on the laptop screen and saves that).
    (data / FOLDER_SETTINGS).unlink(missing_ok=True)
    _ui("app", data, tmp)  # once to warm the file cache and write the bytecode
    floors, runs = [], []
    for _ in range(STARTUP_PAIRS):  # taken in turn, so that the host slowing down or speeding up
        floors.append(_ui("bare", data, tmp)["startup_s"])  # hits both alike
        runs.append(_ui("app", data, tmp))
    bare = min(floors)
    app = min(r["startup_s"] for r in runs)
    keys = _ui("keys", data, tmp, json.dumps(PREFIXES))
    # Reported beside the goal's ratio, not instead of it: each start against the bare window
    # started just before it. The best of each can come from different spells (a short bare
    # start finds a quiet moment more often than a long one does).
    paired = statistics.median(r["startup_s"] / f for r, f in zip(runs, floors, strict=True))
    return {"startup_s": app, "startup_floor_s": bare, "startup_ratio": app / bare,
            "startup_ratio_paired_median": paired,
            "rss_mb": max(r["rss_mb"] for r in runs),
            "checkin_keystroke_p95_ms": _p95(keys["samples"]),
            "checkin_keystroke_median_ms": statistics.median(keys["samples"])}


# -- reports -----------------------------------------------------------------------------

def dashboard(database: Path) -> dict[str, float]:
    from desktop.demo.generator import REFERENCE_DATE
    from desktop.domain import kpi
    from desktop.store.database import open_reader
    from desktop.store.queries import reports

    conn = open_reader(database)
    period = kpi.Period(REFERENCE_DATE - timedelta(days=364), REFERENCE_DATE)
    elapsed, _figures = _best(lambda: reports.compute(conn, period, None))
    scan, _count = _best(lambda: conn.execute(
        "SELECT count(*), sum(rating) FROM attendance NOT INDEXED").fetchone())
    conn.close()
    return {"dashboard_ms": elapsed * 1000, "dashboard_floor_scan_ms": scan * 1000}


# -- sync --------------------------------------------------------------------------------

class _Platform:
    """The real platform over HTTP on loopback (the test suite's server); on PostgreSQL its
    tables are dropped first, as the tests do."""

    def __init__(self, url: str | None, folder: Path) -> None:
        from tests.conftest import LiveServer, make_db

        if url:
            os.environ["HROMADA_TEST_PG_URL"] = url
            import tests.conftest as conftest

            conftest.PG_URL = url
        self.db = make_db("postgres" if url else "sqlite", folder)
        self.server = LiveServer(self.db)

    def stop(self) -> None:
        self.server.stop()
        self.db.close()


def _device(platform: _Platform, folder: Path, office: str) -> Any:
    from desktop.store import open_store
    from desktop.sync.client import enroll
    from server import auth

    folder.mkdir(parents=True)
    store = open_store(folder / "hromada.sqlite3")
    enroll(store, folder, platform.server.url, auth.new_enrollment_code(platform.db, office,
                                                                        "office"))
    return store


def _new_people(store: Any, office: str, n: int, seed: int) -> list[dict[str, Any]]:
    from bench.store_bench import _people

    rows = list(_people(n, random.Random(seed)))
    for row in rows:
        row["office_id"] = office
    store.insert_many("people", rows)
    return rows


def _engine(store: Any, folder: Path, url: str | None = None) -> tuple[Any, Any]:
    from desktop.sync.client import make_engine
    from desktop.sync.credentials import load_token
    from desktop.sync.transport import Transport, make_session

    transport = Transport(url or store.get_meta("sync.server_url"),
                          load_token(store.device_id, folder),
                          session=make_session(retries=2, backoff=0.2), timeout=(10, 120))
    return make_engine(store, folder, transport=transport), transport


def _floor_bytes(store: Any) -> int:
    """gzip-9 of the same records as compact JSON: what any encoding must at least send."""
    rows = [dict(zip([d[0] for d in cursor.description], r, strict=True))
            for cursor in [store.conn.execute("SELECT * FROM people")] for r in cursor]
    return len(gzip.compress(json.dumps(rows, ensure_ascii=False,
                                        separators=(",", ":")).encode(), 9))


def sync_figures(tmp: Path) -> dict[str, float]:
    from server import service
    from tests.sync.faultproxy import FaultProxy

    out: dict[str, float] = {}
    platform = _Platform(None, tmp)
    try:
        office = service.create_office(platform.db, "Офіс")
        for n in (1000, 10_000):
            folder = tmp / f"push{n}"
            store = _device(platform, folder, office)
            _engine(store, folder)[0].run()
            _new_people(store, office, n, seed=n)
            engine, transport = _engine(store, folder)
            started = time.perf_counter()
            report = engine.run()
            out[f"sync_push_{n // 1000}k_s"] = time.perf_counter() - started
            if n == 10_000:
                out["sync_initial_bytes"] = transport.bytes_sent + transport.bytes_received
                out["sync_floor_bytes"] = _floor_bytes(store)
                out["sync_bytes_ratio"] = out["sync_initial_bytes"] / out["sync_floor_bytes"]
                assert report.pushed == n
            # Round trips of a sync with nothing to do, and with one change.
            engine, transport = _engine(store, folder)
            engine.run()
            out["sync_noop_round_trips"] = transport.requests
            store.insert("people", {"last_name": "Одна", "first_name": "Зміна",
                                    "gender": "female", "office_id": office})
            engine, transport = _engine(store, folder)
            engine.run()
            out["sync_one_change_round_trips"] = transport.requests
            store.close()

        # 2,000 people over 2G: 100 kbit/s, 600 ms round trip (300 ms each way).
        bandwidth, one_way = 12_500, 0.3
        folder = tmp / "push2g"
        store = _device(platform, folder, office)
        _engine(store, folder)[0].run()
        _new_people(store, office, 2000, seed=7)
        with FaultProxy("127.0.0.1", platform.server.port) as proxy:
            proxy.set_faults(bandwidth_bps=bandwidth, latency_seconds=one_way)
            engine, transport = _engine(store, folder, proxy.url)
            started = time.perf_counter()
            engine.run()
            elapsed = time.perf_counter() - started
        moved = transport.bytes_sent + transport.bytes_received
        floor = moved / bandwidth + transport.requests * 2 * one_way
        out.update({"sync_initial_s_2g": elapsed, "sync_floor_s_2g": floor,
                    "sync_time_ratio_2g": elapsed / floor, "sync_2g_requests": transport.requests})
        store.close()
    finally:
        platform.stop()
    return out


class _PlatformProcesses:
    """The platform as production runs it: `hromada-server serve --workers N` in processes
    of its own (N = the cores), on a database made empty first."""

    def __init__(self, url: str | None, folder: Path, workers: int) -> None:
        import socket

        from tests.conftest import make_db

        if url:
            import tests.conftest as conftest

            conftest.PG_URL = url
        self.db = make_db("postgres" if url else "sqlite", folder)
        self.db.create_schema()
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.process = subprocess.Popen(
            [sys.executable, "-m", "server", "--db", self.db.url, "serve", "--port",
             str(self.port), "--workers", str(workers)], cwd=ROOT,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.url = f"http://127.0.0.1:{self.port}"
        import requests

        deadline = time.time() + 30
        while True:
            try:
                requests.get(self.url + "/v1/health", timeout=1)
                break
            except requests.RequestException:
                if time.time() > deadline or self.process.poll() is not None:
                    raise RuntimeError("the platform did not start") from None
                time.sleep(0.1)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
        self.db.close()


def server_ingest(tmp: Path, pg_url: str | None, devices: int, per_device: int) -> float:
    """Changes per second the platform takes with `devices` pushing at once.

    Each device's pushes are read from its outbox and encoded as the app sends them (batches
    of the engine's size, JSON, gzip) before the clock starts; then every device sends its
    pushes from a thread of its own. The clock measures the platform (its processes and the
    database), not twenty laptops' worth of encoding on the same two cores."""
    import requests

    from desktop.store import syncstate
    from desktop.sync.client import enroll
    from desktop.sync.credentials import load_token
    from desktop.sync.wire import MAX_PUSH_CHANGES as PUSH_BATCH
    from desktop.sync.wire import PUSH_MAX_BYTES, Change, PushRequest
    from server import auth, service

    platform = _PlatformProcesses(pg_url, tmp, os.cpu_count() or 2)
    try:
        office = service.create_office(platform.db, "Офіс")
        bodies: list[tuple[dict[str, str], list[bytes]]] = []
        for i in range(devices):
            from desktop.store import open_store

            folder = tmp / f"dev{i}"
            folder.mkdir(parents=True)
            store = open_store(folder / "hromada.sqlite3")
            enroll(store, folder, platform.url,
                   auth.new_enrollment_code(platform.db, office, "office"))
            _new_people(store, office, per_device, seed=100 + i)
            posts = []
            after = 0
            # Batches as the engine makes them once the platform has said how many it takes.
            while batch := syncstate.pending_changes(store, PUSH_BATCH, after=after,
                                                     max_bytes=PUSH_MAX_BYTES):
                after = batch[-1].mutation
                request = PushRequest(device_id=store.device_id, changes=[
                    Change(mutation=c.mutation, change_id=c.change_id, table=c.table,
                           record_id=c.record_id, op=c.op, fields=c.fields,  # type: ignore
                           base_rev=c.base_rev, hlc=c.hlc, changed_at=c.changed_at,
                           user_id=c.user_id) for c in batch])
                # As the engine sends it (`compact`): no change ids, so the platform digests
                # every change (`wire.identity`), as it does for every office's laptop.
                compact = json.dumps(request.compact(), ensure_ascii=False,
                                     separators=(",", ":"))
                posts.append(gzip.compress(compact.encode(), 9))
            headers = {"Authorization": f"Bearer {load_token(store.device_id, folder)}",
                       "Content-Type": "application/json", "Content-Encoding": "gzip"}
            bodies.append((headers, posts))
            store.close()
        applied = [0] * devices
        errors: list[str] = []

        def send(n: int) -> None:
            headers, posts = bodies[n]
            with requests.Session() as session:
                for body in posts:
                    answer = session.post(platform.url + "/v1/push", data=body,
                                          headers=headers, params={"echo": 1, "limits": 1},
                                          timeout=300)
                    if answer.status_code != 200:
                        errors.append(f"{answer.status_code} {answer.text[:200]}")
                        return
                    applied[n] += sum(r["status"] == "applied"
                                      for r in answer.json()["results"])

        threads = [threading.Thread(target=send, args=(n,)) for n in range(devices)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
        if errors or sum(applied) != devices * per_device:
            raise RuntimeError(f"the platform refused pushes: {errors[:3]} "
                               f"({sum(applied)} applied)")
        return devices * per_device / elapsed
    finally:
        platform.stop()


def engine_report() -> Any:
    from desktop.sync.engine import SyncReport

    return SyncReport()


# -- import ------------------------------------------------------------------------------

def import_speed(tmp: Path, rows: int) -> dict[str, float]:
    from bench.store_bench import _people
    from desktop.domain.importing import read_table
    from desktop.store import importer, open_store

    source = tmp / "list.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Прізвище", "Імʼя", "Стать", "Телефон", "Згода"])
        for person in _people(rows, random.Random(5)):
            writer.writerow([person["last_name"], person["first_name"],
                             "ж" if person["gender"] == "female" else "ч", person["phone"],
                             "так"])
    store = open_store(tmp / "import.sqlite3")
    started = time.perf_counter()
    table = read_table(source, "people")
    mapping = importer.mapping_for(store, "people", table.headers)
    plan = importer.plan(store, "people", table, mapping)
    result = importer.run(store, plan)
    elapsed = time.perf_counter() - started
    store.close()
    assert result.created == rows, result
    return {"import_rows_per_s": rows / elapsed}


# -- a first pull --------------------------------------------------------------------------

#: The community a first pull reads: the quick store's (the full store's 1.3 million records
#: would add ten minutes to the bench, and the figure is a rate).
FIRST_PULL_PEOPLE, FIRST_PULL_EVENTS = 20_000, 600


def first_pull(source: Path, tmp: Path) -> dict[str, float]:
    """A whole community read by a new council laptop, as a council laptop or the console's
    mirror meets it: a copy of the store enrolls as the council and pushes everything to a
    fresh platform (SQLite, over HTTP on loopback), then an empty store enrolled as the
    council pulls it all. Reported, not a goal: a rate, to see that it stays linear."""
    from desktop.demo.platform import push_copy_as_council
    from desktop.store import open_store
    from desktop.sync.client import enroll
    from server import auth

    (tmp / "platform").mkdir(parents=True)
    platform = _Platform(None, tmp / "platform")
    try:
        if not push_copy_as_council(source, tmp / "seed", platform.server.url,
                                    auth.new_enrollment_code(platform.db, None, "council")):
            raise RuntimeError("the platform was not filled for the first pull")
        fresh = tmp / "fresh"
        fresh.mkdir()
        store = open_store(fresh / "hromada.sqlite3")
        enroll(store, fresh, platform.server.url,
               auth.new_enrollment_code(platform.db, None, "council"))
        started = time.perf_counter()
        pulled = 0
        for _ in range(20):
            report = _engine(store, fresh)[0].run()
            pulled += report.pulled
            if report.up_to_date:
                break
        elapsed = time.perf_counter() - started
        store.close()
    finally:
        platform.stop()
    return {"sync_first_pull_rows": pulled, "sync_first_pull_s": elapsed,
            "sync_first_pull_rows_per_s": pulled / elapsed}


# -- the run -----------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.scale")
    parser.add_argument("--quick", action="store_true",
                        help="a 20,000-person store (within 5 minutes)")
    parser.add_argument("--out", help="where the figures go (default: bench/results.json; "
                        "a smaller store's, bench/results-quick.json, so that they never "
                        "stand in for the full run's)")
    parser.add_argument("--only", action="append", choices=STEPS, metavar="STEP",
                        help=f"measure just this (repeatable): {', '.join(STEPS)}; the "
                        "results are printed, bench/results.json is left as it is")
    parser.add_argument("--people", type=int, metavar="N",
                        help="another store size (the bench's own test runs it on a few "
                        "hundred people, to see that every step still runs)")
    parser.add_argument("--events", type=int, metavar="N", help="with --people")
    args = parser.parse_args(argv)
    people, events = (20_000, 600) if args.quick else (200_000, 3_000)
    if args.people is not None:
        if args.people < 100 or (args.events is not None and args.events < 10):
            parser.error("--people must be at least 100 and --events at least 10")
        people, events = args.people, args.events or max(10, args.people // 60)
    pg_url = os.environ.get("HROMADA_BENCH_PG_URL") or os.environ.get("HROMADA_TEST_PG_URL")
    results: dict[str, Any] = {"store_people": people, "store_events": events,
                               "machine": f"{os.cpu_count()} cores, {sys.platform}"}
    database = big_store(people, events)
    import sqlite3

    with sqlite3.connect(database) as conn:
        results["store_attendance"] = conn.execute(
            "SELECT count(*) FROM attendance").fetchone()[0]
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        devices, per = (4, 2500) if people >= 200_000 else (4, 500) if people >= 20_000 \
            else (4, 100)

        def ingest(engine: str) -> dict[str, Any]:
            if engine == "postgres" and not pg_url:
                return {"server_changes_per_s_postgres": None}
            (tmp / f"{engine}-ingest").mkdir()
            return {f"server_changes_per_s_{engine}": server_ingest(
                tmp / f"{engine}-ingest", pg_url if engine == "postgres" else None,
                *((devices, per) if engine == "sqlite" else
                  (20 if people >= 200_000 else 8, per // 2)))}

        steps: dict[str, Callable[[], dict[str, Any]]] = {
            "checkin": lambda: checkin_search(database),
            "startup": lambda: startup_and_keys(database, tmp),
            "reports": lambda: dashboard(database),
            "sync": lambda: sync_figures(tmp / "sync"),
            "first-pull": lambda: first_pull(
                database if people <= FIRST_PULL_PEOPLE else
                big_store(FIRST_PULL_PEOPLE, FIRST_PULL_EVENTS), tmp / "first-pull"),
            "import": lambda: import_speed(tmp, 20_000 if people >= 200_000 else 2000),
            "ingest-sqlite": lambda: ingest("sqlite"),
            "ingest-postgres": lambda: ingest("postgres"),
        }
        for name, step in steps.items():
            if args.only and name not in args.only:
                continue
            print(f"measuring {name} ...", file=sys.stderr, flush=True)
            (tmp / "sync").mkdir(exist_ok=True)
            results.update(step())
    if not args.only:
        out = args.out or ROOT / "bench" / (
            "results.json" if people >= 200_000 else "results-quick.json")
        Path(out).write_text(json.dumps(results, indent=1, sort_keys=True) + "\n")
    print_table(results)
    return 0


def print_table(results: dict[str, Any]) -> None:
    print(f"\n{results['store_people']:,} people, {results['store_attendance']:,} check-ins; "
          f"{results['machine']}")
    for key, value in sorted(results.items()):
        if isinstance(value, float):
            print(f"  {key:<34} {value:>12.3f}")
        elif isinstance(value, int):
            print(f"  {key:<34} {value:>12,d}")
    print("\ngoals:")
    for key, goal, met in GOALS:
        try:
            verdict = "met" if met(results) else "NOT MET"
        except (KeyError, TypeError):
            verdict = "not measured"
        print(f"  {key:<34} {goal:<34} {verdict}")


if __name__ == "__main__":
    sys.exit(main())
