"""The device token goes to the OS credential store when there is one, else to a private file."""

from __future__ import annotations

import stat

import keyring
from keyring.backend import KeyringBackend

from desktop.sync.credentials import load_token, save_token


class MemoryKeyring(KeyringBackend):
    """A working credential store, as Windows Credential Manager or Secret Service would be."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


def test_token_goes_to_the_credential_store(tmp_path):
    previous = keyring.get_keyring()
    store = MemoryKeyring()
    keyring.set_keyring(store)
    try:
        assert save_token("device-1", "secret-token", tmp_path) is None
        assert not (tmp_path / "sync-token").exists()
        assert load_token("device-1", tmp_path) == "secret-token"
        assert ("hromada-desk", "device-1") in store.items
    finally:
        keyring.set_keyring(previous)


def test_without_a_credential_store_the_token_is_a_private_file(tmp_path):
    from keyring.backends import null

    previous = keyring.get_keyring()
    keyring.set_keyring(null.Keyring())
    try:
        warning = save_token("device-1", "secret-token", tmp_path)
        assert warning and "credential store" in warning
        path = tmp_path / "sync-token"
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert load_token("device-1", tmp_path) == "secret-token"
    finally:
        keyring.set_keyring(previous)
