"""The wire format of the sync protocol, defined once for the client and the server.

pydantic models give the server its request validation and OpenAPI schema, and give the client
a check that what came back is what the protocol promises. Limits live here too, so both sides
agree on what is too big.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

API_VERSION = "v1"
MAX_PUSH_CHANGES = 500          # per request; the client sends 200 on a slow link
DEFAULT_PUSH_BATCH = 200
MAX_PULL_LIMIT = 2000
DEFAULT_PULL_LIMIT = 500
MAX_BODY_BYTES = 8 * 1024 * 1024  # after decompression
MAX_FIELD_CHARS = 20_000

Op = Literal["insert", "update", "delete", "undelete"]
Scalar = str | int | float | bool | None
Role = Literal["office", "council"]

# The tables that travel, in the order a full resync applies them (parents before children).
SYNCED_TABLES: tuple[str, ...] = (
    "districts", "settlements", "offices", "event_kinds", "idea_categories", "staff",
    "people", "organizations", "org_members", "events", "attendance", "consultations",
    "submissions", "visits", "ideas", "attachments", "conflicts",
)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_max_length=MAX_FIELD_CHARS)


class EnrollRequest(Strict):
    code: str = Field(min_length=6, max_length=64)
    device_id: str = Field(min_length=8, max_length=64)
    device_name: str = Field(default="", max_length=200)


class EnrollResponse(Strict):
    token: str
    device_id: str
    office_id: str | None
    office_name: str | None
    role: Role


class Change(Strict):
    mutation: int = Field(ge=1)
    change_id: str = Field(min_length=8, max_length=64)
    table: str = Field(max_length=40)
    record_id: str = Field(min_length=8, max_length=64)
    op: Op
    fields: dict[str, Scalar] = Field(default_factory=dict, max_length=60)
    base_rev: int | None = Field(default=None, ge=0)
    hlc: str = Field(min_length=20, max_length=100)
    changed_at: str = Field(max_length=40)
    user_id: str | None = Field(default=None, max_length=64)


class PushRequest(Strict):
    device_id: str = Field(min_length=8, max_length=64)
    changes: list[Change] = Field(max_length=MAX_PUSH_CHANGES)


class ChangeResult(Strict):
    mutation: int
    status: Literal["applied", "duplicate", "rejected"]
    reason: str | None = None


class PushResponse(Strict):
    results: list[ChangeResult]
    last_mutation: int


class Row(Strict):
    table: str
    id: str
    rev: int
    deleted: bool
    hlc: str | None = None
    data: dict[str, Any]


class TableChecksum(Strict):
    count: int
    sum: int


class PullResponse(Strict):
    rows: list[Row]
    cursor: int
    more: bool
    full_resync: bool = False
    checksums: dict[str, TableChecksum] | None = None


class ErrorBody(Strict):
    error: str
    message: str


def checksum_term(record_id: str, rev: int) -> int:
    """One row's share of a table checksum; sums of these are order-independent."""
    import hashlib

    return int(hashlib.sha256(f"{record_id}:{rev}".encode()).hexdigest()[:15], 16)


CHECKSUM_MODULUS = 2**60
