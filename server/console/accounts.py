"""Council staff accounts, their sessions and the guards of the console's forms.

Why these choices: the console is on the open internet beside the sync API, so a password is
kept only as an Argon2id hash (argon2-cffi, the OWASP recommendation), a session is a random
token of which the database keeps only a hash (a copied database lets nobody in), every form
carries a per-session CSRF token, and failed logins are counted in the database (so every
worker process of `serve --workers N` sees them) and refused for a while after a few.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from server.db import ServerDB

ROLES = ("admin", "officer")
MIN_PASSWORD = 10
#: A session ends after this long without a request.
SESSION_IDLE = timedelta(hours=8)
#: Failed logins counted over this window; past the limits the login is refused for it.
FAILURE_WINDOW = timedelta(minutes=15)
FAILURES_PER_LOGIN = 5
FAILURES_PER_ADDRESS = 20

_hasher = PasswordHasher()
#: Verified when the login is unknown, so that a wrong login takes as long as a wrong
#: password (no telling from the time which logins exist).
_DUMMY_HASH = _hasher.hash("not a password of anyone")


class AccountError(ValueError):
    """A bad account request, said in plain words (the CLI and the console show it):
    `text` is the English phrase with `{placeholders}`, `values` fill them."""

    def __init__(self, text: str, **values: object) -> None:
        super().__init__(text.format(**values))
        self.text = text
        self.values = values


@dataclass(frozen=True)
class Staff:
    id: str
    login: str
    name: str
    role: str

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def user_id(self) -> str:
        """Who the feed's audit names for this person's changes."""
        return f"console:{self.login}"


@dataclass(frozen=True)
class Session:
    staff: Staff
    csrf: str


def _now() -> datetime:
    return datetime.now(UTC)


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds").replace("+00:00", "Z")


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def clean_login(login: str) -> str:
    return login.strip().lower()


def create_staff(db: ServerDB, login: str, name: str, password: str, role: str) -> Staff:
    """A new staff account; refuses a taken login, an unknown role or a short password."""
    login = clean_login(login)
    if not login or not login.replace(".", "").replace("-", "").replace("_", "").isalnum():
        raise AccountError("The login may use letters, digits, dots, hyphens and underscores.")
    if role not in ROLES:
        raise AccountError("The role must be one of: {roles}.", roles=", ".join(ROLES))
    if len(password) < MIN_PASSWORD:
        raise AccountError("The password must have at least {count} characters.",
                           count=MIN_PASSWORD)
    if not name.strip():
        raise AccountError("The person's name is empty.")
    staff = Staff(secrets.token_hex(8), login, name.strip(), role)
    with db.transaction(write=True) as tx:
        if tx.one("SELECT 1 FROM console_staff WHERE login = ?", (login,)) is not None:
            raise AccountError("There is already an account «{login}».", login=login)
        tx.execute("INSERT INTO console_staff(id, login, name, role, password_hash, created_at)"
                   " VALUES(?, ?, ?, ?, ?, ?)",
                   (staff.id, login, staff.name, role, _hasher.hash(password), _iso(_now())))
    return staff


def staff_list(db: ServerDB) -> list[Staff]:
    with db.transaction() as tx:
        rows = tx.all("SELECT id, login, name, role FROM console_staff "
                      "WHERE disabled_at IS NULL ORDER BY name")
    return [Staff(*row) for row in rows]


def disable_staff(db: ServerDB, staff_id: str) -> bool:
    """Close an account and end its sessions (its changes stay in the feed's history)."""
    with db.transaction(write=True) as tx:
        done = tx.execute("UPDATE console_staff SET disabled_at = ? WHERE id = ? AND "
                          "disabled_at IS NULL", (_iso(_now()), staff_id)).rowcount
        tx.execute("DELETE FROM console_sessions WHERE staff_id = ?", (staff_id,))
    return bool(done)


def too_many_failures(db: ServerDB, login: str, address: str) -> bool:
    since = _iso(_now() - FAILURE_WINDOW)
    with db.transaction() as tx:
        by_login = tx.one("SELECT count(*) FROM console_login_failures WHERE login = ? "
                          "AND at > ?", (clean_login(login), since))
        by_address = tx.one("SELECT count(*) FROM console_login_failures WHERE address = ? "
                            "AND at > ?", (address, since))
    return int(by_login[0]) >= FAILURES_PER_LOGIN or int(by_address[0]) >= FAILURES_PER_ADDRESS


def log_in(db: ServerDB, login: str, password: str, address: str) -> str | None:
    """A new session token for the right login and password (None: wrong, and counted)."""
    login = clean_login(login)
    with db.transaction() as tx:
        row = tx.one("SELECT id, password_hash FROM console_staff WHERE login = ? "
                     "AND disabled_at IS NULL", (login,))
    try:
        ok = _hasher.verify(row[1] if row else _DUMMY_HASH, password) and row is not None
    except (VerificationError, InvalidHashError):
        ok = False
    with db.transaction(write=True) as tx:
        if not ok:
            tx.execute("INSERT INTO console_login_failures(login, address, at) "
                       "VALUES(?, ?, ?)", (login[:100], address[:100], _iso(_now())))
            tx.execute("DELETE FROM console_login_failures WHERE at < ?",
                       (_iso(_now() - FAILURE_WINDOW * 4),))
            return None
        assert row is not None
        token = secrets.token_urlsafe(32)
        tx.execute("INSERT INTO console_sessions(token_hash, staff_id, csrf, last_seen_at) "
                   "VALUES(?, ?, ?, ?)",
                   (_token_hash(token), row[0], secrets.token_urlsafe(24), _iso(_now())))
        tx.execute("DELETE FROM console_login_failures WHERE login = ?", (login,))
    return token


def session_for(db: ServerDB, token: str | None) -> Session | None:
    """The live session of a cookie's token (it is kept alive by being used)."""
    if not token:
        return None
    with db.transaction(write=True) as tx:
        row = tx.one(
            "SELECT s.last_seen_at, s.csrf, t.id, t.login, t.name, t.role "
            "FROM console_sessions AS s JOIN console_staff AS t ON t.id = s.staff_id "
            "WHERE s.token_hash = ? AND t.disabled_at IS NULL", (_token_hash(token),))
        if row is None:
            return None
        if row[0] < _iso(_now() - SESSION_IDLE):
            tx.execute("DELETE FROM console_sessions WHERE token_hash = ?",
                       (_token_hash(token),))
            return None
        tx.execute("UPDATE console_sessions SET last_seen_at = ? WHERE token_hash = ?",
                   (_iso(_now()), _token_hash(token)))
    return Session(Staff(row[2], row[3], row[4], row[5]), row[1])


def log_out(db: ServerDB, token: str | None) -> None:
    if token:
        with db.transaction(write=True) as tx:
            tx.execute("DELETE FROM console_sessions WHERE token_hash = ?",
                       (_token_hash(token),))


def same_token(expected: str | None, given: str | None) -> bool:
    """A CSRF token check in constant time."""
    return bool(expected) and bool(given) and hmac.compare_digest(
        str(expected).encode(), str(given).encode())
