"""A fault-injecting TCP proxy for the sync tests: a bad 2G link between client and server.

``FaultProxy`` listens on 127.0.0.1 (a free port), and for every client connection it opens a
connection to the target and pumps bytes both ways (two threads per connection), applying the
faults currently set. Faults can be changed at any time from any thread::

    with FaultProxy("127.0.0.1", server_port, seed=3) as proxy:
        session.get(proxy.url + "/health")           # healed: a plain pass-through
        proxy.set_faults(bandwidth_bps=5_000, latency_seconds=0.3, cut_probability=0.2)
        ...
        proxy.heal()

Semantics, precisely:

* Each ``set_faults()`` call replaces the whole fault set (arguments left out go back to "off")
  and starts a new fault regime. Byte offsets (``cut_request_after``, ``cut_response_after``,
  the random cut offset) count bytes forwarded in a connection since the later of the
  connection's start and the ``set_faults()`` call. So the limits apply to connections that
  are already open (keep-alive) as well as to new ones.
* ``cut_request_after=N`` forwards N bytes client->server, then cuts; likewise
  ``cut_response_after`` for server->client.
* ``cut_probability=p``: for the k-th accepted connection, a uniform draw ``u`` and an offset
  are taken from ``random.Random(seed)`` in accept order, whatever the faults are. While
  ``u < p``, the connection is cut once the bytes forwarded in *both* directions together
  reach the offset. The direction that was forwarding at that moment is counted as the cut.
  Offsets are log-uniform in ``[0, random_cut_max)`` (default 64 KiB), so cuts land in request
  headers, in request bodies and in responses. The same seed and the same sequence of
  connections give the same cuts.
* A cut closes both sockets with SO_LINGER 0, so both peers see a TCP RST and any data still in
  flight is lost, as on a dropped link.
* ``stall_seconds`` holds back the first byte of each response: the first server->client byte
  after client->server data. It does this once per request, including on keep-alive
  connections.
* ``bandwidth_bps`` throttles each direction of the whole link, shared by all connections, in
  slices of at most 1/10 s.
* ``latency_seconds`` delays every byte by that much after it reached the proxy, both ways, as
  a real link does: each direction is a delay line. A reader thread takes the bytes off the
  socket as they come and stamps them, so a response written in two pieces (headers, then the
  body) arrives in two pieces the same few microseconds apart, not one latency apart.
* ``refuse=True`` accepts new connections and resets them at once. Turning it on also resets
  every connection that is still open, because the link is down.

Waits (stall, latency) follow changes to the faults as they happen, so ``heal()`` ends a stall
early. ``stop()`` resets all live connections and returns in well under 2 s.

Only the standard library is used, and the proxy only binds and connects to 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import dataclasses
import math
import queue
import random
import socket
import struct
import threading
import time
from dataclasses import dataclass, field
from typing import Any, ClassVar

__all__ = ["FaultProxy"]

_LOOPBACK = "127.0.0.1"
_RECV_SIZE = 65536
_POLL = 0.05  # granularity of interruptible waits
_QUEUED_CHUNKS = 64  # what a direction holds between its reader and its sender (like a
# socket buffer: a sender that gets ahead of the link waits, as it would on a real one)
_LINGER_RST = struct.pack("ii", 1, 0)  # SO_LINGER on, 0 s: close() sends RST


@dataclass(frozen=True)
class _Faults:
    generation: int = 0
    cut_request_after: int | None = None
    cut_response_after: int | None = None
    cut_probability: float = 0.0
    stall_seconds: float = 0.0
    bandwidth_bps: int | None = None
    latency_seconds: float = 0.0
    refuse: bool = False


class _Link:
    """One direction of the shared, throttled link: hands out transmission slots."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._next_free = 0.0

    def reserve(self, nbytes: int, bps: int) -> float:
        """Book ``nbytes`` on the link; return the monotonic time their transmission ends."""
        with self._lock:
            start = max(time.monotonic(), self._next_free)
            self._next_free = start + nbytes / bps
            return self._next_free


@dataclass(eq=False)
class _Conn:
    client: socket.socket
    draw: float  # uniform draw for cut_probability
    cut_offset: int  # combined-direction byte offset for a random cut
    server: socket.socket | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)
    closed: threading.Event = field(default_factory=threading.Event)
    closing: bool = False
    sockets_closed: bool = False
    active: int = 0
    threads: list[threading.Thread] = field(default_factory=list)
    generation: int = -1
    up_count: int = 0  # bytes forwarded in the current fault regime
    down_count: int = 0
    awaiting_response: bool = False

    def sockets(self) -> list[socket.socket]:
        return [s for s in (self.client, self.server) if s is not None]

    def account(self, up: bool, n: int, faults: _Faults) -> tuple[int, bool]:
        """Book up to ``n`` bytes; return (how many may be forwarded, cut after them?)."""
        with self.lock:
            if self.generation != faults.generation:
                self.generation = faults.generation
                self.up_count = self.down_count = 0
            limit = faults.cut_request_after if up else faults.cut_response_after
            remaining = math.inf
            if limit is not None:
                remaining = limit - (self.up_count if up else self.down_count)
            if self.draw < faults.cut_probability:
                random_left = self.cut_offset - (self.up_count + self.down_count)
                remaining = min(remaining, random_left)
            allowed = int(max(0, min(n, remaining)))
            if up:
                self.up_count += allowed
            else:
                self.down_count += allowed
            return allowed, remaining <= n

    def cut(self) -> None:
        """Abort abruptly: RST to both peers, and wake the pump threads without sending FIN."""
        with self.lock:
            if self.closing:
                return
            self.closing = True
            self.closed.set()
            if self.sockets_closed:
                return
            for sock in self.sockets():
                with contextlib.suppress(OSError):
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, _LINGER_RST)
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RD)  # wakes a blocked recv(), sends nothing

    def force(self) -> None:
        """Like ``cut`` but also wakes threads blocked in send() (sends FIN before the RST)."""
        with self.lock:
            self.closing = True
            self.closed.set()
            if self.sockets_closed:
                return
            for sock in self.sockets():
                with contextlib.suppress(OSError):
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, _LINGER_RST)
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def close_sockets(self) -> None:
        with self.lock:
            if self.sockets_closed:
                return
            self.sockets_closed = True
            self.closed.set()
            for sock in self.sockets():
                with contextlib.suppress(OSError):
                    sock.close()


class FaultProxy:
    """TCP proxy on 127.0.0.1 that forwards to ``target_host:target_port``, with faults."""

    random_cut_max: ClassVar[int] = 65536  # random cut offsets are log-uniform in [0, this)
    _STAT_KEYS: ClassVar[tuple[str, ...]] = (
        "connections",  # client connections accepted and forwarded (refused ones not counted)
        "cut_requests",  # connections cut while forwarding client->server
        "cut_responses",  # connections cut while forwarding server->client
        "bytes_up",  # bytes forwarded client->server
        "bytes_down",  # bytes forwarded server->client
        "refused",  # connections accepted and reset at once because refuse=True
        "upstream_failures",  # connections dropped because the target could not be reached
    )

    def __init__(self, target_host: str, target_port: int, *, seed: int = 0) -> None:
        if target_host not in (_LOOPBACK, "localhost"):
            raise ValueError(f"FaultProxy only connects to {_LOOPBACK}, not {target_host!r}")
        self._target = (_LOOPBACK, int(target_port))
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._faults = _Faults()
        self._stats: dict[str, int] = dict.fromkeys(self._STAT_KEYS, 0)
        self._conns: set[_Conn] = set()
        self._links = {True: _Link(), False: _Link()}
        self._listener: socket.socket | None = None
        self._accept_thread: threading.Thread | None = None
        self._stopping = threading.Event()
        self._port: int | None = None

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> FaultProxy:
        if self._listener is not None or self._stopping.is_set():
            raise RuntimeError("FaultProxy can only be started once")
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            listener.bind((_LOOPBACK, 0))
            listener.listen(64)
            listener.settimeout(_POLL)  # so the accept loop notices stop() promptly
        except OSError:
            listener.close()
            raise
        self._listener = listener
        self._port = listener.getsockname()[1]
        self._accept_thread = threading.Thread(
            target=self._accept_loop, name=f"faultproxy-accept-{self._port}", daemon=True
        )
        self._accept_thread.start()
        return self

    def stop(self) -> None:
        """Close the listener and every live connection (RST), and join all threads."""
        self._stopping.set()
        deadline = time.monotonic() + 1.5
        if self._accept_thread is not None:
            self._accept_thread.join(timeout=1.0)
        if self._listener is not None:
            self._listener.close()
        with self._lock:
            conns = list(self._conns)
        for conn in conns:
            conn.force()
        for conn in conns:
            for thread in list(conn.threads):
                if thread is not threading.current_thread():
                    thread.join(timeout=max(0.0, deadline - time.monotonic()))

    def __enter__(self) -> FaultProxy:
        if self._listener is None:
            self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("FaultProxy is not started")
        return self._port

    @property
    def url(self) -> str:
        return f"http://{_LOOPBACK}:{self.port}"

    # ------------------------------------------------------------------ faults & stats

    def heal(self) -> None:
        """Turn every fault off."""
        self.set_faults()

    def set_faults(
        self,
        *,
        cut_request_after: int | None = None,
        cut_response_after: int | None = None,
        cut_probability: float = 0.0,
        stall_seconds: float = 0.0,
        bandwidth_bps: int | None = None,
        latency_seconds: float = 0.0,
        refuse: bool = False,
    ) -> None:
        """Replace the whole fault set. See the module docstring for the exact semantics."""
        for name, value in (
            ("cut_request_after", cut_request_after),
            ("cut_response_after", cut_response_after),
        ):
            if value is not None and value < 0:
                raise ValueError(f"{name} must be >= 0")
        if not 0.0 <= cut_probability <= 1.0:
            raise ValueError("cut_probability must be within [0, 1]")
        if stall_seconds < 0 or latency_seconds < 0:
            raise ValueError("stall_seconds and latency_seconds must be >= 0")
        if bandwidth_bps is not None and bandwidth_bps <= 0:
            raise ValueError("bandwidth_bps must be > 0 (or None for unlimited)")
        with self._lock:
            self._faults = _Faults(
                generation=self._faults.generation + 1,
                cut_request_after=cut_request_after,
                cut_response_after=cut_response_after,
                cut_probability=float(cut_probability),
                stall_seconds=float(stall_seconds),
                bandwidth_bps=bandwidth_bps,
                latency_seconds=float(latency_seconds),
                refuse=refuse,
            )
            live = list(self._conns) if refuse else []
        for conn in live:  # link down: everything open dies too
            conn.cut()

    @property
    def faults(self) -> dict[str, Any]:
        """The fault set in force, as keyword arguments for ``set_faults``."""
        current = dataclasses.asdict(self._faults)
        del current["generation"]
        return current

    @property
    def stats(self) -> dict[str, int]:
        """A snapshot of the counters (see ``_STAT_KEYS``)."""
        with self._lock:
            return dict(self._stats)

    def reset_stats(self) -> None:
        with self._lock:
            self._stats = dict.fromkeys(self._STAT_KEYS, 0)

    @property
    def live_connections(self) -> int:
        """Client connections whose sockets are not closed yet (for leak checks)."""
        with self._lock:
            return len(self._conns)

    def _count(self, key: str, n: int = 1) -> None:
        with self._lock:
            self._stats[key] += n

    # ------------------------------------------------------------------ plumbing

    def _accept_loop(self) -> None:
        listener = self._listener
        assert listener is not None
        while not self._stopping.is_set():
            try:
                client, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                break
            # One draw per accepted connection, in accept order: deterministic given the seed.
            draw = self._rng.random()
            cut_offset = int(self.random_cut_max ** self._rng.random()) - 1
            client.settimeout(None)
            if self._faults.refuse or self._stopping.is_set():
                self._count("refused")
                _reset(client)
                continue
            conn = _Conn(client=client, draw=draw, cut_offset=cut_offset)
            thread = threading.Thread(
                target=self._serve, args=(conn,), name="faultproxy-up", daemon=True
            )
            conn.threads.append(thread)
            with self._lock:
                self._conns.add(conn)
                self._stats["connections"] += 1
            thread.start()

    def _serve(self, conn: _Conn) -> None:
        """Runs in the client->server thread: connect upstream, then pump."""
        try:
            server = socket.create_connection(self._target, timeout=2.0)
        except OSError:
            self._count("upstream_failures")
            with self._lock:
                self._conns.discard(conn)
            _reset(conn.client)
            return
        server.settimeout(None)
        for sock in (conn.client, server):
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        down = threading.Thread(
            target=self._pump,
            args=(conn, server, conn.client, False),
            name="faultproxy-down",
            daemon=True,
        )
        with conn.lock:
            conn.server = server
            conn.active = 2
            conn.threads.append(down)
            stopping = conn.closing
        if stopping or self._stopping.is_set():
            conn.force()
        down.start()
        self._pump(conn, conn.client, server, True)

    def _pump(self, conn: _Conn, src: socket.socket, dst: socket.socket, up: bool) -> None:
        chunks: queue.Queue[tuple[float, bytes]] = queue.Queue(maxsize=_QUEUED_CHUNKS)
        reader = threading.Thread(target=self._read, args=(conn, src, chunks),
                                  name="faultproxy-read", daemon=True)
        reader.start()
        try:
            while not conn.closing:
                try:
                    arrived, data = chunks.get(timeout=_POLL)
                except queue.Empty:
                    continue
                if conn.closing:
                    break
                if not data:  # orderly EOF: half-close the other side, keep the other pump
                    with contextlib.suppress(OSError):
                        dst.shutdown(socket.SHUT_WR)
                    break
                if not self._forward(conn, dst, data, up, arrived):
                    break
        finally:
            self._pump_done(conn)

    def _read(self, conn: _Conn, src: socket.socket,
              chunks: queue.Queue[tuple[float, bytes]]) -> None:
        """Take bytes off ``src`` as they come, stamped with when they came (the delay line's
        input); an empty chunk marks the end."""
        while True:
            try:
                data = src.recv(_RECV_SIZE)
            except OSError:
                conn.cut()  # the peer reset us: pass the reset on
                return
            stamped = (time.monotonic(), data)
            while True:
                if conn.closing:
                    return
                try:
                    chunks.put(stamped, timeout=_POLL)
                    break
                except queue.Full:
                    continue
            if not data:
                return

    def _forward(self, conn: _Conn, dst: socket.socket, data: bytes, up: bool,
                 arrived: float) -> bool:
        """Forward one chunk that reached the proxy at ``arrived``, with the faults applied;
        False if the conn is over."""
        if up:
            with conn.lock:
                conn.awaiting_response = True
        else:
            with conn.lock:
                first_of_response = conn.awaiting_response
                conn.awaiting_response = False
            if first_of_response and not self._wait(conn, arrived, "stall_seconds"):
                return False
        if not self._wait(conn, arrived, "latency_seconds"):
            return False
        view = memoryview(data)
        pos = 0
        while pos < len(view):
            faults = self._faults
            bps = faults.bandwidth_bps
            n = len(view) - pos
            if bps is not None:
                n = min(n, max(1, bps // 10))
            allowed, cut = conn.account(up, n, faults)
            if allowed:
                if bps is not None:
                    done = self._links[up].reserve(allowed, bps)
                    if conn.closed.wait(max(0.0, done - time.monotonic())):
                        return False
                if conn.closing:
                    return False
                try:
                    dst.sendall(view[pos : pos + allowed])
                except OSError:
                    conn.cut()
                    return False
                self._count("bytes_up" if up else "bytes_down", allowed)
            if cut:
                self._count("cut_requests" if up else "cut_responses")
                conn.cut()
                return False
            pos += allowed
        return True

    def _wait(self, conn: _Conn, since: float, knob: str) -> bool:
        """Sleep until ``since + <current value of knob>``; False if the conn closed meanwhile."""
        while True:
            remaining = since + getattr(self._faults, knob) - time.monotonic()
            if remaining <= 0:
                return not conn.closing
            if conn.closed.wait(min(remaining, _POLL)):
                return False

    def _pump_done(self, conn: _Conn) -> None:
        with conn.lock:
            conn.active -= 1
            last = conn.active <= 0
            closing = conn.closing
        if not last:
            if closing:
                # Make sure the partner wakes up even if it is stuck in send().
                partner = [t for t in conn.threads if t is not threading.current_thread()]
                for thread in partner:
                    thread.join(timeout=0.25)
                    if thread.is_alive():
                        conn.force()
            return
        conn.close_sockets()
        with self._lock:
            self._conns.discard(conn)


def _reset(sock: socket.socket) -> None:
    """Close ``sock`` so that the peer gets a TCP RST."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, _LINGER_RST)
    with contextlib.suppress(OSError):
        sock.close()
