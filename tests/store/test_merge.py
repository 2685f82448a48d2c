"""Merging two people moves every link, in one transaction, through the change log."""

from __future__ import annotations

import json

import pytest

from desktop.domain import merge as rules
from desktop.domain.errors import ValidationError
from desktop.store import duplicates
from desktop.store.errors import RecordNotFound, StoreError
from desktop.store.ids import attendance_id
from desktop.store.integrity import all_problems
from desktop.store.merge import merge_people


def _attend(store, person, event, **values):
    return store.insert("attendance", {"id": attendance_id(person, event), "event_id": event,
                                       "person_id": person, "status": "attended", **values})


@pytest.fixture
def world(store, data_dir):
    office = store.insert("offices", {"name": "Приймальня", "kind": "liaison_office"})["id"]
    events = [store.insert("events", {"title": f"Подія {i}", "kind": "meeting",
                                      "office_id": office,
                                      "starts_at": f"2026-0{i}-10T10:00"})["id"]
              for i in (1, 2, 3)]
    kept = store.insert("people", {
        "last_name": "Мельник", "first_name": "Марʼяна", "gender": "female",
        "phone": "+380671234567", "consent_given_at": "2025-01-10T10:00:00Z",
        "consent_text_version": "2024-01", "consent_method": "paper"})["id"]
    dup = store.insert("people", {
        "last_name": "Мельник", "first_name": "Марʼяна", "patronymic": "Іванівна",
        "gender": "female", "birth_year": 1980, "age_group": "36_59",
        "phone": "+380671234567", "email": "maryana@example.com"})["id"]
    other = store.insert("people", {"last_name": "Коваль", "first_name": "Іван",
                                    "gender": "male", "phone": "+380671234567"})["id"]
    # both at event 1 (combined), only the duplicate at events 0 and 2
    _attend(store, kept, events[1], status="registered", rating=None)
    _attend(store, dup, events[1], status="attended", rating=5,
            feedback_comment="Дуже корисно")
    _attend(store, dup, events[0], rating=4)
    _attend(store, dup, events[2], status="no_show")
    consultation = store.insert("consultations", {
        "title": "Бюджет", "authority": "Рада", "level": "consultation"})["id"]
    org_a = store.insert("organizations", {"name": "ГО «Молодь»",
                                           "legal_form": "public_organization"})["id"]
    org_b = store.insert("organizations", {"name": "ГО «Ветерани»",
                                           "legal_form": "public_organization"})["id"]
    ids = {
        "office": office, "events": events, "kept": kept, "dup": dup, "other": other,
        "idea": store.insert("ideas", {
            "title": "Лавки", "description": "Лавки в парку", "channel": "proposal",
            "office_id": office, "received_on": "2026-02-01", "status": "new",
            "author_person_id": dup})["id"],
        "visit": store.insert("visits", {"office_id": office, "person_id": dup,
                                          "visited_at": "2026-02-02T10:00",
                                          "topic": "Петиція"})["id"],
        "submission": store.insert("submissions", {
            "consultation_id": consultation, "person_id": dup, "text": "Пропоную",
            "received_via": "paper", "received_on": "2026-02-03"})["id"],
        "kept_member": store.insert("org_members", {
            "organization_id": org_a, "person_id": kept, "role": "member",
            "since": "2024-01-01"})["id"],
        "dup_member_same": store.insert("org_members", {
            "organization_id": org_a, "person_id": dup, "role": "head",
            "since": "2023-05-01"})["id"],
        "dup_member_other": store.insert("org_members", {
            "organization_id": org_b, "person_id": dup, "role": "volunteer"})["id"],
    }
    duplicates.record_possible_duplicates(store, [kept, dup, other])
    return ids


def _log(store, table, record_id):
    return store.conn.execute(
        "SELECT op, new FROM change_log WHERE table_name = ? AND record_id = ? ORDER BY seq",
        (table, record_id)).fetchall()


def test_merge_moves_every_link_and_tombstones_the_duplicate(store, data_dir, world):
    kept, dup, events = world["kept"], world["dup"], world["events"]
    report = merge_people(store, kept, dup)

    # the person: the kept values stay, empty ones are filled from the duplicate
    person = store.get("people", kept)
    assert person["patronymic"] == "Іванівна" and person["birth_year"] == 1980
    assert person["email"] == "maryana@example.com"
    assert person["consent_method"] == "paper"
    assert store.get("people", dup) is None
    assert store.get("people", dup, include_deleted=True)["deleted"] == 1
    assert _log(store, "people", dup)[-1][0] == "delete"

    # attendance: re-created under the kept person's natural id, the old rows tombstoned
    live = store.conn.execute(
        "SELECT id, person_id, event_id, status, rating, feedback_comment FROM attendance "
        "WHERE deleted = 0 ORDER BY event_id").fetchall()
    assert {(r[1], r[2]) for r in live} == {(kept, e) for e in events}
    assert all(r[0] == attendance_id(kept, r[2]) for r in live)
    combined = store.get("attendance", attendance_id(kept, events[1]))
    assert combined["status"] == "attended" and combined["rating"] == 5
    assert combined["feedback_comment"] == "Дуже корисно"
    assert store.get("attendance", attendance_id(kept, events[2]))["status"] == "no_show"
    for event in events:
        old = store.get("attendance", attendance_id(dup, event), include_deleted=True)
        assert old is not None and old["deleted"] == 1
        assert _log(store, "attendance", old["id"])[-1][0] == "delete"
    assert _log(store, "attendance", attendance_id(kept, events[0]))[0][0] == "insert"
    assert report.attendance_moved == 2 and report.attendance_combined == 1

    # ideas, visits, submissions point at the kept person, each change logged
    for table, column, key in (("ideas", "author_person_id", "idea"),
                               ("visits", "person_id", "visit"),
                               ("submissions", "person_id", "submission")):
        assert store.get(table, world[key])[column] == kept
        op, new = _log(store, table, world[key])[-1]
        assert op == "update" and json.loads(new) == {column: kept}

    # CSO roles: a role in a CSO the kept person is already in is combined, others move
    same = store.get("org_members", world["kept_member"])
    assert same["role"] == "head" and same["since"] == "2023-05-01"
    assert store.get("org_members", world["dup_member_same"]) is None
    assert store.get("org_members", world["dup_member_other"])["person_id"] == kept
    assert _log(store, "org_members", world["dup_member_other"])[-1][0] == "update"

    # the pair is settled; the third person's pair now concerns the kept person
    pairs = {(a, b) for a, b, _ in duplicates.open_duplicates(store)}
    assert tuple(sorted((kept, dup))) not in pairs
    assert all(dup not in pair for pair in pairs)
    assert tuple(sorted((kept, world["other"]))) in pairs

    assert list(all_problems(store.conn, data_dir / "attachments")) == []


def test_operator_choices_win_and_are_validated(store, world):
    kept, dup = world["kept"], world["dup"]
    merge_people(store, kept, dup, {"first_name": "other", "patronymic": "kept",
                                    "birth_year": "other"})
    person = store.get("people", kept)
    assert person["patronymic"] is None  # the kept (empty) value was chosen
    assert person["birth_year"] == 1980 and person["age_group"] == "36_59"


def test_a_failed_merge_changes_nothing(store, world):
    kept, dup = world["kept"], world["dup"]
    before = store.conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
    store.conn.execute("UPDATE people SET email = 'not an email' WHERE id = ?", (dup,))
    with pytest.raises(ValidationError):
        merge_people(store, kept, dup, {"email": "other"})
    assert store.conn.execute("SELECT count(*) FROM change_log").fetchone()[0] == before
    assert store.get("people", dup) is not None
    assert store.get("ideas", world["idea"])["author_person_id"] == dup


def test_merge_refuses_the_same_or_a_missing_person(store, world):
    with pytest.raises(StoreError):
        merge_people(store, world["kept"], world["kept"])
    store.delete("people", world["other"])
    with pytest.raises(RecordNotFound):
        merge_people(store, world["kept"], world["other"])


def test_a_deleted_attendance_of_the_kept_person_is_revived(store, data_dir, world):
    kept, dup, event = world["kept"], world["dup"], world["events"][0]
    _attend(store, kept, event, status="registered")
    store.delete("attendance", attendance_id(kept, event))
    merge_people(store, kept, dup)
    revived = store.get("attendance", attendance_id(kept, event))
    assert revived is not None and revived["status"] == "attended" and revived["rating"] == 4
    assert list(all_problems(store.conn, data_dir / "attachments")) == []


def test_default_choices_keep_a_withdrawal():
    kept = {"last_name": "А", "consent_given_at": "2025-01-01T10:00:00Z",
            "consent_method": "paper", "consent_text_version": "1"}
    other = {"last_name": "Б", "consent_given_at": "2024-01-01T10:00:00Z",
             "consent_withdrawn_at": "2025-06-01T10:00:00Z"}
    choices = rules.default_choices(kept, other)
    assert choices["last_name"] == "kept"
    assert choices["consent_given_at"] == "other"
    values = rules.merged_values(kept, other, choices)
    assert values["consent_withdrawn_at"] == "2025-06-01T10:00:00Z"


def test_merge_attendance_keeps_the_most_telling_details():
    merged = rules.merge_attendance(
        {"status": "registered", "role": "participant", "rating": None,
         "checked_in_at": None, "feedback_comment": "Добре"},
        {"status": "attended", "role": "speaker", "rating": 4,
         "checked_in_at": "2026-01-01T10:00", "feedback_comment": "Цікаво"})
    assert merged["status"] == "attended" and merged["role"] == "speaker"
    assert merged["rating"] == 4 and merged["checked_in_at"] == "2026-01-01T10:00"
    assert merged["feedback_comment"] == "Добре\n\nЦікаво"
