"""`hromada-desk enroll` and `hromada-desk sync` as real processes against a real platform,
and `hromada-server`'s administrator commands."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def desk(data: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(data), *args],
                          capture_output=True, text=True, timeout=120, check=False,
                          env=os.environ.copy())


def srv(db_url: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "server", "--db", db_url, *args],
                          capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture
def platform(live_server, tmp_path):
    return live_server, live_server.db.url


def test_enroll_then_sync_both_ways(platform, tmp_path):
    server, url = platform
    office = srv(url, "create-office", "Офіс звʼязку Гавришівка")
    assert office.returncode == 0, office.stderr
    office_id = office.stdout.strip()
    code = srv(url, "enrollment-code", "--office", office_id)
    assert code.returncode == 0, code.stderr
    data = tmp_path / "laptop"
    assert desk(data, "demo", "--people", "0", "--events", "0").returncode == 0
    enrolled = desk(data, "enroll", server.url, code.stdout.strip())
    assert enrolled.returncode == 0, enrolled.stderr
    assert "Гавришівка" in enrolled.stdout
    assert "credential store" in enrolled.stderr  # the null keyring: file fallback, said so
    first = desk(data, "sync")
    assert first.returncode == 0, first.stdout + first.stderr

    import sqlite3

    with sqlite3.connect(data / "hromada.sqlite3") as conn:
        assert conn.execute("SELECT name FROM offices WHERE id = ?",
                            (office_id,)).fetchone()[0] == "Офіс звʼязку Гавришівка"
    # Work recorded offline, then sent by the scheduled-task style command.
    code_reuse = desk(tmp_path / "other", "enroll", server.url, code.stdout.strip())
    assert code_reuse.returncode == 1 and "already been used" in code_reuse.stderr
    exported = srv(url, "export", "offices")
    assert exported.returncode == 0
    assert office_id in {o["id"] for o in json.loads(exported.stdout)}


def test_sync_without_enrollment_is_a_clear_error(tmp_path):
    data = tmp_path / "d"
    desk(data, "demo", "--people", "0", "--events", "0")
    result = desk(data, "sync")
    assert result.returncode == 1
    assert "not enrolled" in result.stderr and "Traceback" not in result.stderr


def test_enroll_with_unreachable_platform_or_bad_url(tmp_path):
    data = tmp_path / "d"
    bad = desk(data, "enroll", "ftp://example", "AAAA-BBBB-CCCC")
    assert bad.returncode == 1 and "web address" in bad.stderr
    down = desk(data, "enroll", "http://127.0.0.1:9", "AAAA-BBBB-CCCC")
    assert down.returncode == 1 and "No connection" in down.stderr
    assert "Traceback" not in down.stderr


def test_server_admin_mistakes(tmp_path):
    url = f"sqlite:///{tmp_path / 'p.sqlite3'}"
    assert "required" in srv(url, "enrollment-code").stderr
    assert "no office" in srv(url, "enrollment-code", "--office", "nope").stderr
    assert srv("mysql://x", "create-office", "X").returncode == 1
    assert srv(url, "export", "unicorns").returncode == 2
    council = srv(url, "enrollment-code", "--role", "council")
    assert council.returncode == 0 and len(council.stdout.strip()) == 14


def test_enroll_over_plain_http_to_another_host_is_refused(tmp_path):
    data = tmp_path / "d"
    desk(data, "demo", "--people", "0", "--events", "0")
    refused = desk(data, "enroll", "http://platform.example", "AAAA-BBBB-CCCC")
    assert refused.returncode == 1 and "https://" in refused.stderr
    assert "Traceback" not in refused.stderr
    allowed = desk(data, "enroll", "--allow-http", "http://127.0.0.2:9", "AAAA-BBBB-CCCC")
    assert "unencrypted" in allowed.stderr and "No connection" in allowed.stderr
