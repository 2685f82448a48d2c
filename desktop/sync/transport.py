"""HTTP to the platform over a bad link: gzip both ways, timeouts, retries with backoff.

urllib3's Retry does exponential backoff with jitter; POST is retried too because every call
of the protocol is idempotent (push skips mutations the platform has already applied).
"""

from __future__ import annotations

import gzip
import json
from typing import Any

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from desktop.domain.i18n import QT_TRANSLATE_NOOP
from desktop.sync.errors import (  # all used here; callers may import them from here too
    CertificateProblem,
    Diverged,
    GapRefused,
    Offline,
    SyncError,
    TooLarge,
    Unprocessable,
)
from desktop.sync.wire import DivergedBody

CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 60.0


def _lost_midway(exc: requests.exceptions.RequestException) -> bool:
    """Whether the link failed during the exchange rather than before it (see `Offline`)."""
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return False
    if isinstance(exc, requests.exceptions.ReadTimeout | requests.exceptions.ChunkedEncodingError):
        return True
    reason = exc.args[0] if exc.args else None
    reason = getattr(reason, "reason", reason)  # what the last of urllib3's retries met
    return not isinstance(reason, urllib3.exceptions.NewConnectionError
                          | urllib3.exceptions.ConnectTimeoutError)


class _Retry(Retry):
    """Retries what may pass (a dropped link, a busy platform), never a certificate that
    failed verification: waiting would not fix it, and the person must hear it at once."""

    def increment(self, method: str | None = None, url: str | None = None,  # type: ignore[override]
                  response: Any = None, error: Exception | None = None, _pool: Any = None,
                  _stacktrace: Any = None) -> Retry:
        if isinstance(error, urllib3.exceptions.SSLError):
            raise urllib3.exceptions.MaxRetryError(_pool, url, error)
        return super().increment(method, url, response, error, _pool, _stacktrace)


def make_session(retries: int = 5, backoff: float = 0.5,
                 retry_statuses: tuple[int, ...] = (429, 502, 503, 504)) -> requests.Session:
    retry = _Retry(
        total=retries, connect=retries, read=retries, status=retries, other=retries,
        backoff_factor=backoff, backoff_max=30, backoff_jitter=0.5,
        status_forcelist=retry_statuses,
        allowed_methods=frozenset({"GET", "POST", "PUT", "HEAD"}),
        respect_retry_after_header=429 in retry_statuses, raise_on_status=False,
    )
    session = requests.Session()
    adapter = HTTPAdapter(max_retries=retry)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers["Accept-Encoding"] = "gzip"
    session.headers["User-Agent"] = "hromada-desk-sync/1"
    return session


class Transport:
    def __init__(self, base_url: str, token: str | None = None, *,
                 session: requests.Session | None = None,
                 timeout: tuple[float, float] = (CONNECT_TIMEOUT, READ_TIMEOUT)) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.session = session or make_session()
        self.timeout = timeout
        self.bytes_sent = 0
        self.bytes_received = 0
        self.requests = 0

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    def _call(self, method: str, path: str, *, body: Any = None, params: dict | None = None,
              raw: bytes | None = None) -> Any:
        headers = self._headers()
        data = None
        if body is not None:
            compact = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
            data = gzip.compress(compact.encode(), 9)  # the link, not the CPU, is scarce
            headers.update({"Content-Type": "application/json", "Content-Encoding": "gzip"})
        elif raw is not None:
            data = raw
            headers["Content-Type"] = "application/octet-stream"
        try:
            response = self.session.request(method, self.base_url + path, data=data,
                                            params=params, headers=headers,
                                            timeout=self.timeout)
        except requests.exceptions.SSLError as exc:
            raise CertificateProblem(QT_TRANSLATE_NOOP(
                "SyncErrors", "The platform's certificate could not be verified; sync "
                "stopped to keep the data safe.")) from exc
        except requests.exceptions.RequestException as exc:
            raise Offline(QT_TRANSLATE_NOOP(
                "SyncErrors", "No connection to the platform; it will try again later."),
                midway=_lost_midway(exc)) from exc
        self.requests += 1
        self._count(response, data)
        if response.status_code == 413:
            raise TooLarge(_json(response).get("message") or "the request is too large")
        if response.status_code == 409:
            payload = _json(response)
            if payload.get("error") == "gap":
                raise GapRefused(int(payload.get("expected", 1)))
            if payload.get("error") == "diverged":
                body = DivergedBody.model_validate(payload)
                raise Diverged(body.expected, body.diverged_at)
        if response.status_code == 401:
            raise SyncError("the platform did not accept this device: "
                            + _json(response).get("message", "enroll it again"))
        if response.status_code >= 400:
            payload = _json(response)
            error = Unprocessable if response.status_code == 422 else SyncError
            raise error(payload.get("message") or f"the platform answered "
                        f"{response.status_code}")
        return _json(response) if response.content else {}

    def get_bytes(self, path: str) -> bytes:
        """A file download (attachments); errors as for the JSON calls."""
        try:
            response = self.session.get(self.base_url + path, headers=self._headers(),
                                        timeout=self.timeout)
        except requests.exceptions.RequestException as exc:
            raise Offline(QT_TRANSLATE_NOOP(
                "SyncErrors", "No connection to the platform; it will try again later.")) from exc
        self.requests += 1
        self._count(response, None)
        if response.status_code >= 400:
            raise SyncError(_json(response).get("message") or "download refused")
        return response.content

    def _count(self, response: requests.Response, body: bytes | None) -> None:
        """Bytes as they crossed the wire, headers included (what a 2G link pays for):
        the response body before gzip was undone, not the decoded text."""
        request = response.request
        self.bytes_sent += len(body or b"") + len(request.method or "") + len(request.url or "") \
            + sum(len(k) + len(v) + 4 for k, v in request.headers.items()) + 12
        raw = getattr(response, "raw", None)
        wire = raw.tell() if raw is not None and hasattr(raw, "tell") else 0
        self.bytes_received += (wire or len(response.content)) + 16 + sum(
            len(k) + len(v) + 4 for k, v in response.headers.items())

    def get(self, path: str, **params: Any) -> Any:
        return self._call("GET", path, params=params)

    def post(self, path: str, body: Any, **params: Any) -> Any:
        return self._call("POST", path, body=body, params=params or None)

    def put_bytes(self, path: str, raw: bytes, **params: Any) -> Any:
        return self._call("PUT", path, raw=raw, params=params)


def _json(response: requests.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return {}
