"""The headless commands end to end, as a real process on a temporary data folder."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest


def run(data_dir: Path | None, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "desktop"]
    if data_dir is not None:
        cmd += ["--data-dir", str(data_dir)]
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([*cmd, *args], capture_output=True, text=True, env=full_env,
                          timeout=240, check=False)


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    result = run(folder, "demo", "--people", "400", "--events", "25", "--seed", "7")
    assert result.returncode == 0, result.stderr
    assert "people: 4" in result.stdout
    return folder


def test_demo_opens_as_a_real_office_with_its_staff(demo_dir):
    with sqlite3.connect(demo_dir / "hromada.sqlite3") as conn:
        office = conn.execute("SELECT value FROM meta WHERE key = 'office_id'").fetchone()[0]
        staff = conn.execute("SELECT value FROM meta WHERE key = 'staff_id'").fetchone()[0]
        assert conn.execute("SELECT office_id FROM staff WHERE id = ?",
                            (staff,)).fetchone()[0] == office


def test_demo_then_check_is_clean(demo_dir):
    result = run(demo_dir, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("OK:")


@pytest.mark.parametrize("kind", ["people", "events", "attendance", "consultations",
                                  "submissions", "visits", "ideas", "organizations"])
def test_export_every_kind_as_csv_and_json(demo_dir, tmp_path, kind):
    out = tmp_path / f"{kind}.csv"
    result = run(demo_dir, "export", kind, "--format", "csv", "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and "id" in rows[0]
    result = run(demo_dir, "export", kind, "--format", "json")
    assert result.returncode == 0, result.stderr
    records = json.loads(result.stdout)
    assert len(records) == len(rows)
    assert {r["id"] for r in records} == {r["id"] for r in rows}


def test_export_is_ukrainian_and_excel_friendly(demo_dir, tmp_path):
    out = tmp_path / "people.csv"
    run(demo_dir, "export", "people", "-o", str(out))
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel on Windows reads Cyrillic correctly
    assert any("\u0400" <= ch <= "\u04ff" for ch in raw.decode("utf-8-sig"))


def test_check_reports_tampering(demo_dir, tmp_path):
    copy = tmp_path / "copy"
    copy.mkdir()
    result = run(demo_dir, "backup", "-o", str(copy / "hromada.sqlite3"))
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(copy / "hromada.sqlite3") as conn:
        # A change made behind the store's back: no change-log entry, invalid phone.
        conn.execute("UPDATE people SET phone = '12345', version = version + 1 "
                     "WHERE rowid = (SELECT min(rowid) FROM people)")
        conn.execute("DELETE FROM search_docs WHERE doc_id = (SELECT min(doc_id) FROM search_docs)")
    result = run(copy, "check")
    assert result.returncode == 1
    assert "change log" in result.stdout
    assert "missing from search" in result.stdout
    assert "12345" in result.stdout
    assert "Traceback" not in result.stderr


def test_backup_and_restore_round_trip(demo_dir, tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    assert run(demo_dir, "backup", "-o", str(work / "hromada.sqlite3")).returncode == 0
    snapshot = tmp_path / "snap.sqlite3"
    assert run(work, "backup", "-o", str(snapshot)).returncode == 0
    with sqlite3.connect(work / "hromada.sqlite3") as conn:
        conn.execute("DELETE FROM attendance")
    result = run(work, "restore", str(snapshot))
    assert result.returncode == 0, result.stderr
    assert "previous database was kept" in result.stdout
    with sqlite3.connect(work / "hromada.sqlite3") as conn:
        assert conn.execute("SELECT count(*) FROM attendance").fetchone()[0] > 0
    assert list((work / "backups").glob("before-restore-*.sqlite3"))


def test_default_backup_goes_to_the_data_folder(demo_dir):
    result = run(demo_dir, "backup")
    assert result.returncode == 0, result.stderr
    path = Path(result.stdout.strip())
    assert path.parent == demo_dir / "backups" and path.exists()


def test_data_dir_from_environment(tmp_path):
    folder = tmp_path / "env-data"
    result = run(None, "demo", "--people", "30", "--events", "3",
                 env={"HROMADA_DATA_DIR": str(folder)})
    assert result.returncode == 0, result.stderr
    assert (folder / "hromada.sqlite3").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("export", "unicorns"), "invalid choice"),
        (("export", "people", "--format", "xml"), "invalid choice"),
        (("demo", "--people", "-5"), "negative"),
        (("demo", "--people", "many"), "not a whole number"),
        (("restore", "/no/such/backup.sqlite3"), "does not exist"),
        (("export", "people", "-o", "/no/such/folder/x.csv"), "does not exist"),
        (("check",), "no database"),
        (("backup",), "no database"),
    ],
)
def test_user_mistakes_are_one_clear_line(tmp_path, args, message):
    result = run(tmp_path / "empty", *args)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) <= 3


def test_restore_refuses_junk_and_keeps_the_database(demo_dir, tmp_path):
    work = tmp_path / "w"
    work.mkdir()
    run(demo_dir, "backup", "-o", str(work / "hromada.sqlite3"))
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("not a database")
    before = (work / "hromada.sqlite3").read_bytes()
    result = run(work, "restore", str(junk))
    assert result.returncode == 1
    assert "not" in result.stderr and "Traceback" not in result.stderr
    assert (work / "hromada.sqlite3").read_bytes() == before


def test_newer_database_is_refused_by_every_command(tmp_path):
    folder = tmp_path / "newer"
    folder.mkdir()
    with sqlite3.connect(folder / "hromada.sqlite3") as conn:
        conn.execute("CREATE TABLE meta(key, value)")
        conn.execute(f"PRAGMA application_id = {0x48524D44}")
        conn.execute("PRAGMA user_version = 999")
    for args in (("check",), ("export", "people")):
        result = run(folder, *args)
        assert result.returncode == 1
        assert "newer version" in result.stderr


def test_version_and_help():
    assert run(None, "--version").stdout.startswith("hromada-desk ")
    helptext = run(None, "--help").stdout
    for command in ("demo", "export", "check", "backup", "restore"):
        assert command in helptext


def test_smoke_test_builds_every_screen_in_ukrainian(tmp_path):
    result = run(tmp_path / "smoke", "smoke-test")
    assert result.returncode == 0, result.stderr
    assert "Сьогодні" in result.stdout and "9 screens" in result.stdout


def test_import_command_all_or_nothing_then_only_valid(tmp_path):
    """`hromada-desk import`: bad rows listed with line and column, nothing written; by
    choice, the good rows; --dry-run changes nothing."""
    import subprocess
    import sys

    data = tmp_path / "d"

    def desk(*args):
        return subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(data), *args],
                              capture_output=True, text=True, timeout=120)

    assert desk("demo", "--people", "0", "--events", "0").returncode == 0
    path = tmp_path / "list.csv"
    path.write_bytes("Прізвище;Ім'я;Стать;Телефон;Згода\r\nКоваль;Олена;ж;0671234567;так\r\n"
                     "Шевчук;Тарас;ч;12;так\r\n".encode("cp1251"))
    refused = desk("import", "people", str(path))
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "line 3, column «Телефон»" in refused.stderr and "nothing was imported" in \
        refused.stderr
    dry = desk("import", "people", str(path), "--only-valid", "--dry-run")
    assert dry.returncode == 0 and "nothing was changed" in dry.stdout
    done = desk("import", "people", str(path), "--only-valid")
    assert done.returncode == 0, done.stderr
    assert "1 new" in done.stdout and "1 bad rows left out" in done.stdout
    again = desk("import", "people", str(path), "--only-valid")
    assert "0 new" in again.stdout and "1 skipped" in again.stdout
    missing = desk("import", "attendance", str(path))
    assert missing.returncode == 1 and "--event" in missing.stderr
    nothing = desk("import", "people", str(tmp_path / "nope.csv"))
    assert nothing.returncode == 1 and "does not exist" in nothing.stderr


def test_self_test_exercises_the_whole_app_and_exits_0(tmp_path):
    """The check the frozen bundle runs (make dist), here from the source tree."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "desktop", "--self-test"], capture_output=True,
                          text=True, timeout=120, check=False, env=env)
    assert done.returncode == 0, done.stderr
    assert "self-test ok" in done.stdout
    for step in ("person checked in", "PDF and XLSX"):
        assert step in done.stdout


def test_demo_with_more_visits_per_person_has_more_check_ins(tmp_path):
    import sqlite3

    counts = []
    for visits, folder in (("5", tmp_path / "five"), ("8", tmp_path / "eight")):
        result = run(folder, "demo", "--people", "300", "--events", "20", "--seed", "3",
                     "--visits-per-person", visits)
        assert result.returncode == 0, result.stderr
        with sqlite3.connect(folder / "hromada.sqlite3") as conn:
            counts.append(conn.execute("SELECT count(*) FROM attendance").fetchone()[0])
    assert counts[1] > counts[0] * 1.3
    bad = run(tmp_path / "bad", "demo", "--visits-per-person", "0")
    assert bad.returncode == 2 and "more than 0" in bad.stderr and "Traceback" not in bad.stderr


@pytest.mark.parametrize("argv", [[], ["--data-dir", "/tmp/hub"], ["--data-dir=/tmp/hub"],
                                  ["--self-test"], ["--self-test", "--data-dir", "/tmp/hub"]])
def test_the_app_s_own_arguments_come_out_as_the_full_parser_reads_them(argv):
    from desktop import cli

    short = vars(cli.parse_args(argv))
    full = vars(cli.build_parser().parse_args(argv))
    assert short == {key: full[key] for key in ("self_test", "data_dir", "command")}
    assert short["command"] is None


@pytest.mark.parametrize("argv, message", [
    (["--data-dir"], "argument --data-dir: expected one argument"),
    (["--data-dir", "/tmp/hub", "--bogus"], "unrecognized arguments: --bogus"),
    (["bogus"], "invalid choice: 'bogus'"),
])
def test_a_wrong_argument_is_told_by_the_full_parser(argv, message, capsys):
    from desktop import cli

    with pytest.raises(SystemExit) as stopped:
        cli.parse_args(argv)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert message in err and "COMMAND" in err  # the full usage, commands included


def test_a_command_still_gets_its_own_parser():
    from desktop import cli

    args = cli.parse_args(["--data-dir", "/tmp/hub", "export", "people", "--format", "json"])
    assert (args.command, args.kind, args.format) == ("export", "people", "json")
