"""Rules for merging two records of the same person (no Qt, no SQL).

Why: sign-in sheets, check-in at events and other laptops' registrations all create people,
and the same villager ends up registered twice ("Мар'яна" and "Марʼяна", an old and a new
phone). An operator merges them: one record is kept, the other's events, ideas, visits,
comments and CSO roles move to it, and for every detail the operator picks which value to
keep. These functions decide the defaults and combine what both records said; the store
(`desktop.store.merge`) applies the result in one transaction.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

Side = Literal["kept", "other"]

#: The details an operator chooses between, in form order. Fields that only make sense
#: together travel as one choice: the age group follows the birth year, and a consent is its
#: date, the text agreed to, how it was given and whether it was withdrawn.
CHOICE_GROUPS: tuple[tuple[str, ...], ...] = (
    ("last_name",), ("first_name",), ("patronymic",), ("gender",),
    ("birth_year", "age_group"), ("phone",), ("email",), ("settlement_id",), ("address",),
    ("office_id",), ("idp",), ("disability",), ("notes",),
    ("consent_given_at", "consent_text_version", "consent_method", "consent_withdrawn_at"),
)

#: Every person field covered by a choice.
MERGED_FIELDS: tuple[str, ...] = tuple(f for group in CHOICE_GROUPS for f in group)

CONSENT_GROUP = CHOICE_GROUPS[-1]

#: Attendance statuses from the most to the least telling: if either record says the person
#: came, they came.
ATTENDANCE_STATUS_ORDER = ("attended", "registered", "no_show", "cancelled")

#: Feedback answers: the kept record's answer, else the other's.
FEEDBACK_FIELDS = ("knowledge_improved", "would_recommend", "rating")


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def group_key(group: tuple[str, ...]) -> str:
    """The name a choice is known by (its first field)."""
    return group[0]


def group_is_empty(record: Mapping[str, Any], group: tuple[str, ...]) -> bool:
    """Whether a record says nothing for this choice ("not stated" says nothing either)."""
    if group == ("gender",):
        return _empty(record.get("gender")) or record.get("gender") == "not_stated"
    if group == CONSENT_GROUP:
        return _empty(record.get("consent_given_at")) and \
            _empty(record.get("consent_withdrawn_at"))
    return all(_empty(record.get(name)) for name in group)


def same_value(kept: Mapping[str, Any], other: Mapping[str, Any],
               group: tuple[str, ...]) -> bool:
    return all(kept.get(name) == other.get(name) for name in group)


def _latest_consent_event(record: Mapping[str, Any]) -> str:
    return max(record.get("consent_given_at") or "", record.get("consent_withdrawn_at") or "")


def default_choices(kept: Mapping[str, Any], other: Mapping[str, Any]) -> dict[str, Side]:
    """Which record's value each choice starts with: the kept person's, unless it is empty
    and the other one has a value.

    Consent is the exception: the most recent decision wins, so a withdrawal recorded on
    either record is never undone by a merge (the person said no; that must stand).
    """
    choices: dict[str, Side] = {}
    for group in CHOICE_GROUPS:
        key = group_key(group)
        if group == CONSENT_GROUP:
            choices[key] = "other" if _latest_consent_event(other) > \
                _latest_consent_event(kept) else "kept"
        elif group_is_empty(kept, group) and not group_is_empty(other, group):
            choices[key] = "other"
        else:
            choices[key] = "kept"
    return choices


def merged_values(kept: Mapping[str, Any], other: Mapping[str, Any],
                  choices: Mapping[str, Side]) -> dict[str, Any]:
    """Every merged field's value, as the operator chose (defaults where they did not)."""
    defaults = default_choices(kept, other)
    values: dict[str, Any] = {}
    for group in CHOICE_GROUPS:
        side = choices.get(group_key(group), defaults[group_key(group)])
        source = other if side == "other" else kept
        for name in group:
            values[name] = source.get(name)
    return values


def merged_changes(kept: Mapping[str, Any], other: Mapping[str, Any],
                   choices: Mapping[str, Side]) -> dict[str, Any]:
    """Only the fields of the kept record that the merge changes."""
    return {name: value for name, value in merged_values(kept, other, choices).items()
            if kept.get(name) != value}


def _status_rank(status: Any) -> int:
    try:
        return ATTENDANCE_STATUS_ORDER.index(status)
    except ValueError:
        return len(ATTENDANCE_STATUS_ORDER)


def _join_comments(first: Any, second: Any) -> Any:
    if _empty(first):
        return second if not _empty(second) else None
    if _empty(second) or str(second).strip() == str(first).strip():
        return first
    return f"{str(first).strip()}\n\n{str(second).strip()}"


def merge_attendance(kept: Mapping[str, Any], other: Mapping[str, Any]) -> dict[str, Any]:
    """Both people were at the same event: one attendance that keeps what either recorded.

    The most telling status, the earliest check-in, a specific role over "participant",
    each feedback answer from the kept record if it has one, and both comments.
    """
    status = min((kept.get("status"), other.get("status")), key=_status_rank)
    times = [t for t in (kept.get("checked_in_at"), other.get("checked_in_at")) if t]
    role = kept.get("role")
    if role is None or (role == "participant"
                        and other.get("role") not in (None, "participant")):
        role = other.get("role")
    values: dict[str, Any] = {
        "status": status or kept.get("status") or other.get("status"),
        "checked_in_at": min(times) if times else None,
        "role": role,
        "feedback_comment": _join_comments(kept.get("feedback_comment"),
                                           other.get("feedback_comment")),
    }
    for name in FEEDBACK_FIELDS:
        values[name] = kept.get(name) if kept.get(name) is not None else other.get(name)
    return values


#: Roles in a CSO from the most to the least responsible.
ROLE_ORDER = ("head", "deputy", "contact", "member", "volunteer")


def merge_membership(kept: Mapping[str, Any], other: Mapping[str, Any]) -> dict[str, Any]:
    """Both people had a role in the same CSO: one membership covering both periods, with
    the more responsible role."""
    roles = [r for r in (kept.get("role"), other.get("role")) if r]
    role = min(roles, key=lambda r: ROLE_ORDER.index(r) if r in ROLE_ORDER
               else len(ROLE_ORDER)) if roles else None
    since = [s for s in (kept.get("since"), other.get("since")) if s]
    untils = (kept.get("until"), other.get("until"))
    until = None if any(u is None for u in untils) else max(u for u in untils if u)
    return {"role": role, "since": min(since) if since else None, "until": until}
