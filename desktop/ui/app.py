"""Starting the desktop application."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from desktop import APP_ID, APP_NAME, ORG_NAME
from desktop.paths import DataPaths


def run(paths: DataPaths) -> int:
    from desktop.store import open_store

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_ID)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationDisplayName(APP_NAME)
    store = open_store(paths.ensure().database, paths.backups)
    window = QMainWindow()
    window.setWindowTitle(APP_NAME)
    people = store.count("people")
    window.setCentralWidget(QLabel(f"{APP_NAME}\n{paths.database}\nЛюдей: {people}"))
    window.resize(1024, 640)
    window.show()
    try:
        return app.exec()
    finally:
        store.close()
