"""The wire format of the sync protocol, defined once for the client and the server.

pydantic models give the server its request validation and OpenAPI schema, and give the client
a check that what came back is what the protocol promises. Limits live here too, so both sides
agree on what is too big.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any, Literal

import orjson
from pydantic import BaseModel, ConfigDict, Field, model_validator

from desktop.domain.errors import FieldError
from desktop.domain.i18n import QT_TRANSLATE_NOOP
from desktop.domain.validation import (
    CONTROL_CHARS,
    INT64_MAX,
    INT64_MIN,
    MAX_TEXT_CHARS,
    NOT_BOOL,
    NOT_INT,
    NOT_TEXT,
    TOO_LONG,
    field_label,
)
from desktop.store.schema import RECORD_TABLES

API_VERSION = "v1"
# What this platform takes in one push; it tells a device that asks (`?limits=1`), and the
# device sends that many from then on. Platforms before 2026-12-03 took 500, which is what a
# device sends until told more (DEFAULT_PUSH_BATCH): on a 600 ms link, 2,000 people went up in
# four pushes and four round trips.
MAX_PUSH_CHANGES = 2000
DEFAULT_PUSH_BATCH = 500
# What one push carries at most before gzip (the changes' fields): 2,000 people are ~700 KB,
# ~70 KB on the wire. The bound is for long texts: 300 appeals of 20,000 letters made one
# push of 11 MB, over MAX_BODY_BYTES, refused every time (an outbox stuck for good).
PUSH_MAX_BYTES = 1024 * 1024
# A page of the feed stops after about this much of its records' data (there may be fewer
# rows than asked for): a page of 500 long appeals was 20 MB, minutes on a 2G link that
# drops, and all of it sent again after every drop.
PULL_PAGE_BYTES = 1024 * 1024
# A device asks for pages of MAX_PULL_LIMIT rows: the platform ends a page at
# PULL_PAGE_BYTES anyway, and on a 600 ms link a new laptop's first pull of 9,000 rows
# took 19 requests at 500 rows (48 s), 5 at 2,000 (39 s). DEFAULT_PULL_LIMIT is the
# platform's page when a request names none.
MAX_PULL_LIMIT = 2000
DEFAULT_PULL_LIMIT = 500
MAX_BODY_BYTES = 8 * 1024 * 1024  # after decompression
MAX_FIELD_CHARS = MAX_TEXT_CHARS
# Ids, HLCs and times are made by the software, never typed: a strict shape keeps NUL bytes,
# control characters and SQL-looking text out of every key the platform stores.
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:-]*$"
HLC_PATTERN = r"^[0-9]{13}-[0-9]{5,9}-[A-Za-z0-9._:-]+$"
TIME_PATTERN = r"^[0-9T:.+Z-]+$"
TOO_BIG = QT_TRANSLATE_NOOP("Validation", "{label} is too large to be stored ({value})")
UNKNOWN_FIELD_OF = QT_TRANSLATE_NOOP("Validation", "{label} is not a field of this record")
UNKNOWN_TABLE = QT_TRANSLATE_NOOP("Validation", "{value} is not a kind of record this app knows")

Op = Literal["insert", "update", "delete", "undelete"]
Scalar = str | int | float | bool | None
Role = Literal["office", "council"]

# The tables that travel, in the order a full resync applies them (parents before children).
SYNCED_TABLES: tuple[str, ...] = (
    "districts", "settlements", "offices", "event_kinds", "idea_categories", "staff",
    "people", "organizations", "org_members", "events", "attendance", "consultations",
    "submissions", "visits", "ideas", "attachments", "conflicts", "targets",
    "answer_periods", "days_off",
)


# Why the platform refused a change, in the words both sides share: the platform sends the
# English text, the app shows it in the interface language (context "PlatformRefusal").
REFUSE_FORGOTTEN = QT_TRANSLATE_NOOP("PlatformRefusal",
                                     "this person asked for their data to be removed")
REFUSE_REFERENCE_LIST = QT_TRANSLATE_NOOP("PlatformRefusal",
                                          "only the city council can change reference lists")
REFUSE_CONFLICT_NEW = QT_TRANSLATE_NOOP(
    "PlatformRefusal", "conflicts are recorded by the platform, not by offices")
REFUSE_CONFLICT_EDIT = QT_TRANSLATE_NOOP("PlatformRefusal",
                                         "an office can only mark a conflict as resolved")
REFUSE_OTHER_OFFICE_NEW = QT_TRANSLATE_NOOP(
    "PlatformRefusal", "a record can only be created for this device's own office")
REFUSE_OTHER_OFFICE = QT_TRANSLATE_NOOP("PlatformRefusal",
                                        "this record belongs to another office")
REFUSE_MOVE = QT_TRANSLATE_NOOP("PlatformRefusal", "a record cannot be moved to another office")
REFUSE_COUNCIL_ANSWER = QT_TRANSLATE_NOOP(
    "PlatformRefusal", "the council's answer can only be given or changed by the council")
REFUSE_COUNCIL_STATUS = QT_TRANSLATE_NOOP("PlatformRefusal",
                                          "only the council can set this status")
REFUSE_IDEA_TAKEN_UP = QT_TRANSLATE_NOOP(
    "PlatformRefusal",
    "the council has taken this idea up; only the council can change its status")
REFUSE_ATTENDANCE_ID = QT_TRANSLATE_NOOP(
    "PlatformRefusal", "an attendance record's id must come from its person and event")
#: With the kind of record ("person", "event"...), the field and the id it names.
REFUSE_MISSING_PARENT = QT_TRANSLATE_NOOP(
    "PlatformRefusal", "it refers to a {word} the platform does not have ({column} {value})")
REFUSE_FOREIGN_PARENT = QT_TRANSLATE_NOOP(
    "PlatformRefusal", "it refers to a {word} of another office ({column} {value})")
PARENT_WORDS = {"people": QT_TRANSLATE_NOOP("PlatformRefusal", "person"),
                "events": QT_TRANSLATE_NOOP("PlatformRefusal", "event"),
                "consultations": QT_TRANSLATE_NOOP("PlatformRefusal", "consultation"),
                "organizations": QT_TRANSLATE_NOOP("PlatformRefusal", "organisation")}


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_max_length=MAX_FIELD_CHARS)


class EnrollRequest(Strict):
    code: str = Field(min_length=6, max_length=64)
    device_id: str = Field(min_length=8, max_length=64, pattern=ID_PATTERN)
    device_name: str = Field(default="", max_length=200)


class EnrollResponse(Strict):
    token: str
    device_id: str
    office_id: str | None
    office_name: str | None
    role: Role


class Change(BaseModel):
    """One change of the outbox. Its envelope is checked strictly here (a malformed one is a
    client bug: 422 for the batch); its `fields` are user data, checked change by change with
    `field_problem`, so one odd value is refused alone and never blocks the queue."""

    model_config = ConfigDict(extra="forbid")

    # Left out after the first change of a push: one more than the change before (`compact`).
    mutation: int | None = Field(default=None, ge=1, le=INT64_MAX)
    # Left out by current devices: the platform then tells changes apart by their content
    # (`identity`); sent by devices of the first release, and kept for them.
    change_id: str | None = Field(default=None, min_length=8, max_length=64, pattern=ID_PATTERN)
    table: str = Field(max_length=40, pattern=r"^[a-z_]+$")
    record_id: str = Field(min_length=8, max_length=64, pattern=ID_PATTERN)
    op: Op
    fields: dict[str, Scalar] = Field(default_factory=dict, max_length=60)
    base_rev: int | None = Field(default=None, ge=0, le=INT64_MAX)
    hlc: str = Field(min_length=20, max_length=100, pattern=HLC_PATTERN)
    changed_at: str = Field(max_length=40, pattern=TIME_PATTERN)
    user_id: str | None = Field(default=None, max_length=64, pattern=ID_PATTERN)


class PushRequest(Strict):
    device_id: str = Field(min_length=8, max_length=64, pattern=ID_PATTERN)
    changes: list[Change] = Field(max_length=MAX_PUSH_CHANGES)

    @model_validator(mode="after")
    def _number_the_changes(self) -> PushRequest:
        """A change without a mutation number is the one after the change before it."""
        previous: int | None = None
        for n, change in enumerate(self.changes):
            if change.mutation is None:
                if previous is None:
                    raise ValueError(f"changes.{n}.mutation: the first change of a push "
                                     "must carry its number")
                if previous >= INT64_MAX:
                    raise ValueError(f"changes.{n}.mutation: too large")
                change.mutation = previous + 1
            previous = change.mutation
        return self

    def compact(self) -> dict[str, Any]:
        """The request as it travels: no nulls, no change ids, and a mutation number only
        where it does not follow from the change before. What a push costs on a 2G link is
        mostly bytes: a random id per change was a third of them (issue 11)."""
        changes: list[dict[str, Any]] = []
        previous: int | None = None
        for change in self.changes:
            body = change.model_dump(exclude_none=True, exclude={"change_id"})
            if previous is not None and change.mutation == previous + 1:
                del body["mutation"]
            previous = change.mutation
            changes.append(body)
        return {"device_id": self.device_id, "changes": changes}


def identity(change: Change) -> str:
    """What tells this change from another sent under the same number (a device that went
    back in time: docs/sync-protocol.md, "Diverged outboxes"): its change id when the device
    sent one, else a digest of everything it carries. Two changes with the same content,
    clock reading included, are the same change: taking the second as a duplicate loses
    nothing.

    The digest is of the content as `json.dumps(..., ensure_ascii=False, sort_keys=True,
    separators=(",", ":"))` writes it, in UTF-8: digests already stored by the platform were
    made so, and a change sent again must meet its own. orjson writes the same bytes four
    times faster (13 µs a change was a tenth of the platform's work on a push), except for
    floats, which it writes its own way ("1e16", NaN as null), whole numbers beyond 64 bits
    and lone surrogates, which it refuses: those take the standard way
    (tests/sync/test_wire_compact.py compares the two). A lone surrogate, which no copy can store
    and the platform refuses, is digested as it came ("surrogatepass"), never a crash."""
    if change.change_id:
        return change.change_id
    content = [change.table, change.record_id, change.op, change.fields, change.base_rev,
               change.hlc, change.changed_at, change.user_id]
    try:
        if any(type(value) is float for value in change.fields.values()):
            raise TypeError("orjson writes floats otherwise")
        encoded = orjson.dumps(content, option=orjson.OPT_SORT_KEYS)
    except TypeError:  # orjson.JSONEncodeError is one
        encoded = json.dumps(content, ensure_ascii=False, sort_keys=True,
                             separators=(",", ":")).encode("utf-8", "surrogatepass")
    return "sha256:" + hashlib.sha256(encoded).hexdigest()[:40]


class ChangeResult(Strict):
    mutation: int
    status: Literal["applied", "duplicate", "rejected"]
    reason: str | None = None
    #: Only to a device that asked (`?echo=1`): the record's revision when the platform's
    #: record is now exactly the device's own copy. The device records it, and its pulls
    #: (`?skip_echo=1`) are not sent the record back.
    rev: int | None = None


class PushResponse(Strict):
    results: list[ChangeResult]
    last_mutation: int
    #: Only to a device that asked (`?limits=1`): how many changes the platform takes in
    #: one push (MAX_PUSH_CHANGES).
    max_changes: int | None = None


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


class DivergedBody(Strict):
    """409 `diverged`: the device sent a mutation number the platform already holds with a
    different change (the device's store was restored from a backup, rolled back by a power
    cut, or copied to another laptop). The device renumbers its changes from `diverged_at`
    to `expected` onwards and sends them again; nothing is lost and nothing applied twice."""

    error: Literal["diverged"]
    message: str
    expected: int
    diverged_at: int


def field_errors(table: str, fields: Mapping[str, Any]) -> list[FieldError]:
    """What in these values could not be stored on every copy (SQLite's STRICT tables,
    PostgreSQL text, the wire's limits); empty if they can.

    Both sides call it: the platform refuses such a change alone, and a device sets aside a
    pulled row that fails it instead of stopping its sync. Types are exact (a whole-number
    title or a fractional capacity is refused, not converted): conversion is the forms' and
    importers' job, before a value ever enters the outbox. The problems are FieldErrors, so
    the app shows them in Ukrainian and the platform's log in English.
    """
    if table not in RECORD_TABLES:
        return [FieldError("table", UNKNOWN_TABLE, {"value": _shown(table)})]
    columns = RECORD_TABLES[table][0]
    errors = []
    for name, value in fields.items():
        if name == "deleted":
            if value not in (0, 1) or not isinstance(value, int):
                errors.append(FieldError(name, NOT_BOOL, {"label": name, "value": _shown(value)}))
            continue
        kind = columns.get(name)
        if kind is None:
            errors.append(FieldError(name, UNKNOWN_FIELD_OF, _args(name, value, label=name)))
        elif value is None:
            continue
        elif kind is int:
            if isinstance(value, bool) or not isinstance(value, int):
                errors.append(FieldError(name, NOT_INT, _args(name, value)))
            elif not INT64_MIN <= value <= INT64_MAX:
                errors.append(FieldError(name, TOO_BIG, _args(name, value)))
        elif not isinstance(value, str):
            errors.append(FieldError(name, NOT_TEXT, _args(name, value)))
        elif len(value) > MAX_FIELD_CHARS:
            errors.append(FieldError(name, TOO_LONG,
                                     _args(name, value, limit=MAX_FIELD_CHARS)))
        elif "\x00" in value or not (value.isascii() or _utf8(value)):
            errors.append(FieldError(name, CONTROL_CHARS, _args(name, value)))
    return errors


def _args(name: str, value: Any, **more: Any) -> dict[str, Any]:
    return {"label": field_label(name), "value": _shown(value), **more}


def field_problem(table: str, fields: Mapping[str, Any]) -> str | None:
    """`field_errors` as one English sentence (the platform's refusal reason), or None."""
    errors = field_errors(table, fields)
    return "; ".join(str(e) for e in errors) if errors else None


def _utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _shown(value: Any) -> str:
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def checksum_term(record_id: str, rev: int) -> int:
    """One row's share of a table checksum; sums of these are order-independent."""
    import hashlib

    return int(hashlib.sha256(f"{record_id}:{rev}".encode()).hexdigest()[:15], 16)


CHECKSUM_MODULUS = 2**60
