"""The Today and Settings screens against a real store."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from desktop.store.syncstate import LAST_ACKED
from desktop.ui.widgets import DETAIL_ROLE


@pytest.fixture
def today_data(store, offices):
    """An event tomorrow, one next month, a waiting and an answered idea, a due follow-up,
    all for Десна; one more event for Стадниця."""
    desna, stadnytsia = offices["Десна"], offices["Стадниця"]
    tomorrow = datetime.combine(date.today() + timedelta(days=1), datetime.min.time())
    ids = {
        "event": store.insert("events", {
            "title": "Громадські слухання", "kind": "public_hearing", "office_id": desna,
            "starts_at": tomorrow.replace(hour=15).isoformat(timespec="minutes")})["id"],
        "later": store.insert("events", {
            "title": "Форум через місяць", "kind": "forum", "office_id": desna,
            "starts_at": (tomorrow + timedelta(days=40)).isoformat(timespec="minutes")})["id"],
        "other": store.insert("events", {
            "title": "Подія іншого офісу", "kind": "forum", "office_id": stadnytsia,
            "starts_at": tomorrow.isoformat(timespec="minutes")})["id"],
        "idea": store.insert("ideas", {
            "title": "Освітлення вулиці", "description": "Ліхтарі", "channel": "appeal",
            "office_id": desna, "received_on": "2026-01-10", "status": "forwarded"})["id"],
        "answered": store.insert("ideas", {
            "title": "Лавки в парку", "description": "Лавки", "channel": "proposal",
            "office_id": desna, "received_on": "2026-01-11", "status": "answered"})["id"],
        "visit": store.insert("visits", {
            "office_id": desna, "visited_at": "2026-01-05T10:00", "topic": "Петиція",
            "follow_up_on": (date.today() + timedelta(days=3)).isoformat()})["id"],
    }
    store.set_meta("office_id", desna)
    return ids


def _today(window, qtbot):
    screen = window.screen("today")
    window.show_screen("today")
    return screen


def test_today_lists_this_offices_items(window, qtbot, today_data):
    screen = _today(window, qtbot)
    with qtbot.waitSignal(screen.loaded, timeout=5000):
        screen.refresh()
    assert [e.title for e in screen.summary.events] == ["Громадські слухання"]
    assert [i.title for i in screen.summary.ideas] == ["Освітлення вулиці"]
    assert [f.topic for f in screen.summary.follow_ups] == ["Петиція"]
    assert screen.events.list.count() == 1
    assert screen.events.list.item(0).text() == "Громадські слухання"
    assert screen.summary.sync.pending_changes == window.ctx.store.conn.execute(
        "SELECT count(*) FROM change_log WHERE origin = 'local'").fetchone()[0]
    assert "Змін очікує надсилання" in screen.pending.text()


def test_today_items_open_their_screens(window, qtbot, today_data):
    screen = _today(window, qtbot)
    with qtbot.waitSignal(screen.loaded, timeout=5000):
        screen.refresh()
    received = []
    window.ctx.bus.navigate.connect(lambda key, item: received.append((key, item)))
    screen.ideas.list.itemClicked.emit(screen.ideas.list.item(0))
    assert window.current_screen().key == "ideas"
    assert received[-1] == ("ideas", {"table": "ideas", "id": today_data["idea"]})
    screen.events.list.itemActivated.emit(screen.events.list.item(0))
    assert window.current_screen().key == "events"


def test_today_counts_only_unacknowledged_changes(window, qtbot, today_data):
    store = window.ctx.store
    total = store.conn.execute("SELECT max(mutation) FROM change_log").fetchone()[0]
    store.set_meta(LAST_ACKED, str(total - 2))
    screen = _today(window, qtbot)
    with qtbot.waitSignal(screen.loaded, timeout=5000):
        screen.refresh()
    assert screen.summary.sync.pending_changes == 2


def test_today_without_an_office_shows_every_office_and_says_so(window, qtbot, today_data):
    window.ctx.set_office(None)
    screen = _today(window, qtbot)
    with qtbot.waitSignal(screen.loaded, timeout=5000):
        screen.refresh()
    assert not screen.no_office.isHidden()
    assert len(screen.summary.events) == 2


def test_settings_persist_office_and_staff_to_meta(window, qtbot, offices):
    store = window.ctx.store
    window.show_screen("settings")
    screen = window.current_screen()
    screen.office.setCurrentIndex(screen.office.findData(offices["Стадниця"]))
    assert store.get_meta("office_id") == offices["Стадниця"]
    names = [screen.staff.itemText(i) for i in range(1, screen.staff.count())]
    assert names == ["Мельник Ганна Юріївна", "Ткачук Петро Олегович"]
    screen.staff.setCurrentIndex(screen.staff.findData(offices["Ткачук Петро Олегович"]))
    assert store.get_meta("staff_id") == offices["Ткачук Петро Олегович"]
    assert store.user_id == offices["Ткачук Петро Олегович"]
    assert window.staff_label.text() == "Працівник: Ткачук П. О."
    # another office: the staff member of the old one no longer signs changes
    screen.office.setCurrentIndex(screen.office.findData(offices["Десна"]))
    assert store.get_meta("staff_id") is None and store.user_id is None


def test_settings_language_is_stored_and_asks_for_restart(window):
    from desktop.ui import prefs

    window.show_screen("settings")
    screen = window.current_screen()
    assert screen.language.currentData() == "uk"
    assert screen.restart_banner.isHidden()
    screen.language.setCurrentIndex(screen.language.findData("en"))
    assert prefs.language() == "en"
    assert not screen.restart_banner.isHidden()
    screen.language.setCurrentIndex(screen.language.findData("uk"))
    assert prefs.language() == "uk" and screen.restart_banner.isHidden()


def test_backup_from_settings_writes_a_file(window, qtbot, tmp_path, monkeypatch, offices):
    from desktop.store.backup import validate_backup

    target = tmp_path / "copy.sqlite3"
    window.show_screen("settings")
    screen = window.current_screen()
    monkeypatch.setattr(screen, "ask_backup_target", lambda: target)
    screen.backup_button.click()
    qtbot.waitUntil(lambda: "Резервну копію збережено" in screen.data_status.text(),
                    timeout=10_000)
    assert validate_backup(target) >= 1
    assert screen.backup_button.isEnabled()


def test_restore_from_settings_replaces_the_data(window, qtbot, tmp_path, monkeypatch,
                                                 offices):
    from desktop.store.backup import backup

    store = window.ctx.store
    saved = backup(store.path, tmp_path / "before.sqlite3")
    store.insert("offices", {"name": "Нова приймальня"})
    window.show_screen("settings")
    screen = window.current_screen()
    monkeypatch.setattr(screen, "ask_restore_source", lambda: saved)
    monkeypatch.setattr(screen, "confirm_restore", lambda source: True)
    restored: list[tuple[Path, Path | None]] = []
    monkeypatch.setattr(screen, "restored", lambda source, kept: restored.append((source, kept)))
    screen.restore_button.click()
    qtbot.waitUntil(lambda: bool(restored), timeout=10_000)
    assert restored[0][1] is not None and restored[0][1].exists()  # the old data was kept
    names = [r[0] for r in store.conn.execute("SELECT name FROM offices")]
    assert "Нова приймальня" not in names


def test_restore_refuses_a_file_that_is_not_a_backup(window, qtbot, tmp_path, monkeypatch):
    junk = tmp_path / "notes.sqlite3"
    junk.write_text("not a database")
    window.show_screen("settings")
    screen = window.current_screen()
    monkeypatch.setattr(screen, "ask_restore_source", lambda: junk)
    monkeypatch.setattr(screen, "confirm_restore", lambda source: True)
    screen.restore_button.click()
    qtbot.waitUntil(lambda: "Нічого не змінено" in screen.data_status.text(), timeout=10_000)


def test_automatic_backups_are_listed_and_one_restores_in_two_clicks(window, qtbot,
                                                                        monkeypatch, offices):
    from desktop.store import backup as backups

    store, paths = window.ctx.store, window.ctx.paths
    window.auto_backup.run()
    qtbot.waitUntil(lambda: any(b.automatic for b in backups.list_backups(paths.backups)),
                    timeout=10_000)
    store.insert("offices", {"name": "Після копії"})
    window.show_screen("settings")
    screen = window.current_screen()
    qtbot.waitUntil(lambda: screen.backup_list.count() >= 1, timeout=5000)
    assert "автоматична" in screen.backup_list.item(0).text()
    assert not screen.restore_selected.isEnabled()
    restored: list = []
    monkeypatch.setattr(screen, "restored", lambda source, kept: restored.append(kept))
    screen.backup_list.setCurrentRow(0)  # click one
    screen.restore_selected.click()  # click two
    qtbot.waitUntil(lambda: bool(restored), timeout=10_000)
    assert restored[0] is not None and restored[0].exists()  # the current file kept aside
    names = [r[0] for r in store.conn.execute("SELECT name FROM offices")]
    assert "Після копії" not in names
    screen.keep.setValue(5)
    assert store.get_meta(backups.KEEP_KEY) == "5"


def test_staff_member_is_added_and_becomes_the_one_working(window, qtbot, monkeypatch,
                                                            offices):
    store = window.ctx.store
    store.set_meta("office_id", offices["Десна"])
    window.show_screen("settings")
    screen = window.current_screen()
    monkeypatch.setattr(screen, "ask_staff_name", lambda: "  Гнатюк   Оксана ")
    screen.add_staff_button.click()
    staff = store.get("staff", store.get_meta("staff_id"))
    assert staff["name"] == "Гнатюк Оксана" and staff["office_id"] == offices["Десна"]
    assert "Гнатюк" in window.staff_label.text(), window.staff_label.text()
    assert screen.staff.currentText().startswith("Гнатюк Оксана") or \
        "Гнатюк" in screen.staff.currentText()
    monkeypatch.setattr(screen, "ask_staff_name", lambda: "   ")
    before = store.count("staff")
    screen.add_staff_button.click()
    assert store.count("staff") == before and screen.data_status.isVisible()


def test_about_summary_has_no_personal_data(window, store, offices):
    from desktop.ui.about import diagnostic_summary

    store.insert("people", {"last_name": "Секретенко", "first_name": "Олена",
                            "gender": "female", "phone": "+380501234567"})
    text = diagnostic_summary(window.ctx)
    assert "people 1" in text and str(window.ctx.paths.root) in text
    assert "Секретенко" not in text and "501234567" not in text


def test_today_says_which_answers_are_overdue(window, qtbot, today_data):
    from desktop.domain import deadlines

    screen = _today(window, qtbot)
    with qtbot.waitSignal(screen.loaded, timeout=5000):
        screen.refresh()
    idea = screen.summary.ideas[0]
    # an appeal of 10 January 2026: a month, to Tuesday 10 February
    assert idea.due == date(2026, 2, 10) == deadlines.due_date(
        date(2026, 1, 10), deadlines.DEFAULT_PERIODS["appeal"])
    late = (screen.summary.today - idea.due).days
    assert idea.state == "overdue" and late > 0
    line = screen.ideas.list.item(0).data(DETAIL_ROLE)
    assert line.startswith(f"⚠ прострочено на {late} дн.")


def test_today_loads_after_the_window_is_first_drawn(app, qtbot, store, paths, today_data):
    """The first load waits for the first paint, so its worker never competes with drawing
    the window (issue 11); a window that is never drawn still loads, a moment later."""
    from desktop.ui.app import create_main_window
    from desktop.ui.screens import today as today_screen
    from desktop.ui.workers import running_tasks

    window = create_main_window(store, paths)
    qtbot.addWidget(window)
    screen = window.screen("today")
    window.show()
    assert screen.isVisible() and screen.summary is None
    assert running_tasks() == 0  # shown, not yet drawn: nothing started
    with qtbot.waitSignal(screen.loaded, timeout=5000):
        pass  # the paint comes, then the load
    assert [e.title for e in screen.summary.events] == ["Громадські слухання"]

    hidden = create_main_window(store, paths)  # never shown, so never drawn
    qtbot.addWidget(hidden)
    never_drawn = hidden.screen("today")
    never_drawn.refresh()
    assert running_tasks() == 0
    with qtbot.waitSignal(never_drawn.loaded,
                          timeout=today_screen.FIRST_LOAD_LATEST_MS + 5000):
        pass
    assert [e.title for e in never_drawn.summary.events] == ["Громадські слухання"]
