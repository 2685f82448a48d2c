"""Phone numbers, stored in E.164 so one person's number is one string however it was typed.

Operators type Ukrainian numbers as "067 123 45 67", "(067) 123-45-67", "380671234567" or
"+38 067 ...". Storing the E.164 form makes duplicate detection and search by phone exact.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from desktop.domain.errors import FieldError, ValidationError
from desktop.domain.i18n import QT_TRANSLATE_NOOP

_NOT_UKRAINIAN = QT_TRANSLATE_NOOP(
    "Validation", "Phone number {value} is not a valid Ukrainian number")
_NOT_VALID = QT_TRANSLATE_NOOP("Validation", "Phone number {value} is not a valid number")
#: A Ukrainian number as stored: "+380" and nine digits, the first not a zero.
_STORED_UA = re.compile(r"\+380[1-9][0-9]{8}")


def phone_digits(s: str | None) -> str:
    """Only the digits, for searching by any run of digits of a number."""
    return "".join(ch for ch in (s or "") if ch.isdigit())


def _candidate(raw: str, region: str) -> tuple[str, str | None]:
    """Rewrite the common ways of writing a UA number without "+" into a parseable form."""
    digits = phone_digits(raw)
    if raw.startswith("+"):
        return raw, None
    if region == "UA":
        if digits.startswith("380") and len(digits) == 12:
            return "+" + digits, None
        if digits.startswith("80") and len(digits) == 11:  # old "8 067 ..." long-distance
            return "+3" + digits, None
    return raw, region


def normalize_phone(raw: str | None, region: str = "UA", field: str = "phone") -> str:
    """E.164 form of `raw` ("+380671234567"); "" for empty input.

    Raises ValidationError (on `field`) when the text is not a valid number. Foreign numbers
    written with a "+" country code are accepted: many displaced people use one.
    """
    text = (raw or "").strip()
    if not text:
        return ""
    if region == "UA" and _STORED_UA.fullmatch(text):
        # Already in the stored form (every number a device sends, every import of our own
        # export): the library's validity test, compiled, on the number as it stands, without
        # parsing and formatting it again (most of the time the platform spent on a person).
        if _valid_ua_national()(text[4:]):
            return text
        raise ValidationError(FieldError(field, _NOT_UKRAINIAN, {"value": text}))
    problem = FieldError(
        field, _NOT_UKRAINIAN if region == "UA" and not text.startswith("+") else _NOT_VALID,
        {"value": text})
    # phonenumbers would read letters as a keypad word ("1-800-FLOWERS"): never intended here.
    if any(ch.isalpha() for ch in text):
        raise ValidationError(problem)
    candidate, default_region = _candidate(text, region)
    import phonenumbers  # on first use: its metadata is a tenth of the app's start-up

    if _STORED_UA.fullmatch(candidate):  # typed as 380..., or with another region
        if _valid_ua_national()(candidate[4:]):
            return candidate
        raise ValidationError(FieldError(field, _NOT_UKRAINIAN, {"value": text}))
    try:
        number = phonenumbers.parse(candidate, default_region)
    except phonenumbers.NumberParseException:
        raise ValidationError(problem) from None
    if not phonenumbers.is_valid_number(number):
        if number.country_code == 380:
            problem = FieldError(field, _NOT_UKRAINIAN, {"value": text})
        raise ValidationError(problem)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


_TYPE_DESCS = ("premium_rate", "toll_free", "shared_cost", "voip", "personal_number", "pager",
               "uan", "voicemail", "fixed_line", "mobile")


@functools.cache
def _valid_ua_national() -> Callable[[str], bool]:
    """phonenumbers' validity test for a Ukrainian national number, compiled once.

    Why: `is_valid_number` walks eleven descriptions of the numbering plan with a Python call
    and a regex each (35 µs); the platform validates every pushed person. This is the same
    rule made from the same metadata: the general pattern and length, and then any number
    type's pattern and lengths (tests/domain/test_phones.py compares it with the library on
    random numbers)."""
    import phonenumbers

    metadata = phonenumbers.PhoneMetadata.metadata_for_region("UA")

    def part(desc: object) -> str | None:
        pattern = getattr(desc, "national_number_pattern", None)
        if not pattern:
            return None
        lengths = tuple(getattr(desc, "possible_length", ()) or ())
        alternatives = "|".join(rf"\d{{{n}}}" for n in lengths)
        guard = f"(?=(?:{alternatives})$)" if lengths else ""
        return f"{guard}(?:{pattern})"

    general = part(metadata.general_desc)
    types = [p for p in (part(getattr(metadata, name, None)) for name in _TYPE_DESCS) if p]
    if general is None or not types:
        return lambda national: False
    compiled = re.compile(f"(?={general}$)(?:{'|'.join(f'(?:{t})' for t in types)})")
    return lambda national: compiled.fullmatch(national) is not None


def format_phone(e164: str | None) -> str:
    """A stored number for display: "+380 67 123 4567". Unparseable text is shown as is."""
    if not e164:
        return ""
    import phonenumbers

    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def masked_phone(e164: str | None) -> str:
    """"067 ••• 45 67": enough to confirm with the person, not enough to copy."""
    if not e164:
        return ""
    digits = "".join(ch for ch in e164 if ch.isdigit())
    if digits.startswith("380") and len(digits) == 12:
        return f"0{digits[3:5]} ••• {digits[-4:-2]} {digits[-2:]}"
    return "••• " + digits[-4:] if len(digits) > 4 else digits
