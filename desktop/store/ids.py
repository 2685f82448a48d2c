"""Identifiers and timestamps that stay unique and ordered across offline devices."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import uuid

# A fixed namespace so that every device derives the same id for the same natural key.
NATURAL_KEY_NAMESPACE = "5d4f0b8e-4c1e-4f55-9a43-6b1f0d2c7e11"


@cache
def _namespace() -> uuid.UUID:
    # `uuid` (and `platform`, which it imports) on first use: a fiftieth of start-up
    import uuid

    return uuid.UUID(NATURAL_KEY_NAMESPACE)


def new_id() -> str:
    """UUIDv7: time-ordered, so new rows append to the primary-key B-tree."""
    import uuid6  # on first use: it reads package metadata on import (a tenth of start-up)

    return str(uuid6.uuid7())


def natural_id(kind: str, *parts: str) -> str:
    """A deterministic id for records whose identity is natural (e.g. person x event)."""
    import uuid

    return str(uuid.uuid5(_namespace(), "|".join((kind, *parts))))


def attendance_id(person_id: str, event_id: str) -> str:
    """Two laptops checking in the same person at the same event create the same record."""
    return natural_id("attendance", person_id, event_id)


def utc_now() -> str:
    """UTC ISO-8601 with milliseconds and a Z: sorts as text, parses everywhere."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def to_local(stamp: str) -> datetime | None:
    """A stored date-time as naive local time: UTC stamps (…Z) are converted, naive ones are
    already the office's local time."""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone().replace(tzinfo=None)
    return moment
