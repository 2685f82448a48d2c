"""Validated record forms: field widgets, live checking, and a Save that waits until valid.

Why: the people typing are untrained and in a hurry, with a queue at the door. Problems are
shown next to the field, in plain words, while they type (the same rules as imports and sync,
from `desktop.domain.validation.validate`), and Save stays disabled until the record is
acceptable, so nothing half-valid reaches the database.

Building a form (labels default to the domain's translated field labels):

    form = RecordForm("people", [
        TextField("last_name"), TextField("first_name"), TextField("patronymic"),
        VocabField("gender", "genders"), NumberField("birth_year", 1900, 2100),
        TextField("phone"), DateField("consent_given_on"), YesNoField("idp"),
    ], fixed={"office_id": ctx.office_id})
    form.save_requested.connect(self._save)      # gets the cleaned dict
    form.set_record(existing)                      # editing: load values
    # Ctrl+S in the main window calls the screen's save(), which calls form.save()

What it does for you: a label with a mnemonic (Alt+letter) and buddy for each field, a
`*` on required ones, the tab order equal to the visual order, an accessible name on every
control and the current problem as its accessible description, errors only for fields the
user has touched (all of them after a Save attempt), and `fixed` values (the office, the
event) validated with the rest and included in the result.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QObject, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from desktop.domain.errors import FieldError, ValidationError
from desktop.domain.phones import format_phone
from desktop.domain.validation import REQUIRED, validate
from desktop.ui import theme
from desktop.ui.translate import render_error, tr_field, vocab_items
from desktop.ui.widgets import error_label


def strip_mnemonic(text: str) -> str:
    """Label text as read aloud: no "&" markers, no required "*"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(" *")


def assign_mnemonics(texts: Iterable[str], taken: Iterable[str] = ()) -> list[str]:
    """Put "&" before a distinct letter of each text (first letters preferred), so every
    field is reachable with Alt+letter; texts that already have one keep it."""
    used = {c.lower() for c in taken}
    result = []
    for text in texts:
        if "&" in text.replace("&&", ""):
            result.append(text)
            continue
        words_first = [i for i, ch in enumerate(text) if ch.isalpha()
                       and (i == 0 or not text[i - 1].isalpha())]
        others = [i for i, ch in enumerate(text) if ch.isalpha() and i not in words_first]
        for i in (*words_first, *others):
            if text[i].lower() not in used:
                used.add(text[i].lower())
                result.append(text[:i] + "&" + text[i:])
                break
        else:
            result.append(text)
    return result


# -- field widgets --------------------------------------------------------------------------

class Field(QObject):
    """One record field: its widget, its value for `validate`, and change notification.

    Subclasses set `self.widget` (what the form places) and `self.control` (what gets focus,
    the label's buddy and the accessible name) and emit `changed` on every edit.
    """

    changed = Signal()

    def __init__(self, name: str, label: str | None = None) -> None:
        super().__init__()
        self.name = name
        self.label = label if label is not None else tr_field(name)
        self.widget: QWidget
        self.control: QWidget

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def focus_widgets(self) -> list[QWidget]:
        """Focusable widgets of this field in visual order (for the tab chain)."""
        return [self.control]

    def set_problem(self, message: str) -> None:
        """Make the current problem (or "" for none) known to screen readers."""
        self.control.setAccessibleDescription(message)


class TextField(Field):
    """A one-line text entry; `placeholder` shows an example of what to type."""

    def __init__(self, name: str, label: str | None = None, *, placeholder: str = "",
                 max_length: int = 500) -> None:
        super().__init__(name, label)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder)
        self.edit.setMaxLength(max_length)
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(self.changed)
        self.widget = self.control = self.edit

    def value(self) -> str:
        return self.edit.text()

    def set_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else str(value))


class MultiLineField(Field):
    """Several lines of text (notes, an idea's description). Tab moves on, as in a form."""

    def __init__(self, name: str, label: str | None = None, *, lines: int = 4) -> None:
        super().__init__(name, label)
        self.edit = QPlainTextEdit()
        self.edit.setTabChangesFocus(True)
        self.edit.setFixedHeight(self.edit.fontMetrics().lineSpacing() * lines + 12)
        self.edit.textChanged.connect(self.changed)
        self.widget = self.control = self.edit

    def value(self) -> str:
        return self.edit.toPlainText()

    def set_value(self, value: Any) -> None:
        self.edit.setPlainText("" if value is None else str(value))


class ChoiceField(Field):
    """A drop-down of (value, label) pairs; `empty` adds a "—" choice meaning no value."""

    def __init__(self, name: str, items: Sequence[tuple[Any, str]], label: str | None = None,
                 *, empty: bool = True) -> None:
        super().__init__(name, label)
        self.combo = QComboBox()
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(12)
        self._empty = empty
        self.set_items(items)
        self.combo.currentIndexChanged.connect(self.changed)
        self.widget = self.control = self.combo

    def set_items(self, items: Sequence[tuple[Any, str]]) -> None:
        """Replace the choices, keeping the current value if it is still offered."""
        current = self.value() if self.combo.count() else None
        with QSignalBlocker(self.combo):
            self.combo.clear()
            if self._empty:
                self.combo.addItem("—", None)
            for data, text in items:
                self.combo.addItem(text, data)
            self.set_value(current)

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        index = self.combo.findData(value) if value is not None else (0 if self._empty else -1)
        self.combo.setCurrentIndex(max(index, 0) if self.combo.count() else -1)


class VocabField(ChoiceField):
    """A drop-down of a domain vocabulary: translated labels shown, codes stored."""

    def __init__(self, name: str, vocab_name: str, label: str | None = None, *,
                 empty: bool = True) -> None:
        super().__init__(name, vocab_items(vocab_name), label, empty=empty)
        self.vocab_name = vocab_name


class YesNoField(ChoiceField):
    """Yes / No / Not known, stored as 1 / 0 / NULL (surveys often leave it blank)."""

    def __init__(self, name: str, label: str | None = None) -> None:
        super().__init__(name, [(1, QCoreApplication.translate("Forms", "Yes")),
                                (0, QCoreApplication.translate("Forms", "No"))],
                         label, empty=False)
        with QSignalBlocker(self.combo):
            self.combo.insertItem(0, QCoreApplication.translate("Forms", "Not known"), None)
            self.combo.setCurrentIndex(0)

    def set_value(self, value: Any) -> None:
        index = 0 if value is None else self.combo.findData(int(value))
        self.combo.setCurrentIndex(max(index, 0))


class NumberField(Field):
    """A whole number in a range; with `empty`, a "—" below the minimum means no value."""

    def __init__(self, name: str, minimum: int, maximum: int, label: str | None = None, *,
                 empty: bool = True) -> None:
        super().__init__(name, label)
        self.spin = QSpinBox()
        self._empty_value = minimum - 1 if empty else None
        self.spin.setRange(minimum - 1 if empty else minimum, maximum)
        if empty:
            self.spin.setSpecialValueText("—")
        self.spin.setValue(self.spin.minimum())
        self.spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.spin.valueChanged.connect(self.changed)
        self.widget = self.control = self.spin

    def value(self) -> int | None:
        number = self.spin.value()
        return None if number == self._empty_value else number

    def set_value(self, value: Any) -> None:
        self.spin.setValue(self.spin.minimum() if value is None else int(value))


def calendar_button(
    before_show: Callable[[], None], picked: Callable[[QDate], None],
) -> tuple[QToolButton, QCalendarWidget]:
    """The calendar button of the date fields: a pop-up month that fills the field.

    `before_show` puts the field's current date into the calendar; `picked` takes the
    chosen day (a click or Enter), after which the pop-up closes.
    """
    button = QToolButton()
    button.setIcon(theme.icon("calendar"))
    button.setAccessibleName(QCoreApplication.translate("Forms", "Choose a date"))
    button.setToolTip(QCoreApplication.translate("Forms", "Choose a date"))
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    calendar = QCalendarWidget()
    calendar.setGridVisible(True)
    menu = QMenu(button)
    action = QWidgetAction(menu)
    action.setDefaultWidget(calendar)
    menu.addAction(action)
    menu.aboutToShow.connect(before_show)
    calendar.clicked.connect(lambda day: (picked(day), menu.close()))
    calendar.activated.connect(lambda day: (picked(day), menu.close()))
    button.setMenu(menu)
    return button, calendar


class DateField(Field):
    """A date typed as 31.03.2025 (or picked from a calendar); empty is allowed.

    A line edit rather than QDateEdit, because QDateEdit cannot be empty and many dates
    (a follow-up, a memorandum) are often unknown. The domain parses the dotted form.
    """

    DISPLAY = "dd.MM.yyyy"

    def __init__(self, name: str, label: str | None = None) -> None:
        super().__init__(name, label)
        self.widget = QWidget()
        layout = QHBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(QCoreApplication.translate("Forms", "DD.MM.YYYY"))
        self.edit.setMaxLength(10)
        width = self.edit.fontMetrics().horizontalAdvance("00.00.00000") + 40
        self.edit.setMaximumWidth(width)
        self.edit.textChanged.connect(self.changed)
        self.button, self.calendar = calendar_button(self._sync_calendar, self._pick)
        layout.addWidget(self.edit)
        layout.addWidget(self.button)
        layout.addStretch(1)
        self.control = self.edit

    def _sync_calendar(self) -> None:
        day = QDate.fromString(self.edit.text().strip(), self.DISPLAY)
        self.calendar.setSelectedDate(day if day.isValid() else QDate.currentDate())

    def _pick(self, day: QDate) -> None:
        self.edit.setText(day.toString(self.DISPLAY))
        self.edit.setFocus()

    def focus_widgets(self) -> list[QWidget]:
        return [self.edit, self.button]

    def value(self) -> str:
        return self.edit.text().strip()

    def set_value(self, value: Any) -> None:
        if value is None or value == "":
            self.edit.clear()
            return
        if isinstance(value, date):
            value = value.isoformat()
        day = QDate.fromString(str(value)[:10], "yyyy-MM-dd")
        self.edit.setText(day.toString(self.DISPLAY) if day.isValid() else str(value))


# -- the form -------------------------------------------------------------------------------

class RecordForm(QWidget):
    """A form for one record of `table`, validated live by the domain's rules.

    `partial=True` for forms that edit only some of a record's fields: then fields that
    are not on the form are not required. `fixed` values are validated and returned but not
    shown. `save_text` labels the Save button (None: no button, the screen provides one and
    calls `save()`).
    """

    #: Emitted by a successful `save()` with the cleaned values (ready for Store.insert).
    save_requested = Signal(dict)
    #: Emitted whenever the record turns valid or invalid (e.g. to enable a toolbar button).
    validity_changed = Signal(bool)

    def __init__(
        self, table: str, fields: Sequence[Field], *, fixed: Mapping[str, Any] | None = None,
        partial: bool = False, save_text: str | None = "", parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.table = table
        self.partial = partial
        self.fixed = dict(fixed or {})
        self._fields = {f.name: f for f in fields}
        self._touched: set[str] = set()
        self._show_all = False
        self._valid = False
        self._cleaned: dict[str, Any] | None = None
        self._errors: dict[str, str] = {}
        self._error_labels: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}

        outer = QVBoxLayout(self)
        self.layout_ = QFormLayout()
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout_.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        outer.addLayout(self.layout_)

        self.save_button: QPushButton | None = None
        save_label = save_text if save_text != "" else QCoreApplication.translate("Forms", "&Save")
        taken = [save_label[save_label.index("&") + 1]] if save_label and "&" in save_label \
            else []
        required = REQUIRED.get(table, set())
        texts = assign_mnemonics([f.label for f in fields], taken)
        for field, text in zip(fields, texts, strict=True):
            needed = field.name in required
            label = QLabel(text + (" *" if needed else ""))
            label.setBuddy(field.control)
            self.labels[field.name] = label
            field.control.setAccessibleName(strip_mnemonic(field.label))
            cell = QWidget()
            cell_layout = QVBoxLayout(cell)
            cell_layout.setContentsMargins(0, 0, 0, 0)
            cell_layout.setSpacing(2)
            cell_layout.addWidget(field.widget)
            problem = error_label(cell)
            problem.setAccessibleName(QCoreApplication.translate(
                "Forms", "Problem with {field}").format(field=strip_mnemonic(field.label)))
            cell_layout.addWidget(problem)
            self._error_labels[field.name] = problem
            self.layout_.addRow(label, cell)
            field.changed.connect(lambda name=field.name: self._edited(name))

        self.form_error = error_label(self)
        outer.addWidget(self.form_error)
        if any(f.name in required for f in fields):
            note = QLabel(QCoreApplication.translate("Forms", "* required"))
            note.setEnabled(False)
            outer.addWidget(note)
        if save_label:
            row = QHBoxLayout()
            row.addStretch(1)
            self.save_button = QPushButton(save_label)
            self.save_button.setDefault(True)
            self.save_button.setAccessibleName(strip_mnemonic(save_label))
            self.save_button.clicked.connect(self.save)
            row.addWidget(self.save_button)
            outer.addLayout(row)
        outer.addStretch(1)
        self._chain_tab_order()
        self.revalidate()

    # -- public ---------------------------------------------------------------------------

    def field(self, name: str) -> Field:
        return self._fields[name]

    @property
    def fields(self) -> list[Field]:
        return list(self._fields.values())

    def values(self) -> dict[str, Any]:
        """The raw values as typed, plus the fixed ones."""
        return {**self.fixed, **{name: f.value() for name, f in self._fields.items()}}

    def set_record(self, record: Mapping[str, Any]) -> None:
        """Load a record for editing: values shown, nothing marked as touched."""
        for name, field in self._fields.items():
            with QSignalBlocker(field):
                field.set_value(record.get(name))
        self._touched.clear()
        self._show_all = False
        self.revalidate()

    def clear(self) -> None:
        """Empty every field (after saving one record, ready for the next)."""
        self.set_record({})

    def is_valid(self) -> bool:
        return self._valid

    def cleaned(self) -> dict[str, Any] | None:
        """The validated, cleaned record, or None while it has problems."""
        return dict(self._cleaned) if self._cleaned is not None else None

    def errors(self) -> dict[str, str]:
        """Field -> problem currently shown next to it (translated)."""
        return {name: text for name, text in self._errors.items()}

    def save(self) -> bool:
        """Save if valid (emits `save_requested`); otherwise show every problem and put the
        cursor in the first field that has one."""
        self._show_all = True
        self.revalidate()
        if self._cleaned is None:
            first = next((f for f in self._fields.values() if f.name in self._errors), None)
            if first is not None:
                first.control.setFocus()
            return False
        self.save_requested.emit(dict(self._cleaned))
        return True

    def revalidate(self) -> None:
        """Check the whole record and show problems for touched fields (all after Save)."""
        errors: list[FieldError] = []
        try:
            self._cleaned = validate(self.table, self.values(), partial=self.partial)
        except ValidationError as exc:
            self._cleaned = None
            errors = exc.errors
        shown: dict[str, str] = {}
        outside: list[str] = []
        for error in errors:
            if error.field in self._fields:
                if self._show_all or error.field in self._touched:
                    shown.setdefault(error.field, render_error(error))
            else:
                outside.append(render_error(error))
        self._errors = shown
        for name, label in self._error_labels.items():
            text = shown.get(name, "")
            label.setText(text)
            label.setVisible(bool(text))
            self._fields[name].set_problem(text)
        self.form_error.setText("\n".join(outside) if self._show_all else "")
        self.form_error.setVisible(bool(outside) and self._show_all)
        valid = self._cleaned is not None
        if self.save_button is not None:
            self.save_button.setEnabled(valid)
            problems = [render_error(e) for e in errors]
            self.save_button.setToolTip("" if valid else "\n".join(problems))
        if valid != self._valid:
            self._valid = valid
            self.validity_changed.emit(valid)

    # -- internals ------------------------------------------------------------------------

    def _edited(self, name: str) -> None:
        self._touched.add(name)
        self.revalidate()

    def _chain_tab_order(self) -> None:
        chain: list[QWidget] = [w for f in self._fields.values() for w in f.focus_widgets()]
        if self.save_button is not None:
            chain.append(self.save_button)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)


class DateTimeField(Field):
    """A date and a time of day, typed as 31.03.2025 and 14:30 (or the date picked from a
    calendar); the value is office-local ISO time "2025-03-31T14:30", empty allowed.

    Two boxes rather than one, because the date is usually picked and the time typed, and
    each can say what is wrong with it. The time also takes "1430", "14.30" and "14".
    A stored UTC moment ("…Z") is shown in local time.
    """

    DISPLAY = "dd.MM.yyyy"

    def __init__(self, name: str, label: str | None = None) -> None:
        super().__init__(name, label)
        self.widget = QWidget()
        layout = QHBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        self.date_edit = QLineEdit()
        self.date_edit.setPlaceholderText(QCoreApplication.translate("Forms", "DD.MM.YYYY"))
        self.date_edit.setMaxLength(10)
        metrics = self.date_edit.fontMetrics()
        self.date_edit.setMaximumWidth(metrics.horizontalAdvance("00.00.00000") + 40)
        self.date_edit.textChanged.connect(self.changed)
        self.time_edit = QLineEdit()
        self.time_edit.setPlaceholderText(QCoreApplication.translate("Forms", "HH:MM"))
        self.time_edit.setMaxLength(5)
        self.time_edit.setMaximumWidth(metrics.horizontalAdvance("00:000") + 30)
        self.time_edit.setAccessibleName(QCoreApplication.translate(
            "Forms", "{field}: time of day").format(field=strip_mnemonic(self.label)))
        self.time_edit.textChanged.connect(self.changed)
        self.button, self.calendar = calendar_button(self._sync_calendar, self._pick)
        layout.addWidget(self.date_edit)
        layout.addWidget(self.time_edit)
        layout.addWidget(self.button)
        layout.addStretch(1)
        self.control = self.date_edit

    def _sync_calendar(self) -> None:
        day = self._date()
        self.calendar.setSelectedDate(day if day.isValid() else QDate.currentDate())

    def _pick(self, day: QDate) -> None:
        self.date_edit.setText(day.toString(self.DISPLAY))
        self.time_edit.setFocus()

    def focus_widgets(self) -> list[QWidget]:
        return [self.date_edit, self.time_edit, self.button]

    def set_problem(self, message: str) -> None:
        super().set_problem(message)
        self.time_edit.setAccessibleDescription(message)

    def _date(self) -> QDate:
        text = self.date_edit.text().strip()
        for pattern in ("d.M.yyyy", "yyyy-MM-dd"):
            day = QDate.fromString(text, pattern)
            if day.isValid():
                return day
        return QDate()

    def _time(self) -> str | None:
        """"HH:MM" from what was typed, or None if it is not a time of day."""
        import re

        text = self.time_edit.text().strip()
        match = (re.fullmatch(r"(\d{1,2})[:.](\d{2})", text)
                 or re.fullmatch(r"(\d{2})(\d{2})", text)
                 or re.fullmatch(r"(\d{1,2})()", text))
        if match is None:
            return None
        hour, minute = int(match[1]), int(match[2] or 0)
        if hour > 23 or minute > 59:
            return None
        return f"{hour:02d}:{minute:02d}"

    def value(self) -> str:
        date_text, time_text = self.date_edit.text().strip(), self.time_edit.text().strip()
        if not date_text and not time_text:
            return ""
        day, time = self._date(), self._time()
        if day.isValid() and time is not None:
            return f"{day.toString('yyyy-MM-dd')}T{time}"
        # Not a date and time: hand over what was typed, so the problem quotes it.
        return " ".join(t for t in (date_text, time_text) if t)

    def set_value(self, value: Any) -> None:
        from datetime import datetime

        if value is None or value == "":
            self.date_edit.clear()
            self.time_edit.clear()
            return
        if isinstance(value, datetime):
            moment: datetime | None = value
        else:
            try:
                moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
            except ValueError:
                moment = None
        if moment is None:
            self.date_edit.setText(str(value))
            self.time_edit.clear()
            return
        if moment.tzinfo is not None:
            moment = moment.astimezone().replace(tzinfo=None)
        self.date_edit.setText(moment.strftime("%d.%m.%Y"))
        self.time_edit.setText(moment.strftime("%H:%M"))


def show_starts(form: RecordForm) -> None:
    """Scroll every one-line field back to its first letter (after loading a record), so a
    long name shows its beginning rather than its end."""
    for field in form.fields:
        if isinstance(field.control, QLineEdit):
            field.control.setCursorPosition(0)


def for_display(record: dict[str, Any]) -> dict[str, Any]:
    """A stored record as a form shows it: the phone grouped as people read it."""
    if record.get("phone"):
        return {**record, "phone": format_phone(record["phone"])}
    return record
