"""The council's web console: pages served by the platform itself, same process, same
database (SQLite or PostgreSQL).

Server-rendered Jinja2 pages with plain forms (no JavaScript needed, nothing to build): a
village office's administrator may open it on a phone. Every POST carries the session's CSRF
token; a page that needs an administrator says so and changes nothing; mistakes get a page
that names them, never a traceback.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import segno
from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from desktop.domain import deadlines, kpi, vocab
from desktop.domain.report_table import cell_kind, format_value
from server import auth, service
from server.console import accounts, council
from server.console.texts import LANGUAGES, translate
from server.db import ServerDB

SESSION_COOKIE = "hromada_console"
#: The kinds of record a council sets a term for (idea channels, then submissions).
TERM_KINDS = (*vocab.codes("idea_channels"), "submission")
LOGIN_CSRF_COOKIE = "hromada_login_csrf"
LANGUAGE_COOKIE = "hromada_lang"

_env = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"),
                   autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)


def _language(request: Request) -> str:
    chosen = request.query_params.get("lang") or request.cookies.get(LANGUAGE_COOKIE)
    return chosen if chosen in LANGUAGES else "uk"


def _date_text(value: str | date | None) -> str:
    if not value:
        return ""
    day = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    return day.strftime("%d.%m.%Y")


def _moment_text(value: str | None) -> str:
    if not value:
        return ""
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return value
    return moment.strftime("%d.%m.%Y %H:%M")


def _vocab(language: str) -> Any:
    """A template's `label("idea_statuses", code)`: the vocabulary's word in the language."""
    def label(kind: str, code: str | None) -> str:
        return vocab.label(kind, code, language) if code else ""
    return label


def _page(request: Request, template: str, status: int = 200,
          session: accounts.Session | None = None, **context: Any) -> HTMLResponse:
    language = _language(request)
    html = _env.get_template(template).render(
        t=lambda text: translate(language, text), lang=language, session=session,
        date_text=_date_text, moment_text=_moment_text, label=_vocab(language),
        path=request.url.path, **context)
    response = HTMLResponse(html, status_code=status)
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Content-Security-Policy"] = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'")
    if request.query_params.get("lang") in LANGUAGES:
        response.set_cookie(LANGUAGE_COOKIE, language, max_age=365 * 86400, samesite="lax")
    return response


def _message(request: Request, text: str, status: int,
             session: accounts.Session | None = None) -> HTMLResponse:
    return _page(request, "message.html", status, session, message=text)


def _address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def install(app: FastAPI, db: ServerDB) -> None:
    """Add the console's pages to the platform's app."""
    router = APIRouter(include_in_schema=False)

    def current(request: Request) -> accounts.Session | None:
        return accounts.session_for(db, request.cookies.get(SESSION_COOKIE))

    async def checked_form(request: Request, session: accounts.Session
                           ) -> dict[str, str] | None:
        form = await request.form()
        values = {k: str(v) for k, v in form.items()}
        return values if accounts.same_token(session.csrf, values.get("csrf")) else None

    async def posted(request: Request, *, admin: bool = False
                     ) -> tuple[accounts.Session, dict[str, str]] | Response:
        """The session and the checked form of a POST, or the page that refuses it: the
        login for no session, 403 for a form without its token or, with `admin`, for an
        officer. Nothing is changed before this says yes."""
        session = current(request)
        if session is None:
            return to_login(request)
        form = await checked_form(request, session)
        language = _language(request)
        if form is None:
            return _message(request, translate(
                language, "The form has expired. Open the page again and repeat."), 403, session)
        if admin and not session.staff.is_admin:
            return _message(request, translate(language, "Only an administrator may do this."),
                            403, session)
        return session, form

    def to_login(request: Request) -> RedirectResponse:
        """To the login page; saying the session ended only to someone who had one."""
        ended = SESSION_COOKIE in request.cookies
        return RedirectResponse("/console/login" + ("?ended=1" if ended else ""),
                                status_code=303)

    @router.get("/")
    def root() -> RedirectResponse:
        return RedirectResponse("/console", status_code=303)

    @router.get("/console/login")
    def login_page(request: Request) -> Response:
        token = request.cookies.get(LOGIN_CSRF_COOKIE) or accounts.secrets.token_urlsafe(24)
        notice = request.query_params.get("ended") and translate(
            _language(request), "Your session has ended. Log in again.")
        response = _page(request, "login.html", csrf=token, notice=notice or "")
        response.set_cookie(LOGIN_CSRF_COOKIE, token, httponly=True, samesite="strict",
                            secure=request.url.scheme == "https")
        return response

    @router.post("/console/login")
    async def login(request: Request) -> Response:
        form = {k: str(v) for k, v in (await request.form()).items()}
        language = _language(request)
        if not accounts.same_token(request.cookies.get(LOGIN_CSRF_COOKIE), form.get("csrf")):
            return _message(request, translate(
                language, "The form has expired. Open the page again and repeat."), 403)
        login_name, address = form.get("login", ""), _address(request)
        if accounts.too_many_failures(db, login_name, address):
            return _message(request, translate(
                language, "Too many failed attempts. Wait 15 minutes and try again."), 429)
        token = accounts.log_in(db, login_name, form.get("password", ""), address)
        if token is None:
            return _page(request, "login.html", 401, csrf=form.get("csrf"),
                         notice=translate(language, "Wrong login or password."),
                         login=login_name)
        response = RedirectResponse("/console", status_code=303)
        response.set_cookie(SESSION_COOKIE, token, httponly=True, samesite="lax",
                            secure=request.url.scheme == "https")
        response.delete_cookie(LOGIN_CSRF_COOKIE)
        return response

    @router.post("/console/logout")
    async def logout(request: Request) -> Response:
        session = current(request)
        if session is not None and await checked_form(request, session) is not None:
            accounts.log_out(db, request.cookies.get(SESSION_COOKIE))
        response = RedirectResponse("/console/login", status_code=303)
        response.delete_cookie(SESSION_COOKIE)
        return response

    @router.get("/console")
    def overview(request: Request) -> Response:
        session = current(request)
        if session is None:
            return to_login(request)
        today = date.today()
        by_office: dict[str | None, dict[str, int]] = {}
        for item in council.inbox(db, today):
            counts = by_office.setdefault(item.office_id, {"waiting": 0, "overdue": 0})
            counts["waiting"] += item.waiting
            counts["overdue"] += item.state == "overdue"
        return _page(request, "overview.html", session=session,
                     offices=council.offices(db), devices=council.devices(db),
                     by_office=by_office, conflicts=council.open_conflicts(db))

    @router.post("/console/codes")
    async def issue_code(request: Request) -> Response:
        checked = await posted(request, admin=True)
        if isinstance(checked, Response):
            return checked
        session, form = checked
        language = _language(request)
        office = form.get("office") or ""
        role = "council" if office == "council" else "office"
        try:
            hours = int(form.get("hours") or "72")
        except ValueError:
            hours = 0
        if not 1 <= hours <= 720:
            return _message(request, translate(
                language, "The number of hours must be from 1 to 720."), 400, session)
        names = council.offices(db)
        if role == "office" and office not in names:
            return _message(request, translate(language, "Choose an office."), 400, session)
        code = auth.new_enrollment_code(db, office if role == "office" else None, role,
                                        timedelta(hours=hours))
        qr = segno.make(code.replace("-", ""), error="m").svg_data_uri(scale=6)
        until = (datetime.now(UTC) + timedelta(hours=hours)).astimezone()
        return _page(request, "code.html", session=session, code=code, qr=Markup(qr),
                     office=names.get(office) if role == "office" else None,
                     until=until.strftime("%d.%m.%Y %H:%M"))

    @router.post("/console/offices")
    async def new_office(request: Request) -> Response:
        checked = await posted(request, admin=True)
        if isinstance(checked, Response):
            return checked
        session, form = checked
        name = " ".join((form.get("name") or "").split())
        kind = form.get("kind") if form.get("kind") in ("liaison_office", "cso_hub") \
            else "liaison_office"
        if not name or len(name) > 200:
            return _message(request, translate(_language(request),
                                               "Write the office's name."), 400, session)
        if name.casefold() in {n.casefold() for n in council.offices(db).values()}:
            return _message(request, translate(_language(request),
                                               "There is already an office with this name."),
                            400, session)
        service.create_office(db, name, kind)
        return RedirectResponse("/console", status_code=303)

    @router.get("/console/staff")
    def staff_page(request: Request) -> Response:
        session = current(request)
        if session is None:
            return to_login(request)
        if not session.staff.is_admin:
            return _message(request, translate(_language(request),
                                               "Only an administrator may do this."), 403, session)
        return _page(request, "staff.html", session=session, staff=accounts.staff_list(db),
                     problem="", typed={})

    @router.post("/console/staff")
    async def add_staff(request: Request) -> Response:
        checked = await posted(request, admin=True)
        if isinstance(checked, Response):
            return checked
        session, form = checked
        try:
            accounts.create_staff(db, form.get("login", ""), form.get("name", ""),
                                  form.get("password", ""), form.get("role", "officer"))
        except accounts.AccountError as exc:
            return _page(request, "staff.html", 400, session=session,
                         staff=accounts.staff_list(db),
                         problem=translate(_language(request), exc.text).format(**exc.values),
                         typed={k: form.get(k, "") for k in ("login", "name", "role")})
        return RedirectResponse("/console/staff", status_code=303)

    @router.post("/console/staff/{staff_id}/disable")
    async def disable(request: Request, staff_id: str) -> Response:
        checked = await posted(request, admin=True)
        if isinstance(checked, Response):
            return checked
        session, _form = checked
        if staff_id == session.staff.id:
            return _message(request, translate(_language(request),
                                               "You cannot close your own account."),
                            400, session)
        if not accounts.disable_staff(db, staff_id):
            return _message(request, translate(_language(request), "Not found."), 404, session)
        return RedirectResponse("/console/staff", status_code=303)

    @router.post("/console/devices/{device_id}/revoke")
    async def revoke(request: Request, device_id: str) -> Response:
        checked = await posted(request, admin=True)
        if isinstance(checked, Response):
            return checked
        session, _form = checked
        language = _language(request)
        if device_id == council.CONSOLE_DEVICE or not auth.revoke(db, device_id):
            return _message(request, translate(language, "Not found."), 404, session)
        return RedirectResponse("/console?revoked=1", status_code=303)

    @router.get("/console/inbox")
    def inbox(request: Request) -> Response:
        session = current(request)
        if session is None:
            return to_login(request)
        show = request.query_params.get("show", "waiting")
        office = request.query_params.get("office") or ""
        kind = request.query_params.get("kind") or ""
        items = council.inbox(db, date.today())
        if kind in council.INBOX_TABLES:
            items = [i for i in items if i.table == kind]
        if office:
            items = [i for i in items if i.office_id == office]
        if show == "waiting":
            items = [i for i in items if i.waiting]
        elif show == "overdue":
            items = [i for i in items if i.state == "overdue"]
        elif show == "due_soon":
            items = [i for i in items if i.state == "due_soon"]
        elif show == "answered":
            items = [i for i in items if not i.waiting]
        return _page(request, "inbox.html", session=session, items=items, show=show,
                     office=office, kind=kind, offices=council.offices(db),
                     today=date.today())

    @router.get("/console/inbox/{table}/{record_id}")
    def item_page(request: Request, table: str, record_id: str) -> Response:
        session = current(request)
        if session is None:
            return to_login(request)
        found = council.item(db, table, record_id, date.today())
        if found is None:
            return _message(request, translate(_language(request), "Not found."), 404, session)
        return _page(request, "item.html", session=session, item=found,
                     offices=council.offices(db), statuses=council.ANSWER_STATUSES,
                     saved=request.query_params.get("saved") == "1", problem="",
                     today=date.today().isoformat())

    @router.post("/console/inbox/{table}/{record_id}")
    async def answer(request: Request, table: str, record_id: str) -> Response:
        checked = await posted(request)
        if isinstance(checked, Response):
            return checked
        session, form = checked
        language = _language(request)
        found = council.item(db, table, record_id, date.today())
        if found is None:
            return _message(request, translate(language, "Not found."), 404, session)
        response_text = (form.get("response") or "").strip()
        status = form.get("status") or "answered"
        problem = ""
        try:
            responded_on = date.fromisoformat(form.get("responded_on") or "")
        except ValueError:
            problem = translate(language, "The date must look like 2026-12-31.")
        if not problem and not response_text and (table != "ideas" or status != "under_review"):
            problem = translate(language, "Write the answer.")
        if not problem:
            fields: dict[str, Any] = {}
            if table == "ideas":
                fields["status"] = status if status in council.ANSWER_STATUSES else "answered"
            if response_text:
                fields.update(response=response_text, responded_on=responded_on.isoformat())
            refusal = council.council_change(db, table, record_id, fields,
                                             session.staff.user_id)
            if refusal is None:
                return RedirectResponse(f"/console/inbox/{table}/{record_id}?saved=1",
                                        status_code=303)
            problem = translate(language, "The platform refused the answer:") + " " + refusal
        return _page(request, "item.html", 400, session=session, item=found,
                     offices=council.offices(db), statuses=council.ANSWER_STATUSES,
                     saved=False, problem=problem, today=form.get("responded_on") or "",
                     typed=response_text)

    @router.get("/console/targets")
    def targets_page(request: Request) -> Response:
        session = current(request)
        if session is None:
            return to_login(request)
        try:
            year = int(request.query_params.get("year") or date.today().year)
        except ValueError:
            year = date.today().year
        year = min(max(year, 2000), 2100)
        return _page(request, "targets.html", session=session, year=year,
                     offices=council.offices(db), targets=council.targets(db, year),
                     programme=kpi.PROGRAMME_TARGETS, problem="",
                     saved=request.query_params.get("saved") == "1")

    @router.post("/console/targets")
    async def save_targets(request: Request) -> Response:
        checked = await posted(request)
        if isinstance(checked, Response):
            return checked
        session, form = checked
        language = _language(request)
        try:
            year = int(form.get("year") or "")
        except ValueError:
            year = 0
        if not 2000 <= year <= 2100:
            return _message(request, translate(language, "Choose a year."), 400, session)
        names, current_targets = council.offices(db), council.targets(db, year)
        wanted: dict[str, dict[str, int | None]] = {}
        for office_id in names:
            values: dict[str, int | None] = {}
            for field in ("events_held", "csos_created", "people_reached"):
                text = (form.get(f"{field}:{office_id}") or "").strip()
                if not text:
                    values[field] = None
                elif text.isdigit() and int(text) <= 10_000_000:
                    values[field] = int(text)
                else:
                    problem = translate(language, "A target is a whole number, or empty for none:")
                    return _page(request, "targets.html", 400, session=session, year=year,
                                 offices=names, targets=current_targets,
                                 programme=kpi.PROGRAMME_TARGETS, saved=False,
                                 problem=problem + " " + names[office_id])
            wanted[office_id] = values
        for office_id, values in wanted.items():
            before = current_targets.get(office_id)
            if before is None and not any(v is not None for v in values.values()):
                continue
            if before is not None and all(before.get(k) == v for k, v in values.items()):
                continue
            refusal = council.council_change(
                db, "targets", council.target_id(office_id, year),
                {"office_id": office_id, "year": year, **values}, session.staff.user_id,
                create=True)
            if refusal is not None:
                return _message(request, translate(
                    language, "The platform refused the answer:") + " " + refusal, 400, session)
        return RedirectResponse(f"/console/targets?year={year}&saved=1", status_code=303)

    @router.get("/console/terms")
    def terms_page(request: Request) -> Response:
        session = current(request)
        if session is None:
            return to_login(request)
        periods, _work = council.answer_terms(db)
        return _page(request, "terms.html", session=session, periods=periods,
                     kinds=TERM_KINDS, days=council.days_off(db), problem="",
                     saved=request.query_params.get("saved") == "1")

    @router.post("/console/terms")
    async def save_terms(request: Request) -> Response:
        checked = await posted(request, admin=True)
        if isinstance(checked, Response):
            return checked
        session, form = checked
        language = _language(request)
        periods, _work = council.answer_terms(db)
        for kind in TERM_KINDS:
            amount = (form.get(f"amount:{kind}") or "").strip()
            unit = form.get(f"unit:{kind}") or "days"
            longest = (form.get(f"longest:{kind}") or "").strip()
            if (amount and not amount.isdigit()) or (longest and not longest.isdigit()) or \
                    unit not in deadlines.UNITS or (amount and not 1 <= int(amount) <= 366) or \
                    (longest and not 1 <= int(longest) <= 366):
                what = vocab.label("idea_channels", kind, language) if kind != "submission" \
                    else translate(language, "Consultation submission")
                problem = translate(language, "A term is a whole number from 1 to 366:")
                problem += " " + what
                periods, _work = council.answer_terms(db)
                return _page(request, "terms.html", 400, session=session, periods=periods,
                             kinds=TERM_KINDS, days=council.days_off(db), problem=problem,
                             saved=False)
            wanted = {"kind": kind, "amount": int(amount) if amount else None,
                      "unit": unit, "longest_days": int(longest) if longest else None}
            now = periods.get(kind)
            if (now is None and wanted["amount"] is None) or (
                    now is not None and (now.amount, now.unit, now.longest_days) ==
                    (wanted["amount"], wanted["unit"], wanted["longest_days"])):
                continue
            refusal_text = council.council_change(db, "answer_periods", f"term-{kind}", wanted,
                                                  session.staff.user_id, create=True)
            if refusal_text is not None:
                return _message(request, refusal_text, 400, session)
        return RedirectResponse("/console/terms?saved=1", status_code=303)

    @router.post("/console/days-off")
    async def add_day_off(request: Request) -> Response:
        checked = await posted(request, admin=True)
        if isinstance(checked, Response):
            return checked
        session, form = checked
        language = _language(request)
        try:
            day = date.fromisoformat(form.get("day") or "")
        except ValueError:
            return _message(request, translate(language, "The date must look like 2026-12-31."),
                            400, session)
        council.council_change(db, "days_off", f"day-{day.isoformat()}", {
            "day": day.isoformat(), "working": 1 if form.get("working") else 0,
            "name": (form.get("name") or "").strip() or None}, session.staff.user_id,
            create=True)
        return RedirectResponse("/console/terms?saved=1", status_code=303)

    @router.post("/console/days-off/{record_id}/remove")
    async def remove_day_off(request: Request, record_id: str) -> Response:
        checked = await posted(request, admin=True)
        if isinstance(checked, Response):
            return checked
        session, _form = checked
        if record_id not in {rid for rid, _data in council.days_off(db)}:
            return _message(request, translate(_language(request), "Not found."), 404, session)
        council.council_change(db, "days_off", record_id, {}, session.staff.user_id,
                               delete=True)
        return RedirectResponse("/console/terms?saved=1", status_code=303)

    def report_request(request: Request) -> tuple[kpi.Period, str | None, str] | None:
        preset = request.query_params.get("preset", "this_year")
        if preset not in ("this_month", "last_month", "this_quarter", "this_year"):
            preset = "this_year"
        office = request.query_params.get("office") or None
        names = council.offices(db)
        if office is not None and office not in names:
            return None
        return kpi.period_for(preset, date.today()), office, preset

    mirror: list[Any] = []  # made on the first report (the schema exists by then)

    def report_asked(request: Request
                     ) -> tuple[accounts.Session, kpi.Period, str | None, str] | Response:
        """Who asks for which report: (session, period, office, preset), or the page that
        refuses (the login; an office that does not exist)."""
        session = current(request)
        if session is None:
            return to_login(request)
        asked = report_request(request)
        if asked is None:
            return _message(request, translate(_language(request), "Not found."), 404, session)
        return (session, *asked)

    def figures_of(period: kpi.Period, office: str | None) -> kpi.ReportFigures:
        from server.console.reports import Mirror

        if not mirror:
            mirror.append(Mirror(db))
        return mirror[0].figures(period, office)

    def build(request: Request, period: kpi.Period, office: str | None,
              figures: kpi.ReportFigures | None = None) -> Any:
        from server.console.reports import report_of

        figures = figures or figures_of(period, office)
        language = _language(request)
        names = council.offices(db)
        return report_of(
            figures, language,
            office=names.get(office or "", "") or translate(language, "All offices"),
            period=f"{_date_text(period.start)} – {_date_text(period.end)}",
            generated=translate(language, "Prepared on") + " " +
            datetime.now().strftime("%d.%m.%Y %H:%M"))

    def charts(request: Request, figures: kpi.ReportFigures) -> list[dict[str, Any]]:
        """The desktop's three charts, as bars the page draws: (title, [(label, count)])."""
        language = _language(request)
        label = _vocab(language)
        return [
            {"title": translate(language, "People reached by gender"),
             "bars": [(label("genders", code), n)
                      for code, n in figures.reach.by_gender().items()]},
            {"title": translate(language, "Events by level of participation"),
             "bars": [(label("participation_levels", code) if code else
                       translate(language, "Not given"), n)
                      for code, n in figures.events.by_level.items()]},
            {"title": translate(language, "Ideas and appeals by status"),
             "bars": [(label("idea_statuses", code), n)
                      for code, n in figures.ideas.by_status.items()]},
        ]

    @router.get("/console/report")
    def report_page(request: Request) -> Response:
        asked = report_asked(request)
        if isinstance(asked, Response):
            return asked
        session, period, office, preset = asked
        figures = figures_of(period, office)
        return _page(request, "report.html", session=session,
                     report=build(request, period, office, figures),
                     charts=charts(request, figures), offices=council.offices(db),
                     office=office or "", preset=preset, cell=format_value, kind=cell_kind)

    @router.get("/console/report.xlsx")
    def report_xlsx(request: Request) -> Response:
        asked = report_asked(request)
        if isinstance(asked, Response):
            return asked
        _session, period, office, _preset = asked
        import tempfile

        from desktop.reporting.xlsx import write_xlsx

        with tempfile.TemporaryDirectory() as folder:
            target = write_xlsx(build(request, period, office), Path(folder) / "report.xlsx")
            data = target.read_bytes()
        name = f"hromada-report-{period.start.isoformat()}-{period.end.isoformat()}.xlsx"
        return Response(data, media_type="application/vnd.openxmlformats-officedocument."
                        "spreadsheetml.sheet",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})

    @router.get("/console/report.pdf")
    def report_pdf(request: Request) -> Response:
        asked = report_asked(request)
        if isinstance(asked, Response):
            return asked
        session, period, office, _preset = asked
        import pickle
        import subprocess
        import sys
        import tempfile

        report = build(request, period, office)
        with tempfile.TemporaryDirectory() as folder:
            source, target = Path(folder) / "report.pickle", Path(folder) / "report.pdf"
            source.write_bytes(pickle.dumps(report))
            # Qt lays the PDF out in a process of its own: never in a server thread.
            done = subprocess.run([sys.executable, "-m", "desktop.ui.report_pdf", str(source),
                                   str(target), _language(request)], capture_output=True,
                                  timeout=120,
                                  env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
            if done.returncode != 0 or not target.exists():
                failed = translate(_language(request),
                                   "The PDF could not be made; the XLSX has the same tables.")
                return _message(request, failed, 500, session)
            data = target.read_bytes()
        name = f"hromada-report-{period.start.isoformat()}-{period.end.isoformat()}.pdf"
        return Response(data, media_type="application/pdf",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})

    app.include_router(router)
