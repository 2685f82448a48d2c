"""A push is planned without the write lock and written under it (server/service.py,
`_Batch`). When another device writes a record the plan read in between, the push must plan
again under the lock: the result is the one the two pushes would give one after the other."""

from __future__ import annotations

import contextlib
import threading

from desktop.store.ids import new_id
from desktop.sync.wire import Change, PushRequest
from server import auth, service


def _device(db, office):
    code = auth.new_enrollment_code(db, office, "office")
    _, device = auth.enroll(db, code, new_id(), "t")
    return device


def _change(device, mutation: int, record_id: str, op: str, fields: dict,
            base_rev: int | None, millis: int) -> Change:
    return Change(mutation=mutation, change_id=new_id(), table="people", record_id=record_id,
                  op=op, fields=fields, base_rev=base_rev,
                  hlc=f"{1795456133980 + millis:013d}-00000-{device.id}",
                  changed_at="2026-11-23T10:00:00Z")


def test_a_record_written_between_plan_and_write_is_merged_again(server_db, monkeypatch):
    office = service.create_office(server_db, "Офіс")
    first, second = _device(server_db, office), _device(server_db, office)
    person = new_id()
    service.push(server_db, first, PushRequest(device_id=first.id, changes=[_change(
        first, 1, person, "insert", {"last_name": "Петренко", "first_name": "Олена",
                                     "gender": "female"}, None, 0)]))
    base = service.export_records(server_db, "people")[0]["rev"]

    planned = service._plan
    calls = []

    def plan_then_interleave(tx, device, request, echo):
        plan = planned(tx, device, request, echo)
        calls.append(device.id)
        if device.id == first.id and len(calls) == 1:
            # the other device changes the same person after this plan read it (from its own
            # thread and connection, as another request would)
            other = threading.Thread(target=service.push, args=(
                server_db, second, PushRequest(device_id=second.id, changes=[_change(
                    second, 1, person, "update", {"phone": "+380671234567"}, base, 5)])))
            other.start()
            other.join(timeout=30)
        return plan

    monkeypatch.setattr(service, "_plan", plan_then_interleave)
    # The other push stands for another worker process, which plans beside this one (within
    # one process, pushes plan one at a time).
    monkeypatch.setattr(service, "_PLANNING", contextlib.nullcontext())
    answer = service.push(server_db, first, PushRequest(device_id=first.id, changes=[_change(
        first, 2, person, "update", {"first_name": "Оксана"}, base, 10)]), echo=True)
    monkeypatch.undo()

    # planned once without the lock, once more under it after the other device's write
    assert calls == [first.id, second.id, first.id]
    data = next(r for r in service.export_records(server_db, "people") if r["id"] == person)
    assert data["first_name"] == "Оксана" and data["phone"] == "+380671234567"
    assert answer.results[0].status == "applied"
    # the merged record is not this device's copy alone: no echo revision is claimed for it
    assert answer.results[0].rev is None
    revs = [r.rev for r in service.pull(server_db, first, 0, 100).rows]
    assert revs == sorted(revs) and len(set(revs)) == len(revs)


def test_a_push_answers_with_the_real_revisions(server_db):
    office = service.create_office(server_db, "Офіс")
    device = _device(server_db, office)
    ids = [new_id() for _ in range(3)]
    answer = service.push(server_db, device, PushRequest(device_id=device.id, changes=[
        _change(device, n + 1, rid, "insert", {"last_name": "Особа", "first_name": f"№{n}",
                                               "gender": "male"}, None, n)
        for n, rid in enumerate(ids)]), echo=True)
    rows = {r.id: r.rev for r in service.pull(server_db, device, 0, 100).rows}
    assert [r.rev for r in answer.results] == [rows[rid] for rid in ids]
    assert all(rev < service.PLACEHOLDER for rev in rows.values())
