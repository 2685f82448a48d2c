"""Consent to keep a person's personal data, as the offices record it.

Why: an idea's author, a consultation submission's author or an advice visitor is a named
person, and the council may only keep their name and phone with their consent (the law on
personal data protection). A person is therefore attached to such a record only when consent
is on file or is recorded at that moment, together with the version of the consent text they
agreed to and how they gave it, so the office can show exactly what was agreed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from desktop.domain import vocab
from desktop.domain.i18n import QT_TRANSLATE_NOOP
from desktop.domain.validation import age_group_for

#: The consent text the offices currently read out or hand over (printed on the paper form).
CONSENT_TEXT_VERSION = "2024-01"

CONSENT_MISSING = QT_TRANSLATE_NOOP(
    "Validation", "{label}: the person's consent to keeping their personal data is needed")


def has_consent(person: Mapping[str, Any] | None) -> bool:
    """Whether the person's consent is on file and not withdrawn since."""
    if not person or not person.get("consent_given_at"):
        return False
    withdrawn = person.get("consent_withdrawn_at")
    # ISO stamps in the same (UTC) form sort as text; a withdrawal before the latest consent
    # does not count (the person agreed again).
    return not withdrawn or str(withdrawn) < str(person["consent_given_at"])


def consent_fields(method: str, given_at: str) -> dict[str, Any]:
    """The people fields that record consent given now (`given_at`, UTC ISO) by `method`.

    A previous withdrawal is cleared: the change log keeps it, and the record must not say
    the consent was withdrawn before it was given.
    """
    if method not in vocab.codes("consent_methods"):
        raise ValueError(f"unknown consent method {method!r}")
    return {
        "consent_given_at": given_at,
        "consent_text_version": CONSENT_TEXT_VERSION,
        "consent_method": method,
        "consent_withdrawn_at": None,
    }


#: What a person without recorded consent keeps: what the offices' statistics count.
STATISTICS_FIELDS = ("gender", "age_group", "settlement_id", "office_id")
ANONYMOUS_LAST_NAME = "Анонімно"
ANONYMOUS_FIRST_NAME = "Без згоди"


def with_consent(values: Mapping[str, Any], given_at: str) -> dict[str, Any]:
    """A person's values with consent recorded as given on paper at `given_at` (a list's
    «Згода» column, signed on a sign-in sheet)."""
    return {**values, "consent_given_at": given_at, "consent_text_version": CONSENT_TEXT_VERSION,
            "consent_method": "paper"}


def statistics_only(values: Mapping[str, Any], today: dt.date | None = None) -> dict[str, Any]:
    """A person whose consent is not recorded: only gender, age group and settlement are
    kept (the KPIs count them); the name becomes a placeholder that says why."""
    kept = {k: values[k] for k in STATISTICS_FIELDS if values.get(k) is not None}
    if "age_group" not in kept and values.get("birth_year"):
        kept["age_group"] = age_group_for(int(values["birth_year"]), today)
    return {**kept, "last_name": ANONYMOUS_LAST_NAME, "first_name": ANONYMOUS_FIRST_NAME}
