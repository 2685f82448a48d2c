"""What goes on paper at an event: the consent wording on the sign-in sheet, certificate
numbers, and the hours a training lasted.

Why in the domain: the sign-in sheet, the certificates and the exports must agree on these
without Qt or SQL (a certificate number printed today is listed by an export next year).
"""

from __future__ import annotations

import re
from datetime import datetime

from desktop.domain.consent import CONSENT_TEXT_VERSION

#: Printed under the sign-in sheet's table; a tick in the row's «Згода» column means the
#: person agreed to this text (version `CONSENT_TEXT_VERSION`).
CONSENT_TEXT_UK = (
    "Ставлячи позначку в стовпці «Згода», я погоджуюся, що мої прізвище, імʼя, телефон і "
    "населений пункт зберігатиме офіс для обліку участі у заходах і звʼязку зі мною; дані не "
    "передаються третім особам; я можу будь-коли попросити показати або видалити їх. "
    f"(Текст згоди, версія {CONSENT_TEXT_VERSION}.)")

#: Rows left empty at the bottom of a sign-in sheet for people who come without registering.
BLANK_ROWS = 20

_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
                   r"[0-9a-fA-F]{12}")



def certificate_number(attendance_id: str) -> str:
    """A participation certificate's number: stable for the attendance record (its id is
    person × event), short enough to read out, the same in the PDF and in exports."""
    return "HD-" + attendance_id.replace("-", "")[:10].upper()


def hours_between(starts_at: datetime | None, ends_at: datetime | None) -> float | None:
    """Whole and half hours of a training from its start and end (None if unknown)."""
    if starts_at is None or ends_at is None or ends_at <= starts_at:
        return None
    return round((ends_at - starts_at).total_seconds() / 1800) / 2


def scanned_record_id(text: str) -> str | None:
    """The record id a QR code on a sheet or badge holds, when the check-in box got one
    (a USB scanner types it like a keyboard, then Enter)."""
    match = _UUID.fullmatch(text.strip())
    return match.group(0).lower() if match else None
