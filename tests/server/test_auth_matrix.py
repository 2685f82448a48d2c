"""Every endpoint against every kind of caller that should get nothing: no token, a malformed
one, a revoked device's, another office's, and an office token writing the council's fields.
Counted over real HTTP: 0 leaks (nothing of office A in any answer), 0 unauthorised writes
(the platform's records are exactly as before), 0 server errors."""

from __future__ import annotations

import hashlib
import json

import requests

from desktop.store.ids import new_id
from server import auth, service
from tests.server.test_api import change, enroll, person, push

SECRET_NAME = "Таємниченко"
FILE = b"passport scan of office A " * 40
SHA = hashlib.sha256(FILE).hexdigest()


def _records(db) -> list[tuple]:
    with db.transaction() as tx:
        return tx.all("SELECT tbl, id, rev, data FROM records ORDER BY tbl, id")


def test_no_caller_outside_the_scope_gets_or_changes_anything(live_server):
    db, url = live_server.db, live_server.url
    office_a = service.create_office(db, "Офіс А")
    office_b = service.create_office(db, "Офіс Б")
    dev_a, h_a = enroll(live_server, office_a)
    person_id, idea_id, attachment_id = new_id(), new_id(), new_id()
    pushed = push(live_server, dev_a, h_a, [
        change(1, "people", person_id, person(last_name=SECRET_NAME, office_id=office_a)),
        change(2, "ideas", idea_id, {"title": "Ідея", "description": "Опис",
                                     "channel": "appeal", "received_on": "2026-11-20",
                                     "status": "new", "office_id": office_a}),
    ])
    assert pushed.status_code == 200
    uploaded = requests.put(f"{url}/v1/attachments/{SHA}", data=FILE, headers={
        **h_a, "Content-Type": "application/octet-stream"}, timeout=10,
        params={"offset": 0, "total": len(FILE)})
    assert uploaded.status_code in (200, 201, 204), uploaded.text
    assert push(live_server, dev_a, h_a, [change(3, "attachments", attachment_id, {
        "owner_table": "people", "owner_id": person_id, "sha256": SHA,
        "filename": "scan.pdf", "size": len(FILE), "mime_type": "application/pdf"})
    ]).status_code == 200

    revoked_id, h_revoked = enroll(live_server, office_a)
    assert auth.revoke(db, revoked_id)
    dev_b, h_b = enroll(live_server, office_b)
    callers = {
        "no token": {},
        "malformed": {"Authorization": "Bearer"},
        "garbage": {"Authorization": "Bearer " + "x" * 64},
        "not bearer": {"Authorization": "Basic dXNlcjpwYXNz"},
        "revoked": h_revoked,
        "other office": h_b,
    }
    before = _records(db)
    answers: list[tuple[str, str, int, bytes]] = []
    for name, headers in callers.items():
        device = dev_b if name == "other office" else revoked_id
        calls = [
            ("GET", "/v1/pull", {"params": {"cursor": 0}}),
            ("GET", f"/v1/attachments/{SHA}", {}),
            ("GET", f"/v1/attachments/{SHA}/status", {}),
            ("HEAD", f"/v1/attachments/{SHA}", {}),
            ("PUT", f"/v1/attachments/{SHA}", {"data": b"overwrite", "params": {
                "offset": 0, "total": 9}, "headers": {
                "Content-Type": "application/octet-stream"}}),
            ("POST", "/v1/push", {"json": {"device_id": device, "changes": [
                change(1, "people", person_id, {"last_name": "Змінено"}, op="update",
                       hlc_ms=1895456133980),
                change(2, "ideas", idea_id, {"status": "answered", "response": "Ні",
                                             "responded_on": "2026-11-25"}, op="update",
                       hlc_ms=1895456133980),
                change(3, "people", new_id(), person(office_id=office_a)),
            ]}}),
        ]
        for method, path, extra in calls:
            extra_headers = extra.pop("headers", {})
            response = requests.request(method, url + path, timeout=10,
                                        headers={**headers, **extra_headers}, **extra)
            answers.append((name, f"{method} {path}", response.status_code, response.content))

    problems = []
    for name, call, status, body in answers:
        if status >= 500:
            problems.append(f"{name} {call}: server error {status}")
        if SECRET_NAME.encode() in body or SECRET_NAME in body.decode("utf-8", "replace"):
            problems.append(f"{name} {call}: leaked office A's person")
        if body.startswith(FILE[:20]):
            problems.append(f"{name} {call}: leaked office A's file")
        if call.endswith("/status") and status == 200 and json.loads(body).get("complete"):
            problems.append(f"{name} {call}: confirmed the file exists")
    assert problems == [], problems
    # HEAD and status answer the same for office A's file as for a file nobody has.
    nobody = hashlib.sha256(b"no such file").hexdigest()
    for path in ("/v1/attachments/{}", "/v1/attachments/{}/status"):
        for method in ("HEAD", "GET") if path.endswith("/status") else ("HEAD",):
            seen = [(r.status_code, r.content) for r in (
                requests.request(method, url + path.format(sha), headers=h_b, timeout=10)
                for sha in (SHA, nobody))]
            assert seen[0] == seen[1], (method, path, seen)
    # Not one write went through: every record on the platform is as it was.
    assert _records(db) == before
    # The other office's device was answered (it is enrolled), but with its own scope only.
    pulled = [a for a in answers if a[0] == "other office" and a[1] == "GET /v1/pull"]
    assert pulled and pulled[0][2] == 200


def test_an_office_token_cannot_write_the_councils_fields(live_server):
    db = live_server.db
    office = service.create_office(db, "Офіс")
    dev, h = enroll(live_server, office)
    idea = new_id()
    push(live_server, dev, h, [change(1, "ideas", idea, {
        "title": "Ідея", "description": "Опис", "channel": "appeal",
        "received_on": "2026-11-20", "status": "new", "office_id": office})])
    before = _records(db)
    attempts = [
        ("ideas", idea, {"response": "Сам собі відповів", "responded_on": "2026-11-21"}),
        ("ideas", idea, {"status": "answered"}),
        ("offices", office, {"name": "Перейменовано"}),
        ("districts", new_id(), {"name": "Новий округ"}),
    ]
    for number, (table, record_id, fields) in enumerate(attempts, start=2):
        op = "insert" if table == "districts" else "update"
        answer = push(live_server, dev, h, [change(number, table, record_id, fields, op=op,
                                                   hlc_ms=1895456133980)])
        assert answer.status_code == 200
        assert answer.json()["results"][0]["status"] == "rejected", (table, fields)
    assert _records(db) == before
