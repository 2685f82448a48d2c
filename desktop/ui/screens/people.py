"""People: everyone the office has registered, their details, consent and history.

Why it looks like this: the administrator's most common questions are "is this villager
already registered?" (the search: surname, name or phone, any apostrophe, instant on 200,000
people) and "what has she taken part in?" (the profile: events, ideas, advice visits, CSO
roles). Consent to process personal data is shown at the top of the profile because the law
makes it the first thing to check. Duplicate registrations, which sync finds across laptops,
are offered for review in a banner, and two records are merged with a side-by-side choice.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.validation import FIELDS, age_group_for
from desktop.store import duplicates
from desktop.store.errors import StoreError
from desktop.store.ids import utc_now
from desktop.store.merge import MergeReport
from desktop.store.queries import common
from desktop.store.queries import people as queries
from desktop.ui import theme
from desktop.ui.context import AppContext
from desktop.ui.formatting import format_count, format_date, format_datetime
from desktop.ui.forms import (
    ChoiceField,
    MultiLineField,
    NumberField,
    TextField,
    VocabField,
    YesNoField,
)
from desktop.ui.kit import questions
from desktop.ui.kit.list_pane import ListPane
from desktop.ui.kit.profile import ProfilePanel
from desktop.ui.kit.profile_screen import ProfileScreen
from desktop.ui.kit.tables import fill_rows, item_table, row_index
from desktop.ui.models import CENTER, Column, PagedTableModel
from desktop.ui.person_dialogs import (
    PEOPLE_SAMPLES,
    ConsentDialog,
    MergeDialog,
    PickPersonDialog,
    consent_state,
    people_columns,
    person_name,
)
from desktop.ui.translate import tr_vocab, translate, vocab_items
from desktop.ui.widgets import (
    DETAIL_ROLE,
    Banner,
    SearchEdit,
    TwoLineDelegate,
    button,
    combo,
    hint,
    section_title,
)
from desktop.ui.workers import plain_message

PERSON_FIELDS = FIELDS["people"]
FORM_FIELDS = ("last_name", "first_name", "patronymic", "gender", "birth_year", "age_group",
               "phone", "email", "settlement_id", "address", "office_id", "idp",
               "disability", "notes")


def _dated(show: Any, stored: str | None) -> tuple[str, str]:
    """A date cell: shown as the reader expects, sorted by the stored ISO text."""
    return show(stored), stored or ""


class PersonProfile(ProfilePanel):
    """The right-hand side: one person's details form, consent and history (the kit's
    `ProfilePanel`: saving, discarding and showing are shared with CSOs)."""

    table = "people"
    fields = frozenset(PERSON_FIELDS)
    #: The user asked to merge the shown person with another.
    merge_requested = Signal(str)
    #: A history item asks to open another screen: (screen key, item).
    open_item = Signal(str, object)
    #: The consent was recorded or withdrawn (person id).
    consent_changed = Signal(str)
    #: The person was forgotten (id); the backups were cleaned afterwards (id).
    forgotten = Signal(str)
    forget_finished = Signal(str)
    #: Everything kept about the person was saved (path).
    exported = Signal(str)
    #: The person's history was asked for (the main window shows it).
    history_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._staged_consent: dict[str, Any] | None = None
        self.consent_dialog: ConsentDialog | None = None
        self.consent_state = "missing"

        self.merge_button = button(self.tr("Merge &with…"), self, self._merge_clicked,
                                   tip=self.tr("This person is registered twice? Choose the "
                                               "other record and merge them."),
                                   name=self.tr("Merge with another record"))
        layout = self.build_frame(
            self.tr("Choose a person in the list to see their details and history, or "
                    "register a new person with Ctrl+N."),
            self.tr("Delete this person"), (self.merge_button,))
        page = self.page

        # -- consent ----------------------------------------------------------------------
        self.consent_box = QGroupBox(self.tr("Consent to process personal data"), page)
        # The state on its own line, the four actions under it: side by side they squeezed
        # the text into four lines at 1366×768.
        consent_column = QVBoxLayout(self.consent_box)
        consent_layout = QHBoxLayout()
        self.consent_label = QLabel(self.consent_box)
        self.consent_label.setWordWrap(True)
        self.consent_label.setTextFormat(Qt.TextFormat.PlainText)
        self.consent_label.setAccessibleName(self.tr("Consent status"))
        consent_column.addWidget(self.consent_label)
        consent_column.addLayout(consent_layout)
        consent_layout.addStretch(1)
        self.record_consent_button = button(self.tr("&Record consent…"), self.consent_box,
                                            self._record_consent_clicked,
                                            name=self.tr("Record consent"))
        self.withdraw_button = button(self.tr("With&draw consent…"), self.consent_box,
                                      self._withdraw_clicked, name=self.tr("Withdraw consent"))
        self.export_all_button = button(self.tr("Everything &kept…"), self.consent_box,
                                        self._export_all_clicked,
                                        tip=self.tr("The person asks what is kept about them: "
                                                    "save all of it (events, consultations, "
                                                    "visits, ideas, CSOs, files, who changed "
                                                    "the record) to a file to give them."),
                                        name=self.tr("Save everything kept about this person"))
        self.forget_button = button(self.tr("&Forget…"), self.consent_box, self._forget_clicked,
                                    tip=self.tr("The person asks to be forgotten: remove their "
                                                "name, contacts, notes, files and what was "
                                                "written about them, here and on every copy. "
                                                "What the statistics count stays."),
                                    name=self.tr("Forget this person"))
        consent_layout.addWidget(self.record_consent_button, 0, Qt.AlignmentFlag.AlignVCenter)
        consent_layout.addWidget(self.withdraw_button, 0, Qt.AlignmentFlag.AlignVCenter)
        consent_layout.addWidget(self.export_all_button, 0, Qt.AlignmentFlag.AlignVCenter)
        consent_layout.addWidget(self.forget_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.consent_box)

        # -- details and history ----------------------------------------------------------
        self.build_details(self.tr("Person"), "people", [
            TextField("last_name"), TextField("first_name"), TextField("patronymic"),
            VocabField("gender", "genders"),
            NumberField("birth_year", 1900, date.today().year),
            VocabField("age_group", "age_groups"),
            TextField("phone", placeholder="067 123 45 67"),
            TextField("email", placeholder="name@example.com"),
            ChoiceField("settlement_id", []), TextField("address"),
            ChoiceField("office_id", []), YesNoField("idp"), YesNoField("disability"),
            MultiLineField("notes", lines=3),
        ])
        self.history_button = button(self.tr("&History…"), self.tabs, self.history_requested,
                                     tip=self.tr("Who changed this person's record, when, on "
                                                 "which computer, and what they changed (Ctrl+H)"))
        self.history_button.setFlat(True)
        self.tabs.setCornerWidget(self.history_button, Qt.Corner.TopRightCorner)
        self.form.field("birth_year").changed.connect(self._birth_year_changed)

        self.events = item_table(
            [self.tr("Date"), self.tr("Event"), self.tr("Status"), self.tr("Feedback")],
            self.tr("Events"), self, stretch=1)
        self.ideas = item_table(
            [self.tr("Received"), self.tr("Idea or appeal"), self.tr("Channel"),
             self.tr("Status")], self.tr("Ideas and appeals"), self, stretch=1)
        self.visits = item_table(
            [self.tr("Date"), self.tr("Topic"), self.tr("Tool"), self.tr("Follow up")],
            self.tr("Advice visits"), self, stretch=1)
        self.roles = item_table(
            [self.tr("Organisation"), self.tr("Role"), self.tr("Since"), self.tr("Until")],
            self.tr("CSO roles"), self)
        #: What each history row opens: (screen key, item), in the order the rows were filled.
        self._targets: dict[QTableWidget, list[tuple[str, dict]]] = {}
        for table in (self.events, self.ideas, self.visits, self.roles):
            table.itemActivated.connect(self._history_activated)
            self.tabs.addTab(table, "")
        layout.addWidget(self.tabs, 1)

        self.reload_choices()
        self._set_tab_titles({})
        self.clear()

    # -- public ---------------------------------------------------------------------------

    @property
    def person_id(self) -> str | None:
        return self.record_id

    def title_of(self, record: dict[str, Any]) -> str:
        return person_name(record)

    def new_title(self) -> str:
        return self.tr("New person")

    def after_load(self, record: dict[str, Any] | None) -> None:
        self._age_group_enabled()

    def fill_extra(self, record_id: str | None) -> None:
        self._show_consent()
        self._fill_history(record_id)

    def reset_extra(self) -> None:
        self._staged_consent = None

    def extra_dirty(self) -> bool:
        return self.is_new and self._staged_consent is not None

    def insert_values(self, values: dict[str, Any]) -> dict[str, Any]:
        return {**values, **(self._staged_consent or {})}

    def new_person(self) -> None:
        """An empty form for registering someone."""
        self.new_record()

    def show_person(self, person_id: str) -> bool:
        return self.show_record(person_id)

    def _consent_values(self) -> dict[str, Any]:
        if self.person_id is None:
            return self._staged_consent or {}
        return self.record or {}

    def _show_consent(self) -> None:
        values = self._consent_values()
        state = consent_state(values.get("consent_given_at"),
                              values.get("consent_withdrawn_at"))
        if state == "given":
            details = " · ".join(filter(None, (
                tr_vocab("consent_methods", values.get("consent_method")),
                self.tr("text version {version}").format(
                    version=values.get("consent_text_version"))
                if values.get("consent_text_version") else "",
            )))
            text = self.tr("Consent given on {date}").format(
                date=format_date(values.get("consent_given_at")))
            if details:
                text += f" ({details})"
            if self.person_id is None:
                text += ". " + self.tr("It is recorded when the person is saved.")
            tone = "success"
        elif state == "withdrawn":
            text = self.tr("Consent withdrawn on {date}. Do not contact this person or use "
                           "their data beyond what the law requires.").format(
                date=format_datetime(values.get("consent_withdrawn_at")))
            tone = "error"
        else:
            text = self.tr("No consent recorded. Ask the person to sign the consent form "
                           "before keeping more than their name.")
            tone = "error"
        if self.record is not None and self.record.get("forgotten_at"):
            text = self.tr("Forgotten at the person's request on {date}: only their gender, "
                           "age group, settlement and participation are kept, for the "
                           "statistics.").format(
                date=format_datetime(self.record.get("forgotten_at")))
            tone = "muted"
            state = "forgotten"
        theme.set_tone(self.consent_label, tone)
        self.consent_label.setText(text)
        self.consent_label.setAccessibleDescription(text)
        self.consent_state = state
        self.withdraw_button.setVisible(state == "given" and self.person_id is not None)
        self.record_consent_button.setVisible(state != "forgotten")
        self.forget_button.setVisible(self.person_id is not None and state != "forgotten")
        self.record_consent_button.setText(
            self.tr("&Record consent…") if state != "given" else self.tr("&New consent…"))

    def _record_consent_clicked(self) -> None:
        name = person_name(self.record) if self.record else self.tr("The person")
        dialog = ConsentDialog(self.ctx, name, self)
        dialog.accepted.connect(lambda: self._consent_recorded(dialog.values or {}))
        self.consent_dialog = dialog
        dialog.open()

    def _consent_recorded(self, values: dict[str, Any]) -> None:
        if not values:
            return
        if self.person_id is None:
            self._staged_consent = values
            self._show_consent()
            self.update_buttons()
            return
        with self.ctx.changes():
            self.ctx.store.update("people", self.person_id, values)
            self.record = self.ctx.store.get("people", self.person_id)
            self._show_consent()
        self.consent_changed.emit(self.person_id)

    def confirm_withdraw(self, name: str) -> bool:
        """Ask before withdrawing (tests replace this)."""
        answer = QMessageBox.question(
            self, self.tr("Withdraw consent?"),
            self.tr("{name} no longer agrees that the office keeps and uses their personal "
                    "data.\n\nThe date of the withdrawal is recorded; their past "
                    "participation stays in the office's records and reports.").format(
                        name=name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def _withdraw_clicked(self) -> None:
        if self.person_id is None or self.record is None:
            return
        if not self.confirm_withdraw(person_name(self.record)):
            return
        with self.ctx.changes():
            self.ctx.store.update("people", self.person_id, {"consent_withdrawn_at": utc_now()})
            self.record = self.ctx.store.get("people", self.person_id)
            self._show_consent()
        self.consent_changed.emit(self.person_id)

    # -- history --------------------------------------------------------------------------

    def _fill_history(self, person_id: str | None) -> None:
        conn = self.ctx.store.conn
        rows: dict[QTableWidget, list[tuple[list[Any], str, dict]]] = {
            self.events: [], self.ideas: [], self.visits: [], self.roles: []}
        if person_id:
            for a in queries.attendance_history(conn, person_id):
                rows[self.events].append((
                    [_dated(format_date, a["starts_at"]), a["title"] or "",
                     tr_vocab("attendance_statuses", a["status"]), self._feedback(a)],
                    "events", {"table": "events", "id": a["event_id"]}))
            for i in queries.ideas_authored(conn, person_id):
                rows[self.ideas].append((
                    [_dated(format_date, i["received_on"]), i["title"] or "",
                     tr_vocab("idea_channels", i["channel"]),
                     tr_vocab("idea_statuses", i["status"])],
                    "ideas", {"table": "ideas", "id": i["id"]}))
            for v in queries.advice_visits(conn, person_id):
                rows[self.visits].append((
                    [_dated(format_datetime, v["visited_at"]), v["topic"] or "",
                     tr_vocab("visit_tools", v["tool"]), _dated(format_date, v["follow_up_on"])],
                    "consultations", {"table": "visits", "id": v["id"],
                                      "person_id": person_id}))
            for m in queries.cso_roles(conn, person_id):
                rows[self.roles].append((
                    [m["name"] or m["short_name"] or "",
                     tr_vocab("org_member_roles", m["role"]), _dated(format_date, m["since"]),
                     _dated(format_date, m["until"])],
                    "csos", {"table": "organizations", "id": m["organization_id"]}))
        for table, items in rows.items():
            fill_rows(table, [cells for cells, _screen, _item in items])
            self._targets[table] = [(screen, item) for _cells, screen, item in items]
        self._set_tab_titles({table: len(items) for table, items in rows.items()})
        for index in range(1, self.tabs.count()):
            self.tabs.setTabEnabled(index, person_id is not None)

    def _set_tab_titles(self, counts: dict[QTableWidget, int]) -> None:
        for tree, title in ((self.events, self.tr("Events")),
                            (self.ideas, self.tr("Ideas")),
                            (self.visits, self.tr("Advice visits")),
                            (self.roles, self.tr("CSOs"))):
            count = counts.get(tree, 0)
            self.tabs.setTabText(self.tabs.indexOf(tree),
                                 f"{title} ({format_count(count)})" if count else title)

    def history_count(self, kind: str) -> int:
        """Rows shown in a history list: "events", "ideas", "visits" or "roles"."""
        table: QTableWidget = getattr(self, kind)
        return table.rowCount()

    def _feedback(self, row: dict[str, Any]) -> str:
        parts = []
        if row.get("rating"):
            parts.append(self.tr("rating {rating}/5").format(rating=row["rating"]))
        if row.get("knowledge_improved") == 1:
            parts.append(self.tr("learned something"))
        if row.get("would_recommend") == 1:
            parts.append(self.tr("would recommend"))
        if row.get("feedback_comment"):
            parts.append(f"«{row['feedback_comment']}»")
        return " · ".join(parts)

    def _history_activated(self, cell: QTableWidgetItem) -> None:
        table = cell.tableWidget()
        index = row_index(table, cell.row())
        if table in self._targets and index is not None:
            self.open_item.emit(*self._targets[table][index])

    # -- internals ------------------------------------------------------------------------

    def meta_text(self, record: dict[str, Any]) -> str:
        parts = [self.tr("Registered {date}").format(date=format_date(record["created_at"]))]
        office = common.record(self.ctx.store.conn, "offices", record.get("office_id"))
        if office:
            parts.append(office.get("short_name") or office.get("name") or "")
        if record.get("updated_at") and record["updated_at"] != record["created_at"]:
            parts.append(self.tr("changed {date}").format(
                date=format_date(record["updated_at"])))
        return " · ".join(parts)

    def _birth_year_changed(self) -> None:
        year = self.form.field("birth_year").value()
        if year and 1900 <= year <= date.today().year:
            self.form.field("age_group").set_value(age_group_for(year))
        self._age_group_enabled()

    def _age_group_enabled(self) -> None:
        """The age group follows the birth year; it is chosen only when the year is unknown."""
        known = self.form.field("birth_year").value() is not None
        control = self.form.field("age_group").control
        control.setEnabled(not known)
        control.setToolTip(self.tr("Worked out from the birth year") if known else "")

    def update_buttons(self, *_: Any) -> None:
        super().update_buttons()
        new = self.is_new
        self.merge_button.setVisible(not new)
        self.export_all_button.setVisible(not new)
        self.history_button.setVisible(not new)
        forgotten = bool(self.record and self.record.get("forgotten_at"))
        self.forget_button.setVisible(not new and not forgotten)

    def ask_export_target(self, suggested: str) -> Path | None:
        """Where to save (a file dialog; tests replace this)."""
        from PySide6.QtCore import QStandardPaths
        from PySide6.QtWidgets import QFileDialog

        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        name, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Save everything kept about the person"),
            str(Path(folder) / suggested),
            self.tr("PDF for the person (*.pdf);;JSON, for another program (*.json)"))
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() not in (".pdf", ".json"):
            path = path.with_suffix(".json" if "json" in chosen.lower() else ".pdf")
        return path

    def _export_all_clicked(self) -> None:
        """The right of access: everything this device holds about the person, as a PDF in
        Ukrainian to hand over (or JSON), written on a worker."""
        from desktop.store.queries.person_data import everything_about
        from desktop.ui.person_access import office_name, save_access
        from desktop.ui.workers import plain_message, run_in_background

        if not self.person_id or self.record is None:
            return
        data = everything_about(self.ctx.store.conn, self.person_id)
        if data is None:
            return
        name = person_name(self.record)
        target = self.ask_export_target(f"{name}.pdf")
        if target is None:
            return
        office = office_name(self.ctx.store.conn, self.record.get("office_id"))

        def done(path: Path) -> None:
            self.ctx.bus.status_message.emit(self.tr(
                "Everything kept about {name} was saved to {file}.").format(name=name,
                                                                           file=path))
            self.exported.emit(str(path))

        def failed(error: BaseException) -> None:
            self.ctx.bus.status_message.emit(plain_message(error))

        run_in_background(self, lambda _job: save_access(data, target, office), done, failed,
                          label=self.tr("Saving everything kept about {name}…").format(
                              name=name), cancellable=False)

    def confirm_forget(self, name: str) -> bool:
        """Ask before forgetting (tests replace this)."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Forget {name}?").format(name=name),
                          self.tr(
            "{name} asked for their personal data to be removed.\n\n"
            "Their name, birth year, contacts, address, notes, files and what was written "
            "about them will be removed from this computer and its backups now, and from "
            "the platform and every other office computer with the next sync. This cannot "
            "be undone.\n\nTheir gender, age group and settlement stay, and so do their "
            "check-ins: the office's reports do not change.").format(name=name),
            QMessageBox.StandardButton.Cancel, self)
        forget = box.addButton(self.tr("Forget"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is forget

    def _forget_clicked(self) -> None:
        """The right to erasure (desktop/store/forget.py): the record and its history change
        at once; the file's free space and the backups are cleaned on a worker."""
        from desktop.store import forget
        from desktop.ui.workers import plain_message, run_in_background

        if not self.person_id or self.record is None:
            return
        person_id, name = self.person_id, person_name(self.record)
        if not self.confirm_forget(name):
            return
        with self.ctx.changes():
            try:
                done = forget.forget_person(self.ctx.store, person_id,
                                            attachments_dir=self.ctx.paths.attachments,
                                            user_id=self.ctx.store.user_id, finish=False)
            except Exception as exc:  # nothing was changed: the transaction rolled back
                self.ctx.bus.status_message.emit(plain_message(exc))
                return
            self.record = self.ctx.store.get("people", person_id)
        self.forgotten.emit(person_id)
        store = self.ctx.store

        def finished(result: tuple[list[Path], list[Path]]) -> None:
            cleaned, failed_backups = result
            message = self.tr(
                "{name} was forgotten on this computer: {records} records and {history} "
                "earlier values changed, {files} files and {backups} backups cleaned. The "
                "platform and other computers follow with the next sync.").format(
                    name=name, records=done.records, history=done.history, files=done.files,
                    backups=len(cleaned))
            if failed_backups:
                message += " " + self.tr("{n} backups could not be opened: delete them by "
                                         "hand.").format(n=len(failed_backups))
            self.ctx.bus.status_message.emit(message)
            self.forget_finished.emit(person_id)

        def failed(error: BaseException) -> None:
            self.ctx.bus.status_message.emit(plain_message(error))
            self.forget_finished.emit(person_id)

        run_in_background(
            self, lambda _job: forget.finish_forgetting(store.path, store.backups_dir,
                                                        person_id),
            finished, failed, label=self.tr("Removing {name} from the backups…").format(
                name=name), cancellable=False)

    def _merge_clicked(self) -> None:
        if self.person_id:
            self.merge_requested.emit(self.person_id)


class PeopleScreen(ProfileScreen):
    link_field = "person_id"
    key = "people"
    title = QT_TRANSLATE_NOOP("Screens", "People")
    icon = "people"
    watches = frozenset({"people", "attendance", "ideas", "visits", "org_members",
                         "organizations", "events", "settlements", "offices", "submissions"})

    #: Emitted after the possible duplicates were (re)loaded (tests wait for it).
    duplicates_loaded = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.merge_dialog: MergeDialog | None = None
        self.pick_dialog: PickPersonDialog | None = None
        self._pairs: list[tuple[str, str, str]] = []
        self._loading_pairs = False
        self._first_load = True

        self.merge_selected_button = button(
            self.tr("&Merge selected…"), self, self._merge_selected,
            name=self.tr("Merge the two selected people"), tip=self.tr(
                "Select two records of the same person in the list (Ctrl+click), then merge "
                "them."))
        self.merge_selected_button.setEnabled(False)
        self.duplicates_banner = Banner("", self.tr("&Review"), self)
        self.duplicates_banner.button.setAccessibleName(self.tr("Review possible duplicates"))
        self.duplicates_banner.action_clicked.connect(self.show_duplicates)
        self.duplicates_banner.setVisible(False)
        self.left = QStackedWidget(self)
        self.left.addWidget(self._build_list())
        self.left.addWidget(self._build_duplicates())
        self.profile = PersonProfile(ctx, self)
        self.profile.merge_requested.connect(self.merge_with)
        self.profile.open_item.connect(self._open_item)
        self.profile.consent_changed.connect(self._consent_changed)
        self.profile.history_requested.connect(self._show_history)
        self.splitter = self.build_frame(
            self.left, self.profile, buttons=[self.merge_selected_button],
            banners=[self.duplicates_banner],
            new=(self.tr("&New person"), self.tr("Register a new person"),
                 self.tr("Register a new person (Ctrl+N)")),
            import_tip=self.tr("Bring in a list of people from Excel (XLSX or CSV)"))

    # -- building -------------------------------------------------------------------------

    def _build_list(self) -> QWidget:
        self.model = PagedTableModel(self.ctx.store.conn, self.ctx.store.path, [
            *people_columns(),
            Column(("consent_given_at", "consent_withdrawn_at"), self.tr("Consent"),
                   self._consent_cell, align=CENTER),
        ], parent=self)
        # sorted by header (the name by the Ukrainian alphabet); two rows chosen to merge
        self.pane = ListPane(
            self.model, self._query, name=self.tr("People"),
            placeholder=self.tr("Find by surname, name or phone (Ctrl+F)"),
            search_name=self.tr("Find a person"), samples={**PEOPLE_SAMPLES, 4: "—"},
            multi=True, parent=self)
        self.gender_filter = combo(self.pane, self.tr("Filter by gender"),
                                   vocab_items("genders"), self.tr("All genders"))
        self.settlement_filter = combo(self.pane, self.tr("Filter by settlement"), min_chars=12)
        self.consent_filter = combo(self.pane, self.tr("Filter by consent"), [
            (None, self.tr("Any consent")), (queries.CONSENT_GIVEN, self.tr("Consent given")),
            (queries.CONSENT_MISSING, self.tr("No consent")),
            (queries.CONSENT_WITHDRAWN, self.tr("Consent withdrawn"))])
        self.pane.add_filters(self.gender_filter, self.settlement_filter, self.consent_filter)
        self.pane.empty_texts = (
            self.tr("Nobody matches. Check the spelling, try fewer letters, or register the "
                    "person with Ctrl+N."),
            self.tr("Nobody is registered yet. Register the first person with Ctrl+N."))
        self.search, self.view, self.empty_label = \
            self.pane.search, self.pane.view, self.pane.empty_label
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        return self.pane

    def _build_duplicates(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(section_title(self.tr("Possible duplicates"), page))
        layout.addWidget(hint(self.tr(
            "These records share a phone number, or a name and birth year. Compare each "
            "pair: merge them if they are the same person, or mark them as different "
            "people."), page))
        self.dup_list = QListWidget(page)
        self.dup_list.setAccessibleName(self.tr("Possible duplicates"))
        self.dup_list.setItemDelegate(TwoLineDelegate(self.dup_list))
        self.dup_list.setAlternatingRowColors(True)
        self.dup_list.itemActivated.connect(self._compare_pair)
        self.dup_list.currentRowChanged.connect(self._pair_changed)
        layout.addWidget(self.dup_list, 1)
        buttons = QHBoxLayout()
        self.dup_back_button = button(self.tr("&Back to the list"), page, self.show_list)
        self.dup_dismiss_button = button(self.tr("&Not the same person"), page, self.dismiss_pair,
                                         name=self.tr("Not the same person"))
        self.dup_merge_button = button(self.tr("&Compare and merge…"), page, self._compare_pair,
                                       name=self.tr("Compare and merge"))
        buttons.addWidget(self.dup_back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.dup_dismiss_button)
        buttons.addWidget(self.dup_merge_button)
        layout.addLayout(buttons)
        return page

    # -- Screen ---------------------------------------------------------------------------

    def refresh(self) -> None:
        self._reload_settlements()
        self.profile.reload_choices()
        self.apply_search()
        self.profile.reload()
        self.load_duplicates()

    def search_box(self) -> SearchEdit:
        if self.left.currentIndex() != 0:
            self.show_list()
        return self.search

    # -- list -----------------------------------------------------------------------------

    def _query(self) -> Any:
        return queries.people_list(
            self.search.text(), gender=self.gender_filter.currentData(),
            settlement_id=self.settlement_filter.currentData(),
            consent=self.consent_filter.currentData())

    def _searched(self) -> None:
        super()._searched()
        self._selection_changed()

    def count_text(self, filtered: bool) -> str:
        return self.tr("Found: {count}") if filtered else self.tr("People: {count}")

    def unsaved_name(self) -> str:
        return person_name(self.profile.form.values()) or self.tr("the new person")

    def saved_message(self, created: bool) -> str:
        name = person_name(self.profile.record)
        return self.tr("{name} registered.").format(name=name) if created \
            else self.tr("Changes to {name} saved.").format(name=name)

    def _reload_settlements(self) -> None:
        current = self.settlement_filter.currentData()
        self.settlement_filter.blockSignals(True)
        self.settlement_filter.clear()
        self.settlement_filter.addItem(self.tr("All settlements"), None)
        for record_id, (name,) in common.options(self.ctx.store.conn, "settlements", "name"):
            self.settlement_filter.addItem(name or "", record_id)
        self.settlement_filter.setCurrentIndex(max(self.settlement_filter.findData(current), 0)
                                               if current else 0)
        self.settlement_filter.blockSignals(False)

    def _consent_cell(self, given: str | None, withdrawn: str | None) -> str:
        state = consent_state(given, withdrawn)
        if state == "given":
            return self.tr("yes")
        if state == "withdrawn":
            return self.tr("withdrawn")
        return "—"

    def _selection_changed(self, *_: QItemSelection) -> None:
        self.merge_selected_button.setEnabled(len(self.pane.selected_ids()) == 2)

    def selected_ids(self) -> list[str]:
        return self.pane.selected_ids()

    # -- saving, deleting -----------------------------------------------------------------

    def _consent_changed(self, person_id: str) -> None:
        self.ctx.bus.status_message.emit(self.tr("The consent of {name} was updated.").format(
            name=person_name(self.profile.record)))

    def confirm_delete(self, name: str, counts: dict[str, int]) -> bool:
        """Ask before deleting (tests replace this)."""
        linked = sum(counts.values())
        text = self.tr("Delete {name}?").format(name=name)
        if linked:
            text += "\n\n" + self.tr(
                "Their records stay, so reports do not change: events {events}, ideas "
                "{ideas}, advice visits {visits}, comments {submissions}, CSO roles "
                "{roles}.").format(
                    events=counts["attendance"], ideas=counts["ideas"],
                    visits=counts["visits"], submissions=counts["submissions"],
                    roles=counts["org_members"])
        text += "\n\n" + self.tr("You can undo this right after.")
        return questions.confirm_delete(self, text, self.tr("Delete person?"))

    def may_delete(self, record: dict[str, Any]) -> bool:
        return self.confirm_delete(person_name(record),
                                   queries.link_counts(self.ctx.store.conn, record["id"]))

    def deleted_text(self, record: dict[str, Any]) -> str:
        return self.tr("{name} was deleted.").format(name=person_name(record))

    # -- merging --------------------------------------------------------------------------

    def _merge_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 2:
            return
        current = self.profile.person_id
        first, second = (ids if current != ids[1] else (ids[1], ids[0]))
        self.start_merge(first, second)

    def merge_with(self, person_id: str) -> None:
        """Pick the other record of this person, then compare and merge."""
        dialog = PickPersonDialog(
            self.ctx, self.tr("Merge with another record"),
            self.tr("Find the other record of {name}. You will compare the two before "
                    "anything changes.").format(
                        name=person_name(self.profile.record)),
            self, exclude=person_id)
        dialog.accepted.connect(lambda: self._picked_for_merge(person_id, dialog))
        self.pick_dialog = dialog
        dialog.open()

    def _picked_for_merge(self, person_id: str, dialog: PickPersonDialog) -> None:
        other = dialog.person_id()
        if other:
            self.start_merge(person_id, other)

    def start_merge(self, first_id: str, second_id: str) -> MergeDialog | None:
        """Show the two records side by side (the first is kept unless changed)."""
        if not self.may_leave():
            return None
        try:
            dialog = MergeDialog(self.ctx, first_id, second_id, self)
        except StoreError as exc:
            QMessageBox.warning(self, self.tr("Cannot merge"), plain_message(exc))
            self.load_duplicates()
            return None
        dialog.merged.connect(self._merged)
        self.merge_dialog = dialog
        dialog.open()
        return dialog

    def _merged(self, report: MergeReport) -> None:
        self.ctx.bus.status_message.emit(self.tr(
            "The records were merged. Linked records moved to the kept one: {links}.")
            .format(links=report.links))
        self.profile.show_person(report.kept_id)
        self._select_row_of(report.kept_id)
        self.load_duplicates()

    def _open_item(self, screen: str, item: dict[str, Any]) -> None:
        self.ctx.bus.navigate.emit(screen, item)

    # -- possible duplicates --------------------------------------------------------------

    def load_duplicates(self) -> None:
        """Read the open pairs (both people still there) and update the banner and list."""
        import sqlite3

        try:
            pairs = duplicates.open_duplicates(self.ctx.store)
        except sqlite3.OperationalError:  # a database from before the duplicate list
            pairs = []
        people = queries.people_by_ids(self.ctx.store.conn,
                                       [p for a, b, _ in pairs for p in (a, b)])
        self._pairs = [(a, b, reason) for a, b, reason in pairs if a in people and b in people]
        current = self.dup_list.currentRow()
        self._loading_pairs = True
        self.dup_list.clear()
        for a, b, reason in self._pairs:
            first, second = people[a], people[b]
            entry = QListWidgetItem(f"{person_name(first)}  ↔  {person_name(second)}")
            reasons = "; ".join(translate("Dedupe", part) for part in reason.split("; "))
            details = " · ".join(filter(None, (
                reasons, self._brief(first), self._brief(second))))
            entry.setData(DETAIL_ROLE, details)
            entry.setToolTip(f"{entry.text()}\n{details}")
            entry.setData(Qt.ItemDataRole.AccessibleTextRole, f"{entry.text()}. {details}")
            self.dup_list.addItem(entry)
        if self._pairs:
            self.dup_list.setCurrentRow(min(max(current, 0), len(self._pairs) - 1))
        self._loading_pairs = False
        count = len(self._pairs)
        self.duplicates_banner.set_text(self.tr(
            "Possible duplicates to review: {count}. The same person may have been "
            "registered twice, here or on another laptop.").format(count=format_count(count)))
        self.duplicates_banner.setVisible(count > 0)
        if count == 0 and self.left.currentIndex() == 1:
            self.show_list()
        self._pair_changed()
        self.duplicates_loaded.emit(count)

    def _brief(self, person: dict[str, Any]) -> str:
        from desktop.domain.phones import format_phone

        parts = [str(person["birth_year"]) if person.get("birth_year") else "",
                 format_phone(person.get("phone"))]
        return ", ".join(p for p in parts if p)

    def duplicate_count(self) -> int:
        return len(self._pairs)

    def show_duplicates(self) -> None:
        self.left.setCurrentIndex(1)
        self.dup_list.setFocus()
        self._pair_changed()

    def show_list(self) -> None:
        self.left.setCurrentIndex(0)
        self.search.setFocus()

    def _current_pair(self) -> tuple[str, str, str] | None:
        row = self.dup_list.currentRow()
        return self._pairs[row] if 0 <= row < len(self._pairs) else None

    def _pair_changed(self, *_: Any) -> None:
        pair = self._current_pair()
        self.dup_merge_button.setEnabled(pair is not None)
        self.dup_dismiss_button.setEnabled(pair is not None)
        if pair is not None and not self._loading_pairs and self.left.currentIndex() == 1 \
                and not self.profile.is_dirty():
            self.profile.show_person(pair[0])  # the first of the pair, to compare with

    def _compare_pair(self, *_: Any) -> None:
        pair = self._current_pair()
        if pair is not None:
            self.start_merge(pair[0], pair[1])

    def dismiss_pair(self) -> None:
        """The selected pair are different people: stop offering them."""
        pair = self._current_pair()
        if pair is None:
            return
        duplicates.dismiss(self.ctx.store, pair[0], pair[1])
        self.load_duplicates()
        self.ctx.bus.status_message.emit(self.tr("Marked as different people."))

    def _show_history(self) -> None:
        window = self.window()
        if hasattr(window, "show_history"):
            window.show_history()


SCREEN = PeopleScreen
