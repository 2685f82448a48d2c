"""Forgetting a person on this device (desktop/store/forget.py): the identity leaves every
place the store keeps it — down to the bytes of the file, its log and its backups — and the
statistics stay what they were."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from desktop.domain import erasure, kpi
from desktop.store import backup, forget, syncstate
from desktop.store.attachments import attach_file, blob_path
from desktop.store.database import open_reader
from desktop.store.queries import reports

SURNAME, OLD_SURNAME, FIRST = "Ґудзикевич", "Гудзикевичь", "Ярославина"
PHONE = "+380671234599"
SECRETS = (SURNAME, OLD_SURNAME, FIRST, "671234599", "Вулиця Липова 7",
           "дякую від Ярославини", "пенсія по інвалідності")
YEAR = kpi.Period(date(2026, 1, 1), date(2026, 12, 31))


def _bytes_of(*paths: Path) -> bytes:
    found = b""
    for path in paths:
        for candidate in (path, Path(f"{path}-wal")):
            if candidate.exists():
                found += candidate.read_bytes()
    return found


def _left(content: bytes) -> list[str]:
    return [secret for secret in SECRETS if secret.encode() in content]


@pytest.fixture
def resident(store, data_dir, kyiv_time):
    office = store.insert("offices", {"name": "Приймальня"})["id"]
    store.set_meta("office_id", office)
    person = store.insert("people", {
        "last_name": OLD_SURNAME, "first_name": FIRST, "gender": "female", "birth_year": 1956,
        "age_group": "60_plus",
        "phone": PHONE, "address": "Вулиця Липова 7", "notes": "пенсія по інвалідності",
        "disability": 1, "consent_given_at": "2026-03-01T09:00:00.000Z",
        "consent_text_version": "2024-01", "consent_method": "paper"})["id"]
    store.update("people", person, {"last_name": SURNAME})  # the change log keeps the old one
    other = store.insert("people", {"last_name": "Сусідка", "first_name": "Оксана",
                                    "gender": "female", "phone": "+380671234598"})["id"]
    event = store.insert("events", {"title": "Збори", "office_id": office, "status": "held",
                                    "kind": "meeting",
                                    "starts_at": "2026-05-05T10:00:00.000Z"})["id"]
    for who in (person, other):
        store.insert("attendance", {"event_id": event, "person_id": who, "status": "attended",
                                    "feedback_comment": "дякую від Ярославини" if who == person
                                    else "добре", "rating": 5})
    store.insert("visits", {"office_id": office, "person_id": person,
                            "visited_at": "2026-05-06T10:00:00.000Z",
                            "topic": f"Пенсія, {SURNAME}", "tool": "appeal"})
    idea = store.insert("ideas", {"title": "Лавки в парку", "office_id": office,
                                  "author_person_id": person, "received_on": "2026-05-07",
                                  "description": "Біля ставка", "channel": "proposal",
                                  "status": "new"})["id"]
    scan = data_dir / "скан.txt"
    scan.write_text("ПАСПОРТ-ҐУДЗИКЕВИЧ", encoding="utf-8")
    attachment = attach_file(store, data_dir / "attachments", "people", person, scan)
    scan.unlink()
    with store.write():  # a pair to review, and a conflict the platform recorded
        store.conn.execute("INSERT INTO possible_duplicates(person_a, person_b, reason, "
                           "found_at) VALUES(?, ?, 'name', '2026-05-08')", (person, other))
        store.insert("conflicts", {"table_name": "people", "record_id": person,
                                   "field": "last_name", "winning_value": SURNAME,
                                   "losing_value": OLD_SURNAME, "office_id": office})
    copy = backup.backup(store.path, store.backups_dir / "hromada-before.sqlite3")
    return {"person": person, "other": other, "idea": idea, "attachment": attachment,
            "backup": copy, "office": office}


def _figures(store):
    reader = open_reader(store.path)
    try:
        return reports.compute(reader, YEAR, None)
    finally:
        reader.close()


def test_forgetting_leaves_no_trace_of_who_they_were(store, data_dir, resident):
    everything = _bytes_of(store.path, resident["backup"])
    assert set(_left(everything)) == set(SECRETS)  # the test can see them before
    before = _figures(store)

    done = forget.forget_person(store, resident["person"],
                                attachments_dir=data_dir / "attachments")

    person = store.get("people", resident["person"])
    assert (person["last_name"], person["first_name"]) == (erasure.FORGOTTEN_LAST_NAME,
                                                           erasure.FORGOTTEN_FIRST_NAME)
    assert person["phone"] is None and person["birth_year"] is None
    assert person["disability"] is None and person["notes"] is None
    assert (person["gender"], person["age_group"]) == ("female", "60_plus")
    assert person["forgotten_at"] and person["consent_withdrawn_at"]
    assert store.get("ideas", resident["idea"])["author_person_id"] is None
    assert store.get("ideas", resident["idea"])["title"] == "Лавки в парку"  # the idea stays
    assert store.get("attachments", resident["attachment"]["id"], include_deleted=True)[
        "deleted"] == 1
    assert not blob_path(data_dir / "attachments", resident["attachment"]["sha256"]).exists()
    assert done.files == 1 and done.backups == [resident["backup"]] and done.history > 0
    assert store.conn.execute("SELECT count(*) FROM possible_duplicates").fetchone()[0] == 0
    assert store.search("Ґудз") == [] or all(
        hit.record_id != resident["person"] for hit in store.search("Ґудз"))

    # Not a byte of it in the file, its log, or the backup taken before.
    assert _left(_bytes_of(store.path, resident["backup"])) == []

    # The statistics did not move: the same people, the same check-ins, by gender and age.
    after = _figures(store)
    assert after.reach == before.reach and after.feedback == before.feedback
    assert after.events == before.events

    # What the outbox sends is the forgetting, and nothing of the old values.
    outbox = json.dumps([c.fields for c in syncstate.pending_changes(store, 1000)],
                        ensure_ascii=False)
    assert not any(secret in outbox for secret in SECRETS)
    assert '"forgotten_at"' in outbox


def test_forgetting_twice_changes_nothing_more(store, data_dir, resident):
    forget.forget_person(store, resident["person"], attachments_dir=data_dir / "attachments")
    pending = len(syncstate.pending_changes(store, 1000))
    again = forget.forget_person(store, resident["person"], vacuum=False)
    assert again.records == 1 and len(syncstate.pending_changes(store, 1000)) == pending
    assert store.get("people", resident["person"])["last_name"] == erasure.FORGOTTEN_LAST_NAME


def test_an_unknown_person_is_named_and_nothing_changes(store):
    from desktop.store.errors import RecordNotFound

    with pytest.raises(RecordNotFound):
        forget.forget_person(store, "no-such-person")

