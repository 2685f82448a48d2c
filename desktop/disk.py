"""Is the data folder on an encrypted disk? Checked at first run and shown in About.

Why a check and not our own encryption: the store holds residents' names and phones, and a
village office's laptop can be stolen. Encrypting the SQLite file itself (SQLCipher) would
need a key kept somewhere on the same laptop, unlocked whenever the app runs — it protects a
copied file but not a stolen, logged-in machine, and it breaks the online backup, the
platform's tools and every SQLite reader a maintainer uses. Full-disk encryption (BitLocker
or Windows device encryption, LUKS, FileVault) protects the store, its backups, the
attachment files, the logs and the swap together, and Windows 10/11 laptops bought in the
last years mostly have it. So the app checks it and says plainly when it is off
(docs/reliability.md, "Data at rest"). No Qt here; the check runs on a worker.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ON, OFF, UNKNOWN = "on", "off", "unknown"


@dataclass(frozen=True)
class DiskEncryption:
    state: str      # ON, OFF or UNKNOWN
    how: str = ""   # "LUKS", "BitLocker", "FileVault", "ecryptfs"... or why unknown


def disk_encryption(path: Path) -> DiskEncryption:
    """Whether the disk holding `path` is encrypted, by what the system itself reports."""
    try:
        if sys.platform.startswith("linux"):
            return linux_encryption(Path(path))
        if sys.platform == "win32":
            return windows_encryption(Path(path))
        if sys.platform == "darwin":
            return macos_encryption()
    except (OSError, subprocess.SubprocessError, ValueError) as exc:
        return DiskEncryption(UNKNOWN, str(exc))
    return DiskEncryption(UNKNOWN, sys.platform)


# -- Linux: the block device under the folder, and the devices it is built on -----------------

def linux_encryption(path: Path, sys_root: Path = Path("/sys"),
                     mounts: Path = Path("/proc/mounts")) -> DiskEncryption:
    """dm-crypt (LUKS) anywhere under the folder's block device, or an encrypting file system
    (ecryptfs, fscrypt's mount options) at its mount point."""
    mount_type = _mount_type(path, mounts)
    if mount_type == "ecryptfs":
        return DiskEncryption(ON, "ecryptfs")
    device = os.stat(path).st_dev
    block = sys_root / "dev" / "block" / f"{os.major(device)}:{os.minor(device)}"
    if not block.exists():
        # tmpfs, overlay, a network share: no block device to ask.
        return DiskEncryption(UNKNOWN, mount_type or "no block device")
    return DiskEncryption(ON, "LUKS") if _crypt_below(block.resolve(), sys_root, set()) \
        else DiskEncryption(OFF, mount_type)


def _crypt_below(device: Path, sys_root: Path, seen: set[Path]) -> bool:
    if device in seen:
        return False
    seen.add(device)
    uuid = device / "dm" / "uuid"
    if uuid.exists() and uuid.read_text(encoding="ascii", errors="replace").startswith("CRYPT-"):
        return True
    slaves = device / "slaves"
    # a partition's parent disk is its directory's parent; dm/LVM devices list their slaves
    below = [s.resolve() for s in slaves.iterdir()] if slaves.is_dir() else []
    if (device / "partition").exists():
        below.append(device.parent)
    return any(_crypt_below(d, sys_root, seen) for d in below)


def _mount_type(path: Path, mounts: Path) -> str:
    best, kind = "", ""
    target = str(path.resolve())
    try:
        lines = mounts.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    for line in lines:
        parts = line.split()
        if len(parts) >= 3:
            point = parts[1].replace("\\040", " ")
            inside = target == point or target.startswith(point.rstrip("/") + "/")
            if inside and len(point) >= len(best):
                best, kind = point, parts[2]
    return kind


# -- Windows: BitLocker's state as Explorer shows it (no administrator needed) -------------------

#: System.Volume.BitLockerProtection: 1 on, 2 off, 3 encrypting, 4 decrypting, 5 suspended,
#: 6 on and locked; anything else (no BitLocker on this edition) is unknown.
_BITLOCKER = {1: ON, 3: ON, 6: ON, 2: OFF, 4: OFF, 5: OFF}


def windows_encryption(path: Path) -> DiskEncryption:
    drive = Path(path).resolve().drive or "C:"
    script = ("(New-Object -ComObject Shell.Application).NameSpace('" + drive + "')"
              ".Self.ExtendedProperty('System.Volume.BitLockerProtection')")
    done = subprocess.run(["powershell", "-NoProfile", "-NonInteractive", "-Command", script],
                          capture_output=True, text=True, timeout=10,
                          creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))
    value = done.stdout.strip()
    if not value.isdigit():
        return DiskEncryption(UNKNOWN, "BitLocker state not reported")
    return DiskEncryption(_BITLOCKER.get(int(value), UNKNOWN), "BitLocker")


def macos_encryption() -> DiskEncryption:
    done = subprocess.run(["fdesetup", "status"], capture_output=True, text=True, timeout=10)
    if "FileVault is On" in done.stdout:
        return DiskEncryption(ON, "FileVault")
    if "FileVault is Off" in done.stdout:
        return DiskEncryption(OFF, "FileVault")
    return DiskEncryption(UNKNOWN, "FileVault state not reported")
