"""The first-run wizard's three paths, driven as a person would: the platform path against the
real server on loopback (a wrong code, an expired code, a wrong address, then the right code),
working on one's own, and the demo."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from desktop.store import syncstate
from desktop.ui import first_run
from desktop.ui.first_run import FirstRunWizard


@pytest.fixture
def wizard(app, qtbot, store, paths):
    w = FirstRunWizard(store, paths)
    qtbot.addWidget(w)
    w.show()
    return w


def _next(qtbot, wizard) -> None:
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def _choose(qtbot, wizard, choice: int) -> None:
    wizard.welcome.choices.button(choice).click()
    _next(qtbot, wizard)


def test_a_new_store_needs_the_first_run(store):
    assert first_run.needs_first_run(store)


def test_work_on_my_own(qtbot, wizard, store):
    assert "Ласкаво просимо" in wizard.welcome.title()
    _choose(qtbot, wizard, first_run.CHOICE_OWN)
    page = wizard.own
    assert wizard.currentId() == first_run.PAGE_OWN
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # empty form
    page.name.setText("Офіс звʼязку Десна")
    page.staff_name.setText("Коваль Ірина")
    labels = [page.settlement.itemText(i) for i in range(page.settlement.count())]
    assert any("Десна" in text for text in labels)
    page.settlement.setCurrentIndex(next(i for i, t in enumerate(labels) if "Десна" in t))
    _next(qtbot, wizard)
    assert wizard.currentId() == first_run.PAGE_DONE
    assert str(wizard.paths.root) in wizard.done_page.where.text()
    assert "Десна" in wizard.done_page.outcome.text()
    office = store.get("offices", store.get_meta("office_id"))
    assert office["name"] == "Офіс звʼязку Десна" and office["settlement_id"]
    assert store.get("staff", store.get_meta("staff_id"))["name"] == "Коваль Ірина"
    assert not first_run.needs_first_run(store)
    assert syncstate.pending_count(store) == 1  # the staff member only; the office is local
    # Whether a stolen laptop would give residents' data away is said on the last page.
    qtbot.waitUntil(lambda: store.get_meta(first_run.DISK_KEY) is not None, timeout=15_000)
    state = store.get_meta(first_run.DISK_KEY).split(":")[0]
    expected = {"on": "зашифровано (", "off": "не зашифровано",
                "unknown": "Не вдалося з’ясувати"}[state]
    assert expected in wizard.done_page.disk.text()


def test_platform_path_with_wrong_and_expired_codes(qtbot, wizard, store, live_server):
    from server import auth, service

    db = live_server.db
    office = service.create_office(db, "Офіс звʼязку Стадниця")
    _choose(qtbot, wizard, first_run.CHOICE_CONNECT)
    page = wizard.connect_page
    page.url.setText(live_server.url)
    page.code.setText("WRONG-CODE")
    page.staff_name.setText("Мельник Ганна")

    def attempt() -> str:
        _next(qtbot, wizard)
        qtbot.waitUntil(lambda: not page.working(), timeout=15_000)
        return page.error.text() if page.error.isVisible() else ""

    assert "Код неправильний" in attempt()
    expired = auth.new_enrollment_code(db, office, "office", timedelta(hours=-1))
    page.code.setText(expired)
    assert "строк дії" in attempt()
    page.url.setText(live_server.url + "/nothing-here")
    assert "не платформа Hromada" in attempt()
    assert wizard.currentId() == first_run.PAGE_CONNECT
    assert store.get_meta(syncstate.SERVER_URL) is None

    page.url.setText(live_server.url)
    page.code.setText(auth.new_enrollment_code(db, office, "office"))
    assert attempt() == ""
    qtbot.waitUntil(lambda: wizard.currentId() == first_run.PAGE_DONE, timeout=5000)
    assert "Стадниця" in wizard.done_page.outcome.text()
    assert store.get_meta("office_id") == office
    assert store.get("staff", store.get_meta("staff_id"))["name"] == "Мельник Ганна"


def test_no_connection_is_said_plainly(qtbot, wizard, store):
    import socket

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    _choose(qtbot, wizard, first_run.CHOICE_CONNECT)
    page = wizard.connect_page
    page.url.setText(f"http://127.0.0.1:{port}")
    page.code.setText("ABC")
    page.staff_name.setText("Ганна")
    _next(qtbot, wizard)
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=30_000)
    assert "Немає звʼязку" in page.error.text() or "немає зв" in page.error.text().lower()


def test_demo(qtbot, wizard, store, monkeypatch):
    monkeypatch.setattr(first_run, "DEMO_PEOPLE", 60)
    monkeypatch.setattr(first_run, "DEMO_EVENTS", 6)
    _choose(qtbot, wizard, first_run.CHOICE_DEMO)
    _next(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentId() == first_run.PAGE_DONE, timeout=60_000)
    assert store.count("people") == 60
    assert store.get_meta("office_id") and store.get_meta("staff_id")


def test_language_switch_rebuilds_in_english(qtbot, wizard, settings_file):
    from desktop.ui import prefs

    chosen = []
    wizard.language_chosen.connect(chosen.append)
    wizard.welcome.language.setCurrentIndex(1)
    assert chosen == ["en"] and prefs.language() == "en"
