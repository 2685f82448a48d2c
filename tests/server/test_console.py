"""The council's web console over real HTTP (uvicorn on loopback, SQLite and PostgreSQL): who
gets in, what each role may do, and an answer that travels to the office's laptop."""

from __future__ import annotations

import re
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
import requests

from desktop.domain import deadlines
from desktop.store import open_store
from desktop.sync.client import enroll, make_engine
from server import auth, cli, service
from server.console import accounts

PASSWORD = "довгий-пароль-2026"


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, html[:500]
    return found.group(1)


def _login(url: str, login: str, password: str = PASSWORD) -> requests.Session:
    session = requests.Session()
    page = session.get(f"{url}/console/login")
    answer = session.post(f"{url}/console/login", data={
        "csrf": _csrf(page.text), "login": login, "password": password},
        allow_redirects=False)
    assert answer.status_code == 303, answer.text[:300]
    return session


@pytest.fixture
def council(live_server):
    db = live_server.db
    accounts.create_staff(db, "admin", "Адміністраторка Олена", PASSWORD, "admin")
    accounts.create_staff(db, "officer", "Офіцер Петро", PASSWORD, "officer")
    office = service.create_office(db, "Офіс Десна")
    return {"url": live_server.url, "db": db, "office": office}


class Laptop:
    """A real office store enrolled with a code, syncing over HTTP."""

    def __init__(self, folder: Path, url: str, code: str) -> None:
        folder.mkdir()
        self.folder = folder
        self.store = open_store(folder / "hromada.sqlite3")
        enroll(self.store, folder, url, code)

    def sync(self):
        return make_engine(self.store, self.folder).run()


def test_pages_need_a_login_and_a_wrong_password_gets_nobody_in(council):
    url = council["url"]
    assert requests.get(url + "/", allow_redirects=False).headers["location"] == "/console"
    start = requests.get(url + "/console", allow_redirects=False)
    assert start.status_code == 303 and start.headers["location"].startswith("/console/login")
    page = requests.get(url + "/console/login")
    assert page.status_code == 200 and "Увійти" in page.text and 'lang="uk"' in page.text
    session = requests.Session()
    form = session.get(url + "/console/login")
    wrong = session.post(url + "/console/login", data={
        "csrf": _csrf(form.text), "login": "admin", "password": "не той пароль"},
        allow_redirects=False)
    assert wrong.status_code == 401 and "Неправильний логін або пароль" in wrong.text
    assert "hromada_console" not in session.cookies
    assert session.get(url + "/console", allow_redirects=False).status_code == 303
    english = requests.get(url + "/console/login?lang=en")
    assert "Log in" in english.text and 'lang="en"' in english.text


def test_a_login_without_its_form_token_is_refused(council):
    answer = requests.post(council["url"] + "/console/login",
                           data={"login": "admin", "password": PASSWORD})
    assert answer.status_code == 403 and "Форма застаріла" in answer.text


def test_failed_logins_are_limited_and_the_right_password_waits_too(council):
    url = council["url"]
    session = requests.Session()
    token = _csrf(session.get(url + "/console/login").text)
    for _ in range(accounts.FAILURES_PER_LOGIN):
        answer = session.post(url + "/console/login", data={
            "csrf": token, "login": "officer", "password": "вгадую-пароль"})
        assert answer.status_code == 401
    blocked = session.post(url + "/console/login", data={
        "csrf": token, "login": "officer", "password": PASSWORD}, allow_redirects=False)
    assert blocked.status_code == 429 and "15 хвилин" in blocked.text
    assert _login(url, "admin")  # another account is not blocked by it


def test_an_officer_cannot_issue_codes_or_revoke_and_nothing_changes(council, tmp_path):
    url, db = council["url"], council["db"]
    laptop = Laptop(tmp_path / "desna", url,
                    auth.new_enrollment_code(db, council["office"], "office"))
    officer = _login(url, "officer")
    page = officer.get(url + "/console")
    assert page.status_code == 200 and "Видати код" not in page.text
    token = _csrf(page.text)
    refused = officer.post(url + "/console/codes", data={
        "csrf": token, "office": council["office"], "hours": "24"})
    assert refused.status_code == 403 and "адміністратор" in refused.text
    with db.transaction() as tx:
        assert tx.one("SELECT count(*) FROM enrollment_codes WHERE used_at IS NULL")[0] == 0
    refused = officer.post(url + f"/console/devices/{laptop.store.device_id}/revoke",
                           data={"csrf": token})
    assert refused.status_code == 403
    assert laptop.sync().up_to_date  # still enrolled


def test_forms_without_the_session_token_change_nothing(council, tmp_path):
    url, db = council["url"], council["db"]
    laptop = Laptop(tmp_path / "desna", url,
                    auth.new_enrollment_code(db, council["office"], "office"))
    admin = _login(url, "admin")
    for path, data in ((f"/console/devices/{laptop.store.device_id}/revoke", {}),
                       ("/console/codes", {"office": council["office"], "hours": "24"})):
        refused = admin.post(url + path, data={**data, "csrf": "підроблений"})
        assert refused.status_code == 403 and "Форма застаріла" in refused.text
    assert laptop.sync().up_to_date
    with db.transaction() as tx:
        assert tx.one("SELECT count(*) FROM enrollment_codes WHERE used_at IS NULL")[0] == 0


def test_an_ended_session_sends_back_to_the_login(council):
    url, db = council["url"], council["db"]
    admin = _login(url, "admin")
    old = accounts._iso(accounts._now() - accounts.SESSION_IDLE - timedelta(minutes=1))
    with db.transaction(write=True) as tx:
        tx.execute("UPDATE console_sessions SET last_seen_at = ?", (old,))
    answer = admin.get(url + "/console", allow_redirects=False)
    assert answer.status_code == 303 and "ended=1" in answer.headers["location"]
    assert "Сеанс завершився" in admin.get(url + answer.headers["location"]).text


def test_a_code_issued_in_the_console_enrolls_a_laptop_that_can_then_be_revoked(
        council, tmp_path):
    url = council["url"]
    admin = _login(url, "admin")
    page = admin.get(url + "/console")
    issued = admin.post(url + "/console/codes", data={
        "csrf": _csrf(page.text), "office": council["office"], "hours": "24"})
    assert issued.status_code == 200
    code = re.search(r'id="code">([A-Z0-9-]+)<', issued.text).group(1)
    assert 'src="data:image/svg+xml' in issued.text  # the QR code for the laptop
    bad = admin.post(url + "/console/codes", data={
        "csrf": _csrf(page.text), "office": council["office"], "hours": "9999"})
    assert bad.status_code == 400 and "від 1 до 720" in bad.text
    laptop = Laptop(tmp_path / "desna", url, code)
    assert laptop.sync().up_to_date
    listed = admin.get(url + "/console").text
    assert laptop.store.device_id[:4] in listed or "Офіс Десна" in listed
    revoked = admin.post(url + f"/console/devices/{laptop.store.device_id}/revoke",
                         data={"csrf": _csrf(listed)}, allow_redirects=False)
    assert revoked.status_code == 303
    from desktop.sync.transport import SyncError

    with pytest.raises(SyncError):
        laptop.sync()


def test_an_officers_answer_reaches_the_office_laptop(council, tmp_path):
    url, db = council["url"], council["db"]
    laptop = Laptop(tmp_path / "desna", url,
                    auth.new_enrollment_code(db, council["office"], "office"))
    received = date.today() - timedelta(days=40)
    idea = laptop.store.insert("ideas", {
        "title": "Освітлення вулиці Садової", "description": "Немає ліхтарів",
        "channel": "appeal", "office_id": council["office"], "status": "forwarded",
        "received_on": received.isoformat()})["id"]
    assert laptop.sync().up_to_date
    officer = _login(url, "officer")
    inbox = officer.get(url + "/console/inbox?show=overdue").text
    due = deadlines.due_date(received, deadlines.DEFAULT_PERIODS["appeal"])
    assert "Освітлення вулиці Садової" in inbox and due.strftime("%d.%m.%Y") in inbox
    page = officer.get(url + f"/console/inbox/ideas/{idea}")
    empty = officer.post(url + f"/console/inbox/ideas/{idea}", data={
        "csrf": _csrf(page.text), "status": "answered", "response": "  ",
        "responded_on": date.today().isoformat()})
    assert empty.status_code == 400 and "Напишіть відповідь" in empty.text
    answer = officer.post(url + f"/console/inbox/ideas/{idea}", data={
        "csrf": _csrf(page.text), "status": "accepted",
        "response": "Ліхтарі встановлять у березні.",
        "responded_on": date.today().isoformat()}, allow_redirects=False)
    assert answer.status_code == 303
    assert "Відповідь збережено" in officer.get(url + answer.headers["location"]).text
    laptop.sync()
    stored = laptop.store.get("ideas", idea)
    assert stored["response"] == "Ліхтарі встановлять у березні."
    assert stored["status"] == "accepted"
    assert stored["responded_on"] == date.today().isoformat()
    with db.transaction() as tx:  # the audit: who wrote the answer, in the field's history
        meta = tx.one("SELECT field_meta FROM records WHERE tbl = 'ideas' AND id = ?",
                      (idea,))[0]
    assert "console-web" in meta
    assert "Освітлення вулиці Садової" not in officer.get(
        url + "/console/inbox?show=waiting").text


def test_create_admin_on_the_command_line(tmp_path, monkeypatch, capsys):
    import io

    db_url = f"sqlite:///{tmp_path / 'platform.sqlite3'}"
    monkeypatch.setattr("sys.stdin", io.StringIO("короткий\n"))
    assert cli.main(["--db", db_url, "create-admin", "olena", "--name", "Олена",
                     "--password-stdin"]) == 1
    assert "at least 10 characters" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert cli.main(["--db", db_url, "create-admin", "olena", "--name", "Олена",
                     "--password-stdin"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert cli.main(["--db", db_url, "create-admin", "Olena", "--name", "Олена",
                     "--password-stdin"]) == 1
    assert "already an account" in capsys.readouterr().err


def test_every_console_phrase_has_its_ukrainian():
    from server.console.texts import UK

    root = Path(__file__).parents[2] / "server" / "console"
    phrases: set[str] = set()
    for template in (root / "templates").glob("*.html"):
        text = template.read_text(encoding="utf-8")
        phrases |= set(re.findall(r't\("([^"]+)"\)', text))
        phrases |= set(re.findall(r"t\('([^']+)'\)", text))
        for group in re.findall(r'\[\((.*?)\)\]', text):  # the inbox's (value, text) pairs
            phrases |= set(re.findall(r'"[a-z_]*", "([^"]+)"', "(" + group + ")"))
    phrases |= set(re.findall(r'AccountError\(\s*"([^"]+)"',
                              (root / "accounts.py").read_text(encoding="utf-8")))
    code = (root / "pages.py").read_text(encoding="utf-8")
    phrases |= set(re.findall(r'translate\(\s*(?:language|_language\(request\)),\s*"([^"]+)"',
                              code))
    assert len(phrases) > 40
    assert sorted(phrases - set(UK)) == []


def test_the_report_has_the_desktops_figures_and_downloads_as_xlsx(council, tmp_path):
    import io

    import openpyxl

    from desktop.domain import kpi
    from desktop.store.queries.reports import compute

    url, db, office = council["url"], council["db"], council["office"]
    laptop = Laptop(tmp_path / "desna", url, auth.new_enrollment_code(db, office, "office"))
    store = laptop.store
    today = date.today()
    event = store.insert("events", {
        "title": "Громадські слухання", "kind": "public_hearing", "office_id": office,
        "starts_at": f"{today.isoformat()}T10:00", "status": "held"})["id"]
    for n, gender in enumerate(("female", "female", "male")):
        person = store.insert("people", {"last_name": f"Учасник{n}", "first_name": "Тест",
                                         "gender": gender, "office_id": office})["id"]
        from desktop.store.ids import attendance_id

        store.insert("attendance", {"id": attendance_id(person, event), "event_id": event,
                                    "person_id": person, "status": "attended"})
    store.insert("ideas", {"title": "Лавки", "description": "Біля ставу", "channel": "appeal",
                           "office_id": office, "status": "forwarded",
                           "received_on": today.isoformat()})
    assert laptop.sync().up_to_date
    council_laptop = Laptop(tmp_path / "council", url,
                            auth.new_enrollment_code(db, None, "council"))
    assert council_laptop.sync().up_to_date
    period = kpi.period_for("this_year", today)
    expected = compute(council_laptop.store.conn, period, None)

    from server.console.reports import Mirror

    assert Mirror(db).figures(period, None) == expected  # the same code, the same figures
    assert expected.events.held == 1 and expected.reach.attendances == 3
    officer = _login(url, "officer")
    page = officer.get(url + "/console/report?preset=this_year")
    assert page.status_code == 200 and "Проведено подій" in page.text
    # the desktop's three charts, drawn as bars, each said in words for a screen reader
    assert "Охоплені люди за статтю" in page.text and page.text.count('role="img"') == 3
    assert 'aria-label="Охоплені люди за статтю: Жінка 2, Чоловік 1' in page.text
    mine = officer.get(url + f"/console/report?preset=this_year&office={office}")
    assert "Офіс Десна" in mine.text
    assert officer.get(url + "/console/report?office=нема").status_code == 404
    sheet = officer.get(url + "/console/report.xlsx?preset=this_year")
    assert sheet.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(sheet.content))
    values = [cell.value for ws in book.worksheets for row in ws.iter_rows() for cell in row]
    assert "Проведено подій" in values
    pdf = officer.get(url + "/console/report.pdf?preset=this_year")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    if shutil.which("pdftotext"):  # the same tables, in Ukrainian
        (tmp_path / "report.pdf").write_bytes(pdf.content)
        import subprocess

        text = subprocess.run(["pdftotext", str(tmp_path / "report.pdf"), "-"],
                              capture_output=True, text=True, check=True).stdout
        assert "Проведено подій" in text


def test_an_administrator_keeps_the_staff_and_the_offices(council):
    url, db = council["url"], council["db"]
    admin = _login(url, "admin")
    page = admin.get(url + "/console/staff")
    assert page.status_code == 200 and "Офіцер Петро" in page.text
    token = _csrf(page.text)
    weak = admin.post(url + "/console/staff", data={
        "csrf": token, "name": "Ірина", "login": "iryna", "password": "коротко",
        "role": "officer"})
    assert weak.status_code == 400 and "щонайменше 10 символів" in weak.text
    assert "iryna" not in {s.login for s in accounts.staff_list(db)}
    taken = admin.post(url + "/console/staff", data={
        "csrf": token, "name": "Ще один", "login": "Officer", "password": PASSWORD,
        "role": "officer"})
    assert taken.status_code == 400 and "«officer» уже є" in taken.text
    made = admin.post(url + "/console/staff", data={
        "csrf": token, "name": "Ірина Шевчук", "login": "iryna", "password": PASSWORD,
        "role": "officer"}, allow_redirects=False)
    assert made.status_code == 303
    iryna = _login(url, "iryna")
    assert iryna.get(url + "/console/staff").status_code == 403  # not an administrator
    staff_id = next(s.id for s in accounts.staff_list(db) if s.login == "iryna")
    closed = admin.post(url + f"/console/staff/{staff_id}/disable", data={"csrf": token},
                        allow_redirects=False)
    assert closed.status_code == 303
    assert iryna.get(url + "/console", allow_redirects=False).status_code == 303  # ended
    again = requests.Session()
    form = again.get(url + "/console/login")
    assert again.post(url + "/console/login", data={
        "csrf": _csrf(form.text), "login": "iryna", "password": PASSWORD}).status_code == 401
    own = next(s.id for s in accounts.staff_list(db) if s.login == "admin")
    assert admin.post(url + f"/console/staff/{own}/disable",
                      data={"csrf": token}).status_code == 400

    overview = admin.get(url + "/console")
    office = admin.post(url + "/console/offices", data={
        "csrf": _csrf(overview.text), "name": "  Хаб   Стадниця ", "kind": "cso_hub"},
        allow_redirects=False)
    assert office.status_code == 303 and "Хаб Стадниця" in admin.get(url + "/console").text
    twice = admin.post(url + "/console/offices", data={
        "csrf": _csrf(overview.text), "name": "хаб стадниця", "kind": "cso_hub"})
    assert twice.status_code == 400 and "вже є" in twice.text


def test_a_consultation_submission_is_answered_from_the_inbox_too(council, tmp_path):
    url, db, office = council["url"], council["db"], council["office"]
    laptop = Laptop(tmp_path / "desna", url, auth.new_enrollment_code(db, office, "office"))
    consultation = laptop.store.insert("consultations", {
        "title": "Бюджет 2027", "authority": "Вінницька міська рада",
        "level": "consultation", "office_id": office, "status": "open"})["id"]
    submission = laptop.store.insert("submissions", {
        "consultation_id": consultation, "text": "Прошу додати гроші на освітлення",
        "received_via": "paper", "office_id": office,
        "received_on": (date.today() - timedelta(days=40)).isoformat()})["id"]
    assert laptop.sync().up_to_date
    officer = _login(url, "officer")
    inbox = officer.get(url + "/console/inbox?kind=submissions&show=overdue").text
    assert "Бюджет 2027: Прошу додати гроші на освітлення" in inbox
    assert "Освітлення вулиці" not in inbox
    page = officer.get(url + f"/console/inbox/submissions/{submission}")
    assert page.status_code == 200 and 'id="status"' not in page.text
    saved = officer.post(url + f"/console/inbox/submissions/{submission}", data={
        "csrf": _csrf(page.text), "response": "Враховано в проєкті бюджету.",
        "responded_on": date.today().isoformat()}, allow_redirects=False)
    assert saved.status_code == 303
    laptop.sync()
    stored = laptop.store.get("submissions", submission)
    assert stored["response"] == "Враховано в проєкті бюджету."
    assert officer.get(url + "/console/inbox/submissions/нема").status_code == 404
    assert officer.get(url + f"/console/inbox/people/{submission}").status_code == 404


def test_targets_set_in_the_console_reach_the_office_and_its_report(council, tmp_path):
    from desktop.domain import kpi
    from desktop.domain.report_table import build_report
    from desktop.store.queries.reports import compute

    url, db, office = council["url"], council["db"], council["office"]
    laptop = Laptop(tmp_path / "desna", url, auth.new_enrollment_code(db, office, "office"))
    other = service.create_office(db, "Офіс Стадниця")
    year = date.today().year
    officer = _login(url, "officer")
    page = officer.get(url + f"/console/targets?year={year}")
    assert page.status_code == 200 and "Програма офісів звʼязку" in page.text
    bad = officer.post(url + "/console/targets", data={
        "csrf": _csrf(page.text), "year": str(year), f"events_held:{office}": "п'ятнадцять"})
    assert bad.status_code == 400 and "ціле число" in bad.text
    assert council_targets(db, year) == {}
    saved = officer.post(url + "/console/targets", data={
        "csrf": _csrf(page.text), "year": str(year), f"events_held:{office}": "15",
        f"csos_created:{office}": "3", f"events_held:{other}": "20"}, allow_redirects=False)
    assert saved.status_code == 303
    assert council_targets(db, year)[office]["events_held"] == 15
    laptop.sync()
    rows = laptop.store.conn.execute(
        "SELECT office_id, year, events_held, csos_created, people_reached FROM targets "
        "WHERE deleted = 0").fetchall()
    assert rows == [(office, year, 15, 3, None)]  # its own office's only
    figures = compute(laptop.store.conn, kpi.period_for("this_year", date.today()), None)
    assert figures.targets == kpi.Targets(15, 3, None)
    report = build_report(figures, office="", period="", generated="")
    table = report.section("summary").tables[1]
    assert [row[1] for row in table.rows] == [15, 3]
    # an office cannot change its own targets: they are the council's
    laptop.store.update("targets", laptop.store.conn.execute(
        "SELECT id FROM targets").fetchone()[0], {"events_held": 1})
    report_of_sync = laptop.sync()
    assert any("council" in r for r in report_of_sync.rejected) or \
        laptop.store.conn.execute("SELECT count(*) FROM sync_rejections").fetchone()[0] == 1
    assert council_targets(db, year)[office]["events_held"] == 15


def council_targets(db, year):
    from server.console import council

    return council.targets(db, year)


def test_the_councils_terms_and_days_off_reach_the_offices(council, tmp_path):
    from desktop.domain.deadlines import due_date, period_for
    from desktop.store.queries.ideas import answer_terms

    url, db, office = council["url"], council["db"], council["office"]
    laptop = Laptop(tmp_path / "desna", url, auth.new_enrollment_code(db, office, "office"))
    officer = _login(url, "officer")
    page = officer.get(url + "/console/terms")
    assert page.status_code == 200 and "Строки відповіді" in page.text
    assert officer.post(url + "/console/terms", data={
        "csrf": _csrf(page.text), "amount:petition": "1", "unit:petition": "months"}
        ).status_code == 403
    admin = _login(url, "admin")
    page = admin.get(url + "/console/terms")
    token = _csrf(page.text)
    form = {"csrf": token}
    for kind in ("public_budget", "petition", "appeal", "proposal", "grant_application",
                 "submission"):
        form[f"unit:{kind}"] = "days"
    bad = admin.post(url + "/console/terms", data={**form, "amount:petition": "-3"})
    assert bad.status_code == 400 and "від 1 до 366" in bad.text
    saved = admin.post(url + "/console/terms", data={
        **form, "amount:appeal": "1", "unit:appeal": "months", "longest:appeal": "45",
        "amount:proposal": "1", "unit:proposal": "months", "longest:proposal": "45",
        "amount:submission": "1", "unit:submission": "months", "longest:submission": "45",
        "amount:petition": "20", "unit:petition": "working_days"}, allow_redirects=False)
    assert saved.status_code == 303
    day_off = admin.post(url + "/console/days-off", data={
        "csrf": token, "day": "2026-05-11", "name": "Вихідний за рішенням ради"},
        allow_redirects=False)
    assert day_off.status_code == 303
    laptop.sync()
    periods, work = answer_terms(laptop.store.conn)
    assert periods["petition"].amount == 20 and periods["petition"].unit == "working_days"
    assert periods["appeal"].unit == "months"  # unchanged: written back as it was
    assert not work.is_working(date(2026, 5, 11))
    # 20 working days from Friday 1 May, less the day off on 11 May: Monday 1 June
    assert due_date(date(2026, 5, 1), period_for("petition", periods), work) == \
        date(2026, 6, 1)
    listed = admin.get(url + "/console/terms").text
    record = re.search(r'action="/console/days-off/([^/"]+)/remove"', listed).group(1)
    admin.post(url + f"/console/days-off/{record}/remove", data={"csrf": token})
    laptop.sync()
    assert answer_terms(laptop.store.conn)[1].is_working(date(2026, 5, 11))
