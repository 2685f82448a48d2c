"""Events: the office's calendar of hearings, trainings and meetings, and one event's
details, attendance and feedback.

Why it looks like this: the hub administrator plans the next events and, after each one,
needs who came (by gender, for the donor's report) and what they thought of it. The list
shows what is coming first (past events one click away); the panel on the right shows the
chosen event with its counts and the two things done with it on the day: open the
check-in desk, and record feedback. Creating and editing happen in the same panel, so the
list stays in view.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.store.errors import StoreError
from desktop.store.ids import to_local
from desktop.store.queries import common
from desktop.store.queries import events as queries
from desktop.ui.context import AppContext
from desktop.ui.formatting import format_count, format_datetime, locale
from desktop.ui.forms import (
    ChoiceField,
    DateTimeField,
    MultiLineField,
    NumberField,
    RecordForm,
    TextField,
    VocabField,
)
from desktop.ui.kit import questions
from desktop.ui.kit.editor import UndoBar
from desktop.ui.kit.filters import fill_combo
from desktop.ui.kit.layout import title_row
from desktop.ui.kit.list_pane import ListPane
from desktop.ui.models import Column, PagedTableModel
from desktop.ui.screens.base import Screen
from desktop.ui.translate import is_ukrainian, tr_vocab
from desktop.ui.widgets import button, combo, hint, section_title, shortcut
from desktop.ui.workers import reader_job, run_in_background, show_error

#: Milliseconds after the last typed letter before the title search runs.


def when_text(starts_at: str | None, ends_at: str | None = None) -> str:
    """"ср, 05.11.2026 14:00–16:30" in local time."""
    start = to_local(starts_at) if starts_at else None
    if start is None:
        return format_datetime(starts_at)
    weekday = locale().dayName(start.isoweekday(), locale().FormatType.ShortFormat)
    text = f"{weekday}, {start.strftime('%d.%m.%Y %H:%M')}"
    end = to_local(ends_at) if ends_at else None
    if end is not None:
        text += "–" + (end.strftime("%H:%M") if end.date() == start.date()
                       else end.strftime("%d.%m.%Y %H:%M"))
    return text


def same_moment(stored: str | None, typed: str | None) -> bool:
    """Whether a typed local time is the moment already stored (perhaps as UTC)."""
    if not stored or not typed:
        return not stored and not typed
    a, b = to_local(stored), to_local(typed)
    return a is not None and b is not None and a.replace(second=0, microsecond=0) == \
        b.replace(second=0, microsecond=0)


class AttendanceTable(QGroupBox):
    """Registered / came / did not come, by gender, for one event."""

    ROWS = ("registered", "attended", "no_show")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Attendance"), parent)
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(16)
        heads = (self.tr("Women"), self.tr("Men"), self.tr("Other"), self.tr("Not stated"),
                 self.tr("Total"))
        for column, text in enumerate(heads, start=1):
            label = QLabel(text, self)
            label.setAlignment(Qt.AlignmentFlag.AlignRight)
            grid.addWidget(label, 0, column)
        names = {"registered": self.tr("Registered"), "attended": self.tr("Came"),
                 "no_show": self.tr("Did not come")}
        self.cells: dict[tuple[str, str], QLabel] = {}
        for row, status in enumerate(self.ROWS, start=1):
            grid.addWidget(QLabel(names[status], self), row, 0)
            for column, gender in enumerate((*queries.GENDERS, "total"), start=1):
                cell = QLabel("–", self)
                cell.setAlignment(Qt.AlignmentFlag.AlignRight)
                if gender == "total":
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                self.cells[(status, gender)] = cell
                grid.addWidget(cell, row, column)
        grid.setColumnStretch(0, 1)
        self.counts: queries.AttendanceCounts | None = None

    def show_counts(self, counts: queries.AttendanceCounts | None) -> None:
        self.counts = counts
        parts = []
        for status in self.ROWS:
            for gender in (*queries.GENDERS, "total"):
                number = None if counts is None else counts.count(
                    status, None if gender == "total" else gender)
                self.cells[(status, gender)].setText("–" if number is None
                                                     else format_count(number))
            if counts is not None:
                parts.append(f"{status}: {counts.count(status)}")
        self.setAccessibleDescription(", ".join(parts))


class EventsScreen(Screen):
    key = "events"
    title = QT_TRANSLATE_NOOP("Screens", "Events")
    icon = "events"
    watches = frozenset({"events", "attendance", "event_kinds", "offices", "settlements",
                         "organizations", "people", "meta"})

    #: The selected event's attendance counts were loaded (tests wait for it).
    counts_loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._lookups = queries.Lookups({}, {}, {})
        self._current_id: str | None = None
        self._editing_id: str | None = None
        self._editing_record: dict | None = None
        self._generation = 0
        self._filters_ready = False
        self.feedback_dialog: QWidget | None = None
        self.feedback: queries.FeedbackSummary | None = None
        self._device_office: str | None = None

        layout = QVBoxLayout(self)
        self.new_button = button(self.tr("&New event"), self, self.new_record, icon="add",
                                 tip=self.tr("Plan a new event (Ctrl+N)"),
                                 name=self.tr("New event"))
        title_row(self, self.display_title(), layout, [self.new_button])
        self.undo_banner = UndoBar(ctx, self)
        self.undo_banner.bind_shortcut(self)
        self.undo_banner.restored.connect(self._restored)
        layout.addWidget(self.undo_banner)

        # -- the list (the kit's ListPane: search, filters, table, keys) --------------------
        self.model = PagedTableModel(ctx.store.conn, ctx.store.path, [
            Column("starts_at", self.tr("When"), when_text),
            Column("title", self.tr("Title"), tooltip=lambda title: title or ""),
            Column("kind", self.tr("Type"), self._kind_name),
            Column("office_id", self.tr("Office"),
                   lambda oid: self._lookups.offices.get(oid or "", ""),
                   sort="(SELECT o.name FROM offices AS o WHERE o.id = t.office_id)"),
            Column("status", self.tr("Status"),
                   lambda code: tr_vocab("event_statuses", code)),
        ], parent=self)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.pane = ListPane(
            self.model, self._query, name=self.tr("Events"),
            placeholder=self.tr("Search by title…"),
            search_name=self.tr("Search events by title"), stretch=1,
            samples={0: "пн, 00.00.0000 00:00", 2: "Громадські слухан", 3: "Стадниця",
                     4: "Заплановано"}, parent=left)
        self.search, self.view = self.pane.search, self.pane.view
        self.period = combo(self, self.tr("Period"), [
            ("upcoming", self.tr("Upcoming")), ("this_week", self.tr("This week")),
            ("this_month", self.tr("This month")), ("next_30_days", self.tr("Next 30 days")),
            ("past", self.tr("Past")), ("all", self.tr("All dates"))])
        self.office = combo(self, self.tr("Office"), min_chars=14)
        self.kind = combo(self, self.tr("Type of event"), min_chars=14)
        self.pane.add_filters((self.tr("&When:"), self.period),
                              (self.tr("O&ffice:"), self.office), (self.tr("Ty&pe:"), self.kind))
        self.pane.chosen.connect(self._chosen)
        self.pane.activated.connect(self._activated)
        self.pane.delete_requested.connect(self._delete_requested)
        self.model.total_changed.connect(self._total_changed)
        self.model.modelReset.connect(self._reselect)
        self.total = hint("", self)
        left_layout.addWidget(self.pane, 1)
        left_layout.addWidget(self.total)

        # -- the panel: nothing chosen / details / form -----------------------------------------
        self.panel = QStackedWidget(self)
        self.empty_page = hint(self.tr(
            "Choose an event in the list to see who came, open the check-in desk or record "
            "feedback. To plan a new one, press Ctrl+N."), self.panel)
        self.empty_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.panel.addWidget(self.empty_page)
        self.details_page = self._build_details()
        self.panel.addWidget(self.details_page)
        self.form_page = self._build_form()
        self.panel.addWidget(self.form_page)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([640, 470])
        layout.addWidget(splitter, 1)

        # -- keyboard -----------------------------------------------------------------------
        shortcut(Qt.Key.Key_F2, self, self.edit_current)
        shortcut(Qt.Key.Key_Escape, self.form_page, self.cancel_edit)


    # -- building the panel -----------------------------------------------------------------

    def _build_details(self) -> QWidget:
        page = QWidget(self.panel)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 0, 0, 0)
        self.detail_title = section_title("", page)
        self.detail_title.setWordWrap(True)
        self.detail_title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.detail_title)
        info = QFormLayout()
        info.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.detail_fields: dict[str, QLabel] = {}
        for name, text in (
            ("when", self.tr("When")), ("kind", self.tr("Type")), ("place", self.tr("Place")),
            ("office", self.tr("Office")), ("organiser", self.tr("Organised by")),
            ("level", self.tr("Participation")), ("status", self.tr("Status")),
            ("capacity", self.tr("Places")), ("description", self.tr("Description")),
        ):
            value = QLabel(page)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(text)
            caption = QLabel(text + ":", page)
            info.addRow(caption, value)
            self.detail_fields[name] = value
        layout.addLayout(info)
        self.attendance = AttendanceTable(page)
        layout.addWidget(self.attendance)
        self.feedback_label = hint("", page)
        self.feedback_label.setAccessibleName(self.tr("Feedback"))
        layout.addWidget(self.feedback_label)
        buttons = QGridLayout()
        self.checkin_button = button(self.tr("Open &check-in"), page, self.open_checkin,
                                     tip=self.tr("Check people in at the door for this event"),
                                     icon="checkin")
        self.feedback_button = button(self.tr("Record &feedback…"), page, self.open_feedback,
                                      tip=self.tr("Enter what participants said about the event"))
        self.edit_button = button(self.tr("&Edit"), page, self.edit_current,
                                  tip=self.tr("Change this event (F2)"))
        self.delete_button = button(self.tr("&Delete…"), page, self.delete_current,
                                    tip=self.tr("Delete this event (Del); it can be undone"))
        self.import_button = button(self.tr("&Import the list…"), page, self.import_attendance,
                                    tip=self.tr("Bring in this event's attendance list from "
                                                "Excel (XLSX or CSV)"))
        self.sheet_button = button(self.tr("Sign-in &sheet…"), page,
                                   lambda: self.open_paper("sheet"),
                                   tip=self.tr("Print the sign-in sheet: the registered people "
                                               "and empty rows for walk-ins"))
        self.certificates_button = button(self.tr("Certifica&tes…"), page,
                                          lambda: self.open_paper("certificates"),
                                          tip=self.tr("Participation certificates for everyone "
                                                      "who attended"))
        buttons.addWidget(self.checkin_button, 0, 0)
        buttons.addWidget(self.feedback_button, 0, 1)
        buttons.addWidget(self.import_button, 0, 2)
        self.badges_button = button(self.tr("&Badges…"), page, lambda: self.open_paper("badges"),
                                    tip=self.tr("Name badges or invitations with a QR code for "
                                                "one-Enter check-in"))
        buttons.addWidget(self.sheet_button, 1, 0)
        buttons.addWidget(self.certificates_button, 1, 1)
        buttons.addWidget(self.badges_button, 1, 2)
        buttons.addWidget(self.edit_button, 2, 0)
        buttons.addWidget(self.delete_button, 2, 1)
        layout.addLayout(buttons)
        layout.addStretch(1)
        return page

    def _build_form(self) -> QWidget:
        page = QWidget(self.panel)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 0, 0, 0)
        self.form_title = section_title("", page)
        layout.addWidget(self.form_title)
        self.form = RecordForm("events", [
            TextField("title", placeholder=self.tr("e.g. Hearing on the 2027 budget")),
            ChoiceField("kind", []),
            DateTimeField("starts_at"),
            DateTimeField("ends_at"),
            TextField("place", placeholder=self.tr("e.g. Village club, 5 Shevchenka St.")),
            ChoiceField("settlement_id", []),
            ChoiceField("office_id", []),
            NumberField("capacity", 1, 100_000),
            ChoiceField("organiser_office_id", []),
            ChoiceField("organiser_org_id", []),
            VocabField("participation_level", "participation_levels"),
            VocabField("status", "event_statuses", empty=False),
            MultiLineField("description", lines=3),
        ], save_text=None, parent=page)
        self.form.layout().setContentsMargins(0, 0, 0, 0)
        self.form.save_requested.connect(self._save_requested)
        layout.addWidget(self.form)
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel_button = button(self.tr("Cancel"), page, self.cancel_edit,
                                    tip=self.tr("Close without saving (Esc)"))
        self.save_button = QPushButton(self.tr("&Save event"), page)
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.save_button.clicked.connect(self.form.save)
        self.form.validity_changed.connect(self._validity_changed)
        self.save_button.setEnabled(self.form.is_valid())
        row.addWidget(self.cancel_button)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        layout.addStretch(1)
        last = self.form.field("description").control
        QWidget.setTabOrder(last, self.save_button)
        QWidget.setTabOrder(self.save_button, self.cancel_button)
        return page

    def _validity_changed(self, valid: bool) -> None:
        self.save_button.setEnabled(valid)
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)") if valid else "\n".join(
            self.form.errors().values()) or self.tr("Fill in the fields marked *"))

    # -- data -------------------------------------------------------------------------------

    def refresh(self) -> None:
        conn = self.ctx.store.conn
        self._lookups = queries.lookups(conn, is_ukrainian())
        self._load_filters()
        self.apply_filters()
        if self.panel.currentWidget() is self.details_page and self._current_id:
            self.show_event(self._current_id)

    def _load_filters(self) -> None:
        device = self.ctx.office_id
        office = self.office.currentData()
        if not self._filters_ready or office == self._device_office:
            office = device  # the list follows this device's office unless changed
        self._device_office = device
        fill_combo(self.office, sorted(self._lookups.offices.items(), key=lambda item: item[1]),
                   self.tr("All offices"))
        with QSignalBlocker(self.office):
            self.office.setCurrentIndex(max(self.office.findData(office), 0) if office else 0)
        fill_combo(self.kind, list(self._lookups.kinds.items()), self.tr("All types"))
        self._filters_ready = True

    def apply_filters(self) -> None:
        """Run the list's query for the current search, period, office and type."""
        self.pane.apply()

    def _query(self) -> Any:
        office = self.office.currentData()
        self.view.setColumnHidden(3, office is not None)
        return queries.event_list(
            self.today(), period=self.period.currentData() or "upcoming", office_id=office,
            kind=self.kind.currentData(), search=self.search.text())

    def _total_changed(self, total: int) -> None:
        self.total.setText(self.tr("Events shown: {count}").format(count=format_count(total))
                           if total >= 0 else "")

    def _kind_name(self, code: str | None) -> str:
        return self._lookups.kinds.get(code or "", code or "")

    def _reselect(self) -> None:
        if self._current_id is None:
            # Nothing chosen yet: show the first (the next coming) event rather than a blank.
            if self.model.rowCount() and self.panel.currentWidget() is self.empty_page:
                QTimer.singleShot(0, self._select_first)
            return
        self.pane.select_id(self._current_id)  # the details already show it: no reload

    def _chosen(self, event_id: str) -> None:
        if self.panel.currentWidget() is not self.form_page:
            self.show_event(event_id)

    def _activated(self, event_id: str) -> None:
        self.show_event(event_id)
        self.edit_current()

    def _delete_requested(self, _event_id: str) -> None:
        self.delete_current()

    def _select_first(self) -> None:
        if self._current_id is None and self.model.rowCount() \
                and self.panel.currentWidget() is self.empty_page:
            self.select_row(0)

    def prepare_screenshot(self, day: date) -> None:
        """Show the demo database as on its reference day (the screenshot script)."""
        self.set_today(day)

    def select_row(self, row: int) -> None:
        """Make a row of the list current (its details are shown)."""
        self.view.setCurrentIndex(self.model.index(row, 1))

    def current_event_id(self) -> str | None:
        return self._current_id

    # -- details ----------------------------------------------------------------------------

    def show_event(self, event_id: str) -> None:
        """Show one event's details and load its attendance counts in the background."""
        event = queries.event_details(self.ctx.store.conn, event_id, is_ukrainian())
        if event is None:
            self._current_id = None
            self.panel.setCurrentWidget(self.empty_page)
            return
        self._current_id = event_id
        self.detail_title.setText(event["title"] or "")
        place = ", ".join(p for p in (event["place"], event["settlement_name"]) if p)
        organisers = ", ".join(p for p in (event["organiser_office_name"],
                                           event["organiser_org_name"]) if p)
        values = {
            "when": when_text(event["starts_at"], event["ends_at"]),
            "kind": event["kind_name"] or tr_vocab("event_kinds", event["kind"]),
            "place": place,
            "office": event["office_name"] or "",
            "organiser": organisers,
            "level": tr_vocab("participation_levels", event["participation_level"]),
            "status": tr_vocab("event_statuses", event["status"]),
            "capacity": format_count(event["capacity"]) if event["capacity"] else "",
            "description": event["description"] or "",
        }
        for name, label in self.detail_fields.items():
            label.setText(values[name] or "—")
        self.attendance.show_counts(None)
        self.feedback_label.setText("")
        self.panel.setCurrentWidget(self.details_page)
        self._generation += 1
        generation = self._generation

        def load(conn: Any, job: Any) -> tuple[queries.AttendanceCounts,
                                                 queries.FeedbackSummary]:
            return (queries.attendance_counts(conn, event_id),
                    queries.feedback_summary(conn, event_id))

        def show(result: tuple[queries.AttendanceCounts, queries.FeedbackSummary]) -> None:
            if generation == self._generation:
                counts, feedback = result
                self.attendance.show_counts(counts)
                self.feedback = feedback
                self.feedback_label.setText(self._feedback_text(feedback))
                self.counts_loaded.emit()

        run_in_background(self, reader_job(self.ctx.store.path, load), show,
                          progress=False, busy_cursor=False)

    def _feedback_text(self, feedback: queries.FeedbackSummary) -> str:
        if not feedback.answers:
            return self.tr("No feedback recorded yet.")

        def percent(value: float | None) -> str:
            return "—" if value is None else f"{round(value)}%"

        rating = "—" if feedback.average_rating is None else \
            locale().toString(feedback.average_rating, "f", 1)
        return self.tr("Feedback from {answers} people: knowledge improved {knowledge}, "
                       "would recommend {recommend}, average rating {rating}.").format(
            answers=format_count(feedback.answers),
            knowledge=percent(feedback.knowledge_improved_pct),
            recommend=percent(feedback.would_recommend_pct), rating=rating)

    def show_item(self, item: dict[str, Any]) -> None:
        event_id = item.get("id") or item.get("event_id")
        if event_id:
            if self._stale:
                self._refresh_now()
            self.show_event(event_id)
            self._reselect()

    def open_checkin(self) -> None:
        if self._current_id:
            self.ctx.bus.navigate.emit("checkin", {"event_id": self._current_id})

    def open_paper(self, kind: str) -> None:
        from desktop.ui.paper_dialog import PaperDialog

        if self._current_id:
            PaperDialog(self.ctx, self._current_id, kind, self).exec()

    def import_attendance(self) -> None:
        from desktop.ui.import_dialog import ImportDialog

        if not self._current_id:
            return
        event = self.ctx.store.get("events", self._current_id) or {}
        ImportDialog(self.ctx, "attendance", self, event_id=self._current_id,
                     event_title=event.get("title") or "").exec()

    def open_feedback(self) -> None:
        if not self._current_id:
            return
        from desktop.ui.feedback import FeedbackDialog

        dialog = FeedbackDialog(self.ctx, self._current_id, self)
        self.feedback_dialog = dialog
        dialog.open()

    # -- create and edit --------------------------------------------------------------------

    def new_record(self) -> bool:
        self._open_form(None)
        return True

    def edit_current(self) -> None:
        if self._current_id and self.panel.currentWidget() is not self.form_page:
            self._open_form(self._current_id)

    def _load_form_choices(self) -> None:
        conn = self.ctx.store.conn
        uk = is_ukrainian()
        self.form.field("kind").set_items(queries.event_kinds(conn, uk))  # type: ignore[attr-defined]
        offices = [(oid, name) for oid, (name, short) in common.options(
            conn, "offices", ["name", "short_name"], order_by=["name"])]
        self.form.field("office_id").set_items(offices)  # type: ignore[attr-defined]
        self.form.field("organiser_office_id").set_items(offices)  # type: ignore[attr-defined]
        self.form.field("settlement_id").set_items(  # type: ignore[attr-defined]
            common.settlement_choices(conn))
        self.form.field("organiser_org_id").set_items(  # type: ignore[attr-defined]
            [(oid, name) for oid, (name,) in common.options(conn, "organizations", "name")])

    def _open_form(self, event_id: str | None) -> None:
        self._load_form_choices()
        record = common.record(self.ctx.store.conn, "events", event_id) if event_id else None
        if event_id and record is None:
            return
        self._editing_id = event_id
        self._editing_record = record
        if record is None:
            self.form_title.setText(self.tr("New event"))
            self.form.set_record({"office_id": self.ctx.office_id, "status": "planned",
                                  "organiser_office_id": self.ctx.office_id})
        else:
            self.form_title.setText(self.tr("Edit event"))
            self.form.set_record(record)
        self._validity_changed(self.form.is_valid())
        self.panel.setCurrentWidget(self.form_page)
        self.form.field("title").control.setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> bool:
        if self.panel.currentWidget() is not self.form_page:
            return False
        return self.form.save()

    def cancel_edit(self) -> None:
        if self.panel.currentWidget() is not self.form_page:
            return
        self._editing_id = None
        if self._current_id:
            self.show_event(self._current_id)
        else:
            self.panel.setCurrentWidget(self.empty_page)
        self.view.setFocus()

    def _save_requested(self, values: dict[str, Any]) -> None:
        store = self.ctx.store
        values = dict(values)
        with self.ctx.changes():
            try:
                if self._editing_id is None:
                    record = store.insert("events", values)
                    message = self.tr("Event «{title}» saved.").format(title=record["title"])
                else:
                    current = self._editing_record or {}
                    # A UTC moment shown in local time and left alone is not a change.
                    for name in ("starts_at", "ends_at"):
                        if same_moment(current.get(name), values.get(name)):
                            values.pop(name, None)
                    record = store.update("events", self._editing_id, values)
                    message = self.tr("Changes to «{title}» saved.").format(title=record["title"])
            except StoreError as error:
                show_error(self, error)
                return
            self._editing_id = None
            self._current_id = record["id"]
        self.ctx.bus.status_message.emit(message)
        self.show_event(record["id"])
        self._reselect()
        self.view.setFocus()

    # -- delete and undo --------------------------------------------------------------------

    def confirm_delete(self, title: str, attended: int) -> bool:
        """Ask before deleting (tests replace this)."""
        text = self.tr("Delete the event «{title}»?").format(title=title)
        if attended:
            text += "\n\n" + self.tr(
                "{count} attendance records stay in the database but are no longer shown "
                "with the event.").format(count=format_count(attended))
        text += "\n\n" + self.tr("You can undo this right after.")
        return questions.confirm_delete(self, text, self.tr("Delete event"))

    def delete_current(self) -> None:
        event_id = self._current_id
        if not event_id or self.panel.currentWidget() is self.form_page:
            return
        record = common.record(self.ctx.store.conn, "events", event_id)
        if record is None:
            return
        counts = queries.attendance_counts(self.ctx.store.conn, event_id)
        people = sum(counts.count(s) for s in counts.by_status)
        if not self.confirm_delete(record["title"] or "", people):
            return
        with self.ctx.changes():
            self.ctx.store.delete("events", event_id)
            self._current_id = None
            self.panel.setCurrentWidget(self.empty_page)
        self.undo_banner.offer(self.tr("The event «{title}» was deleted.").format(
            title=record["title"] or ""), "events", event_id)
        self.view.setFocus()

    def _restored(self, _table: str, event_id: str) -> None:
        self._current_id = event_id
        self.show_event(event_id)
        self._reselect()

    # -- keyboard ---------------------------------------------------------------------------

    def search_box(self) -> QLineEdit:
        return self.search

    def current_record(self) -> tuple[str, str] | None:
        event_id = self.current_event_id()
        return ("events", event_id) if event_id else None


SCREEN = EventsScreen
