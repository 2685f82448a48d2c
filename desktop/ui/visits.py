"""Advice visits at the office (the Consultations screen's second tab).

Why a visit is recorded: a resident comes to the office for help with a petition, the public
budget, an appeal or registering a CSO; the office notes who came (only with their consent),
what it was about, what was done, and when to call back. The follow-up date puts the visit
on the home screen's "Follow-ups due" list, so nobody is forgotten.

The editor is a `RecordEditor` of the screen kit (`desktop.ui.kit`), like the ideas,
consultations and submissions editors.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QDate,
    QDateTime,
    QSignalBlocker,
    QTime,
)
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.names import full_name, short_name
from desktop.store import authors
from desktop.store.ids import to_local
from desktop.store.queries import ideas as idea_queries
from desktop.store.queries import visits as queries
from desktop.ui import forms as _forms
from desktop.ui.context import AppContext
from desktop.ui.formatting import format_date, format_datetime
from desktop.ui.forms import (
    ChoiceField,
    DateField,
    Field,
    MultiLineField,
    RecordForm,
    TextField,
    VocabField,
)
from desktop.ui.kit.editor import RecordEditor
from desktop.ui.kit.filters import day_start_utc, utc_stamp
from desktop.ui.kit.layout import scroll_area
from desktop.ui.kit.person_field import AuthorField, AuthorPicker
from desktop.ui.models import Column
from desktop.ui.translate import tr_vocab, vocab_items
from desktop.ui.widgets import section_title

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
        self.tool = self.filter_combo(self.tr("Participation tool"), vocab_items("visit_tools"),
                                      self.tr("All tools"))
        self.office = self.filter_combo(self.tr("Office"), [
            ("mine", self.tr("This office")), ("all", self.tr("All offices"))])
        self.due = self.filter_check(
            self.tr("Only follow-ups &due"), self.tr("Only visits whose follow-up is due"),
            self.tr("Visits whose follow-up date is within a week or passed less than a month "
                    "ago, as on the Today screen."))
        self.new_button = self.new_record_button(self.tr("&New visit"), self.tr("New visit"),
                                                 self.tr("Record a new visit (Ctrl+N)"))
        for widget in (self.period_filter(), self.tool, self.office, self.due):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.new_button)
        layout.addLayout(bar)
        splitter = self.build_list(layout, [
            Column("visited_at", self.tr("Visited"), format_datetime),
            Column(("last_name", "first_name", "patronymic"), self.tr("Visitor"),
                   self._visitor, tooltip=self._visitor_full),
            Column("topic", self.tr("Topic"), tooltip=lambda topic: topic or ""),
            Column("tool", self.tr("Tool"), lambda code: tr_vocab("visit_tools", code),
                   tooltip=lambda code: tr_vocab("visit_tools", code)),
            Column("follow_up_on", self.tr("Follow-up"), format_date),
        ], name=self.tr("Advice visits"),
                                   stretch=2, samples={0: "00.00.0000 00:00", 1: "Коваленко О. П.",
                                                         3: "Громадський", 4: "00.00.0000"},
                                   count_name=self.tr("Number of visits shown"))

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
        self.build_buttons(detail, self.tr("Delete this visit"), self.tr("Save the visit"))
        self.finish(layout, splitter, self.detail, (600, 460), before=[
            self.period.combo, self.period.since, self.period.until, self.tool, self.office,
            self.due, self.new_button, self.view])
        self.person.changed.connect(self.mark_dirty)

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

    def reload_choices(self) -> None:
        self.set_choices({"office_id": idea_queries.offices(self.ctx.store.conn)})
        self.office.setEnabled(self.ctx.office_id is not None)

    def list_query(self) -> Any:
        since, until = self.period.bounds()
        mine = self.office.currentData() == "mine" and self.ctx.office_id
        return queries.visits_query(
            office_id=self.ctx.office_id if mine else None,
            since=day_start_utc(since) if since else None,
            until=day_start_utc(until + timedelta(days=1)) if until else None,
            tool=self.tool.currentData(),
            follow_ups_due_on=self.today() if self.due.isChecked() else None)

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
        self.mark_clean()
        self.delete_button.setEnabled(record is not None)

    def describe(self) -> str:
        topic = self.form.field("topic").value().strip()
        return self.tr("the visit “{topic}”").format(topic=topic) if topic \
            else self.tr("this visit")

    def extra_problem(self) -> bool:
        return self.person.show_problem()

    def write(self, values: dict[str, Any]) -> str:
        values = dict(values)
        values["visited_at"] = utc_stamp(datetime.fromisoformat(values["visited_at"]))
        values.pop("person_id", None)
        saved = authors.save_with_author(
            self.ctx.store, "visits", values, person_field="person_id",
            author=self.person.author(), record_id=self.current_id)
        self.ctx.bus.status_message.emit(self.tr("Visit saved."))
        return saved.record["id"]



