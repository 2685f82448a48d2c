"""Forgetting a person: what is removed and what stays (the right to erasure).

Why these rules: Ukraine's law on personal data gives a resident the right to have their data
destroyed, and the offices must still report how many people they reached, by gender and age
group. So forgetting removes who the person is (name, birth year, contacts, address, notes,
the sensitive marks of displacement and disability) and the free text about them in records
that are theirs (feedback, what they submitted to a consultation, the topic and outcome of
an advice visit, their files), and keeps what the statistics count: gender, age group,
settlement, office, and the check-ins themselves. An idea they proposed stays (it is a
proposal about the community, answered by the council) but no longer names them.

The store applies these rules to the record, to every earlier value in its change log, to
its backups and, through sync, to the platform and every other device (desktop/store/forget.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

#: What a forgotten person's name becomes (the lists show that the data was removed).
FORGOTTEN_LAST_NAME = "Дані"
FORGOTTEN_FIRST_NAME = "Видалено"
#: What a required text about the person becomes (a submission's text, a visit's topic).
REMOVED_TEXT = "(видалено на прохання особи)"

#: The person's own fields that are removed; gender, age group, settlement and office stay.
PERSON_FIELDS = ("last_name", "first_name", "patronymic", "birth_year", "phone", "email",
                 "address", "idp", "disability", "notes")

#: (table, column naming the person, fields about them: cleared, or REMOVED_TEXT when the
#: field is required). The council's answers to a submission are the council's text and stay.
RELATED: tuple[tuple[str, str, dict[str, str | None]], ...] = (
    ("attendance", "person_id", {"feedback_comment": None}),
    ("submissions", "person_id", {"text": REMOVED_TEXT}),
    ("visits", "person_id", {"topic": REMOVED_TEXT, "outcome": None}),
    ("ideas", "author_person_id", {"author_person_id": None}),
)

#: Tables whose records can hold files about the person (attachments' owner_table).
FILE_OWNERS = ("people", "submissions", "visits")


def forgotten_person(person: Mapping[str, Any], now: str) -> dict[str, Any]:
    """The changes that forget `person` at `now` (UTC ISO): identity and contacts removed,
    the age group kept as stored (the reports count it; working it out from the birth year
    now would move the person between columns of reports already sent), consent marked
    withdrawn, and the moment of forgetting recorded (it travels to every copy)."""
    changes: dict[str, Any] = dict.fromkeys(PERSON_FIELDS)
    changes["last_name"] = FORGOTTEN_LAST_NAME
    changes["first_name"] = FORGOTTEN_FIRST_NAME
    changes["forgotten_at"] = person.get("forgotten_at") or now
    if person.get("consent_given_at") and not person.get("consent_withdrawn_at"):
        changes["consent_withdrawn_at"] = max(now, str(person["consent_given_at"]))
    return changes


def scrubbed(table: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """`values` (a change's old or new fields) with what forgetting removes replaced: the
    same values the forgotten record itself now holds."""
    if table == "people":
        removed: dict[str, Any] = dict.fromkeys(PERSON_FIELDS)
        removed["last_name"] = FORGOTTEN_LAST_NAME
        removed["first_name"] = FORGOTTEN_FIRST_NAME
    else:
        removed = next((dict(fields) for name, _link, fields in RELATED if name == table), {})
    return {k: removed.get(k, v) for k, v in values.items()}


def is_forgotten(person: Mapping[str, Any] | None) -> bool:
    return bool(person and person.get("forgotten_at"))


def reidentifies(fields: Mapping[str, Any]) -> bool:
    """Whether a change to a forgotten person would put back who they are (any removed
    field given a value other than the forgotten one)."""
    for field in PERSON_FIELDS:
        if field not in fields or fields[field] in (None, ""):
            continue
        if field == "last_name" and fields[field] == FORGOTTEN_LAST_NAME:
            continue
        if field == "first_name" and fields[field] == FORGOTTEN_FIRST_NAME:
            continue
        return True
    return "forgotten_at" in fields and not fields["forgotten_at"]
