"""The home screen's queries: what it counts, and that counting stays cheap on a big store."""

from __future__ import annotations

import uuid
from datetime import date

from desktop.store import syncstate
from desktop.store.queries import today
from desktop.store.syncstate import PulledRow


def test_waiting_changes_are_this_devices_unacknowledged_ones_read_from_the_index(store):
    for i in range(5):
        store.insert("people", {"last_name": f"Черга{i}", "first_name": "Олена",
                                "gender": "female"})
    # Rows pulled from the platform are logged too (origin 'remote', no mutation number);
    # they are not waiting to be sent.
    pulled = [PulledRow("people", str(uuid.uuid4()), i + 1, False,
                        {"last_name": f"Прийшла{i}", "first_name": "Іван", "gender": "male"},
                        f"{1_700_000_000_000 + i:013d}-00000-other") for i in range(3)]
    syncstate.apply_pulled(store, pulled, 3)
    assert store.conn.execute(
        "SELECT count(*) FROM change_log WHERE origin = 'remote'").fetchone()[0] == 3
    syncstate.acknowledge(store, 2)

    assert today.summary(store.conn, None, date(2026, 12, 3)).sync.pending_changes == 3
    assert syncstate.pending_count(store) == 3

    # Answered from the mutation index alone: a store whose 1.3 million changes were never
    # sent took 0.6 s a start to count them when each row was read for its origin.
    for ask in (lambda: syncstate.count_pending(store.conn, 2),
                lambda: today.sync_state(store.conn)):
        asked: list[str] = []
        store.conn.set_trace_callback(asked.append)
        ask()
        store.conn.set_trace_callback(None)
        counts = [sql for sql in asked if "FROM change_log" in sql]
        assert counts, asked
        for sql in counts:
            plan = " ".join(row[3] for row in store.conn.execute(f"EXPLAIN QUERY PLAN {sql}"))
            assert "COVERING INDEX idx_change_log_mutation" in plan, (sql, plan)
