"""Sync in the app: connect in Settings, sync from the button, status in Ukrainian, offline
detection, and deciding a conflict — against the real platform on 127.0.0.1."""

from __future__ import annotations

from desktop.store import syncstate
from server import auth, service


def test_connect_in_settings_then_sync_from_the_button(window, qtbot, store, live_server):
    office = service.create_office(live_server.db, "Офіс звʼязку Десна")
    code = auth.new_enrollment_code(live_server.db, office, "office")
    window.show_screen("settings")
    settings = window.screen("settings")
    qtbot.keyClicks(settings.platform_url, live_server.url)
    qtbot.keyClicks(settings.enroll_code, code)
    settings.enroll_button.click()
    qtbot.waitUntil(lambda: store.get_meta("sync.last_success") is not None, timeout=20_000)
    assert store.get_meta(syncstate.SERVER_URL) == live_server.url
    assert store.get("offices", office)["name"] == "Офіс звʼязку Десна"
    assert "Підключено" in settings.platform_status.text()
    qtbot.waitUntil(lambda: "Синхронізовано" in window.sync_label.text(), timeout=10_000)

    store.insert("people", {"last_name": "Ковальчук", "first_name": "Олена",
                            "gender": "female", "office_id": office})
    window.sync.refresh_status()
    assert "очікують: 1" in window.sync_label.text()
    window.sync_button.click()
    qtbot.waitUntil(lambda: syncstate.pending_count(store) == 0, timeout=20_000)
    qtbot.waitUntil(lambda: "очікують" not in window.sync_label.text(), timeout=10_000)
    assert len(service.export_records(live_server.db, "people")) == 1


def test_a_wrong_code_is_explained_and_changes_nothing(window, qtbot, store, live_server):
    settings = window.screen("settings")
    qtbot.keyClicks(settings.platform_url, live_server.url)
    qtbot.keyClicks(settings.enroll_code, "AAAA-BBBB-CCCC")
    settings.enroll_button.click()
    qtbot.waitUntil(lambda: settings.enroll_button.isEnabled(), timeout=20_000)
    assert "Не підключено" in settings.platform_status.text()
    assert store.get_meta(syncstate.SERVER_URL) is None


def test_no_connection_is_shown_and_retried(window, qtbot, store):
    store.set_meta(syncstate.SERVER_URL, "http://127.0.0.1:9")  # nothing listens there
    (window.ctx.paths.root / "sync-token").write_text("token")
    window.sync.sync_quietly()
    qtbot.waitUntil(lambda: window.sync.offline, timeout=60_000)
    assert "немає звʼязку" in window.sync_label.text()
    assert "Немає звʼязку з платформою" in window.sync_label.toolTip()
    assert window.sync._probe.isActive()  # it keeps trying until the link is back


def test_deciding_a_conflict_applies_the_other_value(window, qtbot, store):
    from desktop.ui.sync_review import SyncReview

    org = store.insert("organizations", {"name": "ГО «Світанок»",
                                         "legal_form": "public_organization",
                                         "website": "https://b.example"})
    store.insert("conflicts", {"table_name": "organizations", "record_id": org["id"],
                               "field": "website", "winning_value": "https://b.example",
                               "losing_value": "https://a.example",
                               "winning_hlc": "1795456150000-00000-b",
                               "losing_hlc": "1795456140000-00000-a", "losing_device": "a"})
    dialog = SyncReview(window.ctx, window)
    qtbot.addWidget(dialog)
    assert dialog.tabs.tabText(0) == "Конфлікти (1)"
    assert dialog.conflicts.item(0, 3).text() == "https://a.example"
    dialog.conflicts.selectRow(0)
    dialog._use_other()
    assert store.get("organizations", org["id"])["website"] == "https://a.example"
    assert syncstate.open_conflicts(store) == 0
    assert dialog.tabs.tabText(0) == "Конфлікти (0)"


def test_review_button_shows_only_when_there_is_something_to_review(window, store):
    assert window.review_button.isHidden()
    store.insert("conflicts", {"table_name": "people", "record_id": "x" * 36, "field": "phone",
                               "winning_value": "1", "losing_value": "2"})
    window._update_review_button()
    assert not window.review_button.isHidden()
    assert window.review_button.text() == "Переглянути (1)…"


def test_received_rows_set_aside_are_listed_named_and_dismissable(window, qtbot, store):
    from desktop.sync.wire import field_errors
    from desktop.ui.sync_review import SyncReview

    data = {"title": "Збори громади", "capacity": 10**30}
    row = syncstate.PulledRow("events", "01a2c3d4-0000-7000-8000-000000000001", 17, False, data)
    errors = field_errors("events", data)
    syncstate.apply_pulled(store, [], 17, [(row, "not valid: capacity is too large", errors)])
    window._update_review_button()
    assert window.review_button.text() == "Переглянути (1)…"
    dialog = SyncReview(window.ctx, window)
    qtbot.addWidget(dialog)
    assert dialog.tabs.tabText(3) == "Не збережено (1)"
    assert dialog.set_aside.item(0, 0).text() == "Події: Збори громади"
    why = dialog.set_aside.item(0, 1)
    assert why.text().startswith("«Кількість місць»: завелике значення")  # in Ukrainian
    assert "capacity is too large" in why.toolTip()  # the technical words, for IT
    assert int(store.get_meta(syncstate.CURSOR)) == 17  # the cursor moved past it
    dialog.set_aside.selectRow(0)
    dialog._dismiss_set_aside()
    assert dialog.tabs.tabText(3) == "Не збережено (0)"
    assert syncstate.open_set_aside(store) == []


def test_sync_button_without_a_platform_offers_to_connect(window, qtbot, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    asked = []
    monkeypatch.setattr(window, "ask_to_connect", lambda: asked.append(1) or True)
    window.sync_button.click()
    assert asked == [1]
    assert window.current_screen().key == "settings"
    monkeypatch.setattr(window, "ask_to_connect", lambda: asked.append(2) or False)
    window.show_screen("today")
    QTest.keyClick(window, Qt.Key.Key_F5)
    assert asked == [1, 2] and window.current_screen().key == "today"


def test_offline_says_when_the_next_try_is(window, qtbot, store):
    store.set_meta(syncstate.SERVER_URL, "http://127.0.0.1:9")
    (window.ctx.paths.root / "sync-token").write_text("token")
    messages = []
    window.ctx.bus.sync_finished.connect(lambda ok, text: messages.append(text))
    window.sync.sync_quietly()
    qtbot.waitUntil(lambda: window.sync.offline, timeout=60_000)
    when = window.sync.next_try.strftime("%H:%M")
    assert f"наступна спроба {when}" in window.sync_label.text()
    assert "наступна спроба о" in messages[-1]


def test_demo_platform_is_named_in_the_status(window, store):
    from desktop.demo.platform import DEMO_PLATFORM

    store.set_meta(syncstate.SERVER_URL, "http://127.0.0.1:9")
    store.set_meta(DEMO_PLATFORM, "http://127.0.0.1:9")
    window.sync.refresh_status()
    assert window.sync_label.text().startswith("Демо-платформа")
    assert "демонстраційна платформа" in window.sync_label.toolTip()
