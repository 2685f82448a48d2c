"""Reading an office's own lists (CSV or XLSX from Excel, LibreOffice, Google Sheets, or typed
by hand) into records the forms would have made.

Why here, with no SQL and no Qt: the rules of what a cell means (a «ж» is a woman, «ПІБ» is
three names, 31.03.1985 is a birth year) are the same for the command line, the import dialog
and the tests, and the store only has to match and write what comes out.

The file's shape is detected, never asked: the encoding (a BOM, strict UTF-8, otherwise
charset-normalizer, which tells Windows-1251 from the rest), the delimiter (comma, semicolon,
tab: csv.Sniffer restricted to those) and the header row (the first of the top rows whose
cells name known columns). Columns are mapped by header name in Ukrainian or English; the
user may change the mapping in the preview.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.domain import vocab
from desktop.domain.errors import FieldError, ValidationError
from desktop.domain.i18n import QT_TRANSLATE_NOOP
from desktop.domain.names import fold
from desktop.domain.validation import validate

KINDS = ("people", "organizations", "attendance")
MAX_FILE_BYTES = 50 * 1024 * 1024
HEADER_SEARCH_ROWS = 15

EMPTY_FILE = QT_TRANSLATE_NOOP("Import", "The file has no rows to import.")
NOT_A_TABLE = QT_TRANSLATE_NOOP(
    "Import", "The file is not a table this app can read (use CSV or XLSX saved from Excel, "
    "LibreOffice or Google Sheets).")
TOO_BIG = QT_TRANSLATE_NOOP("Import", "The file is larger than 50 MB; split it into parts.")
NO_PERSON_NAME = QT_TRANSLATE_NOOP(
    "Import", "No column holds the names: map columns to «Last name» and «First name», or one "
    "column to «Full name».")
NO_CSO_NAME = QT_TRANSLATE_NOOP("Import", "No column holds the CSO's name: map one to «Name».")
UNKNOWN_SETTLEMENT = QT_TRANSLATE_NOOP(
    "Validation", "{label}: «{value}» is not in the list of settlements")
NOT_GENDER = QT_TRANSLATE_NOOP(
    "Validation", "{label}: «{value}» is not a gender (use ж/ч, жін./чол., жінка/чоловік)")
NOT_A_YEAR = QT_TRANSLATE_NOOP("Validation", "{label}: «{value}» is not a year or a date")
NOT_CONSENT = QT_TRANSLATE_NOOP(
    "Validation", "{label}: «{value}» is not yes/no or a date of consent")
NOT_ROLE = QT_TRANSLATE_NOOP(
    "Validation", "{label}: «{value}» is not a role (голова, заступник, член, волонтер, "
    "контактна особа)")
FULL_NAME_PARTS = QT_TRANSLATE_NOOP(
    "Validation", "{label}: «{value}» needs at least a surname and a first name")

# Columns a file may have beyond the record's own fields.
FULL_NAME = "full_name"
SETTLEMENT = "settlement"
CONSENT = "consent"
MEMBER_NAME = "member_name"
MEMBER_PHONE = "member_phone"
MEMBER_ROLE = "member_role"

FIELD_LABELS = {
    FULL_NAME: QT_TRANSLATE_NOOP("Field", "Full name"),
    SETTLEMENT: QT_TRANSLATE_NOOP("Field", "Settlement"),
    CONSENT: QT_TRANSLATE_NOOP("Field", "Consent"),
    MEMBER_NAME: QT_TRANSLATE_NOOP("Field", "Member (full name)"),
    MEMBER_PHONE: QT_TRANSLATE_NOOP("Field", "Member's phone"),
    MEMBER_ROLE: QT_TRANSLATE_NOOP("Field", "Member's role"),
}

_PEOPLE_TARGETS = (
    "last_name", "first_name", "patronymic", FULL_NAME, "gender", "birth_year", "phone",
    "email", SETTLEMENT, "address", "notes", "idp", "disability", CONSENT,
)
TARGETS: dict[str, tuple[str, ...]] = {
    "people": _PEOPLE_TARGETS,
    "attendance": (*_PEOPLE_TARGETS, "status", "role"),
    "organizations": (
        "name", "short_name", "edrpou", "legal_form", "areas", SETTLEMENT, "address", "phone",
        "email", "website", "registered_on", "notes", MEMBER_NAME, MEMBER_PHONE, MEMBER_ROLE,
        CONSENT,
    ),
}

# Header words (folded) -> target. Ukrainian Excel lists name their columns in many ways.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "last_name": ("прізвище", "фамілія", "last name", "surname", "family name", "lastname"),
    "first_name": ("імʼя", "ім'я", "имя", "first name", "given name", "firstname"),
    "patronymic": ("по батькові", "побатькові", "patronymic", "middle name"),
    FULL_NAME: ("піб", "п і б", "прізвище імʼя по батькові", "прізвище ім'я та по батькові",
                "прізвище імʼя та по батькові", "прізвище та імʼя", "full name", "name surname",
                "учасник", "учасниця", "учасник ця", "особа"),
    "gender": ("стать", "gender", "sex"),
    "birth_year": ("рік народження", "р н", "рік нар", "дата народження", "year of birth",
                   "birth year", "date of birth", "birthday", "born"),
    "phone": ("телефон", "тел", "номер телефону", "мобільний", "моб тел", "контактний телефон",
              "phone", "mobile", "phone number", "telephone"),
    "email": ("email", "e mail", "ел пошта", "електронна пошта", "пошта", "mail"),
    SETTLEMENT: ("населений пункт", "село", "місто", "нас пункт", "громада село",
                 "settlement", "village", "town", "city"),
    "address": ("адреса", "address", "місце проживання"),
    "notes": ("примітки", "примітка", "коментар", "коментарі", "notes", "comment", "comments"),
    "idp": ("впо", "внутрішньо переміщена особа", "idp", "displaced"),
    "disability": ("інвалідність", "особа з інвалідністю", "disability"),
    CONSENT: ("згода", "згода на обробку персональних даних", "згода на обробку пд",
              "consent", "gdpr consent"),
    "status": ("статус", "присутність", "status", "attendance"),
    "role": ("роль", "role"),
    "name": ("назва", "назва організації", "назва го", "повна назва", "організація",
             "organisation", "organization", "name", "cso"),
    "short_name": ("коротка назва", "скорочена назва", "short name", "abbreviation"),
    "edrpou": ("єдрпоу", "код єдрпоу", "код за єдрпоу", "edrpou", "code"),
    "legal_form": ("організаційно правова форма", "форма", "правова форма", "legal form"),
    "areas": ("сфери діяльності", "сфера діяльності", "напрями", "напрям діяльності", "areas",
              "areas of work"),
    "website": ("сайт", "вебсайт", "веб сайт", "website", "web"),
    "registered_on": ("дата реєстрації", "зареєстровано", "registered", "registration date"),
    MEMBER_NAME: ("керівник", "голова", "піб керівника", "член", "учасник організації",
                  "контактна особа", "піб члена", "member", "head", "chair", "contact person"),
    MEMBER_PHONE: ("телефон керівника", "телефон контактної особи", "телефон члена",
                   "head phone", "head's phone", "member phone", "member's phone"),
    MEMBER_ROLE: ("посада", "роль в організації", "роль у го", "member role", "position"),
}

_GENDER_WORDS = {
    "female": ("ж", "жін", "жін.", "жіноча", "жінка", "f", "female", "woman", "w"),
    "male": ("ч", "чол", "чол.", "чоловіча", "чоловік", "m", "male", "man"),
}
_YES = {"так", "т", "+", "1", "yes", "y", "true", "x", "х", "✓", "v", "є", "згоден", "згодна",
        "згодна/ий", "погоджуюсь"}
_NO = {"ні", "н", "-", "0", "no", "n", "false", "немає", "нема"}


def header_key(text: Any) -> str:
    """A header cell folded for matching: case, apostrophes, punctuation and spacing."""
    folded = fold(str(text or ""))
    folded = re.sub(r"[\s.,:;*()/\\_\-\"'«»№#]+", " ", folded)
    return " ".join(folded.split())


_BY_HEADER: dict[str, str] = {}
for _target, _words in _SYNONYMS.items():
    for _word in _words:
        _BY_HEADER.setdefault(header_key(_word), _target)


def target_for_header(kind: str, header: Any) -> str | None:
    """The field a header names, if it is one this kind of list can hold."""
    target = _BY_HEADER.get(header_key(header))
    if kind != "organizations" and target == "name":
        target = FULL_NAME  # in a list of people, "Name" is the person's name
    if kind == "organizations" and target == FULL_NAME:
        target = MEMBER_NAME
    if kind == "organizations" and target == "role":
        target = MEMBER_ROLE
    return target if target in TARGETS[kind] else None


# -- reading a file -------------------------------------------------------------------------

@dataclass
class Table:
    """A file's rows as the cells it holds. `lines[i]` is the 1-based line (CSV) or row
    (XLSX) of `rows[i]` in the file, so every message can point at it."""

    headers: list[str]
    rows: list[list[Any]]
    lines: list[int]
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None


class ImportFileError(Exception):
    """The file as a whole cannot be read; the message is a translatable template."""

    def __init__(self, template: str, **args: Any) -> None:
        super().__init__(template.format(**args))
        self.template = template
        self.args_ = args


def read_table(path: Path, kind: str) -> Table:
    """Read a CSV or XLSX file into a Table, finding its header row for `kind`."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportFileError(TOO_BIG)
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(QT_TRANSLATE_NOOP("Import", "The file cannot be read: {reason}"),
                              reason=exc.strerror or str(exc)) from exc
    if data[:4] == b"PK\x03\x04":
        return _read_xlsx(data, kind)
    return read_csv_bytes(data, kind)


def decode(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was in."""
    for bom, name in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"),
                      (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(name), name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["cp1251", "koi8_u", "cp866", "iso8859_5",
                                          "mac_cyrillic", "cp1252", "latin_1"]).best()
    if best is None:
        raise ImportFileError(NOT_A_TABLE)
    return str(best), best.encoding


def _delimiter(text: str) -> str:
    sample = "\n".join(text.splitlines()[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters=";,\t").delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in (";", ",", "\t")}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ","


def read_csv_bytes(data: bytes, kind: str) -> Table:
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportFileError(NOT_A_TABLE)
    text, encoding = decode(data)
    if not text.strip():
        raise ImportFileError(EMPTY_FILE)
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    numbered: list[tuple[int, list[Any]]] = []
    try:
        for row in reader:
            numbered.append((reader.line_num, row))
    except csv.Error as exc:
        raise ImportFileError(NOT_A_TABLE) from exc
    table = _with_header(numbered, kind)
    table.encoding, table.delimiter = encoding, delimiter
    return table


def _read_xlsx(data: bytes, kind: str) -> Table:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ImportFileError(NOT_A_TABLE) from exc
    best: Table | None = None
    try:
        for sheet in book.worksheets:
            numbered = [(i, list(r)) for i, r in enumerate(sheet.iter_rows(values_only=True), 1)]
            try:
                table = _with_header(numbered, kind)
            except ImportFileError:
                continue
            table.sheet = sheet.title
            known = sum(1 for h in table.headers if target_for_header(kind, h))
            if best is None or known > sum(1 for h in best.headers
                                           if target_for_header(kind, h)):
                best = table
    finally:
        book.close()
    if best is None:
        raise ImportFileError(EMPTY_FILE)
    return best


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _with_header(numbered: list[tuple[int, list[Any]]], kind: str) -> Table:
    rows = [(n, r) for n, r in numbered if not all(_blank(v) for v in r)]
    if not rows:
        raise ImportFileError(EMPTY_FILE)
    header_at = 0
    best = 0
    for i, (_n, row) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        known = sum(1 for v in row if target_for_header(kind, v))
        if known > best:
            header_at, best = i, known
    headers = [str(v).strip() if not _blank(v) else "" for v in rows[header_at][1]]
    body = rows[header_at + 1:]
    width = max([len(headers)] + [len(r) for _n, r in body])
    headers += [""] * (width - len(headers))
    return Table(headers=headers, rows=[r + [None] * (width - len(r)) for _n, r in body],
                 lines=[n for n, _r in body])


# -- mapping ----------------------------------------------------------------------------------

Mapping_ = dict[int, str]  # column index -> target field


def guess_mapping(kind: str, headers: Sequence[str]) -> Mapping_:
    """Column -> field by header name; a field named twice keeps its first column."""
    mapping: Mapping_ = {}
    taken: set[str] = set()
    for index, header in enumerate(headers):
        target = target_for_header(kind, header)
        if target and target not in taken:
            mapping[index] = target
            taken.add(target)
    return mapping


def headers_signature(kind: str, headers: Sequence[str]) -> str:
    """Names a layout of columns, to remember the user's mapping for the next such file."""
    text = kind + "\x1f" + "\x1f".join(header_key(h) for h in headers)
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def mapping_problem(kind: str, mapping: Mapping_) -> str | None:
    """Why this mapping cannot import anything (a translatable template), or None."""
    targets = set(mapping.values())
    if kind == "organizations":
        return None if "name" in targets else NO_CSO_NAME
    if FULL_NAME not in targets and not {"last_name", "first_name"} <= targets:
        return NO_PERSON_NAME
    return None


# -- one row -------------------------------------------------------------------------------

@dataclass
class Prepared:
    """One file row turned into what the store needs, or why it cannot be."""

    line: int
    values: dict[str, Any] = field(default_factory=dict)     # the record's own fields
    extra: dict[str, Any] = field(default_factory=dict)      # consent, head of the CSO, ...
    errors: list[tuple[str, FieldError]] = field(default_factory=list)  # (column, problem)

    @property
    def ok(self) -> bool:
        return not self.errors


def split_full_name(text: str) -> tuple[str, str, str | None] | None:
    """«Коваленко Олена Петрівна» -> surname, first name, patronymic (surname first, as in
    Ukrainian lists); «Олена Коваленко» keeps the same order rule. None if fewer than two."""
    parts = text.replace(",", " ").split()
    if len(parts) < 2:
        return None
    return parts[0], parts[1], " ".join(parts[2:]) or None


def parse_gender(value: Any) -> str | None:
    word = fold(str(value)).strip().rstrip(".")
    for code, words in _GENDER_WORDS.items():
        if word in {w.rstrip(".") for w in words}:
            return code
    return vocab.code_for("genders", str(value))


def parse_role(value: Any) -> str | None:
    """A CSO member's role as lists write it: «Голова», «член», «Волонтерка», «заступник»
    (the labels' «(-ка)» endings are optional)."""
    code = vocab.code_for("org_member_roles", str(value))
    if code is not None:
        return code
    word = fold(str(value)).strip()
    for code in vocab.codes("org_member_roles"):
        label = " ".join(fold(re.sub(r"\([^)]*\)", "", vocab.label(
            "org_member_roles", code, "uk"))).split())
        if word and (word.startswith(label) or (len(word) >= 5 and label.startswith(word))):
            return code
    return None


_DATE_RE = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})")


def parse_year(value: Any) -> int | None:
    """A birth year from a year, a date, or a spreadsheet's date cell."""
    if isinstance(value, dt.datetime | dt.date):
        return value.year
    if isinstance(value, int | float) and not isinstance(value, bool):
        return int(value) if float(value).is_integer() else None
    text = str(value).strip()
    if re.fullmatch(r"\d{4}", text):
        return int(text)
    if re.fullmatch(r"\d{4}\.0", text):
        return int(text[:4])
    match = _DATE_RE.fullmatch(text) or re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if match:
        groups = match.groups()
        return int(groups[2] if len(groups[0]) < 4 else groups[0])
    return None


def parse_consent(value: Any, now: str) -> str | bool | None:
    """The moment consent was given (ISO), None if the cell says no, False if it says
    neither."""
    if isinstance(value, dt.datetime):
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, dt.date):
        return f"{value.isoformat()}T00:00:00"
    word = fold(str(value)).strip()
    if word in _YES:
        return now
    if word in _NO:
        return None
    match = _DATE_RE.fullmatch(word)
    if match:
        day, month, year = (int(g) for g in match.groups())
        try:
            return dt.datetime(year, month, day).isoformat()
        except ValueError:
            return False
    return False


def _label(target: str) -> str:
    from desktop.domain.validation import field_label

    return FIELD_LABELS.get(target) or field_label(target)


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def prepare_row(
    kind: str, row: Sequence[Any], line: int, mapping: Mapping_, headers: Sequence[str],
    settlements: Mapping[str, str], *, now: str, today: dt.date | None = None,
) -> Prepared:
    """One file row as validated record values, or every problem with it.

    `settlements` maps a folded settlement name to its id. Consent: a consent column says
    yes (or a date) or no; without one, consent is "not recorded". A person without consent
    keeps only what statistics need (see `statistics_only`).
    """
    out = Prepared(line)
    column_of: dict[str, str] = {}
    raw: dict[str, Any] = {}
    for index, target in mapping.items():
        if index < len(row):
            value = _cell(row[index])
            if value is not None:
                raw[target] = value
                column_of[target] = headers[index] if index < len(headers) else ""

    def bad(target: str, template: str, value: Any = None) -> None:
        out.errors.append((column_of.get(target, ""), FieldError(
            target, template, {"label": _label(target), "value": value})))

    values: dict[str, Any] = {}
    for target, value in raw.items():
        if target == FULL_NAME:
            split = split_full_name(str(value))
            if split is None:
                bad(FULL_NAME, FULL_NAME_PARTS, value)
                continue
            for name, part in zip(("last_name", "first_name", "patronymic"), split,
                                  strict=True):
                if part and name not in raw:
                    values[name] = part
                    column_of.setdefault(name, column_of[FULL_NAME])
        elif target == "gender":
            code = parse_gender(value)
            if code is None:
                bad("gender", NOT_GENDER, value)
            else:
                values["gender"] = code
        elif target == "birth_year":
            year = parse_year(value)
            if year is None:
                bad("birth_year", NOT_A_YEAR, value)
            else:
                values["birth_year"] = year
        elif target == SETTLEMENT:
            settlement_id = settlements.get(fold(str(value)))
            if settlement_id is None:
                bad(SETTLEMENT, UNKNOWN_SETTLEMENT, value)
            else:
                values["settlement_id"] = settlement_id
                column_of["settlement_id"] = column_of[SETTLEMENT]
        elif target == CONSENT:
            given = parse_consent(value, now)
            if given is False:
                bad(CONSENT, NOT_CONSENT, value)
            else:
                out.extra["consent_given_at"] = given
        elif target == MEMBER_NAME:
            if split_full_name(str(value)) is None:
                bad(MEMBER_NAME, FULL_NAME_PARTS, value)
            else:
                out.extra[target] = str(value)
        elif target == MEMBER_PHONE:
            try:
                out.extra[target] = validate("people", {"phone": value}, partial=True)["phone"]
            except ValidationError as exc:
                out.errors += [(column_of.get(target, ""), e) for e in exc.errors]
        elif target == MEMBER_ROLE:
            code = parse_role(value)
            if code is None:
                bad(MEMBER_ROLE, NOT_ROLE, value)
            else:
                out.extra[target] = code
        elif target == "edrpou" and isinstance(value, str) and value.isdigit() \
                and len(value) < 8:
            values["edrpou"] = value.zfill(8)  # Excel saved 00032129 as the number 32129
        elif target == "status" and kind == "attendance":
            values["status"] = value
        else:
            values[target] = value
    table = "people" if kind in ("people", "attendance") else "organizations"
    record = {k: v for k, v in values.items() if k not in ("status", "role")}
    try:
        cleaned = validate(table, record, today=today)
    except ValidationError as exc:
        failed = {error.field for _column, error in out.errors}
        for error in exc.errors:
            if FULL_NAME in failed and error.field in ("last_name", "first_name"):
                continue  # already said: the full name could not be split
            out.errors.append((column_of.get(error.field, ""), error))
        cleaned = {}
    if kind == "attendance":
        for name in ("status", "role"):
            if name in values:
                try:
                    cleaned.update(validate("attendance", {name: values[name]}, partial=True))
                except ValidationError as exc:
                    out.errors += [(column_of.get(name, ""), e) for e in exc.errors]
    out.values = {k: v for k, v in cleaned.items() if v is not None}
    return out


def prepare_all(
    kind: str, table: Table, mapping: Mapping_, settlements: Mapping[str, str], *, now: str,
    today: dt.date | None = None,
) -> Iterator[Prepared]:
    for row, line in zip(table.rows, table.lines, strict=True):
        yield prepare_row(kind, row, line, mapping, table.headers, settlements, now=now,
                          today=today)
