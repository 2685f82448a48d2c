"""The platform's API, over real HTTP, on SQLite and PostgreSQL."""

from __future__ import annotations

import gzip
import json

import requests

from desktop.store.ids import new_id
from server import auth, service

HLC = "1795456133980-00000-"


def enroll(server, office_id, role="office"):
    code = auth.new_enrollment_code(server.db, office_id, role)
    device_id = new_id()
    r = requests.post(f"{server.url}/v1/enroll",
                      json={"code": code, "device_id": device_id, "device_name": "test"})
    assert r.status_code == 200, r.text
    return device_id, {"Authorization": f"Bearer {r.json()['token']}"}


def person(**extra):
    return {"last_name": "Коваль", "first_name": "Олена", "gender": "female", **extra}


def change(mutation, table, record_id, fields, op="insert", hlc_ms=1795456133980, device="d",
           base_rev=None):
    return {"mutation": mutation, "change_id": new_id(), "table": table, "record_id": record_id,
            "op": op, "fields": fields, "base_rev": base_rev,
            "hlc": f"{hlc_ms:013d}-00000-{device}", "changed_at": "2026-11-23T10:00:00.000Z"}


def push(server, device_id, headers, changes):
    return requests.post(f"{server.url}/v1/push", headers=headers,
                         json={"device_id": device_id, "changes": changes})


def pull_all(server, headers, cursor=0):
    rows = []
    while True:
        r = requests.get(f"{server.url}/v1/pull", headers=headers,
                         params={"cursor": cursor, "limit": 50})
        assert r.status_code == 200, r.text
        page = r.json()
        rows += page["rows"]
        cursor = page["cursor"]
        if not page["more"]:
            return rows, page


def test_enrollment_code_is_one_time_and_checked(live_server):
    office = service.create_office(live_server.db, "Офіс звʼязку Десна")
    code = auth.new_enrollment_code(live_server.db, office, "office")
    body = {"code": code, "device_id": new_id(), "device_name": "ноутбук"}
    first = requests.post(f"{live_server.url}/v1/enroll", json=body)
    assert first.status_code == 200 and first.json()["office_name"] == "Офіс звʼязку Десна"
    again = requests.post(f"{live_server.url}/v1/enroll",
                          json={**body, "device_id": new_id()})
    assert again.status_code == 401 and "already been used" in again.json()["message"]
    wrong = requests.post(f"{live_server.url}/v1/enroll",
                          json={**body, "code": "AAAA-BBBB-CCCC"})
    assert wrong.status_code == 401 and "not valid" in wrong.json()["message"]


def test_push_is_exactly_once_and_refuses_gaps(live_server):
    office = service.create_office(live_server.db, "Офіс")
    dev, h = enroll(live_server, office)
    pid = new_id()
    batch = [change(1, "people", pid, person()),
             change(2, "people", pid, {"phone": "+380671234567"}, op="update")]
    r = push(live_server, dev, h, batch)
    assert [x["status"] for x in r.json()["results"]] == ["applied", "applied"]
    # The response was "lost": the client sends the same batch again.
    r = push(live_server, dev, h, batch)
    assert [x["status"] for x in r.json()["results"]] == ["duplicate", "duplicate"]
    assert r.json()["last_mutation"] == 2
    r = push(live_server, dev, h, [change(5, "people", new_id(), person())])
    assert r.status_code == 409 and r.json()["expected"] == 3
    rows, _ = pull_all(live_server, h)
    people = [x for x in rows if x["table"] == "people"]
    assert len(people) == 1 and people[0]["data"]["phone"] == "+380671234567"


def test_rejected_change_does_not_block_the_queue(live_server):
    office = service.create_office(live_server.db, "Офіс")
    dev, h = enroll(live_server, office)
    r = push(live_server, dev, h, [
        change(1, "people", new_id(), {"first_name": "Без прізвища", "gender": "female"}),
        change(2, "people", new_id(), person()),
        change(3, "districts", new_id(), {"name": "Новий округ"}),
    ])
    statuses = [x["status"] for x in r.json()["results"]]
    assert statuses == ["rejected", "applied", "rejected"]
    reasons = [x["reason"] for x in r.json()["results"]]
    assert "Last name" in reasons[0]
    assert "council" in reasons[2]
    assert r.json()["last_mutation"] == 3


def test_office_scope_is_decided_by_the_token(live_server):
    a = service.create_office(live_server.db, "Офіс А")
    b = service.create_office(live_server.db, "Офіс Б")
    dev_a, ha = enroll(live_server, a)
    dev_b, hb = enroll(live_server, b)
    _, hc = enroll(live_server, None, role="council")
    pid = new_id()
    event = new_id()
    push(live_server, dev_a, ha, [
        change(1, "people", pid, person(phone="+380671234567")),
        change(2, "events", event, {"title": "Слухання", "kind": "public_hearing",
                                    "office_id": a, "starts_at": "2026-12-01T10:00"}),
    ])
    rows_b, _ = pull_all(live_server, hb)
    assert not [r for r in rows_b if r["table"] == "people"], "B must not see A's people"
    assert [r["id"] for r in rows_b if r["table"] == "events"] == [event]
    rows_c, _ = pull_all(live_server, hc)
    assert pid in {r["id"] for r in rows_c}
    # B tries to change A's person and A's event, and to create a record for A.
    r = push(live_server, dev_b, hb, [
        change(1, "people", pid, {"last_name": "Зламано"}, op="update"),
        change(2, "events", event, {"title": "Зламано"}, op="update"),
        change(3, "people", new_id(), person(office_id=a)),
    ])
    assert [x["status"] for x in r.json()["results"]] == ["rejected"] * 3
    # A request parameter cannot widen scope: the office id in the query is ignored.
    r = requests.get(f"{live_server.url}/v1/pull", headers=hb,
                     params={"cursor": 0, "office_id": a})
    assert pid not in {row["id"] for row in r.json()["rows"]}


def test_only_the_council_answers_ideas(live_server):
    office = service.create_office(live_server.db, "Офіс")
    dev, h = enroll(live_server, office)
    council, hc = enroll(live_server, None, role="council")
    idea = new_id()
    fields = {"title": "Ліхтарі", "description": "Темно біля школи", "channel": "appeal",
              "office_id": office, "received_on": "2026-11-20", "status": "new"}
    assert push(live_server, dev, h, [change(1, "ideas", idea, fields)]).json()[
        "results"][0]["status"] == "applied"
    r = push(live_server, dev, h, [change(2, "ideas", idea, {"status": "accepted",
                                                              "response": "Так"}, op="update")])
    assert r.json()["results"][0]["status"] == "rejected"
    r = push(live_server, council, hc, [change(1, "ideas", idea, {
        "status": "answered", "response": "Встановимо до весни", "responded_on": "2026-11-23"},
        op="update", hlc_ms=1795456134000)])
    assert r.json()["results"][0]["status"] == "applied"
    rows, _ = pull_all(live_server, h)
    answered = next(x for x in rows if x["id"] == idea)
    assert answered["data"]["response"] == "Встановимо до весни"


def test_concurrent_edits_merge_by_field_and_keep_the_loser(live_server):
    a = service.create_office(live_server.db, "А")
    b = service.create_office(live_server.db, "Б")
    dev_a, ha = enroll(live_server, a)
    dev_b, hb = enroll(live_server, b)
    org = new_id()
    push(live_server, dev_a, ha, [change(1, "organizations", org, {
        "name": "ГО «Світанок»", "legal_form": "public_organization"}, device=dev_a)])
    rows, _ = pull_all(live_server, hb)
    base = next(r["rev"] for r in rows if r["id"] == org)
    # Both offices edit offline from the same base: different fields and the same field.
    push(live_server, dev_a, ha, [change(2, "organizations", org, {
        "phone": "+380671111111", "website": "https://a.example"}, op="update",
        hlc_ms=1795456140000, device=dev_a, base_rev=base)])
    push(live_server, dev_b, hb, [change(1, "organizations", org, {
        "email": "b@example.org", "website": "https://b.example"}, op="update",
        hlc_ms=1795456150000, device=dev_b, base_rev=base)])
    rows, _ = pull_all(live_server, ha)
    merged = next(r for r in rows if r["id"] == org)["data"]
    assert merged["phone"] == "+380671111111" and merged["email"] == "b@example.org"
    assert merged["website"] == "https://b.example"  # the later HLC wins
    conflicts = [r["data"] for r in rows if r["table"] == "conflicts"]
    assert len(conflicts) == 1
    assert conflicts[0]["field"] == "website"
    assert conflicts[0]["losing_value"] == "https://a.example"
    assert conflicts[0]["winning_value"] == "https://b.example"


def test_same_check_in_from_two_laptops_is_one_record(live_server):
    from desktop.store.ids import attendance_id

    office = service.create_office(live_server.db, "Офіс")
    d1, h1 = enroll(live_server, office)
    d2, h2 = enroll(live_server, office)
    pid, event = new_id(), new_id()
    push(live_server, d1, h1, [
        change(1, "people", pid, person()),
        change(2, "events", event, {"title": "Форум", "kind": "forum", "office_id": office,
                                    "starts_at": "2026-11-23T10:00"})])
    aid = attendance_id(pid, event)
    fields = {"event_id": event, "person_id": pid, "status": "attended"}
    push(live_server, d1, h1, [change(3, "attendance", aid, {
        **fields, "checked_in_at": "2026-11-23T10:01"}, device=d1)])
    push(live_server, d2, h2, [change(1, "attendance", aid, {
        **fields, "checked_in_at": "2026-11-23T10:03"}, hlc_ms=1795456139999, device=d2)])
    rows, _ = pull_all(live_server, h1)
    assert len([r for r in rows if r["table"] == "attendance"]) == 1
    conflicts = [r["data"] for r in rows if r["table"] == "conflicts"]
    assert [c["field"] for c in conflicts] == ["checked_in_at"]


def test_pull_ends_with_checksums_and_pages(live_server):
    office = service.create_office(live_server.db, "Офіс")
    dev, h = enroll(live_server, office)
    push(live_server, dev, h, [change(i + 1, "people", new_id(), person()) for i in range(120)])
    rows, last = pull_all(live_server, h)
    assert len([r for r in rows if r["table"] == "people"]) == 120
    assert last["checksums"]["people"]["count"] == 120
    first = requests.get(f"{live_server.url}/v1/pull", headers=h, params={"limit": 50}).json()
    assert first["more"] and first["checksums"] is None and len(first["rows"]) == 50


def test_bad_requests_get_clear_4xx(live_server):
    office = service.create_office(live_server.db, "Офіс")
    dev, h = enroll(live_server, office)
    url = live_server.url
    cases = [
        requests.post(f"{url}/v1/push", json={"device_id": dev, "changes": []}),  # no token
        requests.post(f"{url}/v1/push", headers={**h, "Content-Type": "application/json"},
                      data="{not json"),
        requests.post(f"{url}/v1/push", headers=h, json={"device_id": dev, "changes": [
            {"mutation": 1, "table": "people"}]}),
        requests.post(f"{url}/v1/push", headers=h, json={"device_id": dev, "changes": [],
                                                         "extra": 1}),
        requests.get(f"{url}/v1/pull", headers=h, params={"cursor": -1}),
        requests.get(f"{url}/v1/pull", headers=h, params={"limit": 10**9}),
        requests.post(f"{url}/v1/push", headers={**h, "Content-Encoding": "gzip",
                                                 "Content-Type": "application/json"},
                      data=b"not gzip at all"),
        requests.post(f"{url}/v1/push", headers={**h, "Content-Encoding": "gzip",
                                                 "Content-Type": "application/json"},
                      data=gzip.compress(b"[" + b" " * (20 * 1024 * 1024) + b"]")),
        requests.post(f"{url}/v1/push", headers=h, json={"device_id": "someone-else",
                                                         "changes": []}),
        requests.put(f"{url}/v1/attachments/not-a-hash", headers=h, data=b"x"),
    ]
    for response in cases:
        assert 400 <= response.status_code < 500, (response.status_code, response.text)
        body = response.json()
        assert body["error"] and body["message"], body


def test_gzip_push_and_response(live_server):
    office = service.create_office(live_server.db, "Офіс")
    dev, h = enroll(live_server, office)
    body = json.dumps({"device_id": dev, "changes": [
        change(i + 1, "people", new_id(), person()) for i in range(50)]}).encode()
    r = requests.post(f"{live_server.url}/v1/push", data=gzip.compress(body),
                      headers={**h, "Content-Encoding": "gzip",
                               "Content-Type": "application/json"})
    assert r.status_code == 200 and r.json()["last_mutation"] == 50
    r = requests.get(f"{live_server.url}/v1/pull", headers={**h, "Accept-Encoding": "gzip"},
                     stream=True)
    assert r.headers.get("content-encoding") == "gzip"


def test_attachment_upload_resumes_and_is_verified(live_server):
    import hashlib

    office = service.create_office(live_server.db, "Офіс")
    _, h = enroll(live_server, office)
    blob = bytes(range(256)) * 4000
    sha = hashlib.sha256(blob).hexdigest()
    url = f"{live_server.url}/v1/attachments/{sha}"
    r = requests.put(url, headers=h, data=blob[:300_000],
                     params={"offset": 0, "total": len(blob)})
    assert r.json() == {"complete": False, "received": 300_000}
    assert requests.get(url + "/status", headers=h).json()["received"] == 300_000
    wrong = requests.put(url, headers=h, data=blob[100:200],
                         params={"offset": 100, "total": len(blob)})
    assert wrong.status_code == 409 and "300000" in wrong.json()["message"]
    r = requests.put(url, headers=h, data=blob[300_000:],
                     params={"offset": 300_000, "total": len(blob)})
    assert r.json()["complete"] is True
    again = requests.put(url, headers=h, data=blob, params={"offset": 0, "total": len(blob)})
    assert again.json()["complete"] is True  # never stored twice


def test_openapi_is_published(live_server):
    doc = requests.get(f"{live_server.url}/openapi.json").json()
    assert {"/v1/push", "/v1/pull", "/v1/enroll"} <= set(doc["paths"])


def test_a_push_whose_records_keep_changing_is_refused_as_busy_and_changes_nothing(
        live_server, monkeypatch):
    """Planned again and again because other offices kept changing its records, a push
    gives up with 503 (the device's transport retries that after a pause), and neither its
    records nor its mutations were taken: the same push is applied when sent again."""
    office = service.create_office(live_server.db, "Офіс")
    dev, h = enroll(live_server, office)
    pid = new_id()
    batch = [change(1, "people", pid, person())]
    monkeypatch.setattr(service._Batch, "still_current", lambda self, tx: False)
    busy = push(live_server, dev, h, batch)
    monkeypatch.undo()
    assert busy.status_code == 503 and busy.json()["error"] == "busy"
    rows, _ = pull_all(live_server, h)
    assert not [x for x in rows if x["table"] == "people"]
    again = push(live_server, dev, h, batch)
    assert [x["status"] for x in again.json()["results"]] == ["applied"]
    assert again.json()["last_mutation"] == 1
