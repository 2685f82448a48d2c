"""Saving a record together with the person it names (author, visitor), in one transaction.

Why: at the office desk the person is often new ("add them quickly") or gives their consent
right there. The person, their consent and the idea, submission or visit that names them
must be stored together: a crash or a refused record must not leave a stray person behind,
nor a record pointing at someone whose consent was never written down.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from desktop.domain.consent import CONSENT_MISSING, consent_fields, has_consent
from desktop.domain.errors import FieldError, ValidationError
from desktop.domain.validation import field_label
from desktop.store.errors import RecordNotFound
from desktop.store.ids import utc_now
from desktop.store.records import Store


@dataclass(frozen=True)
class Author:
    """The person a record names: an existing one (`person_id`) or a new one (`new_person`,
    validated people fields); `consent_method` records their consent now."""

    person_id: str | None = None
    new_person: Mapping[str, Any] | None = None
    consent_method: str | None = None


@dataclass(frozen=True)
class Saved:
    record: dict
    person_id: str | None
    people_changed: bool


def save_with_author(
    store: Store, table: str, values: Mapping[str, Any], *, person_field: str,
    author: Author | None, record_id: str | None = None, user_id: str | None = None,
) -> Saved:
    """Insert (no `record_id`) or update `table`'s record with `person_field` set to the
    author, creating the person and recording their consent first if asked to.

    A newly attached person must have consent on file or given now; otherwise nothing is
    written and ValidationError names `person_field`. A person already attached before may
    stay without it (records from before consent was asked for).
    """
    values = dict(values)
    people_changed = False
    with store.write():
        current = store.get(table, record_id) if record_id else None
        person_id: str | None = None
        if author is not None and (author.person_id or author.new_person):
            now = utc_now()
            if author.new_person is not None:
                fields = dict(author.new_person)
                if author.consent_method:
                    fields.update(consent_fields(author.consent_method, now))
                person = store.insert("people", fields, user_id=user_id)
                people_changed = True
            else:
                person = store.get("people", author.person_id or "")
                if person is None:
                    raise RecordNotFound("The chosen person has been deleted meanwhile; "
                                         "choose them again.")
                if author.consent_method and not has_consent(person):
                    person = store.update("people", person["id"],
                                          consent_fields(author.consent_method, now),
                                          user_id=user_id)
                    people_changed = True
            person_id = person["id"]
            already = current is not None and current.get(person_field) == person_id
            if not already and not has_consent(person):
                raise ValidationError(FieldError(
                    person_field, CONSENT_MISSING, {"label": field_label(person_field)}))
        values[person_field] = person_id
        if record_id:
            record = store.update(table, record_id, values, user_id=user_id)
        else:
            record = store.insert(table, values, user_id=user_id)
    return Saved(record, person_id, people_changed)
