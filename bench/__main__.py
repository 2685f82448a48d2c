"""Run every benchmark and print a table; numbers are ratios so noisy machines still compare.

Each benchmark measures our way and the naive way on the same data in the same process, and
reports the ratio. A floor (minimum acceptable ratio) turns a regression into a non-zero exit.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from bench import store_bench, sync_bench


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--people", type=int, default=50_000)
    args = parser.parse_args()
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "store").mkdir()
        (Path(tmp) / "sync").mkdir()
        results = [*store_bench.run(Path(tmp) / "store", people=args.people),
                   *sync_bench.run(Path(tmp) / "sync")]
        for result in results:
            status = "ok" if result.ratio >= result.floor else "BELOW FLOOR"
            failures += status != "ok"
            if isinstance(result.ours, int):
                ours, naive = f"{result.ours:>10,d} B", f"{result.naive:>10,d} B"
            else:
                ours, naive = f"{result.ours:>10.4f} s", f"{result.naive:>10.4f} s"
            print(f"{result.name:<52} ours {ours}  naive {naive}  x{result.ratio:>6.1f}"
                  f"  (floor x{result.floor})  {status}")
            for line in result.notes:
                print(f"    {line}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
