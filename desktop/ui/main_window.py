"""The main window: navigation on the left, the current screen on the right, status below.

Why this shape: with nine areas and a 1366×768 screen, a vertical list of icons with words
is the layout untrained users find fastest (no hidden menus), and it leaves the full height
for lists. Keyboard: Ctrl+1..9 switch screens, Ctrl+F finds, Ctrl+N creates, Ctrl+S saves.
The window remembers its size, position and last screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QWidget,
)

from desktop import APP_NAME
from desktop.domain.names import short_name
from desktop.store.queries import common
from desktop.ui import prefs, startup, theme
from desktop.ui.auto_backup import AutoBackup
from desktop.ui.context import AppContext
from desktop.ui.screens import NAVIGATION, PENDING, SCREEN_KEYS, screen_class
from desktop.ui.screens.base import Screen
from desktop.ui.sync_controller import SyncController
from desktop.ui.translate import translate

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent

# The smallest useful window; the design target is 1366×728 (768 minus the taskbar).
MINIMUM_SIZE = QSize(960, 600)
DEFAULT_SIZE = QSize(1366, 728)
NAV_ICON_SIZE = 22


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._painted = False
        self._shortcuts: list[QAction] = []
        QTimer.singleShot(startup.FIRST_PAINT_LATEST_MS, self, self._first_frame_done)
        self.setObjectName("main-window")
        self.setWindowTitle(APP_NAME)
        self.setMinimumSize(MINIMUM_SIZE)

        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(self.tr("Sections"))
        self.nav.setIconSize(QSize(NAV_ICON_SIZE, NAV_ICON_SIZE))
        self.nav.setFrameShape(QFrame.Shape.NoFrame)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setSpacing(2)
        row_height = max(NAV_ICON_SIZE, self.nav.fontMetrics().height()) + 14
        self.stack = QStackedWidget(self)

        # Screens are built the first time they are shown: start-up builds one, not nine
        # (and does not import the charts and export libraries of screens not opened).
        self._screens: list[Screen | None] = []
        self._keys: list[str] = []
        self._scrolls: list[QScrollArea] = []
        for key in SCREEN_KEYS:
            title_source, icon = NAVIGATION.get(key, PENDING.get(key, (key, "placeholder")))
            title = translate("Screens", title_source)
            self._screens.append(None)
            self._keys.append(key)
            scroll = QScrollArea(self.stack)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            self._scrolls.append(scroll)
            self.stack.addWidget(scroll)
            item = QListWidgetItem(theme.icon(icon), title)
            item.setSizeHint(QSize(0, row_height))
            self.nav.addItem(item)
        self.nav.setFixedWidth(self._nav_width())
        self.nav.currentRowChanged.connect(self._nav_changed)

        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        divider = QFrame(central)
        divider.setFrameShape(QFrame.Shape.VLine)
        divider.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(divider)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.office_label = QLabel(self)
        self.staff_label = QLabel(self)
        self.sync_label = QLabel(self)
        self.sync_label.setObjectName("sync-status")
        for label in (self.office_label, self.staff_label, self.sync_label):
            label.setContentsMargins(8, 0, 8, 0)
            self.statusBar().addPermanentWidget(label)
        self.review_button = QToolButton(self)
        self.review_button.setText(self.tr("Review…"))
        self.review_button.setAccessibleName(self.tr("Review conflicts and refused changes"))
        self.review_button.setAutoRaise(True)
        self.review_button.clicked.connect(self.open_sync_review)
        self.statusBar().addPermanentWidget(self.review_button)
        self.sync_button = QToolButton(self)
        self.sync_button.setIcon(theme.icon("sync"))
        self.sync_button.setText(self.tr("Sync"))
        self.sync_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.sync_button.setAutoRaise(True)
        self.sync_button.setAccessibleName(self.tr("Sync with the council's platform now"))
        self.sync_button.setToolTip(self.tr("Sync with the council's platform now (F5)"))
        self.statusBar().addPermanentWidget(self.sync_button)
        self.sync = SyncController(ctx, self)
        self.auto_backup = AutoBackup(ctx, self)
        self.auto_backup.made.connect(lambda _path: ctx.bus.data_changed.emit("backups"))
        self.auto_backup.failed.connect(lambda text: self.show_message(
            self.tr("Today's automatic backup could not be made: {reason}").format(
                reason=text)))
        self.sync.status_changed.connect(self.set_sync_status)
        self.sync.not_connected.connect(self.offer_to_connect)
        self.sync_button.clicked.connect(self.sync.sync_now)
        ctx.bus.sync_finished.connect(self._sync_finished)
        self.sync.refresh_status()
        self._update_review_button()
        self._update_identity()

        ctx.bus.navigate.connect(self.show_screen)
        ctx.bus.data_changed.connect(self._data_changed)
        ctx.bus.status_message.connect(self.show_message)

    # -- screens ----------------------------------------------------------------------------

    def _built(self, index: int) -> Screen:
        screen = self._screens[index]
        if screen is None:
            screen = screen_class(self._keys[index])(self.ctx)
            self._screens[index] = screen
            self._scrolls[index].setWidget(screen)
        return screen

    def screens(self) -> list[Screen]:
        """Every screen, built now if it was not yet (tests, the smoke test, screenshots)."""
        return [self._built(i) for i in range(len(self._keys))]

    def built_screens(self) -> list[Screen]:
        return [s for s in self._screens if s is not None]

    def screen(self, key: str) -> Screen:
        return self._built(self._keys.index(key))

    def current_screen(self) -> Screen:
        return self._built(self.stack.currentIndex())

    def show_index(self, index: int) -> None:
        if 0 <= index < len(self._screens):
            self.nav.setCurrentRow(index)

    def show_screen(self, key: str, item: dict[str, Any] | None = None) -> None:
        """Switch to a screen (by key), optionally pointing it at one record."""
        if key not in self._keys:
            return
        self.show_index(self._keys.index(key))
        if item:
            self.current_screen().show_item(item)

    def _nav_changed(self, row: int) -> None:
        if row < 0:
            return
        screen = self._built(row)
        self.stack.setCurrentIndex(row)
        self.setWindowTitle(f"{screen.display_title()} — {APP_NAME}")
        settings = prefs.settings()
        if settings.value(prefs.KEY_SCREEN) != self._keys[row]:
            # Only a real change: setting the same value rewrites (and flushes) the file,
            # which at every start would put a disk write in front of the first paint.
            settings.setValue(prefs.KEY_SCREEN, self._keys[row])

    def _nav_width(self) -> int:
        metrics = self.nav.fontMetrics()
        widest = max((metrics.horizontalAdvance(self.nav.item(i).text())
                      for i in range(self.nav.count())), default=100)
        return widest + NAV_ICON_SIZE + 56

    # -- shortcuts --------------------------------------------------------------------------

    @property
    def has_shortcuts(self) -> bool:
        return bool(self._shortcuts)

    def add_shortcuts(self) -> None:
        """The window's keyboard shortcuts, and the navigation's tooltips that name them.

        Made once the first frame is on the screen (`_first_frame_done`), not before: the
        key-sequence and action types and fifteen actions were ~1.2% of the instructions
        to the first frame (issue 11), and no key can reach a window not yet drawn."""
        from PySide6.QtGui import QKeySequence

        if self._shortcuts:
            return
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            if row < 9:
                self._add_action(f"Ctrl+{row + 1}",
                                 lambda _checked=False, n=row: self.show_index(n))
                shortcut = QKeySequence(f"Ctrl+{row + 1}").toString(
                    QKeySequence.SequenceFormat.NativeText)
                item.setToolTip(f"{item.text()} ({shortcut})")
            else:
                item.setToolTip(item.text())
        self._add_action(QKeySequence.StandardKey.Find, self.focus_search)
        self._add_action(QKeySequence.StandardKey.New, self.new_record)
        self._add_action(QKeySequence.StandardKey.Save, self.save)
        self._add_action(QKeySequence(Qt.Key.Key_F1), self.open_about)
        self._add_action(QKeySequence("Ctrl+H"), self.show_history)
        self._add_action(QKeySequence(Qt.Key.Key_F5), self.sync.sync_now)

    def _add_action(self, keys: str | QKeySequence | QKeySequence.StandardKey,
                    slot: Any) -> QAction:
        from PySide6.QtGui import QAction, QKeySequence

        action = QAction(self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        self._shortcuts.append(action)
        return action

    def focus_search(self) -> None:
        box = self.current_screen().search_box()
        if box is not None:
            box.setFocus(Qt.FocusReason.ShortcutFocusReason)
            box.selectAll()
        else:
            self.statusBar().showMessage(self.tr("There is nothing to search on this screen."),
                                         4000)

    def new_record(self) -> None:
        if not self.current_screen().new_record():
            self.statusBar().showMessage(
                self.tr("Nothing can be created on this screen."), 4000)

    def save(self) -> None:
        self.current_screen().save()

    # -- status bar -------------------------------------------------------------------------

    def show_message(self, text: str) -> None:
        """A passing note in the status bar (the bus's `status_message`)."""
        self.statusBar().showMessage(text, 8000)

    def set_sync_status(self, text: str, tooltip: str = "") -> None:
        """Show the sync state in the status bar (the sync client calls this)."""
        self.sync_label.setText(text)
        self.sync_label.setToolTip(tooltip)
        self.sync_label.setAccessibleName(self.tr("Sync status: {state}").format(state=text))
        self.sync_label.setAccessibleDescription(tooltip)

    def offer_to_connect(self) -> None:
        """The sync button on a device with no platform: say so, and offer the way there."""
        if self.ask_to_connect():
            self.show_screen("settings")
            settings = self.current_screen()
            url = getattr(settings, "platform_url", None)
            if url is not None:
                url.setFocus(Qt.FocusReason.OtherFocusReason)

    def ask_to_connect(self) -> bool:
        """(A question box; tests replace this.)"""
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self, self.tr("Not connected"),
            self.tr("This computer is not connected to the council's platform yet. "
                    "Everything you record is kept here and will be sent once it is "
                    "connected.\n\nConnect now? You need the address and the one-time code "
                    "from the council."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes)
        return answer == QMessageBox.StandardButton.Yes

    def show_history(self) -> None:
        """Ctrl+H: who changed the open record, when, on which computer, from what to what."""
        record = self.current_screen().current_record()
        if record is None:
            self.show_message(self.tr("Open a record first: its history is shown with "
                                      "Ctrl+H."))
            return
        from desktop.store.queries import history
        from desktop.ui.history import HistoryDialog, store_resolver

        table, record_id = record
        entries = history.record_history(self.ctx.store.conn, table, record_id,
                                         self.ctx.store.device_id)
        name = history.label(self.ctx.store.conn, table, record_id)
        self.history_dialog = HistoryDialog(
            self.tr("History: {name}").format(name=name) if name else self.tr("History"),
            self.tr("Every change of this record, oldest first: who made it, when, on which "
                    "computer, and what it changed. Nothing here can be edited."),
            entries, resolve=store_resolver(self.ctx.store.conn), parent=self)
        self.history_dialog.open()

    def open_about(self) -> None:
        from desktop.ui.about import AboutDialog

        AboutDialog(self.ctx, self).exec()

    def open_sync_review(self) -> None:
        from desktop.ui.sync_review import SyncReview

        SyncReview(self.ctx, self).exec()
        self.sync.refresh_status()
        self._update_review_button()

    def _sync_finished(self, ok: bool, message: str) -> None:
        self.show_message(message)
        self._update_review_button()

    def _update_review_button(self) -> None:
        from desktop.store import duplicates, syncstate

        store = self.ctx.store
        waiting = (syncstate.open_conflicts(store) + len(syncstate.open_rejections(store))
                   + len(duplicates.open_duplicates(store))
                   + len(syncstate.open_set_aside(store)))
        self.review_button.setVisible(waiting > 0)
        self.review_button.setText(self.tr("Review ({n})…").format(n=waiting))

    def _update_identity(self) -> None:
        conn = self.ctx.store.conn
        office = common.record(conn, "offices", self.ctx.office_id)
        staff = common.record(conn, "staff", self.ctx.staff_id)
        office_name = (office.get("short_name") or office.get("name")) if office else None
        self.office_label.setText(self.tr("Office: {name}").format(
            name=office_name or self.tr("not chosen")))
        if office:
            self.office_label.setToolTip(office.get("name") or "")
        if staff:
            parts = (staff.get("name") or "").split()
            staff_name = short_name(*[*parts, None, None][:3]) if parts else ""
        else:
            staff_name = self.tr("not chosen")
        self.staff_label.setText(self.tr("Staff: {name}").format(name=staff_name))
        if staff:
            self.staff_label.setToolTip(staff.get("name") or "")

    def _data_changed(self, table: str) -> None:
        if table in ("meta", "offices", "staff"):
            self._update_identity()

    # -- state ------------------------------------------------------------------------------

    def restore_state(self) -> bool:
        """Put the window back as it was; False if nothing was saved (first run)."""
        settings = prefs.settings()
        geometry = settings.value(prefs.KEY_GEOMETRY)
        state = settings.value(prefs.KEY_STATE)
        key = settings.value(prefs.KEY_SCREEN)
        self.show_screen(str(key) if key in self._keys else self._keys[0])
        if isinstance(geometry, QByteArray | bytes) and self.restoreGeometry(geometry):
            if isinstance(state, QByteArray | bytes):
                self.restoreState(state)
            return True
        self.resize(DEFAULT_SIZE)
        return False

    def save_state(self) -> None:
        settings = prefs.settings()
        settings.setValue(prefs.KEY_GEOMETRY, self.saveGeometry())
        settings.setValue(prefs.KEY_STATE, self.saveState())
        settings.setValue(prefs.KEY_SCREEN, self._keys[self.stack.currentIndex()])
        settings.sync()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            # Once this paint, the screen's and the status bar's are done: the start is over.
            QTimer.singleShot(0, self, self._first_frame_done)

    def _first_frame_done(self) -> None:
        """The first frame is on the screen, or the window was made `FIRST_PAINT_LATEST_MS`
        ago without one (started minimised): the start is over, the shortcuts come now."""
        startup.window_painted()  # first: it notes the time of the first frame
        self.add_shortcuts()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.sync.stop()
        self.auto_backup.stop()
        self.save_state()
        super().closeEvent(event)
