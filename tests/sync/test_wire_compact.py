"""The push body as it travels (`PushRequest.compact`) and how the platform tells changes
apart without a change id (`wire.identity`)."""

from __future__ import annotations

import gzip
import hashlib
import json

import requests
from hypothesis import given
from hypothesis import strategies as st

from desktop.sync.wire import Change, PushRequest, identity
from server import auth, service

HLC = "1796195357612-00000-01a23596-138f-7585-a569-83ff2ef2c107"


def change(mutation: int | None, **fields) -> Change:
    return Change(mutation=mutation, table="people", record_id=f"person-{mutation}",
                  op="insert", fields=fields or {"last_name": "Іваненко"}, hlc=HLC,
                  changed_at="2026-12-02T07:00:00.000Z")


@given(st.integers(1, 10**9), st.lists(st.integers(0, 3), min_size=1, max_size=30))
def test_a_compact_push_reads_back_as_the_same_changes(first, steps):
    numbers, current = [], first
    for step in steps:  # mostly consecutive, sometimes a jump (a renumbered outbox)
        current += 1 if step else 7
        numbers.append(current)
    request = PushRequest(device_id="device-1", changes=[change(n) for n in numbers])
    wire = json.loads(json.dumps(request.compact()))
    assert "change_id" not in json.dumps(wire) and "null" not in json.dumps(wire)
    assert "mutation" in wire["changes"][0]
    back = PushRequest.model_validate(wire)
    assert [c.mutation for c in back.changes] == numbers
    assert [identity(c) for c in back.changes] == [identity(c) for c in request.changes]


def test_the_identity_follows_the_content():
    a, same, other = change(5), change(5), change(5, last_name="Петренко")
    assert identity(a) == identity(same) != identity(other)
    assert identity(Change(**{**a.model_dump(), "change_id": "old-release-id"})) == \
        "old-release-id"


def test_a_push_whose_first_change_has_no_number_is_refused_plainly(live_server):
    office = service.create_office(live_server.db, "Офіс")
    token, device = auth.enroll(live_server.db, auth.new_enrollment_code(
        live_server.db, office, "office"), "device-12345", "t")
    body = {"device_id": device.id, "changes": [
        {k: v for k, v in change(1).model_dump(exclude_none=True).items() if k != "mutation"}]}
    answer = requests.post(live_server.url + "/v1/push", timeout=10,
                           data=gzip.compress(json.dumps(body).encode()),
                           headers={"Authorization": f"Bearer {token}",
                                    "Content-Type": "application/json",
                                    "Content-Encoding": "gzip"})
    assert answer.status_code == 422
    assert "first change of a push must carry its number" in answer.json()["message"]
    assert [r.table for r in service.pull(live_server.db, device, 0, 10).rows] == ["offices"]


def _identity_as_first_made(change: Change) -> str:
    """`identity` as the platform computed it before orjson: the digests it already holds."""
    content = json.dumps(
        [change.table, change.record_id, change.op, change.fields, change.base_rev, change.hlc,
         change.changed_at, change.user_id],
        ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(content.encode()).hexdigest()[:40]


_VALUES = st.one_of(
    st.text(), st.text(st.characters(max_codepoint=0x7f)), st.integers(),
    st.integers(-2**63, 2**64 - 1), st.booleans(), st.none(),
    st.floats(allow_nan=False), st.sampled_from([1e16, 1e-05, -0.0, 12.0]))


@given(st.dictionaries(st.text(min_size=1, max_size=12), _VALUES, max_size=8),
       st.one_of(st.none(), st.integers(0, 2**63 - 1)), st.one_of(st.none(), st.text()))
def test_a_change_digest_is_the_one_the_platform_stored_before(fields, base_rev, user_id):
    """A change sent again (a restored backup) must meet the digest stored when it first
    came, whatever wrote it: orjson where it writes the same bytes, json elsewhere."""
    sent = Change.model_construct(
        mutation=1, change_id=None, table="people", record_id="person-1", op="update",
        fields=fields, base_rev=base_rev, hlc=HLC, changed_at="2026-12-02T07:00:00.000Z",
        user_id=user_id)
    assert identity(sent) == _identity_as_first_made(sent)


def test_a_lone_surrogate_gets_a_digest_not_a_crash():
    odd = change(1, last_name="Іваненко \ud800")
    assert identity(odd).startswith("sha256:")
    assert identity(odd) != identity(change(1, last_name="Іваненко \udc00"))
