"""Screenshots of every screen at the size hub laptops have: 1366×728 (768 minus taskbar).

Why: most layout problems (a Ukrainian label cut off, a list squeezed to nothing) only show
at the real size and in the real language, and reviewers cannot run the app on an old
laptop. `python -m desktop.ui.screenshots --data-dir DIR --out DIR` (or `make screenshots`)
fills DIR with demo data if it is empty, shows each screen and saves `NN-<key>.png`.
Preferences go to a temporary file, so the user's own settings are left alone.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.store.queries import common, today
from desktop.ui.context import META_OFFICE, META_STAFF

if TYPE_CHECKING:
    from desktop.store import Store

#: The design target: a 1366×768 screen minus the Windows taskbar.
SIZE = (1366, 728)


def _prepare(store: Store) -> date:
    """Fill an empty store with the demo community; link the device to its busiest office
    unless an office is already chosen. Returns the demo's "today"."""
    from desktop.demo.generator import REFERENCE_DATE, generate

    if store.count("people", include_deleted=True) == 0:
        generate(store, people=2000, events=120, seed=1)
    if store.get_meta(META_OFFICE) is None:
        office_id = today.busiest_office(store.conn, REFERENCE_DATE)
        if office_id is not None:
            store.set_meta(META_OFFICE, office_id)
            staff = common.options(store.conn, "staff", "name",
                                   filters={"office_id": office_id})
            if staff:
                store.set_meta(META_STAFF, staff[0][0])
                store.user_id = staff[0][0]
    return REFERENCE_DATE


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.ui.screenshots",
                                     description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data-dir", required=True, metavar="DIR")
    parser.add_argument("--out", required=True, metavar="DIR")
    parser.add_argument("--lang", choices=("uk", "en"), default="uk")
    parser.add_argument("--dark", action="store_true", help="the dark colour scheme")
    args = parser.parse_args(argv)
    if "QT_QPA_PLATFORM" not in os.environ and sys.platform.startswith("linux") \
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    from desktop.paths import DataPaths
    from desktop.store import open_store
    from desktop.ui import prefs
    from desktop.ui.app import application, create_main_window, install_translations
    from desktop.ui.workers import running_tasks

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    paths = DataPaths(Path(args.data_dir).expanduser().resolve()).ensure()
    with tempfile.TemporaryDirectory() as tmp:
        prefs.use_settings_file(Path(tmp) / "settings.ini")
        app = application([sys.argv[0]])
        if args.dark:  # what apply_color_scheme does when the system is dark; the
            # offscreen platform ignores QStyleHints.setColorScheme, so set it directly
            from desktop.ui.theme import dark_palette

            app.setPalette(dark_palette())
        install_translations(app, args.lang)
        store = open_store(paths.database, paths.backups)
        try:
            demo_today = _prepare(store)
            window = create_main_window(store, paths)
            window.screen("today").set_today(demo_today)  # type: ignore[attr-defined]
            window.resize(*SIZE)
            window.show()

            def settle() -> None:
                for _ in range(50):
                    QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
                    if running_tasks() == 0:
                        break
                    loop = QEventLoop()
                    QTimer.singleShot(20, loop.quit)
                    loop.exec()
                QCoreApplication.processEvents()

            for number, screen in enumerate(window.screens(), start=1):
                window.show_screen(screen.key)
                if hasattr(screen, "prepare_screenshot"):  # a screen's demo state
                    screen.prepare_screenshot(demo_today)
                settle()
                target = out / f"{number:02d}-{screen.key}.png"
                window.grab().save(str(target))
                print(target)
            window.close()
        finally:
            store.close()
        for target in _first_run_shots(out, Path(tmp) / "first-run"):
            print(target)
    return 0


def _first_run_shots(out: Path, folder: Path) -> list[Path]:
    """The first-run wizard on an empty data folder: welcome, connect, own office, done."""
    from PySide6.QtCore import QCoreApplication

    from desktop.paths import DataPaths
    from desktop.store import open_store
    from desktop.ui import first_run

    paths = DataPaths(folder).ensure()
    store = open_store(paths.database, paths.backups)
    saved: list[Path] = []
    try:
        wizard = first_run.FirstRunWizard(store, paths)
        wizard.show()

        def shot(name: str) -> None:
            for _ in range(5):
                QCoreApplication.processEvents()
            target = out / f"00-first-run-{len(saved) + 1}-{name}.png"
            wizard.grab().save(str(target))
            saved.append(target)

        shot("welcome")
        wizard.welcome.choices.button(first_run.CHOICE_CONNECT).setChecked(True)
        wizard.next()
        wizard.connect_page.url.setText("https://hromada.vmr.gov.ua")
        wizard.connect_page.failed(QCoreApplication.translate(
            "ConnectPage", "Not connected: {reason}").format(
            reason=QCoreApplication.translate(
                "SyncErrors", "This code has expired. Ask the council for a new one.")))
        shot("connect")
        wizard.back()
        wizard.welcome.choices.button(first_run.CHOICE_OWN).setChecked(True)
        wizard.next()
        page = wizard.own
        page.name.setText("Офіс звʼязку Десна")
        page.staff_name.setText("Коваль Ірина")
        index = next((i for i in range(page.settlement.count())
                      if "Десна" in page.settlement.itemText(i)), 0)
        page.settlement.setCurrentIndex(index)
        shot("own-office")
        wizard.next()
        shot("ready")
        wizard.close()
    finally:
        store.close()
    return saved


if __name__ == "__main__":
    sys.exit(main())
