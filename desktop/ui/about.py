"""About, and report a problem: what someone helping from afar needs, without anyone's data.

Why a summary and not the database: the file holds residents' names and phones, which must
not travel by e-mail to whoever helps. The summary holds versions, counts, sync state and
where the log is; the person chooses to paste it into a message.
"""

from __future__ import annotations

import platform
import shutil
import sys
from urllib.parse import urlsplit

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME, __version__
from desktop.store import backup as backups
from desktop.store import syncstate
from desktop.store.schema import RECORD_TABLES
from desktop.ui.context import AppContext
from desktop.ui.widgets import button


def diagnostic_summary(ctx: AppContext) -> str:
    """Plain text, English (whoever helps reads it), no names, phones or record contents."""
    store, paths = ctx.store, ctx.paths
    url = store.get_meta(syncstate.SERVER_URL)
    last_try, last_outcome, _message = syncstate.last_sync(store)
    last_ok = store.get_meta("sync.last_success")
    copies = backups.list_backups(paths.backups)
    try:
        free = f"{shutil.disk_usage(paths.root).free / 1e9:.1f} GB"
    except OSError:
        free = "unknown"
    lines = [
        f"{APP_NAME} {__version__}",
        f"Python {platform.python_version()}, PySide6 {pyside_version}, Qt {qVersion()}",
        f"System: {platform.platform()}"
        + (" (frozen build)" if getattr(sys, "frozen", False) else ""),
        f"Data folder: {paths.root} (free space {free})",
        f"Log: {paths.logs / 'hromada-desk.log'}",
        f"Database schema: {store.schema_version}, size "
        f"{paths.database.stat().st_size / 1e6:.1f} MB" if paths.database.exists()
        else "Database: missing",
        f"Platform: {urlsplit(url).hostname if url else 'not connected'}"
        f"{' (demo)' if store.get_meta('demo.platform') else ''}, role "
        f"{store.get_meta(syncstate.ROLE) or '-'}",
        f"Sync: last success {last_ok or 'never'}, last try {last_try or 'never'} "
        f"({last_outcome or '-'}), waiting {syncstate.pending_count(store)}, conflicts "
        f"{syncstate.open_conflicts(store)}, refused {len(syncstate.open_rejections(store))}, "
        f"set aside {len(syncstate.open_set_aside(store))}",
        "Disk encryption (checked at first run): "
        + (store.get_meta("disk.encryption") or "not checked").replace(":", ", ").rstrip(", "),
        f"Backups: {len(copies)}"
        + (f", newest {copies[0].taken_at:%Y-%m-%d %H:%M}" if copies else ""),
        "Records: " + ", ".join(f"{table} {store.count(table)}" for table in RECORD_TABLES),
    ]
    return "\n".join(lines)


class AboutDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("About {app}").format(app=APP_NAME))
        layout = QVBoxLayout(self)
        title = QLabel(f"<b>{APP_NAME} {__version__}</b>", self)
        layout.addWidget(title)
        intro = QLabel(self.tr(
            "Registration, ideas, consultations and the CSO directory for liaison offices "
            "and CSO hubs.\n\nIf something does not work, copy the summary below into a "
            "message to whoever supports your office. It holds no names or phones of "
            "residents."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.summary = QPlainTextEdit(diagnostic_summary(ctx), self)
        self.summary.setReadOnly(True)
        self.summary.setAccessibleName(self.tr("Diagnostic summary"))
        self.summary.setMinimumSize(560, 200)
        layout.addWidget(self.summary)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = button(self.tr("&Copy the summary"), self, self.copy)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        logs = QPushButton(self.tr("Open the &log folder"), self)
        logs.clicked.connect(lambda: QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(ctx.paths.logs))))
        buttons.addButton(logs, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.summary.toPlainText())
        self.copy_button.setText(self.tr("Copied"))
