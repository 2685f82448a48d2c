"""An event's paper: the sign-in sheet (A4 landscape, numbered rows of the people registered,
then blank rows for walk-ins, the header repeated on every page, the consent text) and
participation certificates (one A4 page per attendee).

Both are painted on any QPagedPaintDevice: a QPdfWriter for a file, a QPrinter for the print
dialog. Safe on a worker thread (QTextDocument, QPainter and QImage work off the UI thread);
the print dialog itself is shown by the caller on the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QCoreApplication,
    QMarginsF,
    QRectF,
    QSizeF,
    Qt,
    QUrl,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from desktop import APP_NAME
from desktop.domain.paper import BLANK_ROWS, CONSENT_TEXT_UK, hours_between
from desktop.domain.phones import masked_phone
from desktop.reporting import atomic_target
from desktop.store.queries.paper import Attendee, PaperEvent, SheetRow

RESOLUTION = 300
FONT_PT = 9.5
QR_MM = 11

# The words on the paper, in the "Paper" translation context.
T_NOBODY_REGISTERED = QT_TRANSLATE_NOOP(
    "Paper", "Nobody is registered for this event yet, so there is nobody to make a badge for.")
T_NOBODY_ATTENDED = QT_TRANSLATE_NOOP(
    "Paper", "Nobody has attended this event yet, so there is nobody to give a certificate to.")
T_NO = QT_TRANSLATE_NOOP("Paper", "No.")
T_SURNAME_FIRST_NAME_PATRONYMIC = QT_TRANSLATE_NOOP("Paper", "Surname, first name, patronymic")
T_SETTLEMENT = QT_TRANSLATE_NOOP("Paper", "Settlement")
T_PHONE = QT_TRANSLATE_NOOP("Paper", "Phone")
T_GENDER = QT_TRANSLATE_NOOP("Paper", "Gender")
T_AGE_GROUP = QT_TRANSLATE_NOOP("Paper", "Age group")
T_CONSENT = QT_TRANSLATE_NOOP("Paper", "Consent ✓")
T_SIGNATURE = QT_TRANSLATE_NOOP("Paper", "Signature")
T_SIGN_IN_SHEET = QT_TRANSLATE_NOOP("Paper", "Sign-in sheet")
T_THE_PDF_FILE_COULD = QT_TRANSLATE_NOOP("Paper", "The PDF file could not be created.")
T_PAGE_PAGE_OF_PAGES = QT_TRANSLATE_NOOP("Paper", "Page {page} of {pages}")
T_CERTIFICATE_OF_PARTICIPATION = QT_TRANSLATE_NOOP("Paper", "Certificate of participation")
T_NO_NUMBER = QT_TRANSLATE_NOOP("Paper", "No. {number}")
T_THIS_CERTIFIES_THAT = QT_TRANSLATE_NOOP("Paper", "This certifies that")
T_TOOK_PART_IN = QT_TRANSLATE_NOOP("Paper", "took part in")
T_DURATION_HOURS_HOURS = QT_TRANSLATE_NOOP("Paper", "Duration: {hours} hours")
T_DATE = QT_TRANSLATE_NOOP("Paper", "Date")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Paper", text)


def _when(event: PaperEvent) -> str:
    if event.starts_at is None:
        return ""
    text = event.starts_at.strftime("%d.%m.%Y, %H:%M")
    if event.ends_at:
        same_day = event.ends_at.date() == event.starts_at.date()
        text += "–" + event.ends_at.strftime("%H:%M" if same_day else "%d.%m.%Y, %H:%M")
    return text


def qr_image(text: str) -> QImage:
    """A QR code holding `text` (a record id, nothing personal), as an image."""
    import io

    import segno

    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=6, border=1)
    image = QImage()
    image.loadFromData(QByteArray(buffer.getvalue()), "PNG")
    return image


def _sheet_head(qr: bool) -> tuple[list[str], list[int]]:
    head = [_tr(T_NO), _tr(T_SURNAME_FIRST_NAME_PATRONYMIC), _tr(T_SETTLEMENT),
            _tr(T_PHONE), _tr(T_GENDER), _tr(T_AGE_GROUP), _tr(T_CONSENT),
            _tr(T_SIGNATURE)]
    widths = [4, 27, 14, 13, 7, 9, 6, 20]
    if qr:
        head.insert(1, "QR")
        widths = [4, 7, 24, 13, 12, 7, 9, 6, 18]
    return head, widths


def sheet_rows_html(rows: Sequence[SheetRow], first_number: int, blanks: int, *, qr: bool,
                    qr_px: int, masked: bool = True) -> list[str]:
    """One <tr> per registered person, then `blanks` empty rows two lines tall (room to
    write a name by hand), numbered on from `first_number`."""
    head, _widths = _sheet_head(qr)
    out = []
    for number, row in enumerate(rows, start=first_number):
        phone = masked_phone(row.phone) if masked else (row.phone or "")
        cells = [str(number), escape(row.name), escape(row.settlement), escape(phone),
                 escape(row.gender), escape(row.age_group), "✓" if row.consent else "☐", ""]
        if qr:
            cells.insert(1, f'<img src="qr://{row.person_id}" width="{qr_px}" '
                            f'height="{qr_px}">')
        out.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    for number in range(first_number + len(rows), first_number + len(rows) + blanks):
        cells = [str(number)] + ["&nbsp;<br>&nbsp;"] + [""] * (len(head) - 4) + ["☐", ""]
        out.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    return out


def sheet_page_html(event: PaperEvent, rows_html: Sequence[str], *, qr: bool, first: bool,
                    last: bool) -> str:
    """One page: the event (in full on the first page, its title after), the table with
    its header, and the consent text on the last page."""
    head, widths = _sheet_head(qr)
    if first:
        parts = [
            f"<h1>{escape(event.title)}</h1>",
            f'<p class="meta">{escape(_when(event))}'
            + (f" · {escape(event.place)}" if event.place else "")
            + (f" · {escape(event.office)}" if event.office else "") + "</p>",
            f'<p class="meta">{escape(_tr(T_SIGN_IN_SHEET))}</p>',
        ]
    else:
        parts = [f'<p class="meta">{escape(event.title)} · {escape(_tr(T_SIGN_IN_SHEET))}</p>']
    parts.append('<table class="sheet" width="100%" cellspacing="0" cellpadding="3"><tr>')
    parts += [f'<th width="{w}%">{escape(h)}</th>' for h, w in zip(head, widths, strict=True)]
    parts.append("</tr>")
    parts += rows_html
    parts.append("</table>")
    if last:
        parts.append(f'<p class="consent">{escape(CONSENT_TEXT_UK)}</p>')
    return "".join(parts)


SHEET_STYLE = """
h1 { font-size: 15pt; font-weight: bold; margin-bottom: 2pt; }
p.meta { font-size: 10.5pt; margin: 0; }
table.sheet { border-collapse: collapse; margin-top: 6pt; }
table.sheet th { background-color: #dce6f1; border: 1px solid #555555; font-weight: bold;
                 font-size: 8.5pt; }
table.sheet td { border: 1px solid #555555; font-size: 9.5pt; }
p.consent { font-size: 8pt; color: #333333; margin-top: 8pt; }
"""


def _setup(device: QPagedPaintDevice, landscape: bool) -> None:
    device.setPageLayout(QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait,
        QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter))


def paint_sheet(device: QPagedPaintDevice, event: PaperEvent, rows: Sequence[SheetRow], *,
                qr: bool = True) -> int:
    """Lay the sign-in sheet out on `device`, a page at a time: rows are added to a page
    while it still fits, so a row is never split across pages (and a QR code never parted
    from its name). Returns the number of pages."""
    _setup(device, landscape=True)
    area = device.pageLayout().paintRectPixels(RESOLUTION)
    footer_px = 16 * RESOLUTION / 72
    body = QSizeF(area.width(), area.height() - footer_px)
    font = QFont()
    font.setPointSizeF(FONT_PT)
    qr_px = int(QR_MM / 25.4 * 96)  # QTextDocument sizes images in screen pixels
    images = {row.person_id: qr_image(row.person_id) for row in rows} if qr else {}

    def document(html: str) -> QTextDocument:
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(device)
        doc.setDefaultFont(font)
        doc.setDefaultStyleSheet(SHEET_STYLE)
        doc.setDocumentMargin(0)
        for person_id, image in images.items():
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"qr://{person_id}"),
                            image)
        doc.setTextWidth(body.width())
        doc.setHtml(html)
        return doc

    all_rows = sheet_rows_html(rows, 1, BLANK_ROWS, qr=qr, qr_px=qr_px)
    pages: list[str] = []
    current: list[str] = []
    for row_html in all_rows:
        trial = sheet_page_html(event, [*current, row_html], qr=qr, first=not pages,
                                last=False)
        if current and document(trial).size().height() > body.height():
            pages.append(sheet_page_html(event, current, qr=qr, first=not pages, last=False))
            current = [row_html]
        else:
            current.append(row_html)
    final = sheet_page_html(event, current, qr=qr, first=not pages, last=True)
    if current and document(final).size().height() > body.height():
        pages.append(sheet_page_html(event, current, qr=qr, first=not pages, last=False))
        final = sheet_page_html(event, [], qr=qr, first=False, last=True)
    pages.append(final)

    painter = QPainter()
    if not painter.begin(device):
        raise OSError(_tr(T_THE_PDF_FILE_COULD))
    try:
        small = QFont(font)
        small.setPointSizeF(7.5)
        for number, html in enumerate(pages):
            if number:
                device.newPage()
            document(html).drawContents(painter, QRectF(0, 0, body.width(), body.height()))
            _footer(painter, area, footer_px, small, f"{APP_NAME} · {event.title}", number + 1,
                    len(pages))
    finally:
        painter.end()
    return len(pages)


def _footer(painter: QPainter, area: QRectF, footer_px: float, font: QFont, text: str,
            page: int, pages: int) -> None:
    painter.setFont(font)
    painter.setPen(QColor("#555555"))
    line = QRectF(0, area.height() - footer_px * 0.7, area.width(), footer_px * 0.7)
    painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, text)
    painter.drawText(line, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                     _tr(T_PAGE_PAGE_OF_PAGES).format(page=page, pages=pages))


def certificate_html(event: PaperEvent, attendee: Attendee) -> str:
    hours = hours_between(event.starts_at, event.ends_at)
    place = f" · {escape(event.place)}" if event.place else ""
    gap = '<p class="gap">&nbsp;</p>'
    lines = [
        f'<p class="title">{escape(_tr(T_CERTIFICATE_OF_PARTICIPATION))}</p>',
        f'<p class="number">{escape(_tr(T_NO_NUMBER).format(number=attendee.number))}</p>',
        gap, gap,
        f'<p class="lead">{escape(_tr(T_THIS_CERTIFIES_THAT))}</p>',
        f'<p class="name">{escape(attendee.name)}</p>',
        gap,
        f'<p class="lead">{escape(_tr(T_TOOK_PART_IN))}</p>',
        f'<p class="event">«{escape(event.title)}»</p>',
        gap,
        f'<p class="meta">{escape(_when(event))}{place}</p>',
    ]
    if hours:
        text = _tr(T_DURATION_HOURS_HOURS).format(hours=f"{hours:g}".replace(".", ","))
        lines.append(f'<p class="meta">{escape(text)}</p>')
    lines += [
        gap, gap,
        f'<p class="office">{escape(event.office)}</p>',
        gap, gap, gap,
        '<table width="100%" class="sign"><tr>'
        f'<td width="50%">{escape(_tr(T_SIGNATURE))}: ______________________</td>'
        f'<td width="50%" align="right">{escape(_tr(T_DATE))}: ______________</td>'
        "</tr></table>",
    ]
    return "".join(lines)


CERTIFICATE_STYLE = """
p.title { font-size: 28pt; font-weight: bold; text-align: center; color: #1f3b63; }
p.number { font-size: 10pt; text-align: center; color: #555555; }
p.gap { font-size: 14pt; }
p.lead { font-size: 14pt; text-align: center; }
p.name { font-size: 24pt; font-weight: bold; text-align: center; }
p.event { font-size: 17pt; text-align: center; }
p.meta { font-size: 12pt; text-align: center; }
p.office { font-size: 14pt; text-align: center; }
table.sign { font-size: 12pt; }
"""


def paint_certificates(device: QPagedPaintDevice, event: PaperEvent,
                       people: Sequence[Attendee]) -> int:
    """One page per attendee; returns the number of pages."""
    _setup(device, landscape=False)
    area = device.pageLayout().paintRectPixels(RESOLUTION)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(_tr(T_THE_PDF_FILE_COULD))
    try:
        for number, attendee in enumerate(people):
            if number:
                device.newPage()
            document = QTextDocument()
            document.documentLayout().setPaintDevice(device)
            font = QFont()
            font.setPointSizeF(12)
            document.setDefaultFont(font)
            document.setDefaultStyleSheet(CERTIFICATE_STYLE)
            document.setDocumentMargin(0)
            inset = area.width() * 0.08
            document.setTextWidth(area.width() - 2 * inset)
            document.setHtml(certificate_html(event, attendee))
            painter.setPen(QColor("#1f3b63"))
            painter.drawRect(QRectF(0, 0, area.width() - 1, area.height() - 1))
            painter.drawRect(QRectF(12, 12, area.width() - 25, area.height() - 25))
            top = max(inset, (area.height() - document.size().height()) / 2)
            painter.save()
            painter.translate(inset, top)
            document.drawContents(painter)
            painter.restore()
    finally:
        painter.end()
    return len(people)


def _write_pdf(target: Path, title: str, paint: Callable[[QPdfWriter], int]) -> int:
    """Paint into a PDF written atomically (a half-written file never has the name)."""
    with atomic_target(Path(target)) as temporary:
        writer = QPdfWriter(str(temporary))
        writer.setResolution(RESOLUTION)
        writer.setTitle(title)
        writer.setCreator(APP_NAME)
        pages = paint(writer)
        del writer  # finish the file before it is renamed
    return pages


BADGE_COLUMNS, BADGE_ROWS = 2, 4  # 8 name badges (about 90 x 60 mm) per A4 page


def paint_badges(device: QPagedPaintDevice, event: PaperEvent, rows: Sequence[SheetRow]) -> int:
    """Name badges (or invitations) for the registered people: name, settlement, the event,
    and a QR code with the person's record id only, for one-Enter check-in. Cut lines are
    drawn; returns the number of pages."""
    _setup(device, landscape=False)
    area = device.pageLayout().paintRectPixels(RESOLUTION)
    width, height = area.width() / BADGE_COLUMNS, area.height() / BADGE_ROWS
    per_page = BADGE_COLUMNS * BADGE_ROWS
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(_tr(T_THE_PDF_FILE_COULD))
    try:
        name_font, small_font = QFont(), QFont()
        name_font.setPointSizeF(15)
        name_font.setBold(True)
        small_font.setPointSizeF(9)
        for number, row in enumerate(rows):
            if number and number % per_page == 0:
                device.newPage()
            place = number % per_page
            box = QRectF((place % BADGE_COLUMNS) * width, (place // BADGE_COLUMNS) * height,
                         width, height)
            painter.setPen(QColor("#9aa5b1"))
            painter.drawRect(box)
            pad = width * 0.06
            qr_side = height * 0.45
            painter.drawImage(QRectF(box.right() - pad - qr_side, box.bottom() - pad - qr_side,
                                     qr_side, qr_side), qr_image(row.person_id))
            painter.setPen(QColor("#000000"))
            painter.setFont(small_font)
            painter.drawText(QRectF(box.left() + pad, box.top() + pad, width - 2 * pad,
                                    height * 0.2),
                             Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
                             event.title)
            painter.setFont(name_font)
            painter.drawText(QRectF(box.left() + pad, box.top() + height * 0.25,
                                    width - 2 * pad, height * 0.3),
                             Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, row.name)
            painter.setFont(small_font)
            painter.drawText(QRectF(box.left() + pad, box.bottom() - pad - height * 0.2,
                                    width - 3 * pad - qr_side, height * 0.2),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom
                             | Qt.TextFlag.TextWordWrap,
                             "\n".join(filter(None, (row.settlement, _when(event)))))
    finally:
        painter.end()
    return max(1, -(-len(rows) // per_page))


def write_badges_pdf(target: Path, event: PaperEvent, rows: Sequence[SheetRow]) -> int:
    if not rows:
        raise ValueError(_tr(T_NOBODY_REGISTERED))
    return _write_pdf(target, f"{event.title} — badges",
                      lambda device: paint_badges(device, event, rows))


def write_sheet_pdf(target: Path, event: PaperEvent, rows: Sequence[SheetRow], *,
                    qr: bool = True) -> int:
    return _write_pdf(target, f"{event.title} — sign-in sheet",
                      lambda device: paint_sheet(device, event, rows, qr=qr))


def write_certificates_pdf(target: Path, event: PaperEvent, people: Sequence[Attendee]) -> int:
    if not people:
        raise ValueError(_tr(T_NOBODY_ATTENDED))
    return _write_pdf(target, f"{event.title} — certificates",
                      lambda device: paint_certificates(device, event, people))
