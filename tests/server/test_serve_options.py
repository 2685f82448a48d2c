"""`hromada-server serve --push-changes N`: the platform's administrator sets how many
changes a device may send in one push; every worker process keeps to it and tells the
devices that ask. A value out of range is one clear line, and nothing is served."""

from __future__ import annotations

import signal
import subprocess
import sys

import pytest

from desktop.sync.transport import Transport, make_session
from desktop.sync.wire import MAX_PUSH_CHANGES
from server import auth, cli, service
from server.db import ServerDB
from tests.server.test_workers import ROOT, _free_port, _wait_healthy


@pytest.mark.parametrize("value", ["0", "-5", str(MAX_PUSH_CHANGES + 1)])
def test_a_push_size_out_of_range_is_one_clear_error(tmp_path, capsys, value):
    url = f"sqlite:///{tmp_path / 'p.sqlite3'}"
    assert cli.main(["--db", url, "serve", "--push-changes", value]) == 1
    err = capsys.readouterr().err
    assert err.strip() == \
        f"hromada-server: error: --push-changes must be from 1 to {MAX_PUSH_CHANGES}"


def test_every_worker_keeps_to_the_push_size_it_was_given(tmp_path):
    url = f"sqlite:///{tmp_path / 'p.sqlite3'}"
    db = ServerDB(url)
    office = service.create_office(db, "Офіс")
    tokens = [auth.enroll(db, auth.new_enrollment_code(db, office, "office"), f"laptop-{i:04d}",
                          "laptop")[0] for i in range(6)]
    db.close()
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "server", "--db", url, "serve", "--port", str(port),
         "--workers", "2", "--push-changes", "700"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(base, process)
        told = set()
        for i, token in enumerate(tokens):  # a fresh connection each: either process answers
            transport = Transport(base, token, session=make_session(retries=0))
            told.add(transport.post("/v1/push", {"device_id": f"laptop-{i:04d}", "changes": []},
                                    limits=1)["max_changes"])
        assert told == {700}
    finally:
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=60)
    assert process.returncode == 0, err[-2000:]


def test_the_default_is_the_wires_limit():
    parser = cli.build_parser()
    assert parser.parse_args(["serve"]).push_changes == MAX_PUSH_CHANGES
    assert parser.parse_args([]).push_changes == MAX_PUSH_CHANGES
