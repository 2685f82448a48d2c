"""Importing an office's lists: every file shape Excel, LibreOffice and Google Sheets make,
all rows or none, matching people already here, consent as the file says."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain.consent import ANONYMOUS_LAST_NAME
from desktop.domain.importing import (
    ImportFileError,
    guess_mapping,
    read_table,
)
from desktop.store import importer
from desktop.store.ids import attendance_id

HEADERS = ["№", "Прізвище", "Ім'я", "По батькові", "Стать", "Рік народження", "Телефон",
           "Населений пункт", "Згода на обробку персональних даних"]
ROWS = [
    ["1", "Коваленко", "Олена", "Петрівна", "ж", "1985", "067 123 45 67", "Десна", "так"],
    ["2", "ШЕВЧУК", "тарас", "", "чол.", "31.03.1990", "+380501112233", "десна", "+"],
    ["3", "Мельник", "Ірина", "Іванівна", "Жінка", "1979", "", "", ""],
]


def _csv(rows, delimiter=";", header=HEADERS, preamble=""):
    lines = [delimiter.join(header)] + [delimiter.join(r) for r in rows]
    return preamble + "\r\n".join(lines) + "\r\n"


@pytest.fixture
def office_store(store):
    district = store.insert("districts", {"name": "Деснянський старостинський округ"})
    store.insert("settlements", {"name": "Десна", "kind": "village",
                                 "district_id": district["id"]})
    office = store.insert("offices", {"name": "Офіс звʼязку Десна", "kind": "liaison_office"})
    store.set_meta("office_id", office["id"])
    return store


def _import(store, path, kind="people", **kwargs):
    table = read_table(path, kind)
    plan = importer.plan(store, kind, table, importer.mapping_for(store, kind, table.headers),
                         event_id=kwargs.pop("event_id", None))
    return plan, importer.run(store, plan, office_id=store.get_meta("office_id"), **kwargs)


@pytest.mark.parametrize(("encoding", "delimiter"), [
    ("utf-8", ","), ("utf-8-sig", ";"), ("cp1251", ";"), ("cp1251", "\t"), ("utf-8", "\t"),
])
def test_every_csv_shape_reads_the_same(office_store, tmp_path, encoding, delimiter):
    path = tmp_path / "list.csv"
    preamble = f"Список учасників{delimiter}{delimiter}\r\n\r\n"  # a title above the header
    path.write_bytes(_csv(ROWS, delimiter, preamble=preamble).encode(encoding))
    table = read_table(path, "people")
    assert table.headers[1] == "Прізвище" and table.delimiter == delimiter
    assert table.lines == [4, 5, 6]
    plan, result = _import(office_store, path)
    assert result.created == 3 and not plan.bad
    people = {r[0]: r for r in office_store.conn.execute(
        "SELECT last_name, first_name, gender, birth_year, phone, settlement_id, "
        "consent_given_at FROM people")}
    assert people["Коваленко"][1:5] == ("Олена", "female", 1985, "+380671234567")
    assert people["Шевчук"][1:5] == ("Тарас", "male", 1990, "+380501112233")
    assert people["Коваленко"][5] is not None and people["Шевчук"][6] is not None
    # No consent recorded: only what statistics need, under a placeholder name.
    anonymous = people[ANONYMOUS_LAST_NAME]
    assert anonymous[2] == "female" and anonymous[3] is None and anonymous[4] is None


def test_xlsx_with_dates_numbers_and_a_second_sheet(office_store, tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Notes"
    book.active.append(["Цей аркуш — лише примітки"])
    sheet = book.create_sheet("Учасники")
    sheet.append(["ПІБ", "Стать", "Дата народження", "Телефон", "Згода"])
    sheet.append(["Гнатюк Марʼяна Василівна", "ж", dt.datetime(1988, 5, 17), 380671234567,
                  dt.datetime(2025, 3, 1)])
    sheet.append(["Лисенко Петро", "ч", 1960.0, "0501112233", "так"])
    path = tmp_path / "list.xlsx"
    book.save(path)
    table = read_table(path, "people")
    assert table.sheet == "Учасники"
    plan, result = _import(office_store, path)
    assert result.created == 2, [r.errors for r in plan.bad]
    row = office_store.conn.execute("SELECT first_name, patronymic, birth_year, phone, "
                                    "consent_given_at FROM people WHERE last_name = 'Гнатюк'"
                                    ).fetchone()
    assert row == ("Марʼяна", "Василівна", 1988, "+380671234567", "2025-03-01T00:00:00")


FIXTURES = Path(__file__).parent / "fixtures"


def _soffice() -> str | None:
    import shutil

    return shutil.which("soffice")


def test_an_xlsx_saved_by_libreoffice(office_store, tmp_path):
    """A real file from LibreOffice Calc (committed; remade here when soffice is installed):
    the phone became a number, a date stayed text, blank cells are None."""
    sources = [FIXTURES / "people-libreoffice.xlsx"]
    if _soffice():
        csv_path = tmp_path / "list.csv"
        csv_path.write_text(_csv(ROWS, ","), encoding="utf-8")
        subprocess.run([_soffice(), "--headless", "--infilter=CSV:44,34,76,1", "--convert-to",
                        "xlsx", "--outdir", str(tmp_path), str(csv_path)], check=True,
                       capture_output=True, timeout=180)
        sources.append(tmp_path / "list.xlsx")
    for number, source in enumerate(sources):
        before = office_store.count("people")
        plan, result = _import(office_store, source, update_existing=True)
        assert not plan.bad, [r.errors for r in plan.bad]
        assert result.created + result.updated + result.skipped == 3, source
        if number == 0:
            assert office_store.count("people") == before + 3
    phone = office_store.conn.execute(
        "SELECT phone FROM people WHERE last_name = 'Шевчук'").fetchone()[0]
    assert phone == "+380501112233"


def test_one_bad_row_imports_nothing_and_names_line_column_reason(office_store, tmp_path):
    rows = [*ROWS, ["4", "Бондар", "Ольга", "", "жіноча", "рік", "12", "Марс", "може"]]
    path = tmp_path / "list.csv"
    path.write_text(_csv(rows), encoding="utf-8")
    table = read_table(path, "people")
    plan = importer.plan(office_store, "people", table,
                         guess_mapping("people", table.headers))
    assert [r.line for r in plan.bad] == [5]
    problems = {column: error.message for column, error in plan.bad[0].errors}
    assert set(problems) == {"Рік народження", "Телефон", "Населений пункт",
                             "Згода на обробку персональних даних"}
    assert "рік" in problems["Рік народження"] and "Марс" in problems["Населений пункт"]
    before = office_store.count("people")
    with pytest.raises(importer.RowsRefused):
        importer.run(office_store, plan)
    assert office_store.count("people") == before
    # By explicit choice, the good rows only.
    result = importer.run(office_store, plan, only_valid=True)
    assert result.created == 3 and result.bad_rows == 1


def test_people_already_here_are_matched_and_updated_or_skipped(office_store, tmp_path):
    known = office_store.insert("people", {"last_name": "Коваленко", "first_name": "Олена",
                                           "gender": "female", "phone": "+380671234567"})
    path = tmp_path / "list.csv"
    path.write_text(_csv(ROWS[:2]), encoding="utf-8")
    table = read_table(path, "people")
    mapping = guess_mapping("people", table.headers)
    plan = importer.plan(office_store, "people", table, mapping)
    assert (plan.new, plan.matched) == (1, 1)
    skipped = importer.run(office_store, plan)
    assert (skipped.created, skipped.skipped) == (1, 1)
    assert office_store.get("people", known["id"])["birth_year"] is None
    again = importer.plan(office_store, "people", table, mapping)
    assert (again.new, again.matched) == (0, 2)  # the second import finds the first's
    updated = importer.run(office_store, again, update_existing=True)
    assert updated.updated == 1 and office_store.get("people", known["id"])["birth_year"] == 1985


def test_possible_duplicates_inside_the_file_are_flagged(office_store, tmp_path):
    rows = [ROWS[0], ["9", "Коваленко", "Олена", "Петрівна", "ж", "1985", "", "", "так"]]
    path = tmp_path / "list.csv"
    path.write_text(_csv(rows), encoding="utf-8")
    plan, result = _import(office_store, path)
    assert plan.possible_duplicates == 1 and result.created == 2
    assert result.possible_duplicates == 1


def test_an_attendance_list_checks_people_in(office_store, tmp_path):
    event = office_store.insert("events", {"title": "Навчання", "kind": "training",
                                           "office_id": office_store.get_meta("office_id"),
                                           "starts_at": "2026-11-20T10:00"})["id"]
    path = tmp_path / "list.csv"
    path.write_text(_csv(ROWS[:2], header=[*HEADERS[:-1], "Згода"]), encoding="utf-8")
    _plan, result = _import(office_store, path, "attendance", event_id=event)
    assert result.checked_in == 2
    person = office_store.conn.execute("SELECT id FROM people WHERE last_name = 'Коваленко'"
                                       ).fetchone()[0]
    row = office_store.get("attendance", attendance_id(person, event))
    assert row["status"] == "attended"


def test_organizations_match_by_edrpou(office_store, tmp_path):
    office_store.insert("organizations", {"name": "ГО «Світанок»", "edrpou": "00032129",
                                          "legal_form": "public_organization"})
    path = tmp_path / "cso.csv"
    path.write_text(_csv([["ГО «Світанок»", "32129", "Громадська організація"],
                          ["БФ «Надія»", "", "Благодійна організація"]],
                         header=["Назва організації", "Код ЄДРПОУ", "Організаційно-правова "
                                 "форма"]), encoding="utf-8")
    plan, result = _import(office_store, path, "organizations")
    assert (plan.matched, plan.new) == (1, 1) and result.created == 1


def test_the_mapping_is_remembered_for_files_with_the_same_headers(office_store, tmp_path):
    headers = ["Колонка А", "Колонка Б", "Стать"]
    importer.remember_mapping(office_store, "people", headers,
                              {0: "last_name", 1: "first_name", 2: "gender"})
    assert importer.mapping_for(office_store, "people", headers) == {
        0: "last_name", 1: "first_name", 2: "gender"}
    assert importer.mapping_for(office_store, "people", ["Прізвище", "Імʼя"]) == {
        0: "last_name", 1: "first_name"}


def test_files_that_are_not_tables_are_refused_plainly(tmp_path):
    for name, data in (("empty.csv", b""), ("img.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00"),
                       ("broken.xlsx", b"PK\x03\x04garbage")):
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(ImportFileError):
            read_table(path, "people")


cell = st.one_of(st.text(max_size=30), st.integers(), st.sampled_from(
    ["ж", "ч", "1985", "31.02.1990", "так", "ні", "+38067", "Десна", ";", '"', "\n"]))


@settings(max_examples=60, deadline=None, suppress_health_check=[
    HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(rows=st.lists(st.lists(cell, min_size=0, max_size=10), max_size=12),
       delimiter=st.sampled_from([",", ";", "\t"]), encoding=st.sampled_from(
           ["utf-8", "utf-8-sig", "cp1251"]))
def test_garbage_never_crashes_and_never_half_imports(office_store, tmp_path, rows, delimiter,
                                                      encoding):
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(HEADERS)
    for row in rows:
        writer.writerow(row)
    path = tmp_path / "garbage.csv"
    path.write_bytes(buffer.getvalue().encode(encoding, errors="replace"))
    before = office_store.count("people")
    try:
        table = read_table(path, "people")
    except ImportFileError:
        return
    plan = importer.plan(office_store, "people", table,
                         importer.mapping_for(office_store, "people", table.headers))
    try:
        result = importer.run(office_store, plan)
    except importer.RowsRefused:
        assert office_store.count("people") == before
        return
    assert office_store.count("people") == before + result.created
    assert result.created == plan.new


def test_a_killed_import_leaves_nothing_half_written(office_store, tmp_path):
    """A process killed mid-import (here: in the middle of writing 3,000 rows)."""
    path = tmp_path / "big.csv"
    rows = [[str(i), f"Прізвище{i}", "Олена", "", "ж", "1980", "", "Десна", "так"]
            for i in range(3000)]
    path.write_text(_csv(rows), encoding="utf-8")
    db = office_store.path
    office_store.close()
    script = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from desktop.store import open_store, importer\n"
        "from desktop.domain.importing import read_table\n"
        "s = open_store(Path(sys.argv[1]))\n"
        "t = read_table(Path(sys.argv[2]), 'people')\n"
        "p = importer.plan(s, 'people', t, importer.mapping_for(s, 'people', t.headers))\n"
        "def progress(done, total):\n"
        "    if done >= 1500: os._exit(9)\n"
        "importer.run(s, p, progress=progress)\n"
    )
    proc = subprocess.run([sys.executable, "-c", script, str(db), str(path)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 9, proc.stderr
    from desktop.store import open_store

    reopened = open_store(db)
    try:
        assert reopened.count("people") == 0
    finally:
        reopened.close()


def test_cancel_leaves_the_store_as_it_was(office_store, tmp_path):
    path = tmp_path / "list.csv"
    path.write_text(_csv([[str(i), f"Прізвище{i}", "Олена", "", "ж", "1980", "", "", "так"]
                          for i in range(1000)]), encoding="utf-8")
    table = read_table(path, "people")
    plan = importer.plan(office_store, "people", table,
                         guess_mapping("people", table.headers))
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(importer.ImportCancelled):
        importer.run(office_store, plan, cancel=cancel)
    assert office_store.count("people") == 0


def test_a_cso_list_with_members_groups_rows_and_respects_consent(office_store, tmp_path):
    known = office_store.insert("people", {"last_name": "Ткачук", "first_name": "Петро",
                                           "gender": "male", "phone": "+380671112233"})["id"]
    path = tmp_path / "cso.csv"
    header = ["Назва організації", "Код ЄДРПОУ", "Організаційно-правова форма", "Керівник",
              "Телефон керівника", "Посада", "Згода"]
    rows = [
        ["ГО «Світанок»", "00032129", "Громадська організація", "Ткачук Петро", "0671112233",
         "Голова", ""],
        ["ГО «Світанок»", "00032129", "Громадська організація", "Гнатюк Ольга Іванівна",
         "0509998877", "Член(-киня)", "так"],
        ["ГО «Світанок»", "00032129", "Громадська організація", "Лисенко Іван", "0931112233",
         "Волонтер", ""],
        ["БФ «Надія»", "", "Благодійна організація", "", "", "", ""],
    ]
    path.write_text(_csv(rows, header=header), encoding="utf-8")
    plan, result = _import(office_store, path, "organizations")
    assert not plan.bad, [r.errors for r in plan.bad]
    assert plan.new == 2 and result.created == 2  # the CSO named three times is made once
    assert (result.members, result.members_not_linked) == (2, 1)
    members = dict(office_store.conn.execute(
        "SELECT p.last_name, m.role FROM org_members AS m JOIN people AS p "
        "ON p.id = m.person_id WHERE m.deleted = 0").fetchall())
    assert members == {"Ткачук": "head", "Гнатюк": "member"}
    assert office_store.get("people", known)["last_name"] == "Ткачук"
    # Without consent and unknown here: not created (no right to keep the name and phone).
    assert office_store.conn.execute("SELECT count(*) FROM people WHERE last_name = 'Лисенко'"
                                     ).fetchone()[0] == 0
