"""The home screen: what needs attention at this office today.

Why it exists: a hub administrator opening the app in the morning should see, without
clicking anywhere, the events coming up, the citizens' ideas still waiting for the
council's answer, the advice visits that need a follow-up call, and whether the office's
work has reached the council's platform. Every item opens the screen where it is handled.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.names import full_name
from desktop.store.queries import common
from desktop.ui.context import AppContext
from desktop.ui.formatting import format_count, format_date, format_datetime, long_date
from desktop.ui.screens.base import Screen
from desktop.ui.translate import is_ukrainian, tr_vocab
from desktop.ui.widgets import DETAIL_ROLE, Banner, TwoLineDelegate, button, hint, page_title
from desktop.ui.workers import reader_job, run_in_background

if TYPE_CHECKING:
    from desktop.store.queries import today

ITEM_ROLE = Qt.ItemDataRole.UserRole
#: The first load starts after the first paint, or after this long without one.
FIRST_LOAD_LATEST_MS = 500


def _summary(conn: Any, office_id: str | None, day: date) -> today.TodaySummary:
    """The screen's lists, read on a worker: the queries (and their module, with its record
    types and the council's terms) are loaded there, after the window has shown."""
    from desktop.store.queries import today

    return today.summary(conn, office_id, day)


class _Panel(QGroupBox):
    """A titled list with an empty-state message, whose items open another screen."""

    item_chosen = Signal(str, object)  # (screen key, item)

    def __init__(self, title: str, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._title = title
        self.list = QListWidget(self)
        self.list.setItemDelegate(TwoLineDelegate(self.list))
        self.list.setAlternatingRowColors(True)
        self.list.setCursor(Qt.CursorShape.PointingHandCursor)
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.list.setAccessibleName(title)
        self.list.itemClicked.connect(self._chosen)
        self.list.itemActivated.connect(self._chosen)
        self.empty = hint(empty_text, self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.list)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

    def set_items(self, rows: list[tuple[str, str, str, dict[str, Any]]],
                  total: int | None = None) -> None:
        """rows: (first line, second line, screen key, navigation item)."""
        self.list.clear()
        for first, second, screen, item in rows:
            entry = QListWidgetItem(first)
            entry.setData(DETAIL_ROLE, second)
            entry.setData(ITEM_ROLE, (screen, item))
            entry.setToolTip(f"{first}\n{second}" if second else first)
            # What a screen reader says: both lines, since the delegate draws the second.
            entry.setData(Qt.ItemDataRole.AccessibleTextRole,
                          f"{first}. {second}" if second else first)
            self.list.addItem(entry)
        count = len(rows) if total is None else total
        self.setTitle(f"{self._title} ({format_count(count)})" if count else self._title)
        self.stack.setCurrentWidget(self.list if rows else self.empty)

    def _chosen(self, entry: QListWidgetItem) -> None:
        screen, item = entry.data(ITEM_ROLE)
        self.item_chosen.emit(screen, item)


class TodayScreen(Screen):
    key = "today"
    title = QT_TRANSLATE_NOOP("Screens", "Today")
    icon = "today"
    watches = frozenset({"meta", "events", "ideas", "visits", "people", "offices",
                         "event_kinds"})

    #: Emitted after the summary has been loaded and shown (tests wait for it).
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.summary: today.TodaySummary | None = None
        self._generation = 0
        # The first load waits for the window's first paint (`_start_after_paint`).
        self._painted = False
        self._pending_load: Callable[[], None] | None = None

        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.display_title(), self))
        self.subtitle = QLabel(self)
        self.subtitle.setWordWrap(True)
        layout.addWidget(self.subtitle)

        self.no_office = Banner(
            self.tr("This device is not linked to an office yet, so the lists show every "
                    "office. Choose the office in Settings."),
            self.tr("Open Settings"), self)
        self.no_office.action_clicked.connect(self._open_settings)
        self.no_office.setVisible(False)
        layout.addWidget(self.no_office)

        self.events = _Panel(self.tr("Events today and in the next two weeks"),
                             self.tr("No events are planned for the next two weeks."), self)
        self.ideas = _Panel(self.tr("Ideas and appeals waiting for the council's answer"),
                            self.tr("Every idea and appeal has been answered."), self)
        self.follow_ups = _Panel(self.tr("Follow-ups due after advice visits"),
                                 self.tr("No follow-ups are due this week."), self)
        for panel in (self.events, self.ideas, self.follow_ups):
            panel.item_chosen.connect(self._open)

        self.sync_box = QGroupBox(self.tr("Sending to the council's platform"), self)
        sync_layout = QVBoxLayout(self.sync_box)
        self.last_sync = QLabel(self.sync_box)
        self.last_sync.setWordWrap(True)
        self.pending = QLabel(self.sync_box)
        self.pending.setWordWrap(True)
        sync_layout.addWidget(self.last_sync)
        sync_layout.addWidget(self.pending)
        sync_layout.addWidget(hint(self.tr(
            "Everything is kept safely on this computer. Changes are sent whenever "
            "there is an internet connection."), self.sync_box))
        settings = button(self.tr("Settings…"), self.sync_box, self._open_settings, icon="settings")
        sync_layout.addWidget(settings, 0, Qt.AlignmentFlag.AlignLeft)
        sync_layout.addStretch(1)

        grid = QGridLayout()
        grid.addWidget(self.events, 0, 0)
        grid.addWidget(self.ideas, 0, 1)
        grid.addWidget(self.follow_ups, 1, 0)
        grid.addWidget(self.sync_box, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)
        layout.addLayout(grid, 1)
        ctx.bus.sync_finished.connect(self._sync_finished)

    # -- data -------------------------------------------------------------------------------

    def _sync_finished(self, ok: bool, message: str) -> None:
        self.mark_stale()

    def _term(self, idea: today.IdeaItem, day: date) -> str:
        """"⚠ 3 days overdue", "due 14.12.2026" or nothing (no term for the answer)."""
        if idea.due is None:
            return ""
        if idea.state == "overdue":
            return self.tr("⚠ overdue by {days} days").format(days=(day - idea.due).days)
        if idea.state == "due_soon":
            return self.tr("⌛ due {date}").format(date=format_date(idea.due.isoformat()))
        return self.tr("due {date}").format(date=format_date(idea.due.isoformat()))

    def showEvent(self, event: Any) -> None:
        # The date may have changed since the screen was last shown: always reload.
        self._stale = True
        super().showEvent(event)

    def refresh(self) -> None:
        office_id = self.ctx.office_id
        day = self.today()
        office = common.record(self.ctx.store.conn, "offices", office_id)
        where = office["name"] if office else self.tr("All offices")
        self.subtitle.setText(f"{long_date(day).capitalize()} · {where}")
        self.no_office.setVisible(office is None)
        self._generation += 1
        generation = self._generation

        def show(summary: today.TodaySummary) -> None:
            if generation == self._generation:  # an older, slower load must not win
                self._show(summary)

        def load() -> None:
            run_in_background(
                self, reader_job(self.ctx.store.path,
                                 lambda conn, job: _summary(conn, office_id, day)),
                show, progress=False, busy_cursor=False,
            )

        if self._painted:
            load()
        else:
            self._start_after_paint(load)

    def _start_after_paint(self, load: Callable[[], None]) -> None:
        """Start the app's first load once the window has been drawn.

        Why: the load imports its queries and reads on a worker, and its Python holds the
        interpreter's lock while the window is being built and drawn: starting it at once
        made the start-up 30-40 ms slower (issue 11). The lists fill in a moment later, as
        before. Half a second at most, should no paint come (a minimised window)."""
        first = self._pending_load is None
        self._pending_load = load
        if first:
            QTimer.singleShot(FIRST_LOAD_LATEST_MS, self, self._load_pending)

    def _load_pending(self) -> None:
        self._painted = True
        load, self._pending_load = self._pending_load, None
        if load is not None:
            load()

    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self, self._load_pending)  # after this paint is on screen

    def _show(self, summary: today.TodaySummary) -> None:
        self.summary = summary
        uk = is_ukrainian()
        self.events.set_items([
            (event.title,
             " · ".join(filter(None, (
                 self._when(event.starts_at.date(), summary.today)
                 + event.starts_at.strftime(" %H:%M"),
                 (event.kind_name_uk if uk else event.kind_name_en)
                 or tr_vocab("event_kinds", event.kind),
                 event.place,
                 tr_vocab("event_statuses", event.status)
                 if event.status and event.status != "planned" else "",
             ))),
             "events", {"table": "events", "id": event.id})
            for event in summary.events
        ])
        self.ideas.set_items([
            (idea.title,
             " · ".join(filter(None, (
                 self._term(idea, summary.today),
                 tr_vocab("idea_statuses", idea.status),
                 tr_vocab("idea_channels", idea.channel),
                 self.tr("received {date}").format(date=format_date(idea.received_on))
                 if idea.received_on else "",
             ))),
             "ideas", {"table": "ideas", "id": idea.id})
            for idea in summary.ideas
        ], summary.ideas_total)
        self.follow_ups.set_items([
            (full_name(f.last_name, f.first_name, f.patronymic) or self.tr("Visitor"),
             " · ".join((self._due(date.fromisoformat(f.follow_up_on), summary.today),
                         f.topic)),
             "consultations", {"table": "visits", "id": f.visit_id,
                               "person_id": f.person_id})
            for f in summary.follow_ups
        ], summary.follow_ups_total)
        sync = summary.sync
        if sync.last_finished_at:
            self.last_sync.setText(self.tr("Last sync: {when}").format(
                when=format_datetime(sync.last_finished_at)))
        else:
            self.last_sync.setText(self.tr("Not synced with the platform yet."))
        self.pending.setText(
            self.tr("Changes waiting to be sent: {count}").format(
                count=format_count(sync.pending_changes))
            if sync.pending_changes else self.tr("Nothing is waiting to be sent."))
        self.loaded.emit()

    def _when(self, day: date, base: date) -> str:
        if day == base:
            return self.tr("Today")
        if day == base + timedelta(days=1):
            return self.tr("Tomorrow")
        from desktop.ui.formatting import locale

        return f"{locale().dayName(day.isoweekday(), locale().FormatType.ShortFormat)}, " \
               f"{day.strftime('%d.%m')}"

    def _due(self, day: date, base: date) -> str:
        late = (base - day).days
        if late > 0:
            return self.tr("overdue since {date}").format(date=format_date(day))
        if late == 0:
            return self.tr("due today")
        return self.tr("due {date}").format(date=format_date(day))

    def _open_settings(self) -> None:
        self.ctx.bus.navigate.emit("settings", None)

    def _open(self, screen: str, item: dict[str, Any]) -> None:
        self.ctx.bus.navigate.emit(screen, item)


SCREEN = TodayScreen
