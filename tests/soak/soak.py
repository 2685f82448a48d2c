"""Crash soak: SIGKILL the office app and the platform at random moments, over and over, and
check after every kill that nothing the app reported saved is lost, nothing is half-written,
and the next sync delivers every change exactly once.

`make soak` runs 1,000 kills; `make test` runs 100 (tests/soak/test_soak.py). The office app
is tests/soak/worker.py (checking people in, importing a CSV list, syncing); the platform is
the real `hromada-server` process on loopback with its SQLite file. Every 10th kill hits
the platform in the middle of the worker's push instead, then the worker too.

After every kill:
- the store opens, `PRAGMA integrity_check` and the app's own invariants (`hromada-desk
  check`) find nothing;
- every record the worker journaled as saved is there; every imported list is all there or
  not there at all;
- every change the device counts as delivered is on the platform with the same change id,
  and the changes not yet delivered are all in the outbox, numbered without gaps.
Every 25 kills and at the end, a clean sync runs and the platform must hold each of the
device's changes exactly once, and every journaled record.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import requests

REPO = Path(__file__).resolve().parents[2]


@dataclass
class SoakResult:
    kills: int = 0
    worker_kills: int = 0
    platform_kills: int = 0
    killed_during: Counter = field(default_factory=Counter)
    records_saved: int = 0
    imports_checked: int = 0
    convergence_checks: int = 0
    changes_on_platform: int = 0
    lost: int = 0
    duplicated: int = 0
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def as_dict(self) -> dict:
        out = asdict(self)
        out["killed_during"] = dict(self.killed_during)
        return out


def _env() -> dict[str, str]:
    env = os.environ.copy()
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("HROMADA_DATA_DIR", None)
    return env


class Platform:
    """`hromada-server` as its own process, so that it can be SIGKILLed; on a SQLite file of
    its own, or on the PostgreSQL database at `pg_url` (emptied first)."""

    def __init__(self, root: Path, pg_url: str | None = None) -> None:
        self.db_path = root / "platform.sqlite3"
        self.pg_url = pg_url
        self.url_db = pg_url or f"sqlite:///{self.db_path}"
        if pg_url:
            from tests.conftest import PG_TABLES

            with contextlib.closing(_pg_connect(pg_url)) as conn:
                for table in PG_TABLES:
                    conn.execute(f"DROP TABLE IF EXISTS {table} CASCADE")
                conn.execute("DROP SEQUENCE IF EXISTS records_rev_seq")
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        sock.close()
        self.log = (root / "platform.log").open("ab")
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "server", "--db", self.url_db, "serve", "--port",
             str(self.port)], stdout=self.log, stderr=self.log, env=_env(), cwd=REPO)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with contextlib.suppress(requests.RequestException):
                if requests.get(self.url + "/v1/health", timeout=1).ok:
                    return
            if self.proc.poll() is not None:
                raise RuntimeError("the platform exited at start; see platform.log")
            time.sleep(0.05)
        raise RuntimeError("the platform did not start")

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        """Rows of a read-only query on the platform's database, as a third party."""
        if self.pg_url:
            with contextlib.closing(_pg_connect(self.pg_url)) as conn:
                return list(conn.execute(sql.replace("?", "%s"), tuple(params)).fetchall())
        with contextlib.closing(sqlite3.connect(f"file:{self.db_path}?mode=ro", uri=True,
                                                timeout=30)) as conn:
            return conn.execute(sql, params).fetchall()

    def applied(self, device_id: str, above: int = 0) -> dict[int, str]:
        return dict(self._read("SELECT mutation, change_id FROM device_changes "  # type: ignore[arg-type]
                               "WHERE device_id = ? AND mutation > ?", (device_id, above)))

    def has_records(self, ids: set[str]) -> set[str]:
        found: set[str] = set()
        items = sorted(ids)
        for i in range(0, len(items), 500):
            chunk = items[i:i + 500]
            marks = ",".join("?" * len(chunk))
            found |= {r[0] for r in self._read(
                f"SELECT id FROM records WHERE id IN ({marks})", chunk)}
        return found

    def integrity(self) -> list[str]:
        if self.pg_url:
            # PostgreSQL keeps its own pages whole; what can break is the feed: revisions
            # must be unique and no record may hold one beyond what the sequence gave.
            row = self._read("SELECT count(*), count(DISTINCT rev), coalesce(max(rev), 0), "
                             "(SELECT last_value FROM records_rev_seq) FROM records")[0]
            count, distinct, highest, issued = (int(v) for v in row)
            problems = []
            if count != distinct:
                problems.append(f"platform feed: {count - distinct} revisions given twice")
            if highest > issued:
                problems.append(f"platform feed: revision {highest} beyond {issued} given")
            return problems
        result = [r[0] for r in self._read("PRAGMA integrity_check")]
        return [] if result == ["ok"] else [f"platform integrity: {r}" for r in result]


def _pg_connect(url: str) -> Any:
    import psycopg

    return psycopg.connect(url, autocommit=True)


def _setup(root: Path, platform: Platform) -> tuple[Path, str]:
    """An enrolled office laptop with three events, synced once."""
    from desktop.store import open_store
    from desktop.sync.client import enroll
    from server import auth, service
    from server.db import ServerDB

    db = ServerDB(platform.url_db)
    office = service.create_office(db, "Офіс звʼязку Десна")
    code = auth.new_enrollment_code(db, office, "office")
    db.close()
    data = root / "laptop"
    data.mkdir()
    store = open_store(data / "hromada.sqlite3")
    try:
        enroll(store, data, platform.url, code)
        _sync_until_clean(store, data)
        for day in range(3):
            store.insert("events", {"title": f"Навчання {day + 1}", "kind": "training",
                                    "office_id": office,
                                    "starts_at": f"2026-12-0{day + 2}T10:00"})
        _sync_until_clean(store, data)
        return data, store.device_id
    finally:
        store.close()


def _sync_until_clean(store, data: Path, attempts: int = 20) -> None:
    from desktop.sync.client import make_engine
    from desktop.sync.credentials import load_token
    from desktop.sync.transport import SyncError, Transport, make_session

    last: Exception | None = None
    for _ in range(attempts):
        transport = Transport(store.get_meta("sync.server_url"),
                              load_token(store.device_id, data),
                              session=make_session(retries=2, backoff=0.1), timeout=(2, 30))
        try:
            if make_engine(store, data, transport=transport).run().up_to_date:
                return
        except SyncError as exc:
            last = exc
        time.sleep(0.2)
    raise RuntimeError(f"the laptop never finished syncing: {last}")


def _journal(path: Path) -> list[list[str]]:
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
    return [line.split(" ") for line in lines[:-1] if line]  # the last may be cut mid-write


TARGETS = ("walk-in", "check-in", "import", "sync")
# How long each operation typically takes here (seconds): the kill lands within it.
WINDOW = {"walk-in": 0.004, "check-in": 0.004, "import": 0.15, "sync": 0.2}


class JournalTail:
    """Follows the journal from where it ends now, to kill the worker inside an operation."""

    def __init__(self, path: Path) -> None:
        path.touch()
        self.handle = path.open("rb")
        self.handle.seek(0, os.SEEK_END)
        self.buffer = b""

    def wait_for_begin(self, op: str, timeout: float) -> bool:
        wanted = f"begin {op}\n".encode()
        deadline = time.monotonic() + timeout
        try:
            while time.monotonic() < deadline:
                self.buffer += self.handle.read()
                if wanted in self.buffer:
                    return True
                self.buffer = self.buffer[-64:]
                time.sleep(0.0005)
            return False
        finally:
            pass

    def close(self) -> None:
        self.handle.close()


def _last_begin(entries: list[list[str]]) -> str:
    for entry in reversed(entries):
        if entry[0] == "begin":
            return entry[1]
    return "start-up"


@dataclass
class Checked:
    """How far the journal and the acknowledged changes were checked already: a kill only
    re-checks what is new since the last one; every 25th kill checks everything again."""
    journal_lines: int = 0
    acked: int = 0
    saved: int = 0
    imports: int = 0


def check_after_kill(data: Path, journal: Path, platform: Platform, result: SoakResult,
                     label: str, checked: Checked | None = None) -> None:
    from desktop.store import open_store
    from desktop.store.integrity import all_problems
    from desktop.store.syncstate import LAST_ACKED

    problems: list[str] = []
    store = open_store(data / "hromada.sqlite3")  # as the app would after the crash
    try:
        conn = store.conn
        problems += list(all_problems(conn, data / "attachments"))
        everything = _journal(journal)
        checked = checked or Checked()
        start = checked.journal_lines
        entries = everything[start:]
        saved = checked.saved
        for entry in entries:
            kind = entry[0]
            if kind in ("saved-walk-in", "saved-check-in"):
                person, attendance = entry[1], entry[2]
                saved += 1
                if not conn.execute("SELECT 1 FROM people WHERE id = ? AND deleted = 0",
                                    (person,)).fetchone():
                    problems.append(f"person {person} was reported saved but is gone")
                row = conn.execute("SELECT status FROM attendance WHERE id = ? AND deleted = 0",
                                   (attendance,)).fetchone()
                if not row or row[0] != "attended":
                    problems.append(f"check-in {attendance} was reported saved but is gone")
        # An import journaled before this kill may finish after it: check intents again.
        recent = everything[max(0, start - 400):]
        intents = {e[1]: int(e[2]) for e in recent if e[0] == "intent-import"}
        done = {e[1] for e in everything if e[0] == "saved-import"}
        for batch, rows in intents.items():
            count = conn.execute("SELECT count(*) FROM people WHERE notes = ?",
                                 (f"import:{batch}",)).fetchone()[0]
            if count not in (0, rows) or (batch in done and count != rows):
                problems.append(f"import {batch}: {count} of {rows} rows stored (half-written)")
        saved += sum(int(e[2]) for e in entries if e[0] == "saved-import")
        result.records_saved = saved
        result.imports_checked = sum(1 for e in everything if e[0] == "intent-import")
        acked = int(store.get_meta(LAST_ACKED, "0") or 0)
        local = identities(store, after=checked.acked)
        remote = platform.applied(store.device_id, above=checked.acked)
        for mutation in range(checked.acked + 1, acked + 1):
            if remote.get(mutation) != local.get(mutation):
                problems.append(f"change {mutation} counted as delivered but the platform "
                                f"has {remote.get(mutation)!r}, the laptop {local.get(mutation)!r}")
                break
        waiting = sorted(m for m in local if m > acked)
        if waiting != list(range(acked + 1, acked + 1 + len(waiting))):
            problems.append(f"the outbox has gaps above {acked}")
        # Full journal lines only (the last may be cut mid-write by the kill).
        checked.journal_lines, checked.saved = len(everything), saved
        checked.acked = max(0, acked - 50)  # a little overlap: cheap, and catches a regress
    finally:
        store.close()
    result.failures += [f"{label}: {p}" for p in problems]


def identities(store, after: int = 0) -> dict[int, str]:
    """What the platform keeps of each of the laptop's changes is its identity
    (desktop/sync/wire.py); the laptop's is worked out the same way from its outbox."""
    from desktop.store import syncstate
    from desktop.sync.wire import Change, identity

    return {c.mutation: identity(Change(
        mutation=c.mutation, table=c.table, record_id=c.record_id, op=c.op, fields=c.fields,
        base_rev=c.base_rev, hlc=c.hlc, changed_at=c.changed_at, user_id=c.user_id))
        for c in syncstate.pending_changes(store, 10**9, after=after)}


def check_convergence(data: Path, journal: Path, platform: Platform, result: SoakResult,
                      label: str) -> None:
    from desktop.store import open_store

    store = open_store(data / "hromada.sqlite3")
    try:
        _sync_until_clean(store, data)
        local = identities(store)
        device_id = store.device_id
    finally:
        store.close()
    remote = platform.applied(device_id)
    result.convergence_checks += 1
    result.changes_on_platform = len(remote)
    missing = [m for m in local if remote.get(m) != local[m]]
    extra = [m for m in remote if m not in local]
    duplicated = len(remote) - len(set(remote.values()))
    result.lost = max(result.lost, len(missing))
    result.duplicated = max(result.duplicated, duplicated)
    if missing:
        result.failures.append(f"{label}: {len(missing)} changes never reached the platform")
    if extra:
        result.failures.append(f"{label}: the platform has {len(extra)} changes the laptop "
                               "does not know")
    if duplicated:
        result.failures.append(f"{label}: {duplicated} changes applied twice")
    if sorted(remote) != list(range(1, len(remote) + 1)):
        result.failures.append(f"{label}: the platform's change numbers have gaps")
    ids = set()
    for entry in _journal(journal):
        if entry[0] in ("saved-walk-in", "saved-check-in"):
            ids |= {entry[1], entry[2]}
    absent = ids - platform.has_records(ids)
    if absent:
        result.failures.append(f"{label}: {len(absent)} saved records are not on the platform")


def run_soak(kills: int, root: Path, *, seed: int = 1, platform_every: int = 10,
             converge_every: int = 25, progress: Callable[[str], None] | None = None,
             pg_url: str | None = None) -> SoakResult:
    rng = random.Random(seed)
    result = SoakResult()
    started = time.monotonic()
    say = progress or (lambda _m: None)
    platform = Platform(root, pg_url)
    platform.start()
    try:
        data, _device = _setup(root, platform)
        journal = root / "journal.txt"
        checked = Checked()
        for n in range(1, kills + 1):
            worker = subprocess.Popen(
                [sys.executable, "-m", "tests.soak.worker", "--data", str(data), "--journal",
                 str(journal), "--seed", str(seed * 100_000 + n)],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(), cwd=REPO, text=True)
            assert worker.stdout is not None
            tail = JournalTail(journal)
            if worker.stdout.readline().strip() != "ready":
                worker.kill()
                result.failures.append(f"kill {n}: the worker did not start: "
                                       f"{worker.communicate()[1][-500:]}")
                break
            hit_platform = n % platform_every == 0
            # Kill points spread over the operations in turn; within one, at a random moment.
            target = "sync" if hit_platform else TARGETS[n % len(TARGETS)]
            tail.wait_for_begin(target, timeout=5)
            if hit_platform:
                time.sleep(rng.uniform(0.0, 0.08))  # the push is under way
                platform.kill()
                result.platform_kills += 1
                result.kills += 1
                problems = platform.integrity()
                platform.start()
                result.failures += [f"kill {n}: {p}" for p in problems]
                time.sleep(rng.uniform(0.05, 0.4))
            else:
                time.sleep(rng.uniform(0.0, WINDOW[target]))
            doing = _last_begin(_journal(journal))
            worker.send_signal(signal.SIGKILL)
            _, err = worker.communicate()
            if "Traceback" in err:
                result.failures.append(f"kill {n}: the worker failed before the kill: "
                                       f"{err.strip().splitlines()[-1]}")
            result.kills += 1
            result.worker_kills += 1
            result.killed_during[doing] += 1
            tail.close()
            full = n % converge_every == 0 or n == kills
            if full:
                checked = Checked()  # every 25th kill: the whole journal and outbox again
            check_after_kill(data, journal, platform, result, f"kill {n}", checked)
            if full:
                check_convergence(data, journal, platform, result, f"after kill {n}")
            if n % 10 == 0:
                say(f"{n}/{kills} worker kills, {result.platform_kills} platform kills, "
                    f"{len(result.failures)} problems")
            if len(result.failures) > 20:
                break
    finally:
        platform.kill()
        result.seconds = round(time.monotonic() - started, 1)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=1000, help="worker kills (default 1000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--pg-url", help="run the platform on this PostgreSQL database "
                        "(its tables are dropped first), not on a SQLite file")
    args = parser.parse_args(argv)
    if args.kills < 1:
        parser.error("--kills must be at least 1")
    with contextlib.ExitStack() as stack:
        if args.keep:
            root = args.keep
            root.mkdir(parents=True, exist_ok=True)
        else:
            root = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="soak-")))
        result = run_soak(args.kills, root, seed=args.seed, progress=print,
                          pg_url=args.pg_url)
    figures = result.as_dict()
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2) + "\n")
    print(json.dumps({k: v for k, v in figures.items() if k != "failures"},
                     ensure_ascii=False))
    for line in result.failures:
        print(f"PROBLEM: {line}", file=sys.stderr)
    print(f"{result.kills} kills ({result.worker_kills} of the app, {result.platform_kills} of "
          f"the platform) in {result.seconds} s: {len(result.failures)} problems, "
          f"{result.lost} lost, {result.duplicated} duplicated")
    return 0 if not result.failures else 1


if __name__ == "__main__":
    sys.exit(main())
