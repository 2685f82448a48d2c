"""Text that a spreadsheet would run: CSV and XLSX exports are opened in Excel, and a cell
starting with `=`, `+`, `-`, `@`, a tab or a carriage return is read as a formula there
(`=HYPERLINK(...)`, `=cmd|' /C calc'!A0`). Such text, typed into a name or a note by anyone,
is written with a leading apostrophe (OWASP's rule for CSV injection), which Excel shows as
plain text. Phone numbers and plain numbers (`+380 67 123 45 67`, `-5`) are left alone.
"""

from __future__ import annotations

import re
from typing import Any

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER_LIKE = re.compile(r"[+-][\d\s().,-]*")


def safe_cell(value: Any) -> Any:
    """`value` as it may go into a spreadsheet cell: formula-looking text neutralised."""
    if not isinstance(value, str) or not value.startswith(_TRIGGERS):
        return value
    if _NUMBER_LIKE.fullmatch(value) and any(ch.isdigit() for ch in value):
        return value
    return "'" + value
