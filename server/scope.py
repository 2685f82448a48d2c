"""Who may read and write what. The device's token decides; the request never does."""

from __future__ import annotations

from typing import Any

from desktop.domain import erasure
from desktop.sync import wire
from server.auth import Device

# Everyone reads these; their office_id (if any) is informative, not a fence.
SHARED_TABLES = frozenset({
    "districts", "settlements", "offices", "event_kinds", "idea_categories", "organizations",
    "consultations", "events", "answer_periods", "days_off",
})
# Only the council writes the reference lists.
COUNCIL_ONLY_TABLES = frozenset({
    "districts", "settlements", "offices", "event_kinds", "idea_categories", "targets",
    "answer_periods", "days_off",
})
# Shared records any office may edit (the CSO directory is kept together).
OPEN_SHARED_TABLES = frozenset({"organizations"})
# The council's answers: an office can neither write nor change them.
COUNCIL_FIELDS: dict[str, frozenset[str]] = {
    "ideas": frozenset({"response", "responded_on"}),
    "submissions": frozenset({"response", "responded_on"}),
}
OFFICE_IDEA_STATUSES = frozenset({"new", "forwarded"})
CONFLICT_RESOLUTION_FIELDS = frozenset({"resolved_at", "resolved_by"})
#: An office may clear a conflict's kept values (forgetting a person), never rewrite them.
CONFLICT_ERASABLE_FIELDS = frozenset({"winning_value", "losing_value"})


def readable_filter(device: Device) -> tuple[str, list[Any]]:
    """SQL condition on the records table for what this device may read."""
    if device.is_council:
        return "1 = 1", []
    return "(shared = 1 OR office_id = ?)", [device.office_id]


def owner_office(table: str, fields: dict[str, Any], device: Device) -> str | None:
    """The office a new record belongs to: an office device's own; the council's choice."""
    if not device.is_council:
        return device.office_id
    if table == "offices":
        return None
    return fields.get("office_id")


def write_refusal(
    device: Device, table: str, existing: dict[str, Any] | None, fields: dict[str, Any],
) -> str | None:
    """Why this device may not make this change, in plain words; None if it may."""
    before = existing["data"] if existing else {}
    if table == "people" and erasure.is_forgotten(before) and erasure.reidentifies(fields):
        # Asked to be forgotten: nobody, the council included, puts the identity back (a
        # device that was offline may still send an edit made before it heard).
        return wire.REFUSE_FORGOTTEN
    if device.is_council:
        return None
    if table in COUNCIL_ONLY_TABLES:
        return wire.REFUSE_REFERENCE_LIST
    if table == "conflicts":
        if existing is None:
            return wire.REFUSE_CONFLICT_NEW
        cleared = {k for k in CONFLICT_ERASABLE_FIELDS & fields.keys() if fields[k] is None}
        if set(fields) - CONFLICT_RESOLUTION_FIELDS - cleared:
            return wire.REFUSE_CONFLICT_EDIT
    own = device.office_id
    if existing is None:
        claimed = fields.get("office_id")
        if claimed and claimed != own and table != "organizations":
            return wire.REFUSE_OTHER_OFFICE_NEW
    else:
        if table not in OPEN_SHARED_TABLES and existing["office_id"] != own:
            return wire.REFUSE_OTHER_OFFICE
        if "office_id" in fields and fields["office_id"] not in (None, own) \
                and table not in OPEN_SHARED_TABLES:
            return wire.REFUSE_MOVE
    for field in COUNCIL_FIELDS[table] & fields.keys() if table in COUNCIL_FIELDS else ():
        # Clearing counts as changing: an office must not erase the council's answer either.
        if fields[field] != before.get(field):
            return wire.REFUSE_COUNCIL_ANSWER
    if table == "ideas" and "status" in fields and fields["status"] != before.get("status"):
        if fields["status"] not in OFFICE_IDEA_STATUSES:
            return wire.REFUSE_COUNCIL_STATUS
        if existing is not None and before.get("status") not in (None, *OFFICE_IDEA_STATUSES):
            return wire.REFUSE_IDEA_TAKEN_UP
    return None
