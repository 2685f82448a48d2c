"""A report as an Excel workbook: a title sheet with the key figures, then one sheet per
section, Ukrainian headings, numbers stored as numbers (so the council can add them up)
with number formats for percentages and averages, and column widths that fit the text."""

from __future__ import annotations

import re
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop.domain.report_table import (
    DECIMAL,
    INT,
    PERCENT,
    Report,
    Section,
    Table,
    cell_kind,
    cell_value,
)
from desktop.domain.spreadsheet import safe_cell
from desktop.reporting import atomic_target

NUMBER_FORMATS = {INT: "#,##0", PERCENT: "0.0%", DECIMAL: "0.0"}
HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
THIN = Side(style="thin", color="A6A6A6")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
MIN_WIDTH, MAX_WIDTH = 8, 60


def sheet_title(text: str, taken: set[str]) -> str:
    """A valid, unique sheet name: at most 31 characters, none of []:*?/\\."""
    base = re.sub(r"[\[\]:*?/\\]", " ", text).strip()[:31] or "Sheet"
    name, n = base, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name = base[:31 - len(suffix)] + suffix
        n += 1
    taken.add(name.lower())
    return name


def _write_table(sheet: Worksheet, row: int, table: Table, widths: dict[int, int]) -> int:
    """Write `table` from `row`; returns the next free row (one blank line after)."""
    sheet.cell(row, 1, safe_cell(table.title)).font = Font(bold=True, size=12)
    row += 1
    for col, column in enumerate(table.columns, start=1):
        cell = sheet.cell(row, col, safe_cell(column.header))
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        widths[col] = max(widths.get(col, 0), min(len(column.header), 24))
    row += 1
    for index, values in enumerate(table.rows):
        bold = table.total_row and index == len(table.rows) - 1
        for col, (column, value) in enumerate(zip(table.columns, values, strict=True), start=1):
            kind = cell_kind(column, value)
            raw = cell_value(value)
            cell = sheet.cell(row, col, safe_cell(raw))
            cell.border = BORDER
            if kind in NUMBER_FORMATS and isinstance(raw, int | float):
                cell.number_format = NUMBER_FORMATS[kind]
                shown = len(f"{raw:,.1f}") if kind != PERCENT else 5
            else:
                shown = len(str(raw)) if raw is not None else 1
            if bold:
                cell.font = Font(bold=True)
            widths[col] = max(widths.get(col, 0), shown)
        row += 1
    if table.note:
        sheet.cell(row, 1, table.note).font = Font(italic=True, color="595959")
        row += 1
    return row + 1


def _write_section(sheet: Worksheet, report: Report, section: Section, first: bool) -> None:
    row = 1
    if first:  # the first sheet also says what the report is
        sheet.cell(1, 1, report.title).font = Font(bold=True, size=16)
        sheet.cell(2, 1, report.office)
        sheet.cell(3, 1, report.period)
        sheet.cell(4, 1, report.generated).font = Font(color="595959")
        row = 6
    else:
        sheet.cell(1, 1, section.title).font = Font(bold=True, size=14)
        sheet.cell(2, 1, f"{report.office} · {report.period}")
        row = 4
    widths: dict[int, int] = {}
    for table in section.tables:
        row = _write_table(sheet, row, table, widths)
    for col, width in widths.items():
        sheet.column_dimensions[get_column_letter(col)].width = \
            max(MIN_WIDTH, min(MAX_WIDTH, width + 2))


def write_xlsx(report: Report, target: Path) -> Path:
    """Write the report to `target` (.xlsx), atomically; returns `target`."""
    book = Workbook()
    book.remove(book.active)
    taken: set[str] = set()
    for index, section in enumerate(report.sections):
        sheet = book.create_sheet(sheet_title(section.title, taken))
        _write_section(sheet, report, section, first=index == 0)
    book.properties.title = f"{report.title} — {report.office}"
    book.properties.creator = "Hromada Desk"
    target = Path(target)
    with atomic_target(target) as temporary:
        book.save(temporary)
    return target
