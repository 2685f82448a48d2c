"""Hybrid logical clock: timestamps that order changes across devices with skewed clocks.

Sync resolves two offices' edits of the same field by the later HLC, so a device must never
issue a timestamp lower than one it has already issued or seen, even if its wall clock jumps
back (an old laptop with a dead CMOS battery is common in the offices).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import NamedTuple

_WIDTH_MS = 13
_WIDTH_COUNTER = 5
_MAX_COUNTER = 10**_WIDTH_COUNTER - 1


class Hlc(NamedTuple):
    """One timestamp, ordered by wall time, then counter, then device (the field order).

    A NamedTuple, not a dataclass: the store loads this at every start, and Python 3.11
    compiles a frozen, ordered dataclass's ten methods each time (~1.3 ms, issue 11)."""

    millis: int
    counter: int
    node: str

    def __str__(self) -> str:
        return f"{self.millis:0{_WIDTH_MS}d}-{self.counter:0{_WIDTH_COUNTER}d}-{self.node}"

    @classmethod
    def parse(cls, text: str) -> Hlc:
        millis, counter, node = text.split("-", 2)
        return cls(int(millis), int(counter), node)


class HybridClock:
    """Issues strictly increasing HLC strings that compare correctly as plain text."""

    def __init__(
        self, node: str, last: str | None = None, wall: Callable[[], float] = time.time
    ) -> None:
        self.node = node
        self._wall = wall
        parsed = Hlc.parse(last) if last else None
        self._millis = parsed.millis if parsed else 0
        self._counter = parsed.counter if parsed else 0

    def now(self) -> str:
        physical = int(self._wall() * 1000)
        if physical > self._millis:
            self._millis, self._counter = physical, 0
        elif self._counter >= _MAX_COUNTER:
            # The counter's width is fixed so that timestamps compare as text; past it
            # (a wall clock stuck far behind), borrow the next millisecond instead.
            self._millis, self._counter = self._millis + 1, 0
        else:
            self._counter += 1
        return str(Hlc(self._millis, self._counter, self.node))

    def observe(self, remote: str) -> None:
        """Move past a timestamp received from another device."""
        other = Hlc.parse(remote)
        if (other.millis, other.counter) > (self._millis, self._counter):
            self._millis, self._counter = other.millis, other.counter

    @property
    def last(self) -> str:
        return str(Hlc(self._millis, self._counter, self.node))
