"""Ideas & appeals: what residents bring to the office for the council, and its answer.

Why it exists: a villager brings a public-budget idea, a petition, an appeal or a grant
application on paper, often with photos; the office takes it in offline (with the author's
consent), scans the papers in, and marks it "forwarded to the council". The council's answer
(status beyond "forwarded", its text and date) is written on the council's side and arrives
by sync: on an office device it is shown, never edited, so the office cannot overwrite it.
Only a council officer's device (`meta` "sync.role" = "council") edits the answer.

Layout: filters and search on top; the list on the left; the chosen idea on the right with
the council's answer at the top (or "waiting for the council's answer"), the form, the
author, and the attached photos and scans.
"""

from __future__ import annotations

import mimetypes
import shutil
import tempfile
from collections import OrderedDict
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QSignalBlocker,
    QSize,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QImage,
    QImageReader,
    QPixmap,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import deadlines, kpi
from desktop.store import authors
from desktop.store.attachments import MAX_ATTACHMENT_BYTES, attach_file, blob_path
from desktop.store.errors import StoreError
from desktop.store.queries import ideas as queries
from desktop.store.syncstate import ROLE
from desktop.ui import theme
from desktop.ui.context import AppContext
from desktop.ui.formatting import format_date
from desktop.ui.forms import (
    ChoiceField,
    DateField,
    MultiLineField,
    RecordForm,
    TextField,
    VocabField,
)
from desktop.ui.kit.editor import RecordEditor
from desktop.ui.kit.filters import fill_combo
from desktop.ui.kit.layout import scroll_area, set_council_field
from desktop.ui.kit.person_field import AuthorField, AuthorPicker
from desktop.ui.models import Column
from desktop.ui.screens.base import Screen
from desktop.ui.translate import is_ukrainian, tr_vocab, vocab_items
from desktop.ui.widgets import (
    Banner,
    button,
    hint,
    page_title,
    section_title,
)
from desktop.ui.workers import Job, plain_message, run_in_background

#: Statuses the council sets; on an office device they are shown, not chosen.
COUNCIL_STATUSES = ("under_review", "answered", "accepted", "rejected", "implemented")
ANSWERED_STATUSES = ("answered", "accepted", "rejected", "implemented")

# -- thumbnails ------------------------------------------------------------------------------

THUMB_SIZE = 64
_THUMBNAILS: OrderedDict[str, QImage] = OrderedDict()
_THUMBNAIL_LIMIT = 300


#: The pictures shown as thumbnails, by the first bytes of the file: photos and scans.
_PICTURE_MAGIC = ((b"\xff\xd8\xff", b"jpeg"), (b"\x89PNG\r\n\x1a\n", b"png"),
                  (b"GIF87a", b"gif"), (b"GIF89a", b"gif"), (b"BM", b"bmp"),
                  (b"II*\x00", b"tiff"), (b"MM\x00*", b"tiff"))


def picture_format(path: Path) -> bytes | None:
    """The image format of a stored file (stored files have no extension), from its first
    bytes; None for anything else (a PDF, a document)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(12)
    except OSError:
        return None
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return b"webp"
    return next((fmt for magic, fmt in _PICTURE_MAGIC if head.startswith(magic)), None)


def make_thumbnail(path: Path, size: int = THUMB_SIZE) -> QImage:
    """A small image of a photo or scan, decoded at reduced size (JPEG decodes fast that
    way); a null image if the file is not a picture. Safe on a worker thread.

    The reader is given the format (`picture_format`) and told not to guess: guessing asks
    every image plugin, and Qt's SVG plugin opens a text stream whose signal connection
    takes a lock of Qt's while this thread holds Python's; the UI thread, deleting a widget,
    holds that lock and waits for Python's. The two waited for each other for good (seen
    once in the test suite, in `test_new_idea_with_a_photo_lands_in_the_data_folder`)."""
    fmt = picture_format(path)
    if fmt is None:
        return QImage()
    reader = QImageReader(str(path), fmt)
    reader.setDecideFormatFromContent(False)
    reader.setAutoDetectImageFormat(False)
    reader.setAutoTransform(True)  # phone photos: EXIF rotation
    full = reader.size()
    if full.isValid() and (full.width() > size or full.height() > size):
        reader.setScaledSize(full.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if not image.isNull() and (image.width() > size or image.height() > size):
        image = image.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    return image


def cached_thumbnail(key: str) -> QImage | None:
    image = _THUMBNAILS.get(key)
    if image is not None:
        _THUMBNAILS.move_to_end(key)
    return image


def _remember_thumbnail(key: str, image: QImage) -> None:
    _THUMBNAILS[key] = image
    _THUMBNAILS.move_to_end(key)
    while len(_THUMBNAILS) > _THUMBNAIL_LIMIT:
        _THUMBNAILS.popitem(last=False)


def _is_image(name: str, mime: str | None) -> bool:
    mime = mime or mimetypes.guess_type(name)[0] or ""
    return mime.startswith("image/")


def _size_text(size: int | None) -> str:
    if size is None:
        return ""
    if size < 1024 * 1024:
        return QCoreApplication.translate("AttachmentsBox", "{size} KB").format(
            size=max(1, round(size / 1024)))
    megabytes = f"{size / (1024 * 1024):.1f}"
    if is_ukrainian():
        megabytes = megabytes.replace(".", ",")
    return QCoreApplication.translate("AttachmentsBox", "{size} MB").format(size=megabytes)


# -- attachments ------------------------------------------------------------------------------


class AttachmentsBox(QGroupBox):
    """Photos and scans of one record: thumbnails, open, attach (in the background), remove.

    Files chosen before the record exists wait in the list and are stored when it is saved
    (`save_pending`); for a saved record they are stored at once. The bytes are copied into
    the data folder by content hash (`desktop.store.attachments.attach_file`).
    """

    #: The pending list changed (the editor counts it as an unsaved change).
    changed = Signal()
    #: Background storing finished (tests and the editor wait for it).
    saved = Signal()
    #: A stored attachment was removed: (attachment id, file name), for Undo.
    removed = Signal(str, str)

    ROLE = Qt.ItemDataRole.UserRole

    def __init__(self, ctx: AppContext, owner_table: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Photos and scans"))
        self.ctx = ctx
        self.owner_table = owner_table
        self.owner_id: str | None = None
        self._pending: list[Path] = []
        self._in_flight: list[Path] = []
        self._in_flight_owner: str | None = None
        self._generation = 0
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Attached files"))
        self.list.setIconSize(QSize(THUMB_SIZE, THUMB_SIZE))
        self.list.setUniformItemSizes(True)
        self.list.setWordWrap(False)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        row_height = max(THUMB_SIZE, self.fontMetrics().height() * 2) + 8
        self.list.setMinimumHeight(row_height * 2 + 6)
        self.list.setMaximumHeight(row_height * 4 + 6)
        self.list.itemActivated.connect(self.open_current)
        self.list.currentRowChanged.connect(self._update_buttons)
        layout.addWidget(self.list)
        buttons = QHBoxLayout()
        self.attach_button = QPushButton(theme.icon("add"), self.tr("&Attach files…"), self)
        self.attach_button.setAccessibleName(self.tr("Attach photos or scans"))
        self.attach_button.setToolTip(self.tr("Photos and scans up to {size} MB each; you can "
                                              "also drop files here.").format(
            size=MAX_ATTACHMENT_BYTES // (1024 * 1024)))
        self.open_button = button(self.tr("&Open"), self, name=self.tr("Open the chosen file"),
                                  icon="folder")
        self.remove_button = button(self.tr("Re&move file"), self,
                                    name=self.tr("Remove the chosen file"))
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.note = hint("", self)
        layout.addWidget(self.note)
        self.attach_button.clicked.connect(self._attach_clicked)
        self.open_button.clicked.connect(self.open_current)
        self.remove_button.clicked.connect(self.remove_current)
        self._update_buttons()

    # -- content --------------------------------------------------------------------------

    def pending(self) -> list[Path]:
        return list(self._pending)

    def busy(self) -> bool:
        return bool(self._in_flight)

    def load(self, owner_id: str | None) -> None:
        """Show the attachments of one record (None: a new record, nothing stored yet)."""
        if owner_id != self.owner_id:
            self._pending = []
        self.owner_id = owner_id
        self._rebuild()

    def _rebuild(self) -> None:
        self._generation += 1
        self.list.clear()
        stored = (queries.attachments(self.ctx.store.conn, self.owner_table, self.owner_id)
                  if self.owner_id else [])
        wanted: list[tuple[str, Path]] = []
        file_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        for row in stored:
            path = blob_path(self.ctx.paths.attachments, row["sha256"])
            item = QListWidgetItem(f"{row['filename']}\n{_size_text(row['size'])}")
            item.setData(self.ROLE, {"kind": "stored", **row, "path": path})
            item.setToolTip(row["filename"])
            self._set_icon(item, row["sha256"], path, row["filename"], row.get("mime"),
                           file_icon, wanted)
            self.list.addItem(item)
        copying = self._in_flight if self._in_flight_owner == self.owner_id else []
        for kind, paths in (("copying", copying), ("pending", self._pending)):
            for path in paths:
                size = path.stat().st_size if path.exists() else None
                state = (self.tr("copying…") if kind == "copying"
                         else self.tr("stored when you save"))
                item = QListWidgetItem(f"{path.name}\n{_size_text(size)} · {state}")
                item.setData(self.ROLE, {"kind": kind, "filename": path.name, "path": path})
                item.setToolTip(str(path))
                self._set_icon(item, f"file:{path}:{size}", path, path.name, None, file_icon,
                               wanted)
                self.list.addItem(item)
        if wanted:
            self._load_thumbnails(wanted)
        count = self.list.count()
        self.setTitle(self.tr("Photos and scans ({count})").format(count=count) if count
                      else self.tr("Photos and scans"))
        if not copying:
            self.note.setText("" if count else self.tr(
                "No files yet. Attach photos or scans of the papers the person brought."))
        self.note.setVisible(bool(self.note.text()))
        self._update_buttons()

    def _set_icon(self, item: QListWidgetItem, key: str, path: Path, name: str,
                  mime: str | None, fallback: QIcon, wanted: list[tuple[str, Path]]) -> None:
        item.setData(self.ROLE + 1, key)
        image = cached_thumbnail(key) if _is_image(name, mime) else None
        if image is not None and not image.isNull():
            item.setIcon(QIcon(QPixmap.fromImage(image)))
        else:
            item.setIcon(fallback)
            if image is None and _is_image(name, mime) and path.exists():
                wanted.append((key, path))

    def _load_thumbnails(self, wanted: list[tuple[str, Path]]) -> None:
        generation = self._generation

        def work(job: Job) -> list[tuple[str, QImage]]:
            out = []
            for key, path in wanted:
                if job.cancelled:
                    break
                out.append((key, make_thumbnail(path)))
            return out

        def done(images: list[tuple[str, QImage]]) -> None:
            for key, image in images:
                _remember_thumbnail(key, image)
            if generation != self._generation:
                return
            found = dict(images)
            for row in range(self.list.count()):
                item = self.list.item(row)
                image = found.get(item.data(self.ROLE + 1))
                if image is not None and not image.isNull():
                    item.setIcon(QIcon(QPixmap.fromImage(image)))

        run_in_background(self, work, done, lambda error: None, progress=False,
                          busy_cursor=False)

    # -- adding ---------------------------------------------------------------------------

    def ask_files(self) -> list[Path]:
        """The file dialog (tests replace this)."""
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Attach photos or scans"), str(Path.home()),
            self.tr("Photos and scans (*.jpg *.jpeg *.png *.gif *.bmp *.tif *.tiff *.webp "
                    "*.heic *.pdf);;All files (*)"))
        return [Path(name) for name in names]

    def _attach_clicked(self) -> None:
        self.add_files(self.ask_files())

    def add_files(self, paths: list[Path]) -> None:
        """Attach files: at once for a saved record, on Save for a new one."""
        accepted, refused = [], []
        for path in paths:
            try:
                size = path.stat().st_size
            except OSError:
                refused.append(self.tr("{file} cannot be read.").format(file=path.name))
                continue
            if not path.is_file():
                refused.append(self.tr("{file} is not a file.").format(file=path.name))
            elif size > MAX_ATTACHMENT_BYTES:
                refused.append(self.tr("{file} is larger than {size} MB.").format(
                    file=path.name, size=MAX_ATTACHMENT_BYTES // (1024 * 1024)))
            elif path not in self._pending and path not in self._in_flight:
                accepted.append(path)
        if accepted:
            if self.owner_id:
                self.save_pending(self.owner_id, accepted)
            else:
                self._pending.extend(accepted)
                self._rebuild()
                self.changed.emit()
        if refused:
            self._show_note(" ".join(refused), error=True)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_files(paths)

    def save_pending(self, owner_id: str, paths: list[Path] | None = None) -> None:
        """Copy files into the data folder and record them, on a worker thread (a big scan
        on a slow disk must not freeze the window)."""
        if paths is None:
            paths, self._pending = self._pending, []
        if not paths:
            return
        self.owner_id = owner_id
        self._in_flight_owner = owner_id
        self._in_flight.extend(paths)
        database, backups = self.ctx.store.path, self.ctx.store.backups_dir
        folder, table, user = self.ctx.paths.attachments, self.owner_table, self.ctx.staff_id
        self._show_note(self.tr("Copying files into the data folder…"))
        self._rebuild()

        def work(job: Job) -> tuple[list[dict], list[tuple[Path, BaseException]], str]:
            from desktop.store import open_store

            store = open_store(database, backups)
            try:
                stored, failed = [], []
                for number, path in enumerate(paths):
                    if job.cancelled:
                        failed.append((path, InterruptedError()))
                        continue
                    job.report(number, len(paths), path.name)
                    try:
                        stored.append(attach_file(store, folder, table, owner_id, path,
                                                  user_id=user))
                    except (OSError, StoreError) as error:
                        failed.append((path, error))
                assert store.clock is not None
                return stored, failed, store.clock.last
            finally:
                store.close()

        def done(result: tuple[list[dict], list[tuple[Path, BaseException]], str]) -> None:
            stored, failed, last = result
            if self.ctx.store.clock is not None:
                self.ctx.store.clock.observe(last)
            self._finish(paths, [path for path, _ in failed])
            if failed:
                self._show_note(self.tr("Not attached: {files}").format(files="; ".join(
                    f"{path.name} ({plain_message(error)})" for path, error in failed
                    if not isinstance(error, InterruptedError)) or
                    ", ".join(path.name for path, _ in failed)), error=True)
            if stored:
                self.ctx.bus.data_changed.emit("attachments")

        def failed(error: BaseException) -> None:
            self._finish(paths, paths)
            self._show_note(self.tr("Not attached: {reason}").format(
                reason=plain_message(error)), error=True)

        run_in_background(self, work, done, failed,
                          label=self.tr("Copying files into the data folder…"))

    def _finish(self, paths: list[Path], not_stored: list[Path]) -> None:
        self._in_flight = [p for p in self._in_flight if p not in paths]
        if self.owner_id is not None and self.owner_id == self._in_flight_owner:
            # kept, so that Save (or Attach) can try again
            self._pending.extend(p for p in not_stored if p not in self._pending)
        self._show_note("")
        self._rebuild()
        self.saved.emit()

    def _show_note(self, text: str, *, error: bool = False) -> None:
        theme.set_tone(self.note, "error" if error else "muted")
        self.note.setText(text)
        self.note.setVisible(bool(text))

    # -- opening and removing ---------------------------------------------------------------

    def _current(self) -> dict[str, Any] | None:
        item = self.list.currentItem()
        return item.data(self.ROLE) if item is not None else None

    def _update_buttons(self) -> None:
        current = self._current()
        self.open_button.setEnabled(current is not None)
        self.remove_button.setEnabled(current is not None and current["kind"] != "copying")
        self.attach_button.setEnabled(self.isEnabled())

    def open_url(self, url: QUrl) -> bool:
        """Hand a file to the system's viewer (tests replace this)."""
        return QDesktopServices.openUrl(url)

    def open_current(self) -> None:
        current = self._current()
        if current is None:
            return
        if current["kind"] != "stored":
            self.open_url(QUrl.fromLocalFile(str(current["path"])))
            return
        source: Path = current["path"]
        if not source.exists():
            self._show_note(self.tr("{file} is not on this computer yet; it arrives with the "
                                    "next sync.").format(file=current["filename"]), error=True)
            return
        # Stored files are named by their hash: a copy under the real name lets the system
        # pick the right viewer.
        target = Path(tempfile.gettempdir()) / "hromada-desk" / current["sha256"][:16] / \
            Path(current["filename"]).name

        def work(job: Job) -> Path:
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)
            return target

        run_in_background(self, work, lambda path: self.open_url(QUrl.fromLocalFile(str(path))),
                          label=self.tr("Opening {file}…").format(file=current["filename"]))

    def confirm_remove(self, name: str) -> bool:
        """Ask before removing a stored file (tests replace this)."""
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self, self.tr("Remove the file?"),
            self.tr("Remove {file} from this record?").format(file=name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def remove_current(self) -> None:
        current = self._current()
        if current is None:
            return
        if current["kind"] == "pending":
            self._pending = [p for p in self._pending if p != current["path"]]
            self._rebuild()
            self.changed.emit()
            return
        if current["kind"] != "stored" or not self.confirm_remove(current["filename"]):
            return
        with self.ctx.changes():
            self.ctx.store.delete("attachments", current["id"])
            self._rebuild()
        self.removed.emit(current["id"], current["filename"])


# -- the editor -------------------------------------------------------------------------------


#: The list's column of due dates (its header sorts by the council's terms).
DUE_COLUMN = 4


class IdeasEditor(RecordEditor):
    """The list of ideas and appeals beside the chosen one."""

    table = "ideas"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._categories: dict[str, str] = {}
        #: The council's terms for answers and its working calendar (reload_choices).
        self._terms: tuple[Any, Any] = (None, None)
        self._council = False
        self._record: dict[str, Any] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        # -- search and filters -------------------------------------------------------------
        top = QHBoxLayout()
        self.build_search(self.tr("Search by words from the title or description"),
                          self.tr("Search ideas and appeals"))
        self.new_button = self.new_record_button(
            self.tr("&New idea or appeal"), self.tr("New idea or appeal"),
            self.tr("Take in a new idea or appeal (Ctrl+N)"))
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        layout.addLayout(top)

        filters = QHBoxLayout()
        self.status = self.filter_combo(self.tr("Status"), [
            ("waiting", self.tr("Waiting for the council's answer")),
            *vocab_items("idea_statuses")], self.tr("All statuses"))
        self.channel = self.filter_combo(self.tr("Channel"), vocab_items("idea_channels"),
                                         self.tr("All channels"))
        self.category = self.filter_combo(self.tr("Category"), [], self.tr("All categories"))
        self.office = self.filter_combo(self.tr("Office"), [
            ("mine", self.tr("This office")), ("all", self.tr("All offices"))])
        for widget in (self.status, self.channel, self.category, self.office,
                       self.period_filter()):
            filters.addWidget(widget)
        filters.addStretch(1)
        layout.addLayout(filters)
        splitter = self.build_list(layout, [
            Column("received_on", self.tr("Received"), format_date),
            Column("title", self.tr("Title"), tooltip=self._title_tooltip_first),
            Column("channel", self.tr("Channel"), lambda c: tr_vocab("idea_channels", c),
                   tooltip=lambda c: tr_vocab("idea_channels", c)),
            Column("status", self.tr("Status"), lambda c: tr_vocab("idea_statuses", c),
                   tooltip=lambda c: tr_vocab("idea_statuses", c)),
            Column(("received_on", "channel", "status", "responded_on"), self.tr("Due"),
                   self._due_cell, tooltip=self._due_text, sort=queries.due_sort()),
        ], name=self.tr("Ideas and appeals"),
                                   stretch=1, samples={0: "00.00.0000", 2: "Пропозиція",
                                                         3: "На розгляді", 4: "⚠ 00.00.0000"},
                                   count_name=self.tr("Number of ideas shown"))

        # -- the chosen idea ----------------------------------------------------------------
        self.detail = QWidget(splitter)
        detail = QVBoxLayout(self.detail)
        detail.setContentsMargins(6, 0, 0, 0)
        self.heading = section_title("", self.detail)
        self.heading.setWordWrap(True)
        detail.addWidget(self.heading)
        self.answer = Banner("", "", self.detail)
        self.answer.button.setAccessibleName(self.tr("Mark as forwarded to the council"))
        self.answer.action_clicked.connect(self.mark_forwarded)
        detail.addWidget(self.answer)

        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 4, 0)
        self.author = AuthorPicker(ctx)
        self.form = RecordForm("ideas", [
            VocabField("channel", "idea_channels"),
            TextField("title", placeholder=self.tr("In a few words: what and where")),
            MultiLineField("description", lines=4),
            ChoiceField("category_id", []),
            ChoiceField("settlement_id", []),
            DateField("received_on"),
            ChoiceField("office_id", []),
            AuthorField("author_person_id", self.author),
            ChoiceField("status", [], empty=False),
            MultiLineField("response", self.tr("Council's answer"), lines=3),
            DateField("responded_on", self.tr("Answered on")),
        ], save_text=None)
        self.form.layout().setContentsMargins(0, 0, 0, 0)
        content_layout.addWidget(self.form)
        self.council_note = hint("", content)
        content_layout.addWidget(self.council_note)
        self.attachments = AttachmentsBox(ctx, "ideas", content)
        self.attachments.changed.connect(self.mark_dirty)
        self.attachments.removed.connect(self._attachment_removed)
        content_layout.addWidget(self.attachments)
        content_layout.addStretch(1)
        detail.addWidget(scroll_area(content, self.tr("Idea details"), self.detail), 1)

        self.build_buttons(detail, self.tr("Delete this idea or appeal"),
                           self.tr("Save the idea or appeal"))
        self.finish(layout, splitter, self.detail, (560, 500), before=[
            self.search, self.new_button, self.status, self.channel, self.category,
            self.office, self.period.combo, self.period.since, self.period.until, self.view,
            self.answer.button], after=[
            self.attachments.list, self.attachments.attach_button,
            self.attachments.open_button, self.attachments.remove_button])

    # -- list -----------------------------------------------------------------------------

    def _title_tooltip_first(self, title: str | None) -> str:
        return title or ""

    # -- the term for an answer -----------------------------------------------------------

    def _deadline(self, received: str | None, channel: str | None, status: str | None,
                  responded: str | None) -> tuple[date | None, str | None]:
        """(due date, `deadlines.STATES` code) of an idea; (None, None) if it has no term."""
        periods, work = self._terms
        answered = kpi.idea_answered(status, deadlines.day_of(responded))
        return deadlines.term_of(channel, received, answered, responded, date.today(),
                                 periods, work)

    def _due_cell(self, *values: str | None) -> str:
        due, state = self._deadline(*values)
        if due is None:
            return "—"
        mark = {"overdue": "⚠ ", "due_soon": "⌛ "}.get(state or "", "")
        return mark + format_date(due.isoformat())

    def _due_text(self, *values: str | None) -> str:
        """The term in words: "Due 02.03.2026: 3 days overdue."."""
        due, state = self._deadline(*values)
        if due is None:
            return self.tr("No legal term for an answer.")
        when = format_date(due.isoformat())
        late = (date.today() - due).days
        if state == "overdue":
            return self.tr("Due {date}: {days} days overdue.").format(date=when, days=late)
        if state == "due_soon":
            return self.tr("Due {date}: in the next few days.").format(date=when)
        if state == "answered_on_time":
            return self.tr("Answered on time (due {date}).").format(date=when)
        if state == "answered_late":
            responded = deadlines.day_of(values[3])
            return self.tr("Answered {days} days late (due {date}).").format(
                days=(responded - due).days if responded else 0, date=when)
        return self.tr("Due {date}.").format(date=when)

    def reload_choices(self) -> None:
        conn = self.ctx.store.conn
        self._terms = queries.answer_terms(conn)
        self.model.set_column_sort(DUE_COLUMN, queries.due_sort(self._terms[0]))
        uk = is_ukrainian()
        self._categories = {c["id"]: (c["name_uk"] if uk else c["name_en"]) or c["name_uk"]
                            or c["code"] for c in queries.categories(conn)}
        items = list(self._categories.items())
        fill_combo(self.category, items, self.tr("All categories"))
        self.set_choices({"category_id": items, "settlement_id": queries.settlements(conn),
                          "office_id": queries.offices(conn)})
        self.office.setEnabled(self.ctx.office_id is not None)

    def list_query(self) -> Any:
        status = self.status.currentData()
        statuses = queries.WAITING_STATUSES if status == "waiting" else \
            ((status,) if status else None)
        text = self.search.text().strip()
        ids = None
        if text:
            ids = [hit.record_id for hit in self.ctx.store.search(
                text, kinds=("ideas",), limit=queries.SEARCH_LIMIT)]
        since, until = self.period.bounds()
        mine = self.office.currentData() == "mine" and self.ctx.office_id
        return queries.ideas_query(
            statuses=statuses, channel=self.channel.currentData(),
            category_id=self.category.currentData(),
            office_id=self.ctx.office_id if mine else None, since=since, until=until, ids=ids)

    # -- the form -------------------------------------------------------------------------

    def load(self, record_id: str | None) -> None:
        record = self.ctx.store.get("ideas", record_id) if record_id else None
        self._council = self.ctx.store.get_meta(ROLE) == "council"
        self._record = record
        self._loading = True
        try:
            if record is None:
                self.current_id = None
                values: dict[str, Any] = {"received_on": date.today().isoformat(),
                                          "office_id": self.ctx.office_id, "status": "new"}
                self.heading.setText(self.tr("New idea or appeal"))
            else:
                self.current_id = record["id"]
                values = record
                self.heading.setText(record["title"])
            self._set_status_choices(values.get("status"))
            self.set_form_record(values)
            self._apply_role(values.get("status"))
            # A new idea has no answer yet: the office does not need to see empty council
            # fields (a council officer's device shows them, it may type the answer in).
            for name in ("response", "responded_on"):
                self.form.layout_.setRowVisible(self.form.labels[name],
                                                record is not None or self._council)
            self.attachments.load(self.current_id)
        finally:
            self._loading = False
        self.mark_clean()
        self.delete_button.setEnabled(record is not None)
        self._show_answer(record)

    def _status_locked(self, status: str | None) -> bool:
        """Whether this device must leave the status alone (the council has taken it over)."""
        return not self._council and status not in (None, *queries.OFFICE_STATUSES)

    def _set_status_choices(self, status: str | None) -> None:
        field = self.form.field("status")
        if self._status_locked(status) or self._council:
            items = vocab_items("idea_statuses")
        else:
            items = [(code, label) for code, label in vocab_items("idea_statuses")
                     if code in queries.OFFICE_STATUSES]
        with QSignalBlocker(field):
            field.set_items(items)  # type: ignore[attr-defined]

    def _apply_role(self, status: str | None) -> None:
        """Office devices show the council's answer read-only; council devices edit it."""
        waiting = self.tr("Waiting for the council's answer")
        set_council_field(self.form.field("response"), self._council, waiting)
        set_council_field(self.form.field("responded_on"), self._council)
        self.form.field("status").control.setEnabled(not self._status_locked(status))
        if self._council:
            self.council_note.setText(self.tr(
                "This is a council officer's device: the status and the council's answer can "
                "be edited here."))
        elif self._status_locked(status):
            self.council_note.setText(self.tr(
                "The council is handling this idea: its status and answer come from the "
                "council with sync."))
        else:
            self.council_note.setText(self.tr(
                "The status and the answer beyond “Forwarded” are set by the council and "
                "arrive with sync."))

    def _show_answer(self, record: dict[str, Any] | None) -> None:
        if record is None:
            self.answer.setVisible(False)
            return
        status = record.get("status")
        if record.get("response") or status in ANSWERED_STATUSES:
            when = format_date(record.get("responded_on"))
            text = (self.tr("Council's answer of {date}: {status}.").format(
                date=when, status=tr_vocab("idea_statuses", status).lower())
                if when else self.tr("Council's answer: {status}.").format(
                    status=tr_vocab("idea_statuses", status).lower()))
            self.answer.set_text(text, "")
        elif status == "new":
            self.answer.set_text(self.tr("Not forwarded to the council yet."),
                                 self.tr("Mark as &forwarded to the council"))
        else:
            self.answer.set_text(self.tr("Waiting for the council's answer ({status}).").format(
                status=tr_vocab("idea_statuses", status).lower()), "")
        due, _state = self._deadline(record.get("received_on"), record.get("channel"), status,
                                     record.get("responded_on"))
        if due is not None:
            self.answer.set_text(self.answer.label.text() + " " + self._due_text(
                record.get("received_on"), record.get("channel"), status,
                record.get("responded_on")))
        self.answer.setVisible(True)

    def describe(self) -> str:
        title = self.form.field("title").value().strip() or (
            self._record or {}).get("title") or ""
        return self.tr("the idea “{title}”").format(title=title) if title \
            else self.tr("this idea")

    def extra_problem(self) -> bool:
        return self.author.show_problem()

    def write(self, values: dict[str, Any]) -> str:
        values = dict(values)
        values.pop("author_person_id", None)
        if not self._council:
            # The council's fields are never written from an office device, so a late sync
            # of its answer cannot be overwritten with what this form showed.
            values.pop("response", None)
            values.pop("responded_on", None)
            if self._status_locked((self._record or {}).get("status")):
                values.pop("status", None)
        pending = self.attachments.pending()
        saved = authors.save_with_author(
            self.ctx.store, "ideas", values, person_field="author_person_id",
            author=self.author.author(), record_id=self.current_id)
        record_id = saved.record["id"]
        if pending:
            self.attachments.save_pending(record_id)
        self.ctx.bus.status_message.emit(self.tr("Saved: {title}").format(
            title=saved.record["title"]))
        return record_id

    def mark_forwarded(self) -> None:
        """"Передано до ради": the office handed the idea to the council."""
        if self.current_id is None:
            return
        self.form.field("status").set_value("forwarded")
        self.save()

    def _restored(self, table: str, record_id: str) -> None:
        if table == "ideas":
            self.show_record(record_id)
        elif self.current_id:
            self.attachments.load(self.current_id)

    def _attachment_removed(self, attachment_id: str, filename: str) -> None:
        self.undo_bar.offer(self.tr("Removed {file}.").format(file=filename), "attachments",
                            attachment_id)


class IdeasScreen(Screen):
    key = "ideas"
    title = QT_TRANSLATE_NOOP("Screens", "Ideas & appeals")
    icon = "ideas"
    watches = frozenset({"ideas", "attachments", "idea_categories", "settlements", "offices",
                         "people", "meta", "*"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.display_title(), self))
        self.editor = IdeasEditor(ctx, self)
        layout.addWidget(self.editor, 1)

    def refresh(self) -> None:
        self.editor.refresh()

    def search_box(self) -> QLineEdit | None:
        return self.editor.search

    def new_record(self) -> bool:
        self.editor.new()
        return True

    def save(self) -> bool:
        return self.editor.save()

    def show_item(self, item: dict[str, Any]) -> None:
        if item.get("table") == "ideas" and item.get("id"):
            if self._stale:
                self._refresh_now()
            self.editor.show_record(str(item["id"]))

    def current_record(self) -> tuple[str, str] | None:
        record_id = self.editor.current_id
        return ("ideas", record_id) if record_id else None


SCREEN = IdeasScreen
