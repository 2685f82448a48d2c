"""The console's report: the same figures, by the same code, as the Reports screen of the
desktop app.

Why a mirror: the desktop's figures come from SQL over its store (`desktop.store.queries
.reports.compute`) and the platform keeps records as JSON. Rather than a second version of
every definition, the console keeps a council-wide copy of the records in a desktop store
(`Mirror`), brought up to date from the platform's own feed before each report exactly as a
council laptop pulls it, and runs the desktop's computation on it; the tables and the XLSX
come from `desktop.domain.report_table` and `desktop.reporting.xlsx`. One KPI module, one set
of definitions, figures equal to the desktop's to the last digit.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import threading
from collections.abc import Iterator
from pathlib import Path

from desktop.domain import kpi
from desktop.domain.report_table import Report, build_report
from desktop.store import open_store, syncstate
from desktop.store.queries.reports import compute
from desktop.sync.engine import SyncEngine, SyncReport
from server import service
from server.auth import Device
from server.db import ServerDB

MIRROR_ENV = "HROMADA_CONSOLE_DATA"
PAGE = 2000
_LOCAL = threading.Lock()


def _instance(db: ServerDB) -> int:
    """This platform database's own number (a new database, a new mirror)."""
    with db.transaction(write=True) as tx:
        row = tx.one("SELECT value FROM counters WHERE name = 'instance'")
        if row is None:
            value = secrets.randbits(48)
            tx.execute("INSERT INTO counters(name, value) VALUES('instance', ?)", (value,))
            return value
        return int(row[0])


def mirror_folder(db: ServerDB) -> Path:
    """Where the mirror lives: $HROMADA_CONSOLE_DATA, else beside a SQLite platform's file,
    else the server's data folder."""
    if os.environ.get(MIRROR_ENV):
        return Path(os.environ[MIRROR_ENV])
    if not db.postgres:
        return db.path.parent
    import platformdirs

    return Path(platformdirs.user_data_dir("HromadaServer", "Hromada"))


@contextlib.contextmanager
def _exclusive(path: Path) -> Iterator[None]:
    """One refresh at a time, across the worker processes of `serve --workers N` too."""
    with _LOCAL, open(path, "a+b") as handle:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows: one process serves
            yield
            return
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class Mirror:
    """A desktop store holding every record the council may read, kept current from the
    platform's feed."""

    def __init__(self, db: ServerDB) -> None:
        self.db = db
        folder = mirror_folder(db)
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / f"council-mirror-{_instance(db):x}.sqlite3"

    def refresh(self) -> int:
        """Apply what the feed has that the mirror has not; returns how many records."""
        device = Device("console-mirror", None, "council", 0)
        applied = 0
        with _exclusive(self.path.with_suffix(".lock")):
            store = open_store(self.path)
            try:
                cursor = int(store.get_meta(syncstate.CURSOR, "0") or 0)
                while True:
                    page = service.pull(self.db, device, cursor, PAGE)
                    if page.full_resync:
                        cursor = 0
                        continue
                    rows, refused = SyncEngine._checked_rows(page, SyncReport())
                    done, _skipped = syncstate.apply_pulled(store, rows, page.cursor, refused,
                                                            more=page.more)
                    applied += done
                    cursor = page.cursor
                    if not page.more:
                        break
            finally:
                store.close()
        return applied

    def figures(self, period: kpi.Period, office_id: str | None) -> kpi.ReportFigures:
        self.refresh()
        store = open_store(self.path)
        try:
            return compute(store.conn, period, office_id)
        finally:
            store.close()


_catalogue: dict[tuple[str, str], str] = {}


def _ukrainian() -> dict[tuple[str, str], str]:
    """The desktop's Ukrainian translations, read from its Qt Linguist file: (context,
    English) -> Ukrainian. Read as XML rather than through QTranslator: a Qt object made in a
    server thread would claim Qt's main thread for it in a process that also runs Qt."""
    if not _catalogue:
        from xml.etree import ElementTree

        from desktop.paths import resources_dir

        root = ElementTree.parse(resources_dir() / "i18n" / "hromada_uk.ts").getroot()
        for context in root.iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                source, translation = message.findtext("source"), message.find("translation")
                if source and translation is not None and translation.text and \
                        translation.get("type") not in ("unfinished", "obsolete", "vanished"):
                    _catalogue[(name, source)] = translation.text
    return _catalogue


def report_of(figures: kpi.ReportFigures, language: str, office: str, period: str,
              generated: str) -> Report:
    """The report's tables in `language`, labelled with the desktop's own translations."""
    translate = _identity
    if language == "uk":
        catalogue = _ukrainian()

        def translate(context: str, text: str) -> str:
            return catalogue.get((context, text), text)
    return build_report(figures, office=office, period=period, generated=generated,
                        translate=translate, lang=language)


def _identity(_context: str, text: str) -> str:
    return text
