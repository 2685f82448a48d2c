"""`make bench` runs to its end: both benchmarks, on a store of a few hundred people.

Why: the benchmarks are not run by `make test`, so they rotted unseen. A record type that
gained a required field and a record that became a NamedTuple each broke `python -m bench`
with a traceback, and nobody ran it for weeks. These tests time nothing: they check that
every step runs and reports every figure the speed issue asks for.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

#: The keys `bench/results.json` must hold (the speed issue's list).
RESULT_KEYS = (
    "checkin_search_p95_ms", "checkin_search_naive_p95_ms", "checkin_keystroke_p95_ms",
    "startup_s", "startup_floor_s", "startup_ratio", "rss_mb", "dashboard_ms",
    "sync_initial_bytes", "sync_floor_bytes", "sync_bytes_ratio", "sync_push_10k_s",
    "sync_push_1k_s", "sync_initial_s_2g", "sync_floor_s_2g", "sync_time_ratio_2g",
    "sync_noop_round_trips", "sync_one_change_round_trips", "server_changes_per_s_sqlite",
    "server_changes_per_s_postgres", "import_rows_per_s",
)


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HROMADA_BENCH_CACHE": str(tmp_path / "cache")}
    env.pop("HROMADA_BENCH_PG_URL", None)  # the tests' own PostgreSQL, if any (below)
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=600)


@pytest.mark.slow
def test_the_ratio_benchmarks_run_every_row(tmp_path: Path) -> None:
    done = _run(tmp_path, "-m", "bench", "--people", "300")
    assert "Traceback" not in done.stderr, done.stderr
    rows = [line for line in done.stdout.splitlines() if " ours " in line]
    # A row below its floor (likely on 300 people) exits 1; a crash prints no rows.
    assert len(rows) == 4, done.stdout
    assert done.returncode in (0, 1)


@pytest.mark.slow
def test_the_scale_benchmark_reports_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    done = _run(tmp_path, "-m", "bench.scale", "--people", "300", "--out", str(out))
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads(out.read_text(encoding="utf-8"))
    assert results["store_people"] == 300
    assert results["store_attendance"] > 300
    missing = [key for key in RESULT_KEYS if key not in results]
    assert not missing
    postgres = bool(os.environ.get("HROMADA_TEST_PG_URL"))
    for key in RESULT_KEYS:
        if key == "server_changes_per_s_postgres" and not postgres:
            assert results[key] is None
        else:
            assert isinstance(results[key], int | float) and results[key] > 0, key
    # Reported beside the figures: a whole community read by a new council laptop.
    assert results["sync_first_pull_rows"] > results["store_attendance"]
    assert results["sync_first_pull_rows_per_s"] > 0
    # Every goal is judged in the printed table ("met" or "NOT MET"; none unmeasured, except
    # PostgreSQL's without a server).
    goals = done.stdout.split("\ngoals:\n", 1)[1].splitlines()
    assert len(goals) >= 9
    for line in goals:
        assert line.rstrip().endswith(("met", "NOT MET")) or (
            not postgres and "postgres" in line), line


def test_a_store_too_small_to_measure_is_refused_in_plain_words(tmp_path: Path) -> None:
    done = _run(tmp_path, "-m", "bench.scale", "--people", "5")
    assert done.returncode == 2
    assert "--people must be at least 100" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "cache").exists()
