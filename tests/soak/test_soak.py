"""100 of the soak's kills in every `make test` (`make soak` runs 1,000): the office app and
the platform SIGKILLed at random moments lose nothing, half-write nothing, and the next sync
delivers every change exactly once. tests/soak/soak.py says what is checked after each kill."""

from __future__ import annotations

import pytest

from tests.soak.soak import TARGETS, run_soak

KILLS = 100


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_a_hundred_kills_lose_nothing(tmp_path):
    result = run_soak(KILLS, tmp_path, seed=7)
    assert result.failures == []
    assert result.worker_kills == KILLS and result.platform_kills == KILLS // 10
    # The kills really landed inside every kind of work, not only between operations.
    assert set(result.killed_during) >= set(TARGETS), result.killed_during
    assert result.convergence_checks >= KILLS // 25
    assert result.records_saved > 0 and result.imports_checked > 0
    assert result.lost == 0 and result.duplicated == 0 and result.changes_on_platform > 0
