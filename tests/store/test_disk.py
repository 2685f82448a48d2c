"""Is the data folder on an encrypted disk (desktop/disk.py)? The Linux check reads sysfs:
here a sysfs tree is laid out in a real folder the way the kernel shows each case, and the
real machine's answer is checked too."""

from __future__ import annotations

import itertools
import os
import sys
from pathlib import Path

import pytest

from desktop import disk

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="the sysfs layout is Linux's")


def _sysfs(root: Path, folder: Path, chain: list[tuple[str, str | None]]) -> Path:
    """dev/block/<our device> -> the first device of `chain`; each (name, dm uuid) lists the
    next as its slave."""
    devices = root / "devices" / "virtual" / "block"
    paths = []
    for name, uuid in chain:
        path = devices / name
        (path / "slaves").mkdir(parents=True)
        if uuid is not None:
            (path / "dm").mkdir()
            (path / "dm" / "uuid").write_text(uuid + "\n")
        paths.append(path)
    for upper, lower in itertools.pairwise(paths):
        (upper / "slaves" / lower.name).symlink_to(lower)
    number = os.stat(folder).st_dev
    link = root / "dev" / "block" / f"{os.major(number)}:{os.minor(number)}"
    link.parent.mkdir(parents=True)
    link.symlink_to(paths[0])
    return root


@pytest.mark.parametrize(("chain", "state"), [
    ([("sda", None)], disk.OFF),
    ([("dm-0", "CRYPT-LUKS2-4f1c-luks")], disk.ON),
    ([("dm-1", "LVM-abc"), ("dm-0", "CRYPT-LUKS2-4f1c-luks"), ("sda3", None)], disk.ON),
    ([("dm-1", "LVM-abc"), ("sda3", None)], disk.OFF),
], ids=["plain", "luks", "lvm-on-luks", "lvm-only"])
def test_the_device_chain_decides(tmp_path, chain, state):
    root = _sysfs(tmp_path / "sys", tmp_path, chain)
    found = disk.linux_encryption(tmp_path, sys_root=root, mounts=tmp_path / "no-mounts")
    assert found.state == state


def test_an_encrypting_file_system_or_no_block_device(tmp_path):
    mounts = tmp_path / "mounts"
    mounts.write_text(f"/dev/sda1 / ext4 rw 0 0\n/home/u/.Private {tmp_path} ecryptfs rw 0 0\n")
    assert disk.linux_encryption(tmp_path, sys_root=tmp_path / "sys",
                                 mounts=mounts) == disk.DiskEncryption(disk.ON, "ecryptfs")
    assert disk.linux_encryption(tmp_path, sys_root=tmp_path / "nothing",
                                 mounts=tmp_path / "no-mounts").state == disk.UNKNOWN


def test_this_machine_gets_an_answer(tmp_path):
    assert disk.disk_encryption(tmp_path).state in (disk.ON, disk.OFF, disk.UNKNOWN)
