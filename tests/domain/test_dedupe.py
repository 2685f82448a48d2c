"""Possible duplicate people."""

from __future__ import annotations

from desktop.domain.dedupe import duplicate_keys, find_possible_duplicates


def test_keys():
    keys = duplicate_keys({"last_name": "Мар'яненко", "first_name": "ОЛЕНА",
                           "patronymic": "Петрівна", "birth_year": 1980,
                           "phone": "067 123 45 67"})
    assert keys == {"phone:+380671234567", "name:маряненко олена петрівна|1980"}


def test_no_name_key_without_birth_year_and_no_key_for_a_bad_phone():
    assert duplicate_keys({"last_name": "Іваненко", "first_name": "Олена", "phone": "123"}) == (
        set())


def test_birth_year_as_text_or_number_is_the_same_key():
    a = duplicate_keys({"last_name": "Іваненко", "first_name": "Олена", "birth_year": "1980"})
    b = duplicate_keys({"last_name": "Іваненко", "first_name": "Олена", "birth_year": 1980})
    assert a == b


def test_find_possible_duplicates():
    people = [
        {"id": "a", "last_name": "Марʼяненко", "first_name": "Олена", "birth_year": 1980,
         "phone": "+380671234567"},
        {"id": "b", "last_name": "МАР'ЯНЕНКО", "first_name": "олена", "birth_year": 1980,
         "phone": "0671234567"},
        {"id": "c", "last_name": "Коваль", "first_name": "Петро", "phone": "(067) 123-45-67"},
        {"id": "d", "last_name": "Марʼяненко", "first_name": "Олена", "birth_year": 1981},
        {"id": "e", "last_name": "Коваль", "first_name": "Петро", "phone": "0501234567",
         "deleted": 1},
        {"id": "f", "last_name": "Шевчук", "first_name": "Ігор", "phone": "0501234567"},
    ]
    assert find_possible_duplicates(people) == [
        ("a", "b", "same phone number; same name and birth year"),
        ("a", "c", "same phone number"),
        ("b", "c", "same phone number"),
    ]


def test_no_people_no_pairs():
    assert find_possible_duplicates([]) == []
    assert find_possible_duplicates([{"id": "x", "last_name": "A", "first_name": "B"}]) == []
