"""Starting the desktop application: Qt set-up, translations, the store, the main window.

`run(paths)` is what `hromada-desk` calls. The pieces are separate so that tests and the
screenshot script build the same window without an event loop: `configure_application`,
`install_translations`, `create_main_window(store, paths)`.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import traceback
from collections.abc import Sequence
from types import TracebackType

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication

from desktop import APP_ID, APP_NAME, ORG_NAME, __version__
from desktop.paths import DataPaths, resources_dir
from desktop.store import Store, StoreError, open_store, syncstate
from desktop.ui import prefs, startup, theme
from desktop.ui.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.translate import set_running_language
from desktop.ui.workers import wait_for_all

log = logging.getLogger(__name__)

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
LOG_MAX_BYTES, LOG_BACKUPS = 1_000_000, 3

#: Base font size in points: Windows' 9 pt default is small for many hub visitors and staff.
MIN_POINT_SIZE = 10

_translators: list[QTranslator] = []  # installed translators must stay referenced


def application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication, created once and configured."""
    app = QApplication.instance()
    if app is None:
        # The style by Qt's own argument rather than setStyle(): setStyle hands Python a
        # QStyle, and making that type's enums was 3.5% of start-up (issue 11).
        args = list(argv if argv is not None else sys.argv) or [APP_ID]
        app = QApplication([*args, "-style", "Fusion"])
        app._hromada_fusion = True  # type: ignore[attr-defined]
    assert isinstance(app, QApplication)
    configure_application(app)
    return app


def configure_application(app: QApplication) -> None:
    """Names (for QSettings and the window manager), style, font, icon, colour scheme.

    Qt 6 is high-DPI aware by default. The light/dark scheme follows
    `QStyleHints.colorScheme`, now and whenever the user switches it.
    """
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    if not getattr(app, "_hromada_fusion", False):
        app.setStyle("Fusion")
    font = QFont(app.font())
    if font.pointSizeF() > 0 and font.pointSizeF() < MIN_POINT_SIZE:
        font.setPointSizeF(MIN_POINT_SIZE)
        app.setFont(font)
    theme.apply_color_scheme(app)
    if not getattr(app, "_hromada_scheme_hooked", False):
        app.styleHints().colorSchemeChanged.connect(lambda _scheme: theme.apply_color_scheme(app))
        app._hromada_scheme_hooked = True  # type: ignore[attr-defined]
    app_icon = resources_dir() / "app-icon.svg"
    app.setWindowIcon(theme.picture(app_icon) if app_icon.exists() else theme.icon("csos"))


def install_translations(app: QApplication, language: str | None = None) -> str:
    """Load Qt's own Ukrainian strings first, then ours; returns the language in use.

    English needs no translator: the source strings are English.
    """
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    code = language or prefs.language()
    locale = QLocale(QLocale.Language.Ukrainian, QLocale.Country.Ukraine) if code == "uk" \
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    QLocale.setDefault(locale)
    if code == "uk":
        qt = QTranslator(app)
        if qt.load(locale, "qtbase", "_",
                   QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _translators.append(qt)
        ours = QTranslator(app)
        if ours.load(locale, "hromada", "_", str(resources_dir() / "i18n")):
            app.installTranslator(ours)
            _translators.append(ours)
        else:
            log.warning("Ukrainian translation not found in %s", resources_dir() / "i18n")
    set_running_language(code)
    return code


def create_main_window(store: Store, paths: DataPaths) -> MainWindow:
    """The main window over an open store, with its saved geometry and last screen."""
    window = MainWindow(AppContext.create(store, paths))
    window.restore_state()
    return window


def setup_logging(paths: DataPaths) -> None:
    """Log to `logs/hromada-desk.log` in the data folder (kept small, rotated), so a
    problem at a hub can be diagnosed from the file they send, never from a traceback.

    The file is written from the start by a plain handler; the rotating one takes over once
    the window is up: `logging.handlers` brings sockets, pickle and queues with it, ~13 ms
    of opening the window on this project's build machine (issue 11)."""
    log_file = paths.logs / "hromada-desk.log"
    try:
        paths.logs.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.FileHandler(log_file, encoding="utf-8")
    except OSError:
        return
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)

    def rotating() -> None:
        import logging.handlers

        try:
            bigger = logging.handlers.RotatingFileHandler(
                log_file, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8")
        except OSError:
            return  # the plain handler goes on
        bigger.setFormatter(handler.formatter)
        root.addHandler(bigger)
        root.removeHandler(handler)
        handler.close()

    startup.after_first_paint(rotating)


def install_excepthook(paths: DataPaths) -> None:
    """An unexpected error in the UI is logged and reported in plain words; the app goes on
    (PySide would otherwise print a traceback nobody at a hub ever sees)."""
    def hook(kind: type[BaseException], error: BaseException,
             tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        log.error("unexpected error\n%s", "".join(traceback.format_exception(kind, error, tb)))
        from PySide6.QtWidgets import QMessageBox  # imported when needed: start-up is shorter

        QMessageBox.warning(
            None, APP_NAME,
            QApplication.translate(
                "App", "Something went wrong: {error}\n\nYour data is safe. The details "
                "were written to {file}.").format(
                    error=error, file=paths.logs / "hromada-desk.log"))

    sys.excepthook = hook


def _show_startup_error(title: str, message: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, title)
    box.setInformativeText(message)
    box.exec()


def run(paths: DataPaths, argv: Sequence[str] | None = None) -> int:
    """Open the app on the data folder; returns the process exit code."""
    app = application(argv)
    from desktop.ui import single_instance

    with contextlib.suppress(OSError):  # a folder that cannot be made: open_store says so
        paths.root.mkdir(parents=True, exist_ok=True)
    lock, taken = single_instance.claim(paths.root)
    if taken and single_instance.ask_running_copy(paths.root):
        return 0  # the running copy comes to the front instead
    prefs.use_data_folder(paths.root)
    install_translations(app)
    setup_logging(paths)
    guard: single_instance.InstanceGuard | None = None
    window: MainWindow | None = None
    released = False

    def listen() -> None:
        """Answer later launches (the window comes forward)."""
        nonlocal guard
        if guard is None and not released:
            guard = single_instance.InstanceGuard(paths.root, app)
            guard.activated.connect(lambda: window is not None and bring_to_front(window))

    def release() -> None:
        nonlocal released
        released = True
        if guard is not None:
            guard.close()
            guard.deleteLater()
        if lock is not None:
            lock.unlock()

    try:
        store = open_store(paths.ensure().database, paths.backups)
    except StoreError as exc:
        release()
        _show_startup_error(app.translate("App", "The database could not be opened."),
                            str(exc))
        return 1
    except OSError as exc:
        release()
        _show_startup_error(app.translate("App", "The data folder cannot be used."),
                            f"{exc.filename or paths.root}: {exc.strerror or exc}")
        return 1
    install_excepthook(paths)
    if not syncstate.is_set_up(store):
        from desktop.ui.first_run import run_first_run  # the wizard: only when it is needed

        listen()
        if not run_first_run(store, paths):
            release()
            store.close()
            return 0
        prefs.settings().setValue(prefs.KEY_SCREEN, "today")
    window = create_main_window(store, paths)
    screen = QGuiApplication.primaryScreen()
    small = screen is not None and screen.availableGeometry().width() <= 1440
    if window.isMaximized() or (small and not prefs.settings().contains(prefs.KEY_GEOMETRY)):
        window.showMaximized()
    else:
        window.show()
    startup.after_first_paint(listen)
    window.sync.start()  # schedule, reconnection, and one sync shortly after start-up
    window.auto_backup.start()  # today's backup, if there is none yet
    try:
        return app.exec()
    finally:
        release()
        window.save_state()
        wait_for_all()
        _stop_demo_platform(store, paths)
        store.close()


def _stop_demo_platform(store: Store, paths: DataPaths) -> None:
    """The demo's platform lives as long as the app that shows it."""
    if syncstate.is_demo_platform(store):
        from desktop.demo.platform import DemoPlatform

        DemoPlatform(paths.root).stop()


def bring_to_front(window: MainWindow) -> None:
    """What a second launch asks of the running window."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


def smoke_test(paths: DataPaths) -> int:
    """Everything a frozen bundle needs, exercised once: Qt platform plugin, translations,
    icons, the database, every screen. Prints one line; exit 0 means the bundle works."""
    app = application([])
    install_translations(app, "uk")
    store = open_store(paths.ensure().database, paths.backups)
    try:
        window = create_main_window(store, paths)
        window.show()
        for screen in window.screens():
            window.show_screen(type(screen).key)
            app.processEvents()
        title = window.screen("today").display_title()
        window.close()
        wait_for_all()
    finally:
        store.close()
    if title != "Сьогодні":
        print(f"smoke test failed: the Ukrainian translation did not load (title {title!r})",
              file=sys.stderr)
        return 1
    print(f"ok: {len(window.screens())} screens, first screen titled {title!r}")
    return 0


def restart() -> None:
    """Start a fresh copy of the app and quit this one (after a language change or a
    restore). Frozen builds re-run the executable; a checkout re-runs `python -m desktop`."""
    from PySide6.QtCore import QProcess

    args = sys.argv[1:]
    if getattr(sys, "frozen", False):
        QProcess.startDetached(sys.executable, args)
    else:
        QProcess.startDetached(sys.executable, ["-m", "desktop", *args])
    QApplication.quit()
