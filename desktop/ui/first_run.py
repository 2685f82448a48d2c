"""The first run: from an empty data folder to the first check-in, with nobody to ask.

Three ways in, because offices start in three situations: the council has sent an address
and a code (connect); the office must start today and the council will come later (work on
my own: the records go up when it enrolls, see `desktop.store.setup`); or someone only wants
to look (demo data). Every page says what happens next in one sentence; anything that waits
on the network or writes thousands of rows runs in a worker, so the window never freezes.
"""

from __future__ import annotations

import contextlib
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop import APP_NAME
from desktop.paths import DataPaths
from desktop.store import Store, open_store
from desktop.store import setup as office_setup
from desktop.ui import prefs, theme
from desktop.ui.translate import running_language, tr_vocab
from desktop.ui.widgets import error_label, hint
from desktop.ui.workers import (
    BackgroundTask,
    Job,
    connect_problem,
    plain_message,
    run_in_background,
)

PAGE_WELCOME, PAGE_CONNECT, PAGE_OWN, PAGE_DEMO, PAGE_DONE = range(5)
CHOICE_CONNECT, CHOICE_OWN, CHOICE_DEMO = range(3)
LANGUAGE_NAMES = (("uk", "Українська"), ("en", "English"))
#: The size of the demo a first run makes: enough to see every screen full, ready in seconds.
DEMO_PEOPLE, DEMO_EVENTS = 600, 40


def needs_first_run(store: Store) -> bool:
    """No office chosen and no platform: nothing to open the main window on yet."""
    from desktop.store import syncstate

    return not syncstate.is_set_up(store)


class WelcomePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Welcome to {app}").format(app=APP_NAME))
        self.setSubTitle(self.tr("Three questions and the office is ready. Nothing here needs "
                                 "the Internet except connecting to the council."))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.language = QComboBox(self)
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(0 if running_language() == "uk" else 1)
        self.language.setAccessibleName("Мова / Language")
        form.addRow("Мова / Language:", self.language)
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addWidget(QLabel(self.tr("How will this office start?"), self))
        self.choices = QButtonGroup(self)
        for number, (title, detail) in enumerate((
            (self.tr("&Connect to my council's platform"),
             self.tr("The council gave you an address and a one-time code.")),
            (self.tr("&Work on my own for now"),
             self.tr("Name your office and start registering people today. You can connect "
                     "to the council later; nothing will need to be typed again.")),
            (self.tr("&Try it with demo data"),
             self.tr("A made-up community to look around in. Use a separate data folder "
                     "for real work.")),
        )):
            button = QRadioButton(title, self)
            button.setAccessibleDescription(detail)
            self.choices.addButton(button, number)
            layout.addWidget(button)
            note = hint(detail, self)
            note.setContentsMargins(24, 0, 0, 6)
            layout.addWidget(note)
        self.choices.button(CHOICE_OWN).setChecked(True)
        self.choices.idToggled.connect(lambda *_: self.completeChanged.emit())
        layout.addStretch(1)

    def choice(self) -> int:
        return self.choices.checkedId()

    def nextId(self) -> int:
        return {CHOICE_CONNECT: PAGE_CONNECT, CHOICE_OWN: PAGE_OWN,
                CHOICE_DEMO: PAGE_DEMO}.get(self.choice(), PAGE_OWN)


class _WorkingPage(QWizardPage):
    """A page whose Next starts background work and moves on only when it succeeded."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.done = False
        self.task: BackgroundTask | None = None
        self.error = error_label(self)
        self.status = hint("", self)
        self.status.setVisible(False)

    def working(self) -> bool:
        return self.task is not None and not self.task.is_finished()

    def isComplete(self) -> bool:
        return not self.working() and super().isComplete()

    def validatePage(self) -> bool:
        if self.done:
            return True
        if not self.working():
            self.error.setVisible(False)
            self.start()
            self.completeChanged.emit()
        return False

    def start(self) -> None:  # pragma: no cover - every page overrides it
        raise NotImplementedError

    def succeeded(self, text: str = "") -> None:
        self.done = True
        self.status.setText(text)
        self.status.setVisible(bool(text))
        self.completeChanged.emit()
        self.wizard().next()

    def failed(self, text: str) -> None:
        self.status.setVisible(False)
        self.error.setText(text)
        self.error.setVisible(True)
        self.completeChanged.emit()

    def show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(True)


class ConnectPage(_WorkingPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.first_run = wizard
        self.setTitle(self.tr("Connect to the council's platform"))
        self.setSubTitle(self.tr("Type the address and the code exactly as the council sent "
                                 "them. The code works once."))
        form = QFormLayout(self)
        self.url = QLineEdit(self)
        self.url.setPlaceholderText("https://…")
        self.url.setAccessibleName(self.tr("Platform address"))
        self.code = QLineEdit(self)
        self.code.setAccessibleName(self.tr("One-time code"))
        self.staff_name = QLineEdit(self)
        self.staff_name.setAccessibleName(self.tr("Your name"))
        self.staff_name.setPlaceholderText(self.tr("e.g. Коваль Ірина Петрівна"))
        form.addRow(self.tr("Platform &address:"), self.url)
        form.addRow(self.tr("One-time &code:"), self.code)
        form.addRow(self.tr("Your &name:"), self.staff_name)
        form.addRow(self.status)
        form.addRow(self.error)
        for box in (self.url, self.code, self.staff_name):
            box.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:
        return bool(self.url.text().strip() and self.code.text().strip()
                    and self.staff_name.text().strip()) and super().isComplete()

    def start(self) -> None:
        paths = self.first_run.paths
        url, code, name = (self.url.text().strip(), self.code.text().strip(),
                           self.staff_name.text())
        self.show_status(self.tr("Connecting…"))

        def work(job: Job) -> Any:
            from desktop.sync.client import enroll

            store = open_store(paths.database, paths.backups)
            try:
                answer, _warning = enroll(store, paths.root, url, code)
                if answer.office_id:
                    staff = office_setup.add_staff(store, answer.office_id, name,
                                                   "administrator")
                    store.set_meta("staff_id", staff)
                return answer
            finally:
                store.close()

        def finished(answer: Any) -> None:
            self.first_run.outcome = self.tr("This computer is connected to the council's "
                                             "platform as {office}.").format(
                office=answer.office_name or self.tr("a council device"))
            self.succeeded()

        def failed(error: BaseException) -> None:
            self.failed(self.tr("Not connected: {reason}").format(
                reason=connect_problem(error)))

        self.task = run_in_background(self, work, finished, failed, progress=False,
                                      busy_cursor=False)


class OwnOfficePage(_WorkingPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.first_run = wizard
        self.setTitle(self.tr("Your office"))
        self.setSubTitle(self.tr("This is written on every event, visit and report. You can "
                                 "change it later in Settings."))
        form = QFormLayout(self)
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Office name"))
        self.name.setPlaceholderText(self.tr("e.g. Офіс звʼязку Десна"))
        self.kind = QComboBox(self)
        self.kind.setAccessibleName(self.tr("Kind of office"))
        for code in office_setup.OFFICE_KINDS:
            self.kind.addItem(tr_vocab("office_kinds", code), code)
        self.settlement = QComboBox(self)
        self.settlement.setAccessibleName(self.tr("Settlement of the office"))
        self.settlement.setMinimumContentsLength(30)
        self.settlement.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.staff_name = QLineEdit(self)
        self.staff_name.setAccessibleName(self.tr("Your name"))
        self.staff_name.setPlaceholderText(self.tr("e.g. Коваль Ірина Петрівна"))
        form.addRow(self.tr("Office &name:"), self.name)
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("&Settlement:"), self.settlement)
        form.addRow(self.tr("Your &name:"), self.staff_name)
        form.addRow(hint(self.tr("Other staff members can be added later in Settings; the "
                                 "status bar always shows who is working."), self))
        form.addRow(self.error)
        for box in (self.name, self.staff_name):
            box.textChanged.connect(self.completeChanged)

    def initializePage(self) -> None:
        store = self.first_run.store
        office_setup.install_reference_lists(store)
        self.settlement.clear()
        self.settlement.addItem(self.tr("— not in the list —"), None)
        for choice in office_setup.settlement_choices(store):
            self.settlement.addItem(f"{choice.label} ({choice.district_name})", choice.id)

    def isComplete(self) -> bool:
        return bool(self.name.text().strip() and self.staff_name.text().strip()) \
            and super().isComplete()

    def start(self) -> None:
        # A few rows in the local file: quick enough for the UI thread.
        from desktop.domain.errors import ValidationError

        try:
            office_setup.create_own_office(
                self.first_run.store, name=self.name.text(), kind=self.kind.currentData(),
                settlement_id=self.settlement.currentData(), staff_name=self.staff_name.text())
        except ValidationError as exc:
            self.failed(plain_message(exc))
            return
        self.first_run.outcome = self.tr(
            "Your office «{name}» is ready. When the council gives you an address and a code, "
            "connect in Settings: everything recorded here goes up then.").format(
                name=self.name.text().strip())
        self.succeeded()


class DemoPage(_WorkingPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.first_run = wizard
        self.setTitle(self.tr("Demo data"))
        self.setSubTitle(self.tr("A made-up community of {people} people with events, ideas, "
                                 "consultations and CSOs.").format(people=DEMO_PEOPLE))
        layout = QVBoxLayout(self)
        layout.addWidget(hint(self.tr(
            "Everything you see will be invented: names, phones and addresses. Do not enter "
            "real residents in this data folder. Press Next to create it (a few seconds)."),
            self))
        self.bar = QProgressBar(self)
        self.bar.setVisible(False)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def start(self) -> None:
        paths = self.first_run.paths
        self.bar.setVisible(True)
        self.bar.setRange(0, 0)
        self.show_status(self.tr("Creating the demo community…"))

        def work(job: Job) -> Any:
            from desktop.demo.generator import generate
            from desktop.demo.identity import choose_demo_identity

            store = open_store(paths.database, paths.backups)
            try:
                counts = generate(store, people=DEMO_PEOPLE, events=DEMO_EVENTS, seed=1,
                                  progress=lambda stage, done, total: job.report(
                                      done, total, stage))
                choose_demo_identity(store)
                return counts
            finally:
                store.close()

        def finished(_counts: Any) -> None:
            self.bar.setVisible(False)
            self.first_run.outcome = self.tr("The demo community is ready.")
            self.succeeded()

        def failed(error: BaseException) -> None:
            self.bar.setVisible(False)
            self.failed(plain_message(error))

        self.task = run_in_background(self, work, finished, failed, progress=False,
                                      busy_cursor=False)


#: meta key: the disk encryption found at first run ("on:BitLocker", "off:ext4", ...).
DISK_KEY = "disk.encryption"


class DonePage(QWizardPage):
    #: The disk's encryption was checked (on, off or unknown; tests wait for it).
    disk_checked = Signal(str)

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.first_run = wizard
        self.setTitle(self.tr("Ready"))
        layout = QVBoxLayout(self)
        self.outcome = QLabel(self)
        self.outcome.setWordWrap(True)
        layout.addWidget(self.outcome)
        self.where = QLabel(self)
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.where)
        offline = QLabel(self.tr(
            "It works without the Internet: everything is saved on this computer at once, "
            "and sent to the council whenever a connection appears."), self)
        offline.setWordWrap(True)
        layout.addWidget(offline)
        self.disk = QLabel(self)
        self.disk.setWordWrap(True)
        self.disk.setAccessibleName(self.tr("Disk encryption"))
        layout.addWidget(self.disk)
        self.next_step = QLabel(self)
        self.next_step.setWordWrap(True)
        layout.addWidget(self.next_step)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.outcome.setText(self.first_run.outcome)
        self.where.setText(self.tr("Your data is kept in {folder}; a backup is made there "
                                   "every day.").format(folder=self.first_run.paths.root))
        self.next_step.setText(self.tr(
            "Start with «Check-in» (Ctrl+3): choose today's event and register people as "
            "they come. «Today» (Ctrl+1) shows what is planned."))
        self.disk.setText(self.tr("Checking whether this computer's disk is encrypted…"))
        from desktop.disk import disk_encryption

        folder = self.first_run.paths.root
        run_in_background(self, lambda _job: disk_encryption(folder), self.show_disk,
                          lambda _error: self.show_disk(None), progress=False,
                          cancellable=False, busy_cursor=False)

    def show_disk(self, result: Any) -> None:
        """Say whether a stolen laptop would give residents' data away (desktop/disk.py),
        and remember it for the About window."""
        from desktop.disk import OFF, ON, UNKNOWN, DiskEncryption

        result = result if isinstance(result, DiskEncryption) else DiskEncryption(UNKNOWN)
        with contextlib.suppress(Exception):
            self.first_run.store.set_meta(DISK_KEY, f"{result.state}:{result.how}")
        if result.state == ON:
            text = self.tr("This computer's disk is encrypted ({how}): if the laptop is "
                           "stolen, residents' data cannot be read from it.").format(
                how=result.how)
            color = theme.success_color()
        elif result.state == OFF:
            text = self.tr("This computer's disk is not encrypted: a stolen laptop would give "
                           "away residents' names and phones. Ask whoever looks after your "
                           "computers to turn on BitLocker (Windows: Settings → Privacy & "
                           "security → Device encryption).")
            color = theme.error_color()
        else:
            text = self.tr("It could not be found out whether this computer's disk is "
                           "encrypted. Make sure it is (BitLocker on Windows): the data "
                           "folder holds residents' names and phones.")
            color = theme.error_color()
        self.disk.setStyleSheet(f"color: {color.name()}")  # the wizard's style ignores palettes
        self.disk.setText(text)
        self.disk_checked.emit(result.state)


class FirstRunWizard(QWizard):
    """`exec()` is Accepted when the office is set up; `language_chosen` asks the caller to
    rebuild the wizard in the other language (Qt cannot retranslate built widgets)."""

    language_chosen = Signal(str)

    def __init__(self, store: Store, paths: DataPaths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.paths = paths
        self.outcome = ""
        self.setObjectName("first-run")
        self.setWindowTitle(self.tr("{app}: first start").format(app=APP_NAME))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.welcome = WelcomePage(self)
        self.connect_page = ConnectPage(self)
        self.own = OwnOfficePage(self)
        self.demo = DemoPage(self)
        self.done_page = DonePage(self)
        for page_id, page in ((PAGE_WELCOME, self.welcome), (PAGE_CONNECT, self.connect_page),
                              (PAGE_OWN, self.own), (PAGE_DEMO, self.demo),
                              (PAGE_DONE, self.done_page)):
            self.setPage(page_id, page)
        for page in (self.connect_page, self.own, self.demo):
            page.setFinalPage(False)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Start working"))
        self.welcome.language.currentIndexChanged.connect(self._language_changed)
        self.resize(720, 540)

    def nextId(self) -> int:
        current = self.currentId()
        if current == PAGE_WELCOME:
            return self.welcome.nextId()
        if current in (PAGE_CONNECT, PAGE_OWN, PAGE_DEMO):
            return PAGE_DONE
        return -1

    def _language_changed(self) -> None:
        code = self.welcome.language.currentData()
        if code != running_language():
            prefs.set_language(code)
            self.language_chosen.emit(code)

    def reject(self) -> None:
        # Leaving while a connection or the demo is being made would strand the worker.
        for page in (self.connect_page, self.demo):
            if page.working():
                return
        super().reject()


def run_first_run(store: Store, paths: DataPaths) -> bool:
    """Show the wizard until the office is set up (True) or the person closes it (False)."""
    from PySide6.QtWidgets import QApplication

    from desktop.ui.app import install_translations

    while True:
        wizard = FirstRunWizard(store, paths)
        switched: list[str] = []

        def relaunch(code: str, w: QWizard = wizard, into: list[str] = switched) -> None:
            into.append(code)
            w.done(QWizard.DialogCode.Rejected)

        wizard.language_chosen.connect(relaunch)
        accepted = wizard.exec() == QWizard.DialogCode.Accepted
        wizard.deleteLater()
        if switched:
            app = QApplication.instance()
            install_translations(app, switched[-1])  # type: ignore[arg-type]
            continue
        store.user_id = store.get_meta("staff_id")
        return accepted and not needs_first_run(store)
