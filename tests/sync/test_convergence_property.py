"""Property: offices editing shared records offline, syncing in any order over a faulty link,
always converge, and no written value disappears silently.

Every value written is unique, so at the end each one must be accounted for: it is the final
value, or a conflict record keeps it as the losing value, or a later edit was made by someone
who had seen it (an ordinary, informed overwrite).
"""

from __future__ import annotations

import contextlib
import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.sync.transport import SyncError
from desktop.sync.wire import SYNCED_TABLES
from server import service
from tests.conftest import LiveServer, make_db
from tests.sync.faultproxy import FaultProxy
from tests.sync.test_end_to_end import Device, platform_view

FIELDS = ("notes", "address", "short_name")
N_DEVICES = 3
N_ORGS = 2

edit = st.tuples(st.just("edit"), st.integers(0, N_DEVICES - 1), st.integers(0, N_ORGS - 1),
                 st.sampled_from(FIELDS))
sync = st.tuples(st.just("sync"), st.integers(0, N_DEVICES - 1), st.booleans(), st.just(None))
steps = st.lists(st.one_of(edit, sync), min_size=4, max_size=22)


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(plan=steps, seed=st.integers(0, 10_000))
def test_any_order_of_offline_edits_and_faulty_syncs_converges(tmp_path_factory, plan, seed):
    root = tmp_path_factory.mktemp("prop")
    db = make_db("sqlite", root)
    server = LiveServer(db)
    try:
        with FaultProxy("127.0.0.1", server.port, seed=seed) as proxy:
            _run(root, db, proxy, plan)
    finally:
        server.stop()
        db.close()


def _run(root, db, proxy, plan) -> None:
    office_a = service.create_office(db, "Офіс А")
    office_b = service.create_office(db, "Офіс Б")
    offices = [office_a, office_a, office_b]
    devices = [Device(root, f"d{i}", proxy.url, db, offices[i]) for i in range(N_DEVICES)]
    for d in devices:
        d.sync_until_clean()
    orgs = [devices[0].store.insert("organizations", {
        "name": f"ГО «Спільна справа {i}»", "legal_form": "public_organization"})["id"]
        for i in range(N_ORGS)]
    for d in devices:
        d.sync_until_clean()

    counter = itertools.count()
    written: list[tuple[str, str, str]] = []   # (org, field, value)
    seen_before_overwrite: set[tuple[str, str, str]] = set()
    for kind, dev_index, arg, field in plan:
        device = devices[dev_index]
        if kind == "edit":
            org = orgs[arg]
            old = device.store.get("organizations", org)[field]
            value = f"v{next(counter)}"
            if old is not None:
                seen_before_overwrite.add((org, field, old))
            device.store.update("organizations", org, {field: value})
            written.append((org, field, value))
        else:
            if arg:
                proxy.set_faults(cut_probability=0.5)
            with contextlib.suppress(SyncError):
                device.sync(retries=1)
            proxy.heal()

    for _ in range(2):
        for d in devices:
            d.sync_until_clean()

    # 1. Convergence: every device equals the platform for its scope.
    for d in devices:
        local, remote = d.snapshot(), platform_view(db, d.store.device_id)
        for table in SYNCED_TABLES:
            assert local[table] == remote[table], (d.dir.name, table)
    # 2. Shared data is identical on every device.
    shared = [d.snapshot()["organizations"] for d in devices]
    assert shared[0] == shared[1] == shared[2]
    # 3. No edit disappears silently.
    final = shared[0]
    conflicts = devices[0].snapshot()["conflicts"].values()
    kept = {(c["record_id"], c["field"], c.get("losing_value")) for c in conflicts}
    for org, field, value in written:
        accounted = (
            final[org].get(field) == value
            or (org, field, value) in kept
            or (org, field, value) in seen_before_overwrite
        )
        assert accounted, f"{field}={value} of {org} vanished without a conflict record"
