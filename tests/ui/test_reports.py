"""The Reports screen: computing in the background, showing, stopping, PDF and Excel."""

from __future__ import annotations

import json
import re
import threading
from datetime import date

import pytest
from PySide6.QtCore import Qt, QTranslator

from desktop.demo.generator import REFERENCE_DATE, generate
from desktop.domain import kpi
from desktop.paths import resources_dir
from desktop.store.database import open_reader
from desktop.store.queries import reports as queries


class _PartTranslator(QTranslator):
    """This screen's Ukrainian strings from resources/i18n/uk/reports.json, so the tests
    read Ukrainian before (and after) the lead pours the file into the .qm."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        path = resources_dir() / "i18n" / "uk" / "reports.json"
        self.messages = json.loads(path.read_text(encoding="utf-8"))

    def translate(self, context, source, disambiguation=None, n=-1):
        return self.messages.get(context, {}).get(source)  # None: ask the next translator

    def isEmpty(self) -> bool:
        return False


@pytest.fixture(autouse=True)
def reports_translations(app):
    translator = _PartTranslator()
    app.installTranslator(translator)
    yield
    app.removeTranslator(translator)


@pytest.fixture
def demo(store):
    generate(store, people=300, events=40, seed=3)
    office_id = store.conn.execute(
        "SELECT office_id FROM events GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1").fetchone()[0]
    store.set_meta("office_id", office_id)
    return office_id


@pytest.fixture
def screen(window, qtbot, demo):
    screen = window.screen("reports")
    screen.set_today(REFERENCE_DATE)
    window.show_screen("reports")
    qtbot.waitUntil(lambda: not screen.is_computing(), timeout=10_000)
    return screen


def compute(screen, qtbot, **choices):
    with qtbot.waitSignal(screen.computed, timeout=10_000):
        screen.choose(**choices)
    return screen.figures


def expected(store, period: kpi.Period, office_id: str | None) -> kpi.ReportFigures:
    conn = open_reader(store.path)
    try:
        return queries.compute(conn, period, office_id)
    finally:
        conn.close()


def card(screen, caption: str) -> str:
    for figure in screen.figure_cards():
        if figure.caption.text() == caption:
            return figure.value.text()
    raise AssertionError(f"no key figure {caption!r}")


def test_the_screen_computes_and_shows_this_offices_year(screen, qtbot, store, demo):
    figures = compute(screen, qtbot, preset="this_year")
    period = kpi.Period(date(2026, 1, 1), date(2026, 12, 31))
    assert figures.period == period and figures.office_id == demo
    assert screen.start.date().toPython() == period.start
    assert screen.end.date().toPython() == period.end
    truth = expected(store, period, demo)
    assert truth.reach.unique_people > 0
    assert card(screen, "Проведено подій") == str(truth.events.held)
    assert card(screen, "Учасників (кожна людина один раз)") == \
        f"{truth.reach.unique_people:,}".replace(",", "\u202f")
    assert card(screen, "Зазначили, що їхні знання покращилися") == \
        f"{round(truth.feedback.knowledge_improved * 100)}\u00a0%"
    # the detailed tabs, in Ukrainian
    tabs = [screen.tabs.tabText(i) for i in range(screen.tabs.count())]
    assert tabs == ["Огляд", "Події", "Охоплення", "Відгуки", "Громадські організації",
                    "Ідеї та звернення", "Консультації", "За офісами"]
    gender = screen.pages["reach"].tables[1]
    assert gender.text_at(0, 0) == "Жінка"
    assert gender.text_at(0, 1) == str(truth.reach.by_gender()["female"])
    assert gender.text_at(gender.rowCount() - 1, 0) == "Разом"
    assert gender.item(gender.rowCount() - 1, 0).font().bold()
    assert "обчислено за" in screen.status.text()
    assert screen.pdf_button.isEnabled() and screen.xlsx_button.isEnabled()


def test_every_office_and_custom_dates(screen, qtbot, store):
    figures = compute(screen, qtbot, preset="custom", start=date(2025, 10, 1),
                      end=date(2026, 3, 31), office_id=None)
    period = kpi.Period(date(2025, 10, 1), date(2026, 3, 31))
    truth = expected(store, period, None)
    assert figures == truth
    assert screen.preset.currentData() == "custom"
    offices = screen.pages["offices"].tables[0]
    assert offices.rowCount() == 6 + 1  # six offices and the total
    assert offices.text_at(6, 1) == str(truth.events.held)


def test_choices_recompute_by_themselves(screen, qtbot):
    compute(screen, qtbot, preset="this_year")
    with qtbot.waitSignal(screen.computed, timeout=10_000):
        screen.preset.setCurrentIndex(screen.preset.findData("last_month"))
    assert screen.figures.period == kpi.Period(date(2026, 10, 1), date(2026, 10, 31))
    # typing a date switches to "other dates"
    screen.start.setFocus()
    with qtbot.waitSignal(screen.computed, timeout=10_000):
        screen.start.setDate(screen.start.date().addDays(-10))
    assert screen.preset.currentData() == "custom"
    assert screen.figures.period.start == date(2026, 9, 21)


def test_a_reversed_period_is_explained_and_not_computed(screen, qtbot):
    compute(screen, qtbot, preset="this_year")
    shown = screen.figures
    screen.preset.setCurrentIndex(screen.preset.findData("custom"))
    screen.end.setDate(screen.start.date().addDays(-1))
    assert not screen.period_error.isHidden()
    assert "раніше, ніж починається" in screen.period_error.text()
    qtbot.wait(600)
    assert not screen.is_computing() and screen.figures is shown
    screen.end.setDate(screen.start.date().addDays(5))
    assert screen.period_error.isHidden()


@pytest.mark.parametrize("how", ["button", "escape"])
def test_computing_shows_progress_and_can_be_stopped(screen, qtbot, monkeypatch, how):
    started = threading.Event()

    def slow(conn, period, office_id, *, progress=None, should_stop=None):
        progress(3, queries.STEPS, "people")
        started.set()
        while not should_stop():
            threading.Event().wait(0.01)
        raise queries.ReportCancelled()

    monkeypatch.setattr(queries, "compute", slow)
    screen.choose(preset="this_month")
    qtbot.waitUntil(started.is_set, timeout=5000)
    qtbot.waitUntil(lambda: screen.status.text() == "Рахуємо охоплених людей…", timeout=5000)
    assert not screen.progress.isHidden() and screen.progress.value() == 3
    assert not screen.pdf_button.isEnabled()
    if how == "button":
        qtbot.mouseClick(screen.stop_button, Qt.MouseButton.LeftButton)
    else:
        screen.preset.setFocus()
        qtbot.keyClick(screen.preset, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not screen.is_computing(), timeout=5000)
    assert screen.status.text().startswith("Зупинено")
    assert screen.progress.isHidden() and screen.stop_button.isHidden()


def test_charts_have_ukrainian_labels_in_light_and_dark(screen, qtbot):
    from PySide6.QtGui import QColor

    from desktop.ui.screens.reports import bar_chart, gender_chart

    figures = compute(screen, qtbot, preset="this_year")
    pie = screen.chart_views["gender"].chart().series()[0]
    labels = [s.label() for s in pie.slices()]
    assert labels[0].startswith("Жінка<br>") and labels[0].endswith("\u00a0%")
    assert sum(s.value() for s in pie.slices()) == figures.reach.unique_people
    levels = screen.chart_views["levels"].chart()
    assert "Інформування" in levels.axes(Qt.Orientation.Vertical)[0].categories()
    ideas = screen.chart_views["ideas"].chart()
    assert ideas.axes(Qt.Orientation.Vertical)[0].categories()[-1] == "Нове"  # first on top
    dark = gender_chart(figures.reach.by_gender(), dark=True)
    assert dark.backgroundBrush().color().lightness() < 128 or \
        dark.backgroundBrush().color() == QColor(screen.palette().base().color())
    printed = bar_chart({"a": 1}, str, "#2e7d32", dark=True, printing=True)
    assert printed.backgroundBrush().color() == QColor("white")


def test_save_pdf(screen, qtbot, tmp_path, monkeypatch):
    compute(screen, qtbot, preset="this_year")
    target = tmp_path / "звіт.pdf"
    monkeypatch.setattr(screen, "ask_target", lambda suffix: target)
    with qtbot.waitSignal(screen.exported, timeout=20_000):
        qtbot.mouseClick(screen.pdf_button, Qt.MouseButton.LeftButton)
    data = target.read_bytes()
    assert data.startswith(b"%PDF-")
    assert data.rstrip().endswith(b"%%EOF")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    assert pages >= 3
    assert list(tmp_path.glob(".*.part")) == []  # written atomically
    assert "Збережено: звіт.pdf" in screen.status.text()
    try:
        from PySide6.QtPdf import QPdfDocument
    except ImportError:
        return
    document = QPdfDocument()
    document.load(str(target))
    assert document.pageCount() == pages


def test_ctrl_s_saves_the_pdf(window, screen, qtbot, tmp_path, monkeypatch):
    compute(screen, qtbot, preset="this_year")
    asked = []
    monkeypatch.setattr(screen, "ask_target", lambda suffix: asked.append(suffix))
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert asked == [".pdf"]


def test_save_excel(screen, qtbot, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    figures = compute(screen, qtbot, preset="this_year")
    target = tmp_path / "звіт.xlsx"
    target.write_bytes(b"an old version")
    monkeypatch.setattr(screen, "ask_target", lambda suffix: target)
    with qtbot.waitSignal(screen.exported, timeout=20_000):
        qtbot.mouseClick(screen.xlsx_button, Qt.MouseButton.LeftButton)
    book = load_workbook(target)
    assert book.sheetnames == ["Основні показники", "Події", "Охоплення", "Відгуки",
                               "Громадські організації", "Ідеї та звернення", "Консультації",
                               "За офісами"]
    sheet = book["Основні показники"]
    values: dict = {}
    for row in sheet.iter_rows(values_only=True):  # the key figures come first
        if row[0]:
            values.setdefault(row[0], row[1])
    assert values["Проведено подій"] == figures.events.held
    assert "Цілі, встановлені радою" in values  # and the council's targets after them
    assert isinstance(values["Учасників (кожна людина один раз)"], int)
    assert values["Учасників (кожна людина один раз)"] == figures.reach.unique_people
    assert values["Зазначили, що їхні знання покращилися"] == pytest.approx(
        figures.feedback.knowledge_improved)
    assert sheet.column_dimensions["A"].width > 20
    assert list(tmp_path.glob(".*.part")) == []


def test_export_failure_is_reported_in_plain_words(screen, qtbot, tmp_path, monkeypatch):
    compute(screen, qtbot, preset="this_year")
    folder = tmp_path / "taken"
    folder.mkdir()
    monkeypatch.setattr(screen, "ask_target", lambda suffix: folder)  # a folder, not a file
    screen.xlsx_button.click()
    qtbot.waitUntil(lambda: screen.status.text().startswith("Звіт не збережено"),
                    timeout=10_000)
    assert screen.xlsx_button.isEnabled()
    assert list(folder.iterdir()) == [] and list(tmp_path.glob(".*.part")) == []


def test_suggested_file_name_and_scope_list(screen, qtbot, demo):
    compute(screen, qtbot, preset="last_month")
    name = screen.suggested_name(".pdf")
    assert name.startswith("Звіт 01.10.2026–31.10.2026 ") and name.endswith(".pdf")
    assert not any(ch in name for ch in '<>:"/\\|?*«»')
    assert screen.scope.itemData(0) == demo and screen.scope.itemText(0).startswith("Цей офіс")
    assert screen.scope.itemData(1) is None
    assert screen.scope.count() == 1 + 1 + 5
    for widget in (screen.preset, screen.start, screen.end, screen.scope, screen.pdf_button,
                   screen.xlsx_button, screen.tabs):
        assert widget.accessibleName()


def test_data_changes_recompute_when_visible(screen, qtbot, store, demo):
    first = compute(screen, qtbot, preset="this_year")
    store.insert("ideas", {"title": "Нова ідея", "description": "…", "channel": "appeal",
                           "office_id": demo, "received_on": "2026-06-01", "status": "new"})
    with qtbot.waitSignal(screen.computed, timeout=10_000):
        screen.ctx.bus.data_changed.emit("ideas")
    assert screen.figures.ideas.received == first.ideas.received + 1


def test_without_an_office_the_report_covers_every_office(window, qtbot, store):
    generate(store, people=120, events=15, seed=5)
    screen = window.screen("reports")
    screen.set_today(REFERENCE_DATE)
    with qtbot.waitSignal(screen.computed, timeout=10_000):
        window.show_screen("reports")
    assert screen.scope.currentData() is None
    assert screen.report.office == "Усі офіси на цьому компʼютері"


def test_the_councils_targets_show_on_the_cards_and_in_the_report(screen, qtbot, store, demo):
    own = store.conn.execute("SELECT id FROM targets WHERE office_id = ? AND year = 2026",
                             (demo,)).fetchone()
    store.update("targets", own[0], {"events_held": 10, "csos_created": 4,
                                     "people_reached": None})
    figures = compute(screen, qtbot, preset="this_year")
    assert figures.targets == kpi.Targets(10, 4, None)
    cards = {f.caption.text(): f.target.text() for f in screen.figure_cards()}
    held = round(figures.events.held / 10 * 100)
    assert cards["Проведено подій"] == f"ціль 10 · {held}\u00a0%"
    assert cards["Учасників (кожна людина один раз)"] == ""  # no target set
    table = screen.report.section("summary").tables[1]
    assert table.title == "Цілі, встановлені радою"
    assert [row[1] for row in table.rows] == [10, 4]
