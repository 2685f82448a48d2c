"""The resident's copy of everything kept about them, saved as JSON or as a PDF in their
language (People → «Усі дані…», `hromada-desk person export ID`)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.domain.access_report import access_report
from desktop.reporting import atomic_target


def save_access(data: dict[str, Any], target: Path, office: str) -> Path:
    """Write the answer to `target`: a PDF when the name ends in .pdf, else JSON. Safe on a
    worker thread (the PDF is drawn by QPdfWriter and QTextDocument, no widgets)."""
    target = Path(target)
    if target.suffix.lower() == ".pdf":
        from desktop.ui.report_pdf import render_pdf

        report = access_report(data, office=office,
                               generated=datetime.now().strftime("%d.%m.%Y %H:%M"),
                               translate=QCoreApplication.translate)
        return render_pdf(report, [], target)
    with atomic_target(target) as part:
        part.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n",
                        encoding="utf-8")
    return target


def office_name(conn: Any, office_id: str | None) -> str:
    row = conn.execute("SELECT coalesce(nullif(name, ''), short_name) FROM offices "
                       "WHERE id = ?", (office_id,)).fetchone()
    return str(row[0]) if row and row[0] else ""
