"""Fixtures shared by the whole suite: a fresh real store per test, Qt offscreen, and a real
platform (SQLite, and PostgreSQL when one is available) served by uvicorn on 127.0.0.1."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

# Set before anything imports Qt: the suite never needs a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("HROMADA_DATA_DIR", None)
# Never touch the developer's real credential store: keyring's null backend makes the app
# take its documented file fallback (tests/sync/test_credentials.py covers both paths).
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def store(data_dir: Path) -> Iterator:
    from desktop.store import open_store

    s = open_store(data_dir / "hromada.sqlite3", data_dir / "backups")
    yield s
    s.close()


PG_URL = os.environ.get("HROMADA_TEST_PG_URL")
PG_TABLES = ("devices", "enrollment_codes", "records", "counters", "blob_parts", "blobs",
             "blob_access", "device_changes", "console_staff", "console_sessions",
             "console_login_failures")


def _postgres_reachable() -> bool:
    if not PG_URL:
        return False
    try:
        import psycopg

        with psycopg.connect(PG_URL, connect_timeout=3):
            return True
    except Exception:
        return False


PG_AVAILABLE = _postgres_reachable()
BACKENDS = [
    "sqlite",
    pytest.param("postgres", marks=[
        pytest.mark.postgres,
        pytest.mark.skipif(not PG_AVAILABLE, reason="no PostgreSQL: set HROMADA_TEST_PG_URL "
                           "(scripts/start-test-postgres.sh prints one)"),
    ]),
]


def pytest_report_header(config: pytest.Config) -> str:
    if PG_AVAILABLE:
        return "PostgreSQL: server tests run on SQLite and PostgreSQL"
    return ("PostgreSQL: not found, the PostgreSQL server tests are skipped "
            "(run scripts/start-test-postgres.sh and export HROMADA_TEST_PG_URL)")


def make_db(backend: str, tmp_path: Path):
    from server.db import ServerDB

    if backend == "sqlite":
        return ServerDB(f"sqlite:///{tmp_path / 'platform.sqlite3'}")
    import psycopg

    with psycopg.connect(PG_URL, autocommit=True) as conn:
        for table in PG_TABLES:
            conn.execute(f"DROP TABLE IF EXISTS {table} CASCADE")
        conn.execute("DROP SEQUENCE IF EXISTS records_rev_seq")  # revs start again at 1
    return ServerDB(PG_URL)  # type: ignore[arg-type]


@pytest.fixture(params=BACKENDS)
def server_db(request, tmp_path):
    db = make_db(request.param, tmp_path)
    yield db
    db.close()


class LiveServer:
    def __init__(self, db, limits=None) -> None:
        import uvicorn

        from server.api import create_app

        self.db = db
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        sock.close()
        config = uvicorn.Config(create_app(db, limits), host="127.0.0.1", port=self.port,
                                log_level="warning", timeout_keep_alive=30)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.time() + 15
        while not self.server.started:
            if time.time() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture
def live_server(server_db) -> Iterator[LiveServer]:
    server = LiveServer(server_db)
    yield server
    server.stop()
