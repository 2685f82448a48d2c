"""The two things a person (or a scheduled task) does with sync: enroll once, then sync."""

from __future__ import annotations

import platform
from collections.abc import Callable
from pathlib import Path

from desktop.domain.i18n import QT_TRANSLATE_NOOP
from desktop.store import syncstate
from desktop.store.records import Store
from desktop.sync.credentials import load_token, save_token
from desktop.sync.engine import SyncEngine, SyncReport
from desktop.sync.transport import (
    CertificateProblem,
    Offline,
    SyncError,
    Transport,
    make_session,
)
from desktop.sync.wire import EnrollRequest, EnrollResponse


def _loopback(url: str) -> bool:
    from urllib.parse import urlsplit

    return (urlsplit(url).hostname or "") in ("127.0.0.1", "localhost", "::1")


def enroll(store: Store, data_dir: Path, url: str, code: str,
           transport: Transport | None = None, *,
           allow_http: bool = False) -> tuple[EnrollResponse, str | None]:
    """Enroll this device with a one-time code; returns the answer and a storage warning."""
    if not url.startswith(("http://", "https://")):
        raise SyncError(f"{url!r} is not a web address (it must start with https://)")
    if url.startswith("http://") and not allow_http and not _loopback(url):
        raise SyncError(QT_TRANSLATE_NOOP(
            "SyncErrors", "The platform's address must start with https:// (the code and "
            "everything sent later would travel unencrypted). Ask the council for the "
            "https:// address."))
    # A person waits at the form: two quick retries, not the patient schedule of a sync, and
    # "too many tries" is said at once rather than waited out behind a frozen form.
    transport = transport or Transport(url, session=make_session(
        retries=2, backoff=0.3, retry_statuses=(502, 503, 504)))
    _check_is_platform(transport)
    request = EnrollRequest(code=code.strip(), device_id=store.device_id,
                            device_name=platform.node()[:200])
    try:
        reply = transport.post("/v1/enroll", request.model_dump())
    except (Offline, CertificateProblem):
        raise
    except SyncError as exc:
        raise SyncError(_plain_enroll_refusal(str(exc))) from exc
    try:
        answer = EnrollResponse.model_validate(reply)
    except ValueError as exc:
        raise SyncError(NOT_A_PLATFORM) from exc
    warning = save_token(store.device_id, answer.token, data_dir)
    store.set_meta(syncstate.SERVER_URL, url.rstrip("/"))
    store.set_meta(syncstate.ROLE, answer.role)
    if answer.office_id:
        from desktop.store.setup import adopt_platform_office, ensure_office_row

        # An office that started on its own: its records move to the platform's office
        # before anything is pushed, so nothing has to be typed again.
        adopt_platform_office(store, answer.office_id)
        ensure_office_row(store, answer.office_id, answer.office_name)
        store.set_meta("office_id", answer.office_id)
    return answer, warning


NOT_A_PLATFORM = QT_TRANSLATE_NOOP(
    "SyncErrors", "Something answers at this address, but it is not a Hromada platform. "
    "Check the address the council gave you.")
WRONG_CODE = QT_TRANSLATE_NOOP(
    "SyncErrors", "The code is wrong. Check it letter by letter, or ask the council for a new "
    "one.")
EXPIRED_CODE = QT_TRANSLATE_NOOP(
    "SyncErrors", "This code has expired. Ask the council for a new one.")
USED_CODE = QT_TRANSLATE_NOOP(
    "SyncErrors", "This code has already been used. Ask the council for a new one.")
TOO_MANY_TRIES = QT_TRANSLATE_NOOP(
    "SyncErrors", "Too many wrong codes were tried from this place. Wait a minute, check the "
    "code, and try again.")
ALREADY_ENROLLED = QT_TRANSLATE_NOOP(
    "SyncErrors", "The platform already knows this device. Ask the council to revoke its "
    "old access first, then use a new code.")


def _check_is_platform(transport: Transport) -> None:
    """A wrong address (a web site, a router's page) must say so, not 'wrong code'."""
    try:
        health = transport.get("/v1/health")
    except (Offline, CertificateProblem):
        raise
    except SyncError as exc:
        raise SyncError(NOT_A_PLATFORM) from exc
    if not isinstance(health, dict) or health.get("status") != "ok":
        raise SyncError(NOT_A_PLATFORM)


def _plain_enroll_refusal(message: str) -> str:
    """The platform's refusal, as one of the sentences the app can say in Ukrainian."""
    lowered = message.lower()
    for marker, sentence in (("too many", TOO_MANY_TRIES),
                             ("expired", EXPIRED_CODE), ("already been used", USED_CODE),
                             ("already enrolled", ALREADY_ENROLLED),
                             ("another office", ALREADY_ENROLLED), ("not valid", WRONG_CODE)):
        if marker in lowered:
            return sentence
    return message


def make_engine(store: Store, data_dir: Path, *, cancel: Callable[[], bool] | None = None,
                progress: Callable[[str], None] | None = None,
                transport: Transport | None = None) -> SyncEngine:
    url = store.get_meta(syncstate.SERVER_URL)
    if not url:
        raise SyncError(QT_TRANSLATE_NOOP(
            "SyncErrors", "This device is not enrolled yet: enroll it in Settings (or run "
            "hromada-desk enroll URL CODE)."))
    token = load_token(store.device_id, data_dir)
    if not token:
        raise SyncError(QT_TRANSLATE_NOOP(
            "SyncErrors", "The sync token of this device is missing; enroll it again."))
    transport = transport or Transport(url, token)
    return SyncEngine(store, transport, data_dir, cancel=cancel, progress=progress)


def sync_once(store: Store, data_dir: Path, **kwargs: object) -> SyncReport:
    return make_engine(store, data_dir, **kwargs).run()  # type: ignore[arg-type]
