"""One copy per data folder: the lock every start takes, before any socket is opened."""

from __future__ import annotations

import subprocess
import sys
import time

from desktop.ui.single_instance import LOCK_NAME, ask_running_copy, claim


def test_a_second_claim_on_the_folder_is_refused_until_the_first_lets_go(tmp_path):
    lock, taken = claim(tmp_path)
    assert lock is not None and not taken
    assert (tmp_path / LOCK_NAME).exists()
    try:
        assert claim(tmp_path) == (None, True)
        other = tmp_path / "other"
        other.mkdir()
        other_lock, other_taken = claim(other)  # another data folder runs on its own
        assert other_lock is not None and not other_taken
        other_lock.unlock()
    finally:
        lock.unlock()
    again, taken = claim(tmp_path)
    assert again is not None and not taken
    again.unlock()


def test_the_lock_of_a_copy_that_crashed_is_taken_over(tmp_path):
    crashed = ("import os, sys\nfrom desktop.ui.single_instance import claim\n"
               "lock, _ = claim(__import__('pathlib').Path(sys.argv[1]))\n"
               "assert lock is not None\nos._exit(0)  # no unlock: as a crash leaves it\n")
    subprocess.run([sys.executable, "-c", crashed, str(tmp_path)], check=True, timeout=60)
    assert (tmp_path / LOCK_NAME).exists()
    lock, taken = claim(tmp_path)
    assert lock is not None and not taken
    lock.unlock()


def test_a_folder_that_cannot_hold_a_lock_is_not_taken_for_a_running_copy(tmp_path):
    lock, taken = claim(tmp_path / "missing" / "folder")
    assert lock is None and not taken  # opening the store says what is wrong instead


def test_a_second_launch_gives_up_asking_when_no_copy_answers(tmp_path, app):
    started = time.monotonic()
    assert not ask_running_copy(tmp_path, wait_s=0.3)
    assert time.monotonic() - started >= 0.3  # it asked again for the time it was given
