"""CSOs: the civil society organisations the hub works with, and their people.

Why it looks like this: a CSO hub keeps a directory of local organisations (who they are,
their EDRPOU code, what they work on, whether they signed a memorandum with the council) and
of the people behind them (who heads it, who is the contact). The council counts "CSOs
created" from the registration dates, so the list can show just those registered in the last
12 months. An EDRPOU typo is caught while typing (the check digit), because a wrong code
breaks matching with registry extracts later.
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QSignalBlocker,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import ValidationError
from desktop.domain.names import full_name, person_from_search, sort_key
from desktop.domain.phones import format_phone
from desktop.domain.validation import FIELDS
from desktop.store.errors import StoreError
from desktop.store.queries import organizations as queries
from desktop.ui import theme
from desktop.ui.context import AppContext
from desktop.ui.formatting import format_count, format_date
from desktop.ui.forms import (
    ChoiceField,
    DateField,
    Field,
    MultiLineField,
    RecordForm,
    TextField,
    VocabField,
    YesNoField,
)
from desktop.ui.kit import questions
from desktop.ui.kit.list_pane import ListPane
from desktop.ui.kit.person_field import QuickPersonDialog
from desktop.ui.kit.profile import ProfilePanel
from desktop.ui.kit.profile_screen import ProfileScreen
from desktop.ui.kit.tables import fill_rows, item_table, row_index
from desktop.ui.models import CENTER, RIGHT, Column, PagedTableModel
from desktop.ui.person_dialogs import (
    PersonPicker,
    person_name,
)
from desktop.ui.translate import tr_vocab, vocab_items
from desktop.ui.widgets import button, combo, error_label, hint, section_title, shortcut
from desktop.ui.workers import plain_message

ORG_FIELDS = FIELDS["organizations"]
CODE_ROLE = Qt.ItemDataRole.UserRole


def _areas_list(value: Any) -> list[str]:
    """Stored areas (JSON text) or a list, as a list of codes."""
    if isinstance(value, list | tuple):
        return list(value)
    if isinstance(value, str) and value.strip().startswith("["):
        try:
            items = json.loads(value)
        except json.JSONDecodeError:
            return []
        return [str(i) for i in items] if isinstance(items, list) else []
    return []


class AreasField(Field):
    """Areas of work: a checkable list of the `cso_areas` vocabulary (Space ticks a box),
    with the ticked ones summed up below it, since the list scrolls."""

    VISIBLE_ROWS = 6

    def __init__(self, name: str = "areas", label: str | None = None) -> None:
        super().__init__(name, label)
        self.widget = QWidget()
        layout = QVBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.list = QListWidget(self.widget)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for code, text in vocab_items("cso_areas"):
            item = QListWidgetItem(text)
            item.setData(CODE_ROLE, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        row = self.list.sizeHintForRow(0) if self.list.count() else 20
        self.list.setFixedHeight(row * self.VISIBLE_ROWS + 2 * self.list.frameWidth())
        self.summary = QLabel(self.widget)
        self.summary.setWordWrap(True)
        self.summary.setEnabled(False)
        layout.addWidget(self.list)
        layout.addWidget(self.summary)
        self.list.itemChanged.connect(self._item_changed)
        self.control = self.list
        self._update_summary()

    def _item_changed(self, *_: Any) -> None:
        self._update_summary()
        self.changed.emit()

    def _update_summary(self) -> None:
        chosen = [self.list.item(i).text() for i in range(self.list.count())
                  if self.list.item(i).checkState() == Qt.CheckState.Checked]
        self.summary.setText(", ".join(chosen) if chosen else QCoreApplication.translate(
            "AreasField", "None chosen"))

    def value(self) -> list[str]:
        return [self.list.item(i).data(CODE_ROLE) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def set_value(self, value: Any) -> None:
        chosen = set(_areas_list(value))
        with QSignalBlocker(self.list):
            for i in range(self.list.count()):
                item = self.list.item(i)
                item.setCheckState(Qt.CheckState.Checked if item.data(CODE_ROLE) in chosen
                                   else Qt.CheckState.Unchecked)
        self._update_summary()

    def check(self, code: str, checked: bool = True) -> None:
        """Tick (or untick) one area, as a click would."""
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(CODE_ROLE) == code:
                item.setCheckState(Qt.CheckState.Checked if checked
                                   else Qt.CheckState.Unchecked)


class MemberDialog(QDialog):
    """Add a person to a CSO (find them or register them quickly), or edit their role."""

    def __init__(self, ctx: AppContext, organization_id: str, org_name: str,
                 member: dict[str, Any] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.organization_id = organization_id
        self.member = member
        self.quick_dialog: QuickPersonDialog | None = None
        self.setWindowTitle(self.tr("Add a person — {name}").format(name=org_name)
                            if member is None else
                            self.tr("Role — {name}").format(name=org_name))
        layout = QVBoxLayout(self)
        self.picker: PersonPicker | None = None
        if member is None:
            self.picker = PersonPicker(ctx, self)
            layout.addWidget(self.picker, 1)
            row = QHBoxLayout()
            not_yet = hint(self.tr("Not registered yet?"), self)
            not_yet.setWordWrap(False)
            row.addWidget(not_yet)
            self.new_person_button = button(self.tr("Register a &new person…"), self,
                                            self._new_person, icon="add")
            row.addWidget(self.new_person_button)
            row.addStretch(1)
            layout.addLayout(row)
            self.resize(720, 560)
        else:
            layout.addWidget(section_title(full_name(
                member.get("last_name"), member.get("first_name"),
                member.get("patronymic")), self))
        self.form = RecordForm("org_members", [
            VocabField("role", "org_member_roles"), DateField("since"), DateField("until"),
        ], fixed={"organization_id": organization_id,
                  "person_id": member.get("person_id") if member else None},
            save_text=self.tr("&Add") if member is None else self.tr("&Save"), parent=self)
        self.form.set_record(member or {"role": "member"})
        self.form.save_requested.connect(self._save)
        layout.addWidget(self.form)
        self.problem = error_label(self)
        layout.addWidget(self.problem)
        cancel = button(self.tr("Cancel"), self, self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(cancel)
        layout.addLayout(row)
        if self.picker is not None:
            self.picker.picked.connect(self.set_person)
            self.picker.activated.connect(self._person_activated)
            self.picker.search.setFocus()

    def set_person(self, person_id: str | None) -> None:
        self.form.fixed["person_id"] = person_id
        self.form.revalidate()
        self.problem.setVisible(False)

    def _person_activated(self, person_id: str) -> None:
        self.set_person(person_id)
        self.form.field("role").control.setFocus()

    def _new_person(self) -> None:
        dialog = QuickPersonDialog(self.ctx, person_from_search(self.picker.search.text())
                                   if self.picker else None, self, store=True)
        dialog.created.connect(self._person_created)
        self.quick_dialog = dialog
        dialog.open()

    def _person_created(self, person_id: str) -> None:
        record = self.ctx.store.get("people", person_id)
        if self.picker is None or record is None:
            return
        self.picker.search.setText(person_name(record))
        self.picker.run_search()
        for row in range(self.picker.model.rowCount()):
            if self.picker.model.record_id(row) == person_id:
                self.picker.view.selectRow(row)
                break
        self.set_person(person_id)
        self.form.field("role").control.setFocus()

    def _save(self, values: dict[str, Any]) -> None:
        store = self.ctx.store
        try:
            if self.member is None:
                existing = [m for m in queries.members(store.conn, self.organization_id)
                            if m["person_id"] == values["person_id"] and not m["until"]]
                if existing:
                    self.problem.setText(self.tr(
                        "{name} is already in this organisation as «{role}». Edit that "
                        "role instead.").format(
                            name=person_name(existing[0]),
                            role=tr_vocab("org_member_roles", existing[0]["role"])))
                    self.problem.setVisible(True)
                    return
                store.insert("org_members", values)
            else:
                changes = {k: v for k, v in values.items()
                           if k in ("role", "since", "until") and self.member.get(k) != v}
                if changes:
                    store.update("org_members", self.member["id"], changes)
        except (StoreError, ValidationError) as exc:
            self.problem.setText(plain_message(exc))
            self.problem.setVisible(True)
            return
        self.accept()


class OrganizationPanel(ProfilePanel):
    """The right-hand side: one CSO's details form and its people (the kit's
    `ProfilePanel`: saving, discarding and showing are shared with People)."""

    table = "organizations"
    fields = frozenset(ORG_FIELDS)
    member_removed = Signal(str, str)  # (org_members id, message)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._members: list[dict[str, Any]] = []
        self.member_dialog: MemberDialog | None = None

        layout = self.build_frame(
            self.tr("Choose an organisation in the list, or add a new one with Ctrl+N."),
            self.tr("Delete this organisation"))
        page = self.page

        self.edrpou_note = hint("", page)
        self.edrpou_note.setVisible(False)
        self.build_details(self.tr("Organisation"), "organizations", [
            TextField("name"), TextField("short_name"),
            TextField("edrpou", placeholder=self.tr("8 digits"), max_length=12),
            VocabField("legal_form", "legal_forms"), AreasField("areas"),
            ChoiceField("settlement_id", []), TextField("address"),
            TextField("phone", placeholder="067 123 45 67"),
            TextField("email", placeholder="info@example.org"),
            TextField("website", placeholder="example.org"),
            DateField("registered_on"), YesNoField("memorandum"), DateField("memorandum_on"),
            ChoiceField("office_id", []), MultiLineField("notes", lines=3),
        ], above=(self.edrpou_note,))
        self.form.field("legal_form").changed.connect(self._legal_form_changed)
        self.form.field("memorandum").changed.connect(self._memorandum_changed)
        self.form.field("edrpou").changed.connect(self._check_edrpou_taken)
        self.tabs.addTab(self._build_members(), self.tr("People"))
        layout.addWidget(self.tabs, 1)
        self.reload_choices()
        self.clear()

    def _build_members(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        self.members_table = item_table([
            self.tr("Person"), self.tr("Role"), self.tr("Since"), self.tr("Until"),
            self.tr("Phone")], self.tr("People of the organisation"), page)
        self.members_table.itemActivated.connect(self.edit_member)
        self.members_table.itemSelectionChanged.connect(self._member_selection_changed)
        shortcut(QKeySequence.StandardKey.Delete, self.members_table, self.remove_member,
                 only_widget=True)
        layout.addWidget(self.members_table, 1)
        self.members_empty = hint(self.tr(
            "Nobody is linked to this organisation yet. Add its head and a contact person, "
            "so the hub knows whom to call."), page)
        layout.addWidget(self.members_empty)
        buttons = QHBoxLayout()
        self.add_member_button = button(self.tr("&Add a person…"), page, self.add_member,
                                        icon="add")
        self.edit_member_button = button(self.tr("&Change role…"), page, self.edit_member)
        self.remove_member_button = button(self.tr("&Remove"), page, self.remove_member,
                                           name=self.tr("Remove from the organisation"))
        self.open_person_button = button(self.tr("&Open in People"), page, self._open_person)
        for widget in (self.add_member_button, self.edit_member_button,
                       self.remove_member_button, self.open_person_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return page

    # -- public ---------------------------------------------------------------------------

    @property
    def org_id(self) -> str | None:
        return self.record_id

    def title_of(self, record: dict[str, Any]) -> str:
        return record.get("name") or ""

    def new_title(self) -> str:
        return self.tr("New organisation")

    def after_load(self, record: dict[str, Any] | None) -> None:
        self._memorandum_changed()
        self._legal_form_changed()
        self._check_edrpou_taken()

    def fill_extra(self, record_id: str | None) -> None:
        self._fill_members()

    def problem_with(self, values: dict[str, Any]) -> str | None:
        if values.get("memorandum") != 1:
            values["memorandum_on"] = None
        other = queries.with_edrpou(self.ctx.store.conn, values["edrpou"], self.org_id) \
            if values.get("edrpou") else None
        if other is None:
            return None
        return self.tr(
            "«{name}» already has the EDRPOU code {code}. Check the code, or open that "
            "organisation instead of adding it twice.").format(
                name=other["name"], code=values["edrpou"])

    def same(self, name: str, current: dict[str, Any], value: Any) -> bool:
        if name == "areas":
            return _areas_list(current.get(name)) == (value or [])
        return current.get(name) == value

    def new_defaults(self) -> dict[str, Any]:
        return {"legal_form": "public_organization", "office_id": self.ctx.office_id}

    # -- members --------------------------------------------------------------------------

    def _fill_members(self) -> None:
        self._members = queries.members(self.ctx.store.conn, self.org_id) \
            if self.org_id else []
        fill_rows(self.members_table, [
            ((full_name(m["last_name"], m["first_name"], m["patronymic"]),
              sort_key(m["last_name"], m["first_name"], m["patronymic"])),
             tr_vocab("org_member_roles", m["role"]),
             (format_date(m["since"]), m["since"] or ""),
             (format_date(m["until"]), m["until"] or ""), format_phone(m["phone"]))
            for m in self._members])
        count = len(self._members)
        self.tabs.setTabText(1, f"{self.tr('People')} ({format_count(count)})" if count
                             else self.tr("People"))
        self.tabs.setTabEnabled(1, self.org_id is not None)
        self.members_empty.setVisible(count == 0)
        self._member_selection_changed()

    def current_member(self) -> dict[str, Any] | None:
        index = row_index(self.members_table)
        if index is None or not self.members_table.selectedItems():
            return None
        return self._members[index]

    def _member_selection_changed(self) -> None:
        chosen = self.current_member() is not None
        for widget in (self.edit_member_button, self.remove_member_button,
                       self.open_person_button):
            widget.setEnabled(chosen)

    def add_member(self) -> None:
        if not self.org_id or self.record is None:
            return
        dialog = MemberDialog(self.ctx, self.org_id, self.record.get("name") or "",
                              None, self)
        self.member_dialog = dialog
        dialog.open()

    def edit_member(self, *_: Any) -> None:
        member = self.current_member()
        if member is None or self.org_id is None or self.record is None:
            return
        dialog = MemberDialog(self.ctx, self.org_id, self.record.get("name") or "",
                              member, self)
        self.member_dialog = dialog
        dialog.open()

    def confirm_remove(self, name: str) -> bool:
        """Ask before removing someone from the CSO (tests replace this)."""
        answer = QMessageBox.question(
            self, self.tr("Remove from the organisation?"),
            self.tr("Remove {name} from «{org}»? The person stays registered. If they just "
                    "left, you can set the date until which they were in it instead.")
            .format(name=name, org=(self.record or {}).get("name") or ""),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def remove_member(self) -> None:
        member = self.current_member()
        if member is None:
            return
        name = person_name(member)
        if not self.confirm_remove(name):
            return
        with self.ctx.changes():
            self.ctx.store.delete("org_members", member["id"])
        self.member_removed.emit(member["id"], self.tr("{name} was removed from «{org}».")
                                 .format(name=name, org=(self.record or {}).get("name")))

    def _open_person(self) -> None:
        member = self.current_member()
        if member is not None:
            self.ctx.bus.navigate.emit("people", {"table": "people",
                                                  "id": member["person_id"]})

    # -- internals ------------------------------------------------------------------------

    def meta_text(self, record: dict[str, Any]) -> str:
        parts = [tr_vocab("legal_forms", record.get("legal_form"))]
        if record.get("registered_on"):
            parts.append(self.tr("registered {date}").format(
                date=format_date(record["registered_on"])))
        if record.get("memorandum") == 1:
            parts.append(self.tr("memorandum {date}").format(
                date=format_date(record.get("memorandum_on"))).strip())
        return " · ".join(p for p in parts if p)

    def _legal_form_changed(self) -> None:
        edit = self.form.field("edrpou").control
        if self.form.field("legal_form").value() == "initiative_group":
            edit.setPlaceholderText(self.tr("initiative groups usually have none"))
        else:
            edit.setPlaceholderText(self.tr("8 digits"))

    def _memorandum_changed(self) -> None:
        signed = self.form.field("memorandum").value() == 1
        field = self.form.field("memorandum_on")
        assert isinstance(field, DateField)
        field.edit.setEnabled(signed)
        field.button.setEnabled(signed)

    def _check_edrpou_taken(self) -> None:
        code = "".join(str(self.form.field("edrpou").value() or "").split())
        other = queries.with_edrpou(self.ctx.store.conn, code, self.org_id) \
            if len(code) == 8 else None
        if other is None:
            self.edrpou_note.setVisible(False)
            return
        theme.set_tone(self.edrpou_note, "error")
        self.edrpou_note.setText(self.tr("«{name}» already has this EDRPOU code.").format(
            name=other["name"]))
        self.edrpou_note.setVisible(True)

class CsosScreen(ProfileScreen):
    link_field = "organization_id"
    key = "csos"
    title = QT_TRANSLATE_NOOP("Screens", "CSOs")
    icon = "csos"
    watches = frozenset({"organizations", "org_members", "people", "settlements", "offices"})

    #: The list columns' query names, in order (a clicked header sorts by one).
    SORT_KEYS = ("name", "edrpou", "registered_on", "memorandum", "members")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._sort: tuple[str, bool] | None = None
        self._first_load = True

        left = self._build_list()
        self.panel = OrganizationPanel(ctx, self)
        self.panel.member_removed.connect(self._member_removed)
        self.build_frame(
            left, self.panel, sizes=(600, 560),
            new=(self.tr("&New organisation"), self.tr("Add a new organisation"),
                 self.tr("Add a new organisation (Ctrl+N)")),
            import_tip=self.tr("Bring in a list of CSOs from Excel (XLSX or CSV)"))

    def _build_list(self) -> QWidget:
        self.model = PagedTableModel(self.ctx.store.conn, self.ctx.store.path, [
            Column(("name", "short_name", "legal_form"), self.tr("Name"),
                   lambda name, _short, _form: name or "", tooltip=self._name_tooltip),
            Column("edrpou", self.tr("EDRPOU")),
            Column("registered_on", self.tr("Registered"), format_date),
            Column(("memorandum", "memorandum_on"), self.tr("Memorandum"),
                   self._memorandum_cell, align=CENTER,
                   tooltip=self._memorandum_tooltip),
            Column("members", self.tr("People"), align=RIGHT),
        ], parent=self)
        # sorted by the query itself (SORT_KEYS), the name first
        self.pane = ListPane(
            self.model, self._query, name=self.tr("Organisations"),
            placeholder=self.tr("Find by name, short name or EDRPOU (Ctrl+F)"),
            search_name=self.tr("Find an organisation"),
            samples={1: "00000000", 2: "00.00.0000"}, sortable=False, parent=self)
        page = self.pane
        self.legal_form_filter = combo(page, self.tr("Filter by legal form"),
                                       vocab_items("legal_forms"), self.tr("All legal forms"),
                                       min_chars=10)
        self.area_filter = combo(page, self.tr("Filter by area of work"),
                                 vocab_items("cso_areas"), self.tr("All areas of work"),
                                 min_chars=10)
        self.pane.add_filters(self.legal_form_filter, self.area_filter)
        self.memorandum_filter = combo(page, self.tr("Filter by memorandum"), [
            (None, self.tr("With or without a memorandum")),
            (True, self.tr("Memorandum signed")), (False, self.tr("No memorandum"))])
        self.recent_filter = QCheckBox(self.tr("Registered in the last &12 months"), page)
        self.recent_filter.setAccessibleName(self.tr("Only organisations registered in the "
                                                     "last 12 months"))
        self.recent_filter.setToolTip(self.tr("The council's \"CSOs created\" indicator"))
        self.pane.add_filters(self.memorandum_filter, self.recent_filter)
        self.pane.empty_texts = (
            self.tr("No organisation matches. Try fewer letters or fewer filters."),
            self.tr("No organisations yet. Add the first one with Ctrl+N."))
        self.search, self.view, self.empty_label = \
            self.pane.search, self.pane.view, self.pane.empty_label
        header = self.view.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._sort_changed)
        return self.pane

    # -- Screen ---------------------------------------------------------------------------

    def refresh(self) -> None:
        self.panel.reload_choices()
        self.apply_search()
        self.panel.reload()

    # -- list -----------------------------------------------------------------------------

    def registered_since(self) -> str:
        day = self.today()
        try:
            return day.replace(year=day.year - 1).isoformat()
        except ValueError:  # 29 February
            return (day - timedelta(days=365)).isoformat()

    def _query(self) -> Any:
        query = queries.organizations_list(
            self.search.text(), legal_form=self.legal_form_filter.currentData(),
            area=self.area_filter.currentData(),
            memorandum=self.memorandum_filter.currentData(),
            registered_since=self.registered_since() if self.recent_filter.isChecked()
            else None)
        return query.ordered_by(*self._sort) if self._sort is not None else query

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        if 0 <= column < len(self.SORT_KEYS):
            self._sort = (self.SORT_KEYS[column], order == Qt.SortOrder.DescendingOrder)
            self.apply_search()

    def count_text(self, filtered: bool) -> str:
        return self.tr("Found: {count}") if filtered else self.tr("Organisations: {count}")

    def unsaved_name(self) -> str:
        return f"«{self.panel.form.field('name').value()}»" if \
            self.panel.form.field("name").value() else self.tr("the new organisation")

    def saved_message(self, created: bool) -> str:
        name = (self.panel.record or {}).get("name") or ""
        return self.tr("«{name}» added.").format(name=name) if created \
            else self.tr("Changes to «{name}» saved.").format(name=name)

    @staticmethod
    def _name_tooltip(name: str | None, short: str | None, form: str | None) -> str:
        return "\n".join(p for p in (name, short, tr_vocab("legal_forms", form)) if p)

    def _memorandum_cell(self, signed: int | None, on: str | None) -> str:
        return "✓" if signed == 1 else "—"

    def _memorandum_tooltip(self, signed: int | None, on: str | None) -> str:
        if signed != 1:
            return self.tr("No memorandum with the council")
        return self.tr("Memorandum signed {date}").format(date=format_date(on)) if on \
            else self.tr("Memorandum signed")

    # -- unsaved edits, saving, deleting --------------------------------------------------

    def confirm_delete(self, name: str, members: int) -> bool:
        """Ask before deleting (tests replace this)."""
        text = self.tr("Delete «{name}» from the directory?").format(name=name)
        if members:
            text += "\n\n" + self.tr("Its {count} people stay registered.").format(
                count=members)
        text += "\n\n" + self.tr("You can undo this right after.")
        return questions.confirm_delete(self, text, self.tr("Delete organisation?"))

    def may_delete(self, record: dict[str, Any]) -> bool:
        return self.confirm_delete(record.get("name") or "",
                                   len(queries.members(self.ctx.store.conn, record["id"])))

    def deleted_text(self, record: dict[str, Any]) -> str:
        return self.tr("«{name}» was deleted.").format(name=record.get("name"))

    def _member_removed(self, member_id: str, message: str) -> None:
        self.undo_banner.offer(message, "org_members", member_id)


SCREEN = CsosScreen
