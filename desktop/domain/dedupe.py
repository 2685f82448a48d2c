"""Finding people who were registered twice.

The same person often signs in at several events and offices, typed slightly differently
each time. Two records are flagged when they share a phone number, or the same full name
(folded: case, apostrophes, look-alike letters) with the same birth year. A shared name alone
is not enough: Ukrainian names repeat far too often. Nothing is merged automatically; an
operator decides.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from contextlib import suppress
from itertools import combinations
from typing import Any

from desktop.domain.errors import ValidationError
from desktop.domain.i18n import QT_TRANSLATE_NOOP
from desktop.domain.names import name_key
from desktop.domain.phones import normalize_phone

SAME_PHONE = QT_TRANSLATE_NOOP("Dedupe", "same phone number")
SAME_NAME_YEAR = QT_TRANSLATE_NOOP("Dedupe", "same name and birth year")

_REASONS = {"phone": SAME_PHONE, "name": SAME_NAME_YEAR}


def _year(value: Any) -> int | None:
    # 1985 from the database and "1985" from a form must give the same key.
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def duplicate_keys(person: dict[str, Any]) -> set[str]:
    """Keys under which this person may collide with another: "phone:+380…" and
    "name:<name key>|<birth year>" (only when the birth year is known)."""
    keys: set[str] = set()
    phone = person.get("phone")
    if phone:
        # An invalid number matches nothing rather than everything.
        with suppress(ValidationError):
            keys.add("phone:" + normalize_phone(str(phone)))
    last, first = person.get("last_name"), person.get("first_name")
    year = _year(person.get("birth_year"))
    if last and first and year is not None:
        keys.add(f"name:{name_key(last, first, person.get('patronymic'))}|{year}")
    return keys


def find_possible_duplicates(
    people: Iterable[dict[str, Any]],
) -> list[tuple[Hashable, Hashable, str]]:
    """Pairs (id, id, reason) of people that look like the same person, in input order.

    A pair matching on both phone and name is reported once, with both reasons joined by
    "; ". Deleted records are ignored.
    """
    groups: dict[str, list[Hashable]] = {}
    order: dict[Hashable, int] = {}
    for person in people:
        if person.get("deleted"):
            continue
        pid = person["id"]
        order.setdefault(pid, len(order))
        for key in duplicate_keys(person):
            groups.setdefault(key, []).append(pid)
    reasons: dict[tuple[Hashable, Hashable], set[str]] = {}
    for key, ids in groups.items():
        unique = sorted(set(ids), key=order.__getitem__)
        for pair in combinations(unique, 2):
            reasons.setdefault(pair, set()).add(key.split(":", 1)[0])
    return [
        (a, b, "; ".join(_REASONS[k] for k in ("phone", "name") if k in kinds))
        for (a, b), kinds in sorted(reasons.items(), key=lambda item: (
            order[item[0][0]], order[item[0][1]]))
    ]
