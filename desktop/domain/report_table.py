"""A report as plain data (title, period, sections of tables), and how figures become one.

Why: the screen, the PDF and the Excel file must show the same tables with the same
headings, so the layout is decided once here and each output only renders it. No Qt: the
labels are English, marked with QT_TRANSLATE_NOOP("Report", ...), and `build_report` takes
the translation function, so the CLI or a test can build a report in English without a GUI.

Cells hold numbers as numbers (Excel must be able to add them up); a column's `kind` says
how to show them, and a single cell can override it with `Cell(value, kind)`. None means
"cannot be computed" (a percentage of nothing) and is shown as a dash.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from desktop.domain import kpi, vocab
from desktop.domain.i18n import QT_TRANSLATE_NOOP

Translate = Callable[[str, str], str]

#: Column kinds.
TEXT, INT, PERCENT, DECIMAL = "text", "int", "percent", "decimal"


@dataclass(frozen=True)
class Cell:
    """A value whose kind differs from its column's (in the key-figures table)."""

    value: Any
    kind: str


@dataclass(frozen=True)
class Column:
    header: str
    kind: str = TEXT


@dataclass(frozen=True)
class Table:
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Any, ...], ...]
    note: str = ""
    total_row: bool = False  # the last row is a total (shown in bold)


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    tables: tuple[Table, ...]


@dataclass(frozen=True)
class Report:
    title: str
    office: str
    period: str
    generated: str
    sections: tuple[Section, ...]

    def section(self, key: str) -> Section:
        for section in self.sections:
            if section.key == key:
                return section
        raise KeyError(key)


def cell_kind(column: Column, value: Any) -> str:
    return value.kind if isinstance(value, Cell) else column.kind


def cell_value(value: Any) -> Any:
    return value.value if isinstance(value, Cell) else value


def format_value(value: Any, kind: str, *, group: str = "\u202f", point: str = ",") -> str:
    """A cell as text the way Ukrainian offices write numbers: 12 486, 91 %, 4,6 (a
    `Cell` is shown in its own kind)."""
    if isinstance(value, Cell):
        kind, value = value.kind, value.value
    if value is None:
        return "—"
    if kind == INT and isinstance(value, int | float):
        return f"{int(value):,}".replace(",", group)
    if kind == PERCENT and isinstance(value, int | float):
        percent = value * 100
        tenths = math.floor(percent * 10 + 0.5) / 10
        if percent > 0 and tenths < 1:  # "0 %" would read as nobody
            if tenths == 0:
                return f"<\u00a00{point}1\u00a0%"
            return f"{tenths:.1f}\u00a0%".replace(".", point)
        return f"{math.floor(percent + 0.5):d}\u00a0%"
    if kind == DECIMAL and isinstance(value, int | float):
        return f"{value:.1f}".replace(".", point)
    return str(value)


# -- building ------------------------------------------------------------------------------


class _Builder:
    def __init__(self, figures: kpi.ReportFigures, tr: Translate, lang: str) -> None:
        self.f = figures
        self._translate = tr
        self.lang = lang

    def t(self, text: str) -> str:
        return self._translate("Report", text)

    def vocab(self, name: str, code: str | None) -> str:
        if code is None:
            return self.t(QT_TRANSLATE_NOOP("Report", "Not given"))
        english = vocab.label(name, code, "en")
        if english == code and code not in vocab.codes(name):
            return code
        return self._translate("Vocab", english)

    def kind(self, code: str) -> str:
        uk, en = self.f.kind_names.get(code, (None, None))
        name = uk if self.lang.startswith("uk") else en
        if name:
            return name
        return self.vocab("event_kinds", code) if code in vocab.codes("event_kinds") else code

    def share_table(self, title: str, first: str, counts: Mapping[Any, int],
                    label: Callable[[Any], str], *, count_header: str | None = None,
                    note: str = "") -> Table:
        """Category, count, share of the total; with a total row."""
        total = sum(counts.values())
        rows = [(label(key), n, kpi.ratio(n, total)) for key, n in counts.items()]
        rows.append((self.t(QT_TRANSLATE_NOOP("Report", "Total")), total,
                     1.0 if total else None))
        return Table(title, (
            Column(first),
            Column(count_header or self.t(QT_TRANSLATE_NOOP("Report", "Number")), INT),
            Column(self.t(QT_TRANSLATE_NOOP("Report", "Share")), PERCENT),
        ), tuple(rows), note=note, total_row=True)

    def figures_table(self, title: str, rows: list[tuple[str, Any, str]],
                      note: str = "") -> Table:
        return Table(title, (
            Column(self.t(QT_TRANSLATE_NOOP("Report", "Indicator"))),
            Column(self.t(QT_TRANSLATE_NOOP("Report", "Value")), INT),
        ), tuple((name, Cell(value, kind)) for name, value, kind in rows), note=note)

    # -- sections -------------------------------------------------------------------------

    def summary(self) -> Section:
        f, t = self.f, self.t
        rows = [
            (t(QT_TRANSLATE_NOOP("Report", "Events held")), f.events.held, INT),
            (t(QT_TRANSLATE_NOOP("Report", "Participants (each person once)")),
             f.reach.unique_people, INT),
            (t(QT_TRANSLATE_NOOP("Report", "Attendances (check-ins)")), f.reach.attendances, INT),
            (t(QT_TRANSLATE_NOOP("Report", "First-time participants")), f.reach.first_time, INT),
            (t(QT_TRANSLATE_NOOP("Report", "Said their knowledge improved")),
             f.feedback.knowledge_improved, PERCENT),
            (t(QT_TRANSLATE_NOOP("Report", "Would recommend to others")),
             f.feedback.would_recommend, PERCENT),
            (t(QT_TRANSLATE_NOOP("Report", "Average rating (out of 5)")),
             f.feedback.average_rating, DECIMAL),
            (t(QT_TRANSLATE_NOOP("Report", "CSOs created")), f.csos.created, INT),
            (t(QT_TRANSLATE_NOOP("Report", "Ideas and appeals received")), f.ideas.received, INT),
            (t(QT_TRANSLATE_NOOP("Report", "Answered by the council")),
             f.ideas.share_answered, PERCENT),
            (t(QT_TRANSLATE_NOOP("Report", "Public consultations")), f.consultations.total, INT),
            (t(QT_TRANSLATE_NOOP("Report", "Advice visits")), f.visits.total, INT),
        ]
        tables = [self.figures_table(t(QT_TRANSLATE_NOOP("Report", "Key figures")), rows, note=t(
            QT_TRANSLATE_NOOP(
                "Report", "Percentages are of the people who answered the question.")))]
        if f.targets.any:
            tables.append(self.targets_table())
        return Section("summary", t(QT_TRANSLATE_NOOP("Report", "Key figures")), tuple(tables))

    def targets_table(self) -> Table:
        """Progress against the council's targets for the year(s) of the period."""
        f, t = self.f, self.t
        rows = []
        for label, target, done in (
            (t(QT_TRANSLATE_NOOP("Report", "Events held")), f.targets.events_held,
             f.events.held),
            (t(QT_TRANSLATE_NOOP("Report", "CSOs created")), f.targets.csos_created,
             f.csos.created),
            (t(QT_TRANSLATE_NOOP("Report", "People reached (each person once)")),
             f.targets.people_reached, f.reach.unique_people),
        ):
            if target is not None:
                rows.append((label, target, done, kpi.ratio(done, target)))
        return Table(t(QT_TRANSLATE_NOOP("Report", "The council's targets")), (
            Column(t(QT_TRANSLATE_NOOP("Report", "Indicator"))),
            Column(t(QT_TRANSLATE_NOOP("Report", "Target")), INT),
            Column(t(QT_TRANSLATE_NOOP("Report", "Done")), INT),
            Column(t(QT_TRANSLATE_NOOP("Report", "Share of the target")), PERCENT),
        ), tuple(rows), note=t(QT_TRANSLATE_NOOP(
            "Report", "Targets are set by the council for a year; a shorter period is "
            "measured against the whole year's target.")))

    def events(self) -> Section:
        f, t = self.f, self.t
        status = Table(t(QT_TRANSLATE_NOOP("Report", "Events of the period")), (
            Column(t(QT_TRANSLATE_NOOP("Report", "Status"))),
            Column(t(QT_TRANSLATE_NOOP("Report", "Events")), INT),
        ), (
            (t(QT_TRANSLATE_NOOP("Report", "Held")), f.events.held),
            (t(QT_TRANSLATE_NOOP("Report", "Not held yet")), f.events.not_held),
            (t(QT_TRANSLATE_NOOP("Report", "Cancelled")), f.events.cancelled),
            (t(QT_TRANSLATE_NOOP("Report", "Total")),
             f.events.held + f.events.not_held + f.events.cancelled),
        ), note=t(QT_TRANSLATE_NOOP(
            "Report", "An event counts as held when it is marked held or somebody was "
                      "checked in.")), total_row=True)
        events_header = t(QT_TRANSLATE_NOOP("Report", "Events held"))
        return Section("events", t(QT_TRANSLATE_NOOP("Report", "Events")), (
            status,
            self.share_table(t(QT_TRANSLATE_NOOP("Report", "Events held by kind")),
                             t(QT_TRANSLATE_NOOP("Report", "Kind of event")),
                             f.events.by_kind, self.kind, count_header=events_header),
            self.share_table(
                t(QT_TRANSLATE_NOOP("Report", "Events held by level of participation")),
                t(QT_TRANSLATE_NOOP("Report", "Level of participation")),
                f.events.by_level, lambda c: self.vocab("participation_levels", c),
                count_header=events_header),
        ))

    def reach(self) -> Section:
        f, t = self.f, self.t
        r = f.reach

        def breakdown(title: str, first: str, unique: Mapping, visits: Mapping,
                      label: Callable[[Any], str]) -> Table:
            total = sum(unique.values())
            rows = [(label(key), n, kpi.ratio(n, total), visits.get(key, 0))
                    for key, n in unique.items()]
            rows.append((t(QT_TRANSLATE_NOOP("Report", "Total")), total,
                         1.0 if total else None, sum(visits.values())))
            return Table(title, (
                Column(first),
                Column(t(QT_TRANSLATE_NOOP("Report", "Participants")), INT),
                Column(t(QT_TRANSLATE_NOOP("Report", "Share")), PERCENT),
                Column(t(QT_TRANSLATE_NOOP("Report", "Attendances")), INT),
            ), tuple(rows), total_row=True)

        totals = self.figures_table(t(QT_TRANSLATE_NOOP("Report", "People reached")), [
            (t(QT_TRANSLATE_NOOP("Report", "Participants (each person once)")),
             r.unique_people, INT),
            (t(QT_TRANSLATE_NOOP("Report", "Attendances (check-ins)")), r.attendances, INT),
            (t(QT_TRANSLATE_NOOP("Report", "Attendances per participant")),
             r.attendances_per_person, DECIMAL),
            (t(QT_TRANSLATE_NOOP("Report", "First-time participants")), r.first_time, INT),
            (t(QT_TRANSLATE_NOOP("Report", "Share of first-time participants")),
             r.first_time_share, PERCENT),
        ], note=t(QT_TRANSLATE_NOOP(
            "Report", "Organisers and facilitators are not counted. First-time: no check-in "
                      "in the same scope before the period.")))
        return Section("reach", t(QT_TRANSLATE_NOOP("Report", "People reached")), (
            totals,
            breakdown(t(QT_TRANSLATE_NOOP("Report", "Participants by gender")),
                      t(QT_TRANSLATE_NOOP("Report", "Gender")), r.by_gender(),
                      r.by_gender(unique=False), lambda c: self.vocab("genders", c)),
            breakdown(t(QT_TRANSLATE_NOOP("Report", "Participants by age group")),
                      t(QT_TRANSLATE_NOOP("Report", "Age group")), r.by_age(),
                      r.by_age(unique=False), lambda c: self.vocab("age_groups", c)),
        ))

    def feedback(self) -> Section:
        fb, t = self.f.feedback, self.t
        table = Table(t(QT_TRANSLATE_NOOP("Report", "Feedback from participants")), (
            Column(t(QT_TRANSLATE_NOOP("Report", "Question"))),
            Column(t(QT_TRANSLATE_NOOP("Report", "Answered “yes”")), INT),
            Column(t(QT_TRANSLATE_NOOP("Report", "Answers")), INT),
            Column(t(QT_TRANSLATE_NOOP("Report", "Result")), PERCENT),
        ), (
            (t(QT_TRANSLATE_NOOP("Report", "My knowledge improved")), fb.knowledge_yes,
             fb.knowledge_answers, fb.knowledge_improved),
            (t(QT_TRANSLATE_NOOP("Report", "I would recommend it to others")), fb.recommend_yes,
             fb.recommend_answers, fb.would_recommend),
            (t(QT_TRANSLATE_NOOP("Report", "Rating from 1 to 5 (average)")), None,
             fb.rating_answers, Cell(fb.average_rating, DECIMAL)),
        ), note=t(QT_TRANSLATE_NOOP("Report", "Feedback forms received: {count}")).format(
            count=format_value(fb.answers, INT)))
        return Section("feedback", t(QT_TRANSLATE_NOOP("Report", "Feedback")), (table,))

    def csos(self) -> Section:
        c, t = self.f.csos, self.t
        return Section("csos", t(QT_TRANSLATE_NOOP("Report", "Civil society organisations")), (
            self.figures_table(t(QT_TRANSLATE_NOOP("Report", "CSOs in figures")), [
                (t(QT_TRANSLATE_NOOP("Report", "CSOs created (registered in the period)")),
                 c.created, INT),
                (t(QT_TRANSLATE_NOOP("Report", "CSOs with a partnership memorandum")),
                 c.with_memorandum, INT),
                (t(QT_TRANSLATE_NOOP("Report", "Memoranda signed in the period")),
                 c.memoranda_signed, INT),
                (t(QT_TRANSLATE_NOOP("Report", "New CSO members")), c.new_members, INT),
            ]),
            self.share_table(t(QT_TRANSLATE_NOOP("Report", "CSOs created by legal form")),
                             t(QT_TRANSLATE_NOOP("Report", "Legal form")), c.by_legal_form,
                             lambda code: self.vocab("legal_forms", code)),
        ))

    def ideas(self) -> Section:
        i, t = self.f.ideas, self.t
        return Section("ideas", t(QT_TRANSLATE_NOOP("Report", "Ideas and appeals")), (
            self.figures_table(t(QT_TRANSLATE_NOOP("Report", "Citizens' ideas and appeals")), [
                (t(QT_TRANSLATE_NOOP("Report", "Received in the period")), i.received, INT),
                (t(QT_TRANSLATE_NOOP("Report", "Answered by the council")), i.answered, INT),
                (t(QT_TRANSLATE_NOOP("Report", "Share answered")), i.share_answered, PERCENT),
                (t(QT_TRANSLATE_NOOP("Report", "Still waiting for an answer")), i.waiting, INT),
                (t(QT_TRANSLATE_NOOP("Report", "Average days to answer")), i.average_days,
                 DECIMAL),
                (t(QT_TRANSLATE_NOOP("Report", "Answered on time")), i.share_in_time,
                 PERCENT),
                (t(QT_TRANSLATE_NOOP("Report", "Overdue, not answered")), i.overdue, INT),
            ], note=t(QT_TRANSLATE_NOOP(
                "Report", "Ideas received in the period, with their status today."))),
            self.share_table(t(QT_TRANSLATE_NOOP("Report", "By channel")),
                             t(QT_TRANSLATE_NOOP("Report", "Channel")), i.by_channel,
                             lambda code: self.vocab("idea_channels", code)),
            self.share_table(t(QT_TRANSLATE_NOOP("Report", "By status")),
                             t(QT_TRANSLATE_NOOP("Report", "Status")), i.by_status,
                             lambda code: self.vocab("idea_statuses", code)),
        ))

    def consultations(self) -> Section:
        c, v, t = self.f.consultations, self.f.visits, self.t
        return Section("consultations",
                       t(QT_TRANSLATE_NOOP("Report", "Consultations and advice visits")), (
            self.figures_table(t(QT_TRANSLATE_NOOP("Report", "Public consultations")), [
                (t(QT_TRANSLATE_NOOP("Report", "Consultations open in the period")), c.total,
                 INT),
                (t(QT_TRANSLATE_NOOP("Report", "Submissions received")), c.submissions, INT),
                (t(QT_TRANSLATE_NOOP("Report", "Submissions answered")),
                 c.submissions_answered, INT),
                (t(QT_TRANSLATE_NOOP("Report", "Share answered")), c.share_answered, PERCENT),
            ]),
            self.share_table(t(QT_TRANSLATE_NOOP("Report", "Consultations by level")),
                             t(QT_TRANSLATE_NOOP("Report", "Level of participation")),
                             c.by_level, lambda code: self.vocab("participation_levels", code)),
            self.share_table(
                t(QT_TRANSLATE_NOOP("Report", "Advice visits by participation tool")),
                t(QT_TRANSLATE_NOOP("Report", "Participation tool")), v.by_tool,
                lambda code: self.vocab("visit_tools", code),
                note=t(QT_TRANSLATE_NOOP("Report", "Different visitors: {count}")).format(
                    count=format_value(v.visitors, INT))),
        ))

    def offices(self) -> Section:
        t = self.t
        offices = self.f.offices
        rows: list[tuple[Any, ...]] = [
            (o.name, o.events_held, o.attendances, o.unique_people, o.ideas_received, o.visits,
             o.csos_created) for o in offices]
        total_row = len(offices) > 1
        if total_row:
            rows.append((t(QT_TRANSLATE_NOOP("Report", "All offices")),
                         sum(o.events_held for o in offices),
                         sum(o.attendances for o in offices), self.f.reach.unique_people,
                         sum(o.ideas_received for o in offices), sum(o.visits for o in offices),
                         sum(o.csos_created for o in offices)))
        table = Table(t(QT_TRANSLATE_NOOP("Report", "Work of each office")), (
            Column(t(QT_TRANSLATE_NOOP("Report", "Office"))),
            Column(t(QT_TRANSLATE_NOOP("Report", "Events held")), INT),
            Column(t(QT_TRANSLATE_NOOP("Report", "Attendances")), INT),
            Column(t(QT_TRANSLATE_NOOP("Report", "Participants")), INT),
            Column(t(QT_TRANSLATE_NOOP("Report", "Ideas and appeals")), INT),
            Column(t(QT_TRANSLATE_NOOP("Report", "Advice visits")), INT),
            Column(t(QT_TRANSLATE_NOOP("Report", "CSOs created")), INT),
        ), tuple(rows), total_row=total_row, note=t(QT_TRANSLATE_NOOP(
            "Report", "A person who came to several offices is a participant of each, so "
                      "the offices' participants add up to more than the total."))
            if total_row else "")
        return Section("offices", t(QT_TRANSLATE_NOOP("Report", "By office")), (table,))


def build_report(
    figures: kpi.ReportFigures, *, office: str, period: str, generated: str,
    translate: Translate = lambda context, text: text, lang: str = "en",
) -> Report:
    """Lay the figures out as sections of tables, labelled through `translate`.

    `office`, `period` and `generated` are already formatted for the reader (the UI uses
    its locale for dates); `lang` chooses between the event kinds' own names.
    """
    b = _Builder(figures, translate, lang)
    return Report(
        title=b.t(QT_TRANSLATE_NOOP("Report", "Report on the work of the office"))
        if figures.office_id is not None
        else b.t(QT_TRANSLATE_NOOP("Report", "Report on the work of the offices")),
        office=office, period=period, generated=generated,
        sections=(b.summary(), b.events(), b.reach(), b.feedback(), b.csos(), b.ideas(),
                  b.consultations(), b.offices()),
    )
