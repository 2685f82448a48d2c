"""Validation and clean-up of records before they are stored.

Forms, importers, the sync receiver and `hromada-desk check` all call `validate`, so a record
is held to the same rules however it arrives. It reports every problem at once (a form can
mark all bad fields in one go) and returns a cleaned copy: names tidied, phones in E.164,
codes checked, dates in ISO form. Foreign keys are the store's business, not checked here.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from desktop.domain import vocab
from desktop.domain.edrpou import NOT_8_DIGITS, WRONG_CHECK_DIGIT, is_valid_edrpou
from desktop.domain.errors import FieldError, ValidationError
from desktop.domain.i18n import QT_TRANSLATE_NOOP
from desktop.domain.names import clean_name, clean_text, fold
from desktop.domain.phones import normalize_phone

#: Columns every record has; managed by the store, passed through untouched.
COMMON_FIELDS = (
    "id", "created_at", "updated_at", "device_id", "version", "deleted", "rev", "sort_key",
)

#: The limits every copy of a record can hold: SQLite's INTEGER and PostgreSQL's BIGINT, and a
#: text length far beyond any real note (a whole appeal letter is a few thousand characters).
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
MAX_TEXT_CHARS = 20_000

REQUIRED_MSG = QT_TRANSLATE_NOOP("Validation", "{label} is required")
UNKNOWN_FIELD = QT_TRANSLATE_NOOP("Validation", "Unknown field")
NOT_TEXT = QT_TRANSLATE_NOOP("Validation", "{label} must be text")
NOT_CHOICE = QT_TRANSLATE_NOOP("Validation", "{label}: '{value}' is not one of the allowed values")
NOT_DATE = QT_TRANSLATE_NOOP("Validation", "{label} must be a date like 2025-03-31, not '{value}'")
NOT_DATETIME = QT_TRANSLATE_NOOP(
    "Validation", "{label} must be a date and time like 2025-03-31T14:30, not '{value}'")
NOT_INT = QT_TRANSLATE_NOOP("Validation", "{label} must be a whole number, not '{value}'")
OUT_OF_RANGE = QT_TRANSLATE_NOOP("Validation", "{label} must be between {low} and {high}")
NEGATIVE = QT_TRANSLATE_NOOP("Validation", "{label} must not be negative")
TOO_LONG = QT_TRANSLATE_NOOP("Validation", "{label} is longer than {limit} characters")
CONTROL_CHARS = QT_TRANSLATE_NOOP(
    "Validation", "{label} contains invisible control characters; retype it")
NOT_BOOL = QT_TRANSLATE_NOOP("Validation", "{label} must be yes or no, not '{value}'")
BAD_EMAIL = QT_TRANSLATE_NOOP("Validation", "{value} is not a valid email address")
BAD_URL = QT_TRANSLATE_NOOP("Validation", "{value} is not a valid web address")
BAD_KATOTTG = QT_TRANSLATE_NOOP("Validation", "KATOTTG code must be UA followed by 17 digits")
BAD_SHA256 = QT_TRANSLATE_NOOP("Validation", "SHA-256 must be 64 hexadecimal characters")
BAD_CODE = QT_TRANSLATE_NOOP(
    "Validation", "{label} must be lower-case Latin letters, digits and _, not '{value}'")
BEFORE = QT_TRANSLATE_NOOP("Validation", "{label} must not be before {other_label}")
CONSENT_NEEDS = QT_TRANSLATE_NOOP("Validation", "{label} is required when consent is recorded")


class _Bad(Exception):
    """A parser's complaint about one value; becomes a FieldError for the field."""

    def __init__(self, template: str, **args: Any) -> None:
        super().__init__(template)
        self.template = template
        self.args_ = args


# -- parsers: each takes a non-empty raw value and returns the cleaned value ----------------

# Control characters other than tab and line breaks: a NUL byte cannot be stored in
# PostgreSQL and breaks exports; the others are invisible and always a copy-paste accident.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _text(value: Any) -> str:
    if type(value) is str:  # the common case first: the platform parses every pushed field
        text = value.strip()
        if len(text) > MAX_TEXT_CHARS:
            raise _Bad(TOO_LONG, limit=MAX_TEXT_CHARS)
        if _CONTROL.search(text):
            raise _Bad(CONTROL_CHARS)
        if not text.isascii():
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:
                raise _Bad(CONTROL_CHARS) from None
        return text
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise _Bad(NOT_TEXT)
    if isinstance(value, float):
        if not value.is_integer():
            raise _Bad(NOT_TEXT)
        value = int(value)  # a spreadsheet cell holding 12 arrives as 12.0
    text = str(value).strip()
    if len(text) > MAX_TEXT_CHARS:
        raise _Bad(TOO_LONG, limit=MAX_TEXT_CHARS)
    if _CONTROL.search(text):
        raise _Bad(CONTROL_CHARS)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise _Bad(CONTROL_CHARS) from None
    return text


def _int(value: Any) -> int:
    if isinstance(value, bool):
        raise _Bad(NOT_INT, value=value)
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    else:
        text = str(value).strip()
        if not re.fullmatch(r"[+-]?\d{1,30}", text):
            raise _Bad(NOT_INT, value=_short(value))
        number = int(text)
    if not INT64_MIN <= number <= INT64_MAX:
        raise _Bad(NOT_INT, value=_short(value))
    return number


def _short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 24 else text[:21] + "..."


_TRUE = {"1", "yes", "y", "true", "t", "так", "т", "+", "x", "✓"}
_FALSE = {"0", "no", "n", "false", "f", "ні", "н", "-"}


def _bool(value: Any) -> int:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float) and value in (0, 1):
        return int(value)
    word = fold(str(value))
    if word in _TRUE:
        return 1
    if word in _FALSE:
        return 0
    raise _Bad(NOT_BOOL, value=value)


# Patterns of the less common fields are left for `re` to compile (and cache) on first use:
# this module loads at every start of the app, and these two took ~0.5 ms to compile.
_DOTTED_DATE = r"(\d{1,2})\.(\d{1,2})\.(\d{4})"


def _date(value: Any) -> str:
    """ISO date. Also takes date objects and the Ukrainian 31.03.2025 form from spreadsheets."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    dotted = re.fullmatch(_DOTTED_DATE, text)
    if dotted:
        text = f"{dotted[3]}-{int(dotted[2]):02d}-{int(dotted[1]):02d}"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            pass
    raise _Bad(NOT_DATE, value=value)


_DATETIME = re.compile(  # every synced record has date-times: compiled once, up front
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?")


def _datetime(value: Any) -> str:
    """ISO date-time, minutes at least; seconds, fraction and zone optional."""
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds" if value.second else "minutes")
    text = str(value).strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:.*", text):
        text = text.replace(" ", "T", 1)
    if _DATETIME.fullmatch(text):
        try:
            _parse_datetime(text)
            return text
        except ValueError:
            pass
    raise _Bad(NOT_DATETIME, value=value)


def _parse_datetime(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


_EMAIL = (r"(?!\.)(?!.*\.\.)[\w.!#$%&'*+/=?^`{|}~-]+(?<!\.)"
          r"@(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+(?:[^\W\d_]{2,}|xn--[a-z0-9-]+)")


def _email(value: Any) -> str:
    text = _text(value).lower()
    if not re.fullmatch(_EMAIL, text):
        raise _Bad(BAD_EMAIL, value=text)
    return text


def _url(value: Any) -> str:
    """A web address; "https://" is added when the scheme is missing (most people omit it)."""
    text = _text(value)
    candidate = text if "://" in text else "https://" + text
    try:
        parts = urlsplit(candidate)
        host = parts.hostname or ""
    except ValueError:
        raise _Bad(BAD_URL, value=text) from None
    if (parts.scheme.lower() not in ("http", "https") or "." not in host
            or any(ch.isspace() for ch in candidate) or host.startswith(".")):
        raise _Bad(BAD_URL, value=text)
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path, parts.query,
                       parts.fragment))


def _phone(value: Any) -> str:
    return normalize_phone(_text(value))


def _edrpou(value: Any) -> str:
    # A spreadsheet stores 00032129 as the number 32129: restore the leading zeros.
    code = f"{value:08d}" if isinstance(value, int) and not isinstance(value, bool) else (
        "".join(_text(value).split()))
    if not (len(code) == 8 and code.isascii() and code.isdigit()):
        raise _Bad(NOT_8_DIGITS)
    if not is_valid_edrpou(code):
        raise _Bad(WRONG_CHECK_DIGIT, value=code)
    return code


def _katottg(value: Any) -> str:
    code = "".join(_text(value).split()).upper()
    if not re.fullmatch(r"UA\d{17}", code):
        raise _Bad(BAD_KATOTTG)
    return code


def _sha256(value: Any) -> str:
    digest = _text(value).lower()
    if not re.fullmatch(r"[0-9a-f]{64}", digest):
        raise _Bad(BAD_SHA256)
    return digest


def _slug(value: Any) -> str:
    code = _text(value).lower()
    if not re.fullmatch(r"[a-z][a-z0-9_]*", code):
        raise _Bad(BAD_CODE, value=value)
    return code


def _event_kind(value: Any) -> str:
    # Custom kinds live in the event_kinds table, so only the code's shape is checked; a
    # built-in kind's label (from an import) is turned into its code.
    return vocab.code_for("event_kinds", _text(value)) or _slug(value)


def _choice(vocab_name: str) -> Callable[[Any], str]:
    def parse(value: Any) -> str:
        text = _text(value)
        code = vocab.code_for(vocab_name, text)
        if code is None:
            raise _Bad(NOT_CHOICE, value=text)
        return code
    return parse


def _areas(value: Any) -> list[str] | None:
    """CSO areas of work: a list, JSON list text (as stored) or "youth, ecology" text."""
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            try:
                items = json.loads(text)
            except json.JSONDecodeError:
                raise _Bad(NOT_CHOICE, value=text) from None
            if not isinstance(items, list):
                raise _Bad(NOT_CHOICE, value=text)
        else:
            items = re.split(r"[,;\n]", text)
    elif isinstance(value, list | tuple | set | frozenset):
        items = list(value)
    else:
        raise _Bad(NOT_TEXT)
    found: set[str] = set()
    for item in items:
        text = _text(item) if item is not None else ""
        if not text:
            continue
        code = vocab.code_for("cso_areas", text)
        if code is None:
            raise _Bad(NOT_CHOICE, value=text)
        found.add(code)
    return [c for c in vocab.codes("cso_areas") if c in found] or None


def _record_table(value: Any) -> str:
    table = _text(value)
    if table not in FIELDS or table == "attachments":
        raise _Bad(NOT_CHOICE, value=table)
    return table


def _int_range(low: int | None, high: int | None) -> Callable[[Any], int]:
    def parse(value: Any) -> int:
        number = _int(value)
        if low == 0 and number < 0:
            raise _Bad(NEGATIVE)
        if low is not None and high is not None and not low <= number <= high:
            raise _Bad(OUT_OF_RANGE, low=low, high=high)
        return number
    return parse


def _names(value: Any) -> str:
    return clean_name(_text(value))


def _titles(value: Any) -> str:
    return clean_text(_text(value))




# -- the tables -----------------------------------------------------------------------------

_ID = _text  # references are ids; whether they exist is the store's concern
# Ranges a real office's values live in; anything beyond is a typo or garbage from a file.
MAX_CAPACITY = 1_000_000
MAX_ATTACHMENT_BYTES = 2**31
_SORT_ORDER = _int_range(-1_000_000, 1_000_000)

_SPECS: dict[str, dict[str, Callable[[Any], Any]]] = {
    "districts": {"name": _titles, "starosta": _names, "community": _titles},
    "settlements": {
        "name": _titles, "kind": _choice("settlement_kinds"), "district_id": _ID,
        "katottg": _katottg,
    },
    "offices": {
        "name": _titles, "short_name": _titles, "kind": _choice("office_kinds"),
        "district_id": _ID, "settlement_id": _ID, "address": _text, "phone": _phone,
        "email": _email, "opened_on": _date, "active": _bool,
    },
    "event_kinds": {
        "code": _slug, "name_uk": _titles, "name_en": _titles, "sort_order": _SORT_ORDER,
    },
    "idea_categories": {
        "code": _slug, "name_uk": _titles, "name_en": _titles, "sort_order": _SORT_ORDER,
    },
    "staff": {
        "name": _names, "office_id": _ID, "role": _choice("staff_roles"), "email": _email,
        "active": _bool,
    },
    "people": {
        "last_name": _names, "first_name": _names, "patronymic": _names,
        "gender": _choice("genders"), "birth_year": _int, "age_group": _choice("age_groups"),
        "phone": _phone, "email": _email, "settlement_id": _ID, "address": _text,
        "office_id": _ID, "idp": _bool, "disability": _bool, "notes": _text,
        "consent_given_at": _datetime, "consent_text_version": _text,
        "consent_method": _choice("consent_methods"), "consent_withdrawn_at": _datetime,
        "forgotten_at": _datetime,
    },
    "organizations": {
        "name": _titles, "short_name": _titles, "edrpou": _edrpou,
        "legal_form": _choice("legal_forms"), "areas": _areas, "settlement_id": _ID,
        "address": _text, "phone": _phone, "email": _email, "website": _url,
        "registered_on": _date, "memorandum": _bool, "memorandum_on": _date,
        "office_id": _ID, "notes": _text,
    },
    "org_members": {
        "organization_id": _ID, "person_id": _ID, "role": _choice("org_member_roles"),
        "since": _date, "until": _date,
    },
    "events": {
        "title": _text, "kind": _event_kind, "office_id": _ID, "place": _text,
        "settlement_id": _ID, "starts_at": _datetime, "ends_at": _datetime,
        "capacity": _int_range(0, MAX_CAPACITY), "organiser_office_id": _ID,
        "organiser_org_id": _ID,
        "participation_level": _choice("participation_levels"),
        "status": _choice("event_statuses"), "description": _text,
    },
    "attendance": {
        "event_id": _ID, "person_id": _ID, "status": _choice("attendance_statuses"),
        "checked_in_at": _datetime, "role": _choice("attendance_roles"),
        "knowledge_improved": _bool, "would_recommend": _bool, "rating": _int_range(1, 5),
        "feedback_comment": _text,
    },
    "consultations": {
        "title": _text, "authority": _text, "topic": _text,
        "level": _choice("participation_levels"), "method": _choice("consultation_methods"),
        "opens_on": _date, "closes_on": _date, "status": _choice("consultation_statuses"),
        "outcome": _text, "office_id": _ID,
    },
    "submissions": {
        "consultation_id": _ID, "person_id": _ID, "office_id": _ID, "text": _text,
        "received_via": _choice("received_via"), "received_on": _date, "response": _text,
        "responded_on": _date,
    },
    "visits": {
        "office_id": _ID, "person_id": _ID, "visited_at": _datetime, "topic": _text,
        "tool": _choice("visit_tools"), "outcome": _text, "follow_up_on": _date,
        "staff_id": _ID,
    },
    "ideas": {
        "title": _text, "description": _text, "channel": _choice("idea_channels"),
        "category_id": _ID, "settlement_id": _ID, "author_person_id": _ID, "office_id": _ID,
        "received_on": _date, "status": _choice("idea_statuses"), "response": _text,
        "responded_on": _date,
    },
    "attachments": {
        "owner_table": _record_table, "owner_id": _ID, "sha256": _sha256, "filename": _text,
        "mime": _text, "size": _int_range(0, MAX_ATTACHMENT_BYTES),
    },
    # Written by the platform, not typed by anyone; checked for shape only.
    "conflicts": {
        "table_name": _record_table, "record_id": _ID, "field": _text,
        "winning_value": _text, "losing_value": _text, "winning_hlc": _text,
        "losing_hlc": _text, "losing_device": _text, "office_id": _ID,
        "resolved_at": _datetime, "resolved_by": _text,
    },
    # The council's terms for answers (domain/deadlines.py) and its days off.
    "answer_periods": {
        "kind": _slug, "amount": _int_range(1, 366), "unit": _choice("answer_units"),
        "longest_days": _int_range(1, 366),
    },
    "days_off": {"day": _date, "working": _bool, "name": _titles},
    # What the council expects of an office in a year (set in the console, synced down).
    "targets": {
        "office_id": _ID, "year": _int_range(2000, 2100),
        "events_held": _int_range(0, 100_000), "csos_created": _int_range(0, 10_000),
        "people_reached": _int_range(0, 10_000_000),
    },
}

#: table -> its own fields (without the common columns), in data-model order.
FIELDS: dict[str, tuple[str, ...]] = {table: tuple(spec) for table, spec in _SPECS.items()}

#: table -> fields that must have a value. Beyond the starred fields of data-model.md, the
#: lookup tables need a name (and code): a nameless district or office cannot be picked.
REQUIRED: dict[str, set[str]] = {
    "districts": {"name"},
    "settlements": {"name"},
    "offices": {"name"},
    "event_kinds": {"code", "name_uk"},
    "idea_categories": {"code", "name_uk"},
    "staff": {"name"},
    "people": {"last_name", "first_name", "gender"},
    "organizations": {"name", "legal_form"},
    "org_members": {"organization_id", "person_id", "role"},
    "events": {"title", "kind", "office_id", "starts_at"},
    "attendance": {"event_id", "person_id", "status"},
    "consultations": {"title", "authority", "level"},
    "submissions": {"consultation_id", "text", "received_via", "received_on"},
    "visits": {"office_id", "visited_at", "topic"},
    "ideas": {"title", "description", "channel", "office_id", "received_on", "status"},
    "attachments": {"owner_table", "owner_id", "sha256", "filename"},
    "conflicts": {"table_name", "record_id", "field"},
    "targets": {"office_id", "year"},
    "answer_periods": {"kind"},
    "days_off": {"day"},
}

#: field name -> English label (same meaning in every table that has the field).
FIELD_LABELS: dict[str, str] = {
    "year": QT_TRANSLATE_NOOP("Field", "Year"),
    "amount": QT_TRANSLATE_NOOP("Field", "Term"),
    "unit": QT_TRANSLATE_NOOP("Field", "Counted in"),
    "longest_days": QT_TRANSLATE_NOOP("Field", "Longest when extended (days)"),
    "day": QT_TRANSLATE_NOOP("Field", "Day"),
    "working": QT_TRANSLATE_NOOP("Field", "Working day"),
    "events_held": QT_TRANSLATE_NOOP("Field", "Events held"),
    "csos_created": QT_TRANSLATE_NOOP("Field", "CSOs created"),
    "people_reached": QT_TRANSLATE_NOOP("Field", "People reached"),
    "table_name": QT_TRANSLATE_NOOP("Field", "Record type"),
    "record_id": QT_TRANSLATE_NOOP("Field", "Record"),
    "field": QT_TRANSLATE_NOOP("Field", "Field"),
    "winning_value": QT_TRANSLATE_NOOP("Field", "Kept value"),
    "losing_value": QT_TRANSLATE_NOOP("Field", "Other value"),
    "winning_hlc": QT_TRANSLATE_NOOP("Field", "Kept value time"),
    "losing_hlc": QT_TRANSLATE_NOOP("Field", "Other value time"),
    "losing_device": QT_TRANSLATE_NOOP("Field", "Other device"),
    "resolved_at": QT_TRANSLATE_NOOP("Field", "Resolved at"),
    "resolved_by": QT_TRANSLATE_NOOP("Field", "Resolved by"),
    "name": QT_TRANSLATE_NOOP("Field", "Name"),
    "starosta": QT_TRANSLATE_NOOP("Field", "Starosta"),
    "community": QT_TRANSLATE_NOOP("Field", "Community"),
    "kind": QT_TRANSLATE_NOOP("Field", "Type"),
    "district_id": QT_TRANSLATE_NOOP("Field", "Starosta district"),
    "katottg": QT_TRANSLATE_NOOP("Field", "KATOTTG code"),
    "short_name": QT_TRANSLATE_NOOP("Field", "Short name"),
    "settlement_id": QT_TRANSLATE_NOOP("Field", "Settlement"),
    "address": QT_TRANSLATE_NOOP("Field", "Address"),
    "phone": QT_TRANSLATE_NOOP("Field", "Phone"),
    "email": QT_TRANSLATE_NOOP("Field", "Email"),
    "opened_on": QT_TRANSLATE_NOOP("Field", "Opened on"),
    "active": QT_TRANSLATE_NOOP("Field", "Active"),
    "code": QT_TRANSLATE_NOOP("Field", "Code"),
    "name_uk": QT_TRANSLATE_NOOP("Field", "Name in Ukrainian"),
    "name_en": QT_TRANSLATE_NOOP("Field", "Name in English"),
    "sort_order": QT_TRANSLATE_NOOP("Field", "Sort order"),
    "office_id": QT_TRANSLATE_NOOP("Field", "Office"),
    "role": QT_TRANSLATE_NOOP("Field", "Role"),
    "last_name": QT_TRANSLATE_NOOP("Field", "Last name"),
    "first_name": QT_TRANSLATE_NOOP("Field", "First name"),
    "patronymic": QT_TRANSLATE_NOOP("Field", "Patronymic"),
    "gender": QT_TRANSLATE_NOOP("Field", "Gender"),
    "birth_year": QT_TRANSLATE_NOOP("Field", "Birth year"),
    "age_group": QT_TRANSLATE_NOOP("Field", "Age group"),
    "idp": QT_TRANSLATE_NOOP("Field", "Internally displaced"),
    "disability": QT_TRANSLATE_NOOP("Field", "Disability"),
    "notes": QT_TRANSLATE_NOOP("Field", "Notes"),
    "consent_given_at": QT_TRANSLATE_NOOP("Field", "Consent given at"),
    "consent_text_version": QT_TRANSLATE_NOOP("Field", "Consent text version"),
    "consent_method": QT_TRANSLATE_NOOP("Field", "Consent method"),
    "consent_withdrawn_at": QT_TRANSLATE_NOOP("Field", "Consent withdrawn at"),
    "forgotten_at": QT_TRANSLATE_NOOP("Field", "Data removed at the person's request"),
    "edrpou": QT_TRANSLATE_NOOP("Field", "EDRPOU code"),
    "legal_form": QT_TRANSLATE_NOOP("Field", "Legal form"),
    "areas": QT_TRANSLATE_NOOP("Field", "Areas of work"),
    "website": QT_TRANSLATE_NOOP("Field", "Website"),
    "registered_on": QT_TRANSLATE_NOOP("Field", "Registered on"),
    "memorandum": QT_TRANSLATE_NOOP("Field", "Memorandum"),
    "memorandum_on": QT_TRANSLATE_NOOP("Field", "Memorandum signed on"),
    "organization_id": QT_TRANSLATE_NOOP("Field", "Organisation"),
    "person_id": QT_TRANSLATE_NOOP("Field", "Person"),
    "since": QT_TRANSLATE_NOOP("Field", "Since"),
    "until": QT_TRANSLATE_NOOP("Field", "Until"),
    "title": QT_TRANSLATE_NOOP("Field", "Title"),
    "place": QT_TRANSLATE_NOOP("Field", "Place"),
    "starts_at": QT_TRANSLATE_NOOP("Field", "Start time"),
    "ends_at": QT_TRANSLATE_NOOP("Field", "End time"),
    "capacity": QT_TRANSLATE_NOOP("Field", "Capacity"),
    "organiser_office_id": QT_TRANSLATE_NOOP("Field", "Organising office"),
    "organiser_org_id": QT_TRANSLATE_NOOP("Field", "Organising CSO"),
    "participation_level": QT_TRANSLATE_NOOP("Field", "Participation level"),
    "status": QT_TRANSLATE_NOOP("Field", "Status"),
    "description": QT_TRANSLATE_NOOP("Field", "Description"),
    "event_id": QT_TRANSLATE_NOOP("Field", "Event"),
    "checked_in_at": QT_TRANSLATE_NOOP("Field", "Checked in at"),
    "knowledge_improved": QT_TRANSLATE_NOOP("Field", "Knowledge improved"),
    "would_recommend": QT_TRANSLATE_NOOP("Field", "Would recommend"),
    "rating": QT_TRANSLATE_NOOP("Field", "Rating"),
    "feedback_comment": QT_TRANSLATE_NOOP("Field", "Feedback comment"),
    "authority": QT_TRANSLATE_NOOP("Field", "Authority"),
    "topic": QT_TRANSLATE_NOOP("Field", "Topic"),
    "level": QT_TRANSLATE_NOOP("Field", "Participation level"),
    "method": QT_TRANSLATE_NOOP("Field", "Method"),
    "opens_on": QT_TRANSLATE_NOOP("Field", "Opens on"),
    "closes_on": QT_TRANSLATE_NOOP("Field", "Closes on"),
    "outcome": QT_TRANSLATE_NOOP("Field", "Outcome"),
    "consultation_id": QT_TRANSLATE_NOOP("Field", "Consultation"),
    "text": QT_TRANSLATE_NOOP("Field", "Text"),
    "received_via": QT_TRANSLATE_NOOP("Field", "Received via"),
    "received_on": QT_TRANSLATE_NOOP("Field", "Received on"),
    "response": QT_TRANSLATE_NOOP("Field", "Response"),
    "responded_on": QT_TRANSLATE_NOOP("Field", "Responded on"),
    "visited_at": QT_TRANSLATE_NOOP("Field", "Visited at"),
    "tool": QT_TRANSLATE_NOOP("Field", "Participation tool"),
    "follow_up_on": QT_TRANSLATE_NOOP("Field", "Follow up on"),
    "staff_id": QT_TRANSLATE_NOOP("Field", "Staff member"),
    "channel": QT_TRANSLATE_NOOP("Field", "Channel"),
    "category_id": QT_TRANSLATE_NOOP("Field", "Category"),
    "author_person_id": QT_TRANSLATE_NOOP("Field", "Author"),
    "owner_table": QT_TRANSLATE_NOOP("Field", "Attached to"),
    "owner_id": QT_TRANSLATE_NOOP("Field", "Attached to record"),
    "sha256": QT_TRANSLATE_NOOP("Field", "SHA-256"),
    "filename": QT_TRANSLATE_NOOP("Field", "File name"),
    "mime": QT_TRANSLATE_NOOP("Field", "File type"),
    "size": QT_TRANSLATE_NOOP("Field", "Size"),
}

# (table, earlier field, later field): the later one must not precede the earlier one.
_ORDER = [
    ("people", "consent_given_at", "consent_withdrawn_at"),
    ("org_members", "since", "until"),
    ("events", "starts_at", "ends_at"),
    ("consultations", "opens_on", "closes_on"),
    ("submissions", "received_on", "responded_on"),
    ("ideas", "received_on", "responded_on"),
]


def field_label(field: str) -> str:
    """English label of a field (the field name itself if it has none)."""
    return FIELD_LABELS.get(field, field)


def age_group_for(birth_year: int, today: dt.date | None = None) -> str:
    """Age group from the birth year alone (the age the person reaches this year), which is
    all most sign-in sheets record."""
    age = (today or dt.date.today()).year - birth_year
    if age < 18:
        return "under_18"
    if age <= 35:
        return "18_35"
    if age <= 59:
        return "36_59"
    return "60_plus"


def _is_empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, list | tuple | set | frozenset) and not value


def _before(later: str, earlier: str) -> bool:
    """Whether ISO date/time `later` precedes `earlier`; a zone is ignored unless both have
    one (a naive time is the office's local time, the only sensible reading)."""
    a, b = _parse_datetime(later), _parse_datetime(earlier)
    if (a.tzinfo is None) != (b.tzinfo is None):
        a, b = a.replace(tzinfo=None), b.replace(tzinfo=None)
    return a < b


def _error(field: str, template: str, **args: Any) -> FieldError:
    return FieldError(field, template, {"label": field_label(field), **args})


def _people_rules(
    out: dict, record: Mapping, partial: bool, today: dt.date, failed: set[str],
) -> list[FieldError]:
    errors = []
    year = out.get("birth_year")
    if year is not None and not 1900 <= year <= today.year:
        errors.append(_error("birth_year", OUT_OF_RANGE, low=1900, high=today.year))
        failed.add("birth_year")
    elif year is not None and out.get("age_group") is None and "age_group" not in failed:
        out["age_group"] = age_group_for(year, today)
    if (not partial or "gender" in record) and out.get("gender") is None \
            and "gender" not in failed:
        out["gender"] = "not_stated"
    if out.get("consent_given_at"):
        # Consent is only provable if we know which text was agreed to, and how.
        for name in ("consent_text_version", "consent_method"):
            if (not partial or name in record) and out.get(name) is None and name not in failed:
                errors.append(_error(name, CONSENT_NEEDS))
                failed.add(name)
    return errors


def validate(
    table: str, record: Mapping[str, Any], *, partial: bool = False,
    today: dt.date | None = None,
) -> dict[str, Any]:
    """A cleaned copy of `record` for `table`, or ValidationError listing every problem.

    The copy has the keys of `record` (empty values become None) plus derived ones (a
    person's age group and default gender). With `partial=True` (an update of some fields)
    only the fields present are required to be filled in.
    """
    if table not in _SPECS:
        raise ValueError(f"unknown table {table!r}")
    parsers = _SPECS[table]
    today = today or dt.date.today()
    out: dict[str, Any] = {}
    errors: list[FieldError] = []
    failed: set[str] = set()
    for key, value in record.items():
        if key in COMMON_FIELDS:
            out[key] = value
            continue
        parse = parsers.get(key)
        if parse is None:
            errors.append(FieldError(key, UNKNOWN_FIELD))
            failed.add(key)
            continue
        out[key] = None
        if _is_empty(value):
            continue
        try:
            cleaned = parse(value)
        except _Bad as bad:
            errors.append(_error(key, bad.template, **bad.args_))
            failed.add(key)
        except ValidationError as exc:  # from normalize_phone
            errors.extend(_error(key, e.template, **e.args) for e in exc.errors)
            failed.add(key)
        else:
            out[key] = None if cleaned == "" else cleaned
    if table == "people":
        errors += _people_rules(out, record, partial, today, failed)
    for name in REQUIRED[table]:
        if (not partial or name in record) and out.get(name) is None and name not in failed:
            errors.append(_error(name, REQUIRED_MSG))
    for order_table, earlier, later in _ORDER:
        if order_table == table and out.get(earlier) and out.get(later) \
                and _before(out[later], out[earlier]):
            errors.append(_error(later, BEFORE, other_label=field_label(earlier)))
    if errors:
        position = {name: i for i, name in enumerate(FIELDS[table])}
        errors.sort(key=lambda e: position.get(e.field, len(position)))
        raise ValidationError(errors)
    return out
