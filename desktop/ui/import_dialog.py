"""Bringing an office's Excel lists in: choose a file, see what it holds and what will
happen, change a column's meaning if the app guessed wrong, import all of it or none.

Reading, matching and writing run in background workers, each with its own store connection,
so a 50,000-row file never freezes the window; Cancel during the import rolls everything
back (desktop/store/importer.py writes in one transaction).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import importing
from desktop.domain.importing import ImportFileError, Table
from desktop.store import importer, open_store
from desktop.ui.context import AppContext
from desktop.ui.translate import render_error, translate
from desktop.ui.widgets import button
from desktop.ui.workers import Job, plain_message, run_in_background

PREVIEW_ROWS = 12
MAX_LISTED_PROBLEMS = 300
REPLAN_DELAY_MS = 300


class ImportDialog(QDialog):
    """One list of one kind: people, organizations, or an event's attendance."""

    def __init__(self, ctx: AppContext, kind: str, parent: QWidget | None = None, *,
                 event_id: str | None = None, event_title: str = "") -> None:
        super().__init__(parent)
        self.ctx, self.kind, self.event_id = ctx, kind, event_id
        self.table: Table | None = None
        self.path: Path | None = None
        self.mapping: importing.Mapping_ = {}
        self.plan: importer.ImportPlan | None = None
        self.result: importer.ImportResult | None = None
        self._task: Any = None
        titles = {"people": self.tr("Import people from a list"),
                  "organizations": self.tr("Import CSOs from a list"),
                  "attendance": self.tr("Import the attendance list of «{event}»").format(
                      event=event_title)}
        self.setWindowTitle(titles[kind])
        self.resize(1100, 680)

        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Choose a table saved from Excel, LibreOffice or Google Sheets (XLSX or CSV). "
            "Columns are recognised by their headings, such as «Прізвище», «ПІБ», «Телефон», "
            "«Стать», «Рік народження», «Населений пункт», «ЄДРПОУ»; check them below. "
            "Nothing is saved until you press Import, and then either every row is saved "
            "or none."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.file_label = QLabel(self.tr("No file chosen yet."), self)
        self.file_label.setWordWrap(True)
        self.choose_button = button(self.tr("&Choose file…"), self, self.choose_file)
        row.addWidget(self.file_label, 1)
        row.addWidget(self.choose_button)
        layout.addLayout(row)

        self.preview = QTableWidget(0, 0, self)
        self.preview.setAccessibleName(self.tr("Preview of the file, with the meaning of each "
                                               "column in the first row"))
        self.preview.verticalHeader().setVisible(False)
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.preview, 3)

        self.summary = QLabel("", self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.problems = QListWidget(self)
        self.problems.setAccessibleName(self.tr("Rows with problems"))
        self.problems.setVisible(False)
        layout.addWidget(self.problems, 2)

        options = QHBoxLayout()
        self.skip_radio = QRadioButton(self.tr("&Skip people already here"), self)
        self.update_radio = QRadioButton(self.tr("&Fill them in from the file"), self)
        if kind == "organizations":
            self.skip_radio.setText(self.tr("&Skip CSOs already here"))
        self.skip_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.skip_radio)
        group.addButton(self.update_radio)
        options.addWidget(self.skip_radio)
        options.addWidget(self.update_radio)
        options.addStretch(1)
        self.only_valid = QCheckBox(self.tr("Import only the &good rows"), self)
        self.only_valid.setVisible(False)
        self.only_valid.toggled.connect(self._update_buttons)
        options.addWidget(self.only_valid)
        layout.addLayout(options)
        if kind != "organizations":
            consent = QLabel(self.tr(
                "Consent: a column «Згода» with «так» or a date records consent (on paper). "
                "For rows without it, only gender, age group and settlement are kept, for the "
                "statistics; the name and phone are not saved."), self)
            consent.setWordWrap(True)
            consent.setProperty("hint", True)
            layout.addWidget(consent)

        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._replan = QTimer(self)
        self._replan.setSingleShot(True)
        self._replan.setInterval(REPLAN_DELAY_MS)
        self._replan.timeout.connect(self._plan_in_background)

    # -- reading ----------------------------------------------------------------------------

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a list"), str(Path.home()),
            self.tr("Tables (*.xlsx *.csv *.txt);;All files (*)"))
        if name:
            self.open_file(Path(name))

    def open_file(self, path: Path) -> None:
        """Read the file and plan the import in the background."""
        self.path = path
        self.file_label.setText(str(path))
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("Reading the file…"))
        kind, paths, event_id = self.kind, self.ctx.paths, self.event_id

        def work(job: Job) -> tuple[Table, importing.Mapping_, importer.ImportPlan]:
            table = importing.read_table(path, kind)
            store = open_store(paths.database, paths.backups)
            try:
                mapping = importer.mapping_for(store, kind, table.headers)
                plan = importer.plan(store, kind, table, mapping, event_id=event_id,
                                     progress=lambda d, t: job.report(d, t),
                                     cancel=lambda: job.cancelled)
            finally:
                store.close()
            return table, mapping, plan

        self._task = run_in_background(self, work, self._read, self._failed,
                                       label=self.tr("Reading the list…"))

    def _read(self, answer: tuple[Table, importing.Mapping_, importer.ImportPlan]) -> None:
        self.table, self.mapping, self.plan = answer
        self._fill_preview()
        self._show_plan()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ImportFileError):
            text = translate("Import", error.template).format(**error.args_)
        else:
            text = plain_message(error)
        self.summary.setText(text)
        self.problems.setVisible(False)
        self.import_button.setEnabled(False)

    def _fill_preview(self) -> None:
        table = self.table
        assert table is not None
        shown = table.rows[:PREVIEW_ROWS]
        self.preview.clear()
        self.preview.setColumnCount(len(table.headers))
        self.preview.setRowCount(len(shown) + 1)
        self.preview.setHorizontalHeaderLabels([h or "—" for h in table.headers])
        choices = [(None, self.tr("— leave out —"))] + [
            (t, translate("Field", importing.FIELD_LABELS.get(t) or _label(t)))
            for t in importing.TARGETS[self.kind]]
        for column in range(len(table.headers)):
            combo = QComboBox(self.preview)
            combo.setAccessibleName(self.tr("Meaning of column «{name}»").format(
                name=table.headers[column] or column + 1))
            for target, text in choices:
                combo.addItem(text, target)
            combo.setCurrentIndex(max(0, combo.findData(self.mapping.get(column))))
            combo.currentIndexChanged.connect(
                lambda _i, c=column, box=combo: self._remap(c, box.currentData()))
            self.preview.setCellWidget(0, column, combo)
        for r, values in enumerate(shown, start=1):
            for c, value in enumerate(values):
                self.preview.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))
        self.preview.resizeColumnsToContents()
        for column in range(len(table.headers)):
            self.preview.setColumnWidth(column, max(self.preview.columnWidth(column), 150))

    def _remap(self, column: int, target: str | None) -> None:
        if target is None:
            self.mapping.pop(column, None)
        else:
            for other, taken in list(self.mapping.items()):
                if taken == target and other != column:  # one column per field
                    self.mapping.pop(other)
                    box = self.preview.cellWidget(0, other)
                    if isinstance(box, QComboBox):
                        box.blockSignals(True)
                        box.setCurrentIndex(0)
                        box.blockSignals(False)
            self.mapping[column] = target
        self.import_button.setEnabled(False)
        self._replan.start()

    def _plan_in_background(self) -> None:
        if self.table is None:
            return
        table, mapping = self.table, dict(self.mapping)
        kind, paths, event_id = self.kind, self.ctx.paths, self.event_id
        problem = importing.mapping_problem(kind, mapping)
        if problem:
            self.summary.setText(translate("Import", problem))
            return

        def work(job: Job) -> importer.ImportPlan:
            store = open_store(paths.database, paths.backups)
            try:
                return importer.plan(store, kind, table, mapping, event_id=event_id,
                                     progress=lambda d, t: job.report(d, t),
                                     cancel=lambda: job.cancelled)
            finally:
                store.close()

        self._task = run_in_background(self, work, self._planned, self._failed,
                                       label=self.tr("Checking the list…"))

    def _planned(self, plan: importer.ImportPlan) -> None:
        self.plan = plan
        self._show_plan()

    def _show_plan(self) -> None:
        plan = self.plan
        if plan is None:
            return
        problem = importing.mapping_problem(self.kind, self.mapping)
        if problem:
            self.summary.setText(translate("Import", problem))
            self.import_button.setEnabled(False)
            return
        bad = plan.bad
        self.summary.setText(self.tr(
            "Rows: {rows}. New: {new}. Already here: {matched}. Possible duplicates: {dupes} "
            "(they will be listed in People for review). With problems: {bad}.").format(
                rows=len(plan.rows), new=plan.new, matched=plan.matched,
                dupes=plan.possible_duplicates, bad=len(bad)))
        self.problems.clear()
        listed = 0
        for row in bad:
            for column, error in row.errors:
                if listed >= MAX_LISTED_PROBLEMS:
                    break
                where = self.tr("Line {line}").format(line=row.line)
                message = render_error(error)
                if column and f"«{column}»" not in message:  # the file's own heading
                    where += self.tr(", column «{column}»").format(column=column)
                self.problems.addItem(f"{where}: {message}")
                listed += 1
        self.problems.setVisible(bool(bad))
        self.only_valid.setVisible(bool(bad))
        self.only_valid.setText(self.tr(
            "Import only the &good rows (leave out {n} with problems)").format(n=len(bad)))
        self._update_buttons()

    def _update_buttons(self) -> None:
        plan = self.plan
        ready = plan is not None and bool(plan.good) and (
            not plan.bad or self.only_valid.isChecked())
        self.import_button.setEnabled(ready)
        if plan is not None and plan.bad and not self.only_valid.isChecked():
            self.import_button.setToolTip(self.tr(
                "Some rows have problems: fix the file and choose it again, or tick «Import "
                "only the good rows»."))
        else:
            self.import_button.setToolTip("")

    # -- importing ----------------------------------------------------------------------

    def start_import(self) -> None:
        plan, table = self.plan, self.table
        if plan is None or table is None or not self.import_button.isEnabled():
            return
        paths, kind, mapping = self.ctx.paths, self.kind, dict(self.mapping)
        update, only_valid = self.update_radio.isChecked(), self.only_valid.isChecked()
        office_id, user_id = self.ctx.office_id, self.ctx.staff_id
        self.import_button.setEnabled(False)

        def work(job: Job) -> importer.ImportResult:
            store = open_store(paths.database, paths.backups)
            try:
                result = importer.run(store, plan, update_existing=update,
                                      only_valid=only_valid, office_id=office_id,
                                      user_id=user_id, progress=lambda d, t: job.report(d, t),
                                      cancel=lambda: job.cancelled)
                importer.remember_mapping(store, kind, table.headers, mapping)
                return result
            finally:
                store.close()

        self._task = run_in_background(self, work, self._imported, self._import_failed,
                                       label=self.tr("Importing…"),
                                       on_cancelled=self._import_cancelled)

    def _imported(self, result: importer.ImportResult) -> None:
        self.result = result
        for table in ("people", "organizations", "attendance", "org_members"):
            self.ctx.bus.data_changed.emit(table)
        lines = [self.tr("New: {n}").format(n=result.created),
                 self.tr("Updated: {n}").format(n=result.updated),
                 self.tr("Skipped (already here): {n}").format(n=result.skipped)]
        if self.kind == "attendance":
            lines.append(self.tr("On the event's list: {n}").format(n=result.checked_in))
        if result.without_consent:
            lines.append(self.tr("Without recorded consent, kept for statistics only: {n}")
                         .format(n=result.without_consent))
        if result.possible_duplicates:
            lines.append(self.tr("Possible duplicates to review in People: {n}").format(
                n=result.possible_duplicates))
        if result.bad_rows:
            lines.append(self.tr("Rows left out because of problems: {n}").format(
                n=result.bad_rows))
        if result.members:
            lines.append(self.tr("CSO members linked: {n}").format(n=result.members))
        if result.members_not_linked:
            lines.append(self.tr("CSO members not linked (not known here by phone, and no "
                                 "consent in the file): {n}").format(
                n=result.members_not_linked))
        QMessageBox.information(self, self.tr("Import finished"), "\n".join(lines))
        self.accept()

    def _import_failed(self, error: BaseException) -> None:
        self.import_button.setEnabled(True)
        QMessageBox.warning(self, self.tr("Nothing was imported"), plain_message(error))

    def _import_cancelled(self) -> None:
        self.import_button.setEnabled(True)
        self.summary.setText(self.tr("The import was cancelled; nothing was changed."))


def _label(target: str) -> str:
    from desktop.domain.validation import field_label

    return field_label(target)
