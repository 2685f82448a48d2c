"""`hromada-server serve --workers N` (server/workers.py): N processes on one port, each with
a socket of its own; SIGTERM stops them all; a port already taken is one clear error."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from server import workers

pytestmark = pytest.mark.skipif(not workers.can_share_port(),
                                reason="SO_REUSEPORT is Linux's")
ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def _listening_inodes(pid: int, port: int) -> set[str]:
    """The inodes of the sockets `pid` has open that listen on `port`."""
    listening = set()
    for line in Path(f"/proc/{pid}/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if fields[3] == "0A" and int(fields[1].split(":")[1], 16) == port:
            listening.add(fields[9])
    owned = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = fd.readlink().name
        except OSError:
            continue
        if target.startswith("socket:["):
            owned.add(target[8:-1])
    return listening & owned


def _serve(tmp_path: Path, port: int, n: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "server", "--db", f"sqlite:///{tmp_path / 'p.sqlite3'}",
         "serve", "--port", str(port), "--workers", str(n)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_healthy(url: str, process: subprocess.Popen) -> None:
    deadline = time.time() + 60
    while time.time() < deadline:
        assert process.poll() is None, process.communicate()[1][-2000:]
        try:
            if requests.get(url + "/v1/health", timeout=2).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    raise AssertionError("the platform did not answer")


def test_each_worker_listens_on_the_port_with_its_own_socket_and_sigterm_stops_all(tmp_path):
    port = _free_port()
    process = _serve(tmp_path, port, 2)
    try:
        _wait_healthy(f"http://127.0.0.1:{port}", process)
        deadline = time.time() + 30
        while len(_children_serving(process.pid, port)) < 2 and time.time() < deadline:
            time.sleep(0.2)
        serving = _children_serving(process.pid, port)
        assert len(serving) == 2
        sockets = [_listening_inodes(pid, port) for pid in serving]
        assert all(len(s) == 1 for s in sockets) and sockets[0] != sockets[1]
        for _ in range(20):  # fresh connections, whichever process takes them
            with requests.Session() as session:
                assert session.get(f"http://127.0.0.1:{port}/v1/health", timeout=5).ok
    finally:
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=60)
    assert process.returncode == 0, err[-2000:]
    assert all(not Path(f"/proc/{pid}").exists() or
               "zombie" in Path(f"/proc/{pid}/status").read_text() for pid in serving)


def _children_serving(pid: int, port: int) -> list[int]:
    found = []
    for child in _children(pid):
        try:
            if _listening_inodes(child, port):
                found.append(child)
        except OSError:
            continue
    return found


def test_a_port_already_in_use_is_one_clear_error(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = _serve(tmp_path, port, 2)
        _, err = process.communicate(timeout=60)
    assert process.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}" in err
    assert "Traceback" not in err


def test_a_second_platform_on_the_same_port_is_refused(tmp_path):
    port = _free_port()
    first = _serve(tmp_path, port, 2)
    try:
        _wait_healthy(f"http://127.0.0.1:{port}", first)
        second = _serve(tmp_path / "other", port, 2)
        _, err = second.communicate(timeout=60)
        assert second.returncode == 1 and "cannot listen" in err
    finally:
        first.send_signal(signal.SIGTERM)
        first.communicate(timeout=60)
