"""Consultations: public consultations with the residents' submissions, and advice visits.

Why it exists: the council consults residents on budgets, plans and rules (information,
consultation, dialogue or partnership); many residents answer on paper or in person at the
office, not online. The office records each consultation, types in the submissions it
received (with the author's consent when a name is kept), and shows the authority's
response when it comes back by sync. The authority's response is read-only on an office
device and editable on a council officer's device (`meta` "sync.role" = "council").

The second tab is the office's reception desk: advice visits (`desktop.ui.visits`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import deadlines
from desktop.domain.names import full_name, short_name
from desktop.store import authors
from desktop.store.queries import consultations as queries
from desktop.store.queries import ideas as idea_queries
from desktop.store.syncstate import ROLE
from desktop.ui import theme
from desktop.ui.context import AppContext
from desktop.ui.formatting import format_count, format_date
from desktop.ui.forms import (
    ChoiceField,
    DateField,
    MultiLineField,
    RecordForm,
    TextField,
    VocabField,
)
from desktop.ui.kit.editor import RecordEditor, UndoBar
from desktop.ui.kit.layout import scroll_area, set_council_field
from desktop.ui.kit.person_field import AuthorField, AuthorPicker
from desktop.ui.kit.tables import make_table
from desktop.ui.models import Column, PagedTableModel
from desktop.ui.screens.base import Screen
from desktop.ui.translate import tr_vocab, vocab_items
from desktop.ui.visits import VisitsPanel
from desktop.ui.widgets import button, hint, page_title, section_title


def _first_line(text: str | None) -> str:
    return " ".join((text or "").split())


class SubmissionsPanel(RecordEditor):
    """The residents' submissions to one consultation, and the one being typed in."""

    table = "submissions"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.consultation_id: str | None = None
        self._council = False
        #: The council's terms for answers and its working calendar (reload_choices).
        self._terms: tuple[Any, Any] = (None, None)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        top = QHBoxLayout()
        self.about = hint("", self)
        self.new_button = button(self.tr("&Add a submission"), self, self.new,
                                 tip=self.tr("Type in a submission received on paper or in "
                                             "person"), name=self.tr("Add a submission"),
                                 icon="add")
        top.addWidget(self.about, 1)
        top.addWidget(self.new_button)
        layout.addLayout(top)
        self.undo_bar = UndoBar(ctx, self)
        self.undo_bar.restored.connect(self._restored)
        layout.addWidget(self.undo_bar)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        self.model = PagedTableModel(ctx.store.conn, ctx.store.path, [
            Column("received_on", self.tr("Received"), format_date),
            Column(("last_name", "first_name", "patronymic"), self.tr("From"),
                   lambda *parts: short_name(*parts) or "—",
                   tooltip=lambda *parts: full_name(*parts)),
            Column("text", self.tr("Submission"), _first_line, tooltip=lambda t: t or ""),
            Column("responded_on", self.tr("Answered"), format_date),
            Column(("received_on", "responded_on", "response"), self.tr("Due"),
                   self._due_cell, sort="t.received_on"),
        ], parent=self)
        self.view = make_table(self.model, self.tr("Submissions"), 2, splitter, samples={
            0: "00.00.0000", 1: "Коваленко О. П.", 3: "00.00.0000", 4: "⚠ 00.00.0000"})
        self.view.setMinimumHeight(self.fontMetrics().height() * 6)

        self.detail = QWidget(splitter)
        detail = QVBoxLayout(self.detail)
        detail.setContentsMargins(0, 4, 0, 0)
        self.heading = section_title("", self.detail)
        detail.addWidget(self.heading)
        self.person = AuthorPicker(ctx)
        self.form = RecordForm("submissions", [
            MultiLineField("text", lines=3),
            VocabField("received_via", "received_via"),
            DateField("received_on"),
            AuthorField("person_id", self.person, self.tr("From")),
            ChoiceField("office_id", []),
            MultiLineField("response", self.tr("Authority's response"), lines=2),
            DateField("responded_on", self.tr("Response date")),
        ], fixed={"consultation_id": None}, save_text=None)
        self.form.layout().setContentsMargins(0, 0, 0, 0)
        detail.addWidget(scroll_area(self.form, self.tr("Submission details"), self.detail), 1)
        self.build_buttons(detail, self.tr("Delete this submission"),
                           self.tr("Save the submission"),
                           delete_text=self.tr("Delete s&ubmission"),
                           save_text=self.tr("Save su&bmission"))
        splitter.addWidget(self.view)
        self.finish(layout, splitter, self.detail, (200, 300), stretch=(2, 3),
                    before=[self.new_button, self.view])
        self.person.changed.connect(self.mark_dirty)

    def set_consultation(self, consultation: dict[str, Any] | None) -> None:
        """Show the submissions of one consultation (None: a consultation not saved yet)."""
        self.consultation_id = consultation["id"] if consultation else None
        self.form.fixed["consultation_id"] = self.consultation_id
        self.about.setText(
            self.tr("Submissions residents made at the office (on paper, in person, by phone) "
                    "to “{title}”.").format(title=consultation["title"]) if consultation
            else self.tr("Save the consultation first; then its submissions can be added."))
        self.setEnabled(consultation is not None)
        self.current_id = None
        self.reload_list()
        self.load(None)

    def refresh(self) -> None:
        self.reload_choices()
        self.reload_list()
        self.reload_record()

    def reload_choices(self) -> None:
        self.set_choices({"office_id": idea_queries.offices(self.ctx.store.conn)})
        self._terms = idea_queries.answer_terms(self.ctx.store.conn)

    def list_query(self) -> Any:
        return queries.submissions_query(self.consultation_id)

    def _due_cell(self, received: str | None, responded: str | None,
                  response: str | None) -> str:
        """The last day for the authority's response; ⚠ when it passed with none."""
        periods, work = self._terms
        due, state = deadlines.term_of("submission", received, bool(responded or response),
                                       responded, date.today(), periods, work)
        if due is None:
            return "—"
        late = state == "overdue"
        return ("⚠ " if late else "") + format_date(due.isoformat())

    def load(self, record_id: str | None) -> None:
        record = self.ctx.store.get("submissions", record_id) if record_id else None
        self._council = self.ctx.store.get_meta(ROLE) == "council"
        self._loading = True
        try:
            if record is None:
                self.current_id = None
                values: dict[str, Any] = {"received_on": date.today().isoformat(),
                                          "received_via": "paper",
                                          "office_id": self.ctx.office_id}
                self.heading.setText(self.tr("New submission"))
            else:
                self.current_id = record["id"]
                values = record
                self.heading.setText(self.tr("Submission of {date}").format(
                    date=format_date(record["received_on"])))
            self.set_form_record(values)
            set_council_field(self.form.field("response"), self._council,
                              self.tr("Waiting for the authority's response"))
            set_council_field(self.form.field("responded_on"), self._council)
        finally:
            self._loading = False
        self.mark_clean()
        self.delete_button.setEnabled(record is not None)

    def describe(self) -> str:
        return self.tr("this submission")

    def extra_problem(self) -> bool:
        return self.person.show_problem()

    def write(self, values: dict[str, Any]) -> str:
        values = dict(values)
        values.pop("person_id", None)
        if not self._council:  # the authority's response comes from the council by sync
            values.pop("response", None)
            values.pop("responded_on", None)
        saved = authors.save_with_author(
            self.ctx.store, "submissions", values, person_field="person_id",
            author=self.person.author(), record_id=self.current_id)
        self.ctx.bus.status_message.emit(self.tr("Submission saved."))
        return saved.record["id"]


class ConsultationsEditor(RecordEditor):
    """Public consultations: the list, the chosen one, and its submissions."""

    table = "consultations"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        bar = QHBoxLayout()
        self.build_search(self.tr("Search by title, authority or topic"),
                          self.tr("Search consultations"))
        self.level = self.filter_combo(self.tr("Participation level"),
                                       vocab_items("participation_levels"), self.tr("All levels"))
        self.status = self.filter_combo(self.tr("Status"), vocab_items("consultation_statuses"),
                                        self.tr("All statuses"))
        self.new_button = self.new_record_button(
            self.tr("&New consultation"), self.tr("New consultation"),
            self.tr("Record a new consultation (Ctrl+N)"))
        bar.addWidget(self.search, 1)
        for widget in (self.level, self.status, self.period_filter(), self.new_button):
            bar.addWidget(widget)
        layout.addLayout(bar)
        splitter = self.build_list(layout, [
            Column(("title", "authority"), self.tr("Title"), lambda title, _: title or "",
                   tooltip=lambda title, authority: "\n".join(filter(None, (title, authority)))),
            Column("status", self.tr("Status"),
                   lambda c: tr_vocab("consultation_statuses", c),
                   tooltip=lambda c: tr_vocab("consultation_statuses", c)),
            Column(("opens_on", "closes_on"), self.tr("Dates"), self._dates,
                   tooltip=self._dates),
        ], name=self.tr("Consultations"),
                                   stretch=0, samples={1: "Заплановано", 2: "00.00–00.00.0000"},
                                   count_name=self.tr("Number of consultations shown"))

        self.tabs = QTabWidget(splitter)
        self.tabs.setAccessibleName(self.tr("The chosen consultation"))
        self.detail = QWidget()
        detail = QVBoxLayout(self.detail)
        detail.setContentsMargins(6, 6, 6, 0)
        self.heading = section_title("", self.detail)
        self.heading.setWordWrap(True)
        detail.addWidget(self.heading)
        self.form = RecordForm("consultations", [
            TextField("title"),
            TextField("authority", placeholder=self.tr("Who consults: the council, a "
                                                       "department, the executive committee")),
            TextField("topic"),
            VocabField("level", "participation_levels"),
            VocabField("method", "consultation_methods"),
            DateField("opens_on"),
            DateField("closes_on"),
            VocabField("status", "consultation_statuses"),
            MultiLineField("outcome", lines=3),
            ChoiceField("office_id", []),
        ], save_text=None)
        self.form.layout().setContentsMargins(0, 0, 0, 0)
        detail.addWidget(scroll_area(self.form, self.tr("Consultation details"), self.detail),
                         1)
        self.build_buttons(detail, self.tr("Delete this consultation"),
                           self.tr("Save the consultation"))
        self.submissions = SubmissionsPanel(ctx)
        self.submissions.model.total_changed.connect(self._show_submission_count)
        self.tabs.addTab(self.detail, self.tr("Details"))
        self.tabs.addTab(self.submissions, self.tr("Submissions"))
        self.finish(layout, splitter, self.tabs, (530, 530), before=[
            self.search, self.level, self.status, self.period.combo, self.period.since,
            self.period.until, self.new_button, self.view, self.tabs])

    # -- list -----------------------------------------------------------------------------

    def _dates(self, opens: str | None, closes: str | None) -> str:
        """"03.12–29.12.2026" (the year once when both dates share it)."""
        if not opens and not closes:
            return ""
        first, last = format_date(opens), format_date(closes)
        if first and last and first[-4:] == last[-4:]:
            first = first[:-5]
        return f"{first or '…'}–{last or '…'}"

    def _show_submission_count(self, total: int) -> None:
        self.tabs.setTabText(1, self.tr("Submissions ({count})").format(
            count=format_count(total)) if total > 0 else self.tr("Submissions"))

    def refresh(self) -> None:
        super().refresh()
        self.submissions.refresh()

    def reload_choices(self) -> None:
        self.set_choices({"office_id": idea_queries.offices(self.ctx.store.conn)})

    def list_query(self) -> Any:
        text = self.search.text().strip()
        ids = queries.matching_ids(self.ctx.store.conn, text) if text else None
        since, until = self.period.bounds()
        return queries.consultations_query(
            level=self.level.currentData(), status=self.status.currentData(), since=since,
            until=until, ids=ids)

    # -- the form -------------------------------------------------------------------------

    def maybe_discard(self) -> bool:
        return self.submissions.maybe_discard() and super().maybe_discard()

    def load(self, record_id: str | None) -> None:
        record = self.ctx.store.get("consultations", record_id) if record_id else None
        self._loading = True
        try:
            if record is None:
                self.current_id = None
                values: dict[str, Any] = {"status": "planned", "office_id": self.ctx.office_id}
                self.heading.setText(self.tr("New consultation"))
            else:
                self.current_id = record["id"]
                values = record
                self.heading.setText(record["title"])
            self.set_form_record(values)
        finally:
            self._loading = False
        self.mark_clean()
        self.delete_button.setEnabled(record is not None)
        if self.submissions.consultation_id != self.current_id or record is None:
            self.submissions.set_consultation(record)

    def new(self) -> bool:
        if not super().new():
            return False
        self.tabs.setCurrentWidget(self.detail)
        self.form.fields[0].control.setFocus()
        return True

    def describe(self) -> str:
        title = self.form.field("title").value().strip()
        return self.tr("the consultation “{title}”").format(title=title) if title \
            else self.tr("this consultation")

    def write(self, values: dict[str, Any]) -> str:
        if self.current_id:
            record = self.ctx.store.update("consultations", self.current_id, values)
        else:
            record = self.ctx.store.insert("consultations", values)
        self.ctx.bus.status_message.emit(self.tr("Saved: {title}").format(
            title=record["title"]))
        return record["id"]

    def show_submission(self, submission_id: str) -> None:
        submission = self.ctx.store.get("submissions", submission_id)
        if submission is None:
            return
        self.show_record(submission["consultation_id"])
        if self.current_id == submission["consultation_id"]:
            self.tabs.setCurrentWidget(self.submissions)
            self.submissions.show_record(submission_id)


class ConsultationsScreen(Screen):
    key = "consultations"
    title = QT_TRANSLATE_NOOP("Screens", "Consultations")
    icon = "consultations"
    watches = frozenset({"consultations", "submissions", "visits", "people", "offices", "staff",
                         "meta", "*"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.display_title(), self))
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Consultations and office visits"))
        self.consultations = ConsultationsEditor(ctx)
        self.visits = VisitsPanel(ctx)
        self.tabs.addTab(self.consultations, theme.icon("consultations"),
                         self.tr("Public consultations"))
        self.tabs.addTab(self.visits, theme.icon("people"),
                         self.tr("Advice visits at the office"))
        layout.addWidget(self.tabs, 1)

    def refresh(self) -> None:
        self.consultations.refresh()
        self.visits.refresh()

    def search_box(self) -> QLineEdit | None:
        if self.tabs.currentWidget() is self.consultations:
            return self.consultations.search
        return None

    def new_record(self) -> bool:
        if self.tabs.currentWidget() is self.visits:
            return self.visits.new()
        if self.consultations.tabs.currentWidget() is self.consultations.submissions \
                and self.consultations.submissions.isEnabled():
            return self.consultations.submissions.new()
        return self.consultations.new()

    def save(self) -> bool:
        if self.tabs.currentWidget() is self.visits:
            return self.visits.save()
        if self.consultations.tabs.currentWidget() is self.consultations.submissions:
            return self.consultations.submissions.save()
        return self.consultations.save()

    def show_item(self, item: dict[str, Any]) -> None:
        if self._stale:
            self._refresh_now()
        table, record_id = item.get("table"), item.get("id")
        if not record_id:
            return
        if table == "visits":
            self.tabs.setCurrentWidget(self.visits)
            self.visits.show_record(str(record_id))
        elif table == "consultations":
            self.tabs.setCurrentWidget(self.consultations)
            self.consultations.show_record(str(record_id))
        elif table == "submissions":
            self.tabs.setCurrentWidget(self.consultations)
            self.consultations.show_submission(str(record_id))

    def current_record(self) -> tuple[str, str] | None:
        if self.tabs.currentWidget() is self.visits:
            return ("visits", self.visits.current_id) if self.visits.current_id else None
        editor = self.consultations
        if editor.tabs.currentWidget() is editor.submissions and editor.submissions.current_id:
            return ("submissions", editor.submissions.current_id)
        return ("consultations", editor.current_id) if editor.current_id else None


SCREEN = ConsultationsScreen
