"""Sync benchmarks: what a push costs on the wire, gzip against plain JSON, in the same run."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from bench.store_bench import Result, _people
from desktop.store import open_store
from desktop.sync.client import enroll, make_engine
from desktop.sync.transport import Transport


def _serve(db_path: Path):
    import uvicorn

    from server.api import create_app
    from server.db import ServerDB

    db = ServerDB(f"sqlite:///{db_path}")
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    return db, server, thread, f"http://127.0.0.1:{port}"


def run(tmp: Path, changes: int = 2000) -> Iterator[Result]:
    import random

    from server import auth, service

    db, server, thread, url = _serve(tmp / "platform.sqlite3")
    try:
        office = service.create_office(db, "Офіс")
        store = open_store(tmp / "device.sqlite3")
        enroll(store, tmp, url, auth.new_enrollment_code(db, office, "office"))
        make_engine(store, tmp).run()
        rows = list(_people(changes, random.Random(2)))
        for row in rows:
            row["office_id"] = office
        store.insert_many("people", rows)
        from desktop.sync.credentials import load_token

        transport = Transport(url, load_token(store.device_id, tmp))
        started = time.perf_counter()
        report = make_engine(store, tmp, transport=transport).run()
        elapsed = time.perf_counter() - started
        from desktop.store import syncstate

        plain = sum(len(json.dumps({"changes": [c._asdict() for c in batch]}).encode())
                    for batch in _batches(syncstate, store, changes))
        yield Result(
            f"push {changes:,} new people: gzip bytes vs plain JSON", transport.bytes_sent,
            plain, floor=3.0,
            notes=[f"{report.pushed:,} changes in {transport.requests} requests, "
                   f"{elapsed:.2f}s on loopback; {transport.bytes_sent / changes:.0f} bytes "
                   "per change on the wire",
                   f"at 2G speed (~5 kB/s) that is {transport.bytes_sent / 5000:.0f}s "
                   f"instead of {plain / 5000:.0f}s"])
        store.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        db.close()


def _batches(syncstate, store, changes: int):
    """The same changes as the push sent, re-read from the outbox, for the plain size."""
    rows = syncstate.pending_changes(store, changes, after=0)
    yield [r for r in rows if r.table == "people"]

