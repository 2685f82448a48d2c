"""Advice visits at the office (the Consultations screen's second tab), and the pieces that the
ideas, consultations and visits editors share.

Why a visit is recorded: a resident comes to the office for help with a petition, the public
budget, an appeal or registering a CSO; the office notes who came (only with their consent),
what it was about, what was done, and when to call back. The follow-up date puts the visit
on the home screen's "Follow-ups due" list, so nobody is forgotten.

Shared pieces (one behaviour everywhere, so an untrained user learns it once):

* `RecordEditor` - a list of one table's records beside the form that edits the chosen one:
  unsaved changes are never lost silently (Save / Discard / Cancel), Delete asks first and
  offers Undo, Esc in the form goes back to the saved values.
* `AuthorPicker` / `AuthorField` - find a person by name or phone (the full-text index), or
  add one quickly (`QuickAuthorDialog`); a newly attached person needs their consent.
* `PeriodFilter`, `UndoBar`, `VisitTimeField` (date and time of a visit), `make_table`.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QEvent,
    QObject,
    QSignalBlocker,
    Qt,
    QTime,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.consent import CONSENT_TEXT_VERSION, has_consent
from desktop.domain.names import full_name, short_name
from desktop.domain.phones import format_phone
from desktop.store import authors
from desktop.store.queries import ideas as idea_queries
from desktop.store.queries import visits as queries
from desktop.store.queries.today import to_local
from desktop.ui import forms as _forms
from desktop.ui import theme
from desktop.ui.context import AppContext
from desktop.ui.formatting import format_count, format_date, format_datetime
from desktop.ui.forms import (
    ChoiceField,
    DateField,
    Field,
    MultiLineField,
    RecordForm,
    TextField,
    VocabField,
)
from desktop.ui.models import Column, PagedTableModel, sort_by_header
from desktop.ui.translate import tr_vocab, vocab_items
from desktop.ui.widgets import SEARCH_DELAY_MS, Banner, error_label, hint, section_title
from desktop.ui.workers import plain_message

# -- small helpers ---------------------------------------------------------------------------


def make_table(model: PagedTableModel, name: str, stretch: int,
               parent: QWidget | None = None) -> QTableView:
    """A read-only, row-selecting table over a paged model; `stretch` is the column that
    takes the spare width (the title). Tab leaves the table (keyboard users move on to the
    form), arrows move between rows."""
    view = QTableView(parent)
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)  # every list looks the same (setup_table: rows, no grid lines)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setTabKeyNavigation(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(False)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setHighlightSections(False)
    sort_by_header(view, model)
    view.setMinimumWidth(260)
    return view


def size_columns(view: QTableView, samples: dict[int, str]) -> None:
    """Give columns the width of a typical value (a date, a status), or of their header if
    that is wider, so neither is cut off; the stretch column takes the rest."""
    metrics = view.fontMetrics()
    header = view.horizontalHeader()
    header_metrics = header.fontMetrics()
    model = view.model()
    for column, sample in samples.items():
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        view.setColumnWidth(column, max(metrics.horizontalAdvance(sample),
                                        header_metrics.horizontalAdvance(title)) + 16)


def chain_tab_order(widgets: Sequence[QWidget]) -> None:
    """Tab goes through `widgets` in this order (the visual order); hidden ones are skipped
    by Qt at run time."""
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)


def utc_stamp(local: datetime) -> str:
    """A naive local date-time as the store's UTC text (2026-11-23T15:44:00.000Z)."""
    moment = local.astimezone(UTC)  # a naive value is taken as the computer's local time
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def day_start_utc(day: date) -> str:
    """The start of a local day as stored UTC text (for filtering stored moments)."""
    return utc_stamp(datetime.combine(day, time()))


def ask_unsaved(parent: QWidget, what: str) -> str:
    """"save", "discard" or "cancel" for unsaved changes to `what`."""
    box = QMessageBox(QMessageBox.Icon.Question,
                      QCoreApplication.translate("RecordEditor", "Unsaved changes"), what,
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                      | QMessageBox.StandardButton.Cancel, parent)
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return "save"
    if answer == QMessageBox.StandardButton.Discard:
        return "discard"
    return "cancel"


# -- period ------------------------------------------------------------------------------------


class PeriodFilter(QWidget):
    """A period chosen from common presets, or two dates; `bounds()` gives the days."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today: date | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.combo = QComboBox(self)
        self.combo.setAccessibleName(self.tr("Period"))
        self.combo.setToolTip(self.tr("Period"))
        for code, text in (("any", self.tr("Any time")), ("30", self.tr("Last 30 days")),
                           ("90", self.tr("Last 3 months")), ("year", self.tr("This year")),
                           ("last_year", self.tr("Last year")),
                           ("custom", self.tr("Chosen dates…"))):
            self.combo.addItem(text, code)
        self.since = QDateEdit(self)
        self.until = QDateEdit(self)
        for edit, name in ((self.since, self.tr("Period from")),
                           (self.until, self.tr("Period to"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
            edit.setAccessibleName(name)
            edit.setDate(QDate.currentDate())
            edit.dateChanged.connect(self.changed)
        self.since.setDate(QDate.currentDate().addMonths(-1))
        self.dash = QLabel("–", self)
        layout.addWidget(self.combo)
        layout.addWidget(self.since)
        layout.addWidget(self.dash)
        layout.addWidget(self.until)
        self.combo.currentIndexChanged.connect(self._preset_changed)
        self._preset_changed()

    def set_today(self, day: date | None) -> None:
        self._today = day

    def _preset_changed(self) -> None:
        custom = self.combo.currentData() == "custom"
        for widget in (self.since, self.dash, self.until):
            widget.setVisible(custom)
        self.changed.emit()

    def set_preset(self, code: str) -> None:
        self.combo.setCurrentIndex(max(self.combo.findData(code), 0))

    def bounds(self) -> tuple[date | None, date | None]:
        """(first day, last day) of the period, both included; None for no limit."""
        today = self._today or date.today()
        code = self.combo.currentData()
        if code == "30":
            return today - timedelta(days=29), today
        if code == "90":
            return today - timedelta(days=89), today
        if code == "year":
            return date(today.year, 1, 1), date(today.year, 12, 31)
        if code == "last_year":
            return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
        if code == "custom":
            first, last = self.since.date().toPython(), self.until.date().toPython()
            return (first, last) if first <= last else (last, first)
        return None, None


# -- undo ------------------------------------------------------------------------------------


class UndoBar(Banner):
    """"Deleted … [Undo]" after a delete; Undo restores the record (Store.undelete)."""

    restored = Signal(str, str)  # (table, id)

    HIDE_AFTER_MS = 30_000

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__("", "", parent)
        self.ctx = ctx
        self._target: tuple[str, str] | None = None
        self.set_text("", self.tr("&Undo"))
        self.button.setAccessibleName(self.tr("Undo the delete"))
        self.action_clicked.connect(self.undo)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.setVisible(False)

    def offer(self, text: str, table: str, record_id: str) -> None:
        self._target = (table, record_id)
        self.set_text(text)
        self.setVisible(True)
        self._timer.start(self.HIDE_AFTER_MS)
        self.ctx.bus.status_message.emit(text)

    def undo(self) -> None:
        if self._target is None:
            return
        table, record_id = self._target
        self._target = None
        self.setVisible(False)
        self.ctx.store.undelete(table, record_id)
        self.ctx.bus.data_changed.emit(table)
        self.ctx.bus.status_message.emit(self.tr("Restored."))
        self.restored.emit(table, record_id)


# -- date and time ---------------------------------------------------------------------------


class VisitTimeField(Field):
    """A date and time (31.03.2025 14:30), as local time; stored values are shown in local
    time whether they were saved as UTC or as local text."""

    DISPLAY = "dd.MM.yyyy HH:mm"

    def __init__(self, name: str, label: str | None = None) -> None:
        super().__init__(name, label)
        self.edit = QDateTimeEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat(self.DISPLAY)
        self.edit.setDateTime(QDateTime.currentDateTime())
        self.edit.setMaximumWidth(
            self.edit.fontMetrics().horizontalAdvance("00.00.0000 00:00") + 60)
        self.edit.dateTimeChanged.connect(self.changed)
        self.widget = self.control = self.edit

    def value(self) -> str:
        return self.edit.dateTime().toPython().replace(second=0, microsecond=0) \
            .isoformat(timespec="minutes")

    def set_value(self, value: Any) -> None:
        moment = to_local(str(value)) if value else None
        if moment is None:
            moment = datetime.now().replace(second=0, microsecond=0)
        self.edit.setDateTime(QDateTime(QDate(moment.year, moment.month, moment.day),
                                        QTime(moment.hour, moment.minute)))


#: The shared date-and-time field of `desktop.ui.forms` where it exists (the same boxes as
#: the events form), else the local one above.
DATE_TIME_FIELD: type[Field] = getattr(_forms, "DateTimeField", VisitTimeField)


# -- people ----------------------------------------------------------------------------------


def person_line(person: dict[str, Any]) -> str:
    """"Коваленко Олена Петрівна · 1985 · +380 67 123 4567" for lists of people found."""
    parts = [full_name(person.get("last_name"), person.get("first_name"),
                       person.get("patronymic"))]
    if person.get("birth_year"):
        parts.append(str(person["birth_year"]))
    if person.get("phone"):
        parts.append(format_phone(person["phone"]))
    return " · ".join(p for p in parts if p)


class QuickAuthorDialog(QDialog):
    """Add a person in a few seconds: name, phone, and their consent (required)."""

    def __init__(self, ctx: AppContext, prefill: dict[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New person"))
        layout = QVBoxLayout(self)
        layout.addWidget(hint(self.tr(
            "Write down only what the person agrees to give. Their consent is needed to "
            "keep their name and phone."), self))
        self.form = RecordForm("people", [
            TextField("last_name"), TextField("first_name"), TextField("patronymic"),
            TextField("phone", placeholder="067 123 45 67"),
        ], fixed={"office_id": ctx.office_id}, save_text=None, parent=self)
        self.form.layout().setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        self.consent = QCheckBox(self.tr(
            "The person agreed to the processing of their personal data (consent text "
            "{version})").format(version=CONSENT_TEXT_VERSION), self)
        self.consent.setAccessibleName(self.tr("The person agreed to the processing of "
                                               "their personal data"))
        layout.addWidget(self.consent)
        method_row = QFormLayout()
        self.method = QComboBox(self)
        for code, text in vocab_items("consent_methods"):
            self.method.addItem(text, code)
        self.method.setAccessibleName(self.tr("How consent was given"))
        method_label = QLabel(self.tr("&How consent was given:"), self)
        method_label.setBuddy(self.method)
        method_row.addRow(method_label, self.method)
        layout.addLayout(method_row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Add"))
        self.ok.setAccessibleName(self.tr("Add the person"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        cancel.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for name, value in (prefill or {}).items():
            self.form.field(name).set_value(value)
        self.form.validity_changed.connect(self._update)
        self.consent.toggled.connect(self._update)
        self._update()
        QWidget.setTabOrder(self.form.fields[-1].control, self.consent)
        QWidget.setTabOrder(self.consent, self.method)
        QWidget.setTabOrder(self.method, self.ok)

    def _update(self) -> None:
        self.ok.setEnabled(self.form.is_valid() and self.consent.isChecked())
        self.ok.setToolTip("" if self.consent.isChecked() else self.tr(
            "Tick the consent box once the person agrees."))

    def _accept(self) -> None:
        if self.form.save() and self.consent.isChecked():
            self.accept()

    def result_values(self) -> tuple[dict[str, Any], str] | None:
        """(validated people fields, consent method), or None while incomplete."""
        values = self.form.cleaned()
        if values is None or not self.consent.isChecked():
            return None
        return values, self.method.currentData()


def prefill_from_search(text: str) -> dict[str, str]:
    """What was typed in the search box, as the start of a new person: digits are a phone,
    words are surname, first name, patronymic (as Ukrainian lists write them)."""
    text = text.strip()
    if not text:
        return {}
    if sum(ch.isdigit() for ch in text) >= 5:
        return {"phone": text}
    words = text.split()
    return dict(zip(("last_name", "first_name", "patronymic"),
                    (w[:1].upper() + w[1:] for w in words), strict=False))


class AuthorPicker(QWidget):
    """Choose who the record is about: search people by name or phone, or add a new one.

    A newly attached person needs consent on file, or the consent box ticked now (it is then
    recorded with the text version and method). A person already attached to a saved record
    stays even without it (older records), with a note asking to record it.
    """

    changed = Signal()


    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._person: dict[str, Any] | None = None
        self._new: dict[str, Any] | None = None
        self._new_method: str | None = None
        self._loaded_id: str | None = None
        self._show_problem = False
        self._read_only = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.search_row = QWidget(self)
        row = QHBoxLayout(self.search_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit(self.search_row)
        self.search.setPlaceholderText(self.tr("Surname, name or phone…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Find a person by surname, name or phone"))
        self.add_button = QPushButton(theme.icon("add"), self.tr("New person…"),
                                      self.search_row)
        self.add_button.setAccessibleName(self.tr("Add a new person"))
        row.addWidget(self.search, 1)
        row.addWidget(self.add_button)
        layout.addWidget(self.search_row)

        self.results = QListWidget(self)
        self.results.setAccessibleName(self.tr("People found"))
        self.results.setMaximumHeight(self.fontMetrics().height() * 6 + 12)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.results.setUniformItemSizes(True)
        self.results.setVisible(False)
        layout.addWidget(self.results)

        self.chosen_row = QFrame(self)
        self.chosen_row.setFrameShape(QFrame.Shape.StyledPanel)
        chosen = QHBoxLayout(self.chosen_row)
        chosen.setContentsMargins(6, 2, 2, 2)
        self.chosen = QLabel(self.chosen_row)
        self.chosen.setWordWrap(True)
        self.chosen.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.chosen.font()
        font.setBold(True)
        self.chosen.setFont(font)
        self.remove_button = QToolButton(self.chosen_row)
        self.remove_button.setText(self.tr("Remove"))
        self.remove_button.setAccessibleName(self.tr("Remove the person from this record"))
        self.remove_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        chosen.addWidget(self.chosen, 1)
        chosen.addWidget(self.remove_button)
        layout.addWidget(self.chosen_row)

        self.consent_row = QWidget(self)
        consent = QHBoxLayout(self.consent_row)
        consent.setContentsMargins(0, 0, 0, 0)
        self.consent = QCheckBox(self.tr("Agreed to the processing of personal data"),
                                 self.consent_row)
        self.consent.setToolTip(self.tr("Consent text {version}").format(
            version=CONSENT_TEXT_VERSION))
        self.consent.setAccessibleName(self.tr(
            "The person agreed to the processing of their personal data"))
        self.consent_method = QComboBox(self.consent_row)
        for code, text in vocab_items("consent_methods"):
            self.consent_method.addItem(text, code)
        self.consent_method.setAccessibleName(self.tr("How consent was given"))
        consent.addWidget(self.consent, 1)
        consent.addWidget(self.consent_method)
        layout.addWidget(self.consent_row)
        self.note = hint("", self)
        layout.addWidget(self.note)
        self.problem_label = error_label(self)
        layout.addWidget(self.problem_label)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self._choose_first)
        self.search.installEventFilter(self)
        self.results.installEventFilter(self)
        self.results.itemActivated.connect(self._choose_item)
        self.results.itemClicked.connect(self._choose_item)
        self.add_button.clicked.connect(self._add_new)
        self.remove_button.clicked.connect(self.clear_person)
        self.consent.toggled.connect(self._consent_toggled)
        self.consent_method.currentIndexChanged.connect(self._consent_toggled)
        self._update(emit=False)

    # -- public ---------------------------------------------------------------------------

    def person_id(self) -> str | None:
        return self._person["id"] if self._person else None

    def has_person(self) -> bool:
        return self._person is not None or self._new is not None

    def set_person_id(self, person_id: str | None) -> None:
        """Show the person a saved record names (no consent demanded for them)."""
        self._loaded_id = person_id or None
        self._person = queries.person_brief(self.ctx.store.conn, person_id)
        self._new = None
        self._new_method = None
        self._show_problem = False
        with QSignalBlocker(self.search):
            self.search.clear()
        with QSignalBlocker(self.consent):
            self.consent.setChecked(False)
        self.results.setVisible(False)
        self._update(emit=False)

    def choose(self, person: dict[str, Any]) -> None:
        """Attach an existing person (a row of `people_brief`)."""
        self._person = dict(person)
        self._new = None
        with QSignalBlocker(self.consent):
            self.consent.setChecked(False)
        with QSignalBlocker(self.search):
            self.search.clear()
        self.results.setVisible(False)
        self._update()
        if self._needs_consent():
            self.consent.setFocus()
        else:
            self.remove_button.setFocus()

    def set_new_person(self, values: dict[str, Any], consent_method: str) -> None:
        """Attach a person not stored yet; they are stored with the record."""
        self._person = None
        self._new = dict(values)
        self._new_method = consent_method
        with QSignalBlocker(self.search):
            self.search.clear()
        self.results.setVisible(False)
        self._update()
        self.remove_button.setFocus()

    def clear_person(self) -> None:
        self._person = None
        self._new = None
        self._new_method = None
        self._update()
        self.search.setFocus()

    def author(self) -> authors.Author | None:
        """What to store: the chosen person, a new one, and consent recorded now."""
        if self._new is not None:
            return authors.Author(new_person=self._new, consent_method=self._new_method)
        if self._person is not None:
            method = (self.consent_method.currentData()
                      if self.consent.isChecked() and not has_consent(self._person) else None)
            return authors.Author(person_id=self._person["id"], consent_method=method)
        return None

    def problem(self) -> str:
        """Why the record cannot be saved with this person, or ""."""
        if self._needs_consent() and not self.consent.isChecked() \
                and self._person is not None and self._person["id"] != self._loaded_id:
            return self.tr("Tick the consent box once the person agrees, or remove them: "
                           "their personal data can only be kept with their consent.")
        return ""

    def show_problem(self) -> bool:
        """After a Save attempt: show the problem, if any; True if there is one."""
        self._show_problem = True
        self._update(emit=False)
        if self.problem():
            self.consent.setFocus()
            return True
        return False

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self._update(emit=False)

    def focus_widgets(self) -> list[QWidget]:
        return [self.search, self.add_button, self.results, self.remove_button, self.consent,
                self.consent_method]

    def ask_new_person(self, prefill: dict[str, str]) -> tuple[dict[str, Any], str] | None:
        """The quick-add dialog (tests replace this): (people fields, consent method)."""
        dialog = QuickAuthorDialog(self.ctx, prefill, self.window())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.result_values()

    # -- searching ------------------------------------------------------------------------

    def run_search(self) -> None:
        self._timer.stop()
        text = self.search.text().strip()
        self.results.clear()
        if len(text) < 2:
            self.results.setVisible(False)
            return
        hits = self.ctx.store.search(text, kinds=("people",), limit=20)
        people = queries.people_brief(self.ctx.store.conn, [h.record_id for h in hits])
        for person in people:
            item = QListWidgetItem(person_line(person))
            item.setData(Qt.ItemDataRole.UserRole, person)
            self.results.addItem(item)
        if not people:
            item = QListWidgetItem(self.tr("Nobody found. Add them with “New person…”."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(item)
        self.results.setVisible(True)

    def _choose_first(self) -> None:
        if self._timer.isActive() or not self.results.isVisible():
            self.run_search()
        first = self.results.item(0)
        if first is not None and first.data(Qt.ItemDataRole.UserRole):
            self.choose(first.data(Qt.ItemDataRole.UserRole))

    def _choose_item(self, item: QListWidgetItem) -> None:
        person = item.data(Qt.ItemDataRole.UserRole)
        if person:
            self.choose(person)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.search and event.key() == Qt.Key.Key_Down \
                    and self.results.isVisible() and self.results.count():
                self.results.setFocus()
                self.results.setCurrentRow(0)
                return True
            if watched is self.results and event.key() == Qt.Key.Key_Escape:
                self.results.setVisible(False)
                self.search.setFocus()
                return True
            if watched is self.search and event.key() == Qt.Key.Key_Escape \
                    and self.search.text():
                self.search.clear()
                self.results.setVisible(False)
                return True
        return super().eventFilter(watched, event)

    def _add_new(self) -> None:
        answer = self.ask_new_person(prefill_from_search(self.search.text()))
        if answer is not None:
            self.set_new_person(*answer)

    def _consent_toggled(self) -> None:
        self._update()

    # -- display --------------------------------------------------------------------------

    def _needs_consent(self) -> bool:
        return self._person is not None and not has_consent(self._person)

    def _update(self, *, emit: bool = True) -> None:
        chosen = self.has_person()
        self.search_row.setVisible(not chosen and not self._read_only)
        if chosen or self._read_only:
            self.results.setVisible(False)
        self.chosen_row.setVisible(chosen)
        self.remove_button.setVisible(not self._read_only)
        self.consent_row.setVisible(self._needs_consent() and not self._read_only)
        self.consent_method.setEnabled(self.consent.isChecked())
        note = ""
        if self._new is not None:
            self.chosen.setText(full_name(self._new.get("last_name"), self._new.get("first_name"),
                                          self._new.get("patronymic")))
            note = self.tr("A new person: stored when you save. Consent recorded "
                           "({method}).").format(
                method=tr_vocab("consent_methods", self._new_method).lower())
        elif self._person is not None:
            self.chosen.setText(person_line(self._person))
            if has_consent(self._person):
                note = self.tr("Consent on file since {date} ({method}).").format(
                    date=format_date(to_local(self._person["consent_given_at"]) or
                                     self._person["consent_given_at"]),
                    method=tr_vocab("consent_methods",
                                    self._person.get("consent_method")).lower() or "—")
            elif self._person["id"] == self._loaded_id:
                note = self.tr("No consent is on file for this person. Ask them, and tick the "
                               "box if they agree.")
        elif self._read_only:
            self.chosen_row.setVisible(False)
            note = self.tr("Nobody named.")
        self.note.setText(note)
        self.note.setVisible(bool(note))
        problem = self.problem() if self._show_problem else ""
        self.problem_label.setText(problem)
        self.problem_label.setVisible(bool(problem))
        self.consent.setAccessibleDescription(problem)
        if emit:
            self.changed.emit()


class AuthorField(Field):
    """A `AuthorPicker` as a form field (placed, labelled and tab-chained by RecordForm).
    Its value is the chosen existing person's id; a new person is stored on save."""

    def __init__(self, name: str, picker: AuthorPicker, label: str | None = None) -> None:
        super().__init__(name, label)
        self.picker = picker
        self.widget = picker
        self.control = picker.search
        picker.changed.connect(self.changed)

    def value(self) -> str | None:
        return self.picker.person_id()

    def set_value(self, value: Any) -> None:
        self.picker.set_person_id(value or None)

    def focus_widgets(self) -> list[QWidget]:
        return self.picker.focus_widgets()


# -- a list beside its form ------------------------------------------------------------------


class RecordEditor(QWidget):
    """A list of one table's records beside the form that edits the chosen one.

    Subclasses build the widgets and set `view`, `model`, `form`, `save_button`,
    `delete_button`, `undo_bar` and `detail`, then call `_connect_editor()`; they implement
    `load(record_id)` (None: a new record), `write(values)` and `describe()` (what the
    record is called in questions).
    """

    table = ""
    #: Emitted after a record was saved (its id).
    saved = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.current_id: str | None = None
        self._dirty = False
        self._loading = False
        self._reverting = False
        self._opened_once = False
        self.view: QTableView
        self.model: PagedTableModel
        self.form: RecordForm
        self.save_button: QPushButton
        self.delete_button: QPushButton
        self.undo_bar: UndoBar
        self.detail: QWidget

    def _connect_editor(self) -> None:
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.view.activated.connect(self._focus_form)
        for field in self.form.fields:
            field.changed.connect(self.mark_dirty)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.detail)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.revert)

    # -- state ----------------------------------------------------------------------------

    def mark_dirty(self) -> None:
        if not self._loading:
            self._dirty = True

    def is_dirty(self) -> bool:
        return self._dirty

    def describe(self) -> str:
        return ""

    def ask_unsaved(self) -> str:
        """Save / Discard / Cancel (tests replace this)."""
        return ask_unsaved(self, self.tr("Save the changes to {what}?").format(
            what=self.describe()))

    def confirm_delete(self, text: str) -> bool:
        """Ask before deleting (tests replace this)."""
        answer = QMessageBox.question(
            self, self.tr("Delete?"), text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def maybe_discard(self) -> bool:
        """True if the form may be replaced: nothing unsaved, saved now, or discarded."""
        if not self._dirty:
            return True
        answer = self.ask_unsaved()
        if answer == "save":
            return self.save()
        if answer == "discard":
            self._dirty = False
            return True
        return False

    # -- list -----------------------------------------------------------------------------

    def select_id(self, record_id: str | None) -> bool:
        """Select the row of `record_id` if it is loaded in the list (no reload)."""
        selection = self.view.selectionModel()
        with QSignalBlocker(selection):
            if record_id is None:
                selection.clearSelection()
                selection.clearCurrentIndex()
                self.view.viewport().update()
                return False
            for row in range(self.model.rowCount()):
                if self.model.record_id(row) == record_id:
                    index = self.model.index(row, 0)
                    selection.setCurrentIndex(
                        index, selection.SelectionFlag.ClearAndSelect
                        | selection.SelectionFlag.Rows)
                    self.view.scrollTo(index)
                    self.view.viewport().update()
                    return True
            selection.clearSelection()
        self.view.viewport().update()
        return False

    def open_first_once(self) -> None:
        """The first time the list has records, open the first one (so the screen shows
        something real rather than an empty form), unless the user has already chosen or
        started one; later refreshes keep the user's choice."""
        if self._opened_once or self.current_id is not None or self._dirty:
            self._opened_once = True
            return
        if self.model.rowCount():
            self._opened_once = True
            record_id = self.model.record_id(0)
            self.load(record_id)
            self.select_id(record_id)

    def _row_changed(self, current: Any, previous: Any) -> None:
        if self._reverting or not current.isValid():
            return
        record_id = self.model.record_id(current.row())
        if record_id == self.current_id:
            return
        if not self.maybe_discard():
            self._reverting = True
            try:
                self.select_id(self.current_id)
            finally:
                self._reverting = False
            return
        self.load(record_id)

    def show_record(self, record_id: str) -> None:
        """Open one record (another screen pointed at it, or an undo restored it)."""
        if record_id == self.current_id or self.ctx.store.get(self.table, record_id) is None:
            return
        if self.maybe_discard():
            self.load(record_id)
            self.select_id(record_id)

    def _restored(self, table: str, record_id: str) -> None:
        if table == self.table:
            self.show_record(record_id)

    def set_form_record(self, values: dict[str, Any]) -> None:
        """Show `values` in the form, long texts from their beginning, no old problems."""
        self.form.set_record(values)
        for field in self.form.fields:
            if isinstance(field.control, QLineEdit):
                field.control.setCursorPosition(0)
        self.form.form_error.setVisible(False)

    def _focus_form(self) -> None:
        fields = self.form.fields
        if fields:
            fields[0].control.setFocus()

    # -- commands -------------------------------------------------------------------------

    def load(self, record_id: str | None) -> None:
        raise NotImplementedError

    def write(self, values: dict[str, Any]) -> tuple[str, list[str]]:
        """Store the validated values; return the record's id and the tables changed."""
        raise NotImplementedError

    def extra_problem(self) -> bool:
        """Problems outside the form (a person without consent); True if there is one."""
        return False

    def new(self) -> bool:
        if not self.maybe_discard():
            return False
        self._opened_once = True  # the user chose a blank form: keep it
        self.select_id(None)
        self.load(None)
        self._focus_form()
        return True

    def save(self) -> bool:
        """Validate everything, write, and show the saved record; False if refused."""
        extra = self.extra_problem()
        if not self.form.save() or extra:  # every problem shown, the first one focused
            return False
        values = self.form.cleaned()
        if values is None:
            return False
        try:
            record_id, tables = self.write(values)
        except Exception as error:  # a refused write: say why, keep the form as typed
            self.show_write_error(error)
            return False
        self._dirty = False
        self.current_id = record_id
        for table in tables:
            self.ctx.bus.data_changed.emit(table)
        self.load(record_id)
        self.select_id(record_id)
        self.saved.emit(record_id)
        return True

    def show_write_error(self, error: BaseException) -> None:
        self.form.form_error.setText(plain_message(error))
        self.form.form_error.setVisible(True)

    def revert(self) -> None:
        """Esc in the form: back to the saved values (asks if something was typed)."""
        if self._dirty and self.ask_unsaved_revert():
            self._dirty = False
            self.load(self.current_id)

    def ask_unsaved_revert(self) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Undo your changes?"),
            self.tr("Go back to the saved values of {what}? What you typed is lost.").format(
                what=self.describe()),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def delete(self) -> None:
        if self.current_id is None:
            return
        if not self.confirm_delete(self.tr("Delete {what}?").format(what=self.describe())):
            return
        record_id, text = self.current_id, self.tr("Deleted {what}.").format(
            what=self.describe())
        self.ctx.store.delete(self.table, record_id)
        self._dirty = False
        self.current_id = None
        self.load(None)
        self.undo_bar.offer(text, self.table, record_id)
        self.ctx.bus.data_changed.emit(self.table)


def set_council_field(field: Field, editable: bool, placeholder: str = "") -> None:
    """A field written by the council (its answer): editable on a council officer's device,
    read-only everywhere else, looking read-only (no white entry background)."""
    edit = getattr(field, "edit", field.control)
    edit.setReadOnly(not editable)
    button = getattr(field, "button", None)
    if button is not None:
        button.setEnabled(editable)
    if hasattr(edit, "setPlaceholderText"):
        edit.setPlaceholderText("" if editable else placeholder)
    palette = edit.palette()
    palette.setColor(QPalette.ColorRole.Base, QApplication.palette().color(
        QPalette.ColorRole.Base if editable else QPalette.ColorRole.Window))
    edit.setPalette(palette)
    edit.setToolTip("" if editable else QCoreApplication.translate(
        "RecordEditor", "Written by the council; it arrives here with sync."))


def scroll_area(widget: QWidget, name: str, parent: QWidget | None = None) -> QScrollArea:
    """`widget` scrolled vertically only (forms longer than a 728-pixel-high screen)."""
    area = QScrollArea(parent)
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setAccessibleName(name)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area


def fill_combo(combo: QComboBox, items: Sequence[tuple[Any, str]], first: str | None) -> None:
    """Replace a filter combo's items, keeping the chosen one if it is still there."""
    current = combo.currentData()
    with QSignalBlocker(combo):
        combo.clear()
        if first is not None:
            combo.addItem(first, None)
        for data, text in items:
            combo.addItem(text, data)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(index, 0))


# -- advice visits ---------------------------------------------------------------------------


class VisitsPanel(RecordEditor):
    """Advice visits at the office: who came, about what, what was done, when to call back."""

    table = "visits"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._today: date | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)

        # -- filters ----------------------------------------------------------------------
        bar = QHBoxLayout()
        self.period = PeriodFilter(self)
        self.tool = QComboBox(self)
        self.tool.setAccessibleName(self.tr("Participation tool"))
        self.tool.setToolTip(self.tr("Participation tool"))
        fill_combo(self.tool, vocab_items("visit_tools"), self.tr("All tools"))
        self.office = QComboBox(self)
        self.office.setAccessibleName(self.tr("Office"))
        self.office.setToolTip(self.tr("Office"))
        self.office.addItem(self.tr("This office"), "mine")
        self.office.addItem(self.tr("All offices"), "all")
        self.due = QCheckBox(self.tr("Only follow-ups &due"), self)
        self.due.setAccessibleName(self.tr("Only visits whose follow-up is due"))
        self.due.setToolTip(self.tr("Visits whose follow-up date is within a week or passed "
                                    "less than a month ago, as on the Today screen."))
        self.new_button = QPushButton(theme.icon("add"), self.tr("&New visit"), self)
        self.new_button.setAccessibleName(self.tr("New visit"))
        self.new_button.setToolTip(self.tr("Record a new visit (Ctrl+N)"))
        bar.addWidget(self.period)
        bar.addWidget(self.tool)
        bar.addWidget(self.office)
        bar.addWidget(self.due)
        bar.addStretch(1)
        bar.addWidget(self.new_button)
        layout.addLayout(bar)
        self.undo_bar = UndoBar(ctx, self)
        self.undo_bar.restored.connect(self._restored)
        layout.addWidget(self.undo_bar)

        # -- list -------------------------------------------------------------------------
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.model = PagedTableModel(ctx.store.conn, ctx.store.path, [
            Column("visited_at", self.tr("Visited"), format_datetime),
            Column(("last_name", "first_name", "patronymic"), self.tr("Visitor"),
                   self._visitor, tooltip=self._visitor_full),
            Column("topic", self.tr("Topic"), tooltip=lambda topic: topic or ""),
            Column("tool", self.tr("Tool"), lambda code: tr_vocab("visit_tools", code),
                   tooltip=lambda code: tr_vocab("visit_tools", code)),
            Column("follow_up_on", self.tr("Follow-up"), format_date),
        ], parent=self)
        self.view = make_table(self.model, self.tr("Advice visits"), 2, left)
        size_columns(self.view, {0: "00.00.0000 00:00", 1: "Коваленко О. П.",
                                 3: "Громадський", 4: "00.00.0000"})
        self.count = QLabel(left)
        self.count.setAccessibleName(self.tr("Number of visits shown"))
        left_layout.addWidget(self.view, 1)
        left_layout.addWidget(self.count)
        self.model.total_changed.connect(self._show_total)

        # -- form -------------------------------------------------------------------------
        self.detail = QWidget(splitter)
        detail = QVBoxLayout(self.detail)
        detail.setContentsMargins(6, 0, 0, 0)
        self.heading = section_title("", self.detail)
        detail.addWidget(self.heading)
        self.person = AuthorPicker(ctx)
        self.form = RecordForm("visits", [
            DATE_TIME_FIELD("visited_at"),
            AuthorField("person_id", self.person, self.tr("Visitor")),
            TextField("topic", placeholder=self.tr("What the person came about")),
            VocabField("tool", "visit_tools"),
            MultiLineField("outcome", lines=3),
            DateField("follow_up_on"),
            ChoiceField("staff_id", []),
            ChoiceField("office_id", []),
        ], save_text=None)
        self.form.field("office_id").changed.connect(self._office_chosen)
        detail.addWidget(scroll_area(self.form, self.tr("Visit details"), self.detail), 1)
        buttons = QHBoxLayout()
        self.delete_button = QPushButton(self.tr("&Delete"), self.detail)
        self.delete_button.setAccessibleName(self.tr("Delete this visit"))
        self.save_button = QPushButton(self.tr("&Save"), self.detail)
        self.save_button.setAccessibleName(self.tr("Save the visit"))
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        detail.addLayout(buttons)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([600, 460])
        layout.addWidget(splitter, 1)

        self._connect_editor()
        self.person.changed.connect(self.mark_dirty)
        self.new_button.clicked.connect(self.new)
        self.period.changed.connect(self.reload_list)
        self.tool.currentIndexChanged.connect(self.reload_list)
        self.office.currentIndexChanged.connect(self.reload_list)
        self.due.toggled.connect(self.reload_list)
        QWidget.setTabOrder(self.new_button, self.view)
        QWidget.setTabOrder(self.view, self.form.fields[0].control)
        QWidget.setTabOrder(self.person.consent_method, self.form.field("topic").control)
        QWidget.setTabOrder(self.form.fields[-1].control, self.delete_button)
        QWidget.setTabOrder(self.delete_button, self.save_button)

    # -- data -----------------------------------------------------------------------------

    def today(self) -> date:
        return self._today or date.today()

    def set_today(self, day: date | None) -> None:
        self._today = day
        self.period.set_today(day)

    def _visitor(self, last: str | None, first: str | None, patronymic: str | None) -> str:
        return short_name(last, first, patronymic) or "—"

    def _visitor_full(self, last: str | None, first: str | None,
                      patronymic: str | None) -> str:
        return full_name(last, first, patronymic)

    def _show_total(self, total: int) -> None:
        self.count.setText(self.tr("Shown: {count}").format(count=format_count(total))
                           if total >= 0 else "")

    def refresh(self) -> None:
        """Reload choices and the list; the open record too unless it has unsaved edits."""
        conn = self.ctx.store.conn
        office_field = self.form.field("office_id")
        with QSignalBlocker(office_field):
            office_field.set_items(idea_queries.offices(conn))  # type: ignore[attr-defined]
        self.office.setEnabled(self.ctx.office_id is not None)
        self.reload_list()
        if not self._dirty:
            self.load(self.current_id if self.current_id and self.ctx.store.get(
                "visits", self.current_id) else None)
        self.open_first_once()

    def reload_list(self) -> None:
        since, until = self.period.bounds()
        mine = self.office.currentData() == "mine" and self.ctx.office_id
        self.model.set_query(queries.visits_query(
            office_id=self.ctx.office_id if mine else None,
            since=day_start_utc(since) if since else None,
            until=day_start_utc(until + timedelta(days=1)) if until else None,
            tool=self.tool.currentData(),
            follow_ups_due_on=self.today() if self.due.isChecked() else None,
        ))
        self.select_id(self.current_id)

    def _office_chosen(self) -> None:
        self._load_staff(self.form.field("office_id").value(),
                         self.form.field("staff_id").value())

    def _load_staff(self, office_id: str | None, keep: str | None) -> None:
        field = self.form.field("staff_id")
        with QSignalBlocker(field):
            field.set_items(queries.staff_of_office(  # type: ignore[attr-defined]
                self.ctx.store.conn, office_id, keep))
            field.set_value(keep)

    def load(self, record_id: str | None) -> None:
        record = self.ctx.store.get("visits", record_id) if record_id else None
        self._loading = True
        try:
            if record is None:
                self.current_id = None
                values: dict[str, Any] = {
                    "visited_at": datetime.now().replace(second=0, microsecond=0).isoformat(),
                    "office_id": self.ctx.office_id, "staff_id": self.ctx.staff_id,
                }
                self.heading.setText(self.tr("New visit"))
            else:
                self.current_id = record["id"]
                values = record
                self.heading.setText(self.tr("Visit on {when}").format(
                    when=format_datetime(record["visited_at"])))
            self._load_staff(values.get("office_id"), values.get("staff_id"))
            self.set_form_record(values)
        finally:
            self._loading = False
        self._dirty = False
        self.delete_button.setEnabled(record is not None)

    def describe(self) -> str:
        topic = self.form.field("topic").value().strip()
        return self.tr("the visit “{topic}”").format(topic=topic) if topic \
            else self.tr("this visit")

    def extra_problem(self) -> bool:
        return self.person.show_problem()

    def write(self, values: dict[str, Any]) -> tuple[str, list[str]]:
        values = dict(values)
        values["visited_at"] = utc_stamp(datetime.fromisoformat(values["visited_at"]))
        values.pop("person_id", None)
        saved = authors.save_with_author(
            self.ctx.store, "visits", values, person_field="person_id",
            author=self.person.author(), record_id=self.current_id)
        self.ctx.bus.status_message.emit(self.tr("Visit saved."))
        return saved.record["id"], ["people", "visits"] if saved.people_changed \
            else ["visits"]



