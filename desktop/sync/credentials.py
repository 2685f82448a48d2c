"""Where the device token lives: the operating system's credential store, through keyring.

Where no credential store exists (a minimal Linux, some locked-down Windows images) the token
falls back to a file in the data folder readable only by this user, and the app says so.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

SERVICE = "hromada-desk"


def _keyring_usable() -> bool:
    try:
        import keyring
        from keyring.backends import fail
    except Exception:
        return False
    backend = keyring.get_keyring()
    return not isinstance(backend, fail.Keyring) and backend.priority > 0


def save_token(device_id: str, token: str, data_dir: Path) -> str | None:
    """Store the token; returns a warning to show when it had to fall back to a file."""
    if _keyring_usable():
        import keyring

        try:
            keyring.set_password(SERVICE, device_id, token)
            _fallback(data_dir).unlink(missing_ok=True)
            return None
        except Exception:  # a store that exists but refuses (locked, no D-Bus session)
            pass
    path = _fallback(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(token)
    return (f"No system credential store is available; the sync token is kept in {path} "
            "(readable only by you).")


def load_token(device_id: str, data_dir: Path) -> str | None:
    if _keyring_usable():
        import keyring

        with contextlib.suppress(Exception):
            token = keyring.get_password(SERVICE, device_id)
            if token:
                return token
    path = _fallback(data_dir)
    return path.read_text().strip() if path.exists() else None


def _fallback(data_dir: Path) -> Path:
    return data_dir / "sync-token"
