"""Reports: the figures offices send to the city council and donors, for a chosen period.

Why it looks like this: a council officer wants totals, not lists. The top row chooses the
period (this month, last month, this quarter, this year, or any two dates) and whose work
(this office, or every office this device knows); the report is recomputed by itself,
in the background, a moment after a choice changes. The first tab shows the key figures
the source reports quote ("91 % said their knowledge improved") and three charts; the
other tabs hold the detailed tables. "Save PDF" makes a printable A4 report with the same
tables and charts, "Save Excel" a workbook the council can add up.

What is counted is defined in `desktop.domain.kpi`; the tables are laid out once in
`desktop.domain.report_table` and rendered here, in the PDF and in Excel alike.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from datetime import date, datetime
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QMargins,
    QObject,
    QRectF,
    QSignalBlocker,
    QSize,
    QStandardPaths,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QDesktopServices,
    QFont,
    QFontMetrics,
    QImage,
    QPainter,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import kpi
from desktop.domain.report_table import (
    PERCENT,
    TEXT,
    Report,
    Section,
    Table,
    build_report,
    cell_kind,
    format_value,
)
from desktop.store.queries import reports as queries
from desktop.ui import theme
from desktop.ui.context import AppContext
from desktop.ui.formatting import format_count, format_date
from desktop.ui.report_pdf import ChartImage, render_pdf
from desktop.ui.screens.base import Screen
from desktop.ui.translate import is_ukrainian, tr_vocab, translate
from desktop.ui.widgets import button, error_label, hint, page_title, section_title, shortcut
from desktop.ui.workers import Cancelled, plain_message, reader_job, run_in_background

#: Milliseconds after the last change of a choice before the report is recomputed.
RECOMPUTE_DELAY_MS = 400
#: Size of a chart in the PDF, in logical pixels (drawn at twice that for sharpness).
PRINT_CHART_SIZE = (470, 330)


# -- charts --------------------------------------------------------------------------------


def _new_chart(*, dark: bool, printing: bool) -> QChart:
    """A chart in the light or dark theme; the theme goes first, because setting it later
    repaints every series in the theme's own colours."""
    chart = QChart()
    chart.setTheme(QChart.ChartTheme.ChartThemeDark if dark and not printing
                   else QChart.ChartTheme.ChartThemeLight)
    return chart


def _style_chart(chart: QChart, *, dark: bool, printing: bool, font: QFont) -> None:
    """Colours that read on the current background (or on paper), the app's font."""
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMargins(4, 4, 4, 4))
    if printing:
        background, text = QColor("white"), QColor("#202020")
    else:
        palette = QCoreApplication.instance().palette()  # type: ignore[union-attr]
        background = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
    chart.setBackgroundBrush(QBrush(background))
    chart.setTitleBrush(QBrush(text))
    chart.setTitleFont(font)
    chart.legend().setLabelColor(text)
    chart.legend().setFont(font)
    for axis in chart.axes():
        axis.setLabelsBrush(QBrush(text))
        axis.setLabelsFont(font)
        axis.setGridLineColor(QColor(text.red(), text.green(), text.blue(), 45))
        axis.setLinePenColor(QColor(text.red(), text.green(), text.blue(), 90))


def gender_chart(counts: Mapping[str, int], *, dark: bool = False, printing: bool = False,
                 font: QFont | None = None) -> QChart:
    """People reached by gender: a doughnut with the numbers in the legend."""
    font = font or QFont()
    chart = _new_chart(dark=dark, printing=printing)
    series = QPieSeries(chart)
    series.setHoleSize(0.45)
    total = sum(counts.values())
    on_dark = dark and not printing
    colours = (("#f06292", "#64b5f6", "#ba68c8", "#bdbdbd") if on_dark
               else ("#c2185b", "#1e88e5", "#8e24aa", "#9e9e9e"))
    for (code, n), colour in zip(counts.items(), colours, strict=False):
        if not n:
            continue
        share = format_value(kpi.ratio(n, total), "percent")
        # two lines (the legend's labels are rich text): a long label would be cut short
        pie = series.append(f"{tr_vocab('genders', code)}<br>{share}", n)
        pie.setColor(QColor(colour))
        pie.setBorderColor(QColor("#1e1e1e") if on_dark else QColor("white"))
    chart.addSeries(series)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    # The legend would give way to the doughnut and cut its labels short; it must not.
    metrics = QFontMetrics(font)
    chart.legend().setMinimumWidth(
        max([metrics.horizontalAdvance(line) for pie in series.slices()
             for line in pie.label().split("<br>")] or [0])
        + 3 * metrics.height())
    _style_chart(chart, dark=dark, printing=printing, font=font)
    chart.legend().setMarkerShape(chart.legend().MarkerShape.MarkerShapeCircle)
    return chart


def bar_chart(counts: Mapping[Any, int], label: Callable[[Any], str], colour: str, *,
              dark: bool = False, printing: bool = False, font: QFont | None = None) -> QChart:
    """Horizontal bars, one per category, first category on top, value at the bar's end."""
    font = font or QFont()
    chart = _new_chart(dark=dark, printing=printing)
    items = list(counts.items())[::-1]  # a horizontal axis draws the first category lowest
    bars = QBarSet("")
    bars.setColor(QColor(colour))
    bars.setBorderColor(QColor(colour))
    bars.setLabelColor(QColor("#202020") if printing or not dark else QColor("#e8e8e8"))
    bars.setLabelFont(font)
    for _key, n in items:
        bars.append(n)
    series = QHorizontalBarSeries(chart)
    series.append(bars)
    series.setLabelsVisible(True)
    series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
    series.setLabelsFormat("@value")
    series.setBarWidth(0.65)
    chart.addSeries(series)
    categories = QBarCategoryAxis(chart)
    categories.append([label(key) for key, _n in items])
    categories.setGridLineVisible(False)
    values = QValueAxis(chart)
    top = max([n for _k, n in items] or [0])
    values.setRange(0, max(1, top * 1.18))  # room for the value label
    values.setLabelFormat("%d")
    values.setTickCount(3)
    values.setLabelsVisible(False)
    chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(categories)
    series.attachAxis(values)
    chart.legend().setVisible(False)
    _style_chart(chart, dark=dark, printing=printing, font=font)
    return chart


def chart_image(chart: QChart, size: tuple[int, int] = PRINT_CHART_SIZE,
                ratio: float = 2.0) -> QImage:
    """A chart drawn to an image (UI thread only: it goes through a chart view)."""
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setFrameShape(QFrame.Shape.NoFrame)
    view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    view.resize(*size)
    view.show()  # off screen: gives the chart its size and lays out its legend and axes
    chart.resize(size[0], size[1])
    layout = chart.layout()
    if layout is not None:
        layout.activate()
    QCoreApplication.sendPostedEvents(chart)
    QCoreApplication.sendPostedEvents(view)
    image = QImage(round(size[0] * ratio), round(size[1] * ratio),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(ratio)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    area = QRectF(0, 0, size[0], size[1])  # logical pixels; the image's ratio does the rest
    chart.scene().render(painter, area, chart.geometry())
    painter.end()
    view.hide()
    view.deleteLater()
    return image


# -- tables --------------------------------------------------------------------------------


class ReportTableWidget(QTableWidget):
    """One report table, read-only, exactly as tall as its rows (the tab scrolls instead)."""

    def __init__(self, table: Table, parent: QWidget | None = None) -> None:
        super().__init__(len(table.rows), len(table.columns), parent)
        self.report_table = table
        self.setAccessibleName(table.title)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalHeaderLabels([c.header for c in table.columns])
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        for col, column in enumerate(table.columns):  # headings sit over their figures
            self.horizontalHeaderItem(col).setTextAlignment(
                (Qt.AlignmentFlag.AlignLeft if column.kind == TEXT else Qt.AlignmentFlag.AlignRight)
                | Qt.AlignmentFlag.AlignVCenter)
        for col in range(1, len(table.columns)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        bold = QFont(self.font())
        bold.setBold(True)
        for row, values in enumerate(table.rows):
            total = table.total_row and row == len(table.rows) - 1
            for col, (column, value) in enumerate(zip(table.columns, values, strict=True)):
                kind = cell_kind(column, value)
                item = QTableWidgetItem(format_value(value, kind))
                item.setTextAlignment(
                    (Qt.AlignmentFlag.AlignLeft if kind == TEXT else Qt.AlignmentFlag.AlignRight)
                    | Qt.AlignmentFlag.AlignVCenter)
                if total:
                    item.setFont(bold)
                if col == 0:
                    item.setToolTip(item.text())
                self.setItem(row, col, item)
        self.resizeRowsToContents()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self._natural_height())

    def _natural_height(self) -> int:
        height = self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
        for row in range(self.rowCount()):
            height += self.rowHeight(row)
        if self.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
            height += 2
        return height

    def text_at(self, row: int, col: int) -> str:
        item = self.item(row, col)
        return item.text() if item else ""


class _SectionPage(QScrollArea):
    """A tab: the section's tables in two columns (wide tables across both)."""

    def __init__(self, section: Section, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget(self)
        grid = QGridLayout(inner)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(4)
        self.tables: list[ReportTableWidget] = []
        row = col = 0
        for table in section.tables:
            wide = len(table.columns) > 4
            if wide and col:
                row, col = row + 1, 0
            box = QVBoxLayout()
            box.setSpacing(3)
            box.addWidget(section_title(table.title, inner))
            view = ReportTableWidget(table, inner)
            self.tables.append(view)
            box.addWidget(view)
            if table.note:
                box.addWidget(hint(table.note, inner))
            box.addStretch(1)
            grid.addLayout(box, row, col, 1, 2 if wide else 1)
            if wide or col:
                row, col = row + 1, 0
            else:
                col = 1
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(row + 1, 1)
        self.setWidget(inner)


class _Figure(QFrame):
    """A key figure: the number large, what it is below."""

    def __init__(self, value: str, caption: str, parent: QWidget | None = None,
                 target: str = "") -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.Base))
        self.setPalette(palette)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(0)
        self.value = QLabel(value, self)
        font = QFont(self.value.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.value.setFont(font)
        self.caption = hint(caption, self)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        self.target = hint(target, self)
        self.target.setVisible(bool(target))
        layout.addWidget(self.target)
        layout.addStretch(1)
        said = f"{caption}: {value}" + (f" ({target})" if target else "")
        self.setAccessibleName(said)
        self.setToolTip(said)


class _ChartView(QChartView):
    """A chart view that asks for little room and takes what the layout gives.

    Why: the screen sits in a scroll area that sizes it by height-for-width (the wrapped
    captions), which adds up preferred heights; a chart's own preferred height grows with
    its legend and would push the window into scrolling at 1366×728.
    """

    def sizeHint(self) -> QSize:
        return QSize(300, 220)


class _Progress(QObject):
    """Carries progress from the worker thread to the screen (queued to the UI thread)."""

    moved = Signal(int, int, str)


# -- the screen ----------------------------------------------------------------------------


class ReportsScreen(Screen):
    key = "reports"
    title = QT_TRANSLATE_NOOP("Screens", "Reports")
    icon = "reports"
    watches = frozenset({"meta", "offices", "events", "event_kinds", "attendance", "people",
                         "organizations", "org_members", "ideas", "consultations",
                         "submissions", "visits"})

    #: Emitted when a computed report is shown (tests wait for it).
    computed = Signal()
    #: Emitted with the file after an export was written.
    exported = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.figures: kpi.ReportFigures | None = None
        self.report: Report | None = None
        self.last_export: Path | None = None
        self._generation = 0
        self._task: Any = None
        self._started = 0.0
        self._progress = _Progress(self)
        self._progress.moved.connect(self._progressed)
        self._steps = {
            "events": self.tr("Reading the events…"),
            "attendance": self.tr("Reading check-ins…"),
            "events held": self.tr("Counting events held…"),
            "people": self.tr("Counting people reached…"),
            "first time": self.tr("Finding first-time participants…"),
            "feedback": self.tr("Adding up feedback…"),
            "csos": self.tr("Counting CSOs…"),
            "ideas": self.tr("Counting ideas and appeals…"),
            "consultations": self.tr("Counting consultations…"),
            "visits": self.tr("Counting advice visits…"),
        }

        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        layout.addWidget(page_title(self.display_title(), self))

        # -- choices ------------------------------------------------------------------------
        choices = QHBoxLayout()
        choices.setSpacing(6)
        self.preset = QComboBox(self)
        self.preset.setAccessibleName(self.tr("Report period"))
        for code, text in (
            ("this_month", self.tr("This month")),
            ("last_month", self.tr("Last month")),
            ("this_quarter", self.tr("This quarter")),
            ("this_year", self.tr("This year")),
            ("custom", self.tr("Other dates")),
        ):
            self.preset.addItem(text, code)
        period_label = QLabel(self.tr("&Period:"), self)
        period_label.setBuddy(self.preset)
        self.start = QDateEdit(self)
        self.end = QDateEdit(self)
        for edit, name in ((self.start, self.tr("Period starts on")),
                           (self.end, self.tr("Period ends on"))):
            edit.setDisplayFormat("dd.MM.yyyy")
            edit.setCalendarPopup(True)
            edit.setAccessibleName(name)
            edit.setDateRange(QDate(2000, 1, 1), QDate(2100, 12, 31))
        from_label = QLabel(self.tr("&from"), self)
        from_label.setBuddy(self.start)
        to_label = QLabel(self.tr("&to"), self)
        to_label.setBuddy(self.end)
        self.scope = QComboBox(self)
        self.scope.setAccessibleName(self.tr("Whose work the report covers"))
        self.scope.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.scope.setMinimumContentsLength(16)
        scope_label = QLabel(self.tr("&Covers:"), self)
        scope_label.setBuddy(self.scope)
        self.pdf_button = button(self.tr("Save &PDF…"), self,
                                 tip=self.tr("A4 report for printing or a letter (Ctrl+S)"),
                                 name=self.tr("Save the report as a PDF file"))
        self.xlsx_button = button(self.tr("Save E&xcel…"), self,
                                  tip=self.tr("Every table on its own sheet, numbers as numbers"),
                                  name=self.tr("Save the report as an Excel workbook"))
        self.pdf_button.clicked.connect(self.export_pdf)
        self.xlsx_button.clicked.connect(self.export_xlsx)
        for widget in (period_label, self.preset, from_label, self.start, to_label, self.end):
            choices.addWidget(widget)
        choices.addSpacing(12)
        choices.addWidget(scope_label)
        choices.addWidget(self.scope, 1)
        choices.addSpacing(12)
        choices.addWidget(self.pdf_button)
        choices.addWidget(self.xlsx_button)
        layout.addLayout(choices)
        self.period_error = error_label(self)
        layout.addWidget(self.period_error)

        # -- status: progress while computing, what is shown afterwards ---------------------
        status = QHBoxLayout()
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Progress of the report"))
        self.progress.setTextVisible(False)
        self.progress.setMaximumWidth(180)
        self.progress.setMaximumHeight(12)
        self.progress.setVisible(False)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.status.setOpenExternalLinks(False)
        self.status.linkActivated.connect(self._open_link)
        self.status.setAccessibleName(self.tr("Report status"))
        self.stop_button = button(self.tr("Stop"), self, name=self.tr("Stop computing the report"))
        self.stop_button.setVisible(False)
        self.stop_button.clicked.connect(self.stop)
        self.stop_button.setToolTip(self.tr("Stop computing the report (Esc)"))
        shortcut(Qt.Key.Key_Escape, self, self._escape)
        status.addWidget(self.progress)
        status.addWidget(self.status, 1)
        status.addWidget(self.stop_button)
        layout.addLayout(status)

        # -- the report -----------------------------------------------------------------------
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Report sections"))
        self.tabs.setDocumentMode(True)
        self.overview = QWidget(self.tabs)
        overview = QVBoxLayout(self.overview)
        overview.setContentsMargins(0, 6, 0, 0)
        self.figures_grid = QGridLayout()
        self.figures_grid.setSpacing(6)
        overview.addLayout(self.figures_grid)
        charts = QHBoxLayout()
        charts.setSpacing(8)
        self.chart_views: dict[str, QChartView] = {}
        self.chart_titles = {
            "gender": self.tr("People reached by gender"),
            "levels": self.tr("Events by level of participation"),
            "ideas": self.tr("Ideas and appeals by status"),
        }
        for key, text in self.chart_titles.items():
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(section_title(text, self.overview))
            view = _ChartView(self.overview)
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setFrameShape(QFrame.Shape.NoFrame)
            view.setAccessibleName(text)
            view.setMinimumSize(220, 200)
            self.chart_views[key] = view
            column.addWidget(view, 1)
            charts.addLayout(column, 1)
        overview.addLayout(charts, 1)
        self.tabs.addTab(self.overview, self.tr("Overview"))
        layout.addWidget(self.tabs, 1)
        self.pages: dict[str, _SectionPage] = {}

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RECOMPUTE_DELAY_MS)
        self._timer.timeout.connect(self.compute)
        self.preset.currentIndexChanged.connect(self._preset_chosen)
        self.start.dateChanged.connect(self._date_typed)
        self.end.dateChanged.connect(self._date_typed)
        self.scope.currentIndexChanged.connect(self._schedule)
        self._set_dates(self.period())
        self._update_buttons()
        self.setTabOrder(self.preset, self.start)
        self.setTabOrder(self.start, self.end)
        self.setTabOrder(self.end, self.scope)
        self.setTabOrder(self.scope, self.pdf_button)
        self.setTabOrder(self.pdf_button, self.xlsx_button)
        self.setTabOrder(self.xlsx_button, self.tabs)

    # -- choices --------------------------------------------------------------------------

    def set_today(self, day: date | None) -> None:
        """Pretend it is `day` (screenshots of the demo database, tests)."""
        self._today_override = day
        self._set_dates(self.period())
        self.mark_stale()

    def prepare_screenshot(self, day: date) -> None:
        self._today_override = day
        self.choose(preset="this_year")

    def period(self) -> kpi.Period | None:
        """The chosen period, or None when the custom dates are the wrong way round."""
        preset = self.preset.currentData()
        if preset == "custom":
            start, end = self.start.date().toPython(), self.end.date().toPython()
            return kpi.Period(start, end) if start <= end else None
        return kpi.period_for(preset, self.today())

    def office_id(self) -> str | None:
        return self.scope.currentData()

    def choose(self, *, preset: str | None = None, start: date | None = None,
               end: date | None = None, office_id: str | bool | None = False) -> None:
        """Set the choices as a user would and compute at once (tests, screenshots);
        `office_id` None means every office; False leaves the scope as it is."""
        with QSignalBlocker(self.preset), QSignalBlocker(self.start), \
                QSignalBlocker(self.end), QSignalBlocker(self.scope):
            if preset is not None:
                self.preset.setCurrentIndex(self.preset.findData(preset))
            if start is not None:
                self.start.setDate(QDate(start.year, start.month, start.day))
            if end is not None:
                self.end.setDate(QDate(end.year, end.month, end.day))
            if office_id is not False:
                self.scope.setCurrentIndex(max(0, self.scope.findData(office_id)))
            if preset not in (None, "custom"):
                self._set_dates(self.period())
        self.compute()

    def _set_dates(self, period: kpi.Period | None) -> None:
        if period is None:
            return
        with QSignalBlocker(self.start), QSignalBlocker(self.end):
            self.start.setDate(QDate(period.start.year, period.start.month, period.start.day))
            self.end.setDate(QDate(period.end.year, period.end.month, period.end.day))

    def _preset_chosen(self) -> None:
        if self.preset.currentData() != "custom":
            self._set_dates(self.period())
        self._schedule()

    def _date_typed(self) -> None:
        if self.preset.currentData() != "custom":
            with QSignalBlocker(self.preset):
                self.preset.setCurrentIndex(self.preset.findData("custom"))
        self._schedule()

    def _schedule(self) -> None:
        period = self.period()
        self.period_error.setVisible(period is None)
        if period is None:
            self.period_error.setText(self.tr(
                "The period ends before it starts. Put the earlier date first."))
            return
        self._timer.start()

    def _load_scope(self) -> None:
        conn = self.ctx.store.conn
        own = self.ctx.office_id
        chosen = self.scope.currentData() if self.scope.count() else own
        offices = queries.offices(conn)
        names = {office_id: short or name for office_id, name, short in offices}
        with QSignalBlocker(self.scope):
            self.scope.clear()
            if own in names:
                self.scope.addItem(self.tr("This office: {name}").format(name=names[own]), own)
            self.scope.addItem(self.tr("All offices on this device ({count})").format(
                count=len(names)), None)
            for office_id, name, _short in offices:
                if office_id != own:
                    self.scope.addItem(name, office_id)
                    self.scope.setItemData(self.scope.count() - 1, name,
                                           Qt.ItemDataRole.ToolTipRole)
            index = self.scope.findData(chosen)
            self.scope.setCurrentIndex(index if index >= 0 else 0)
        self.scope.setToolTip(self.scope.currentText())

    # -- computing ------------------------------------------------------------------------

    def refresh(self) -> None:
        self._load_scope()
        if self.report is None:
            self.compute()
        else:  # a burst of changes (a sync) recomputes once, a moment after the last
            self._schedule()

    def compute(self) -> None:
        """Recompute the report for the current choices in the background."""
        self._timer.stop()
        period = self.period()
        if period is None:
            self._schedule()
            return
        self.stop(quiet=True)
        office_id = self.office_id()
        self._generation += 1
        generation = self._generation
        self._started = time.monotonic()
        self.progress.setRange(0, queries.STEPS)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.stop_button.setVisible(True)
        self.status.setText(self.tr("Computing the report…"))
        relay = self._progress

        def work(conn: Any, job: Any) -> kpi.ReportFigures:
            try:
                return queries.compute(
                    conn, period, office_id, should_stop=job.cancel.is_set,
                    progress=lambda done, total, text: relay.moved.emit(done, total, text))
            except queries.ReportCancelled:
                raise Cancelled() from None

        def shown(figures: kpi.ReportFigures) -> None:
            if generation == self._generation:
                self._show(figures)

        def failed(error: BaseException) -> None:
            if generation == self._generation:
                self._finished()
                self.status.setText(self.tr("The report could not be computed. {reason}")
                                    .format(reason=plain_message(error)))

        def stopped() -> None:
            if generation == self._generation:
                self._finished()
                self.status.setText(self.tr("Stopped. Change a choice to compute again."))

        self._task = run_in_background(
            self, reader_job(self.ctx.store.path, work), shown, failed, progress=False,
            busy_cursor=False, on_cancelled=stopped)
        self._update_buttons()

    def stop(self, quiet: bool = False) -> None:
        """Stop the computation under way (the Stop button)."""
        task = self._task
        if task is not None and not task.is_finished():
            task.cancel()
            if quiet:
                self._generation += 1  # its result, if any, is no longer wanted
                self._task = None

    def _escape(self) -> None:
        if self.is_computing():
            self.stop()

    def is_computing(self) -> bool:
        return self._task is not None and not self._task.is_finished()

    def _progressed(self, done: int, total: int, text: str) -> None:
        if not self.progress.isVisible():
            return
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.status.setText(self._steps.get(text, self.tr("Computing the report…")))

    def _finished(self) -> None:
        self._task = None
        self.progress.setVisible(False)
        self.stop_button.setVisible(False)
        self._update_buttons()

    def _show(self, figures: kpi.ReportFigures) -> None:
        elapsed = time.monotonic() - self._started
        self.figures = figures
        self.report = self.build(figures)
        self._finished()
        self._show_figures(self.report.section("summary"))
        self._show_charts(figures)
        self._show_sections(self.report)
        seconds = f"{elapsed:.1f}".replace(".", ",") if is_ukrainian() else f"{elapsed:.1f}"
        self.status.setText(self.tr("{office} · {period} · computed in {seconds} s").format(
            office=self.report.office, period=self.report.period, seconds=seconds))
        self.computed.emit()

    def build(self, figures: kpi.ReportFigures) -> Report:
        """The report's tables, in the UI language."""
        office = figures.office_name or self.tr("All offices on this device")
        period = f"{format_date(figures.period.start)} – {format_date(figures.period.end)}"
        generated = self.tr("Prepared on {date}").format(
            date=datetime.now().strftime("%d.%m.%Y %H:%M"))
        return build_report(figures, office=office, period=period, generated=generated,
                            translate=translate, lang="uk" if is_ukrainian() else "en")

    # -- showing --------------------------------------------------------------------------

    def _show_figures(self, section: Section) -> None:
        while self.figures_grid.count():
            item = self.figures_grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        table = section.tables[0]
        per_row = 6
        targets = self._target_texts()
        for index, (caption, value) in enumerate(table.rows):
            figure = _Figure(format_value(value, cell_kind(table.columns[1], value)), caption,
                             self.overview, targets.get(caption, ""))
            self.figures_grid.addWidget(figure, index // per_row, index % per_row)
        for col in range(per_row):
            self.figures_grid.setColumnStretch(col, 1)

    def _target_texts(self) -> dict[str, str]:
        """Card caption -> "target 20 · 115 %" where the council set a target."""
        figures = self.figures
        if figures is None or not figures.targets.any:
            return {}
        out = {}
        for caption, target, done in (
            (translate("Report", "Events held"), figures.targets.events_held,
             figures.events.held),
            (translate("Report", "CSOs created"), figures.targets.csos_created,
             figures.csos.created),
            (translate("Report", "Participants (each person once)"),
             figures.targets.people_reached, figures.reach.unique_people),
        ):
            if target:
                out[caption] = self.tr("target {target} · {share}").format(
                    target=format_count(target),
                    share=format_value(kpi.ratio(done, target), PERCENT))
        return out

    def figure_cards(self) -> list[_Figure]:
        return [self.figures_grid.itemAt(i).widget() for i in range(self.figures_grid.count())]

    def charts(self, *, printing: bool = False) -> dict[str, QChart]:
        """The three charts of the current report (new objects each time)."""
        figures = self.figures
        if figures is None:
            return {}
        dark = theme.is_dark()
        font = QFont(self.font())
        if printing:
            font.setPointSizeF(10.5)
        return {
            "gender": gender_chart(figures.reach.by_gender(), dark=dark, printing=printing,
                                   font=font),
            "levels": bar_chart(figures.events.by_level,
                                lambda code: translate("Report", "Not given") if code is None
                                else tr_vocab("participation_levels", code),
                                "#66bb6a" if dark else "#2e7d32", dark=dark,
                                printing=printing, font=font),
            "ideas": bar_chart(figures.ideas.by_status,
                               lambda code: tr_vocab("idea_statuses", code),
                               "#ffa726" if dark else "#ef6c00", dark=dark,
                               printing=printing, font=font),
        }

    def _show_charts(self, figures: kpi.ReportFigures) -> None:
        for key, chart in self.charts().items():
            view = self.chart_views[key]
            old = view.chart()
            view.setChart(chart)
            if old is not None:
                old.deleteLater()

    def _show_sections(self, report: Report) -> None:
        current = self.tabs.currentIndex()
        while self.tabs.count() > 1:
            page = self.tabs.widget(1)
            self.tabs.removeTab(1)
            page.deleteLater()
        self.pages = {}
        for section in report.sections[1:]:
            page = _SectionPage(section, self.tabs)
            self.pages[section.key] = page
            self.tabs.addTab(page, section.title)
        self.tabs.setCurrentIndex(max(0, min(current, self.tabs.count() - 1)))

    # -- exporting ------------------------------------------------------------------------

    def save(self) -> bool:
        """Ctrl+S: save the PDF."""
        if self.report is None:
            return False
        self.export_pdf()
        return True

    def _update_buttons(self) -> None:
        ready = self.report is not None and not self.is_computing()
        self.pdf_button.setEnabled(ready)
        self.xlsx_button.setEnabled(ready)

    def suggested_name(self, suffix: str) -> str:
        figures = self.figures
        assert figures is not None
        period = figures.period
        who = figures.office_name or self.tr("all offices")
        who = "".join(ch for ch in who if ch not in '<>:"/\\|?*«»').strip()
        return self.tr("Report {start}–{end} {office}").format(
            start=period.start.strftime("%d.%m.%Y"), end=period.end.strftime("%d.%m.%Y"),
            office=who) + suffix

    def ask_target(self, suffix: str) -> Path | None:
        """Where to save (a file dialog; tests replace this)."""
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        suggested = str(Path(folder) / self.suggested_name(suffix))
        if suffix == ".pdf":
            caption, filters = self.tr("Save the report as PDF"), self.tr("PDF files (*.pdf)")
        else:
            caption, filters = (self.tr("Save the report for Excel"),
                                self.tr("Excel workbooks (*.xlsx)"))
        name, _ = QFileDialog.getSaveFileName(self, caption, suggested, filters)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    def export_pdf(self) -> None:
        if self.report is None:
            return
        target = self.ask_target(".pdf")
        if target is None:
            return
        # Chart widgets live on the UI thread: draw them to images here, write in the worker.
        images = [ChartImage(self.chart_titles[key], chart_image(chart))
                  for key, chart in self.charts(printing=True).items()]
        report = self.report
        self._export(lambda job: render_pdf(report, images, target),
                     self.tr("Saving the PDF…"))

    def export_xlsx(self) -> None:
        if self.report is None:
            return
        target = self.ask_target(".xlsx")
        if target is None:
            return
        report = self.report
        from desktop.reporting.xlsx import write_xlsx  # openpyxl: only when a workbook is made

        self._export(lambda job: write_xlsx(report, target), self.tr("Saving the workbook…"))

    def _export(self, work: Callable[[Any], Path], label: str) -> None:
        self.pdf_button.setEnabled(False)
        self.xlsx_button.setEnabled(False)
        self.status.setText(label)

        def done(path: Path) -> None:
            self.last_export = path
            self._update_buttons()
            link = QUrl.fromLocalFile(str(path)).toString()
            folder = QUrl.fromLocalFile(str(path.parent)).toString()
            self.status.setText(self.tr(
                'Saved: {file} · <a href="{open}">Open</a> · <a href="{folder}">Show folder</a>')
                .format(file=escape(path.name), open=escape(link), folder=escape(folder)))
            self.ctx.bus.status_message.emit(self.tr("Report saved: {file}").format(file=path))
            self.exported.emit(str(path))

        def failed(error: BaseException) -> None:
            self._update_buttons()
            self.status.setText(self.tr("The report was not saved. {reason}").format(
                reason=plain_message(error)))

        run_in_background(self, work, done, failed, label=label, cancellable=False)

    def _open_link(self, link: str) -> None:
        QDesktopServices.openUrl(QUrl(link))


SCREEN = ReportsScreen
