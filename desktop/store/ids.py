"""Identifiers and timestamps that stay unique and ordered across offline devices."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

# A fixed namespace so that every device derives the same id for the same natural key.
NATURAL_KEY_NAMESPACE = uuid.UUID("5d4f0b8e-4c1e-4f55-9a43-6b1f0d2c7e11")


def new_id() -> str:
    """UUIDv7: time-ordered, so new rows append to the primary-key B-tree."""
    import uuid6  # on first use: it reads package metadata on import (a tenth of start-up)

    return str(uuid6.uuid7())


def natural_id(kind: str, *parts: str) -> str:
    """A deterministic id for records whose identity is natural (e.g. person x event)."""
    return str(uuid.uuid5(NATURAL_KEY_NAMESPACE, "|".join((kind, *parts))))


def attendance_id(person_id: str, event_id: str) -> str:
    """Two laptops checking in the same person at the same event create the same record."""
    return natural_id("attendance", person_id, event_id)


def utc_now() -> str:
    """UTC ISO-8601 with milliseconds and a Z: sorts as text, parses everywhere."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
