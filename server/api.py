"""The HTTP face of the platform (FastAPI; the OpenAPI document is at /openapi.json).

Every error is JSON {"error", "message"} with a 4xx status for anything the client sent wrong
(malformed, oversized, out of schema, unauthorised, a gap in the outbox) and 500 only for a
fault of ours.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import zlib
from collections.abc import Callable
from typing import Annotated, Any

import orjson
from fastapi import Depends, FastAPI, Header, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect

from desktop.sync.wire import (
    DEFAULT_PULL_LIMIT,
    MAX_BODY_BYTES,
    MAX_PULL_LIMIT,
    MAX_PUSH_CHANGES,
    EnrollRequest,
    EnrollResponse,
    ErrorBody,
    PullResponse,
    PushRequest,
    PushResponse,
)
from server import auth, service
from server.db import ServerDB
from server.ratelimit import Limits, RateLimiter

MAX_BLOB_BYTES = 32 * 1024 * 1024


class ApiError(Exception):
    def __init__(self, status: int, error: str, message: str) -> None:
        super().__init__(message)
        self.status, self.error, self.message = status, error, message


class GzipRoute(APIRoute):
    """Accepts gzip request bodies (offices compress pushes), refusing decompression bombs."""

    def get_route_handler(self) -> Callable:
        original = super().get_route_handler()

        async def handler(request: Request) -> Response:
            declared = request.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > MAX_BLOB_BYTES:
                raise ApiError(413, "too_large", "The request body is too large.")
            # Read the body here, before anything else (the token check included), and stop
            # at the limit: a chunked body declares no length, and must not grow the process.
            body = await _read_capped(request, MAX_BLOB_BYTES)
            request._body = body
            if request.headers.get("content-encoding", "").lower() == "gzip":
                try:
                    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
                    plain = inflater.decompress(body, MAX_BODY_BYTES + 1)
                except zlib.error as exc:
                    raise ApiError(400, "bad_encoding",
                                   "The body says it is gzip but is not.") from exc
                if len(plain) > MAX_BODY_BYTES or inflater.unconsumed_tail:
                    raise ApiError(413, "too_large", "The request body is too large.")
                request._body = plain
            _parse_json_ahead(request)
            return await original(request)

        return handler


#: Twenty digits in a row may be a number orjson would read as a float (beyond 2**64 - 1).
#: Found by turning every digit into "0" and looking for twenty zeros: a regular expression
#: took 4 ms on a push of 220 kB, longer than parsing it; this takes 0.3.
_EVERY_DIGIT_ZERO = bytes.maketrans(b"123456789", b"000000000")
_TWENTY_DIGITS = b"0" * 20


def _has_long_digit_run(body: bytes) -> bool:
    return _TWENTY_DIGITS in body.translate(_EVERY_DIGIT_ZERO)


def _parse_json_ahead(request: Request) -> None:
    """Parse a JSON body with orjson before FastAPI reads it with the standard library's
    parser: 1.4 ms instead of 3.9 for a push of five hundred people, as long as pydantic
    takes to check its envelope (issue 11). Starlette keeps the result where
    `request.json()` finds it.

    What orjson refuses and the standard parser may still take (NaN, a lone surrogate
    escape, UTF-16) is left to FastAPI, which then answers as it always did. So is a body
    with a run of twenty digits: orjson reads a whole number beyond 64 bits as a float,
    and the refusal would then say "not a whole number" instead of "too large"."""
    kind = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if kind != "application/json" or not request._body \
            or _has_long_digit_run(request._body):
        return
    with contextlib.suppress(orjson.JSONDecodeError):
        request._json = orjson.loads(request._body)


async def _read_capped(request: Request, limit: int) -> bytes:
    parts: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, "too_large", "The request body is too large.")
        parts.append(chunk)
    return b"".join(parts)


def current_device(
    request: Request, authorization: Annotated[str | None, Header()] = None,
) -> auth.Device:
    """The token, and only the token, says which device (and so which office) is asking."""
    token = None
    if authorization and authorization.lower().startswith("bearer "):
        token = authorization[7:].strip()
    try:
        return auth.device_for_token(request.app.state.db, token)
    except auth.AuthError as exc:
        raise ApiError(401, "unauthorized", str(exc)) from exc


Device = Annotated[auth.Device, Depends(current_device)]


#: Where `hromada-server serve --workers N` leaves the database URL for its worker processes,
#: and its `--push-changes`.
DB_URL_ENV = "HROMADA_SERVER_DB"
PUSH_CHANGES_ENV = "HROMADA_SERVER_PUSH_CHANGES"


def app_from_environment() -> FastAPI:
    """The app of one worker process of `serve --workers N` (uvicorn's factory): the Python
    work of a push (checking and merging each change) is bound to one core per process, so
    a platform on PostgreSQL serves many offices at once with a process per core. Each
    process keeps its own rate limits: put the platform behind a proxy that limits too."""
    push_changes = os.environ.get(PUSH_CHANGES_ENV)
    limits = Limits(push_changes=int(push_changes)) if push_changes else None
    app = create_app(ServerDB(os.environ[DB_URL_ENV]), limits)
    collect_garbage_seldom()
    return app


#: The collector's first threshold in a platform process: objects made and not yet freed
#: before it looks for reference cycles (Python's default is 700).
GC_THRESHOLD = 100_000


def collect_garbage_seldom() -> None:
    """Keep Python's cycle collector from scanning, again and again, objects that live as long
    as the process or as long as a push.

    A push of five hundred changes keeps tens of thousands of objects alive until its answer
    is sent; with the default threshold the collector scanned them every 700 new objects and
    moved them into the older generations, whose full scans also walk every object of the
    app's modules (~90,000). Measured with twenty devices pushing: about 300 collections per
    process in 2.5 s. The app's own objects are frozen (`gc.freeze`: never scanned again), and
    the collector waits for GC_THRESHOLD new objects. What a request leaves behind is freed
    by reference counting as before; only cycles wait a little longer."""
    import gc

    gc.freeze()
    _, second, third = gc.get_threshold()
    gc.set_threshold(GC_THRESHOLD, second, third)


def create_app(db: ServerDB, limits: Limits | None = None) -> FastAPI:
    app = FastAPI(
        title="Hromada platform",
        version="1",
        description="Central sync platform for liaison offices and CSO hubs.",
        responses={400: {"model": ErrorBody}, 401: {"model": ErrorBody},
                   413: {"model": ErrorBody}, 422: {"model": ErrorBody},
                   429: {"model": ErrorBody}},
    )
    app.router.route_class = GzipRoute
    # Level 6, not Starlette's 9: the answers are small JSON, 9 saved 0.2 % of the bytes of a
    # sync (bench: sync_bytes_ratio 0.947 -> 0.949) and cost the platform ~5 % of its ingest.
    app.add_middleware(GZipMiddleware, minimum_size=512, compresslevel=6)
    app.add_middleware(RateLimiter, limits=limits)  # outermost: refused before any work
    app.state.db = db
    push_changes = min(MAX_PUSH_CHANGES, (limits or Limits()).push_changes)

    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse({"error": exc.error, "message": exc.message}, status_code=exc.status)

    @app.exception_handler(ClientDisconnect)
    async def gone(_: Request, exc: ClientDisconnect) -> Response:
        # The link dropped mid-request (every day in a village office): nothing was applied,
        # the client will retry; not a server fault worth a traceback in the log.
        return Response(status_code=499)

    if db.postgres:
        from psycopg_pool import PoolTimeout

        @app.exception_handler(PoolTimeout)
        async def no_connection(_: Request, exc: PoolTimeout) -> JSONResponse:
            # Every database connection of this process stayed busy for POOL_TIMEOUT_S:
            # nothing was done, and the device's transport retries a 503 after a pause.
            return JSONResponse({"error": "busy", "message": "The platform is busy; the "
                                 "request will be sent again."}, status_code=503)

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
        message = f"{where}: {first.get('msg', 'invalid value')}" if where else first.get(
            "msg", "invalid request")
        return JSONResponse({"error": "invalid_request", "message": message}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse({"error": "http_error", "message": str(exc.detail)},
                            status_code=exc.status_code)

    @app.exception_handler(Exception)
    async def crash(_: Request, exc: Exception) -> JSONResponse:  # pragma: no cover
        return JSONResponse({"error": "server_error",
                             "message": "The platform had an internal problem; try again."},
                            status_code=500)

    from server.console.pages import install as install_console

    install_console(app, db)

    @app.get("/v1/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.post("/v1/enroll", response_model=EnrollResponse)
    def enroll(body: EnrollRequest) -> EnrollResponse:
        try:
            token, device = auth.enroll(db, body.code, body.device_id, body.device_name)
        except auth.AuthError as exc:
            raise ApiError(401, "enrollment_refused", str(exc)) from exc
        return EnrollResponse(token=token, device_id=device.id, office_id=device.office_id,
                              office_name=service.office_name(db, device.office_id),
                              role=device.role)  # type: ignore[arg-type]

    @app.post("/v1/push", response_model=PushResponse,
              responses={409: {"model": ErrorBody}, 503: {"model": ErrorBody}})
    def push(body: PushRequest, device: Device,
             echo: Annotated[bool, Query()] = False,
             tell_limits: Annotated[bool, Query(alias="limits")] = False) -> Any:
        if len(body.changes) > push_changes:
            raise ApiError(422, "too_many", f"A push may carry at most {push_changes} "
                                            f"changes; this one has {len(body.changes)}.")
        try:
            outcome = service.apply_push(db, device, body, echo=echo)
            # Encoded here, once: returned as a model, FastAPI would dump it, validate the
            # dump and encode it again (three passes over five hundred results for every
            # push). An older device's strict reader must not meet fields it does not know,
            # so without `echo` the revisions are left out, and without `limits` the
            # platform's push size.
            return Response(outcome.as_json(
                with_revs=echo, max_changes=push_changes if tell_limits else None),
                media_type="application/json")
        except service.GapError as exc:
            return JSONResponse({"error": "gap", "message": str(exc),
                                 "expected": exc.expected}, status_code=409)
        except service.DivergedError as exc:
            return JSONResponse({"error": "diverged", "message": str(exc),
                                 "expected": exc.expected, "diverged_at": exc.diverged_at},
                                status_code=409)
        except PermissionError as exc:
            raise ApiError(403, "forbidden", str(exc)) from exc
        except service.PlatformBusyError as exc:
            # Other offices kept changing these records: nothing was written, and the
            # device's transport sends the push again after a pause (503 is retried).
            raise ApiError(503, "busy", "The platform is busy with the same records; "
                                        "the push will be sent again.") from exc

    @app.get("/v1/pull", response_model=PullResponse)
    def pull(
        device: Device,
        cursor: Annotated[int, Query(ge=0, le=2**62)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PULL_LIMIT)] = DEFAULT_PULL_LIMIT,
        skip_echo: Annotated[bool, Query()] = False,
        acked: Annotated[int | None, Query(ge=0, le=2**62)] = None,
    ) -> PullResponse:
        return service.pull(db, device, cursor, limit, skip_echo=skip_echo, acked=acked)

    @app.head("/v1/attachments/{sha256}")
    @app.get("/v1/attachments/{sha256}/status")
    def attachment_status(sha256: str, device: Device) -> dict[str, Any]:
        return _blob_status(db, sha256, _holder(device))

    @app.put("/v1/attachments/{sha256}")
    async def upload_part(
        sha256: str, request: Request, device: Device,
        offset: Annotated[int, Query(ge=0, le=MAX_BLOB_BYTES)] = 0,
        total: Annotated[int, Query(ge=1, le=MAX_BLOB_BYTES)] = 1,
    ) -> dict[str, Any]:
        _check_sha(sha256)
        chunk = await request.body()
        return _store_part(db, sha256, offset, total, chunk, _holder(device))

    @app.get("/v1/attachments/{sha256}")
    def download(sha256: str, device: Device) -> Response:
        _check_sha(sha256)
        with db.transaction() as tx:
            row = tx.one("SELECT data FROM blobs WHERE sha256 = ?", (sha256,))
            visible = device.is_council or tx.one(
                "SELECT 1 FROM blob_access WHERE sha256 = ? AND holder = ?",
                (sha256, _holder(device))) is not None
        if row is None or not visible:
            raise ApiError(404, "not_found", "No such attachment for this device.")
        return Response(bytes(row[0]), media_type="application/octet-stream")

    return app


def _check_sha(sha256: str) -> None:
    if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
        raise ApiError(422, "invalid_request", "The attachment id must be a sha256 in hex.")


def _holder(device: auth.Device) -> str:
    """Files are shared within an office (its laptops) or the council, never across."""
    return "council" if device.is_council else f"office:{device.office_id}"


def _part_key(sha256: str, holder: str) -> str:
    # Each holder uploads its own parts: two offices sending the same file never mix bytes.
    return f"{sha256}:{holder}"


def _blob_status(db: ServerDB, sha256: str, holder: str) -> dict[str, Any]:
    """Says "complete" only to a holder of the file: nothing about other offices' files."""
    _check_sha(sha256)
    with db.transaction() as tx:
        if tx.one("SELECT 1 FROM blob_access WHERE sha256 = ? AND holder = ?",
                  (sha256, holder)):
            return {"complete": True, "received": None}
        row = tx.one("SELECT coalesce(sum(length(data)), 0) FROM blob_parts WHERE sha256 = ?",
                     (_part_key(sha256, holder),))
    return {"complete": False, "received": int(row[0]) if row else 0}


def _store_part(db: ServerDB, sha256: str, offset: int, total: int, chunk: bytes,
                holder: str) -> dict:
    key = _part_key(sha256, holder)
    with db.transaction(write=True) as tx:
        if tx.one("SELECT 1 FROM blob_access WHERE sha256 = ? AND holder = ?",
                  (sha256, holder)):
            return {"complete": True, "received": total}
        row = tx.one("SELECT coalesce(sum(length(data)), 0) FROM blob_parts WHERE sha256 = ?",
                     (key,))
        received = int(row[0]) if row else 0
        if offset != received:
            raise ApiError(409, "wrong_offset", f"Resume the upload at byte {received}.")
        if offset + len(chunk) > total:
            raise ApiError(422, "invalid_request", "The part goes past the declared size.")
        if chunk:
            tx.execute("INSERT INTO blob_parts(sha256, start, data) VALUES(?, ?, ?)",
                       (key, offset, chunk))
        received += len(chunk)
        if received < total:
            return {"complete": False, "received": received}
        parts = tx.all("SELECT data FROM blob_parts WHERE sha256 = ? ORDER BY start", (key,))
        whole = b"".join(bytes(p[0]) for p in parts)
        tx.execute("DELETE FROM blob_parts WHERE sha256 = ?", (key,))
        intact = hashlib.sha256(whole).hexdigest() == sha256
        if intact:
            # The bytes prove the holder has the file: it may read it from now on.
            if not tx.one("SELECT 1 FROM blobs WHERE sha256 = ?", (sha256,)):
                tx.execute("INSERT INTO blobs(sha256, size, data, received_at) "
                           "VALUES(?, ?, ?, ?)", (sha256, len(whole), whole, auth.now_iso()))
            tx.execute("INSERT INTO blob_access(sha256, holder) VALUES(?, ?) "
                       "ON CONFLICT DO NOTHING", (sha256, holder))
    if not intact:
        raise ApiError(422, "hash_mismatch",
                       "The uploaded file does not match its hash; upload it again from the start.")
    return {"complete": True, "received": total}


