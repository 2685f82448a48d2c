"""The console driven in a real headless browser (Debian's chromium through its chromedriver;
nothing downloaded): an administrator issues a code, a real laptop enrolls with it, an
officer answers the laptop's appeal, and the answer arrives on the laptop after its sync."""

from __future__ import annotations

import os
import re
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop.store import open_store
from desktop.sync.client import enroll, make_engine
from server import service
from server.console import accounts
from tests.conftest import LiveServer, make_db

CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and DRIVER),
    reason="Debian's chromium and chromium-driver are not installed; make test installs them")

PASSWORD = "довгий-пароль-2026"


@pytest.fixture
def browser(tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--window-size=1366,768",
                 f"--user-data-dir={tmp_path / 'chromium'}", "--lang=uk"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


@pytest.fixture
def platform(tmp_path):
    db = make_db("sqlite", tmp_path)
    server = LiveServer(db)
    yield server
    server.stop()
    db.close()


def _shot(driver, name: str) -> None:
    """Pages kept for a person to look at (HROMADA_CONSOLE_SHOTS=folder)."""
    folder = os.environ.get("HROMADA_CONSOLE_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(Path(folder) / f"console-{name}.png"))


def _click_then(driver, element, text: str) -> None:
    """Click and wait for the next page to say `text` (a form posts, a new page loads)."""
    from selenium.webdriver.support.ui import WebDriverWait

    element.click()
    WebDriverWait(driver, 15).until(lambda d: text in d.page_source)


def test_log_in_issue_a_code_enroll_a_laptop_and_answer_its_appeal(browser, platform,
                                                                   tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    db, url = platform.db, platform.url
    accounts.create_staff(db, "olena", "Олена Коваль", PASSWORD, "admin")
    office = service.create_office(db, "Офіс звʼязку Десна")

    browser.get(url + "/")
    assert browser.current_url.endswith("/console/login")  # a first visit: nothing "ended"
    assert not browser.find_elements(By.CSS_SELECTOR, "[role=alert]")
    browser.find_element(By.ID, "login").send_keys("olena")
    browser.find_element(By.ID, "password").send_keys("не той пароль")
    _click_then(browser, browser.find_element(By.CSS_SELECTOR, "button[type=submit]"),
                "Неправильний логін або пароль")
    browser.find_element(By.ID, "password").send_keys(PASSWORD)
    _click_then(browser, browser.find_element(By.CSS_SELECTOR, "button[type=submit]"),
                "Видати код підключення")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Офіси та пристрої"

    Select(browser.find_element(By.ID, "office")).select_by_visible_text("Офіс звʼязку Десна")
    _shot(browser, "overview")
    _click_then(browser, browser.find_element(By.XPATH, "//button[text()='Видати код']"),
                'id="code"')
    code = browser.find_element(By.ID, "code").text
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}", code)
    _shot(browser, "code")

    folder = tmp_path / "desna"
    folder.mkdir()
    laptop = open_store(folder / "hromada.sqlite3")
    enroll(laptop, folder, url, code)
    received = date.today() - timedelta(days=35)
    idea = laptop.insert("ideas", {
        "title": "Тротуар до школи", "description": "Діти йдуть узбіччям",
        "channel": "appeal", "office_id": office, "status": "forwarded",
        "received_on": received.isoformat()})["id"]
    assert make_engine(laptop, folder).run().up_to_date

    browser.get(url + "/console/inbox")
    row = browser.find_element(By.LINK_TEXT, "Тротуар до школи")
    assert "прострочено" in browser.find_element(By.CSS_SELECTOR, "td.overdue").text
    _shot(browser, "inbox")
    _click_then(browser, row, "Зберегти відповідь")
    Select(browser.find_element(By.ID, "status")).select_by_visible_text("Підтримано")
    browser.find_element(By.ID, "response").send_keys("Тротуар збудують до вересня.")
    _click_then(browser, browser.find_element(By.XPATH, "//button[text()='Зберегти відповідь']"),
                "Відповідь збережено")
    _shot(browser, "answer")

    make_engine(laptop, folder).run()
    answered = laptop.get("ideas", idea)
    assert answered["response"] == "Тротуар збудують до вересня."
    assert answered["status"] == "accepted" and answered["responded_on"] == date.today().isoformat()
    laptop.close()

    browser.get(url + "/console/report")
    assert "Звіт про роботу офісів" in browser.find_element(By.TAG_NAME, "h1").text
    _shot(browser, "report")
    _click_then(browser, browser.find_element(By.XPATH, "//button[text()='Вийти']"),
                'id="password"')
    browser.get(url + "/console/inbox")
    assert "/console/login" in browser.current_url
