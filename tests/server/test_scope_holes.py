"""Holes an attacker found (issue 10), closed: an office cannot undo the council's answer, and
a fresh enrollment code cannot take over a device in use. Over real HTTP."""

from __future__ import annotations

import requests

from desktop.store.ids import new_id
from server import auth, service
from tests.server.test_api import change, enroll, push

IDEA = {"title": "Ліхтарі на вулиці Садовій", "description": "Темно ввечері",
        "channel": "appeal", "received_on": "2026-11-20", "status": "new"}


def _statuses(response):
    assert response.status_code == 200, response.text
    return [(r["status"], r.get("reason")) for r in response.json()["results"]]


def test_an_office_cannot_erase_or_undo_the_councils_answer(live_server):
    db = live_server.db
    office = service.create_office(db, "Офіс")
    dev, h = enroll(live_server, office)
    council, hc = enroll(live_server, None, role="council")
    idea = new_id()
    assert _statuses(push(live_server, dev, h, [
        change(1, "ideas", idea, {**IDEA, "office_id": office})]))[0][0] == "applied"
    assert _statuses(push(live_server, council, hc, [
        change(1, "ideas", idea, {"status": "answered", "response": "Встановимо до березня",
                                  "responded_on": "2026-11-25"}, op="update",
               hlc_ms=1795456200000, device="council")]))[0][0] == "applied"
    attempts = [
        {"response": None, "responded_on": None},   # clearing the answer
        {"response": "Інша відповідь"},             # rewriting it
        {"status": "new"},                          # taking the idea back
        {"status": "forwarded"},
    ]
    for number, fields in enumerate(attempts, start=2):
        result = _statuses(push(live_server, dev, h, [
            change(number, "ideas", idea, fields, op="update", hlc_ms=1795456300000,
                   device="office")]))
        assert result[0][0] == "rejected", (fields, result)
        assert "council" in result[0][1]
    with db.transaction() as tx:
        row = tx.one("SELECT data FROM records WHERE tbl = 'ideas' AND id = ?", (idea,))
    import json

    data = json.loads(row[0])
    assert (data["status"], data["response"]) == ("answered", "Встановимо до березня")
    # Before the council takes it up, the office may still forward its own idea.
    other = new_id()
    _statuses(push(live_server, dev, h, [change(6, "ideas", other, {**IDEA,
                                                                   "office_id": office})]))
    assert _statuses(push(live_server, dev, h, [
        change(7, "ideas", other, {"status": "forwarded"}, op="update")]))[0][0] == "applied"


def test_a_fresh_code_does_not_take_over_a_device_in_use(live_server):
    db = live_server.db
    office = service.create_office(db, "Офіс")
    device_id, headers = enroll(live_server, office)
    code = auth.new_enrollment_code(db, office, "office")
    taken = requests.post(f"{live_server.url}/v1/enroll",
                          json={"code": code, "device_id": device_id, "device_name": "x"})
    assert taken.status_code == 401 and "already enrolled" in taken.json()["message"]
    # The device in use still works.
    still = requests.get(f"{live_server.url}/v1/pull", headers=headers)
    assert still.status_code == 200
    # After the council revokes it (its access was lost), it can be enrolled again.
    assert auth.revoke(db, device_id)
    again = requests.post(f"{live_server.url}/v1/enroll",
                          json={"code": auth.new_enrollment_code(db, office, "office"),
                                "device_id": device_id, "device_name": "x"})
    assert again.status_code == 200


def test_a_chunked_body_without_a_token_is_cut_off_at_the_limit(live_server):
    from server.api import MAX_BLOB_BYTES

    sent = 0

    def chunks():
        nonlocal sent
        block = b"x" * (1024 * 1024)
        while sent <= MAX_BLOB_BYTES + 8 * len(block):
            sent += len(block)
            yield block

    try:
        r = requests.post(f"{live_server.url}/v1/push", data=chunks(),
                          headers={"Content-Type": "application/json"}, timeout=60)
    except requests.exceptions.ConnectionError:
        return  # the platform closed the connection after refusing the body: also fine
    # 413 (too large), not 401: the limit holds before the token is even looked at.
    assert r.status_code == 413 and r.json()["error"] == "too_large"


def test_naming_another_offices_file_gives_no_access(live_server):
    """Office A's scan cannot be read by office B: not by naming its hash in a record of its
    own, and /status or HEAD say nothing about it. B gets it only by uploading the bytes."""
    import hashlib

    db = live_server.db
    office_a = service.create_office(db, "Офіс А")
    office_b = service.create_office(db, "Офіс Б")
    dev_a, ha = enroll(live_server, office_a)
    dev_b, hb = enroll(live_server, office_b)
    _council, hc = enroll(live_server, None, role="council")
    scan = b"%PDF passport scan " + bytes(range(256)) * 50
    sha = hashlib.sha256(scan).hexdigest()
    url = f"{live_server.url}/v1/attachments/{sha}"
    assert requests.put(url, headers=ha, data=scan,
                        params={"offset": 0, "total": len(scan)}).json()["complete"]
    person_b = new_id()
    _statuses(push(live_server, dev_b, hb, [
        change(1, "people", person_b, {"last_name": "Коваль", "first_name": "Олена",
                                       "gender": "female"}),
        change(2, "attachments", new_id(), {"owner_table": "people", "owner_id": person_b,
                                            "sha256": sha, "filename": "scan.pdf"})]))
    assert requests.get(url, headers=hb).status_code == 404
    assert requests.get(url + "/status", headers=hb).json() == {"complete": False,
                                                                 "received": 0}
    assert requests.get(url, headers=ha).content == scan  # the owner office reads it
    assert requests.get(url, headers=hc).content == scan  # and the council
    # B really has the same file: uploading its bytes proves it, and then B may read it.
    assert requests.put(url, headers=hb, data=scan,
                        params={"offset": 0, "total": len(scan)}).json()["complete"]
    assert requests.get(url, headers=hb).content == scan
    assert dev_a != dev_b
