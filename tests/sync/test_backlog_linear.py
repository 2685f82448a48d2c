"""A week offline must not fall off a cliff: applying a pulled page costs the same per row
whatever the outbox holds. Measured in SQLite virtual-machine steps (a progress handler),
not in seconds, so the machine's noise cannot make it pass or fail: with the old per-row
outbox query and statistics taken when the log was small, 10x the backlog cost 75x."""

from __future__ import annotations

import uuid

from desktop.store import open_store, syncstate
from desktop.store.syncstate import PulledRow

STEP = 1000


def _vm_steps_to_pull(tmp_path, n: int) -> int:
    path = tmp_path / f"h{n}.sqlite3"
    store = open_store(path)
    # The trap: statistics recorded while the change log had one row...
    store.insert("people", {"last_name": "Перша", "first_name": "Олена", "gender": "female"})
    store.conn.execute("ANALYZE")
    store.close()
    store = open_store(path)
    # ...then a backlog of n unsent changes (a week at the desk without a connection).
    store.insert_many("people", ({"last_name": f"Черга{i}", "first_name": "Олена",
                                  "gender": "female"} for i in range(n)))
    rows = [PulledRow("people", str(uuid.uuid4()), i + 1, False,
                      {"last_name": f"Прийшла{i}", "first_name": "Іван", "gender": "male"},
                      f"{1_700_000_000_000 + i:013d}-00000-other")
            for i in range(n)]
    steps = 0

    def count() -> int:
        nonlocal steps
        steps += 1
        return 0

    store.conn.set_progress_handler(count, STEP)
    for start in range(0, n, 500):
        syncstate.apply_pulled(store, rows[start:start + 500], start + 500)
    syncstate.forget_missing(store, "people", {r.id for r in rows})
    store.conn.set_progress_handler(None, STEP)
    assert store.count("people") == 2 * n + 1
    store.close()
    return steps


def test_pull_cost_is_linear_in_the_backlog(tmp_path):
    small = _vm_steps_to_pull(tmp_path, 1000)
    large = _vm_steps_to_pull(tmp_path, 10_000)
    ratio = large / small
    assert ratio < 14, f"10x the backlog cost {ratio:.1f}x the work (linear is 10x)"
