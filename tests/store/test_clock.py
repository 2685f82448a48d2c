"""The hybrid logical clock keeps its timestamps comparable as text, whatever the wall does."""

from __future__ import annotations

import re

from desktop.store.clock import HybridClock
from desktop.sync.wire import HLC_PATTERN


def test_a_stuck_wall_clock_never_widens_the_counter():
    clock = HybridClock("node-1", wall=lambda: 1_795_456_133.980)
    stamps = [clock.now() for _ in range(100_010)]
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)
    assert all(re.fullmatch(r"\d{13}-\d{5}-node-1", s) for s in stamps[-20:])
    assert all(re.fullmatch(HLC_PATTERN, s) for s in (stamps[0], stamps[-1]))


def test_a_wall_clock_jumping_back_keeps_order():
    now = [1_795_456_133.0]
    clock = HybridClock("n", wall=lambda: now[0])
    first = clock.now()
    now[0] -= 3600  # the CMOS battery is dead
    assert clock.now() > first
