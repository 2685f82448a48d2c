"""A record and the person it names are stored together, and only with the person's consent."""

from __future__ import annotations

import pytest

from desktop.domain.consent import CONSENT_TEXT_VERSION, has_consent
from desktop.domain.errors import ValidationError
from desktop.store.authors import Author, save_with_author

IDEA = {"title": "Лавки", "description": "Біля ставу", "channel": "proposal",
        "received_on": "2026-01-10", "status": "new"}


@pytest.fixture
def office(store):
    return store.insert("offices", {"name": "Приймальня"})["id"]


def test_new_person_and_idea_are_stored_together_with_consent(store, office):
    saved = save_with_author(
        store, "ideas", {**IDEA, "office_id": office}, person_field="author_person_id",
        author=Author(new_person={"last_name": "Гнатюк", "first_name": "Іра",
                                  "gender": "female"}, consent_method="verbal"))
    person = store.get("people", saved.person_id)
    assert saved.record["author_person_id"] == person["id"] and saved.people_changed
    assert (person["consent_text_version"], person["consent_method"]) == (
        CONSENT_TEXT_VERSION, "verbal")
    assert has_consent(person)


def test_nothing_is_stored_when_consent_is_missing(store, office):
    before = store.conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
    with pytest.raises(ValidationError) as caught:
        save_with_author(
            store, "ideas", {**IDEA, "office_id": office}, person_field="author_person_id",
            author=Author(new_person={"last_name": "Гнатюк", "first_name": "Іра",
                                      "gender": "female"}))
    assert caught.value.fields == {"author_person_id"}
    assert store.count("people") == 0 and store.count("ideas") == 0
    assert store.conn.execute("SELECT count(*) FROM change_log").fetchone()[0] == before


def test_consent_is_recorded_for_an_existing_person(store, office):
    person = store.insert("people", {"last_name": "Бойко", "first_name": "Ян", "gender": "male",
                                     "consent_given_at": "2025-01-01T10:00:00.000Z",
                                     "consent_text_version": "2023-01",
                                     "consent_method": "paper",
                                     "consent_withdrawn_at": "2025-06-01T10:00:00.000Z"})["id"]
    assert not has_consent(store.get("people", person))  # withdrawn
    saved = save_with_author(store, "visits", {"office_id": office, "topic": "Петиція",
                                               "visited_at": "2026-01-05T10:00"},
                             person_field="person_id",
                             author=Author(person_id=person, consent_method="electronic"))
    row = store.get("people", person)
    assert has_consent(row) and row["consent_withdrawn_at"] is None
    assert saved.record["person_id"] == person


def test_a_person_already_named_may_stay_without_consent(store, office):
    person = store.insert("people", {"last_name": "Бойко", "first_name": "Ян",
                                     "gender": "male"})["id"]
    idea = store.insert("ideas", {**IDEA, "office_id": office, "author_person_id": person})
    saved = save_with_author(store, "ideas", {"title": "Лавки й урни"},
                             person_field="author_person_id", author=Author(person_id=person),
                             record_id=idea["id"])
    assert saved.record["title"] == "Лавки й урни" and not saved.people_changed
    other = store.insert("people", {"last_name": "Коваль", "first_name": "Ія",
                                    "gender": "female"})["id"]
    with pytest.raises(ValidationError):
        save_with_author(store, "ideas", {}, person_field="author_person_id",
                         author=Author(person_id=other), record_id=idea["id"])
    assert store.get("ideas", idea["id"])["author_person_id"] == person
