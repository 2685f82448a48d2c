"""Guessing costs time: refused credentials from one address are limited, floods are cut, and
a device with a valid token keeps syncing meanwhile. The real platform over HTTP."""

from __future__ import annotations

import requests

from server import auth, service
from server.ratelimit import Limits
from tests.conftest import LiveServer


def _enroll(url: str, code: str) -> requests.Response:
    return requests.post(url + "/v1/enroll", timeout=10, json={
        "code": code, "device_id": "0" * 8 + "-guess", "device_name": "x"})


def test_code_guessing_is_slowed_and_a_valid_device_goes_on(server_db, tmp_path):
    from tests.sync.test_end_to_end import Device

    server = LiveServer(server_db, Limits(failures_burst=5, failures_per_second=0.01))
    try:
        office = service.create_office(server_db, "Офіс")
        laptop = Device(tmp_path, "laptop", server.url, server_db, office)  # enrolled first
        answers = [_enroll(server.url, f"WRONG-{i:04d}") for i in range(12)]
        codes = [a.status_code for a in answers]
        assert codes[:5] == [401] * 5, codes
        assert set(codes[5:]) == {429}, codes
        refused = answers[-1]
        assert int(refused.headers["Retry-After"]) >= 1
        assert refused.json()["error"] == "too_many_failures"
        # Even a right code waits now: guessing and then using a stolen one is no faster.
        right = auth.new_enrollment_code(server_db, office, "office")
        assert _enroll(server.url, right).status_code == 429
        # A device with a valid token is not the guesser: it syncs as usual.
        laptop.store.insert("people", {"last_name": "Далі", "first_name": "Працює",
                                       "gender": "female"})
        assert laptop.sync().pushed == 1
    finally:
        server.stop()


def test_a_flood_from_one_token_is_cut_with_retry_after(server_db, tmp_path):
    from desktop.sync.credentials import load_token
    from tests.sync.test_end_to_end import Device

    server = LiveServer(server_db, Limits(requests_burst=10, requests_per_second=0.5))
    try:
        office = service.create_office(server_db, "Офіс")
        laptop = Device(tmp_path, "laptop", server.url, server_db, office)
        token = load_token(laptop.store.device_id, laptop.dir)
        statuses = [requests.get(server.url + "/v1/pull", timeout=10, params={"cursor": 0},
                                 headers={"Authorization": f"Bearer {token}"}).status_code
                    for _ in range(15)]
        assert statuses.count(429) >= 4, statuses
        assert 200 in statuses
    finally:
        server.stop()


def test_default_limits_let_a_real_sync_through(live_server, tmp_path):
    """The shipped limits never slow an honest device: a sync of 2,000 changes."""
    from tests.sync.test_end_to_end import Device

    office = service.create_office(live_server.db, "Офіс")
    laptop = Device(tmp_path, "laptop", live_server.url, live_server.db, office)
    laptop.store.insert_many("people", ({"last_name": f"Людина{i}", "first_name": "Олена",
                                          "gender": "female"} for i in range(2000)))
    report = laptop.sync()
    assert report.pushed == 2000 and report.rejected == []


def test_the_app_names_too_many_tries_plainly(server_db, tmp_path):
    import pytest

    from desktop.store import open_store
    from desktop.sync.client import TOO_MANY_TRIES, enroll
    from desktop.sync.transport import SyncError

    server = LiveServer(server_db, Limits(failures_burst=2, failures_per_second=0.01))
    try:
        store = open_store(tmp_path / "h.sqlite3")
        for _ in range(2):
            with pytest.raises(SyncError):
                enroll(store, tmp_path, server.url, "WRONG-CODE")
        with pytest.raises(SyncError) as caught:
            enroll(store, tmp_path, server.url, "WRONG-CODE")
        assert str(caught.value) == TOO_MANY_TRIES
        store.close()
    finally:
        server.stop()


def test_guessing_from_many_addresses_is_slowed_platform_wide(server_db, tmp_path):
    """The per-address bucket is set out of reach here, as if every guess came from another
    address: the platform-wide bucket of refused enrollments still stops the guessing, and
    an enrolled device syncs meanwhile."""
    from tests.sync.test_end_to_end import Device

    server = LiveServer(server_db, Limits(failures_burst=1000, failures_per_second=10,
                                          enroll_failures_burst=5,
                                          enroll_failures_per_second=0.01))
    try:
        office = service.create_office(server_db, "Офіс")
        laptop = Device(tmp_path, "laptop", server.url, server_db, office)
        codes = [_enroll(server.url, f"WRONG-{i:04d}").status_code for i in range(9)]
        assert codes[:5] == [401] * 5 and set(codes[5:]) == {429}, codes
        refused = _enroll(server.url, "WRONG-LAST")
        assert "on this platform" in refused.json()["message"]
        laptop.store.insert("people", {"last_name": "Далі", "first_name": "Працює",
                                       "gender": "female"})
        assert laptop.sync().pushed == 1
    finally:
        server.stop()
