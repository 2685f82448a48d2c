"""validate(): cleaning and checking every record table."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.domain.errors import ValidationError
from desktop.domain.validation import (
    COMMON_FIELDS,
    FIELD_LABELS,
    FIELDS,
    REQUIRED,
    age_group_for,
    validate,
)
from desktop.store.schema import RECORD_TABLES

TODAY = dt.date(2025, 6, 1)


def problems(table: str, record: dict, **kwargs) -> dict[str, str]:
    """field -> message of every problem validate() reports."""
    with pytest.raises(ValidationError) as info:
        validate(table, record, today=TODAY, **kwargs)
    return {e.field: e.message for e in info.value.errors}


def person(**fields) -> dict:
    return {"last_name": "Іваненко", "first_name": "Олена", **fields}


# Smallest valid record of every table, as a form would produce it.
MINIMAL = {
    "districts": {"name": "Оржицький старостинський округ"},
    "settlements": {"name": "Оржиця", "kind": "village"},
    "offices": {"name": "Офіс звʼязку Оржиця", "kind": "liaison_office"},
    "event_kinds": {"code": "hackathon", "name_uk": "Хакатон"},
    "idea_categories": {"code": "water", "name_uk": "Водопостачання"},
    "staff": {"name": "Петренко Ірина"},
    "people": person(),
    "organizations": {"name": "ГО «Молодь Оржиці»", "legal_form": "public_organization"},
    "org_members": {"organization_id": "o1", "person_id": "p1", "role": "head"},
    "events": {"title": "Громадські слухання", "kind": "public_hearing", "office_id": "o1",
               "starts_at": "2025-03-01T10:00"},
    "attendance": {"event_id": "e1", "person_id": "p1", "status": "registered"},
    "consultations": {"title": "Бюджет 2026", "authority": "Сільська рада",
                      "level": "consultation"},
    "submissions": {"consultation_id": "c1", "text": "Пропоную...", "received_via": "paper",
                    "received_on": "2025-03-02"},
    "visits": {"office_id": "o1", "visited_at": "2025-03-01T11:15", "topic": "Петиція"},
    "ideas": {"title": "Освітлення вулиці", "description": "Немає ліхтарів",
              "channel": "appeal", "office_id": "o1", "received_on": "2025-03-01",
              "status": "new"},
    "attachments": {"owner_table": "ideas", "owner_id": "i1", "sha256": "ab" * 32,
                    "filename": "photo.jpg"},
    "conflicts": {"table_name": "organizations", "record_id": "o1", "field": "phone"},
    "targets": {"office_id": "o1", "year": 2026},
    "answer_periods": {"kind": "petition"},
    "days_off": {"day": "2026-12-25"},
}


def test_every_table_is_covered():
    assert set(MINIMAL) == set(FIELDS) == set(REQUIRED)
    assert set(FIELDS) == set(RECORD_TABLES)


@pytest.mark.parametrize("table", sorted(MINIMAL))
def test_minimal_records_are_valid(table):
    cleaned = validate(table, MINIMAL[table], today=TODAY)
    for key, value in MINIMAL[table].items():
        assert cleaned[key] is not None, key
        assert type(cleaned[key]) is type(value), key


@pytest.mark.parametrize("table", sorted(MINIMAL))
def test_every_required_field_is_reported_when_missing(table):
    found = problems(table, {})
    expected = REQUIRED[table] - ({"gender"} if table == "people" else set())
    assert set(found) == expected
    for field in expected:
        assert found[field] == f"{FIELD_LABELS[field]} is required"


@pytest.mark.parametrize("table", sorted(MINIMAL))
def test_every_field_has_a_label_and_required_fields_exist(table):
    assert REQUIRED[table] <= set(FIELDS[table])
    assert all(field in FIELD_LABELS for field in FIELDS[table])
    assert not set(FIELDS[table]) & set(COMMON_FIELDS)


def test_blank_required_field_is_missing():
    assert problems("people", person(last_name="   ")) == {"last_name": "Last name is required"}


def test_unknown_field_and_unknown_table():
    assert problems("people", person(nickname="Оля")) == {"nickname": "Unknown field"}
    with pytest.raises(ValueError):
        validate("planets", {})


def test_common_columns_pass_through_untouched():
    meta = {"id": "0190-x", "created_at": "2025-01-01T00:00:00.000Z", "updated_at": "x",
            "device_id": "d", "version": 3, "deleted": 0}
    cleaned = validate("districts", {**meta, "name": "Округ"})
    assert {k: cleaned[k] for k in meta} == meta


def test_all_problems_are_reported_at_once_in_field_order():
    with pytest.raises(ValidationError) as info:
        validate("people", {"phone": "12345", "email": "nope", "gender": "robot", "x": 1},
                 today=TODAY)
    assert [e.field for e in info.value.errors] == [
        "last_name", "first_name", "gender", "phone", "email", "x"]
    assert "Phone number 12345 is not a valid Ukrainian number" in str(info.value)


# -- people -------------------------------------------------------------------------------------

def test_person_is_cleaned():
    cleaned = validate("people", {
        "last_name": "  МАР'ЯНЕНКО ", "first_name": "олена", "patronymic": "",
        "phone": "(067) 123-45-67", "email": " Olena@UKR.net ", "idp": "так",
        "disability": False, "birth_year": "1990", "notes": "  ",
    }, today=TODAY)
    assert cleaned == {
        "last_name": "Марʼяненко", "first_name": "Олена", "patronymic": None,
        "phone": "+380671234567", "email": "olena@ukr.net", "idp": 1, "disability": 0,
        "birth_year": 1990, "notes": None, "age_group": "18_35", "gender": "not_stated",
    }


def test_given_age_group_and_gender_are_kept():
    cleaned = validate("people", person(birth_year=1990, age_group="36_59", gender="жінка"))
    assert cleaned["age_group"] == "36_59"
    assert cleaned["gender"] == "female"


@pytest.mark.parametrize(("year", "group"), [
    (2010, "under_18"), (2007, "18_35"), (1990, "18_35"), (1989, "36_59"),
    (1966, "36_59"), (1965, "60_plus"), (1930, "60_plus"),
])
def test_age_group_for(year, group):
    assert age_group_for(year, dt.date(2025, 1, 1)) == group


@pytest.mark.parametrize("year", [1899, 2026, "19x0"])
def test_birth_year_out_of_range(year):
    found = problems("people", person(birth_year=year))
    assert list(found) == ["birth_year"]
    assert "age_group" not in validate("people", person(), today=TODAY)


def test_birth_year_range_message():
    assert problems("people", person(birth_year=1899)) == {
        "birth_year": "Birth year must be between 1900 and 2025"}


def test_consent_needs_text_version_and_method():
    found = problems("people", person(consent_given_at="2025-03-01T10:00"))
    assert set(found) == {"consent_text_version", "consent_method"}
    cleaned = validate("people", person(consent_given_at="2025-03-01 10:00",
                                        consent_text_version="v1", consent_method="Усно"))
    assert cleaned["consent_given_at"] == "2025-03-01T10:00"
    assert cleaned["consent_method"] == "verbal"


def test_consent_cannot_be_withdrawn_before_it_was_given():
    found = problems("people", person(
        consent_given_at="2025-03-01T10:00", consent_text_version="v1", consent_method="paper",
        consent_withdrawn_at="2025-02-01T10:00"))
    assert found == {
        "consent_withdrawn_at": "Consent withdrawn at must not be before Consent given at"}


@pytest.mark.parametrize(("raw", "value"), [
    (True, 1), (False, 0), (1, 1), (0, 0), ("1", 1), ("0", 0), ("yes", 1), ("No", 0),
    ("так", 1), ("Ні", 0), ("TRUE", 1), ("", None), (None, None),
])
def test_booleans(raw, value):
    assert validate("people", person(idp=raw))["idp"] == value


@pytest.mark.parametrize("raw", ["maybe", 2, "можливо"])
def test_bad_booleans(raw):
    assert list(problems("people", person(idp=raw))) == ["idp"]


@pytest.mark.parametrize("email", ["a@b", "a b@ukr.net", "a@@ukr.net", ".a@ukr.net",
                                   "a..b@ukr.net", "a@ukr..net", "a@-ukr.net"])
def test_bad_emails(email):
    assert problems("people", person(email=email))["email"].endswith(
        "is not a valid email address")


@pytest.mark.parametrize("email", ["o.petrenko+hub@gmail.com", "info@hromada.gov.ua",
                                   "пошта@громада.укр"])
def test_good_emails(email):
    assert validate("people", person(email=email))["email"] == email


def test_partial_update_only_requires_given_fields():
    assert validate("people", {"phone": "0671234567"}, partial=True) == {
        "phone": "+380671234567"}
    found = problems("people", {"first_name": ""}, partial=True)
    assert found == {"first_name": "First name is required"}


def test_a_stored_row_validates_again_unchanged():
    row = validate("people", person(phone="067 123 45 67", birth_year=1970, idp=True),
                   today=TODAY)
    assert validate("people", row, today=TODAY) == row


# -- organizations ------------------------------------------------------------------------------

def org(**fields) -> dict:
    return {"name": "ГО «Молодь»", "legal_form": "public_organization", **fields}


def test_organization_is_cleaned():
    cleaned = validate("organizations", org(
        edrpou=" 1436 0570 ", areas="youth, Освіта; youth", website="Molod.Org.UA/About",
        memorandum="yes", memorandum_on="01.02.2025", phone="+380441234567"))
    assert cleaned["edrpou"] == "14360570"
    assert cleaned["areas"] == ["youth", "education"]
    assert cleaned["website"] == "https://molod.org.ua/About"
    assert cleaned["memorandum"] == 1
    assert cleaned["memorandum_on"] == "2025-02-01"


def test_edrpou_from_a_spreadsheet_number_gets_its_leading_zeros_back():
    assert validate("organizations", org(edrpou=32129))["edrpou"] == "00032129"


def test_edrpou_is_optional_but_checked():
    assert validate("organizations", org(edrpou=""))["edrpou"] is None
    assert problems("organizations", org(edrpou="1234567")) == {
        "edrpou": "EDRPOU code must be exactly 8 digits"}
    assert problems("organizations", org(edrpou="14360571")) == {
        "edrpou": "EDRPOU code 14360571 has a wrong check digit"}


@pytest.mark.parametrize("areas", [["ecology", "youth"], '["youth","ecology"]',
                                   ("Молодь", "ECOLOGY"), "ecology\nyouth"])
def test_areas_accept_lists_json_and_text(areas):
    assert validate("organizations", org(areas=areas))["areas"] == ["youth", "ecology"]


def test_empty_and_unknown_areas():
    assert validate("organizations", org(areas=[]))["areas"] is None
    assert validate("organizations", org(areas=" , "))["areas"] is None
    assert problems("organizations", org(areas="youth, knitting")) == {
        "areas": "Areas of work: 'knitting' is not one of the allowed values"}


@pytest.mark.parametrize(("raw", "url"), [
    ("http://hub.org.ua", "http://hub.org.ua"),
    ("HTTPS://Hub.org.ua/Page?x=1", "https://hub.org.ua/Page?x=1"),
    ("facebook.com/groups/molod", "https://facebook.com/groups/molod"),
])
def test_websites(raw, url):
    assert validate("organizations", org(website=raw))["website"] == url


@pytest.mark.parametrize("raw", ["molod", "ftp://files.org.ua", "my site.org", "https://"])
def test_bad_websites(raw):
    assert list(problems("organizations", org(website=raw))) == ["website"]


def test_legal_form_must_be_known():
    assert problems("organizations", org(legal_form="llc")) == {
        "legal_form": "Legal form: 'llc' is not one of the allowed values"}


# -- dates, times, numbers ----------------------------------------------------------------------

def event(**fields) -> dict:
    return {**MINIMAL["events"], **fields}


@pytest.mark.parametrize("value", ["2025-03-01T10:00", "2025-03-01T10:00:30",
                                   "2025-03-01T10:00:30.123Z", "2025-03-01T10:00+02:00"])
def test_datetimes(value):
    assert validate("events", event(starts_at=value))["starts_at"] == value


@pytest.mark.parametrize("value", ["2025-03-01", "2025-13-01T10:00", "01.03.2025 10:00",
                                   "2025-03-01T25:00", "soon"])
def test_bad_datetimes(value):
    assert list(problems("events", event(starts_at=value))) == ["starts_at"]


def test_datetime_objects_from_spreadsheets():
    moment = dt.datetime(2025, 3, 1, 10, 0)
    assert validate("events", event(starts_at=moment))["starts_at"] == "2025-03-01T10:00"


def test_event_cannot_end_before_it_starts():
    assert problems("events", event(ends_at="2025-03-01T09:59")) == {
        "ends_at": "End time must not be before Start time"}
    assert validate("events", event(ends_at="2025-03-01T10:00"))["ends_at"]


def test_event_kind_is_a_code_or_a_builtin_label():
    assert validate("events", event(kind="Тренінг"))["kind"] == "training"
    assert validate("events", event(kind="hackathon"))["kind"] == "hackathon"
    assert list(problems("events", event(kind="Хакатон!"))) == ["kind"]


@pytest.mark.parametrize(("capacity", "ok"), [(0, True), ("40", True), (12.0, True),
                                              (-1, False), ("багато", False), (2.5, False)])
def test_capacity(capacity, ok):
    if ok:
        assert validate("events", event(capacity=capacity))["capacity"] == int(float(capacity))
    else:
        assert list(problems("events", event(capacity=capacity))) == ["capacity"]


@pytest.mark.parametrize(("rating", "ok"), [(1, True), (5, True), ("3", True), (0, False),
                                            (6, False)])
def test_rating(rating, ok):
    record = {**MINIMAL["attendance"], "rating": rating}
    if ok:
        assert validate("attendance", record)["rating"] == int(rating)
    else:
        assert problems("attendance", record) == {"rating": "Rating must be between 1 and 5"}


@pytest.mark.parametrize(("raw", "iso"), [("2025-03-02", "2025-03-02"),
                                          ("2.3.2025", "2025-03-02"),
                                          (dt.date(2025, 3, 2), "2025-03-02")])
def test_dates(raw, iso):
    record = {**MINIMAL["submissions"], "received_on": raw}
    assert validate("submissions", record)["received_on"] == iso


@pytest.mark.parametrize("raw", ["2025-02-30", "2025/03/02", "32.01.2025", "вчора"])
def test_bad_dates(raw):
    record = {**MINIMAL["submissions"], "received_on": raw}
    assert list(problems("submissions", record)) == ["received_on"]


def test_consultation_closes_after_it_opens():
    record = {**MINIMAL["consultations"], "opens_on": "2025-03-10", "closes_on": "2025-03-01"}
    assert problems("consultations", record) == {
        "closes_on": "Closes on must not be before Opens on"}


def test_response_date_after_receipt():
    record = {**MINIMAL["ideas"], "responded_on": "2025-02-28"}
    assert list(problems("ideas", record)) == ["responded_on"]


# -- lookups and attachments --------------------------------------------------------------------

def test_settlement_katottg():
    ok = validate("settlements", {"name": "Оржиця", "katottg": "ua 53060150010052432"})
    assert ok["katottg"] == "UA53060150010052432"
    assert list(problems("settlements", {"name": "Оржиця", "katottg": "UA123"})) == ["katottg"]


def test_lookup_codes():
    assert validate("event_kinds", {"code": " Hackathon ", "name_uk": "Хакатон",
                                    "sort_order": "80"}) == {
        "code": "hackathon", "name_uk": "Хакатон", "sort_order": 80}
    assert list(problems("event_kinds", {"code": "хакатон", "name_uk": "Хакатон"})) == ["code"]


def test_staff_name_is_a_person_name():
    assert validate("staff", {"name": "петренко ірина", "role": "operator"})["name"] == (
        "Петренко Ірина")


def test_attachments():
    bad = {**MINIMAL["attachments"], "owner_table": "attachments", "sha256": "xyz", "size": -1}
    assert set(problems("attachments", bad)) == {"owner_table", "sha256", "size"}
    upper = {**MINIMAL["attachments"], "sha256": "AB" * 32}
    assert validate("attachments", upper)["sha256"] == "ab" * 32


def test_text_fields_reject_non_text():
    assert problems("ideas", {**MINIMAL["ideas"], "title": ["a"]}) == {
        "title": "Title must be text"}
    assert validate("ideas", {**MINIMAL["ideas"], "title": 2025})["title"] == "2025"


def test_broken_json_areas():
    assert list(problems("organizations", org(areas='["youth"'))) == ["areas"]
    assert list(problems("organizations", org(areas=5))) == ["areas"]


def test_time_zones_are_compared_when_both_times_have_one():
    # 10:00 in Kyiv (+02:00) is 08:00 UTC, so 09:00Z is after it.
    assert validate("events", event(starts_at="2025-03-01T10:00+02:00",
                                    ends_at="2025-03-01T09:00Z"))
    assert list(problems("events", event(starts_at="2025-03-01T10:00",
                                         ends_at="2025-03-01T09:00Z"))) == ["ends_at"]
