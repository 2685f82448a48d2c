"""Devices, tokens and one-time enrollment codes.

Only hashes of tokens and codes are stored, so a copy of the database does not let anyone sync
as an office. The token alone decides scope: an office device is bound to its office at
enrollment and nothing in a request can widen it.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from server.db import ServerDB

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read over the phone
CODE_TTL = timedelta(hours=72)


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.strip().upper().encode()).hexdigest()


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


@dataclass(frozen=True)
class Device:
    id: str
    office_id: str | None
    role: str  # "office" | "council"
    last_mutation: int

    @property
    def is_council(self) -> bool:
        return self.role == "council"


class AuthError(Exception):
    """The request is not from an enrolled, active device (401)."""


def new_enrollment_code(db: ServerDB, office_id: str | None, role: str,
                        ttl: timedelta = CODE_TTL) -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    code = f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"
    expires = (datetime.now(UTC) + ttl).isoformat(timespec="seconds").replace("+00:00", "Z")
    with db.transaction(write=True) as tx:
        tx.execute(
            "INSERT INTO enrollment_codes(code_hash, office_id, role, expires_at) "
            "VALUES(?, ?, ?, ?)",
            (_hash(code.replace("-", "")), office_id, role, expires),
        )
    return code


def enroll(db: ServerDB, code: str, device_id: str, device_name: str) -> tuple[str, Device]:
    """Spend a one-time code; returns the device's new token (shown once, never stored)."""
    code_hash = _hash(code.replace("-", "").replace(" ", ""))
    token = secrets.token_urlsafe(32)
    with db.transaction(write=True, lock_now=False) as tx:
        device_row = tx.lock_device(device_id)  # before the write lock (Tx.lock_device)
        tx.lock_writes()
        row = tx.one(
            "SELECT office_id, role, expires_at, used_at FROM enrollment_codes "
            "WHERE code_hash = ?", (code_hash,))
        if row is None:
            raise AuthError("This enrollment code is not valid. Check it or ask for a new one.")
        office_id, role, expires_at, used_at = row
        if used_at is not None:
            raise AuthError("This enrollment code has already been used. Ask for a new one.")
        if expires_at < now_iso():
            raise AuthError("This enrollment code has expired. Ask for a new one.")
        existing = device_row[1:] if device_row is not None else None
        if existing is not None:
            # Re-enrolling the same device (its token was lost, so the council revoked it)
            # keeps its mutation counter: its outbox continues where the platform stopped.
            # A device still in use is never taken over by whoever holds a fresh code.
            if existing[2] is None:
                raise AuthError("This device is already enrolled. If its access was lost, "
                                "ask the council to revoke it first, then enroll again.")
            if existing[0] != office_id or existing[1] != role:
                raise AuthError("This device is enrolled for another office; "
                                "it cannot change office with a code.")
            tx.execute("UPDATE devices SET token_hash = ?, revoked_at = NULL, name = ? "
                       "WHERE id = ?", (_token_hash(token), device_name, device_id))
        else:
            tx.execute(
                "INSERT INTO devices(id, token_hash, office_id, role, name, enrolled_at) "
                "VALUES(?, ?, ?, ?, ?, ?)",
                (device_id, _token_hash(token), office_id, role, device_name, now_iso()),
            )
        tx.execute("UPDATE enrollment_codes SET used_at = ?, used_by = ? WHERE code_hash = ?",
                   (now_iso(), device_id, code_hash))
        last = tx.one("SELECT last_mutation FROM devices WHERE id = ?", (device_id,))
    return token, Device(device_id, office_id, role, int(last[0]) if last else 0)


def device_for_token(db: ServerDB, token: str | None) -> Device:
    if not token:
        raise AuthError("Missing device token; enroll this device first.")
    with db.transaction() as tx:
        row = tx.one(
            "SELECT id, office_id, role, last_mutation, revoked_at FROM devices "
            "WHERE token_hash = ?", (_token_hash(token),))
    if row is None:
        raise AuthError("Unknown device token; enroll this device again.")
    if row[4] is not None:
        raise AuthError("This device's access was revoked; enroll it again.")
    return Device(row[0], row[1], row[2], int(row[3]))


def revoke(db: ServerDB, device_id: str) -> bool:
    with db.transaction(write=True, lock_now=False) as tx:
        tx.lock_device(device_id)  # first, as a push does (Tx.lock_device)
        tx.lock_writes()
        cur = tx.execute("UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                         (now_iso(), device_id))
        return bool(cur.rowcount)
