"""Importing an office's lists: match each prepared row against the store, then write every
row in one transaction, or nothing.

`plan` only reads: it says how many rows are new, match someone already here, may be a
duplicate, or are bad (with line, column and reason), so the preview and `--dry-run` can show
it. `run` writes the plan through the store's one write path (so every imported record is in
the change log and syncs like a typed one) inside one transaction: a bad row (unless the user
chose to import only the good ones), a cancel or a crash leaves the store as it was.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from desktop.domain import importing
from desktop.domain.consent import statistics_only, with_consent
from desktop.domain.dedupe import duplicate_keys
from desktop.domain.i18n import QT_TRANSLATE_NOOP
from desktop.domain.importing import Prepared, Table
from desktop.domain.names import fold
from desktop.store.checkin import local_now
from desktop.store.duplicates import record_possible_duplicates, same_person_candidates
from desktop.store.errors import StoreError
from desktop.store.ids import attendance_id, new_id, utc_now
from desktop.store.records import Store

Progress = Callable[[int, int], None]
#: New people are written this many at a time through the store's bulk path (one
#: executemany for the rows, the change log and the search index).
NEW_PEOPLE_BATCH = 1000
MAPPING_KEY = "import.mapping."


class ImportCancelled(StoreError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Import", "The import was cancelled; nothing was "
                                                     "changed."))


class RowsRefused(StoreError):
    """The file has bad rows and the user did not choose to import only the good ones."""

    def __init__(self, bad: int) -> None:
        super().__init__(f"{bad} rows have problems; nothing was imported. Fix the file, or "
                         "import only the good rows.")
        self.bad = bad


@dataclass
class Planned:
    row: Prepared
    match: str | None = None          # the existing record this row is
    duplicate_of: list[str] = field(default_factory=list)  # may be one of these
    same_as_line: int | None = None   # a CSO named again on a later row (another member)


@dataclass
class ImportPlan:
    kind: str
    rows: list[Planned]
    event_id: str | None = None

    @property
    def bad(self) -> list[Prepared]:
        return [p.row for p in self.rows if not p.row.ok]

    @property
    def good(self) -> list[Planned]:
        return [p for p in self.rows if p.row.ok]

    @property
    def new(self) -> int:
        return sum(1 for p in self.good if p.match is None and p.same_as_line is None)

    @property
    def matched(self) -> int:
        return sum(1 for p in self.good if p.match is not None)

    @property
    def possible_duplicates(self) -> int:
        return sum(1 for p in self.good if p.match is None and p.duplicate_of)


@dataclass
class ImportResult:
    kind: str
    created: int = 0
    updated: int = 0
    skipped: int = 0
    checked_in: int = 0
    members: int = 0
    members_not_linked: int = 0
    without_consent: int = 0
    possible_duplicates: int = 0
    bad_rows: int = 0
    created_ids: list[str] = field(default_factory=list)


# -- reference lists and remembered mappings -----------------------------------------------

def settlements_index(store: Store) -> dict[str, str]:
    """Folded settlement name -> id (a name shared by two settlements matches neither)."""
    index: dict[str, str] = {}
    seen: set[str] = set()
    for settlement_id, name in store.conn.execute(
            "SELECT id, name FROM settlements WHERE deleted = 0"):
        key = fold(name or "")
        if key in seen:
            index.pop(key, None)
        else:
            index[key] = settlement_id
            seen.add(key)
    return index


def remembered_mapping(store: Store, kind: str, headers: list[str]) -> importing.Mapping_ | None:
    raw = store.get_meta(MAPPING_KEY + importing.headers_signature(kind, headers))
    if not raw:
        return None
    try:
        stored = json.loads(raw)
        return {int(k): str(v) for k, v in stored.items()
                if str(v) in importing.TARGETS[kind] and int(k) < len(headers)}
    except (ValueError, TypeError, AttributeError):
        return None


def remember_mapping(store: Store, kind: str, headers: list[str],
                     mapping: importing.Mapping_) -> None:
    store.set_meta(MAPPING_KEY + importing.headers_signature(kind, headers),
                   json.dumps({str(k): v for k, v in sorted(mapping.items())}))


def mapping_for(store: Store, kind: str, headers: list[str]) -> importing.Mapping_:
    """The user's mapping for files with these headers, else one guessed from the names."""
    return remembered_mapping(store, kind, headers) or importing.guess_mapping(kind, headers)


# -- planning ----------------------------------------------------------------------------

def plan(
    store: Store, kind: str, table: Table, mapping: importing.Mapping_, *,
    event_id: str | None = None, progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None, today: dt.date | None = None,
) -> ImportPlan:
    """Prepare and match every row; reads only."""
    if kind not in importing.KINDS:
        raise StoreError(f"unknown kind of list {kind!r}: people, organizations or attendance")
    if kind == "attendance":
        if not event_id:
            raise StoreError("an attendance list needs the event it belongs to (--event ID)")
        if store.get("events", event_id) is None:
            raise StoreError(f"there is no event with id {event_id}")
    settlements = settlements_index(store)
    now = utc_now()[:19]
    planned: list[Planned] = []
    seen_in_file: dict[str, int] = {}
    total = len(table.rows)
    for number, prepared in enumerate(importing.prepare_all(
            kind, table, mapping, settlements, now=now, today=today)):
        if number % 200 == 0:
            if cancel and cancel():
                raise ImportCancelled()
            if progress:
                progress(number, total)
        item = Planned(prepared)
        if prepared.ok:
            if kind == "organizations":
                item.match = _match_organization(store, prepared.values)
                key = _org_key(prepared.values)
                if item.match is None and key in seen_in_file:
                    item.same_as_line = seen_in_file[key]
                seen_in_file.setdefault(key, prepared.line)
            else:
                candidates = same_person_candidates(store, prepared.values)
                if len(candidates) == 1:
                    item.match = candidates[0]
                elif candidates:
                    item.duplicate_of = candidates
                for key in duplicate_keys(prepared.values):
                    if key in seen_in_file and item.match is None:
                        item.duplicate_of.append(f"line {seen_in_file[key]}")
                    seen_in_file.setdefault(key, prepared.line)
        planned.append(item)
    if progress:
        progress(total, total)
    return ImportPlan(kind, planned, event_id)


def _org_key(values: dict[str, Any]) -> str:
    return f"edrpou:{values['edrpou']}" if values.get("edrpou") else \
        f"name:{fold(values.get('name') or '')}"


def _match_organization(store: Store, values: dict[str, Any]) -> str | None:
    if values.get("edrpou"):
        row = store.conn.execute("SELECT id FROM organizations WHERE edrpou = ? AND deleted = 0",
                                 (values["edrpou"],)).fetchone()
        if row:
            return str(row[0])
    wanted = fold(values.get("name") or "")
    for org_id, name in store.conn.execute(
            "SELECT id, name FROM organizations WHERE deleted = 0 AND sort_key = ?",
            (_sort_key(values.get("name")),)):
        if fold(name or "") == wanted:
            return str(org_id)
    return None


def _sort_key(name: Any) -> str:
    from desktop.domain.names import sort_key

    return sort_key(str(name or ""))


# -- writing ---------------------------------------------------------------------------------

def run(
    store: Store, import_plan: ImportPlan, *, update_existing: bool = False,
    only_valid: bool = False, office_id: str | None = None, user_id: str | None = None,
    progress: Progress | None = None, cancel: Callable[[], bool] | None = None,
    today: dt.date | None = None,
) -> ImportResult:
    """Write the plan in one transaction. Bad rows refuse the whole import unless
    `only_valid`; matched rows are updated (only what the file fills in) or skipped."""
    bad = len(import_plan.bad)
    if bad and not only_valid:
        raise RowsRefused(bad)
    result = ImportResult(import_plan.kind, bad_rows=bad)
    rows = import_plan.good
    total = len(rows)
    new_people: list[str] = []
    orgs_in_file: dict[str, str] = {}
    batch: list[dict[str, Any]] = []     # new people, written together (insert_many)
    attending: list[tuple[str, dict[str, Any]]] = []  # after the people they point to
    with store.write():
        for number, item in enumerate(rows):
            if number % 200 == 0:
                if cancel and cancel():
                    raise ImportCancelled()  # rolls the whole transaction back
                if progress:
                    progress(number, total)
            if import_plan.kind == "organizations":
                _write_organization(store, item, result, update_existing, office_id, user_id,
                                    orgs_in_file)
                continue
            person_id = _write_person(store, item, result, update_existing, office_id,
                                      user_id, today, batch)
            if item.match is None:
                new_people.append(person_id)
            if len(batch) >= NEW_PEOPLE_BATCH:
                store.insert_many("people", batch, user_id=user_id)
                batch.clear()
            if import_plan.kind == "attendance" and import_plan.event_id:
                attending.append((person_id, item.row.values))
        store.insert_many("people", batch, user_id=user_id)
        for person_id, values in attending:
            _write_attendance(store, str(import_plan.event_id), person_id, values, user_id)
            result.checked_in += 1
        if progress:
            progress(total, total)
        flagged = [p for p, item in zip(new_people, [i for i in rows if i.match is None],
                                        strict=False) if item.duplicate_of]
        result.possible_duplicates = record_possible_duplicates(store, flagged) if flagged \
            else 0
    result.created_ids = new_people
    return result


_ATTENDANCE_ONLY = ("status", "role")


def _person_values(item: Planned, office_id: str | None,
                   today: dt.date | None) -> tuple[dict[str, Any], bool]:
    values = {k: v for k, v in item.row.values.items() if k not in _ATTENDANCE_ONLY}
    if office_id and not values.get("office_id"):
        values["office_id"] = office_id
    given = item.row.extra.get("consent_given_at")
    if given:
        return with_consent(values, given), True
    return statistics_only(values, today), False


def _write_person(store: Store, item: Planned, result: ImportResult, update_existing: bool,
                  office_id: str | None, user_id: str | None, today: dt.date | None,
                  batch: list[dict[str, Any]]) -> str:
    if item.match is not None:
        if not update_existing:
            result.skipped += 1
            return item.match
        current = store.get("people", item.match) or {}
        values = {k: v for k, v in item.row.values.items() if k not in _ATTENDANCE_ONLY}
        given = item.row.extra.get("consent_given_at")
        if given and not current.get("consent_given_at"):
            values = with_consent(values, given)
        changes = {k: v for k, v in values.items() if v is not None and current.get(k) != v}
        if changes:
            store.update("people", item.match, changes, user_id=user_id)
            result.updated += 1
        else:
            result.skipped += 1
        return item.match
    values, consented = _person_values(item, office_id, today)
    values["id"] = new_id()
    batch.append(values)
    result.created += 1
    result.without_consent += not consented
    return str(values["id"])


def _write_attendance(store: Store, event_id: str, person_id: str, values: dict[str, Any],
                      user_id: str | None) -> None:
    record_id = attendance_id(person_id, event_id)
    status = values.get("status") or "attended"
    fields = {"status": status, "role": values.get("role") or "participant"}
    if status == "attended":
        fields["checked_in_at"] = local_now()
    current = store.get("attendance", record_id, include_deleted=True)
    if current is None:
        store.insert("attendance", {"id": record_id, "event_id": event_id,
                                    "person_id": person_id, **fields}, user_id=user_id)
        return
    if current["deleted"]:
        store.undelete("attendance", record_id, user_id=user_id)
    if current.get("status") == "attended":
        fields.pop("checked_in_at", None)
    store.update("attendance", record_id, fields, user_id=user_id)


def _write_organization(store: Store, item: Planned, result: ImportResult,
                        update_existing: bool, office_id: str | None, user_id: str | None,
                        orgs_in_file: dict[str, str]) -> None:
    values = dict(item.row.values)
    key = _org_key(values)
    if item.same_as_line is not None and key in orgs_in_file:
        org_id = orgs_in_file[key]  # the same CSO again: only its member is new
    elif item.match is not None:
        org_id = item.match
        if update_existing:
            current = store.get("organizations", org_id) or {}
            changes = {k: v for k, v in values.items() if current.get(k) != v}
            if changes:
                store.update("organizations", org_id, changes, user_id=user_id)
                result.updated += 1
            else:
                result.skipped += 1
        else:
            result.skipped += 1
    else:
        if office_id and not values.get("office_id"):
            values["office_id"] = office_id
        org_id = new_id()
        store.insert("organizations", {**values, "id": org_id}, user_id=user_id)
        result.created += 1
    orgs_in_file.setdefault(key, org_id)
    extra = item.row.extra
    if extra.get(importing.MEMBER_NAME):
        _link_member(store, org_id, extra, result, user_id)


def _link_member(store: Store, org_id: str, extra: dict[str, Any], result: ImportResult,
                 user_id: str | None) -> None:
    """A CSO's member (its head, a contact person...) becomes a linked person: someone
    already known here by phone, or a new person when the row records their consent. A
    list of CSOs without consent gives no right to keep a new person's name and phone."""
    split = importing.split_full_name(str(extra[importing.MEMBER_NAME]))
    if split is None:
        result.members_not_linked += 1
        return
    person: dict[str, Any] = {"last_name": split[0], "first_name": split[1],
                              "patronymic": split[2]}
    if extra.get(importing.MEMBER_PHONE):
        person["phone"] = extra[importing.MEMBER_PHONE]
    candidates = same_person_candidates(store, person) if person.get("phone") else []
    if len(candidates) == 1:
        person_id = candidates[0]
    elif extra.get("consent_given_at"):
        person_id = new_id()
        store.insert("people", {**with_consent(
            {k: v for k, v in person.items() if v}, extra["consent_given_at"]),
            "gender": "not_stated", "id": person_id}, user_id=user_id)
    else:
        result.members_not_linked += 1
        return
    exists = store.conn.execute(
        "SELECT 1 FROM org_members WHERE organization_id = ? AND person_id = ? AND deleted = 0",
        (org_id, person_id)).fetchone()
    if not exists:
        store.insert("org_members", {
            "organization_id": org_id, "person_id": person_id,
            "role": extra.get(importing.MEMBER_ROLE) or "member"}, user_id=user_id)
        result.members += 1
