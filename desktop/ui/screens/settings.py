"""Settings: which office and staff member this device is, the language, and the data folder
with backup and restore.

Why these live together: they are what a hub administrator sets up once on a new laptop,
and what they come back to when something went wrong (restore a backup). The office and
staff member are stored in the database (`meta`) because every record and change-log entry
made here refers to them; the language is a per-user preference (QSettings).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSignalBlocker, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME, __version__
from desktop.store import backup as backups
from desktop.store.queries import common
from desktop.ui import prefs, theme
from desktop.ui.context import AppContext
from desktop.ui.screens.base import Screen
from desktop.ui.translate import running_language
from desktop.ui.widgets import Banner, button, hint, page_title
from desktop.ui.workers import run_in_background

#: Language choices, each named in its own language (so anyone can find theirs).
LANGUAGE_NAMES = (("uk", "Українська"), ("en", "English"))


class SettingsScreen(Screen):
    key = "settings"
    title = QT_TRANSLATE_NOOP("Screens", "Settings")
    icon = "settings"
    watches = frozenset({"meta", "offices", "staff", "backups"})

    #: The "what changed" list was opened (how many entries; tests wait for it).
    changes_shown = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.display_title(), self))

        # -- this device ----------------------------------------------------------------
        device = QGroupBox(self.tr("This device"), self)
        device_form = QFormLayout(device)
        device_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.office = QComboBox(device)
        self.office.setAccessibleName(self.tr("Office of this device"))
        self.office.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.office.setMinimumContentsLength(30)
        self.staff = QComboBox(device)
        self.staff.setAccessibleName(self.tr("Staff member working on this device"))
        self.staff.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.staff.setMinimumContentsLength(30)
        office_label = QLabel(self.tr("&Office:"), device)
        office_label.setBuddy(self.office)
        staff_label = QLabel(self.tr("Staff &member:"), device)
        staff_label.setBuddy(self.staff)
        device_form.addRow(office_label, self.office)
        staff_row = QHBoxLayout()
        staff_row.addWidget(self.staff)
        self.add_staff_button = QPushButton(self.tr("&Add a staff member…"), device)
        self.add_staff_button.setAccessibleDescription(self.tr(
            "A colleague who also works on this computer"))
        self.add_staff_button.clicked.connect(self._add_staff_clicked)
        staff_row.addWidget(self.add_staff_button)
        staff_row.addStretch(1)
        device_form.addRow(staff_label, staff_row)
        device_form.addRow(hint(self.tr(
            "Events, visits and ideas entered here are recorded for this office, and every "
            "change is signed with the staff member's name."), device))
        self.office.currentIndexChanged.connect(self._office_chosen)
        self.staff.currentIndexChanged.connect(self._staff_chosen)
        layout.addWidget(device)

        # -- language ---------------------------------------------------------------------
        language = QGroupBox(self.tr("Language"), self)
        language_form = QFormLayout(language)
        language_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.language = QComboBox(language)
        self.language.setAccessibleName(self.tr("Language of the app"))
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        language_label = QLabel(self.tr("&Language of the app:"), language)
        language_label.setBuddy(self.language)
        language_form.addRow(language_label, self.language)
        self.restart_banner = Banner(
            self.tr("The new language is used after the app restarts."),
            self.tr("&Restart now"), language)
        self.restart_banner.setVisible(False)
        self.restart_banner.action_clicked.connect(self._restart)
        language_form.addRow(self.restart_banner)
        with QSignalBlocker(self.language):
            self.language.setCurrentIndex(max(self.language.findData(prefs.language()), 0))
        self.language.currentIndexChanged.connect(self._language_chosen)
        layout.addWidget(language)

        # -- data -------------------------------------------------------------------------
        data = QGroupBox(self.tr("Data"), self)
        data_layout = QVBoxLayout(data)
        folder_row = QHBoxLayout()
        folder_label = QLabel(self.tr("Data &folder:"), data)
        self.folder = QLineEdit(str(ctx.paths.root), data)
        self.folder.setReadOnly(True)
        self.folder.setAccessibleName(self.tr("Data folder"))
        folder_label.setBuddy(self.folder)
        self.open_folder = button(self.tr("O&pen folder"), data, self._open_folder, icon="folder")
        folder_row.addWidget(folder_label)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.open_folder)
        data_layout.addLayout(folder_row)
        buttons = QHBoxLayout()
        self.backup_button = button(self.tr("&Back up now…"), data, self._backup_clicked,
                                    icon="backup")
        self.restore_button = button(self.tr("R&estore from a backup…"), data,
                                     self._restore_clicked, icon="restore")
        self.changes_button = button(self.tr("&What changed…"), data, self.show_recent_changes,
                                     tip=self.tr("The latest changes of every record this "
                                                 "computer holds (on the council's computer: of "
                                                 "every office), with who made them and when."))
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.changes_button)
        buttons.addStretch(1)
        data_layout.addLayout(buttons)
        data_layout.addWidget(QLabel(self.tr("Backups in the data folder (one is made "
                                             "automatically every day):"), data))
        self.backup_list = QListWidget(data)
        self.backup_list.setAccessibleName(self.tr("Backups"))
        self.backup_list.setMaximumHeight(130)
        self.backup_list.currentRowChanged.connect(
            lambda row: self.restore_selected.setEnabled(row >= 0))
        data_layout.addWidget(self.backup_list)
        list_buttons = QHBoxLayout()
        self.restore_selected = QPushButton(theme.icon("restore"),
                                            self.tr("Restore the &selected copy"), data)
        self.restore_selected.setEnabled(False)
        self.restore_selected.clicked.connect(self._restore_selected_clicked)
        list_buttons.addWidget(self.restore_selected)
        keep_label = QLabel(self.tr("&Keep automatic copies:"), data)
        self.keep = QSpinBox(data)
        self.keep.setRange(1, 365)
        self.keep.setAccessibleName(self.tr("How many automatic backups to keep"))
        keep_label.setBuddy(self.keep)
        self.keep.valueChanged.connect(self._keep_changed)
        list_buttons.addStretch(1)
        list_buttons.addWidget(keep_label)
        list_buttons.addWidget(self.keep)
        data_layout.addLayout(list_buttons)
        self.data_status = QLabel(data)
        self.data_status.setWordWrap(True)
        self.data_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.data_status.setVisible(False)
        data_layout.addWidget(self.data_status)
        data_layout.addWidget(hint(self.tr(
            "A backup is a single file with everything in this database. Keep one on a USB "
            "stick: if the laptop is lost or broken, the office's records can be restored "
            "on another computer."), data))
        layout.addWidget(data)

        # -- the council's platform ---------------------------------------------------------
        platform = QGroupBox(self.tr("Council's platform"), self)
        platform_form = QFormLayout(platform)
        self.platform_state = QLabel(platform)
        self.platform_state.setWordWrap(True)
        platform_form.addRow(self.platform_state)
        url_label = QLabel(self.tr("Platform &address:"), platform)
        self.platform_url = QLineEdit(platform)
        self.platform_url.setPlaceholderText("https://hromada.example.gov.ua")
        self.platform_url.setAccessibleName(self.tr("Platform address"))
        url_label.setBuddy(self.platform_url)
        code_label = QLabel(self.tr("One-time &code:"), platform)
        self.enroll_code = QLineEdit(platform)
        self.enroll_code.setPlaceholderText("ABCD-EFGH-JKLM")
        self.enroll_code.setAccessibleName(self.tr("One-time enrollment code"))
        code_label.setBuddy(self.enroll_code)
        self.enroll_button = button(self.tr("Co&nnect this device"), platform,
                                    self._enroll_clicked, icon="sync")
        platform_form.addRow(url_label, self.platform_url)
        platform_form.addRow(code_label, self.enroll_code)
        enroll_row = QHBoxLayout()
        enroll_row.addWidget(self.enroll_button)
        enroll_row.addStretch(1)
        platform_form.addRow("", enroll_row)
        self.platform_status = QLabel(platform)
        self.platform_status.setWordWrap(True)
        self.platform_status.setVisible(False)
        platform_form.addRow(self.platform_status)
        platform_form.addRow(hint(self.tr(
            "The council's staff give you the address and a one-time code. After connecting, "
            "the app sends new records and receives the council's answers by itself whenever "
            "there is internet."), platform))
        layout.addWidget(platform)

        about_row = QHBoxLayout()
        about_row.addWidget(hint(f"{APP_NAME} {__version__}", self))
        self.about_button = button(self.tr("About, and &report a problem…"), self,
                                   self._about_clicked, tip="F1")
        about_row.addWidget(self.about_button)
        about_row.addStretch(1)
        layout.addLayout(about_row)
        layout.addStretch(1)

    # -- loading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        conn = self.ctx.store.conn
        office_id = self.ctx.office_id
        with QSignalBlocker(self.office):
            self.office.clear()
            self.office.addItem(self.tr("— not chosen —"), None)
            for record_id, (name, short) in common.options(
                    conn, "offices", ["name", "short_name"], order_by=["name"]):
                self.office.addItem(name or short or "", record_id)
            self.office.setCurrentIndex(max(self.office.findData(office_id), 0)
                                        if office_id else 0)
        self._load_staff(office_id)
        self._refresh_platform()
        self._refresh_backups()

    def _refresh_platform(self) -> None:
        from desktop.store import syncstate

        url = self.ctx.store.get_meta(syncstate.SERVER_URL)
        if url:
            self.platform_state.setText(self.tr("This device is connected to {url}.").format(
                url=url))
            self.platform_url.setText(url)
            self.enroll_button.setText(self.tr("Co&nnect again with a new code"))
        else:
            self.platform_state.setText(self.tr(
                "Not connected yet. Everything is kept safely on this computer."))

    def _enroll_clicked(self) -> None:
        url, code = self.platform_url.text().strip(), self.enroll_code.text().strip()
        if not url or not code:
            self._platform_message(self.tr("Enter the platform address and the one-time code."),
                                   error=True)
            return
        self.start_enroll(url, code)

    def start_enroll(self, url: str, code: str) -> None:
        """Enroll in a worker: the link may be slow, the window must not freeze."""
        from desktop.store import open_store

        paths = self.ctx.paths
        self.enroll_button.setEnabled(False)
        self._platform_message(self.tr("Connecting…"))

        def work(job: object) -> object:
            from desktop.sync.client import enroll

            store = open_store(paths.database, paths.backups)
            try:
                return enroll(store, paths.root, url, code)
            finally:
                store.close()

        def finished(result: object) -> None:
            answer, warning = result  # type: ignore[misc]
            self.enroll_button.setEnabled(True)
            self.enroll_code.clear()
            text = self.tr("Connected as a device of {office}.").format(
                office=answer.office_name or self.tr("the council"))
            if warning:
                text += " " + self.tr("No system password store was found, so the access key "
                                      "is kept in a private file in the data folder.")
            self._platform_message(text)
            self.ctx.bus.data_changed.emit("meta")
            window = self.window()
            if hasattr(window, "sync"):
                window.sync.sync_now()

        def failed(error: BaseException) -> None:
            from desktop.ui.workers import connect_problem

            self.enroll_button.setEnabled(True)
            self._platform_message(self.tr("Not connected: {reason}").format(
                reason=connect_problem(error)), error=True)

        run_in_background(self, work, finished, failed, label=self.tr("Connecting…"),
                          cancellable=False)

    def _platform_message(self, text: str, *, error: bool = False) -> None:
        theme.set_tone(self.platform_status, "error" if error else "success")
        self.platform_status.setText(text)
        self.platform_status.setVisible(bool(text))

    def _load_staff(self, office_id: str | None) -> None:
        staff_id = self.ctx.staff_id
        with QSignalBlocker(self.staff):
            self.staff.clear()
            self.staff.addItem(self.tr("— not chosen —"), None)
            if office_id:
                for record_id, (name, active) in common.options(
                        self.ctx.store.conn, "staff", ["name", "active"],
                        filters={"office_id": office_id}, order_by=["name"]):
                    if active == 0 and record_id != staff_id:
                        continue  # people who left are not offered, unless still chosen
                    self.staff.addItem(name or "", record_id)
            self.staff.setCurrentIndex(max(self.staff.findData(staff_id), 0)
                                       if staff_id else 0)
        self.staff.setEnabled(bool(office_id))

    # -- this device ------------------------------------------------------------------------

    def _office_chosen(self) -> None:
        office_id = self.office.currentData()
        if office_id == self.ctx.office_id:
            return
        staff = common.record(self.ctx.store.conn, "staff", self.ctx.staff_id)
        if staff is not None and staff.get("office_id") != office_id:
            self.ctx.store.set_meta("staff_id", None)
            self.ctx.store.user_id = None
        self.ctx.set_office(office_id)
        self._load_staff(office_id)

    def _staff_chosen(self) -> None:
        staff_id = self.staff.currentData()
        if staff_id != self.ctx.staff_id:
            self.ctx.set_staff(staff_id)

    # -- language ---------------------------------------------------------------------------

    def _language_chosen(self) -> None:
        code = self.language.currentData()
        prefs.set_language(code)
        self.restart_banner.setVisible(code != running_language())

    def _restart(self) -> None:
        from desktop.ui.app import restart

        restart()

    # -- data folder ------------------------------------------------------------------------

    def _about_clicked(self) -> None:
        from desktop.ui.about import AboutDialog

        AboutDialog(self.ctx, self).exec()

    def _refresh_backups(self) -> None:
        from desktop.ui.auto_backup import keep_count

        with QSignalBlocker(self.keep):
            self.keep.setValue(keep_count(self.ctx))
        self.backup_list.clear()
        for copy in backups.list_backups(self.ctx.paths.backups):
            kind = self.tr("automatic") if copy.automatic else (
                self.tr("before a restore") if copy.path.name.startswith("before-")
                else self.tr("made by hand"))
            text = self.tr("{when} · {kind} · {size} MB").format(
                when=copy.taken_at.strftime("%d.%m.%Y %H:%M"), kind=kind,
                size=f"{copy.size / 1_000_000:.1f}")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, str(copy.path))
            item.setToolTip(str(copy.path))
            self.backup_list.addItem(item)
        self.restore_selected.setEnabled(self.backup_list.currentRow() >= 0)

    def _restore_selected_clicked(self) -> None:
        """The second of two clicks: the current records are kept as a copy first, so no
        question is asked (the copy in the list undoes it)."""
        item = self.backup_list.currentItem()
        if item is not None:
            self.start_restore(Path(item.data(Qt.ItemDataRole.UserRole)))

    def _keep_changed(self, value: int) -> None:
        self.ctx.store.set_meta(backups.KEEP_KEY, str(value))

    def _add_staff_clicked(self) -> None:
        name = self.ask_staff_name()
        if name is None:
            return
        self.add_staff(name)

    def ask_staff_name(self) -> str | None:
        """The new colleague's name (an input dialog; tests replace this)."""
        name, ok = QInputDialog.getText(self, self.tr("Add a staff member"),
                                        self.tr("Full name of the staff member (surname first):"))
        return name if ok else None

    def add_staff(self, name: str) -> str | None:
        """Add a colleague to this office and make them the one working now."""
        from desktop.domain.errors import ValidationError
        from desktop.store.setup import add_staff
        from desktop.ui.workers import plain_message

        office = self.ctx.office_id
        if not office:
            self._status(self.tr("Choose the office first."), error=True)
            return None
        try:
            staff_id = add_staff(self.ctx.store, office, name)
        except ValidationError as exc:
            self._status(plain_message(exc), error=True)
            return None
        self.ctx.set_staff(staff_id)
        return staff_id

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ctx.paths.root)))

    def _backup_clicked(self) -> None:
        target = self.ask_backup_target()
        if target is not None:
            self.start_backup(target)

    def ask_backup_target(self) -> Path | None:
        """Where to save the backup (a file dialog; tests replace this)."""
        self.ctx.paths.backups.mkdir(parents=True, exist_ok=True)
        suggested = self.ctx.paths.backups / backups.default_backup_name()
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save a backup"), str(suggested),
            self.tr("Hromada Desk backups (*.sqlite3);;All files (*)"))
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(".sqlite3")

    def start_backup(self, target: Path) -> None:
        """Copy the database to `target` in the background (safe while the app works)."""
        database = self.ctx.paths.database
        if target.resolve() == database.resolve():
            self._status(self.tr("A backup cannot replace the database itself. Choose "
                                 "another file name."), error=True)
            return
        self.backup_button.setEnabled(False)
        self._status(self.tr("Saving a backup…"))

        def finished(path: Path) -> None:
            self.backup_button.setEnabled(True)
            message = self.tr("Backup saved: {file}").format(file=path)
            self._status(message)
            self.ctx.bus.status_message.emit(message)

        def failed(error: BaseException) -> None:
            from desktop.ui.workers import plain_message

            self.backup_button.setEnabled(True)
            self._status(self.tr("The backup was not saved. {reason}").format(
                reason=plain_message(error)), error=True)

        run_in_background(self, lambda job: backups.backup(database, target), finished,
                          failed, label=self.tr("Saving a backup…"), cancellable=False)

    def _restore_clicked(self) -> None:
        source = self.ask_restore_source()
        if source is not None and self.confirm_restore(source):
            self.start_restore(source)

    def ask_restore_source(self) -> Path | None:
        """Which backup to restore (a file dialog; tests replace this)."""
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a backup to restore"), str(self.ctx.paths.backups),
            self.tr("Hromada Desk backups (*.sqlite3);;All files (*)"))
        return Path(name) if name else None

    def confirm_restore(self, source: Path) -> bool:
        """Say exactly what will happen, and let the user back out."""
        answer = QMessageBox.question(
            self, self.tr("Restore from a backup?"),
            self.tr("The records in this app will be replaced by the ones in\n{file}\n\n"
                    "Anything entered since that backup was made will no longer be shown. "
                    "The current records are first saved as a backup in\n{folder}\n"
                    "so this can be undone.\n\nThe app restarts afterwards.").format(
                        file=source, folder=self.ctx.paths.backups),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def start_restore(self, source: Path) -> None:
        """Check the backup, keep the current database, then replace it (in a worker)."""
        paths = self.ctx.paths
        if source.resolve() == paths.database.resolve():
            self._status(self.tr("That file is the database in use. Choose a backup file."),
                         error=True)
            return
        self.restore_button.setEnabled(False)

        def finished(kept: Path | None) -> None:
            self.restore_button.setEnabled(True)
            self.ctx.bus.data_changed.emit("meta")
            self.restored(source, kept)

        def failed(error: BaseException) -> None:
            from desktop.ui.workers import plain_message

            self.restore_button.setEnabled(True)
            self._status(self.tr("Nothing was changed: {reason}").format(
                reason=plain_message(error)), error=True)

        run_in_background(
            self, lambda job: backups.restore(source, paths.database, paths.backups),
            finished, failed, label=self.tr("Restoring the backup…"), cancellable=False)

    def restored(self, source: Path, kept: Path | None) -> None:
        """Tell the user and restart, so every screen reads the restored records."""
        text = self.tr("The backup has been restored.")
        if kept is not None:
            text += " " + self.tr("The previous records were kept in {file}.").format(file=kept)
        self._status(text)
        QMessageBox.information(self, self.tr("Restored"),
                                text + "\n\n" + self.tr("The app will now restart."))
        self._restart()

    def _status(self, text: str, *, error: bool = False) -> None:
        theme.set_tone(self.data_status, "error" if error else "success")
        self.data_status.setText(text)
        self.data_status.setVisible(bool(text))

    def show_recent_changes(self) -> None:
        """The council-wide audit trail: the latest 500 changes, read on a worker."""
        from desktop.store.queries import history
        from desktop.ui.history import HistoryDialog, store_resolver
        from desktop.ui.workers import plain_message, reader_job, run_in_background

        device_id = self.ctx.store.device_id

        def done(entries: list) -> None:
            self.history_dialog = HistoryDialog(
                self.tr("What changed"),
                self.tr("The latest {n} changes this computer knows of, newest first: made "
                        "here, or received from the platform (on the council's computer: "
                        "from every office). Nothing here can be edited.").format(
                            n=len(entries)),
                entries, with_record=True, resolve=store_resolver(self.ctx.store.conn),
                parent=self)
            self.history_dialog.open()
            self.changes_shown.emit(len(entries))

        run_in_background(
            self, reader_job(self.ctx.store.path,
                             lambda conn, _job: history.recent_changes(conn, device_id)),
            done, lambda error: self.ctx.bus.status_message.emit(plain_message(error)),
            label=self.tr("Reading the history…"), cancellable=False)


SCREEN = SettingsScreen

