"""`hromada-server serve --workers N`: N processes, each with a listening socket of its own.

Why not uvicorn's own `workers=N`: its processes share one listening socket, and whichever
is waiting in accept() first takes the connection. Devices keep their connection open for a
whole sync, so a few processes end up with most of the offices: measured with 20 devices on
2 processes, one process did three quarters of the work while the other idled. With
SO_REUSEPORT (Linux) every process listens on the same port with a socket of its own and the
kernel spreads new connections evenly over them (gunicorn's `--reuse-port` does the same).
Where the option is missing (Windows), uvicorn's shared socket is used instead.

The supervisor restarts a process that dies and stops them all on SIGINT or SIGTERM.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import socket
import sys
import time
from typing import Any

FACTORY = "server.api:app_from_environment"


def can_share_port() -> bool:
    return hasattr(socket, "SO_REUSEPORT") and sys.platform.startswith("linux")


def listening_socket(host: str, port: int, shared: bool = True) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if shared:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def _serve_one(host: str, port: int, environment: dict[str, str]) -> None:
    """One worker process: its own socket on the shared port, one uvicorn server."""
    import uvicorn

    os.environ.update(environment)
    sock = listening_socket(host, port)
    config = uvicorn.Config(FACTORY, factory=True, host=host, port=port, log_level="info")
    uvicorn.Server(config).run(sockets=[sock])


def serve(host: str, port: int, workers: int, environment: dict[str, str]) -> int:
    """Run `workers` processes until SIGINT or SIGTERM; returns the exit code."""
    if not can_share_port():
        import uvicorn

        os.environ.update(environment)
        uvicorn.run(FACTORY, factory=True, workers=workers, host=host, port=port,
                    log_level="info")
        return 0
    # Bind once here first, without sharing: a port in use is one clear error, not N dying
    # processes, and a second platform started by mistake cannot quietly share the port.
    try:
        listening_socket(host, port, shared=False).close()
    except OSError as exc:
        print(f"hromada-server: error: cannot listen on {host}:{port}: {exc.strerror}",
              file=sys.stderr)
        return 1
    context = multiprocessing.get_context("spawn")
    stopping = False

    def start() -> Any:
        process = context.Process(target=_serve_one, args=(host, port, environment),
                                  daemon=False)
        process.start()
        return process

    def stop(_signum: int, _frame: Any) -> None:
        nonlocal stopping
        stopping = True

    processes = [start() for _ in range(workers)]
    started = [time.monotonic()] * workers
    quick_deaths = 0
    code = 0
    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        while not stopping:
            time.sleep(0.5)
            for i, process in enumerate(processes):
                if process.is_alive() or stopping:
                    continue
                # A process that cannot even start (the database is gone, say) would be
                # restarted forever: after three quick deaths in a row, stop and say so.
                quick_deaths = quick_deaths + 1 if time.monotonic() - started[i] < 10 else 0
                if quick_deaths >= 3:
                    print("hromada-server: error: the worker processes keep stopping "
                          "right after they start; see the messages above", file=sys.stderr)
                    stopping, code = True, 1
                    break
                print(f"hromada-server: worker {process.pid} ended "
                      f"(exit code {process.exitcode}); starting another", file=sys.stderr)
                processes[i], started[i] = start(), time.monotonic()
    finally:
        for process in processes:
            if process.is_alive():
                process.terminate()  # uvicorn finishes the requests in flight on SIGTERM
        for process in processes:
            process.join(timeout=30)
            if process.is_alive():
                process.kill()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return code
