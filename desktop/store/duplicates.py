"""Finding people who may be registered twice, without scanning 200,000 people.

Candidates come from the indexes (same phone; the full-text index for the name), and the
domain's dedupe keys decide. Pairs are kept in `possible_duplicates` until someone merges or
dismisses them; a person is never merged automatically (a name is not an identity).
"""

from __future__ import annotations

from collections.abc import Iterable

from desktop.domain.dedupe import duplicate_keys, find_possible_duplicates
from desktop.store.ids import utc_now
from desktop.store.records import Store
from desktop.store.search import match_expression


def _candidates(store: Store, person: dict) -> list[dict]:
    ids: set[str] = set()
    if person.get("phone"):
        ids.update(r[0] for r in store.conn.execute(
            "SELECT id FROM people WHERE phone = ? AND deleted = 0 AND id != ?",
            (person["phone"], person["id"])))
    expression = match_expression(f"{person.get('last_name') or ''} "
                                  f"{person.get('first_name') or ''}")
    if expression:
        ids.update(r[0] for r in store.conn.execute(
            "SELECT d.record_id FROM search_docs_fts AS f JOIN search_docs AS d "
            "ON d.doc_id = f.rowid WHERE search_docs_fts MATCH ? AND d.kind = 'people' "
            "AND d.record_id != ? LIMIT 200", (expression, person["id"])))
    return [p for p in (store.get("people", i) for i in ids) if p is not None]


def same_person_candidates(store: Store, person: dict) -> list[str]:
    """Ids of live people who share a dedupe key (phone, or name and birth year) with
    `person`, which need not be stored (an imported row): the importer's matching."""
    wanted = duplicate_keys(person)
    if not wanted:
        return []
    probe = {**person, "id": person.get("id") or ""}
    return [c["id"] for c in _candidates(store, probe) if duplicate_keys(c) & wanted]


def record_possible_duplicates(store: Store, person_ids: Iterable[str]) -> int:
    """Check these people against everyone; returns how many new pairs were recorded."""
    found = 0
    with store.write():
        for person_id in person_ids:
            person = store.get("people", person_id)
            if person is None:
                continue
            for a, b, reason in find_possible_duplicates([person, *_candidates(store, person)]):
                if person_id not in (a, b):
                    continue
                first, second = sorted((a, b))
                cur = store.conn.execute(
                    "INSERT INTO possible_duplicates(person_a, person_b, reason, found_at) "
                    "VALUES(?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    (first, second, reason, utc_now()))
                found += cur.rowcount
    return found


def open_duplicates(store: Store) -> list[tuple[str, str, str]]:
    return [tuple(r) for r in store.conn.execute(  # type: ignore[misc]
        "SELECT person_a, person_b, reason FROM possible_duplicates WHERE dismissed = 0 "
        "ORDER BY found_at")]


def dismiss(store: Store, person_a: str, person_b: str) -> None:
    first, second = sorted((person_a, person_b))
    with store.write():
        store.conn.execute("UPDATE possible_duplicates SET dismissed = 1 WHERE person_a = ? "
                           "AND person_b = ?", (first, second))
