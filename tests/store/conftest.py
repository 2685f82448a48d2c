"""Fixtures of the store's tests."""

from __future__ import annotations

import time

import pytest


@pytest.fixture
def kyiv_time(monkeypatch):
    """The office's time zone, for SQLite's 'localtime' and Python's astimezone alike."""
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset is not available on this platform")
    monkeypatch.setenv("TZ", "Europe/Kyiv")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()
