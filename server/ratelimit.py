"""Rate limits: guessing enrollment codes or tokens, and flooding, cost the caller time.

Three token buckets, all answered with 429 and a Retry-After the client's urllib3 Retry obeys:

* **failures**, per client address: every refused credential (401, 403) takes one. When the
  bucket is empty, that address may not try credentials again (enroll, or any call without
  a valid-looking token) until it refills. 500 code guesses used to take 0.7 s; with the
  defaults the first 30 are answered and then one every two seconds.
* **enrollment failures**, platform-wide: wrong codes from every address together, so that
  guessing spread over many addresses still costs time (200, then one every five seconds).
* **requests**, per device token (per address without one): a flood from one device or
  address is cut long before it could slow the platform for the others. A real sync sends a
  request at a time; its bucket never runs low.

Buckets live in the process (a platform runs as one process per host; behind several the
limits apply per process, which still bounds guessing). Old buckets are dropped as they fill
up again, so the memory stays bounded by the callers of the last minutes.
"""

from __future__ import annotations

import hashlib
import math
import threading
import time
from dataclasses import dataclass, field

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from desktop.sync.wire import MAX_PUSH_CHANGES


@dataclass
class Bucket:
    capacity: float
    per_second: float
    tokens: float = field(init=False)
    stamp: float = field(default_factory=time.monotonic)

    def __post_init__(self) -> None:
        self.tokens = self.capacity

    def _refill(self, now: float) -> None:
        self.tokens = min(self.capacity, self.tokens + (now - self.stamp) * self.per_second)
        self.stamp = now

    def available(self, now: float) -> bool:
        self._refill(now)
        return self.tokens >= 1

    def take(self, now: float) -> bool:
        self._refill(now)
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False

    def wait(self, now: float) -> int:
        self._refill(now)
        return max(1, math.ceil((1 - self.tokens) / self.per_second))


@dataclass(frozen=True)
class Limits:
    failures_burst: float = 30
    failures_per_second: float = 0.5
    requests_burst: float = 600
    requests_per_second: float = 200
    #: Refused enrollments from every address together: guessing spread over many addresses
    #: (a botnet) still costs time. Honest offices enroll a handful of laptops a day.
    enroll_failures_burst: float = 200
    enroll_failures_per_second: float = 0.2
    #: The most changes one push may carry (at most the wire's MAX_PUSH_CHANGES): a
    #: platform served with `--push-changes N`, or made with a lower one
    #: (`create_app(db, Limits(...))`), takes fewer. Devices that ask are told.
    push_changes: int = MAX_PUSH_CHANGES


class RateLimiter:
    """ASGI middleware in front of the whole platform."""

    def __init__(self, app: ASGIApp, limits: Limits | None = None) -> None:
        self.app = app
        self.limits = limits or Limits()
        self._failures: dict[str, Bucket] = {}
        self._requests: dict[str, Bucket] = {}
        self._lock = threading.Lock()
        self._swept = time.monotonic()
        self._enroll_failures = Bucket(self.limits.enroll_failures_burst,
                                       self.limits.enroll_failures_per_second)

    def _bucket(self, table: dict[str, Bucket], key: str, capacity: float,
                rate: float) -> Bucket:
        bucket = table.get(key)
        if bucket is None:
            bucket = table[key] = Bucket(capacity, rate)
        return bucket

    def _sweep(self, now: float) -> None:
        if now - self._swept < 60:
            return
        self._swept = now
        for table in (self._failures, self._requests):
            for key in [k for k, b in table.items()
                        if b.tokens + (now - b.stamp) * b.per_second >= b.capacity]:
                del table[key]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        address = request.client.host if request.client else "unknown"
        authorization = request.headers.get("authorization", "")
        token = authorization[7:].strip() if authorization.lower().startswith("bearer ") else ""
        caller = ("token:" + hashlib.sha256(token.encode()).hexdigest()[:24]) if token \
            else "ip:" + address
        path = scope["path"]
        # Health answers "is this a platform" and proves nothing: never held back for guesses.
        tries_credentials = path.endswith("/enroll") or (not token and path != "/v1/health")
        limits = self.limits
        now = time.monotonic()
        with self._lock:
            self._sweep(now)
            failures = self._bucket(self._failures, address, limits.failures_burst,
                                    limits.failures_per_second)
            requests = self._bucket(self._requests, caller, limits.requests_burst,
                                    limits.requests_per_second)
            enrolling = path.endswith("/enroll")
            if tries_credentials and not failures.available(now):
                refusal = ("too_many_failures", "Too many refused attempts from this address; "
                           "wait and try again.", failures.wait(now))
            elif enrolling and not self._enroll_failures.available(now):
                refusal = ("too_many_failures", "Too many refused enrollments on this "
                           "platform; wait and try again.", self._enroll_failures.wait(now))
            elif not requests.take(now):
                refusal = ("too_many_requests", "Too many requests; wait and try again.",
                           requests.wait(now))
            else:
                refusal = None
        if refusal is not None:
            error, message, wait = refusal
            response = JSONResponse({"error": error, "message": message}, status_code=429,
                                    headers={"Retry-After": str(wait)})
            await response(scope, receive, send)
            return

        async def counting_send(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] in (401, 403):
                with self._lock:
                    moment = time.monotonic()
                    self._bucket(self._failures, address, limits.failures_burst,
                                 limits.failures_per_second).take(moment)
                    if path.endswith("/enroll"):
                        self._enroll_failures.take(moment)
            await send(message)

        await self.app(scope, receive, counting_send)
