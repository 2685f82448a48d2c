"""The fault-injecting proxy itself: pass-through when healed, and each fault does what it says."""

from __future__ import annotations

import hashlib
import random
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from tests.sync.faultproxy import FaultProxy

BIG = random.Random(1).randbytes(200 * 1024)
TIMEOUT = 10  # generous per-request timeout; only a bug gets near it
NETWORK_ERRORS = (requests.ConnectionError, requests.exceptions.ChunkedEncodingError)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, like the real server
    timeout = 5  # an idle handler thread must not outlive the test run for long
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _reply(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        if self.path.startswith("/bytes/"):
            self._reply(BIG[: int(self.path.removeprefix("/bytes/"))])
        else:
            self._reply(BIG)

    def do_POST(self) -> None:
        length = int(self.headers["Content-Length"])
        body = b""
        try:  # read in pieces so a reset still tells us how much arrived
            while len(body) < length:
                piece = self.rfile.read1(length - len(body))
                if not piece:
                    break
                body += piece
        except OSError:
            pass
        with self.server.lock:
            self.server.received.append(len(body))
        if len(body) < length:
            self.close_connection = True
            return
        self._reply(body)  # echo


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.lock = threading.Lock()
        self.received: list[int] = []  # body lengths the server actually read, per POST

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # resets are the point of these tests


@pytest.fixture(scope="module")
def http_server() -> Iterator[_Server]:
    server = _Server()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=2)


@pytest.fixture
def proxy(http_server: _Server) -> Iterator[FaultProxy]:
    with FaultProxy("127.0.0.1", http_server.server_address[1], seed=1) as p:
        yield p


def _wait_for(predicate, timeout: float = 3.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()


def _assert_works(proxy: FaultProxy) -> None:
    r = requests.get(proxy.url + "/big", timeout=TIMEOUT)
    assert r.status_code == 200
    assert r.content == BIG


def test_healed_proxy_is_a_transparent_pipe(proxy: FaultProxy, http_server: _Server) -> None:
    assert proxy.url == f"http://127.0.0.1:{proxy.port}"
    _assert_works(proxy)

    payload = random.Random(2).randbytes(50 * 1024)
    r = requests.post(proxy.url + "/echo", data=payload, timeout=TIMEOUT)
    assert r.status_code == 200
    assert hashlib.sha256(r.content).digest() == hashlib.sha256(payload).digest()

    # The client can hold the last bytes a moment before the pump thread counts them.
    assert _wait_for(lambda: proxy.stats["bytes_down"] > len(BIG) + len(payload))
    stats = proxy.stats
    assert stats["connections"] == 2
    assert stats["cut_requests"] == stats["cut_responses"] == stats["refused"] == 0
    assert stats["bytes_up"] > len(payload)


def test_keep_alive_session_reuses_one_connection(proxy: FaultProxy) -> None:
    with requests.Session() as session:
        for n in (10, 70_000, 200 * 1024, 1):
            r = session.get(f"{proxy.url}/bytes/{n}", timeout=TIMEOUT)
            assert r.content == BIG[:n]
        del r  # a live Response keeps its socket open even after the session closes
        assert proxy.stats["connections"] == 1
        assert proxy.live_connections == 1
    # Closing the client side tears the proxied connection down: nothing leaks.
    assert _wait_for(lambda: proxy.live_connections == 0)


def test_cut_response(proxy: FaultProxy) -> None:
    proxy.set_faults(cut_response_after=1000)
    with pytest.raises(NETWORK_ERRORS):
        requests.get(proxy.url + "/big", timeout=TIMEOUT)
    stats = proxy.stats
    assert stats["cut_responses"] >= 1
    assert stats["bytes_down"] <= 1000
    assert _wait_for(lambda: proxy.live_connections == 0)


@pytest.mark.parametrize("cut_after", [100, 10_000])
def test_cut_request_never_delivers_the_whole_body(
    proxy: FaultProxy, http_server: _Server, cut_after: int
) -> None:
    payload = random.Random(3).randbytes(50 * 1024)
    with http_server.lock:
        http_server.received.clear()
    proxy.set_faults(cut_request_after=cut_after)
    with pytest.raises(NETWORK_ERRORS):
        requests.post(proxy.url + "/echo", data=payload, timeout=TIMEOUT)
    assert proxy.stats["cut_requests"] == 1
    assert proxy.stats["bytes_up"] == cut_after
    # The server may still be noticing the reset; give it a moment, then check what it got.
    time.sleep(0.2)
    with http_server.lock:
        received = list(http_server.received)
    assert all(n < len(payload) for n in received)
    if cut_after > 1000:  # headers got through, so the server read a partial body
        assert _wait_for(lambda: len(http_server.received) == 1)
        assert 0 < http_server.received[0] < len(payload)


def test_bandwidth_throttle_delivers_intact_but_slowly(proxy: FaultProxy) -> None:
    proxy.set_faults(bandwidth_bps=50_000)
    started = time.monotonic()
    r = requests.get(proxy.url + "/bytes/102400", timeout=TIMEOUT)
    elapsed = time.monotonic() - started
    assert r.content == BIG[:102400]
    assert elapsed >= 1.0  # ~2 s in theory; only "too fast" would be a bug


def test_stall_and_latency_delay_but_do_not_break(proxy: FaultProxy) -> None:
    proxy.set_faults(stall_seconds=0.4, latency_seconds=0.05)
    started = time.monotonic()
    r = requests.get(proxy.url + "/bytes/5000", timeout=TIMEOUT)
    assert r.content == BIG[:5000]
    assert time.monotonic() - started >= 0.4


def test_latency_is_a_delay_line_not_a_delay_per_piece() -> None:
    """Two pieces written 20 ms apart (an HTTP server's headers, then its body) must reach the
    client about 20 ms apart, each one latency after it was written: that is a real link.
    Charging the latency again for every piece that queued behind the first made a response
    in two writes cost one latency more, which no network does (issue 11's 2G figure)."""
    latency = 0.6
    listener = socket.create_server(("127.0.0.1", 0))
    written: list[float] = []

    def serve() -> None:
        peer, _ = listener.accept()
        with peer:
            peer.recv(16)
            written.append(time.monotonic())
            peer.sendall(b"head")
            time.sleep(0.02)
            written.append(time.monotonic())
            peer.sendall(b"body")
            peer.recv(16)  # until the client closes

    server = threading.Thread(target=serve, daemon=True)
    server.start()
    with FaultProxy("127.0.0.1", listener.getsockname()[1]) as proxy:
        proxy.set_faults(latency_seconds=latency)
        with socket.create_connection(("127.0.0.1", proxy.port), timeout=TIMEOUT) as client:
            client.sendall(b"ask")
            received, got = [], b""
            while len(got) < 8:
                piece = client.recv(16)
                assert piece, "the proxy closed the connection"
                got += piece
                received.extend([time.monotonic()] * len(piece))
    server.join(timeout=2)
    listener.close()
    assert got == b"headbody"
    head_at, body_at = received[0], received[-1]
    assert head_at - written[0] >= latency * 0.95  # each piece is delayed...
    assert body_at - written[1] >= latency * 0.95
    assert body_at - head_at < latency / 2  # ...but not once more for queueing behind the head


def test_refuse_errors_at_once_and_kills_live_connections(proxy: FaultProxy) -> None:
    with requests.Session() as session:
        assert session.get(proxy.url + "/bytes/10", timeout=TIMEOUT).status_code == 200
        proxy.set_faults(refuse=True)
        started = time.monotonic()
        with pytest.raises(requests.ConnectionError):
            session.get(proxy.url + "/bytes/10", timeout=TIMEOUT)
        with pytest.raises(requests.ConnectionError):
            requests.get(proxy.url + "/bytes/10", timeout=TIMEOUT)
        assert time.monotonic() - started < 2.0
        assert proxy.stats["refused"] >= 1
        assert _wait_for(lambda: proxy.live_connections == 0)

        proxy.heal()
        assert session.get(proxy.url + "/bytes/10", timeout=TIMEOUT).content == BIG[:10]


def test_heal_restores_everything(proxy: FaultProxy) -> None:
    for faults in (
        {"cut_response_after": 500},
        {"cut_request_after": 10},
        {"cut_probability": 1.0},
        {"refuse": True},
    ):
        proxy.set_faults(**faults)
        with pytest.raises(NETWORK_ERRORS):
            requests.get(proxy.url + "/big", timeout=TIMEOUT)
        proxy.heal()
        _assert_works(proxy)
    # Limits count from the set_faults() call, so an open keep-alive connection is cut as well.
    with requests.Session() as session:
        session.get(proxy.url + "/big", timeout=TIMEOUT)
        proxy.set_faults(cut_response_after=5000)
        with pytest.raises(NETWORK_ERRORS):
            session.get(proxy.url + "/big", timeout=TIMEOUT)
        proxy.heal()
        assert session.get(proxy.url + "/big", timeout=TIMEOUT).content == BIG
    assert proxy.faults["cut_response_after"] is None


def _cut_pattern(http_server: _Server, seed: int) -> tuple[list[bool], dict[str, int]]:
    with FaultProxy("127.0.0.1", http_server.server_address[1], seed=seed) as p:
        p.set_faults(cut_probability=0.5)
        outcome = []
        for _ in range(12):  # a fresh connection per request
            try:
                ok = requests.get(p.url + "/big", timeout=TIMEOUT).content == BIG
            except NETWORK_ERRORS:
                ok = False
            outcome.append(ok)
        return outcome, p.stats


def test_cut_probability_is_deterministic_per_seed(http_server: _Server) -> None:
    first, stats = _cut_pattern(http_server, seed=7)
    second, _ = _cut_pattern(http_server, seed=7)
    assert first == second
    assert True in first and False in first
    assert stats["cut_requests"] + stats["cut_responses"] == first.count(False)


def test_stop_is_prompt_with_a_stalled_connection(http_server: _Server) -> None:
    proxy = FaultProxy("127.0.0.1", http_server.server_address[1]).start()
    proxy.set_faults(stall_seconds=60)
    errors: list[BaseException] = []

    def client() -> None:
        try:
            requests.get(proxy.url + "/big", timeout=30)
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=client, daemon=True)
    thread.start()
    # Wait until the request went through and the response is being held back.
    assert _wait_for(lambda: proxy.stats["bytes_up"] > 0)
    time.sleep(0.2)
    started = time.monotonic()
    proxy.stop()
    assert time.monotonic() - started < 2.0
    thread.join(timeout=5)
    assert not thread.is_alive()
    assert errors and isinstance(errors[0], NETWORK_ERRORS)
    assert proxy.live_connections == 0
