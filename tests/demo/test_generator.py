"""The demo generator: every table filled, every record valid, the same seed the same data.

Demo data is what new staff, donors and screenshots see first, and what benchmarks run on, so
it has to obey every rule a real record does (natural attendance ids, E.164 phones, EDRPOU
check digits) and be reproducible so that a bug seen on "seed 1" can be seen again.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from desktop.demo import generator
from desktop.demo.generator import (
    REFERENCE_DATE,
    DemoCancelled,
    DemoTargetNotEmpty,
    Sources,
    feminine_surname,
    generate,
    patronymic,
)
from desktop.domain.edrpou import is_valid_edrpou
from desktop.domain.names import fold
from desktop.domain.validation import COMMON_FIELDS, validate
from desktop.store import open_store
from desktop.store.ids import attendance_id
from desktop.store.integrity import all_problems
from desktop.store.schema import RECORD_TABLES
from desktop.store.search import search

PEOPLE, EVENTS = 300, 20
META = ("created_at", "updated_at", "device_id")
# Written only by the sync platform (e.g. conflicts between two offices' edits), or by the
# council when it departs from the law's terms (its own terms, its days off), never by a
# single office's demo, so they stay empty.
SYNC_ONLY = {"conflicts", "answer_periods", "days_off"}
DEMO_TABLES = [t for t in RECORD_TABLES if t not in SYNC_ONLY]


def _generate(folder: Path, seed: int = 1, **kwargs):
    folder.mkdir(parents=True, exist_ok=True)
    store = open_store(folder / "hromada.sqlite3")
    counts = generate(store, people=PEOPLE, events=EVENTS, seed=seed, **kwargs)
    return store, counts


def _rows(store, table: str) -> list[dict]:
    cursor = store.conn.execute(f"SELECT * FROM [{table}] ORDER BY id")
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor]


def _content(store) -> dict[str, list[dict]]:
    """Every record without the store's own metadata, which differs between runs."""
    return {
        table: [{k: v for k, v in row.items() if k not in META} for row in _rows(store, table)]
        for table in DEMO_TABLES
    }


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    store, counts = _generate(tmp_path_factory.mktemp("demo"))
    yield store, counts
    store.close()


def test_every_table_is_filled_and_counted(demo):
    store, counts = demo
    assert set(counts) == set(DEMO_TABLES)
    for table in DEMO_TABLES:
        assert counts[table] > 0, table
        assert store.count(table) == counts[table], table
    assert counts["people"] == PEOPLE
    assert counts["events"] == EVENTS


def test_the_store_finds_nothing_wrong(demo):
    store, _ = demo
    # Foreign keys, one change-log entry per record, search documents, natural attendance
    # ids and attachment files on disk: everything `hromada-desk check` verifies.
    assert list(all_problems(store.conn, store.path.parent / "attachments")) == []


def test_every_record_passes_validation(demo):
    store, _ = demo
    for table in DEMO_TABLES:
        for row in _rows(store, table):
            validate(table, {k: v for k, v in row.items() if k not in COMMON_FIELDS})


def test_attendance_has_natural_ids_and_no_duplicate_pairs(demo):
    store, _ = demo
    rows = _rows(store, "attendance")
    for row in rows:
        assert row["id"] == attendance_id(row["person_id"], row["event_id"])
    pairs = Counter((r["person_id"], r["event_id"]) for r in rows)
    assert max(pairs.values()) == 1
    # Realistic volume: about five registrations per person at most.
    assert len(rows) <= PEOPLE * 5 * 1.2


def test_attendance_status_matches_the_event_date(demo):
    store, _ = demo
    today = REFERENCE_DATE.isoformat()
    events = {e["id"]: e for e in _rows(store, "events")}
    for event in events.values():
        past = event["starts_at"] < today
        assert event["status"] in (("held", "cancelled") if past else ("planned", "cancelled"))
    statuses = Counter()
    for row in _rows(store, "attendance"):
        event = events[row["event_id"]]
        statuses[row["status"]] += 1
        if row["status"] in ("attended", "no_show"):
            assert event["starts_at"] < today and event["status"] == "held"
        if row["status"] == "registered":
            assert event["starts_at"] >= today
        if row["status"] == "attended":
            assert row["checked_in_at"]
        else:
            assert row["rating"] is None and row["checked_in_at"] is None
    assert statuses["attended"] > statuses["no_show"] > 0


def test_feedback_is_mostly_positive(demo):
    store, _ = demo
    rated = [r for r in _rows(store, "attendance") if r["rating"] is not None]
    attended = [r for r in _rows(store, "attendance") if r["status"] == "attended"]
    assert 0.4 < len(rated) / len(attended) < 0.75
    assert sum(r["would_recommend"] for r in rated) / len(rated) > 0.8
    assert sum(r["rating"] >= 4 for r in rated) / len(rated) > 0.7


def test_people_look_like_the_offices_registers(demo):
    store, _ = demo
    people = _rows(store, "people")
    phones = [p["phone"] for p in people if p["phone"]]
    assert all(re.fullmatch(r"\+380\d{9}", phone) for phone in phones)
    assert 0.7 < len(phones) / len(people) < 0.95
    women = sum(p["gender"] == "female" for p in people) / len(people)
    assert 0.48 < women < 0.68  # 58% in the offices' reports
    assert {p["age_group"] for p in people} == {"under_18", "18_35", "36_59", "60_plus"}
    consented = [p for p in people if p["consent_given_at"]]
    assert len(consented) / len(people) > 0.85
    assert all(p["consent_text_version"] == "2024-01" and p["consent_method"]
               for p in consented)


def test_csos_have_valid_codes_except_unregistered_groups(demo):
    store, _ = demo
    orgs = _rows(store, "organizations")
    assert len(orgs) >= 15
    for org in orgs:
        if org["legal_form"] in ("initiative_group", "other"):
            assert org["edrpou"] is None
        else:
            assert is_valid_edrpou(org["edrpou"]), org
        assert json.loads(org["areas"])
    codes = [o["edrpou"] for o in orgs if o["edrpou"]]
    assert len(codes) == len(set(codes))
    recent = (REFERENCE_DATE.replace(year=REFERENCE_DATE.year - 2)).isoformat()
    assert any(o["registered_on"] and o["registered_on"] >= recent for o in orgs)


def test_consultations_cover_every_participation_level(demo):
    store, _ = demo
    levels = {c["level"] for c in _rows(store, "consultations")}
    assert levels == {"information", "consultation", "dialogue", "partnership"}


def test_answered_ideas_have_a_response(demo):
    store, _ = demo
    for idea in _rows(store, "ideas"):
        answered = idea["status"] in ("answered", "accepted", "rejected", "implemented")
        assert bool(idea["response"]) == answered
        assert bool(idea["responded_on"]) == answered


def test_same_seed_same_content_other_seed_other_content(demo, tmp_path):
    store, _ = demo
    again, _ = _generate(tmp_path / "again", seed=1)
    other, _ = _generate(tmp_path / "other", seed=2)
    try:
        expected = _content(store)
        assert _content(again) == expected
        different = _content(other)
        assert different["people"] != expected["people"]
        assert different["events"] != expected["events"]
    finally:
        again.close()
        other.close()


def test_search_matches_every_apostrophe_variant(demo):
    store, _ = demo
    person = next(p for p in _rows(store, "people") if "ʼ" in p["last_name"] or "'" in
                  p["last_name"] or "’" in p["last_name"])
    for apostrophe in ("ʼ", "'", "’"):
        query = re.sub("[ʼ'’]", apostrophe, person["last_name"])
        hits = {h.record_id for h in search(store.conn, query, kinds=("people",), limit=1000)}
        assert person["id"] in hits, query


def test_refuses_a_database_that_already_has_records(demo):
    store, _ = demo
    with pytest.raises(DemoTargetNotEmpty):
        generate(store, people=10, events=2, seed=3)


def test_cancel_rolls_back_only_the_table_in_progress(tmp_path, monkeypatch):
    monkeypatch.setattr(generator, "BATCH", 50)
    calls = Counter()
    progress_seen: list[str] = []

    def progress(stage: str, done: int, total: int) -> None:
        progress_seen.append(stage)
        calls[stage] += 1

    def cancel() -> bool:
        # Let the people table get a few batches in, then give up.
        return calls["people"] >= 4

    store = open_store(tmp_path / "hromada.sqlite3")
    try:
        with pytest.raises(DemoCancelled):
            generate(store, people=PEOPLE, events=EVENTS, progress=progress, cancel=cancel)
        assert store.count("districts") > 0 and store.count("staff") > 0
        assert store.count("people") == 0 and store.count("events") == 0
        assert list(all_problems(store.conn, tmp_path / "attachments")) == []
    finally:
        store.close()
    assert progress_seen[0] == "districts"


def test_progress_reports_every_table_to_completion(tmp_path):
    reports: dict[str, tuple[int, int]] = {}
    store, counts = _generate(tmp_path, progress=lambda s, d, t: reports.__setitem__(s, (d, t)))
    store.close()
    assert set(reports) == set(DEMO_TABLES)
    for table, (done, total) in reports.items():
        assert done == total == counts[table], table


def test_tiny_and_empty_requests_work(tmp_path):
    store = open_store(tmp_path / "hromada.sqlite3")
    try:
        counts = generate(store, people=0, events=0)
    finally:
        store.close()
    assert counts["people"] == counts["events"] == counts["attendance"] == 0
    assert counts["offices"] > 0


# -- the sources ----------------------------------------------------------------------------


def test_patronymics_and_feminine_surnames():
    names = Sources.load().names
    rules = names["patronymic"]
    cases = {
        "Іван": ("Іванович", "Іванівна"), "Ілля": ("Ілліч", "Іллівна"),
        "Микола": ("Миколайович", "Миколаївна"), "Василь": ("Васильович", "Василівна"),
        "Андрій": ("Андрійович", "Андріївна"), "Петро": ("Петрович", "Петрівна"),
        "Яків": ("Якович", "Яківна"), "Лев": ("Львович", "Львівна"),
        "Микита": ("Микитович", "Микитівна"), "Вʼячеслав": ("Вʼячеславович", "Вʼячеславівна"),
    }
    for father, (son, daughter) in cases.items():
        assert patronymic(father, False, rules) == son
        assert patronymic(father, True, rules) == daughter
    assert feminine_surname("Вишневський", "adjectival", names) == "Вишневська"
    assert feminine_surname("Осадчий", "adjectival", names) == "Осадча"
    assert feminine_surname("Крайній", "adjectival", names) == "Крайня"
    assert feminine_surname("Іванов", "possessive", names) == "Іванова"
    assert feminine_surname("Шевченко", "invariant", names) == "Шевченко"


def test_name_lists_are_large_and_have_messy_apostrophes():
    names = Sources.load().names
    assert len(names["male_first"]) >= 80 and len(names["female_first"]) >= 80
    surnames = [s for group in names["surnames"].values() for s in group]
    assert len(surnames) >= 300 and len(set(surnames)) == len(surnames)
    canonical = sum("ʼ" in s for s in surnames)
    messy = sum("'" in s or "’" in s for s in surnames)
    assert canonical > 0 and 0.03 < messy / len(surnames) < 0.08
    # The messy ones are the same surnames as canonical ones, as a search must treat them.
    folded = Counter(fold(s) for s in surnames)
    assert any(n > 1 for n in folded.values())
