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
from desktop.sync.transport import SyncError, Transport
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
    transport = transport or Transport(url)
    request = EnrollRequest(code=code.strip(), device_id=store.device_id,
                            device_name=platform.node()[:200])
    answer = EnrollResponse.model_validate(transport.post("/v1/enroll", request.model_dump()))
    warning = save_token(store.device_id, answer.token, data_dir)
    store.set_meta(syncstate.SERVER_URL, url.rstrip("/"))
    store.set_meta(syncstate.ROLE, answer.role)
    if answer.office_id:
        from desktop.store.setup import adopt_platform_office

        # An office that started on its own: its records move to the platform's office
        # before anything is pushed, so nothing has to be typed again.
        adopt_platform_office(store, answer.office_id)
        store.set_meta("office_id", answer.office_id)
    return answer, warning


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
