"""Exporting records as CSV or JSON, streamed so a million rows never sit in memory."""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from typing import IO

from desktop.domain.paper import certificate_number
from desktop.domain.spreadsheet import safe_cell
from desktop.store.errors import StoreError
from desktop.store.schema import RECORD_TABLES

EXPORT_KINDS = (
    "people", "events", "attendance", "consultations", "submissions", "visits", "ideas",
    "organizations", "org_members", "offices", "districts", "settlements", "staff",
    "event_kinds", "idea_categories", "attachments",
)
FORMATS = ("csv", "json")
JSON_COLUMNS = {"areas"}


#: Columns computed from a record, listed after its own (attendance: the number printed on
#: the participation certificate, for those who attended).
COMPUTED = {"attendance": ("certificate_no",)}


def export_columns(kind: str) -> list[str]:
    return ["id", *RECORD_TABLES[kind][0], "created_at", "updated_at", *COMPUTED.get(kind, ())]


def iter_rows(conn: sqlite3.Connection, kind: str) -> Iterator[dict]:
    if kind not in EXPORT_KINDS:
        raise StoreError(f"Unknown kind {kind!r}; choose one of: {', '.join(EXPORT_KINDS)}")
    columns = export_columns(kind)
    stored = [c for c in columns if c not in COMPUTED.get(kind, ())]
    cursor = conn.execute(
        f"SELECT {', '.join(f'[{c}]' for c in stored)} FROM [{kind}] "
        "WHERE deleted = 0 ORDER BY id"
    )
    while batch := cursor.fetchmany(1000):
        for row in batch:
            record = dict(zip(stored, row, strict=True))
            if kind == "attendance":
                record["certificate_no"] = certificate_number(record["id"]) \
                    if record["status"] == "attended" else None
            yield record


def write_export(conn: sqlite3.Connection, kind: str, fmt: str, out: IO[str]) -> int:
    """Write every live record of `kind` to `out`; returns the number of records."""
    if fmt not in FORMATS:
        raise StoreError(f"Unknown format {fmt!r}; choose csv or json")
    rows = iter_rows(conn, kind)
    count = 0
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=export_columns(kind))
        writer.writeheader()
        for row in rows:
            for col in JSON_COLUMNS & row.keys():
                if row[col]:
                    row[col] = "; ".join(json.loads(row[col]))
            writer.writerow({k: safe_cell(v) for k, v in row.items()})
            count += 1
        return count
    out.write("[")
    for row in rows:
        for col in JSON_COLUMNS & row.keys():
            if row[col]:
                row[col] = json.loads(row[col])
        out.write(",\n" if count else "\n")
        out.write(json.dumps(row, ensure_ascii=False))
        count += 1
    out.write("\n]\n")
    return count
