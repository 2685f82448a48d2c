"""A new office on its own: the reference lists, the office, its staff, and later the
hand-over to the council's platform.

Why the reference lists and the office are written without entering the outbox: they are the
council's records (an office device may not push them; the platform would refuse every one).
They carry natural ids made from their names and codes (`natural_id`), so when the council's
platform holds the same lists (`hromada-server load-reference-lists`, or a council device that
started from the same bundle) the records an office made before it enrolled refer to rows the
platform knows, and nothing has to be typed again.

When the office enrolls, the platform's office replaces the one made here: every record and
every change waiting in the outbox is moved to the platform's office id in one transaction
(`adopt_platform_office`), then the local office row is dropped.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from desktop.domain import vocab
from desktop.domain.i18n import QT_TRANSLATE_NOOP
from desktop.domain.validation import validate
from desktop.paths import resources_dir
from desktop.store.ids import natural_id, new_id, utc_now
from desktop.store.records import Store
from desktop.store.schema import RECORD_TABLES

#: meta key: the id of an office this device made itself (not yet known to a platform).
LOCAL_OFFICE = "office.local"
OFFICE_KINDS = ("liaison_office", "cso_hub")


@dataclass(frozen=True)
class SettlementChoice:
    id: str
    name: str
    label: str
    district_id: str
    district_name: str


def _bundle() -> dict[str, Any]:
    with (resources_dir() / "demo" / "districts.json").open(encoding="utf-8") as handle:
        return json.load(handle)


def reference_rows() -> dict[str, list[dict[str, Any]]]:
    """The bundled reference lists as rows with natural ids, in the order they must be
    written (a settlement refers to its district)."""
    bundle = _bundle()
    community = bundle["community"]
    prefix = bundle["katottg_prefix"]
    districts: list[dict[str, Any]] = []
    settlements: list[dict[str, Any]] = []
    number = 0
    for spec in bundle["districts"]:
        district_id = natural_id("districts", community, spec["name"])
        row: dict[str, Any] = {"id": district_id, "name": spec["name"], "community": community}
        if spec.get("starosta"):
            row["starosta"] = spec["starosta"]
        districts.append(row)
        for item in spec["settlements"]:
            number += 1
            tail = int(hashlib.sha256(item["name"].encode()).hexdigest(), 16) % 90000 + 10000
            katottg = f"{prefix}{number:03d}00{tail}"
            settlements.append({
                "id": natural_id("settlements", katottg), "name": item["name"],
                "kind": item["kind"], "district_id": district_id, "katottg": katottg,
            })
    kinds = [{"id": natural_id("event_kinds", s["code"]), **s} for s in vocab.EVENT_KIND_SEEDS]
    categories = [{"id": natural_id("idea_categories", s["code"]), **s}
                  for s in vocab.IDEA_CATEGORY_SEEDS]
    return {"districts": districts, "settlements": settlements, "event_kinds": kinds,
            "idea_categories": categories}


def _insert_unlogged(store: Store, table: str, row: dict[str, Any]) -> None:
    """Write a council-owned record as if it had come from a platform that has not yet given
    it a revision: it is never pushed, and a pulled copy with the same id simply updates it."""
    now = utc_now()
    fields = {k: v for k, v in row.items() if k != "id"}
    validate(table, fields)
    record = {"id": row["id"], "created_at": now, "updated_at": now,
              "device_id": store.device_id, "version": 1, "deleted": 0, "rev": None,
              **fields, **store._derived(table, fields)}
    store._insert_rows(table, [record])
    store._insert_rows("change_log", [store._log_row(
        table, row["id"], "insert", None, fields, 0, None, now, None, None, origin="bundled")])
    store._index(table, record)


def install_reference_lists(store: Store) -> int:
    """Add whatever of the bundled reference lists this store lacks; returns rows added."""
    added = 0
    with store.write():
        for table, rows in reference_rows().items():
            have = {r[0] for r in store.conn.execute(f"SELECT id FROM [{table}]")}
            codes: set[str] = set()
            if table in ("event_kinds", "idea_categories"):
                codes = {r[0] for r in store.conn.execute(f"SELECT code FROM [{table}]")}
            for row in rows:
                if row["id"] in have or row.get("code") in codes:
                    continue
                _insert_unlogged(store, table, row)
                added += 1
    return added


def settlement_choices(store: Store) -> list[SettlementChoice]:
    """Settlements with their districts, for the first-run form (city first, then by name)."""
    rows = store.conn.execute(
        "SELECT s.id, s.name, s.kind, d.id, d.name FROM settlements s "
        "JOIN districts d ON d.id = s.district_id WHERE s.deleted = 0 AND d.deleted = 0 "
        "ORDER BY s.kind <> 'city', d.name, s.name").fetchall()
    labels = {"city": "м.", "town": "смт", "village": "с.", "selyshche": "с-ще"}
    return [SettlementChoice(sid, name, f"{labels.get(kind, '')} {name}".strip(), did, dname)
            for sid, name, kind, did, dname in rows]


def create_own_office(store: Store, *, name: str, kind: str, settlement_id: str | None,
                      staff_name: str, short_name: str | None = None) -> tuple[str, str]:
    """The office this device works for until it enrolls, and its first staff member;
    returns (office_id, staff_id). Raises ValidationError (nothing written) for bad input."""
    from desktop.domain.errors import FieldError, ValidationError

    name, staff_name = name.strip(), " ".join(staff_name.split())
    problems = []
    if not name:
        problems.append(FieldError(
            "name", QT_TRANSLATE_NOOP("Validation", "Give the office a name.")))
    if kind not in OFFICE_KINDS:
        problems.append(FieldError(
            "kind", QT_TRANSLATE_NOOP("Validation", "Choose what kind of office it is.")))
    if not staff_name:
        problems.append(FieldError(
            "staff", QT_TRANSLATE_NOOP("Validation", "Write your name.")))
    if problems:
        raise ValidationError(problems)
    district_id = None
    if settlement_id:
        row = store.conn.execute("SELECT district_id FROM settlements WHERE id = ?",
                                 (settlement_id,)).fetchone()
        district_id = row[0] if row else None
        if row is None:
            settlement_id = None
    office_id = new_id()
    office = {"id": office_id, "name": name, "short_name": (short_name or "").strip() or None,
              "kind": kind, "district_id": district_id, "settlement_id": settlement_id,
              "active": 1}
    office = {k: v for k, v in office.items() if v is not None}
    with store.write():
        _insert_unlogged(store, "offices", office)
        store.set_meta(LOCAL_OFFICE, office_id)
        store.set_meta("office_id", office_id)
        staff = store.insert("staff", {"name": staff_name, "office_id": office_id,
                                       "role": "administrator", "active": 1})
        store.set_meta("staff_id", staff["id"])
    store.user_id = staff["id"]
    return office_id, staff["id"]


def add_staff(store: Store, office_id: str, name: str, role: str = "operator") -> str:
    """A colleague who shares this laptop; returns the new staff id."""
    from desktop.domain.errors import FieldError, ValidationError

    name = " ".join(name.split())
    if not name:
        raise ValidationError([FieldError(
            "name", QT_TRANSLATE_NOOP("Validation", "Write the person's name."))])
    return str(store.insert("staff", {"name": name, "office_id": office_id, "role": role,
                                      "active": 1})["id"])


def ensure_office_row(store: Store, office_id: str, name: str | None) -> None:
    """Right after enrolling, before the first pull: the device's office as the platform
    named it, so a staff member can be added at once (the pull then brings the full record)."""
    if store.get("offices", office_id, include_deleted=True) is not None:
        return
    with store.write():
        _insert_unlogged(store, "offices", {"id": office_id, "name": name or office_id,
                                            "kind": "liaison_office", "active": 1})


def office_columns() -> dict[str, list[str]]:
    """Every column of every record table that names an office."""
    return {table: [column for column, other in refs if other == "offices"]
            for table, (_columns, refs) in RECORD_TABLES.items()
            if any(other == "offices" for _column, other in refs)}


def adopt_platform_office(store: Store, platform_office_id: str) -> int:
    """Move everything made for this device's own office to the platform's office; returns
    the number of records moved. A no-op when the device never made its own office."""
    local = store.get_meta(LOCAL_OFFICE)
    if not local or local == platform_office_id:
        return 0
    moved = 0
    with store.write():
        if store.get("offices", platform_office_id, include_deleted=True) is None:
            # Until the first pull brings the platform's record, the office keeps the name
            # given here (records must point at an existing office all along).
            mine = store.get("offices", local, include_deleted=True) or {}
            allowed = RECORD_TABLES["offices"][0]
            _insert_unlogged(store, "offices", {
                "id": platform_office_id,
                **{k: v for k, v in mine.items() if k in allowed and v is not None}})
        for table, columns in office_columns().items():
            for column in columns:
                moved += store.conn.execute(
                    f"UPDATE [{table}] SET [{column}] = ? WHERE [{column}] = ?",
                    (platform_office_id, local)).rowcount
                for side in ("new", "old"):
                    store.conn.execute(
                        f"UPDATE change_log SET {side} = json_set({side}, '$.{column}', ?) "
                        f"WHERE table_name = ? AND {side} IS NOT NULL "
                        f"AND json_extract({side}, '$.{column}') = ?",
                        (platform_office_id, table, local))
        store.conn.execute("DELETE FROM offices WHERE id = ?", (local,))
        store.conn.execute("DELETE FROM search_docs WHERE record_id = ?", (local,))
        store.conn.execute(
            "DELETE FROM change_log WHERE table_name = 'offices' AND record_id = ? "
            "AND mutation IS NULL", (local,))
        store.set_meta("office_id", platform_office_id)
        store.set_meta(LOCAL_OFFICE, None)
    return moved
