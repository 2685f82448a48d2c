"""Dialogs about people that several screens use: find a person, register one quickly,
record a consent, and merge two records of the same person.

Why here and not in a screen: the CSO directory adds members with the same search picker the
People screen merges with, and a quick registration looks the same wherever it is started.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import merge as rules
from desktop.domain.errors import ValidationError
from desktop.domain.names import full_name
from desktop.domain.phones import format_phone
from desktop.store.errors import StoreError
from desktop.store.merge import MergeReport, merge_people
from desktop.store.queries import common
from desktop.store.queries import people as people_queries
from desktop.ui.context import AppContext
from desktop.ui.formatting import format_date, format_datetime
from desktop.ui.forms import (
    DateField,
    RecordForm,
    TextField,
    VocabField,
)
from desktop.ui.kit.list_pane import ListPane
from desktop.ui.models import RIGHT, Column, PagedTableModel
from desktop.ui.translate import render_error, tr_field, tr_vocab
from desktop.ui.widgets import button, error_label, hint, section_title
from desktop.ui.workers import plain_message

#: Milliseconds after the last key press before a search runs (typing stays smooth).

#: Tables whose records a person merge changes (screens showing them refresh).
MERGE_TABLES = ("people", "attendance", "ideas", "visits", "submissions", "org_members")


def person_name(record: dict[str, Any] | None) -> str:
    if not record:
        return ""
    return full_name(record.get("last_name"), record.get("first_name"),
                     record.get("patronymic"))


def consent_state(given_at: str | None, withdrawn_at: str | None) -> str:
    """"given", "withdrawn" or "missing"."""
    if withdrawn_at:
        return "withdrawn"
    return "given" if given_at else "missing"


#: Typical widest values of the people list's columns (see `kit.tables.setup_table`).
PEOPLE_SAMPLES = {1: "0000", 2: "+380 67 123 4567", 3: "Лука-Мелеш"}


def people_columns() -> list[Column]:
    """The columns of a people list (name, birth year, phone, settlement)."""
    return [
        Column(("last_name", "first_name", "patronymic"),
               QCoreApplication.translate("PeopleList", "Name"), full_name,
               sort="t.sort_key"),
        Column("birth_year", QCoreApplication.translate("PeopleList", "Born"), align=RIGHT),
        Column("phone", QCoreApplication.translate("PeopleList", "Phone"), format_phone),
        Column("settlement", QCoreApplication.translate("PeopleList", "Settlement")),
    ]


class PersonPicker(ListPane):
    """A search over everyone registered, the results in the kit's lazy list (the merge
    dialog's and a CSO member's picker): the People list without its filters."""

    #: The highlighted person changed (id or None).
    picked = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 exclude: str | None = None) -> None:
        self.ctx = ctx
        self.exclude = exclude
        super().__init__(
            PagedTableModel(ctx.store.conn, ctx.store.path, people_columns()), self._query,
            name=QCoreApplication.translate("PersonPicker", "People found"),
            placeholder=QCoreApplication.translate("PersonPicker", "Surname, name or phone"),
            search_name=QCoreApplication.translate("PersonPicker", "Find a person"),
            samples=PEOPLE_SAMPLES, parent=parent)
        self.model.setParent(self)
        label = QLabel(self.tr("&Find a person:"), self)
        label.setBuddy(self.search)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, label)
        self.view.selectionModel().selectionChanged.connect(self._current_changed)
        self.searched.connect(self._current_changed)
        self.apply()

    def _query(self) -> Any:
        query = people_queries.people_list(self.search.text())
        return _excluding(query, self.exclude) if self.exclude else query

    def run_search(self) -> None:
        self.apply()

    def person_id(self) -> str | None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.record_id(index.row())

    def _current_changed(self, *_: Any) -> None:
        self.picked.emit(self.person_id())

    def _search_entered(self) -> None:
        """Enter: the only person found is chosen at once; otherwise into the list."""
        self.apply()
        self.select_first()
        person_id = self.person_id()
        if self.model.rowCount() == 1 and person_id:
            self.activated.emit(person_id)
        else:
            self.view.setFocus()


def _excluding(query: Any, person_id: str) -> Any:
    return query._replace(where=(*query.where, "t.id != ?"),
                          params=(*query.params, person_id))


class PickPersonDialog(QDialog):
    """Choose one person by searching (e.g. the duplicate to merge with)."""

    def __init__(self, ctx: AppContext, title: str, prompt: str,
                 parent: QWidget | None = None, *, exclude: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(720, 480)
        layout = QVBoxLayout(self)
        layout.addWidget(hint(prompt, self))
        self.picker = PersonPicker(ctx, self, exclude=exclude)
        layout.addWidget(self.picker, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("C&hoose"))
        self.ok.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.picker.picked.connect(lambda pid: self.ok.setEnabled(bool(pid)))
        self.picker.activated.connect(lambda _pid: self.accept())
        self.picker.search.setFocus()

    def person_id(self) -> str | None:
        return self.picker.person_id()


def local_moment(text: str) -> str | None:
    """A dotted date as the moment to store: now if it is today, else noon that day (UTC)."""
    day = QDate.fromString(text.strip(), "dd.MM.yyyy")
    if not day.isValid():
        return None
    chosen = date(day.year(), day.month(), day.day())
    if chosen == date.today():
        moment = datetime.now(UTC)
    else:
        moment = datetime(chosen.year, chosen.month, chosen.day, 12).astimezone(UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


class MomentField(DateField):
    """A date typed by the user, stored as a UTC moment (consent dates are moments)."""

    def value(self) -> str:
        text = super().value()
        return local_moment(text) or text


class ConsentDialog(QDialog):
    """Record a consent to process personal data: when, which text, and how."""

    def __init__(self, ctx: AppContext, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values: dict[str, Any] | None = None
        self.setWindowTitle(self.tr("Record consent"))
        layout = QVBoxLayout(self)
        layout.addWidget(hint(self.tr(
            "{name} agrees that the office keeps and uses their personal data. Record the "
            "date, the version of the consent text they agreed to, and how they gave it.")
            .format(name=name), self))
        self.form = RecordForm("people", [
            MomentField("consent_given_at", self.tr("Given on")),
            TextField("consent_text_version"),
            VocabField("consent_method", "consent_methods"),
        ], partial=True, save_text=self.tr("&Record consent"), parent=self)
        self.form.set_record({
            "consent_given_at": date.today(),
            "consent_text_version": people_queries.latest_consent_text_version(ctx.store.conn),
            "consent_method": "paper",
        })
        self.form.save_requested.connect(self._save)
        layout.addWidget(self.form)
        cancel = button(self.tr("Cancel"), self, self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(cancel)
        layout.addLayout(row)

    def _save(self, values: dict[str, Any]) -> None:
        self.values = {**values, "consent_withdrawn_at": None}
        self.accept()


# -- merging --------------------------------------------------------------------------------

class MergeDialog(QDialog):
    """Two records side by side: which one to keep, and for each detail whose value.

    The defaults are the kept record's values, filled from the other where it has nothing
    (consent: the latest decision). Merge moves everything of the other record to the kept
    one and removes the other (`desktop.store.merge`).
    """

    merged = Signal(object)  # MergeReport

    def __init__(self, ctx: AppContext, first_id: str, second_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Merge two records of the same person"))
        self.report: MergeReport | None = None
        store = ctx.store
        first, second = store.get("people", first_id), store.get("people", second_id)
        if first is None or second is None:
            raise StoreError(self.tr("One of the two people no longer exists."))
        self.records = (first, second)
        self._settlements = dict(common.options(store.conn, "settlements", "name"))
        self._offices = dict(common.options(store.conn, "offices", "name"))

        layout = QVBoxLayout(self)
        layout.addWidget(hint(self.tr(
            "Choose the record to keep. Everything linked to the other record (events, "
            "ideas, advice visits, comments on consultations, CSO roles) moves to it, and "
            "the other record is removed. For each detail, choose the value to keep."), self))

        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        self.keep_group = QButtonGroup(self)
        self.keep_buttons: list[QRadioButton] = []
        for column, record in enumerate(self.records, start=1):
            title = section_title(person_name(record), self)
            title.setWordWrap(True)
            grid.addWidget(title, 0, column)
            button = QRadioButton(self.tr("&Keep this record") if column == 1
                                  else self.tr("K&eep this record instead"), self)
            button.setAccessibleName(self.tr("Keep the record of {name}").format(
                name=person_name(record)))
            self.keep_group.addButton(button, column - 1)
            self.keep_buttons.append(button)
            grid.addWidget(button, 1, column)
            grid.addWidget(hint(self._links_text(record["id"]), self), 2, column)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        grid.addWidget(line, 3, 0, 1, 3)

        self.value_groups: dict[str, QButtonGroup] = {}
        self.value_buttons: dict[str, tuple[QRadioButton, QRadioButton]] = {}
        for row, group in enumerate(rules.CHOICE_GROUPS, start=4):
            key = rules.group_key(group)
            label = QLabel(self._group_label(group), self)
            grid.addWidget(label, row, 0)
            buttons = QButtonGroup(self)
            pair = []
            for column, record in enumerate(self.records, start=1):
                text = self._describe(group, record) or "—"
                button = QRadioButton(self._elide(text), self)
                button.setToolTip(text)
                button.setAccessibleName(f"{self._group_label(group)}: {text}")
                buttons.addButton(button, column - 1)
                grid.addWidget(button, row, column)
                pair.append(button)
            if rules.same_value(first, second, group):
                for button in pair:
                    button.setEnabled(False)
            self.value_groups[key] = buttons
            self.value_buttons[key] = (pair[0], pair[1])

        holder = QWidget(self)
        holder.setLayout(grid)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(holder)
        layout.addWidget(scroll, 1)
        self.scroll = scroll

        self.problem = error_label(self)
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.merge_button = self.buttons.addButton(self.tr("&Merge"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        # Enter must not merge two people by accident: Cancel is the default button.
        self.merge_button.setAutoDefault(False)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.keep_group.idToggled.connect(self._keep_toggled)
        self.keep_buttons[0].setChecked(True)
        self.keep_buttons[0].setFocus()
        self.resize(max(980, holder.sizeHint().width() + 40), 640)

    # -- choices --------------------------------------------------------------------------

    def kept_index(self) -> int:
        return max(self.keep_group.checkedId(), 0)

    def kept_id(self) -> str:
        return self.records[self.kept_index()]["id"]

    def duplicate_id(self) -> str:
        return self.records[1 - self.kept_index()]["id"]

    def set_kept(self, person_id: str) -> None:
        index = 0 if self.records[0]["id"] == person_id else 1
        self.keep_buttons[index].setChecked(True)

    def choose(self, key: str, person_id: str) -> None:
        """Keep `person_id`'s value for the choice `key` (e.g. "phone")."""
        index = 0 if self.records[0]["id"] == person_id else 1
        self.value_buttons[key][index].setChecked(True)

    def choices(self) -> dict[str, rules.Side]:
        kept = self.kept_index()
        result: dict[str, rules.Side] = {}
        for key, group in self.value_groups.items():
            chosen = group.checkedId()
            result[key] = "kept" if chosen in (-1, kept) else "other"
        return result

    def _keep_toggled(self, index: int, checked: bool) -> None:
        if not checked:
            return
        kept, other = self.records[index], self.records[1 - index]
        for key, side in rules.default_choices(kept, other).items():
            column = index if side == "kept" else 1 - index
            with QSignalBlocker(self.value_groups[key]):
                self.value_buttons[key][column].setChecked(True)

    # -- merge ----------------------------------------------------------------------------

    def accept(self) -> None:
        try:
            self.report = merge_people(self.ctx.store, self.kept_id(), self.duplicate_id(),
                                       self.choices())
        except ValidationError as exc:
            self.problem.setText("\n".join(render_error(e) for e in exc.errors))
            self.problem.setVisible(True)
            return
        except StoreError as exc:
            self.problem.setText(plain_message(exc))
            self.problem.setVisible(True)
            return
        self.merged.emit(self.report)
        super().accept()

    # -- text -----------------------------------------------------------------------------

    def _elide(self, text: str) -> str:
        first_line = text.splitlines()[0] if text else text
        metrics = self.fontMetrics()
        return metrics.elidedText(first_line, Qt.TextElideMode.ElideRight, 280)

    def _group_label(self, group: tuple[str, ...]) -> str:
        if group == rules.CONSENT_GROUP:
            return self.tr("Consent to personal data")
        return tr_field(group[0])

    def _links_text(self, person_id: str) -> str:
        counts = people_queries.link_counts(self.ctx.store.conn, person_id)
        return self.tr("Events: {events} · ideas: {ideas} · advice visits: {visits} · "
                       "comments: {submissions} · CSO roles: {roles}").format(
            events=counts["attendance"], ideas=counts["ideas"], visits=counts["visits"],
            submissions=counts["submissions"], roles=counts["org_members"])

    def _describe(self, group: tuple[str, ...], record: dict[str, Any]) -> str:
        return describe_person_value(group, record, self._settlements, self._offices)


def describe_person_value(group: tuple[str, ...], record: dict[str, Any],
                          settlements: dict[str, tuple], offices: dict[str, tuple]) -> str:
    """One merge choice of a person as text ("" when the record says nothing)."""
    field = group[0]
    value = record.get(field)
    if group == rules.CONSENT_GROUP:
        state = consent_state(record.get("consent_given_at"),
                              record.get("consent_withdrawn_at"))
        if state == "withdrawn":
            return QCoreApplication.translate("MergeDialog", "Withdrawn {date}").format(
                date=format_datetime(record.get("consent_withdrawn_at")))
        if state == "given":
            version = record.get("consent_text_version")
            return " · ".join(filter(None, (
                QCoreApplication.translate("MergeDialog", "Given {date}").format(
                    date=format_date(record.get("consent_given_at"))),
                tr_vocab("consent_methods", record.get("consent_method")),
                QCoreApplication.translate("MergeDialog", "text {version}").format(
                    version=version) if version else "",
            )))
        return ""
    if field == "birth_year" and value is None:
        return tr_vocab("age_groups", record.get("age_group"))
    if value is None or value == "":
        return ""
    if field == "gender":
        return tr_vocab("genders", value)
    if field == "birth_year":
        group_label = tr_vocab("age_groups", record.get("age_group"))
        return f"{value} ({group_label})" if group_label else str(value)
    if field == "phone":
        return format_phone(value)
    if field == "settlement_id":
        return (settlements.get(value) or (value,))[0] or ""
    if field == "office_id":
        return (offices.get(value) or (value,))[0] or ""
    if field in ("idp", "disability"):
        return QCoreApplication.translate("Forms", "Yes") if value else \
            QCoreApplication.translate("Forms", "No")
    return str(value)
