"""Check-in: the desk at the door of an event, with a queue of villagers waiting.

Why it works like this: the operator has no time for the mouse. There is one search line,
and the cursor always comes back to it. Two or three letters of a surname (or a few digits
of a phone number) bring up the matching people at once; Enter checks in the top one, or
the one chosen with Up/Down. Someone who is not registered yet is added without leaving
the screen (Ctrl+N, or Enter when nothing matches): a short form prefilled from what was
typed, which shows people who may already be registered under the same phone or name and
birth year, so nobody is registered twice. The counter shows the total against the places
available and the gender split the donor report needs; Ctrl+Z takes the last check-in back.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.consent import statistics_only
from desktop.domain.names import full_name, person_from_search, short_name, sort_key
from desktop.domain.paper import scanned_record_id
from desktop.domain.phones import masked_phone
from desktop.store import checkin as desk
from desktop.store.errors import StoreError
from desktop.store.ids import to_local, utc_now
from desktop.store.queries import checkin as queries
from desktop.store.queries import common
from desktop.store.queries.events import GENDERS, attendance_counts
from desktop.ui import theme
from desktop.ui.context import AppContext
from desktop.ui.formatting import format_count
from desktop.ui.forms import ChoiceField, NumberField, RecordForm, TextField, VocabField
from desktop.ui.kit.panels import cache_panel
from desktop.ui.kit.tables import (
    TextTableView,
    needs_shaping,
    setup_table,
    shaped_font,
    skip_shaping,
)
from desktop.ui.models import sort_by_header
from desktop.ui.screens.base import Screen
from desktop.ui.translate import tr_vocab
from desktop.ui.widgets import Banner, button, hint, page_title
from desktop.ui.workers import show_error

#: The consent text people agree to at the desk (printed on the sign-in sheet).
CONSENT_TEXT_VERSION = "2024-01"
#: Milliseconds after the last change in the walk-in form before looking for duplicates.
DUPLICATE_DELAY_MS = 150

PERSON_ROLE = Qt.ItemDataRole.UserRole
_ROOT = QModelIndex()
_DISPLAY, _FOREGROUND, _FONT, _PERSON = (int(role) for role in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole,
    PERSON_ROLE))


def _time_of(stamp: str | None) -> str:
    moment = to_local(stamp) if stamp else None
    # Not strftime: it imports the time module on each call, through PySide's import hook.
    return f"{moment.hour:02d}:{moment.minute:02d}" if moment else ""


class SearchLine(QLineEdit):
    """The desk's one search line: Up/Down choose among the matches, Enter checks in, Esc
    clears, Ctrl+Z takes the last check-in back."""

    moved = Signal(int)
    submitted = Signal()
    undo_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 5,
                    Qt.Key.Key_PageUp: -5}[Qt.Key(key)]
            self.moved.emit(step)
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submitted.emit()
            event.accept()
            return
        if key == Qt.Key.Key_Escape and self.text():
            self.clear()
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class EventCombo(QComboBox):
    """The event chooser: arrows switch the event in place; closing the list (after a
    choice, or Esc) sends the cursor back to the search line."""

    popup_closed = Signal()

    def hidePopup(self) -> None:
        super().hidePopup()
        self.popup_closed.emit()


class DuplicateList(QListWidget):
    """People a walk-in may already be; Enter picks the current one."""

    chosen = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            item = self.currentItem()
            if item is not None:
                self.chosen.emit(item.data(PERSON_ROLE))
            event.accept()
            return
        super().keyPressEvent(event)


class WalkInPanel(QGroupBox):
    """The walk-in form's frame: Enter anywhere in it saves, Esc closes it."""

    submitted = Signal()
    cancelled = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submitted.emit()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class MatchesModel(QAbstractTableModel):
    """The people matching what is typed at the door, as a table of stable rows.

    The list changes on every key. Its view (`TextTableView`) paints the rows from
    `row_texts`, `row_shaped` and `row_foreground`, so a keystroke only works out each
    changed row's texts here, in Python, and tells the view once; `data()` answers the rest
    (selection, tooltips, accessibility, tests) from the same texts. Rows stay: when the
    same people match again (another letter that changes nothing, a check-in marking a
    row) no row is removed or inserted, fewer matches take rows off the end, and the rows
    under the operator's cursor never jump. The view must not sort it (`sort_by` on the
    screen orders the matches)."""

    HEADERS = (QT_TRANSLATE_NOOP("CheckinScreen", "Name"),
               QT_TRANSLATE_NOOP("CheckinScreen", "Born"),
               QT_TRANSLATE_NOOP("CheckinScreen", "Phone"),
               QT_TRANSLATE_NOOP("CheckinScreen", "Settlement"),
               QT_TRANSLATE_NOOP("CheckinScreen", "At this event"))

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [QCoreApplication.translate("CheckinScreen", h) for h in self.HEADERS]
        self.matches: list[Any] = []
        self._shown: list[Any] = []  # the match each row was last written from
        self._texts: list[tuple[str, ...]] = []
        self._shaped_cells: list[tuple[bool, ...]] = []
        self._done = QBrush()
        self._shaped = shaped_font()  # the view skips shaping (`skip_shaping`)

    # -- Qt's model ---------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._texts)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == _DISPLAY:
            return self._texts[row][column]
        if role == _FOREGROUND:
            return self.row_foreground(row)
        if role == _FONT:
            return self._shaped if self._shaped_cells[row][column] else None
        if role == _PERSON and column == 0:
            return self._shown[row].id
        return None

    # -- what the view paints -----------------------------------------------------------

    def row_texts(self, row: int) -> tuple[str, ...]:
        return self._texts[row]

    def row_shaped(self, row: int) -> tuple[bool, ...]:
        return self._shaped_cells[row]

    def row_foreground(self, row: int) -> QBrush | None:
        return self._done if self._shown[row].checked_in else None

    # -- a keystroke --------------------------------------------------------------------

    def set_matches(self, matches: list[Any]) -> None:
        done = QBrush(theme.success_color())  # the colour scheme may have changed
        if done != self._done:
            self._done, self._shown = done, [None] * len(self._shown)
        self.matches = list(matches)
        rows, kept = len(self.matches), len(self._texts)
        if kept > rows:
            self.beginRemoveRows(_ROOT, rows, kept - 1)
            del self._shown[rows:], self._texts[rows:], self._shaped_cells[rows:]
            self.endRemoveRows()
            kept = rows
        changed = [row for row in range(kept) if self._shown[row] != self.matches[row]]
        for row in changed:
            self._write(row, self.matches[row])
        if changed:  # one signal for the rows rewritten, not one per cell
            self.dataChanged.emit(self.index(changed[0], 0),
                                  self.index(changed[-1], len(self.HEADERS) - 1))
        if rows > kept:  # new rows are filled before they are inserted
            self.beginInsertRows(_ROOT, kept, rows - 1)
            for row in range(kept, rows):
                self._shown.append(None)
                self._texts.append(())
                self._shaped_cells.append(())
                self._write(row, self.matches[row])
            self.endInsertRows()

    def _write(self, row: int, person: Any) -> None:
        born = str(person.birth_year) if person.birth_year else \
            tr_vocab("age_groups", person.age_group)
        if person.checked_in:
            state = QCoreApplication.translate("CheckinScreen", "✓ here since {time}").format(
                time=_time_of(person.checked_in_at))
        elif person.status == "registered":
            state = QCoreApplication.translate("CheckinScreen", "registered")
        elif person.status:
            state = tr_vocab("attendance_statuses", person.status)
        else:
            state = ""
        texts = (full_name(person.last_name, person.first_name, person.patronymic), born,
                 masked_phone(person.phone), person.settlement or "", state)
        old, was_shaped = self._texts[row], self._shaped_cells[row]
        self._shaped_cells[row] = tuple(
            was_shaped[column] if old and old[column] == text else needs_shaping(text)
            for column, text in enumerate(texts))
        self._shown[row], self._texts[row] = person, texts


#: How a header click orders the matches, column by column.
_MATCH_ORDER: tuple[Any, ...] = (
    lambda m: sort_key(m.last_name, m.first_name, m.patronymic),
    lambda m: (m.birth_year or 0, m.age_group or ""),
    lambda m: m.phone or "",
    lambda m: sort_key(m.settlement),
    lambda m: (m.checked_in, m.status or ""),
)



class CheckinScreen(Screen):
    key = "checkin"
    title = QT_TRANSLATE_NOOP("Screens", "Check-in")
    icon = "checkin"
    watches = frozenset({"events", "attendance", "people", "settlements", "meta"})

    #: Emitted after every check-in, walk-in and undo (tests and the counter).
    checked = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._now_override: datetime | None = None
        self._events: list[queries.DeskEvent] = []
        self.event_id: str | None = None
        # Who was on the event's list when the desk opened it: fixes the order of results.
        self._registered: frozenset[str] = frozenset()
        self._registered_for: str | None = None
        self._roster = queries.Roster()
        self._roster_for: str | None = None
        # Events the operator confirmed checking in to although they are not on now.
        self._confirmed_events: set[str] = set()
        self.matches: list[queries.PersonMatch] = []
        #: The last search's answer (nothing typed counts as too short).
        self._result = queries.SearchResult([], False, too_short=True)
        self.selected = 0
        self.duplicates: list[queries.Duplicate] = []
        self._duplicates_seen: set[str] | None = None
        self._done: list[desk.CheckIn] = []
        self._emitting = False
        self._more = False
        self.counts = None
        self._duplicate_timer = QTimer(self)
        self._duplicate_timer.setSingleShot(True)
        self._duplicate_timer.setInterval(DUPLICATE_DELAY_MS)

        layout = QVBoxLayout(self)
        title_row = QHBoxLayout()
        title_row.addWidget(page_title(self.display_title(), self))
        title_row.addSpacing(24)
        event_label = QLabel(self.tr("&Event:"), self)
        self.event_combo = EventCombo(self)
        self.event_combo.setAccessibleName(self.tr("Event to check in to"))
        self.event_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.event_combo.setMinimumContentsLength(40)
        event_label.setBuddy(self.event_combo)
        self.event_combo.currentIndexChanged.connect(self._event_chosen)
        self.event_combo.popup_closed.connect(self.focus_search)
        title_row.addWidget(event_label)
        title_row.addWidget(self.event_combo, 1)
        layout.addLayout(title_row)

        self.no_events = Banner(
            self.tr("There is no event to check in to. Plan one on the Events screen."),
            self.tr("Open Events"), self)
        self.no_events.action_clicked.connect(self._open_events)
        self.no_events.setVisible(False)
        layout.addWidget(self.no_events)

        # -- the counter ----------------------------------------------------------------------
        counter = QFrame(self)
        counter.setFrameShape(QFrame.Shape.StyledPanel)
        counter_layout = QHBoxLayout(counter)
        self.total_label = QLabel(counter)
        big = QFont(self.total_label.font())
        big.setPointSizeF(big.pointSizeF() * 1.35)
        big.setBold(True)
        self.total_label.setFont(big)
        self.genders_label = QLabel(counter)
        self.event_info = hint("", counter)
        self.event_info.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        counter_layout.addWidget(self.total_label)
        counter_layout.addSpacing(16)
        counter_layout.addWidget(self.genders_label)
        counter_layout.addStretch(1)
        counter_layout.addWidget(self.event_info, 1)
        counter.setAccessibleName(self.tr("Checked-in count"))
        self.counter = counter
        layout.addWidget(counter)

        # -- search and results (left), checked in (right) --------------------------------------
        body = QHBoxLayout()
        left = QVBoxLayout()
        self.search = SearchLine(self)
        self.search.setPlaceholderText(self.tr(
            "Surname, name or phone — two or three letters are enough"))
        self.search.setAccessibleName(self.tr("Find a participant"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(theme.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        search_font = QFont(self.search.font())
        search_font.setPointSizeF(search_font.pointSizeF() * 1.3)
        self.search.setFont(search_font)
        cache_panel(self.search)  # it repaints whole on every key; its frame is one picture
        self.search.textChanged.connect(self.run_search)
        self.search.moved.connect(self.move_selection)
        self.search.submitted.connect(self.submit)
        self.search.undo_requested.connect(self.undo_last)
        left.addWidget(self.search)
        self.results_hint = hint("", self)
        # Two lines kept for it whatever it says: it changes on almost every key, and a
        # one-line hint after the two-line one moved the list up under the operator's eyes,
        # laying the whole desk out again on that key (issue 11).
        self.results_hint.setMinimumHeight(self.results_hint.fontMetrics().boundingRect(
            QRect(0, 0, 1000, 1000), Qt.TextFlag.TextWordWrap, "1\n2").height())
        left.addWidget(self.results_hint)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Last action"))
        message_font = QFont(self.message.font())
        message_font.setBold(True)
        self.message.setFont(message_font)
        message_row = QHBoxLayout()
        message_row.addWidget(self.message, 1)
        self.undo_button = button(self.tr("Undo check-in (Ctrl+Z)"), self,
                                  name=self.tr("Undo the last check-in"))
        self.undo_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.undo_button.clicked.connect(self.undo_last)
        self.undo_button.setEnabled(False)
        self.walkin_button = button(self.tr("New participant (Ctrl+N)"), self,
                                    name=self.tr("Register a new participant"), icon="add")
        self.walkin_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.walkin_button.clicked.connect(self.new_record)
        message_row.addWidget(self.undo_button)
        message_row.addWidget(self.walkin_button)
        left.addLayout(message_row)

        self.area = QStackedWidget(self)
        results_page = QWidget(self.area)
        results_layout = QVBoxLayout(results_page)
        results_layout.setContentsMargins(0, 0, 0, 0)
        self.results_model = MatchesModel(self)
        self.results = TextTableView(results_page)
        self.results.setModel(self.results_model)
        self.results.setAccessibleName(self.tr("Matching people"))
        # The kit's look (rows told apart by alternating colours, not grid lines: the lines
        # were a third of a keystroke's repaint); a header click sorts the matches.
        setup_table(self.results, 0, {1: "60 років і старше", 2: "000 ••• 00 00",
                                      3: "Стадниця Велика", 4: "✓ Зареєстровано 00:00"})
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing stays in the search box
        skip_shaping(self.results)  # most of a keystroke's repaint (issue 11)
        self.results.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # The scroll bar stays: the twenty matches just overflow a laptop's screen, so it came
        # and went as the count crossed that line, and every column jumped sideways under the
        # operator's eyes (the whole list laid out again on that key).
        self.results.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self._sort: tuple[int, bool] | None = None
        sort_by_header(self.results, self)
        self.results.clicked.connect(lambda index: self._row_clicked(index.row(), 0))
        self.results.doubleClicked.connect(
            lambda index: self._row_double_clicked(index.row(), 0))
        results_layout.addWidget(self.results, 1)
        self.area.addWidget(results_page)
        self.results_page = results_page
        self.walkin = self._build_walkin()
        self.area.addWidget(self.walkin)
        left.addWidget(self.area, 1)
        body.addLayout(left, 3)

        right = QVBoxLayout()
        self.checked_title = QLabel(self)
        title_font = QFont(self.checked_title.font())
        title_font.setBold(True)
        self.checked_title.setFont(title_font)
        self.checked_list = QListWidget(self)
        self.checked_list.setAccessibleName(self.tr("People checked in"))
        self.checked_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.checked_list.setAlternatingRowColors(True)
        right.addWidget(self.checked_title)
        right.addWidget(self.checked_list, 1)
        body.addLayout(right, 1)
        layout.addLayout(body, 1)

        self._duplicate_timer.timeout.connect(self.check_duplicates)
        self._show_hint()

    # -- the walk-in form -------------------------------------------------------------------

    def _build_walkin(self) -> WalkInPanel:
        panel = WalkInPanel(self.tr("New participant"), self.area)
        panel.setAccessibleName(self.tr("New participant"))
        panel.submitted.connect(self._walkin_submit)
        panel.cancelled.connect(self.cancel_walkin)
        outer = QHBoxLayout(panel)
        form_column = QVBoxLayout()
        this_year = date.today().year
        self.walkin_form = RecordForm("people", [
            TextField("last_name"), TextField("first_name"), TextField("patronymic"),
            VocabField("gender", "genders"),
            NumberField("birth_year", 1900, this_year),
            VocabField("age_group", "age_groups"),
            TextField("phone", placeholder="067 123 45 67"),
            ChoiceField("settlement_id", []),
            VocabField("consent_method", "consent_methods"),
        ], save_text=None, parent=panel)
        self.walkin_form.layout().setContentsMargins(0, 0, 0, 0)
        self.consent = QCheckBox(self.tr("Agreed to the processing of personal data"),
                                 self.walkin_form)
        self.consent.setAccessibleName(self.tr("Consent to the processing of personal data"))
        self.consent.toggled.connect(self._consent_toggled)
        fields = [f.name for f in self.walkin_form.fields]
        self.walkin_form.layout_.insertRow(fields.index("consent_method"), self.consent)
        self.no_consent_note = hint(self.tr(
            "Without consent only gender, age group and settlement are kept, for the "
            "statistics; the name and phone are not saved. Tick the box if the person "
            "agrees (the consent text is on the sign-in sheet)."), self.walkin_form)
        self.no_consent_note.setAccessibleName(self.tr("What is kept without consent"))
        self.walkin_form.layout_.insertRow(fields.index("consent_method") + 2,
                                           self.no_consent_note)
        settlement = self.walkin_form.field("settlement_id").control
        method = self.walkin_form.field("consent_method").control
        QWidget.setTabOrder(settlement, self.consent)
        QWidget.setTabOrder(self.consent, method)
        method.setEnabled(False)
        for name in ("last_name", "first_name", "patronymic", "birth_year", "phone"):
            self.walkin_form.field(name).changed.connect(self._duplicate_timer.start)
        form_column.addWidget(self.walkin_form)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.walkin_cancel = button(self.tr("Cancel"), panel, self.cancel_walkin,
                                    tip=self.tr("Back to the search (Esc)"))
        self.walkin_save = button(self.tr("&Save and check in"), panel, self._walkin_submit,
                                  tip=self.tr("Enter or Ctrl+S"))
        buttons.addWidget(self.walkin_cancel)
        buttons.addWidget(self.walkin_save)
        form_column.addLayout(buttons)
        form_column.addStretch(1)
        QWidget.setTabOrder(method, self.walkin_save)
        QWidget.setTabOrder(self.walkin_save, self.walkin_cancel)
        self.walkin_form.save_requested.connect(self._walkin_save)
        outer.addLayout(form_column, 3)

        self.duplicate_box = QGroupBox(self.tr("Already registered?"), panel)
        box = QVBoxLayout(self.duplicate_box)
        self.duplicate_note = hint(self.tr(
            "These people have the same phone number, or the same name and birth year. "
            "If it is one of them, choose them and press Enter: they are checked in and no "
            "new record is made."), self.duplicate_box)
        box.addWidget(self.duplicate_note)
        self.duplicate_list = DuplicateList(self.duplicate_box)
        self.duplicate_list.setAccessibleName(self.tr("Possibly the same person"))
        self.duplicate_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.duplicate_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.duplicate_list.setAlternatingRowColors(True)
        self.duplicate_list.chosen.connect(self.choose_existing)
        self.duplicate_list.itemDoubleClicked.connect(
            lambda item: self.choose_existing(item.data(PERSON_ROLE)))
        box.addWidget(self.duplicate_list, 1)
        self.duplicate_button = button(self.tr("Check in this &person instead"),
                                       self.duplicate_box, self._duplicate_button_clicked)
        box.addWidget(self.duplicate_button)
        self.duplicate_box.setVisible(False)
        outer.addWidget(self.duplicate_box, 2)
        return panel

    def _consent_toggled(self, checked: bool) -> None:
        fixed = self.walkin_form.fixed
        method = self.walkin_form.field("consent_method")
        if checked:
            fixed["consent_given_at"] = utc_now()
            fixed["consent_text_version"] = CONSENT_TEXT_VERSION
            if method.value() is None:
                method.set_value("paper")
        else:
            fixed.pop("consent_given_at", None)
            fixed.pop("consent_text_version", None)
            method.set_value(None)
        method.control.setEnabled(checked)
        self.no_consent_note.setVisible(not checked)
        self.walkin_form.revalidate()

    def walkin_open(self) -> bool:
        return self.area.currentWidget() is self.walkin

    def open_walkin(self, text: str = "") -> None:
        """Show the walk-in form, prefilled from what was typed in the search line."""
        if not self.event_id:
            self._say(self.tr("Choose an event first."), error=True)
            return
        conn = self.ctx.store.conn
        self.walkin_form.field("settlement_id").set_items(  # type: ignore[attr-defined]
            common.settlement_choices(conn))
        self.walkin_form.fixed = {"office_id": self.ctx.office_id} if self.ctx.office_id \
            else {}
        with QSignalBlocker(self.consent):
            self.consent.setChecked(False)
        self.walkin_form.field("consent_method").control.setEnabled(False)
        self.no_consent_note.setVisible(True)
        values = person_from_search(text)
        self.walkin_form.set_record(values)
        self.duplicates = []
        self._duplicates_seen = None
        self._show_duplicates()
        self.area.setCurrentWidget(self.walkin)
        self.results_hint.setText(self.tr(
            "Fill in what the person tells you: Enter saves and checks them in, Esc goes "
            "back to the search."))
        names = [n for n in ("last_name", "first_name", "patronymic") if values.get(n)]
        focus = {0: "last_name", 1: "first_name", 2: "patronymic"}.get(len(names), "gender")
        self.walkin_form.field(focus).control.setFocus(Qt.FocusReason.OtherFocusReason)
        if values:
            self.check_duplicates()

    def cancel_walkin(self) -> None:
        self._duplicate_timer.stop()
        self.area.setCurrentWidget(self.results_page)
        self._show_hint()
        self.focus_search()

    def _walkin_submit(self) -> None:
        """Enter in the form, Ctrl+S or the button (Enter in the list of possible
        duplicates picks that person instead: the list handles it)."""
        self.walkin_form.save()

    def check_duplicates(self) -> list[queries.Duplicate]:
        """Look for registered people this walk-in may be (same phone, or name and year)."""
        self._duplicate_timer.stop()
        values = self.walkin_form.values()
        person = {k: values.get(k) for k in ("last_name", "first_name", "patronymic",
                                             "birth_year", "phone")}
        self.duplicates = queries.possible_duplicates(self.ctx.store.conn, person,
                                                      self.event_id)
        self._show_duplicates()
        return self.duplicates

    def _show_duplicates(self) -> None:
        self.duplicate_list.clear()
        for duplicate in self.duplicates:
            person = duplicate.person
            reasons = ", ".join(
                self.tr("same phone") if r == "phone" else self.tr("same name and birth year")
                for r in duplicate.reasons)
            details = " · ".join(filter(None, (
                str(person.birth_year) if person.birth_year else "",
                masked_phone(person.phone), person.settlement or "",
                self.tr("already checked in") if person.checked_in else "")))
            item = QListWidgetItem(
                f"{full_name(person.last_name, person.first_name, person.patronymic)}\n"
                f"{details}\n{reasons}")
            item.setToolTip(item.text())
            item.setData(PERSON_ROLE, person.id)
            self.duplicate_list.addItem(item)
        if self.duplicates:
            self.duplicate_list.setCurrentRow(0)
        self.duplicate_box.setVisible(bool(self.duplicates))

    def _duplicate_button_clicked(self) -> None:
        item = self.duplicate_list.currentItem()
        if item is not None:
            self.choose_existing(item.data(PERSON_ROLE))

    def choose_existing(self, person_id: str) -> None:
        """The walk-in is someone already registered: check them in, create nobody."""
        self.area.setCurrentWidget(self.results_page)
        self._show_hint()
        self.check_in_person(person_id)

    def _walkin_save(self, values: dict[str, Any]) -> None:
        self.check_duplicates()
        found = {d.person.id for d in self.duplicates}
        if found and self._duplicates_seen != found:
            # The first Save shows who it may be; a second Save means "a different person".
            self._duplicates_seen = found
            self.duplicate_list.setFocus()
            self._say(self.tr("This person may already be registered. Choose them in the "
                              "list and press Enter, or press Save again to register a new "
                              "person."), error=True)
            return
        if not self.confirm_event_time():
            return
        person = dict(values)
        if person.get("consent_given_at"):
            person["consent_given_at"] = utc_now()  # a moment of record: UTC, as stored
        else:
            # No consent: only what the statistics count is kept (the form said so).
            person = statistics_only(person)
        with self._own_writes():
            try:
                created, done = desk.register_walk_in(self.ctx.store, person,
                                                      self.event_id or "")
            except StoreError as error:
                show_error(self, error)
                return
            self.area.setCurrentWidget(self.results_page)
            self._after_check_in(done, created, new_person=True)

    # -- events -----------------------------------------------------------------------------

    def now(self) -> datetime:
        return self._now_override or datetime.now()

    def set_now(self, moment: datetime | None) -> None:
        """Pretend it is `moment` (screenshots of a demo database, tests)."""
        self._now_override = moment
        self.mark_stale()

    def refresh(self) -> None:
        conn = self.ctx.store.conn
        self._events = queries.desk_events(conn, self.ctx.office_id, self.now().date(),
                                           include=[self.event_id] if self.event_id else [])
        if self.event_id not in {e.id for e in self._events}:
            chosen = queries.default_event(self._events, self.now())
            self.event_id = chosen.id if chosen else None
        with QSignalBlocker(self.event_combo):
            self.event_combo.clear()
            for event in self._events:
                when = event.starts_at.strftime("%d.%m %H:%M") if event.starts_at else ""
                self.event_combo.addItem(f"{when} · {event.title}", event.id)
                index = self.event_combo.count() - 1
                self.event_combo.setItemData(index, event.title, Qt.ItemDataRole.ToolTipRole)
            self.event_combo.setCurrentIndex(max(self.event_combo.findData(self.event_id), 0)
                                             if self.event_id else -1)
        self.no_events.setVisible(not self._events)
        self.search.setEnabled(bool(self.event_id))
        if self.event_id and self._registered_for != self.event_id:
            self._registered = queries.registered_ids(conn, self.event_id)
            self._registered_for = self.event_id
        # The list with its words, read here (on opening the event and when data changed)
        # rather than on every key.
        self._roster = queries.event_roster(conn, self.event_id, self._registered) \
            if self.event_id else ()
        self._roster_for = self.event_id
        self.load_event_state()
        self.run_search()

    def set_event(self, event_id: str | None) -> None:
        """Check in to another event (the combo, or the Events screen's button)."""
        if event_id == self.event_id:
            return
        self.event_id = event_id
        self._done.clear()
        self.undo_button.setEnabled(False)
        self._say("")
        if self.walkin_open():
            self.cancel_walkin()
        self.refresh()

    def _event_chosen(self, index: int) -> None:
        if index >= 0:
            self.set_event(self.event_combo.itemData(index))

    def show_item(self, item: dict[str, Any]) -> None:
        event_id = item.get("event_id") or (item.get("id") if item.get("table") == "events"
                                            else None)
        if event_id:
            self.event_id = event_id
            self._done.clear()
            self.undo_button.setEnabled(False)
            self.refresh()
            self._stale = False
        self.focus_search()

    def prepare_screenshot(self, day: date) -> None:
        """The desk during the demo's last event before its reference day, with a search
        typed (the screenshot script; nothing is written)."""
        from datetime import timedelta

        events = queries.desk_events(self.ctx.store.conn, self.ctx.office_id, day)
        held = [e for e in events if e.starts_at and e.starts_at.date() < day
                and e.status == "held"]
        moment = held[-1].starts_at + timedelta(minutes=40) if held and held[-1].starts_at \
            else datetime.combine(day, datetime.min.time()).replace(hour=10)
        self.event_id = None
        self.set_now(moment)
        self.refresh()
        self.search.setText("Ко")

    def _open_events(self) -> None:
        self.ctx.bus.navigate.emit("events", None)

    def current_event(self) -> queries.DeskEvent | None:
        return next((e for e in self._events if e.id == self.event_id), None)

    def load_event_state(self) -> None:
        """The counter and the list of people checked in (small indexed reads)."""
        event = self.current_event()
        if event is None:
            self.total_label.setText(self.tr("No event chosen"))
            self.genders_label.setText("")
            self.event_info.setText("")
            self.checked_title.setText(self.tr("Checked in"))
            self.checked_list.clear()
            self.counts = None
            return
        conn = self.ctx.store.conn
        counts = attendance_counts(conn, event.id)
        self.counts = counts
        total = counts.count("attended")
        if event.capacity:
            self.total_label.setText(self.tr("Checked in: {count} of {capacity}").format(
                count=format_count(total), capacity=format_count(event.capacity)))
        else:
            self.total_label.setText(self.tr("Checked in: {count}").format(
                count=format_count(total)))
        theme.set_tone(self.total_label,
                       "error" if event.capacity and total > event.capacity else "")
        names = {"female": self.tr("women"), "male": self.tr("men"),
                 "other": self.tr("other"), "not_stated": self.tr("not stated")}
        self.genders_label.setText(" · ".join(
            f"{names[g]} {format_count(counts.count('attended', g))}" for g in GENDERS))
        registered = counts.count("registered")
        info = [event.starts_at.strftime("%d.%m.%Y %H:%M") if event.starts_at else "",
                event.place or ""]
        if registered:
            info.append(self.tr("registered, not yet here: {count}").format(
                count=format_count(registered)))
        self.event_info.setText(" · ".join(filter(None, info)))
        self.counter.setAccessibleDescription(
            f"{self.total_label.text()}; {self.genders_label.text()}")
        people = queries.checked_in(conn, event.id)
        self.checked_title.setText(self.tr("Checked in ({count})").format(
            count=format_count(len(people))))
        self.checked_list.clear()
        for person in people:
            self.checked_list.addItem(
                f"{_time_of(person.checked_in_at)}  "
                f"{short_name(person.last_name, person.first_name, person.patronymic)}")

    # -- searching --------------------------------------------------------------------------

    def run_search(self) -> None:
        """Find people for what is typed (on every key: indexed, ~10-30 ms on 200 000)."""
        text = self.search.text()
        if not self.event_id:
            self._result = queries.SearchResult([], False, too_short=True)
        else:  # one search, one answer: found, more than shown, or too short
            self._result = queries.find_people(
                self.ctx.store.conn, text, self.event_id,
                registered=self._registered if self._registered_for == self.event_id
                else None,
                roster=self._roster if self._roster_for == self.event_id else None)
        self._fill_results(self._result.more)

    def sort_by(self, column: int | None, descending: bool = False) -> None:
        """A header click: the matches in that column's order (None: best match first)."""
        self._sort = None if column is None else (column, descending)
        self._fill_results(self._more)

    def _fill_results(self, more: bool) -> None:
        if self._sort is not None:
            column, descending = self._sort
            self.matches = sorted(self._result.matches, key=_MATCH_ORDER[column],
                                  reverse=descending)
        else:
            self.matches = self._result.matches
        self.selected = 0
        self._more = more
        self.results_model.set_matches(self.matches)
        if self.matches:
            self.results.selectRow(0)
        self._show_hint()

    def _show_hint(self) -> None:
        text = self.search.text()
        more = self._more
        if not self.event_id:
            message = ""
        elif not text.strip():
            message = self.tr("Type two or three letters of the surname, or digits of the "
                              "phone number. Enter checks in the person chosen; Up and Down "
                              "choose another. Ctrl+N registers someone new.")
        elif self._result.too_short:
            message = self.tr("Type one more letter.")
        elif not self.matches:
            message = self.tr("Nobody found. Press Enter to register «{text}» as a new "
                              "participant.").format(text=text.strip())
        elif more:
            message = self.tr("More people match than are shown: type more letters, or "
                              "choose with Up and Down and press Enter.")
        else:
            message = self.tr("Enter checks in the chosen person; Up and Down choose "
                              "another.")
        self.results_hint.setText(message)

    def move_selection(self, step: int) -> None:
        if not self.matches:
            return
        self.selected = max(0, min(len(self.matches) - 1, self.selected + step))
        self.results.selectRow(self.selected)
        self.results.scrollTo(self.results_model.index(self.selected, 0))

    def _row_clicked(self, row: int, _column: int) -> None:
        self.selected = row
        self.focus_search()

    def _row_double_clicked(self, row: int, _column: int) -> None:
        self.selected = row
        self.submit()

    def submit(self) -> None:
        """Enter in the search line: check in the chosen match, or offer to register. A QR
        code from a sign-in sheet or badge (a scanner types the person's id) checks that
        person in directly."""
        if not self.event_id:
            return
        scanned = scanned_record_id(self.search.text())
        if scanned is not None:
            if common.record(self.ctx.store.conn, "people", scanned) is None:
                self._say(self.tr("This code is not a person registered on this computer."),
                          error=True)
            else:
                self.check_in_person(scanned)
            self.search.clear()
            return
        if self.matches:
            self.check_in_person(self.matches[self.selected].id)
        elif not self._result.too_short:
            self.open_walkin(self.search.text())

    # -- checking in ------------------------------------------------------------------------

    def confirm_event_time(self) -> bool:
        """Once per event: checking in to one that is days ahead or long over is usually
        the wrong event in the list; ask before the first check-in."""
        event = self.current_event()
        if event is None or event.id in self._confirmed_events:
            return True
        when = event.out_of_time(self.now())
        if when is None:
            return True
        moment = event.starts_at.strftime("%d.%m.%Y %H:%M") if event.starts_at else ""
        text = (self.tr("«{title}» starts on {when}, not now. Check people in to it anyway?")
                if when == "ahead" else
                self.tr("«{title}» took place on {when}. Check people in to it anyway (for "
                        "example, entering a paper list)?")).format(title=event.title,
                                                                   when=moment)
        answer = QMessageBox.question(
            self, self.tr("Is this the right event?"), text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            self._say(self.tr("Nobody was checked in. Choose the event above."), error=True)
            return False
        self._confirmed_events.add(event.id)
        return True

    def check_in_person(self, person_id: str) -> desk.CheckIn | None:
        if not self.event_id or not self.confirm_event_time():
            return None
        with self._own_writes():
            try:
                done = desk.check_in(self.ctx.store, self.event_id, person_id)
            except StoreError as error:
                show_error(self, error)
                return None
            person = common.record(self.ctx.store.conn, "people", person_id) or {}
            self._after_check_in(done, person)
        return done

    def _after_check_in(self, done: desk.CheckIn, person: dict, *,
                        new_person: bool = False) -> None:
        name = full_name(person.get("last_name"), person.get("first_name"),
                         person.get("patronymic"))
        if done.outcome == desk.ALREADY:
            self._say(self.tr("{name} is already checked in (since {time}). Nothing was "
                              "changed.").format(name=name, time=_time_of(done.checked_in_at)))
            self.focus_search()
            self.checked.emit()
            return
        self._done.append(done)
        self.undo_button.setEnabled(True)
        if new_person:
            self._say(self.tr("✓ {name} registered and checked in.").format(name=name),
                      success=True)
        else:
            self._say(self.tr("✓ {name} checked in.").format(name=name), success=True)
        with QSignalBlocker(self.search):
            self.search.clear()
        self._result = queries.SearchResult([], False, too_short=True)
        self._fill_results(False)
        self.load_event_state()
        self.focus_search()
        self.checked.emit()

    def undo_last(self) -> None:
        """Take the last check-in back (Ctrl+Z); a walk-in stays registered."""
        if not self._done:
            self._say(self.tr("There is no check-in to undo."))
            self.focus_search()
            return
        done = self._done.pop()
        try:
            with self._own_writes():
                undone = desk.undo_check_in(self.ctx.store, done)
        except StoreError as error:
            show_error(self, error)
            return
        person = common.record(self.ctx.store.conn, "people", done.person_id) or {}
        name = full_name(person.get("last_name"), person.get("first_name"),
                         person.get("patronymic"))
        if undone:
            self._say(self.tr("Check-in of {name} undone.").format(name=name))
        self.undo_button.setEnabled(bool(self._done))
        self.load_event_state()
        self.run_search()
        self.focus_search()
        self.checked.emit()

    def _say(self, text: str, *, success: bool = False, error: bool = False) -> None:
        theme.set_tone(self.message, "success" if success else "error" if error else "")
        self.message.setText(text)

    @contextlib.contextmanager
    def _own_writes(self) -> Iterator[None]:
        """This screen's writes: the other screens hear of them when the block ends (from
        the store, through `ctx.changes`); this one is already up to date and does not
        reload for them."""
        self._emitting = True
        try:
            with self.ctx.changes():
                yield
        finally:
            self._emitting = False

    def _data_changed(self, table: str) -> None:
        if not self._emitting:
            super()._data_changed(table)

    # -- keyboard ---------------------------------------------------------------------------

    def focus_search(self) -> None:
        if not self.walkin_open():
            self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def search_box(self) -> QLineEdit:
        if self.walkin_open():
            self.cancel_walkin()
        return self.search

    def new_record(self) -> bool:
        if self.walkin_open():
            return True
        self.open_walkin(self.search.text())
        return True

    def save(self) -> bool:
        if not self.walkin_open():
            return False
        self._walkin_submit()
        return True

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self.focus_search)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter or Esc on the event chooser (or anywhere else): back to the search line.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
            self.focus_search()
            event.accept()
            return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        # Clicking on empty space must not leave the operator without a cursor.
        if event.type() == QEvent.Type.MouseButtonRelease:
            QTimer.singleShot(0, self.focus_search)
        return super().event(event)


SCREEN = CheckinScreen
