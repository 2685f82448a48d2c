"""What the office keeps about one resident, as a readable document (the right of access).

Why a document and not only the JSON: the person who asks is a villager, not a programmer.
The same data as `desktop.store.queries.person_data.everything_about` is laid out as titled
tables in the resident's language, and printed or saved as PDF by the report renderer
(desktop/ui/report_pdf.py). No Qt here: the strings go through `translate`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from desktop.domain import vocab
from desktop.domain.i18n import QT_TRANSLATE_NOOP
from desktop.domain.report_table import TEXT, Column, Report, Section, Table
from desktop.domain.validation import field_label

Translate = Callable[[str, str], str]

TITLE = QT_TRANSLATE_NOOP("PersonAccess", "What we keep about you")
NOTHING = QT_TRANSLATE_NOOP("PersonAccess", "Nothing of this kind is kept.")
INTRO = QT_TRANSLATE_NOOP(
    "PersonAccess", "Everything this office's computer holds about the person named below, "
    "as of the date at the foot of each page. You may ask for any of it to be corrected, or "
    "for all of it to be removed.")

#: (section key, title, {column key: header})
_SECTIONS: tuple[tuple[str, str, dict[str, str]], ...] = (
    ("attendance", QT_TRANSLATE_NOOP("PersonAccess", "Events you came to"), {
        "event": QT_TRANSLATE_NOOP("PersonAccess", "Event"),
        "starts_at": QT_TRANSLATE_NOOP("PersonAccess", "When"),
        "status": QT_TRANSLATE_NOOP("PersonAccess", "Attendance"),
        "role": QT_TRANSLATE_NOOP("PersonAccess", "Role"),
        "rating": QT_TRANSLATE_NOOP("PersonAccess", "Your rating"),
        "feedback_comment": QT_TRANSLATE_NOOP("PersonAccess", "Your comment")}),
    ("submissions", QT_TRANSLATE_NOOP("PersonAccess", "What you said in consultations"), {
        "consultation": QT_TRANSLATE_NOOP("PersonAccess", "Consultation"),
        "received_on": QT_TRANSLATE_NOOP("PersonAccess", "Received"),
        "text": QT_TRANSLATE_NOOP("PersonAccess", "Text"),
        "response": QT_TRANSLATE_NOOP("PersonAccess", "Answer")}),
    ("visits", QT_TRANSLATE_NOOP("PersonAccess", "Your visits for advice"), {
        "visited_at": QT_TRANSLATE_NOOP("PersonAccess", "When"),
        "topic": QT_TRANSLATE_NOOP("PersonAccess", "Topic"),
        "outcome": QT_TRANSLATE_NOOP("PersonAccess", "Outcome"),
        "staff": QT_TRANSLATE_NOOP("PersonAccess", "Who advised you")}),
    ("ideas", QT_TRANSLATE_NOOP("PersonAccess", "Your ideas and appeals"), {
        "title": QT_TRANSLATE_NOOP("PersonAccess", "Idea"),
        "received_on": QT_TRANSLATE_NOOP("PersonAccess", "Received"),
        "status": QT_TRANSLATE_NOOP("PersonAccess", "Status"),
        "response": QT_TRANSLATE_NOOP("PersonAccess", "Answer")}),
    ("organizations", QT_TRANSLATE_NOOP("PersonAccess", "Organisations you belong to"), {
        "organization": QT_TRANSLATE_NOOP("PersonAccess", "Organisation"),
        "role": QT_TRANSLATE_NOOP("PersonAccess", "Role"),
        "since": QT_TRANSLATE_NOOP("PersonAccess", "Since")}),
    ("attachments", QT_TRANSLATE_NOOP("PersonAccess", "Files about you"), {
        "filename": QT_TRANSLATE_NOOP("PersonAccess", "File"),
        "size": QT_TRANSLATE_NOOP("PersonAccess", "Size, bytes"),
        "created_at": QT_TRANSLATE_NOOP("PersonAccess", "Added")}),
    ("history", QT_TRANSLATE_NOOP("PersonAccess", "Who changed your record, and when"), {
        "when": QT_TRANSLATE_NOOP("PersonAccess", "When"),
        "what": QT_TRANSLATE_NOOP("PersonAccess", "Change"),
        "fields": QT_TRANSLATE_NOOP("PersonAccess", "Fields"),
        "by": QT_TRANSLATE_NOOP("PersonAccess", "By")}),
)

#: (section, field) -> the vocabulary whose label stands for the code ("" = any section).
_VOCABULARIES = {
    ("", "gender"): "genders", ("", "age_group"): "age_groups",
    ("", "consent_method"): "consent_methods", ("attendance", "status"): "attendance_statuses",
    ("attendance", "role"): "attendance_roles", ("ideas", "status"): "idea_statuses",
    ("ideas", "channel"): "idea_channels", ("submissions", "received_via"): "received_via",
    ("visits", "tool"): "visit_tools", ("organizations", "role"): "org_member_roles",
}
#: Labels of the fields `everything_about` adds to the person's own.
_EXTRA_LABELS = {
    "created_at": QT_TRANSLATE_NOOP("PersonAccess", "Record made"),
    "updated_at": QT_TRANSLATE_NOOP("PersonAccess", "Last changed"),
    "settlement": QT_TRANSLATE_NOOP("PersonAccess", "Settlement"),
    "registered_by_office": QT_TRANSLATE_NOOP("PersonAccess", "Office that keeps the record"),
    "deleted": QT_TRANSLATE_NOOP("PersonAccess", "Deleted"),
}
_WHAT = {"insert": QT_TRANSLATE_NOOP("PersonAccess", "created"),
         "update": QT_TRANSLATE_NOOP("PersonAccess", "changed"),
         "delete": QT_TRANSLATE_NOOP("PersonAccess", "deleted"),
         "undelete": QT_TRANSLATE_NOOP("PersonAccess", "restored")}


def _moment(text: str) -> str:
    """A stored date or moment as a person reads it: 27.05.2025 or 27.05.2025 14:00 (local
    time); anything else as it is."""
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text).strftime("%d.%m.%Y")
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%d.%m.%Y %H:%M")


def access_report(data: Mapping[str, Any], *, office: str, generated: str,
                  translate: Translate = lambda _context, text: text) -> Report:
    """The readable form of `everything_about`'s answer."""
    def t(text: str) -> str:
        return translate("PersonAccess", text)

    def value(section: str, key: str, raw: Any) -> Any:
        if isinstance(raw, list):
            return ", ".join(translate("Field", field_label(str(v))) for v in raw)
        name = _VOCABULARIES.get((section, key)) or _VOCABULARIES.get(("", key))
        if name and isinstance(raw, str) and raw in vocab.codes(name):
            return translate("Vocab", vocab.label(name, raw, "en"))
        if key == "what" and raw in _WHAT:
            return t(_WHAT[raw])
        if isinstance(raw, bool) or (key in ("idp", "disability", "deleted")
                                     and raw in (0, 1)):
            return t(QT_TRANSLATE_NOOP("PersonAccess", "yes")) if raw else \
                t(QT_TRANSLATE_NOOP("PersonAccess", "no"))
        if isinstance(raw, str) and raw[:4].isdigit() and raw[4:5] == "-":
            return _moment(raw)
        return raw

    def label(key: str) -> str:
        return t(_EXTRA_LABELS[key]) if key in _EXTRA_LABELS else \
            translate("Field", field_label(key))

    person = data.get("person", {})
    about = Table(
        title=t(QT_TRANSLATE_NOOP("PersonAccess", "Your record")),
        columns=(Column(t(QT_TRANSLATE_NOOP("PersonAccess", "Field"))),
                 Column(t(QT_TRANSLATE_NOOP("PersonAccess", "Value")))),
        rows=tuple((label(k), str(value("", k, v))) for k, v in person.items()),
        note=t(INTRO))
    tables = [about]
    for key, title, columns in _SECTIONS:
        rows = data.get(key) or []
        tables.append(Table(
            title=t(title),
            columns=tuple(Column(t(header), TEXT) for header in columns.values()),
            rows=tuple(tuple("" if row.get(c) is None else str(value(key, c, row.get(c)))
                             for c in columns) for row in rows),
            note="" if rows else t(NOTHING)))
    name = " ".join(str(person[k]) for k in ("last_name", "first_name", "patronymic")
                    if person.get(k))
    return Report(title=t(TITLE), office=office, period=name, generated=generated,
                  sections=(Section("person", name, tuple(tables)),))
