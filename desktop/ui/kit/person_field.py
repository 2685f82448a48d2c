"""Choosing the person a record is about: find them by name or phone, or add them in a few
seconds with their consent (`AuthorPicker`, `AuthorField`, `QuickPersonDialog`)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QObject,
    QSignalBlocker,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.consent import CONSENT_TEXT_VERSION, consent_fields, has_consent
from desktop.domain.errors import ValidationError
from desktop.domain.names import full_name, person_from_search
from desktop.domain.phones import format_phone
from desktop.store import StoreError, authors
from desktop.store.ids import to_local, utc_now
from desktop.store.queries import visits as queries
from desktop.store.queries.checkin import find_people
from desktop.ui.context import AppContext
from desktop.ui.formatting import format_date
from desktop.ui.forms import (
    Field,
    NumberField,
    RecordForm,
    TextField,
    VocabField,
)
from desktop.ui.translate import tr_vocab, vocab_items
from desktop.ui.widgets import button, error_label, hint, search_as_you_type
from desktop.ui.workers import plain_message


def person_line(person: dict[str, Any]) -> str:
    """"Коваленко Олена Петрівна · 1985 · +380 67 123 4567" for lists of people found."""
    parts = [full_name(person.get("last_name"), person.get("first_name"),
                       person.get("patronymic"))]
    if person.get("birth_year"):
        parts.append(str(person["birth_year"]))
    if person.get("phone"):
        parts.append(format_phone(person["phone"]))
    return " · ".join(p for p in parts if p)


#: People shown under the search box of a person field.
PICKER_SHOWN = 20


class QuickPersonDialog(QDialog):
    """Add a person in a few seconds: name, gender, birth year, phone, and their consent.

    The one way to add someone on the spot, wherever it happens (an idea's author, a
    visitor, a CSO's new member): the name and phone are kept only with the person's
    consent, so OK waits for the consent box. With `store=True` the dialog stores the
    person (with the consent) itself and emits `created`; otherwise the caller stores the
    `result_values()` together with its own record (`desktop.store.authors`)."""

    #: The new person's id (with `store=True`), once stored.
    created = Signal(str)

    def __init__(self, ctx: AppContext, prefill: dict[str, str] | None = None,
                 parent: QWidget | None = None, *, store: bool = False) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._store = store
        self.person_id: str | None = None
        self.setWindowTitle(self.tr("New person"))
        layout = QVBoxLayout(self)
        layout.addWidget(hint(self.tr(
            "Write down only what the person agrees to give. Their consent is needed to "
            "keep their name and phone."), self))
        self.form = RecordForm("people", [
            TextField("last_name"), TextField("first_name"), TextField("patronymic"),
            VocabField("gender", "genders"),
            NumberField("birth_year", 1900, date.today().year),
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
        self.problem = error_label(self)
        layout.addWidget(self.problem)
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
        if not (self.form.save() and self.consent.isChecked()):
            return
        if self._store:
            values, method = self.result_values() or ({}, "")
            try:
                record = self.ctx.store.insert(
                    "people", {**values, **consent_fields(method, utc_now())})
            except (StoreError, ValidationError) as exc:
                self.problem.setText(plain_message(exc))
                self.problem.setVisible(True)
                return
            self.person_id = record["id"]
            self.created.emit(record["id"])
        self.accept()

    def result_values(self) -> tuple[dict[str, Any], str] | None:
        """(validated people fields, consent method), or None while incomplete."""
        values = self.form.cleaned()
        if values is None or not self.consent.isChecked():
            return None
        return values, self.method.currentData()


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
        self.add_button = button(self.tr("New person…"), self.search_row,
                                 name=self.tr("Add a new person"), icon="add")
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
        # The box above how it was given, not beside it: side by side, the Ukrainian label
        # and the longest way of giving it made the whole form wider than its column on a
        # 1366-pixel screen, and the form scrolled sideways with its labels cut off.
        consent = QVBoxLayout(self.consent_row)
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
        consent.addWidget(self.consent)
        consent.addWidget(self.consent_method, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.consent_row)
        self.note = hint("", self)
        layout.addWidget(self.note)
        self.problem_label = error_label(self)
        layout.addWidget(self.problem_label)

        self._timer = search_as_you_type(self.search, self.run_search)
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

    def focus_widgets(self) -> list[QWidget]:
        return [self.search, self.add_button, self.results, self.remove_button, self.consent,
                self.consent_method]

    def ask_new_person(self, prefill: dict[str, str]) -> tuple[dict[str, Any], str] | None:
        """The quick-add dialog (tests replace this): (people fields, consent method)."""
        dialog = QuickPersonDialog(self.ctx, prefill, self.window())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.result_values()

    # -- searching ------------------------------------------------------------------------

    def run_search(self) -> None:
        self._timer.stop()
        self.results.clear()
        # the desk's search: the same words, order and limits as at check-in
        result = find_people(self.ctx.store.conn, self.search.text(), None,
                             limit=PICKER_SHOWN)
        if result.too_short:
            self.results.setVisible(False)
            return
        people = queries.people_brief(self.ctx.store.conn, [m.id for m in result.matches])
        for person in people:
            item = QListWidgetItem(person_line(person))
            item.setData(Qt.ItemDataRole.UserRole, person)
            self.results.addItem(item)
        note = {"none": self.tr("Nobody found. Add them with “New person…”."),
                "more": self.tr("More people match than are shown: type more letters.")}
        if result.status in note:
            item = QListWidgetItem(note[result.status])
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
        answer = self.ask_new_person(person_from_search(self.search.text()))
        if answer is not None:
            self.set_new_person(*answer)

    def _consent_toggled(self) -> None:
        self._update()

    # -- display --------------------------------------------------------------------------

    def _needs_consent(self) -> bool:
        return self._person is not None and not has_consent(self._person)

    def _update(self, *, emit: bool = True) -> None:
        chosen = self.has_person()
        self.search_row.setVisible(not chosen)
        if chosen:
            self.results.setVisible(False)
        self.chosen_row.setVisible(chosen)
        self.consent_row.setVisible(self._needs_consent())
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

