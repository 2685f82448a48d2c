"""The tables, as numbered forward-only migrations.

A migration is a function that takes the sqlite-utils Database inside the migration's
transaction. `PRAGMA user_version` holds how many have run. Never edit a released migration:
add a new one. docs/data-model.md explains every field.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only migrations use it, and only when a file needs migrating
    import sqlite_utils

Migration = Callable[["sqlite_utils.Database"], None]

# Columns every synced record has. `version` counts the changes applied to the row; the change
# log holds exactly that many entries for it (the `check` command verifies this).
COMMON: dict[str, type] = {
    "id": str,
    "created_at": str,
    "updated_at": str,
    "device_id": str,
    "version": int,
    "deleted": int,
    "rev": int,  # the platform's revision of the row as last synced; NULL = never synced
}

# table -> (columns, foreign keys as (column, other_table)); order matters for creation.
RECORD_TABLES: dict[str, tuple[dict[str, type], list[tuple[str, str]]]] = {
    "districts": ({"name": str, "starosta": str, "community": str}, []),
    "settlements": (
        {"name": str, "kind": str, "district_id": str, "katottg": str},
        [("district_id", "districts")],
    ),
    "offices": (
        {
            "name": str, "short_name": str, "kind": str, "district_id": str,
            "settlement_id": str, "address": str, "phone": str, "email": str,
            "opened_on": str, "active": int,
        },
        [("district_id", "districts"), ("settlement_id", "settlements")],
    ),
    "event_kinds": ({"code": str, "name_uk": str, "name_en": str, "sort_order": int}, []),
    "idea_categories": ({"code": str, "name_uk": str, "name_en": str, "sort_order": int}, []),
    "staff": (
        {"name": str, "office_id": str, "role": str, "email": str, "active": int},
        [("office_id", "offices")],
    ),
    "people": (
        {
            "last_name": str, "first_name": str, "patronymic": str, "gender": str,
            "birth_year": int, "age_group": str, "phone": str, "email": str,
            "settlement_id": str, "address": str, "office_id": str, "idp": int,
            "disability": int, "notes": str, "consent_given_at": str,
            "consent_text_version": str, "consent_method": str, "consent_withdrawn_at": str,
            "forgotten_at": str,  # the person asked to be forgotten (desktop/domain/erasure.py)
        },
        [("settlement_id", "settlements"), ("office_id", "offices")],
    ),
    "organizations": (
        {
            "name": str, "short_name": str, "edrpou": str, "legal_form": str, "areas": str,
            "settlement_id": str, "address": str, "phone": str, "email": str, "website": str,
            "registered_on": str, "memorandum": int, "memorandum_on": str, "office_id": str,
            "notes": str,
        },
        [("settlement_id", "settlements"), ("office_id", "offices")],
    ),
    "org_members": (
        {"organization_id": str, "person_id": str, "role": str, "since": str, "until": str},
        [("organization_id", "organizations"), ("person_id", "people")],
    ),
    "events": (
        {
            "title": str, "kind": str, "office_id": str, "place": str, "settlement_id": str,
            "starts_at": str, "ends_at": str, "capacity": int, "organiser_office_id": str,
            "organiser_org_id": str, "participation_level": str, "status": str,
            "description": str,
        },
        [
            ("office_id", "offices"), ("settlement_id", "settlements"),
            ("organiser_office_id", "offices"), ("organiser_org_id", "organizations"),
        ],
    ),
    "attendance": (
        {
            "event_id": str, "person_id": str, "status": str, "checked_in_at": str,
            "role": str, "knowledge_improved": int, "would_recommend": int, "rating": int,
            "feedback_comment": str,
        },
        [("event_id", "events"), ("person_id", "people")],
    ),
    "consultations": (
        {
            "title": str, "authority": str, "topic": str, "level": str, "method": str,
            "opens_on": str, "closes_on": str, "status": str, "outcome": str, "office_id": str,
        },
        [("office_id", "offices")],
    ),
    "submissions": (
        {
            "consultation_id": str, "person_id": str, "office_id": str, "text": str,
            "received_via": str, "received_on": str, "response": str, "responded_on": str,
        },
        [("consultation_id", "consultations"), ("person_id", "people"), ("office_id", "offices")],
    ),
    "visits": (
        {
            "office_id": str, "person_id": str, "visited_at": str, "topic": str, "tool": str,
            "outcome": str, "follow_up_on": str, "staff_id": str,
        },
        [("office_id", "offices"), ("person_id", "people"), ("staff_id", "staff")],
    ),
    "ideas": (
        {
            "title": str, "description": str, "channel": str, "category_id": str,
            "settlement_id": str, "author_person_id": str, "office_id": str,
            "received_on": str, "status": str, "response": str, "responded_on": str,
        },
        [
            ("category_id", "idea_categories"), ("settlement_id", "settlements"),
            ("author_person_id", "people"), ("office_id", "offices"),
        ],
    ),
    # The council's terms for answering (domain/deadlines.py): a row replaces the legal
    # default of its kind; and the days off it declares (or weekend days worked).
    "answer_periods": (
        {"kind": str, "amount": int, "unit": str, "longest_days": int}, [],
    ),
    "days_off": ({"day": str, "working": int, "name": str}, []),
    # What the council expects of an office in a year (events held, CSOs created, people
    # reached); written by the council only, read by the office it is about.
    "targets": (
        {"office_id": str, "year": int, "events_held": int, "csos_created": int,
         "people_reached": int},
        [("office_id", "offices")],
    ),
    # Written by the platform when two offices changed the same field while offline: the
    # losing value is kept here for a person to see and resolve.
    "conflicts": (
        {
            "table_name": str, "record_id": str, "field": str, "winning_value": str,
            "losing_value": str, "winning_hlc": str, "losing_hlc": str,
            "losing_device": str, "office_id": str, "resolved_at": str, "resolved_by": str,
        },
        [],
    ),
    "attachments": (
        {
            "owner_table": str, "owner_id": str, "sha256": str, "filename": str, "mime": str,
            "size": int,
        },
        [],
    ),
}

# Indexes that the lists, check-in, sync and reports read by.
INDEXES: list[tuple[str, list[str], bool]] = [
    ("settlements", ["district_id"], False),
    ("people", ["phone"], False),
    ("people", ["last_name", "first_name"], False),
    ("people", ["office_id"], False),
    ("organizations", ["edrpou"], False),
    ("org_members", ["organization_id"], False),
    ("org_members", ["person_id"], False),
    ("events", ["office_id", "starts_at"], False),
    ("events", ["starts_at"], False),
    ("attendance", ["event_id", "person_id"], True),
    ("attendance", ["person_id"], False),
    ("submissions", ["consultation_id"], False),
    ("submissions", ["person_id"], False),
    ("visits", ["office_id", "visited_at"], False),
    ("visits", ["person_id"], False),
    ("ideas", ["status", "received_on"], False),
    ("ideas", ["office_id"], False),
    ("ideas", ["author_person_id"], False),
    ("attachments", ["owner_table", "owner_id"], False),
    ("attachments", ["sha256"], False),
    ("conflicts", ["table_name", "record_id"], False),
]

SEARCH_KINDS = ("people", "organizations", "ideas")


def _m001_initial(db: sqlite_utils.Database) -> None:
    db["meta"].create({"key": str, "value": str}, pk="key", strict=True)
    for table, (columns, fks) in RECORD_TABLES.items():
        db[table].create(
            {**COMMON, **columns},
            pk="id",
            foreign_keys=[(col, other, "id") for col, other in fks],
            not_null={"created_at", "updated_at", "device_id", "version", "deleted"},
            defaults={"version": 0, "deleted": 0},
            strict=True,
        )
    for table, columns, unique in INDEXES:
        db[table].create_index(columns, unique=unique)
    db["change_log"].create(
        {
            "seq": int, "mutation": int, "change_id": str, "table_name": str,
            "record_id": str, "op": str, "old": str, "new": str, "base_version": int,
            "base_rev": int, "changed_at": str, "hlc": str, "device_id": str, "user_id": str,
            "origin": str,
        },
        pk="seq",
        not_null={"change_id", "table_name", "record_id", "op", "changed_at", "hlc",
                  "device_id", "origin"},
        strict=True,
    )
    db["change_log"].create_index(["table_name", "record_id"])
    db["change_log"].create_index(["change_id"], unique=True)
    # The device's own changes are numbered 1, 2, 3... with no gaps: the push protocol's
    # mutation numbers. Changes pulled from the platform (origin 'remote') have none.
    db["change_log"].create_index(["mutation"], unique=True)
    db["sync_rejections"].create(
        {"mutation": int, "table_name": str, "record_id": str, "reason": str,
         "rejected_at": str, "dismissed": int},
        pk="mutation", defaults={"dismissed": 0}, strict=True,
    )
    db["sync_log"].create(
        {"id": int, "started_at": str, "finished_at": str, "outcome": str, "pushed": int,
         "pulled": int, "message": str},
        pk="id", strict=True,
    )
    # Search documents hold text already folded by the domain (case, apostrophes), so the
    # FTS tokenizer only has to split words. remove_diacritics must stay 0: it would turn
    # Ukrainian й into и and ї into і.
    db["search_docs"].create(
        {"doc_id": int, "kind": str, "record_id": str, "name": str, "extra": str},
        pk="doc_id",
        strict=True,
    )
    db["search_docs"].create_index(["record_id"], unique=True)
    db["search_docs"].enable_fts(
        ["name", "extra"],
        create_triggers=True,
        tokenize="unicode61 remove_diacritics 0",
        replace=True,
    )


def _m002_duplicates_and_list_indexes(db: sqlite_utils.Database) -> None:
    # People who may be the same person (same phone, or same name and birth year), found after
    # a pull brought in people registered on other laptops; a person decides (merge/dismiss).
    db["possible_duplicates"].create(
        {"person_a": str, "person_b": str, "reason": str, "found_at": str, "dismissed": int},
        pk=("person_a", "person_b"), defaults={"dismissed": 0}, strict=True,
        if_not_exists=True,
    )
    # The follow-ups due (Today, advice visits) and an office's ideas in date order, measured
    # on 200,000 people: without these they scan every visit / sort every idea of an office.
    db["visits"].create_index(["office_id", "follow_up_on"], if_not_exists=True)
    db["ideas"].create_index(["office_id", "received_on"], if_not_exists=True)


#: Columns the store derives from a record's own fields (never typed, never synced).
SORT_KEY_SOURCES: dict[str, tuple[str, ...]] = {
    "people": ("last_name", "first_name", "patronymic"),
    "organizations": ("name",),
}


def _m003_sort_keys(db: sqlite_utils.Database) -> None:
    """Lists in Ukrainian alphabetical order: an indexed key per person and CSO."""
    from desktop.domain.names import sort_key

    for table, sources in SORT_KEY_SOURCES.items():
        db[table].add_column("sort_key", str)
        rows = db.execute(
            f"SELECT id, {', '.join(sources)} FROM [{table}]").fetchall()
        db.conn.executemany(f"UPDATE [{table}] SET sort_key = ? WHERE id = ?",
                            ((sort_key(*row[1:]), row[0]) for row in rows))
        db[table].create_index(["sort_key"])


def _m004_set_aside(db: sqlite_utils.Database) -> None:
    """Rows received from the platform that could not be applied here, kept for a person to
    see instead of stopping every later sync (docs/sync-protocol.md, "Nothing stops a pull").
    One entry per record: a later version that applies clears it."""
    db["sync_setaside"].create(
        {"table_name": str, "record_id": str, "rev": int, "reason": str, "details": str,
         "data": str, "set_aside_at": str, "dismissed": int},
        pk=("table_name", "record_id"), defaults={"dismissed": 0},
        not_null={"reason", "set_aside_at"}, strict=True, if_not_exists=True,
    )


def _m005_reach(db: sqlite_utils.Database) -> None:
    """People reached, kept ready for reports (desktop/store/reach.py): the yearly report
    reads two indexes instead of every check-in."""
    from desktop.store import reach

    reach.create(db.conn)


def _m006_search_prefixes(db: sqlite_utils.Database) -> None:
    """Prefix indexes for two- and three-letter searches: the check-in desk searches on every
    key, and "Ко" matched every word starting with it by walking the whole term list (p95
    of the two index queries 2.9 -> 1.1 ms on the 200,000-person bench store). The table is
    made again with the same name, columns and triggers' target; its rows come back from
    `search_docs` (the external content)."""
    db.conn.execute("DROP TABLE IF EXISTS search_docs_fts")
    db.conn.execute(
        "CREATE VIRTUAL TABLE search_docs_fts USING FTS5(name, extra, "
        "tokenize='unicode61 remove_diacritics 0', content='search_docs', prefix='2 3')")
    db.conn.execute("INSERT INTO search_docs_fts(search_docs_fts) VALUES('rebuild')")


def _m007_forgotten(db: sqlite_utils.Database) -> None:
    """People who asked to be forgotten: the moment travels with the record, so every copy
    removes what the person asked to remove (desktop/store/forget.py)."""
    if "forgotten_at" not in db["people"].columns_dict:
        db["people"].add_column("forgotten_at", str)


def _m008_targets(db: sqlite_utils.Database) -> None:
    """The council's yearly targets per office (issue 13); a store created since has it."""
    if "targets" not in db.table_names():
        columns, fks = RECORD_TABLES["targets"]
        db["targets"].create(
            {**COMMON, **columns}, pk="id",
            foreign_keys=[(col, other, "id") for col, other in fks],
            not_null={"created_at", "updated_at", "device_id", "version", "deleted"},
            defaults={"version": 0, "deleted": 0}, strict=True,
        )
    db["targets"].create_index(["office_id", "year"], if_not_exists=True)


def _m009_answer_terms(db: sqlite_utils.Database) -> None:
    """The council's terms for answers and its days off (issue 13)."""
    for table in ("answer_periods", "days_off"):
        if table not in db.table_names():
            columns, _fks = RECORD_TABLES[table]
            db[table].create(
                {**COMMON, **columns}, pk="id",
                not_null={"created_at", "updated_at", "device_id", "version", "deleted"},
                defaults={"version": 0, "deleted": 0}, strict=True,
            )


def _m010_report_sums(db: sqlite_utils.Database) -> None:
    """Reports that end today count different people from daily sums instead of a pass over
    every check-in of the period (desktop/store/reach.py); the advice visits of a period are
    read from one index, without the visits' rows (their notes) (issue 11)."""
    from desktop.store import reach

    db.execute("DROP TABLE IF EXISTS reach_days")  # derived: made again from `reach`
    db.execute(reach.DAYS_TABLE)
    reach.rebuild_days(db.conn)
    db["visits"].create_index(["office_id", "visited_at", "deleted", "tool", "person_id"],
                              index_name="visits_for_reports", if_not_exists=True)
    db.execute("DROP INDEX IF EXISTS idx_visits_office_id_visited_at")  # its first columns


MIGRATIONS: list[Migration] = [
    _m001_initial, _m002_duplicates_and_list_indexes, _m003_sort_keys, _m004_set_aside,
    _m005_reach, _m006_search_prefixes, _m007_forgotten, _m008_targets, _m009_answer_terms,
    _m010_report_sums,
]
