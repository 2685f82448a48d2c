"""Run every benchmark and print a table; numbers are ratios so noisy machines still compare.

Each benchmark measures our way and the naive way on the same data in the same process, and
reports the ratio. A floor (minimum acceptable ratio) turns a regression into a non-zero exit.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from bench import store_bench


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--people", type=int, default=50_000)
    args = parser.parse_args()
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for result in store_bench.run(Path(tmp), people=args.people):
            status = "ok" if result.ratio >= result.floor else "BELOW FLOOR"
            failures += status != "ok"
            print(f"{result.name:<44} ours {result.ours:>10.4f}s  naive {result.naive:>10.4f}s"
                  f"  x{result.ratio:>7.1f}  (floor x{result.floor})  {status}")
            for line in result.notes:
                print(f"    {line}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
