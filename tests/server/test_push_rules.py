"""What the platform refuses, change by change, so that no record can stop another device:
values no copy could store, references to records it does not hold, outboxes that went back
in time. Over real HTTP, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import math
from types import SimpleNamespace

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.store.ids import attendance_id, new_id
from desktop.store.schema import RECORD_TABLES
from server import auth, service
from tests.server.test_api import change, enroll, person, pull_all, push

EVENT = {"title": "Збори", "kind": "meeting", "starts_at": "2026-11-20T10:00"}


def _statuses(response):
    assert response.status_code == 200, response.text
    return [(r["status"], r.get("reason")) for r in response.json()["results"]]


@pytest.mark.parametrize(("field", "value", "words"), [
    ("capacity", 10**30, "too large"),
    ("capacity", 2**63, "too large"),
    ("capacity", 1e300, "whole number"),
    ("capacity", 12.5, "whole number"),
    ("capacity", True, "whole number"),
    ("capacity", 5_000_000, "between"),
    ("title", 123, "must be text"),
    ("title", "Збори\x00", "control characters"),
    ("title", "x" * 20_001, "longer than"),
    ("starts_at", "вчора", "date and time"),
])
def test_values_no_copy_could_store_are_refused_alone(live_server, field, value, words):
    office = service.create_office(live_server.db, "Офіс")
    dev, h = enroll(live_server, office)
    good_person = new_id()
    bad_event = new_id()
    batch = [change(1, "events", bad_event, {**EVENT, "office_id": office, field: value}),
             change(2, "people", good_person, person())]
    results = _statuses(push(live_server, dev, h, batch))
    assert results[0][0] == "rejected" and words in results[0][1], results
    assert results[1] == ("applied", None)  # the queue goes on past the refused change
    rows, _ = pull_all(live_server, h)
    ids = {r["id"] for r in rows}
    assert good_person in ids and bad_event not in ids


def test_nan_in_a_push_is_refused_alone(live_server):
    office = service.create_office(live_server.db, "Офіс")
    dev, h = enroll(live_server, office)
    body = {"device_id": dev, "changes": [
        change(1, "events", new_id(), {**EVENT, "office_id": office, "capacity": math.nan}),
        change(2, "people", new_id(), person())]}
    raw = json.dumps(body)  # Python writes NaN, as a careless client would
    r = requests.post(f"{live_server.url}/v1/push", data=raw,
                      headers={**h, "Content-Type": "application/json"})
    results = _statuses(r)
    assert results[0][0] == "rejected" and results[1][0] == "applied"


def test_envelope_with_control_characters_is_a_clear_422(live_server):
    office = service.create_office(live_server.db, "Офіс")
    dev, h = enroll(live_server, office)
    bad = change(1, "people", "abc\x00defgh-123", person())
    r = push(live_server, dev, h, [bad])
    assert r.status_code == 422 and r.json()["error"] == "invalid_request"


def test_references_to_records_the_platform_lacks_are_refused(live_server):
    db = live_server.db
    office_a = service.create_office(db, "Офіс А")
    office_b = service.create_office(db, "Офіс Б")
    dev_a, ha = enroll(live_server, office_a)
    dev_b, hb = enroll(live_server, office_b)
    event = new_id()
    anna = new_id()
    # A person and their attendance in one batch apply in order.
    results = _statuses(push(live_server, dev_a, ha, [
        change(1, "events", event, {**EVENT, "office_id": office_a}),
        change(2, "people", anna, person()),
        change(3, "attendance", attendance_id(anna, event),
               {"event_id": event, "person_id": anna, "status": "attended"}),
    ]))
    assert [s for s, _ in results] == ["applied"] * 3
    ghost = new_id()
    stranger = new_id()
    results = _statuses(push(live_server, dev_b, hb, [
        # a person the platform never received (refused earlier, or never sent)
        change(1, "attendance", attendance_id(ghost, event),
               {"event_id": event, "person_id": ghost, "status": "attended"}),
        # office A's person, named by office B
        change(2, "attendance", attendance_id(anna, event),
               {"event_id": event, "person_id": anna, "status": "registered"}),
        # an id that does not come from its person and event
        change(3, "people", stranger, person()),
        change(4, "attendance", new_id(),
               {"event_id": event, "person_id": stranger, "status": "attended"}),
        # the shared event is fine to attend from another office
        change(5, "attendance", attendance_id(stranger, event),
               {"event_id": event, "person_id": stranger, "status": "attended"}),
        # an idea whose author is office A's person
        change(6, "ideas", new_id(), {
            "title": "Ліхтарі", "description": "На вулиці темно", "channel": "appeal",
            "office_id": office_b, "received_on": "2026-11-20", "status": "new",
            "author_person_id": anna}),
    ]))
    assert results[0][0] == "rejected" and "does not have" in results[0][1]
    assert results[1][0] == "rejected"  # another office's record, whatever the reason says
    assert results[2][0] == "applied"
    assert results[3][0] == "rejected" and "person and event" in results[3][1]
    assert results[4][0] == "applied"
    assert results[5][0] == "rejected" and "another office" in results[5][1]
    with db.transaction() as tx:
        attendance = tx.all("SELECT id, data FROM records WHERE tbl = 'attendance'")
    for record_id, data in attendance:
        fields = json.loads(data)
        assert record_id == attendance_id(fields["person_id"], fields["event_id"])
        with db.transaction() as tx:
            assert tx.one("SELECT 1 FROM records WHERE tbl = 'people' AND id = ?",
                          (fields["person_id"],)), "an orphan attendance row was accepted"


def test_a_reused_mutation_number_with_another_change_is_diverged(live_server):
    office = service.create_office(live_server.db, "Офіс")
    dev, h = enroll(live_server, office)
    first = [change(1, "people", new_id(), person()), change(2, "people", new_id(), person())]
    assert _statuses(push(live_server, dev, h, first)) == [("applied", None)] * 2
    # The same changes again (a lost response): duplicates, as always.
    again = _statuses(push(live_server, dev, h, first))
    assert again == [("duplicate", None)] * 2
    # Number 2 again but another change: the device's store went back in time.
    other = [first[0], change(2, "people", new_id(), person())]
    r = push(live_server, dev, h, other)
    assert r.status_code == 409
    body = r.json()
    assert body["error"] == "diverged" and body["expected"] == 3 and body["diverged_at"] == 2
    assert "back in time" in body["message"]


def test_conflict_names_the_device_that_lost(live_server):
    db = live_server.db
    office = service.create_office(db, "Офіс")
    dev_1, h1 = enroll(live_server, office)
    dev_2, h2 = enroll(live_server, office)
    org = new_id()
    base = {"name": "ГО «Світанок»", "legal_form": "public_organization"}
    assert _statuses(push(live_server, dev_1, h1, [change(1, "organizations", org, base)]))
    rows, _ = pull_all(live_server, h1)
    rev = next(r["rev"] for r in rows if r["id"] == org)
    # Both edit the same field from the same base; device 2's edit is later and wins.
    push(live_server, dev_1, h1, [change(2, "organizations", org, {"notes": "перша"},
                                         op="update", hlc_ms=1795456134000, device="one",
                                         base_rev=rev)])
    push(live_server, dev_2, h2, [change(1, "organizations", org, {"notes": "друга"},
                                         op="update", hlc_ms=1795456135000, device="two",
                                         base_rev=rev)])
    # Then device 1 sends an even earlier edit of another field's... the same field, older.
    push(live_server, dev_1, h1, [change(3, "organizations", org, {"notes": "стара"},
                                         op="update", hlc_ms=1795456133000, device="one",
                                         base_rev=rev)])
    rows, _ = pull_all(live_server, h1)
    conflicts = {r["data"]["losing_value"]: r["data"] for r in rows if r["table"] == "conflicts"}
    assert conflicts["перша"]["winning_value"] == "друга"
    assert conflicts["перша"]["losing_device"] == dev_1  # the later push won
    assert conflicts["стара"]["winning_value"] == "друга"
    assert conflicts["стара"]["losing_device"] == dev_1  # the later push lost
    final = next(r for r in rows if r["id"] == org)
    assert final["data"]["notes"] == "друга"


def test_platform_sqlite_is_durable_on_purpose(tmp_path):
    from server.db import ServerDB

    db = ServerDB(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    with db.transaction() as tx:
        assert tx.one("PRAGMA synchronous")[0] == 2  # FULL
    db.close()


def test_enrollment_is_unchanged_by_the_new_table(live_server):
    office = service.create_office(live_server.db, "Офіс")
    code = auth.new_enrollment_code(live_server.db, office, "office")
    r = requests.post(f"{live_server.url}/v1/enroll",
                      json={"code": code, "device_id": "bad id with spaces"})
    assert r.status_code == 422


def test_bodies_with_long_digit_runs_are_left_to_the_standard_parser():
    """orjson reads a whole number beyond 64 bits as a float; such bodies go to Python's
    parser, which keeps it whole (and the refusal then says "too large")."""
    from server.api import _has_long_digit_run

    assert _has_long_digit_run(b'{"capacity": 18446744073709551616}')
    assert _has_long_digit_run(b'{"notes": "00000000000000000000"}')  # wary, not wrong
    assert not _has_long_digit_run(b'{"capacity": 1844674407370955161}')
    assert not _has_long_digit_run(b'{"phone": "+380671234567", "hlc": "1796262363382-00000"}')


def test_a_push_is_parsed_once_by_orjson_and_an_odd_one_by_the_standard_parser(
        live_server, monkeypatch):
    import starlette.requests

    calls = []

    def counted(*args, **kwargs):  # what Starlette's `request.json()` calls, and only it
        calls.append(1)
        return json.loads(*args, **kwargs)

    monkeypatch.setattr(starlette.requests, "json", SimpleNamespace(loads=counted))
    office = service.create_office(live_server.db, "Офіс")
    dev, h = enroll(live_server, office)
    assert _statuses(push(live_server, dev, h, [change(1, "people", new_id(), person())])) \
        == [("applied", None)]
    assert calls == []  # orjson read it (issue 11: three times faster)
    big = change(2, "events", new_id(), {**EVENT, "office_id": office, "capacity": 10**30})
    results = _statuses(push(live_server, dev, h, [big]))
    assert calls and results[0][0] == "rejected" and "too large" in results[0][1]


@pytest.mark.parametrize("odd", [{"title": "Збори \ud800"}, {"title\udc00": "Збори"}],
                         ids=["value", "name"])
def test_a_lone_surrogate_from_a_current_device_is_refused_alone(live_server, odd):
    """A current device sends no change ids, so the platform digests each change. A lone
    surrogate (no copy can store one) once made that digest fail: 500 for every retry of the
    push, and the device's sync stuck for good. In a field's name, it made the answer fail,
    quoted in the reason, after the push was written."""
    office = service.create_office(live_server.db, "Офіс")
    dev, h = enroll(live_server, office)
    changes = [change(1, "events", new_id(), {**EVENT, "office_id": office, **odd}),
               change(2, "people", new_id(), person())]
    for sent in changes:
        del sent["change_id"]
    raw = json.dumps({"device_id": dev, "changes": changes})  # ASCII escapes keep it
    r = requests.post(f"{live_server.url}/v1/push", data=raw,
                      headers={**h, "Content-Type": "application/json"})
    results = _statuses(r)
    assert results[0][0] == "rejected"
    assert ("control characters" in results[0][1]) if "title" in odd else \
        ("\\udc00 is not a field" in results[0][1])  # shown escaped, not dropped
    assert results[1] == ("applied", None)
    again = requests.post(f"{live_server.url}/v1/push", data=raw,
                          headers={**h, "Content-Type": "application/json"})
    assert [s for s, _ in _statuses(again)] == ["duplicate", "duplicate"]


_ANY_TEXT = st.text(st.characters(codec=None, min_codepoint=0, max_codepoint=0x10FFFF),
                    max_size=20)
_ANY_VALUE = st.one_of(_ANY_TEXT, st.integers(), st.floats(), st.booleans(), st.none(),
                       st.sampled_from(["\ud800", "a\udfffb", "\x00", 2**64, -2**70]))


@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_whatever_fields_a_device_pushes_it_gets_an_answer_not_a_crash(live_server, data):
    """Any table, any field names, any values, no change id (as current devices send): the
    platform answers 200 (applied or refused alone) or 422 (a malformed envelope), never
    500. A 500 is retried for ever and stops the device's sync."""
    if not hasattr(live_server, "fuzz_device"):
        office = service.create_office(live_server.db, "Офіс")
        live_server.fuzz_device = (*enroll(live_server, office), office, [0])
    dev, h, office, last = live_server.fuzz_device
    table = data.draw(st.sampled_from(sorted(RECORD_TABLES)))
    names = st.one_of(st.sampled_from(sorted(RECORD_TABLES[table][0])),
                      _ANY_TEXT.filter(bool))
    fields = data.draw(st.dictionaries(names, _ANY_VALUE, max_size=6))
    if data.draw(st.booleans()):
        fields["office_id"] = office
    sent = change(last[0] + 1, table, new_id(), fields,
                  op=data.draw(st.sampled_from(["insert", "update", "delete", "undelete"])))
    del sent["change_id"]
    r = requests.post(f"{live_server.url}/v1/push",
                      data=json.dumps({"device_id": dev, "changes": [sent]}),
                      headers={**h, "Content-Type": "application/json"})
    assert r.status_code in (200, 422), (r.status_code, r.text[:300])
    if r.status_code == 200:
        last[0] = r.json()["last_mutation"]


def test_a_record_first_heard_of_keeps_every_field_s_clock_for_later_merges(live_server):
    """A new record is written without merging (nothing to merge it with), yet every field
    it carries, and the deletion it may start with, is stamped with its change's clock: a later
    change made earlier elsewhere, without having seen it, loses to it field by field."""
    office = service.create_office(live_server.db, "Офіс")
    dev_a, h_a = enroll(live_server, office)
    dev_b, h_b = enroll(live_server, office)
    made, gone = new_id(), new_id()
    late = 1795456133980
    results = _statuses(push(live_server, dev_a, h_a, [
        change(1, "people", made, person(phone="+380671234567"), hlc_ms=late, device="a"),
        change(2, "people", gone, {}, op="delete", hlc_ms=late, device="a"),
    ]))
    assert results == [("applied", None)] * 2
    early = late - 60_000
    results = _statuses(push(live_server, dev_b, h_b, [
        change(1, "people", made, {"last_name": "Шевченко", "phone": None}, op="update",
               hlc_ms=early, device="b"),
        change(2, "people", gone, {}, op="undelete", hlc_ms=early, device="b"),
    ]))
    assert [status for status, _ in results] == ["applied"] * 2
    rows, _ = pull_all(live_server, h_a)
    by_id = {r["id"]: r for r in rows if r["table"] == "people"}
    assert by_id[made]["data"]["last_name"] == "Коваль"
    assert by_id[made]["data"]["phone"] == "+380671234567"
    assert by_id[gone]["deleted"]
    conflicts = [r["data"] for r in rows if r["table"] == "conflicts"]
    assert {(c["record_id"], c["field"]) for c in conflicts} == {
        (made, "last_name"), (made, "phone"), (gone, "deleted")}
