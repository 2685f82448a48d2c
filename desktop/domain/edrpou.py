"""EDRPOU: the 8-digit identification code of a Ukrainian legal entity.

The last digit is a check digit, so a typo in a CSO's code is caught at entry instead of
silently breaking matching with registry extracts and reports.
"""

from __future__ import annotations

from desktop.domain.i18n import QT_TRANSLATE_NOOP

NOT_8_DIGITS = QT_TRANSLATE_NOOP("Validation", "EDRPOU code must be exactly 8 digits")
WRONG_CHECK_DIGIT = QT_TRANSLATE_NOOP(
    "Validation", "EDRPOU code {value} has a wrong check digit")

_LOW_WEIGHTS = (1, 2, 3, 4, 5, 6, 7)
_MID_WEIGHTS = (7, 1, 2, 3, 4, 5, 6)


def _expected_check_digit(code: str) -> int:
    """Check digit of an 8-digit `code` per the State Statistics Service method.

    Codes from 30000000 to 60000000 use rotated weights. The band is decided by the whole
    code, so at its top edge (6000000x) the check digit itself picks the weights.
    """
    digits = [int(ch) for ch in code[:7]]
    weights = _MID_WEIGHTS if 30_000_000 <= int(code) <= 60_000_000 else _LOW_WEIGHTS
    s = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
    if s >= 10:
        s = sum(d * (w + 2) for d, w in zip(digits, weights, strict=True)) % 11
        if s >= 10:
            s = 0
    return s


def _is_8_digits(code: str) -> bool:
    return len(code) == 8 and code.isascii() and code.isdigit()


def edrpou_problem(code: str) -> str | None:
    """None when `code` is a valid EDRPOU, else a plain English message saying what is wrong."""
    if not _is_8_digits(code):
        return NOT_8_DIGITS
    if _expected_check_digit(code) != int(code[7]):
        return WRONG_CHECK_DIGIT.format(value=code)
    return None


def is_valid_edrpou(code: str) -> bool:
    return edrpou_problem(code) is None


def make_edrpou(prefix7: str) -> str:
    """Complete 7 digits into a valid code (for demo data and tests)."""
    if not (len(prefix7) == 7 and prefix7.isascii() and prefix7.isdigit()):
        raise ValueError(f"expected 7 digits, got {prefix7!r}")
    for digit in "0123456789":
        if _expected_check_digit(prefix7 + digit) == int(digit):
            return prefix7 + digit
    raise ValueError(f"no check digit makes {prefix7!r} valid")  # pragma: no cover
