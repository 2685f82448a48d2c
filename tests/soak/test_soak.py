"""100 of the soak's kills in every `make test` (`make soak` runs 1,000): the office app and
the platform SIGKILLed at random moments lose nothing, half-write nothing, and the next sync
delivers every change exactly once. tests/soak/soak.py says what is checked after each kill."""

from __future__ import annotations

import pytest

from tests.conftest import PG_AVAILABLE, PG_URL
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


@pytest.mark.slow
@pytest.mark.postgres
@pytest.mark.timeout(600)
@pytest.mark.skipif(not PG_AVAILABLE, reason="no PostgreSQL: set HROMADA_TEST_PG_URL")
def test_kills_with_the_platform_on_postgresql_lose_nothing(tmp_path):
    """The same on PostgreSQL, where pushes write side by side and pulls wait for the
    writers in flight: a platform killed inside a push leaves no revision given twice, no
    lock held, nothing lost (`make soak-postgres` runs 1,000)."""
    result = run_soak(30, tmp_path, seed=11, platform_every=5, pg_url=PG_URL)
    assert result.failures == []
    assert result.platform_kills == 6 and result.convergence_checks >= 1
    assert result.lost == 0 and result.duplicated == 0 and result.changes_on_platform > 0
