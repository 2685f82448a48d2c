"""A report as a clean A4 PDF: title with office and period, the charts, every table, page
numbers and the date it was made.

How: the report is laid out as a QTextDocument (HTML tables paginate between rows and
repeat their header row on a new page), painted page by page onto a QPdfWriter with a
footer of our own. This runs on a worker thread: QPdfWriter, QPainter, QTextDocument and
QImage work off the UI thread; chart widgets do not, so the screen grabs the charts to
QImages on the UI thread first (`ChartImage`) and passes the images in.

The PDF is meant for printing and attaching to a letter, so it is always black on white,
whatever the screen's colour scheme.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from desktop import APP_NAME
from desktop.domain.report_table import TEXT, Report, Table, cell_kind, format_value
from desktop.reporting import atomic_target

#: Dots per inch of the PDF's coordinate system (text is vector anyway; this sets how finely
#: positions are placed and how sharp the chart images are).
RESOLUTION = 300
MARGINS_MM = QMarginsF(16, 14, 16, 16)
#: Space kept at the bottom of each page for the footer, in points.
FOOTER_PT = 16
FONT_PT = 9.5


@dataclass(frozen=True)
class ChartImage:
    title: str
    image: QImage


def _points_to_pixels(points: float) -> float:
    return points * RESOLUTION / 72


def _table_html(table: Table, heading: bool = True) -> str:
    wide = len(table.columns) > 4
    parts = [f'<h3>{escape(table.title)}</h3>' if heading else "",
             f'<table class="{"data wide" if wide else "data"}" width="100%" cellspacing="0" '
             'cellpadding="4">', "<thead><tr>"]
    first = 22 if wide else 55
    rest = (100 - first) // max(1, len(table.columns) - 1)
    for index, column in enumerate(table.columns):
        align = "left" if column.kind == TEXT else "right"
        width = first if index == 0 else rest
        parts.append(f'<th align="{align}" width="{width}%">{escape(column.header)}</th>')
    parts.append("</tr></thead><tbody>")
    for index, row in enumerate(table.rows):
        total = table.total_row and index == len(table.rows) - 1
        parts.append('<tr class="total">' if total else "<tr>")
        for column, value in zip(table.columns, row, strict=True):
            kind = cell_kind(column, value)
            align = "left" if kind == TEXT else "right"
            text = escape(format_value(value, kind))
            if total:
                text = f"<b>{text}</b>"
            parts.append(f'<td align="{align}">{text}</td>')
        parts.append("</tr>")
    parts.append("</tbody></table>")
    if table.note:
        parts.append(f'<p class="note">{escape(table.note)}</p>')
    return "".join(parts)


def report_html(report: Report, charts: list[tuple[str, str, int]]) -> str:
    """The document body; `charts` are (title, resource URL, width in pixels)."""
    parts = [
        f'<h1>{escape(report.title)}</h1>',
        f'<p class="office">{escape(report.office)}</p>',
        f'<p class="period">{escape(report.period)}</p>',
        f'<p class="generated">{escape(report.generated)}</p>',
    ]
    sections = list(report.sections)
    if sections:  # the key figures first, then the charts, then the details
        first = sections.pop(0)
        parts.append(f"<h2>{escape(first.title)}</h2>")
        parts.extend(_table_html(table, table.title != first.title) for table in first.tables)
    if charts:
        parts.append('<table width="100%" cellspacing="0" cellpadding="4">')
        for i in range(0, len(charts), 2):
            parts.append("<tr>")
            for title, url, width in charts[i:i + 2]:
                parts.append(f'<td width="50%" align="center" valign="top">'
                             f'<p class="chart">{escape(title)}</p>'
                             f'<img src="{url}" width="{width}"></td>')
            parts.append("</tr>")
        parts.append("</table>")
    for section in sections:
        parts.append(f"<h2>{escape(section.title)}</h2>")
        parts.extend(_table_html(table, table.title != section.title)
                     for table in section.tables)
    return "".join(parts)


STYLE = """
h1 { font-size: 17pt; font-weight: bold; margin-bottom: 2pt; }
h2 { font-size: 13pt; font-weight: bold; margin-top: 14pt; margin-bottom: 4pt;
     color: #1f3b63; }
h3 { font-size: 10.5pt; font-weight: bold; margin-top: 8pt; margin-bottom: 3pt; }
p.office { font-size: 12pt; font-weight: bold; margin: 0; }
p.period { font-size: 11pt; margin: 0; }
p.generated { color: #555555; margin-top: 2pt; }
p.note { color: #555555; font-size: 8.5pt; margin-top: 2pt; }
p.chart { font-weight: bold; margin-bottom: 2pt; }
table.data { border-color: #9aa5b1; border-style: solid; border-collapse: collapse; }
table.data th { background-color: #dce6f1; border: 1px solid #9aa5b1; font-weight: bold; }
table.data td { border: 1px solid #9aa5b1; }
table.wide { font-size: 8pt; }
table.wide th { font-size: 7pt; }
tr.total td { background-color: #f2f2f2; }
"""


def _keep_headings_with_content(document: QTextDocument, page_height: float) -> None:
    """Move a heading to the next page when too little of the page is left under it for
    its table's first rows (QTextDocument breaks pages anywhere between blocks)."""
    layout = document.documentLayout()
    keep = {1: 0.0, 2: _points_to_pixels(150), 3: _points_to_pixels(90)}
    block = document.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        if level in keep and keep[level] and QTextCursor(block).currentTable() is None:
            top = layout.blockBoundingRect(block).top()
            left_on_page = page_height - (top % page_height)
            if left_on_page < keep[level] and top % page_height > 1:
                cursor = QTextCursor(block)
                fmt = block.blockFormat()
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                cursor.setBlockFormat(fmt)
                if level == 3:  # a section title right above moves along with it
                    previous = block.previous()
                    if previous.isValid() and previous.blockFormat().headingLevel() == 2:
                        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_Auto)
                        cursor.setBlockFormat(fmt)
                        before = QTextCursor(previous)
                        moved = previous.blockFormat()
                        moved.setPageBreakPolicy(
                            QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                        before.setBlockFormat(moved)
                _finish_layout(document)
        block = block.next()
    _finish_layout(document)


def _finish_layout(document: QTextDocument) -> None:
    """Lay the whole document out now: after a format change QTextDocument relayouts the
    rest lazily (on a timer), and painting a half-laid-out page drops text."""
    document.markContentsDirty(0, document.characterCount())
    document.documentLayout().documentSize()


def render_pdf(report: Report, charts: list[ChartImage], target: Path) -> Path:
    """Write the report to `target` as a PDF, atomically. Safe on a worker thread."""
    target = Path(target)
    with atomic_target(target) as temporary:
        _render(report, charts, temporary)
    return target


def _render(report: Report, charts: list[ChartImage], path: Path) -> None:
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait, MARGINS_MM,
                                     QPageLayout.Unit.Millimeter))
    writer.setTitle(f"{report.title} — {report.office}")
    writer.setCreator(APP_NAME)
    area = writer.pageLayout().paintRectPixels(RESOLUTION)
    footer = _points_to_pixels(FOOTER_PT)
    body = QSizeF(area.width(), area.height() - footer)

    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    font = QFont()
    font.setPointSizeF(FONT_PT)
    document.setDefaultFont(font)
    document.setDefaultStyleSheet(STYLE)
    document.setDocumentMargin(0)
    urls = []
    # QTextDocument scales images by the device's dpi over the screen's 96, so the width in
    # the HTML is in screen pixels.
    chart_width = int(body.width() * 0.47 * 96 / RESOLUTION)
    for number, chart in enumerate(charts):
        url = f"chart://{number}.png"
        image = QImage(chart.image)  # a copy: its size in pixels is what the HTML scales
        image.setDevicePixelRatio(1.0)
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), image)
        urls.append((chart.title, url, chart_width))
    document.setHtml(report_html(report, urls))
    document.setPageSize(body)
    _keep_headings_with_content(document, body.height())
    pages = document.pageCount()

    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(QCoreApplication.translate(
            "ReportPdf", "The PDF file could not be created."))
    try:
        small = QFont(font)
        small.setPointSizeF(7.5)
        for page in range(pages):
            if page:
                writer.newPage()
            painter.save()
            painter.setClipRect(QRectF(0, 0, body.width(), body.height()))
            painter.translate(0, -page * body.height())
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = QRectF(0, page * body.height(), body.width(), body.height())
            document.documentLayout().draw(painter, context)
            painter.restore()
            painter.setFont(small)
            painter.setPen(QColor("#555555"))
            line = QRectF(0, area.height() - footer * 0.7, area.width(), footer * 0.7)
            painter.drawLine(line.topLeft(), line.topRight())
            painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                             f"{APP_NAME} · {report.office} · {report.period}")
            painter.drawText(line, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                             QCoreApplication.translate("ReportPdf", "Page {page} of {pages}")
                             .format(page=page + 1, pages=pages))
    finally:
        painter.end()




def main(argv: list[str] | None = None) -> int:
    """`python -m desktop.ui.report_pdf REPORT.pickle TARGET.pdf [LANGUAGE]`: the PDF of a
    report laid out elsewhere (the council's console, which keeps Qt out of its server
    threads), without charts, on the offscreen platform, its page footer in LANGUAGE (uk)."""
    import os
    import pickle
    import sys

    args = sys.argv[1:] if argv is None else argv
    if len(args) not in (2, 3):
        print("usage: python -m desktop.ui.report_pdf REPORT.pickle TARGET.pdf [uk|en]",
              file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.ui.app import application, install_translations

    app = application([sys.argv[0]])
    install_translations(app, args[2] if len(args) == 3 else "uk")
    report = pickle.loads(Path(args[0]).read_bytes())
    render_pdf(report, [], Path(args[1]))
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
