"""`hromada-desk --self-test`: everything a frozen bundle could be missing, exercised once.

Why this and not only "the window opens": a PyInstaller bundle fails on what is imported
late (openpyxl when the first workbook is saved, QtCharts when the first report is drawn, the
PDF writer, the SQLite JSON functions behind the store). So, in a temporary data folder: make
an office the way the first run does, open the main window offscreen, check a person in from
the check-in screen, compute a report and save it as PDF and XLSX through the Reports screen,
read both files back, exit 0. Any failure prints one line and exits 1.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path


def _wait(condition: Callable[[], bool], seconds: float, what: str) -> None:
    from PySide6.QtCore import QCoreApplication, QEventLoop

    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out waiting for {what}")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.01)


def run_self_test() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="hromada-self-test-") as tmp:
        try:
            steps = _self_test(Path(tmp))
        except Exception as exc:  # the one line a packager needs
            print(f"self-test FAILED: {type(exc).__name__}: {exc}", file=sys.stderr)
            return 1
    print("self-test ok: " + "; ".join(steps))
    return 0


def _self_test(root: Path) -> list[str]:
    from desktop.paths import DataPaths
    from desktop.store import open_store
    from desktop.store.setup import create_own_office, install_reference_lists
    from desktop.ui import prefs
    from desktop.ui.app import application, create_main_window, install_translations
    from desktop.ui.workers import running_tasks, wait_for_all

    steps: list[str] = []
    prefs.use_settings_file(root / "settings.ini")
    app = application([sys.argv[0]])
    if install_translations(app, "uk") != "uk":
        raise RuntimeError("the Ukrainian translation did not load")
    paths = DataPaths(root / "data").ensure()
    store = open_store(paths.database, paths.backups)
    try:
        install_reference_lists(store)
        office, _staff = create_own_office(store, name="Офіс самоперевірки",
                                           kind="liaison_office", settlement_id=None,
                                           staff_name="Перевірка Петро")
        start = datetime.now().replace(second=0, microsecond=0) - timedelta(minutes=30)
        event = store.insert("events", {"title": "Самоперевірка", "kind": "public_hearing",
                                        "office_id": office,
                                        "starts_at": start.isoformat(timespec="minutes")})
        person = store.insert("people", {"last_name": "Шевченко", "first_name": "Олена",
                                         "gender": "female", "office_id": office})
        steps.append("store created")

        window = create_main_window(store, paths)
        window.resize(1366, 728)
        window.show()
        title = window.screen("today").display_title()
        if title != "Сьогодні":
            raise RuntimeError(f"the window is not in Ukrainian (first screen {title!r})")
        steps.append(f"window with {len(window.screens())} screens")

        window.show_screen("checkin")
        desk = window.screen("checkin")
        desk.set_event(event["id"])  # type: ignore[attr-defined]
        done = desk.check_in_person(person["id"])  # type: ignore[attr-defined]
        attended = store.conn.execute(
            "SELECT count(*) FROM attendance WHERE status = 'attended' AND deleted = 0"
        ).fetchone()[0]
        if done is None or attended != 1:
            raise RuntimeError("the check-in did not record the person")
        steps.append("person checked in")

        window.show_screen("reports")
        reports = window.screen("reports")
        reports.compute()  # type: ignore[attr-defined]
        _wait(lambda: reports.report is not None and not reports.is_computing(),  # type: ignore[attr-defined]
              60, "the report")
        for suffix in (".pdf", ".xlsx"):
            target = root / f"report{suffix}"
            reports.ask_target = lambda _suffix, t=target: t  # type: ignore[attr-defined]
            getattr(reports, "export_pdf" if suffix == ".pdf" else "export_xlsx")()
            _wait(lambda t=target: t.exists() and running_tasks() == 0, 60, f"the {suffix}")
        if not (root / "report.pdf").read_bytes().startswith(b"%PDF"):
            raise RuntimeError("the PDF report is not a PDF")
        with zipfile.ZipFile(root / "report.xlsx") as workbook:
            if "xl/workbook.xml" not in workbook.namelist():
                raise RuntimeError("the XLSX report is not a workbook")
        steps.append("report saved as PDF and XLSX")
        window.close()
        wait_for_all()
    finally:
        store.close()
    return steps
